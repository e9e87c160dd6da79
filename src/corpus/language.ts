/**
 * Telling German from English by their function words. A short question has
 * too few letters for n-gram identifiers (franc and friends need ~50+
 * characters), while function words decide even "Wer ist X?" vs "Who is X?".
 */
import { fold, words } from '../search/normalize.ts';

/** Frequent function words that are unambiguous between German and English (folded). */
const GERMAN = new Set(
  'der die das den dem des ein eine einen einem einer eines und ist sind waren wird werden wurde hat haben hatte nicht mit von zu zum zur auf fur uber unter sich auch noch nur wer wie wo wann warum welche welcher welches wieso weshalb wem wen woher wohin ob dass oder aber sehr schon bei nach aus vom im ins am es sie er wir ihr ich kein keine seinen seine ihre uns dieser diese dieses jene hier dort heute morgen gestern'.split(' '),
);
const ENGLISH = new Set(
  'the a and is are were will be been being has have had not with from to of on at by for about who what when where why how which whom whose does did do this that these those it its they he she we you i there their than then would could should can may might much many'.split(' '),
);

/** Language of a text: `'de'`, `'en'` or, when both show clearly, `'mixed'`; `'unknown'` with no evidence. */
export type DetectedLanguage = 'de' | 'en' | 'mixed' | 'unknown';

/** Counts German and English function words in `text`. */
export function languageEvidence(text: string): { de: number; en: number } {
  let de = 0;
  let en = 0;
  for (const w of words(text)) {
    const f = fold(w);
    if (GERMAN.has(f)) de++;
    if (ENGLISH.has(f)) en++;
  }
  return { de, en };
}

/** Detects the language of a question or article text from its function words. */
export function detectLanguage(text: string): DetectedLanguage {
  const { de, en } = languageEvidence(text);
  if (de === 0 && en === 0) return 'unknown';
  if (de > 0 && en > 0 && Math.min(de, en) / Math.max(de, en) >= 0.5) return 'mixed';
  return de >= en ? 'de' : 'en';
}
