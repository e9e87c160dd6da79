/**
 * The catalogues: every key in every language, with the same kind of value,
 * and every text within the Discord limit of the place it is shown.
 */
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/bot/format/limits.ts';
import { CATALOGUES, catalogue, refusalText, uiLanguage } from '../../src/i18n/index.ts';
import type { Catalogue } from '../../src/i18n/index.ts';

type Leaf = { path: string; value: unknown };

/** Every leaf of a catalogue, by dotted path (array items by index). */
function leaves(node: unknown, path = ''): Leaf[] {
  if (node !== null && typeof node === 'object') return Object.entries(node).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [{ path, value: node }];
}

/** A value as shown, with the longest arguments its place can get (numbers of 6 digits, ids of 8 hex digits, words of 40 letters). */
function render(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'function') throw new Error('not text');
  const f = value as (...a: unknown[]) => unknown;
  const tries: unknown[][] = [
    Array.from({ length: f.length }, (_, i) => (i === 0 ? 'x'.repeat(40) : 999_999)),
    Array.from({ length: f.length }, () => 999_999),
    Array.from({ length: f.length }, () => ['x'.repeat(40), 'y'.repeat(40), 'z'.repeat(40)]),
  ];
  for (const args of tries) {
    try {
      return String(f(...args));
    } catch {}
  }
  throw new Error('cannot render');
}

/** Discord's limit for the place a catalogue text is shown, by its path. */
function limitOf(path: string): number {
  if (/^commands\..*\.name$|^commands\..*\.choices\./.test(path)) return path.startsWith('commands.findInArticle') ? 32 : /choices/.test(path) ? LIMITS.choiceName : 32;
  if (/^commands\..*\.description$/.test(path)) return 100;
  if (/^bot\.(answer\.more|quote\.post|vote\.(up|down))$/.test(path)) return LIMITS.buttonLabel;
  if (/^bot\.(help\.(title|articles)|article\.(missesTitle|unanswered|downvoted)|summary\.title|source\.(publisher|byline|date|language|url|cites))$/.test(path)) return LIMITS.fieldName;
  if (/^bot\.(article\.(recordedNote|recordingOffNote)|answer\.(passage|passages|sentence|sentences|articles|searched)|source\.id)$/.test(path)) return 300; // footers (the renderers' own cap)
  // Labels and provenance of answers about the article itself: one short line each of an embed description.
  if (/^metadata\.(labels\.|labelOf$|fromLine$|fromMetadata$|firstCredited$)/.test(path)) return 150;
  if (/^refusal\./.test(path)) return 300;
  if (/^bot\.help\.lines\./.test(path)) return LIMITS.embedDescription / 12;
  return LIMITS.content;
}

const languages = Object.entries(CATALOGUES) as [string, Catalogue][];

describe('catalogues', () => {
  it('every language has every key of English, with the same kind of value (and functions the same arguments)', () => {
    const english = leaves(CATALOGUES.en);
    for (const [name, c] of languages) {
      const mine = leaves(c);
      expect(mine.map((l) => l.path), name).toEqual(english.map((l) => l.path));
      mine.forEach((l, i) => {
        const e = english[i]!.value;
        expect(typeof l.value, `${name}: ${l.path}`).toBe(typeof e);
        if (typeof e === 'function') expect((l.value as (...a: unknown[]) => unknown).length, `${name}: ${l.path}`).toBe((e as (...a: unknown[]) => unknown).length);
        if (typeof e === 'string' && (e as string).length > 0) expect((l.value as string).trim().length, `${name}: ${l.path}`).toBeGreaterThan(0);
      });
    }
  });

  it('every text fits the Discord limit of where it is shown', () => {
    for (const [name, c] of languages) {
      for (const l of leaves(c)) {
        const text = render(l.value);
        expect(text.length, `${name}: ${l.path}`).toBeLessThanOrEqual(limitOf(l.path));
      }
      expect(c.bot.help.lines.join('\n').length, `${name}: help`).toBeLessThanOrEqual(LIMITS.embedDescription - 1100);
    }
  });

  it('command, subcommand and option names follow Discord: lower case, no spaces, 1–32; English names are the ones the code reads', () => {
    const slashNames = (c: Catalogue) => leaves(c.commands).filter((l) => /\.name$/.test(l.path) && !l.path.startsWith('findInArticle'));
    for (const [name, c] of languages) {
      for (const l of slashNames(c)) {
        const n = l.value as string;
        expect(n, `${name}: ${l.path}`).toMatch(/^[-_'\p{L}\p{N}]{1,32}$/u);
        expect(n, `${name}: ${l.path}`).toBe(n.toLowerCase());
      }
      expect(c.commands.findInArticle.name.length).toBeLessThanOrEqual(32);
    }
    const en = CATALOGUES.en.commands;
    expect([en.ask.name, en.quote.name, en.summary.name, en.source.name, en.help.name, en.article.name]).toEqual(['ask', 'quote', 'summary', 'source', 'help', 'article']);
    expect(Object.keys(en.ask.options)).toEqual(Object.values(en.ask.options).map((o) => o.name));
  });

  it('names the German command options differently from each other within a command', () => {
    for (const [, c] of languages) {
      for (const command of Object.values(c.commands)) {
        const options = 'options' in command ? Object.values(command.options as Record<string, { name: string }>).map((o) => o.name) : [];
        expect(new Set(options).size).toBe(options.length);
      }
    }
  });
});

describe('choosing a language', () => {
  it('German for Discord and POSIX German locales, English for everything else', () => {
    for (const l of ['de', 'de-DE', 'de_DE.UTF-8', 'de_AT@euro', 'DE']) expect(uiLanguage(l)).toBe('de');
    for (const l of ['en-US', 'en-GB', 'fr', 'da', 'dev', '', null, undefined, 'C']) expect(uiLanguage(l)).toBe('en');
    expect(catalogue('de').code).toBe('de');
  });

  it('words refusals in either language, falling back to the engine text for an unknown code', () => {
    expect(refusalText(CATALOGUES.de, { code: 'not-mentioned', words: ['A', 'B', 'C'] })).toBe('Der Artikel erwähnt „A“, „B“ und „C“ nicht.');
    expect(refusalText(CATALOGUES.en, { code: 'too-long', length: 600, max: 500 })).toBe('The question is too long (600 characters; at most 500).');
    expect(refusalText(CATALOGUES.en, undefined, 'Engine words.')).toBe('Engine words.');
    expect(refusalText(CATALOGUES.de, null)).toBe('Das steht nicht im Artikel.');
    expect(refusalText(CATALOGUES.de, { code: 'article-lacks', field: 'date', articles: 1 })).toBe('Der Artikel hat kein Datum.');
    expect(refusalText(CATALOGUES.en, { code: 'article-lacks', field: 'byline', articles: 3 })).toBe('None of the 3 articles names its author: none has a byline.');
    // every field of a question about the article, in every language, for one article and for several
    for (const c of Object.values(CATALOGUES)) {
      for (const field of ['summary', 'byline', 'date', 'publisher', 'sources'] as const) {
        for (const articles of [1, 2]) expect(refusalText(c, { code: 'article-lacks', field, articles }).length, `${c.code} ${field}`).toBeGreaterThan(10);
      }
    }
  });
});
