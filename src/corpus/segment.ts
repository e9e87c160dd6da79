/**
 * Sentence splitting. `Intl.Segmenter` (ICU's sentence rules) does the work;
 * what it gets wrong for German and English news is mended here by merging
 * segments back together. ICU has no abbreviation list for German ("z. B.",
 * "Dr.", "Mio."), and no npm package adds one on top of Intl.Segmenter, so
 * the small lists below are written by hand.
 */

/** A sentence as offsets into the text that was segmented. */
export interface Span {
  start: number;
  end: number;
}

/** Abbreviations that end with a full stop but do not end a sentence (lower-cased, without the stop). */
const ABBREVIATIONS = new Set([
  // German
  'abs', 'abt', 'bzw', 'ca', 'dr', 'evtl', 'ggf', 'hr', 'hrsg', 'inkl', 'jh', 'jhd', 'kap', 'max', 'min', 'mio', 'mrd',
  'nr', 'prof', 'rd', 'sog', 'st', 'str', 'tel', 'usw', 'vgl', 'zit', 'zzgl', 'bspw', 'bzgl', 'gem', 'ggü', 'ehem',
  'jan', 'feb', 'febr', 'mär', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'okt', 'nov', 'dez', 'mrz',
  // English
  'mr', 'mrs', 'ms', 'messrs', 'jr', 'sr', 'vs', 'etc', 'inc', 'ltd', 'corp', 'co', 'no', 'gen', 'gov', 'sen', 'rep',
  'dept', 'approx', 'est', 'fig', 'e.g', 'i.e', 'u.s', 'u.k', 'mar', 'oct', 'dec',
]);

/** Month names (German and English, lower-cased) that commonly follow an ordinal "1." */
const MONTHS = new Set([
  'januar', 'jänner', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november',
  'dezember', 'january', 'february', 'march', 'may', 'june', 'july', 'october', 'december',
]);

const segmenters = new Map<string, Intl.Segmenter>();
function segmenterFor(language: string): Intl.Segmenter {
  let s = segmenters.get(language);
  if (!s) {
    s = new Intl.Segmenter(language, { granularity: 'sentence' });
    segmenters.set(language, s);
  }
  return s;
}

/** True when a segment ending like `head` was split too early before a segment starting like `next`. */
function falseBoundary(head: string, next: string): boolean {
  const tail = head.trimEnd();
  if (!tail.endsWith('.')) return false;
  const lastWord = /(?:^|[\s(»„"'“])([\p{L}.]+)\.$/u.exec(tail)?.[1]?.toLowerCase();
  if (lastWord !== undefined) {
    if (ABBREVIATIONS.has(lastWord)) return true;
    // Initials and letter abbreviations: "z. B.", "u. a.", "J. R. R.", "U.S."
    if (/^\p{L}$/u.test(lastWord) || /^(?:\p{L}\.)+\p{L}$/u.test(lastWord)) return true;
  }
  const firstWord = /^[\s»„"'“(]*([\p{L}\p{N}]+)/u.exec(next)?.[1] ?? '';
  // An ordinal before a month: "am 1. Juli"
  if (/(?:^|\s)\d{1,2}\.$/.test(tail) && MONTHS.has(firstWord.toLowerCase())) return true;
  // Sentences do not start in lower case in German or English news.
  if (/^\p{Ll}/u.test(firstWord)) return true;
  return false;
}

/**
 * Splits `text` into sentences and returns their spans, trimmed of surrounding
 * white space. A text without a final full stop (a headline) is one sentence.
 *
 * @param text - the text of one paragraph
 * @param language - BCP 47 language tag for the segmenter; default `'de'`
 */
export function splitSentences(text: string, language = 'de'): Span[] {
  const raw: Span[] = [];
  for (const seg of segmenterFor(language).segment(text)) {
    raw.push({ start: seg.index, end: seg.index + seg.segment.length });
  }
  const merged: Span[] = [];
  for (const span of raw) {
    const prev = merged[merged.length - 1];
    if (prev && falseBoundary(text.slice(prev.start, prev.end), text.slice(span.start, span.end))) {
      prev.end = span.end;
    } else {
      merged.push({ ...span });
    }
  }
  const out: Span[] = [];
  for (const { start, end } of merged) {
    const piece = text.slice(start, end);
    const lead = piece.length - piece.trimStart().length;
    const trail = piece.length - piece.trimEnd().length;
    if (end - trail > start + lead) out.push({ start: start + lead, end: end - trail });
  }
  return out;
}
