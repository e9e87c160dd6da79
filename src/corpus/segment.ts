/**
 * Sentence splitting. `Intl.Segmenter` (ICU's sentence rules) does the work;
 * what it gets wrong for German and English news is mended here by merging
 * segments back together:
 * - abbreviations ("z. B.", "Dr.", "Mio.") and initials;
 * - German ordinals ("am 3. Oktober", "in der 56. Minute", "seinem 300.
 *   Spiel"): a number with a full stop after an article, a preposition with
 *   an article or a possessive is an ordinal, not a sentence end;
 * - a quotation of several sentences followed by its attribution
 *   ("»…. …«, sagte X.", "“…. …,” she said.") is one sentence;
 * - a dateline ending in a full stop ("BERLIN. Die …") opens its sentence;
 * - a year after a word's full stop opens a sentence ("… Partiturspiel.
 *   1999 gründete er …"), which ICU, seeing a lower-case word next, misses;
 * - an exclamation or question mark followed by a lower-case word ('the
 *   "a-ha!" moment', '"Stop!" he said') does not end the sentence;
 * - a piece with no letter or digit is not a sentence of its own.
 * ICU has no abbreviation list for German and no rule for these, and no npm
 * package adds them on top of Intl.Segmenter, so they are written by hand.
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

/**
 * Words after which "NUMBER." is a German ordinal: articles, prepositions
 * fused with an article, possessives and demonstratives ("der 56. Minute",
 * "am 3. Oktober", "seinem 300. Spiel"). After other words a number may end
 * a sentence ("im Jahr 2020.").
 */
const ORDINAL_BEFORE = new Set([
  'der', 'die', 'das', 'dem', 'den', 'des', 'ein', 'eine', 'einem', 'einen', 'einer', 'eines',
  'am', 'im', 'zum', 'zur', 'vom', 'beim', 'ins', 'ans', 'aufs', 'übers',
  'jede', 'jeder', 'jedem', 'jeden', 'jedes', 'diese', 'dieser', 'diesem', 'diesen', 'dieses',
  ...['mein', 'dein', 'sein', 'ihr', 'unser', 'euer', 'eur'].flatMap((p) => ['', 'e', 'em', 'en', 'er', 'es'].map((e) => p + e)),
]);

