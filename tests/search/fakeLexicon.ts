/** A tiny hand-made lexicon for unit tests, so mechanisms are tested apart from the Ding data. */
import type { Lexicon } from '../../src/search/lexicon.ts';

export function fakeLexicon(toGerman: Record<string, string[]>, germanWords: string[] = [], germanLemmas: Record<string, string> = {}): Lexicon {
  const vocab = new Set([...germanWords, ...Object.values(toGerman).flat().flatMap((t) => t.split(' '))]);
  const reverse = new Map<string, string[]>();
  for (const [en, des] of Object.entries(toGerman)) for (const de of des) reverse.set(de, [...(reverse.get(de) ?? []), en]);
  return {
    toGerman: (en) => toGerman[en],
    toEnglish: (de) => reverse.get(de),
    maxEnglishPhraseWords: Math.max(1, ...Object.keys(toGerman).map((k) => k.split(' ').length)),
    isGermanWord: (w) => vocab.has(w) || w in germanLemmas,
    germanLemma: (w) => germanLemmas[w],
    englishWordsWithPrefix: (prefix, limit = 64) =>
      Object.keys(toGerman)
        .filter((k) => !k.includes(' ') && k.startsWith(prefix))
        .sort()
        .slice(0, limit),
  };
}
