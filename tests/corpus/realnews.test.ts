/**
 * The real scraped news pages of `../shared/eval/realnews/` (read-only, beside
 * the repository in CI; see scripts/realnews.ts for where it is looked for):
 * none of their listed chrome lines becomes an indexed sentence, every
 * headline is the page's real headline, and no sentence a question's answer
 * is in was lost.
 *
 * The rules are tested by kind on made-up pages (chrome.test.ts,
 * layout.test.ts); nothing in src/ names a word of these pages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditPage, realnewsDir, realnewsSlugs } from '../../scripts/realnews.ts';

const dir = realnewsDir();

/**
 * The real headline of each shared page, as a reader sees it (without the
 * kicker), or null where the scraped text shows none (its headline was not
 * scraped): then no sentence may be called the headline.
 */
const HEADLINES: Record<string, string | null> = {
  'fnp-local': 'Eröffnungstag macht Lust auf mehr',
  'innsalzach24-foreign': 'Steinmeier: Bedingungen für bessere Waffenruhe schaffen',
  'maz-culture': null,
  'sueddeutsche-politics': 'Herzensanliegen werden auf der Strecke bleiben',
  'techbook-technology': null,
  'verkehrsbrief-economy': 'Erstmals mehr als 3000 Elektro-Autos pro Monat',
  'watson-science': 'Wie die Nase ähnliche Düfte unterscheidet',
  'zdf-sport': 'Länderspiele - Lust oder Last?',
};

describe.runIf(dir !== null || process.env.CI)('the real news pages', () => {
  const slugs = dir ? realnewsSlugs(dir) : [];
  it('are there', () => {
    expect(dir, 'no ../shared/eval/realnews beside the repository').not.toBeNull();
    expect(slugs.length).toBeGreaterThanOrEqual(8);
  });
  for (const slug of slugs) {
    describe(slug, () => {
      const audit = auditPage(dir!, slug);
      const { article } = audit;
      it('indexes none of its chrome lines', () => {
        expect(audit.indexed).toEqual([]);
      });
      it('has its real headline', () => {
        const headlines = article.sentences.filter((s) => s.role === 'headline').map((s) => s.text);
        if (!(slug in HEADLINES)) return;
        const real = HEADLINES[slug];
        expect(headlines).toEqual(real === null ? [] : [real]);
        if (real !== null) expect(article.meta.title).toBe(real);
      });
      it('keeps every sentence a question is answered by', () => {
        const questions = readFileSync(join(dir!, `${slug}.questions.jsonl`), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; gold: string[] });
        for (const q of questions) {
          if (q.gold.length === 0) continue;
          expect(article.sentences.some((s) => q.gold.some((g) => s.text.includes(g))), q.id).toBe(true);
        }
      });
    });
  }
});