/** "NUMBER." after a word, or after a word and an inflected adjective, maybe coordinated ("16. und 17."); group 1 is the word. */
const ORDINAL_TAILS = [
  /(?:^|[\s(»„"“])(\p{L}+)\s+\d{1,4}\.(?:\s+(?:und|oder|bis)\s+\d{1,4}\.)?$/u,
  /(?:^|[\s(»„"“])(\p{L}+)\s+\p{Ll}+(?:e|en|em|er|es)\s+\d{1,4}\.(?:\s+(?:und|oder|bis)\s+\d{1,4}\.)?$/u,
];

/**
 * Opening quotation marks and the marks that close each. `“` opens English
 * quotes and closes German „…“; `«`/`»` open Swiss and close German quotes;
 * scraped German text often closes „ with a straight `"`. `'` and `’` are
 * apostrophes far more often than quotes, so single quotes are not tracked.
 */
const QUOTE_CLOSERS: Record<string, string> = { '»': '«', '«': '»', '„': '“"”', '“': '”"', '"': '"”' };

/** Most segments one quotation may span and still be merged with its attribution. */
const MAX_QUOTE_SEGMENTS = 6;

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
  // No space between the pieces: "S!STERS", "richten.09.10.2024" is one word, not two sentences.
  if (tail === head && /^[\p{L}\p{N}]/u.test(next) && /[\p{L}\p{N}][.!?]$/u.test(tail)) return true;
  // An exclamation or a question inside a sentence, mostly quoted: 'that "a-ha!" moment', '"Stop!" he said', "»Warum?«
  // fragt er": a next piece in lower case goes on with the same sentence.
  if (/[!?][»«“”"'’)]*$/u.test(tail)) return /^[\s»«“”"'’(]*\p{Ll}/u.test(next);
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
  // An ordinal after an article or possessive: "in der 56. Minute", "seinem 300. Spiel", also with an adjective
  // between ("des frühen 20. Jahrhunderts") or coordinated with another ordinal ("im 16. und 17. Jahrhundert").
  const ordinal = ORDINAL_TAILS.some((re) => ORDINAL_BEFORE.has(re.exec(tail)?.[1]?.toLowerCase() ?? ''));
  if (ordinal && /^\p{L}/u.test(firstWord)) return true;
  // Sentences do not start in lower case in German or English news.
  if (/^\p{Ll}/u.test(firstWord)) return true;
  return false;
}

/** Offset of the first non-space character of `text`. */
function firstStart(text: string): number {
  return text.length - text.trimStart().length;
}

/**
 * Scans `text` for quotation marks, continuing the open quotations in
 * `stack` (their opening marks, innermost last). Returns the offset just
 * past the mark that closes the outermost one, or -1 when it stays open.
 */
function scanQuotes(text: string, stack: string[]): number {
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const top = stack[stack.length - 1];
    if (top !== undefined && QUOTE_CLOSERS[top]!.includes(c)) {
      stack.pop();
      if (stack.length === 0) return i + 1;
    } else if (c in QUOTE_CLOSERS) {
      stack.push(c);
    }
  }
  return -1;
}

/** True when the text right after a closing quotation mark (and the character before it) is an attribution: "«, sagte X", ",” she said". */
function attributionFollows(before: string, after: string): boolean {
  return /^\s*,/.test(after) || (before === ',' && /^\s*\p{L}/u.test(after));
}

/**
 * Merges a quotation of several segments with the attribution after it, so
 * "»Wir sind gut. Wir gewinnen.«, sagte er." is one sentence. A quotation
 * that ends a sentence without an attribution ("»Wir kommen.« Sie kamen.")
 * keeps its segments.
 */
function mergeQuotations(text: string, spans: Span[]): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < spans.length; i++) {
    const span = { ...spans[i]! };
    const stack: string[] = [];
    if (scanQuotes(text.slice(span.start, span.end), stack) === -1 && stack.length > 0) {
      for (let j = i + 1; j < spans.length && j - i < MAX_QUOTE_SEGMENTS; j++) {
        const next = spans[j]!;
        const piece = text.slice(next.start, next.end);
        const close = scanQuotes(piece, stack);
        if (close === -1) continue;
        if (attributionFollows(piece[close - 2] ?? '', piece.slice(close))) {
          span.end = next.end;
          i = j;
        }
        break;
      }
    }
    out.push(span);
  }
  return out;
}

/** A dateline that ICU made a sentence of its own: a place in capitals ("BERLIN.", "NEW YORK.") or a place with an agency ("Kiel (dpa)."). */
const DATELINE =
  /^(?:\p{Lu}{2,}[\p{Lu}\p{M}'’.\/-]*(?:[ /-]\p{Lu}{2,}[\p{Lu}\p{M}'’.\/-]*){0,2}|\p{Lu}[\p{L}\p{M}'’.\/-]*(?:[ /-]\p{Lu}[\p{L}\p{M}'’.\/-]*){0,2}\s*\([\p{L}\/ .-]{2,30}\))\s*\.$/u;

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
  // ICU goes on past a full stop when the next letter is in lower case, so "… Partiturspiel. 1999 gründete er …"
  // stays one sentence: a year after a word's full stop opens a sentence of its own.
  for (let k = 0; k < raw.length; k++) {
    const { start, end } = raw[k]!;
    const piece = text.slice(start, end);
    const m = /(?<=(?:^|\s)([\p{L}]{2,}|\d{4})\.)\s+(?=(?:1\d{3}|20\d{2})\s+\p{Ll})/u.exec(piece);
    if (!m || ABBREVIATIONS.has(m[1]!.toLowerCase()) || MONTHS.has(m[1]!.toLowerCase())) continue;
    raw.splice(k, 1, { start, end: start + m.index + m[0].length }, { start: start + m.index + m[0].length, end });
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
  for (const { start, end } of mergeQuotations(text, merged)) {
    const piece = text.slice(start, end);
    const lead = piece.length - piece.trimStart().length;
    const trail = piece.length - piece.trimEnd().length;
    if (end - trail <= start + lead) continue;
    const span = { start: start + lead, end: end - trail };
    const prev = out[out.length - 1];
    const words = text.slice(span.start, span.end);
    if (prev && !/[\p{L}\p{N}]/u.test(words)) {
      // "+", "–", "***": not a sentence; it stays with the one before.
      prev.end = span.end;
    } else if (prev && out.length === 1 && prev.start === firstStart(text) && DATELINE.test(text.slice(prev.start, prev.end))) {
      // A dateline opens the paragraph's first sentence.
      prev.end = span.end;
    } else {
      out.push(span);
    }
  }
  return out;
}
