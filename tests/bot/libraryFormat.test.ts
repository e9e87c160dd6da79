/** `/article add` and `/article list` replies: escaped, unpinging and within Discord's limits whatever the headlines, ids and addresses. */
import { describe, expect, it } from 'vitest';
import { linkTo, renderAdded, renderList } from '../../src/bot/format/library.ts';
import type { ArticleMeta } from '../../src/corpus/types.ts';
import { de, en } from '../../src/i18n/index.ts';
import type { LibraryEntry } from '../../src/library/library.ts';
import { expectWithinLimits } from './limits.ts';

const PINGABLE = /@(everyone|here)\b|<@[!&]?\d+>/;
const meta = (id: string, title: string, url: string | null = null): ArticleMeta => ({ id, title, kicker: null, publisher: null, byline: null, language: 'de', url, date: null });
const HOSTILE = `@everyone **bold** <@&123456789012345678> [x](https://evil.example) ${'Überlang '.repeat(400)}`;

describe('library replies', () => {
  it('the added article: headline escaped and cut, nothing pings, within limits', () => {
    for (const t of [en, de]) {
      const embed = renderAdded({ meta: meta('a'.repeat(64), HOSTILE), sentences: 12, dropped: 1, type: 'html', source: { kind: 'url', url: 'https://x.example/(a)', finalUrl: `https://x.example/${'p'.repeat(3000)})` } }, t);
      expectWithinLimits({ embeds: [embed] });
      expect(JSON.stringify(embed)).not.toMatch(PINGABLE);
      expect(embed.fields!.find((f) => f.name === t.bot.library.chrome)!.value).toBe(t.bot.library.chromeLines(1));
    }
  });

  it('a link cannot be broken out of: brackets and spaces encoded, only http(s) linked', () => {
    expect(linkTo('https://news.example/a_(b)/c d')).toBe('[news.example/a\\_(b)/c%20d](https://news.example/a_%28b%29/c%20d)');
    expect(linkTo('javascript:alert(1)')).toBe('javascript:alert(1)');
    expect(linkTo('not a url <@123456789012345678>')).not.toMatch(PINGABLE);
  });

  it('the list: 100 hostile entries, ten a page, every page within limits; a page past the end shows the last', () => {
    const entries: LibraryEntry[] = [{ origin: 'corpus', meta: meta('spiegel-gchq-aws', 'Britischer Geheimdienst schließt Deal mit Amazon', 'https://www.spiegel.de/x') }];
    for (let i = 0; i < 100; i++) {
      entries.push({ origin: 'added', meta: meta(`article-${i}`, HOSTILE), source: i % 2 ? { kind: 'file', name: `${'n'.repeat(300)}.html` } : { kind: 'url', url: 'u', finalUrl: `https://news.example/${'q'.repeat(2000)}` }, addedBy: '123456789012345678', addedAt: '2024-05-01T12:00:00.000Z' });
    }
    for (const page of [1, 2, 11, 12, 99]) {
      const embed = renderList(entries, page, de);
      expectWithinLimits({ embeds: [embed] });
      expect(embed.description!.replace(/<@123456789012345678>/g, '')).not.toMatch(PINGABLE);
    }
    expect(renderList(entries, 99, en).footer!.text).toBe('page 11 of 11 · 101 articles');
    expect(renderList(entries, 1, en).description).toMatch(/\/article list page: 2 shows the next page\.$/);
    expect(renderList(entries, 2, en).description).toContain('added by <@123456789012345678> <t:1714564800:R>');
  });
});
