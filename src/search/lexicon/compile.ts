/**
 * Compiles the Ding German–English dictionary (Debian package `trans-de-en`,
 * file `/usr/share/trans/de-en`) into the compact lexicon that
 * `src/search/lexicon.ts` loads at run time.
 *
 * This module is BUILD-TIME only: `scripts/build-lexicon.ts` calls it, the
 * runtime never does. Its output is deterministic: the same input text gives
 * byte-identical output (sorted keys, stable tie-breaks, fixed gzip settings).
 *
 * ## Input format
 * One entry per line: `German side :: English side`. Each side is split into
 * sub-entries by ` | ` (aligned by position on both sides; sub-entry 0 is the
 * headword sense, later ones are inflections, compounds, phrases or example
 * sentences), each sub-entry into synonyms by `;`. Annotations in `{}` (word
 * class, gender, plural, English irregular verb forms), `[]` (domain and
 * register labels), `()` (glosses), `<>` (alternative spellings) and
 * `/…/` (abbreviations) are stripped from the terms and become terms of their own
 * that translate like their long forms (AI → KI, künstliche Intelligenz).
 *
 * ## Output format (`FORMAT_VERSION` 2): gzipped UTF-8 text, one record a line
 * ```
 * beleg-lexicon<TAB>1<TAB>maxEnglishPhraseWords<TAB>nEnglish<TAB>nGerman<TAB>source
 * english term<TAB>German translations       (nEnglish lines, sorted by UTF-8 bytes)
 * german term<TAB>English translations[<TAB>lemma]   (nGerman lines, sorted the same way)
 * ```
 * The optional lemma (version 2) is the base-36 line number, within the German
 * block, of the word an inflected form belongs to, as the dictionary's verb and
 * noun rows give it ("gefunden" → "finden", "geheimdienste" → "geheimdienst").
 * Translations are comma-separated base-36 line numbers into the other
 * language's block (0 = its first line), best first. A line format, not JSON:
 * `JSON.parse` of the ~22 MB took ~300 ms on the 2-core dev machine, while
 * the loader only needs the gunzipped bytes and an index of line offsets.
 * Because TAB sorts before every byte of a term, the sorted lines can be
 * binary-searched directly (comparing UTF-8 bytes), so the loader builds no
 * Map and decodes terms and translation lists only when asked.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fold, words } from '../normalize.ts';

/** Version of the compiled file layout; bump when the layout changes. */
export const FORMAT_VERSION = 2;

/** Options of {@link compileLexicon}. */
export interface CompileOptions {
  /** Longest term kept, in words, on either side. Default 3. */
  maxPhraseWords?: number;
  /** Most translations kept per term, in each direction. Default 12. */
  maxTranslations?: number;
  /**
   * Least number of distinct German compounds that must support a derived
   * head translation (e.g. "environment agency" = Umweltbehörde, "administrative
   * agency" = Verwaltungsbehörde, … ⇒ agency = Behörde). Default 3.
   */
  minCompoundHeadSupport?: number;
}

/** Counts reported by {@link compileLexicon}. */
export interface CompileStats {
  /** Dictionary lines read (comments excluded). */
  lines: number;
  /** Distinct (English, German) translation pairs found, before trimming. */
  pairs: number;
  /** Pairs derived from compound heads (see {@link CompileOptions.minCompoundHeadSupport}). */
  compoundHeadPairs: number;
  /** English terms in the output (words and phrases, inflected forms included). */
  englishTerms: number;
  /** German terms in the output. */
  germanTerms: number;
  /** German terms that are single words (what `isGermanWord` answers for). */
  germanWords: number;
  /** English terms that are inflected forms pointing to a lemma (e.g. "agencies" → "agency"). */
  englishInflections: number;
  /** German terms that are inflected forms pointing to a lemma (e.g. "geheimdienste" → "geheimdienst"). */
  germanInflections: number;
  /** Translation links written, both directions. */
  links: number;
}

/** The compiled lexicon, in memory (see the module comment for the file layout). */
export interface LexiconData {
  /** {@link FORMAT_VERSION}. */
  format: number;
  /** The dictionary and version it was compiled from. */
  source: string;
  /** Longest English term, in words. */
  maxEnglishPhraseWords: number;
  /** Folded English terms, sorted by UTF-8 bytes. */
  en: string[];
  /** Per `en` entry: comma-separated base-36 indices into `de`, best first ('' for none). */
  enToDe: string[];
  /** Folded German terms, sorted by UTF-8 bytes. */
  de: string[];
  /** Per `de` entry: comma-separated base-36 indices into `en`, best first ('' for none). */
  deToEn: string[];
  /** Per `de` entry: base-36 index into `de` of its lemma, for inflected forms ('' for none). */
  deLemma: string[];
}

/** Magic word of the first line of the compiled file. */
export const MAGIC = 'beleg-lexicon';

/** Writes {@link LexiconData} in the line-based file layout (before gzip). */
export function serializeLexicon(data: LexiconData): string {
  const header = [MAGIC, data.format, data.maxEnglishPhraseWords, data.en.length, data.de.length, data.source.replace(/\s+/g, ' ')];
  const out: string[] = [header.join('\t')];
  data.en.forEach((k, i) => out.push(`${k}\t${data.enToDe[i]}`));
  data.de.forEach((k, i) => out.push(data.deLemma[i] ? `${k}\t${data.deToEn[i]}\t${data.deLemma[i]}` : `${k}\t${data.deToEn[i]}`));
  return out.join('\n') + '\n';
}

/** Result of {@link compileLexicon}. */
export interface CompileResult {
  data: LexiconData;
  /** The gzipped file, ready to write. */
  bytes: Buffer;
  stats: CompileStats;
}

// ---------------------------------------------------------------------------
// Labels used for ranking

/** Register labels that make a term less likely in news text (per synonym). */
const RARE_LABELS = new Set([
  'veraltet', 'veraltend', 'obs.', 'archaic', 'dated', 'selten', 'rare', 'poet.', 'alt',
  'vulg.', 'slang', 'humor.', 'Sprw.', 'prov.', 'Jägersprache', 'hunters’ parlance',
]);
/** Regional labels: the word is fine, but not standard in German (or British/American) news. */
const REGIONAL_LABELS = new Set([
  'Ös.', 'Schw.', 'Bayr.', 'Norddt.', 'Süddt.', 'Mitteldt.', 'Mittelwestdt.', 'Westdt.',
  'Ostdt.', 'Südwestdt.', 'Nordostdt.', 'Austr.', 'Sc.', 'Ir.', 'NZ', 'Can.', 'South Africa',
]);
/** Style labels: a small penalty. */
const STYLE_LABELS = new Set(['ugs.', 'coll.', 'pej.', 'fig.', 'übtr.', 'geh.', 'formal', 'euphem.']);
/** Subject labels that fit news articles; every other subject label is a specialist sense. */
const NEWS_DOMAINS = new Set([
  'econ.', 'fin.', 'jur.', 'adm.', 'pol.', 'soc.', 'mil.', 'sport', 'comp.', 'med.', 'envir.',
  'transp.', 'school', 'telco.', 'meteo.', 'stud.', 'Br.', 'Am.', 'Dt.', 'eAm.', 'tm',
]);
const POS_TAGS = new Set([
  'm', 'f', 'n', 'pl', 'vt', 'vi', 'vr', 'v', 'adj', 'adv', 'interj', 'num', 'pron', 'conj',
  'prp', 'ppron', 'art', 'm,f', 'm,n', 'n,m', 'f,n', 'f,m', 'n,f', 'sing', 'pl.',
]);
const NOUN_TAGS = new Set(['m', 'f', 'n', 'pl', 'm,f', 'm,n', 'n,m', 'f,n', 'f,m', 'n,f']);
const VERB_TAGS = new Set(['vt', 'vi', 'vr', 'v']);

// ---------------------------------------------------------------------------
// Parsing

/** One synonym of a sub-entry, cleaned. */
interface Syn {
  /** Folded, space-joined words; '' when the synonym was dropped. */
  key: string;
  /** Number of words of `key`. */
  nWords: number;
  /** 0-based position among the synonyms of its sub-entry. */
  pos: number;
  /** Contents of `{}` annotations, e.g. "m", "pl", "vt", "dealt; dealt". */
  tags: string[];
  /** Contents of `[]` annotations, e.g. "ugs.", "zool.". */
  labels: string[];
}

/** Removes nested bracket groups; collects `{}` and `[]` contents. */
function stripAnnotations(text: string, tags: string[], labels: string[]): string {
  let out = '';
  const stack: string[] = [];
  let buf = '';
  const close: Record<string, string> = { '(': ')', '[': ']', '{': '}', '<': '>' };
  for (const ch of text) {
    if (ch in close) {
      if (stack.length === 0) buf = '';
      else buf += ch;
      stack.push(close[ch]!);
      continue;
    }
    if (stack.length > 0) {
      if (ch === stack[stack.length - 1]) {
        const opener = stack.pop();
        if (stack.length === 0) {
          if (opener === '}') tags.push(buf.trim());
          else if (opener === ']') labels.push(buf.trim());
          out += ' ';
        } else buf += ch;
      } else buf += ch;
      continue;
    }
    out += ch;
  }
  return out;
}

/** Splits at `;` outside brackets. */
function splitSynonyms(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(' || ch === '[' || ch === '{' || ch === '<') depth++;
    else if ((ch === ')' || ch === ']' || ch === '}' || ch === '>') && depth > 0) depth--;
    if (ch === ';' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}

/** Abbreviations between slashes, "/BND/", "/v. H./", "/ % /". */
// An abbreviation may also close a parenthetical gloss ("(United Kingdom … /UK/)").
const ABBREVIATION = /(^|\s)\/(?:[^\s/][^/]*|\s*[^\p{L}\s/]+\s*)\/(?=\s|;|\)|$)/gu;
/** German object placeholders ("jdn./etw."), with a preposition governing them ("mit jdm."). */
const DE_PLACEHOLDER =
  /(^|\s)(?:(?:mit|an|auf|aus|bei|durch|für|gegen|gegenüber|hinter|in|nach|über|um|unter|von|vor|zu|zwischen)\s+)?(?:(?:etw|jdn|jdm|jds|jd)\.?\/)*(?:etw|jdn|jdm|jds|jd)\.(?=\s|$)/g;
/**
 * English object placeholders ("sb./sth.", "sb.'s"). Reflexive "oneself" stays:
 * "to deny oneself sth." (sich etw. verkneifen) is not "to deny".
 */
const EN_PLACEHOLDER = /(^|\s)(?:(?:sb|sth)\.?\/)*(?:sb|sth)(?:\.?['’]s|\.)(?=\s|$)|(^|\s)sb['’]s(?=\s|$)/g;
const ALLOWED = /^[\p{L}\p{N}\s'’-]+$/u;
const DE_ARTICLES = new Set(['der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer']);
const EN_ARTICLES = new Set(['the', 'a', 'an']);

function parseSyn(raw: string, pos: number, lang: 'de' | 'en', maxWords: number): Syn {
  const tags: string[] = [];
  const labels: string[] = [];
  let text = stripAnnotations(raw, tags, labels);
  text = text.replace(lang === 'de' ? DE_PLACEHOLDER : EN_PLACEHOLDER, ' ');
  text = text.replace(/\s+/g, ' ').trim();
  const drop: Syn = { key: '', nWords: 0, pos, tags, labels };
  if (text === '' || !ALLOWED.test(text) || !/\p{L}/u.test(text)) return drop;
  let ws = words(fold(text));
  if (lang === 'en' && ws.length > 1 && ws[0] === 'to') ws = ws.slice(1);
  if (ws.length > 1 && (lang === 'en' ? EN_ARTICLES : DE_ARTICLES).has(ws[0]!)) ws = ws.slice(1);
  if (lang === 'de' && ws.length > 1) ws = ws.filter((w) => w !== 'sich');
  if (ws.length === 0 || ws.length > maxWords) return drop;
  if (ws.length === 1 && ws[0]!.length < 2) return drop;
  return { key: ws.join(' '), nWords: ws.length, pos, tags, labels };
}

/** An abbreviation usable as a term: one token of 2–10 letters, digits, "&" or "-", with a capital ("KI", "AI", "BND"). */
const TERM_ABBREVIATION = /^[\p{L}\p{N}&-]{2,10}$/u;

/** The abbreviations of a row, folded ("künstliche Intelligenz /KI/" → "ki"). */
function abbreviationsOf(raw: string): string[] {
  const out: string[] = [];
  for (const m of raw.matchAll(ABBREVIATION)) {
    const a = m[0].trim().slice(1, -1).trim();
    if (TERM_ABBREVIATION.test(a) && /\p{Lu}/u.test(a) && !out.includes(fold(a))) out.push(fold(a));
  }
  return out;
}

function parseRow(raw: string, lang: 'de' | 'en', maxWords: number): Syn[] {
  const cleaned = raw.replace(ABBREVIATION, ' ');
  return splitSynonyms(cleaned).map((s, i) => parseSyn(s, i, lang, maxWords));
}

// ---------------------------------------------------------------------------
// Inflections

/** English irregular forms given in `{past; past participle}` tags, word by word. */
function irregularForms(syn: Syn): string[] {
  const out: string[] = [];
  for (const tag of syn.tags) {
    if (POS_TAGS.has(tag) || tag.startsWith('prp') || tag.startsWith('+')) continue;
    for (const form of tag.split(/[;,]/)) {
      const w = words(fold(form));
      if (w.length === 1 && w[0]!.length > 1) out.push(w[0]!);
    }
  }
  return out;
}

/** True when `w` is a regular English inflection of `l` (plural, 3rd person, past, -ing). */
function isEnglishWordInflection(w: string, l: string): boolean {
  if (w === l) return false;
  if (!w.startsWith(l.slice(0, Math.max(1, l.length - 2)))) return false;
  const last = l[l.length - 1]!;
  const forms = [l + 's', l + 'es', l + 'ed', l + 'd', l + 'ing', l + last + 'ed', l + last + 'ing'];
  if (last === 'y') forms.push(l.slice(0, -1) + 'ies', l.slice(0, -1) + 'ied');
  if (last === 'e') forms.push(l.slice(0, -1) + 'ing');
  if (l.endsWith('ie')) forms.push(l.slice(0, -2) + 'ying');
  if (last === 'f') forms.push(l.slice(0, -1) + 'ves');
  if (l.endsWith('fe')) forms.push(l.slice(0, -2) + 'ves');
  if (l.endsWith('is')) forms.push(l.slice(0, -2) + 'es');
  if (l.endsWith('um')) forms.push(l.slice(0, -2) + 'a');
  if (l.endsWith('man')) forms.push(l.slice(0, -3) + 'men');
  return forms.includes(w);
}

/** True when English phrase `form` is an inflection of phrase `lemma` (one word differs). */
function isEnglishInflection(form: string, lemma: string, irregular: readonly string[]): boolean {
  const a = form.split(' ');
  const b = lemma.split(' ');
  if (a.length !== b.length || form === lemma) return false;
  let diff = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      if (diff >= 0) return false;
      diff = i;
    }
  }
  const w = a[diff]!;
  const l = b[diff]!;
  return isEnglishWordInflection(w, l) || (diff === 0 && irregular.includes(w));
}

/** Subject pronouns of German finite verb forms in Ding before each synonym ("ich/er/sie", "er/sie/es", "wir"). */
const DE_PRONOUNS = /(^|;)\s*(?:ich|du|er|sie|es|wir|ihr|man)(?:\/(?:ich|du|er|sie|es|wir|ihr|man))*\s+(?=\p{L})/giu;
/** Subject pronouns of English finite verb forms in Ding before each synonym ("I/he/she", "he/she/it", "they"). */
const EN_PRONOUNS = /(^|;)\s*(?:i|you|he|she|it|we|they|one)(?:\/(?:i|you|he|she|it|we|they|one))*\s+(?=\p{L})/giu;

/** True when every synonym of a raw sub-entry starts with a subject pronoun ("er/sie nimmt ab; …"). */
function startsWithPronoun(raw: string, pronouns: RegExp): boolean {
  const syns = splitSynonyms(raw).filter((s) => s.trim());
  return syns.length > 0 && syns.every((s) => s.replace(pronouns, '$1') !== s);
}

/** A raw sub-entry with the subject pronouns before each synonym removed ("er/sie nimmt ab" → "nimmt ab"). */
function stripPronouns(raw: string, pronouns: RegExp): string {
  return raw.replace(pronouns, '$1 ');
}

/** True when the two-word German form is a separated form of `lemma`: its second word is the particle the lemma begins with ("nahm ab", "abnehmen"). */
function isSeparatedForm(form: string, lemma: string): boolean {
  const ws = form.split(' ');
  return ws.length === 2 && lemma.startsWith(ws[1]!) && lemma.length > ws[1]!.length + 3;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

// ---------------------------------------------------------------------------
// Scoring

/** Penalty of a synonym's own register/regional/style labels. */
function synPenalty(syn: Syn): number {
  let p = 0;
  for (const l of syn.labels) {
    if (RARE_LABELS.has(l)) p = Math.max(p, 1.5);
    else if (REGIONAL_LABELS.has(l)) p = Math.max(p, 1);
    else if (STYLE_LABELS.has(l)) p = Math.max(p, 0.5);
  }
  return p;
}

/** Penalty of an entry whose headword sense carries a specialist subject label. */
function domainPenalty(rows: Syn[][]): number {
  for (const row of rows) {
    for (const syn of row) {
      for (const l of syn.labels) {
        if (RARE_LABELS.has(l) || REGIONAL_LABELS.has(l) || STYLE_LABELS.has(l)) continue;
        if (!NEWS_DOMAINS.has(l) && /^[\p{Ll}][\p{L}]*\.?$/u.test(l)) return 1;
      }
    }
  }
  return 0;
}

/** Best (lowest) score per target, and how many entries supported it. */
type Candidates = Map<string, { score: number; support: number }>;

function addCandidate(map: Map<string, Candidates>, from: string, to: string, score: number): void {
  let c = map.get(from);
  if (!c) map.set(from, (c = new Map()));
  const prev = c.get(to);
  if (!prev) c.set(to, { score, support: 1 });
  else {
    prev.support++;
    if (score < prev.score) prev.score = score;
  }
}

/** Final score of a candidate: its best occurrence, helped a little by repeated support. */
function finalScore(c: { score: number; support: number }): number {
  return c.score - 0.3 * Math.log2(c.support);
}

/**
 * Linking elements (Fugen) between the parts of a German compound, longest
 * first. The rare "e" (Hundehütte) is left out: it would split
 * "arbeiterinnen" into "arbeit" + "e" + "rinnen" (gutters).
 */
const FUGEN = ['ens', 'es', 'en', 'er', 's', 'n', ''];

/** True when `prefix` is a known word, possibly followed by a linking element. */
function isCompoundModifier(prefix: string, words: ReadonlySet<string>): boolean {
  return FUGEN.some((f) => prefix.endsWith(f) && prefix.length - f.length >= 3 && words.has(prefix.slice(0, prefix.length - f.length)));
}

/**
 * The head noun of a German compound: the longest known noun (≥ 4 letters)
 * that ends it after a known modifier ("umweltbehorde" → "behorde", not
 * "horde"). A head starting with "s" yields to the same split with a linking
 * "s" ("arbeitsamt" → "amt", not "samt").
 */
function compoundHead(compound: string, nouns: ReadonlySet<string>, words: ReadonlySet<string>): string | undefined {
  for (let cut = 3; cut <= compound.length - 4; cut++) {
    const suffix = compound.slice(cut);
    if (!nouns.has(suffix) || !isCompoundModifier(compound.slice(0, cut), words)) continue;
    const shorter = compound.slice(cut + 1);
    if (suffix.startsWith('s') && shorter.length >= 3 && nouns.has(shorter) && isCompoundModifier(compound.slice(0, cut + 1), words)) {
      return shorter;
    }
    return suffix;
  }
  return undefined;
}

/**
 * Score added to a lemma's translations when they are merged into an inflected
 * form's list: "stored" lists "gespeichert" (its own translation) before
 * "speichern" (the translation of "store").
 */
const LEMMA_PENALTY = 1.5;

/** Sorts terms by their UTF-8 bytes, the order in which the loader binary-searches them. */
function sortByUtf8(terms: Iterable<string>): string[] {
  return [...terms]
    .map((t) => ({ t, b: Buffer.from(t, 'utf8') }))
    .sort((x, y) => Buffer.compare(x.b, y.b))
    .map((x) => x.t);
}

/** Orders strings by UTF-16 code units (deterministic, locale-independent tie-breaks). */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------
// Compilation

/**
 * Compiles the text of a Ding `de-en` file. Pure and deterministic.
 * @param text the whole dictionary file
 * @param options trimming limits, see {@link CompileOptions}
 */
export function compileLexicon(text: string, options: CompileOptions = {}): CompileResult {
  const maxWords = options.maxPhraseWords ?? 3;
  const maxTranslations = options.maxTranslations ?? 12;
  const minSupport = options.minCompoundHeadSupport ?? 3;

  const enToDe = new Map<string, Candidates>();
  const deToEn = new Map<string, Candidates>();
  /** inflected form → lemma → penalty */
  const enLemmas = new Map<string, Map<string, number>>();
  const deLemmas = new Map<string, Map<string, number>>();
  /** English phrase → German single-word noun translations (for compound heads). */
  const nounPhrasePairs: Array<[string, string]> = [];
  const germanNouns = new Set<string>();

  let source = 'Ding de-en';
  let lines = 0;
  const addLemma = (map: Map<string, Map<string, number>>, form: string, lemma: string, penalty: number) => {
    if (!form || !lemma || form === lemma) return;
    let m = map.get(form);
    if (!m) map.set(form, (m = new Map()));
    const prev = m.get(lemma);
    if (prev === undefined || penalty < prev) m.set(lemma, penalty);
  };

  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    if (line.startsWith('#')) {
      const m = /^#\s*Version\s*::\s*(.+)$/.exec(line);
      if (m) source = `Ding de-en, version ${m[1]!.trim()}`;
      continue;
    }
    const sides = line.split(' :: ');
    if (sides.length !== 2) continue;
    lines++;
    const deRaw = sides[0]!.split(' | ');
    const enRaw = sides[1]!.split(' | ');
    if (deRaw.length !== enRaw.length) continue;
    const isVerbEntry = parseRow(deRaw[0]!, 'de', maxWords).some((s) => s.tags.some((t) => VERB_TAGS.has(t)));
    // Finite forms of a verb written with their subject ("er/sie nimmt ab", "ich/er/sie nahm" ::
    // "he/she takes off", "I/he/she took") are inflection rows like the entries that list them bare
    // ("führt aus | führte aus"); the pronouns go, so the forms link to their infinitive.
    // Only rows of bare forms qualify: one word, or a verb and its separated particle; not example sentences.
    const deHeads = isVerbEntry ? parseRow(deRaw[0]!, 'de', maxWords).filter((l) => l.nWords === 1) : [];
    const isForm = (d: Syn) => d.nWords === 1 || (d.nWords === 2 && deHeads.some((l) => isSeparatedForm(d.key, l.key)));
    const pronounRows = deRaw.map((r, i) => {
      if (!isVerbEntry || i === 0 || !startsWithPronoun(r, DE_PRONOUNS)) return false;
      const forms = parseRow(stripPronouns(r, DE_PRONOUNS), 'de', maxWords).filter((d) => d.key);
      return forms.length > 0 && forms.every(isForm);
    });
    const deRows = deRaw.map((r, i) => parseRow(pronounRows[i] ? stripPronouns(r, DE_PRONOUNS) : r, 'de', maxWords));
    const enRows = enRaw.map((r, i) => parseRow(pronounRows[i] ? stripPronouns(r, EN_PRONOUNS) : r, 'en', maxWords));
    const linePenalty = domainPenalty([deRows[0]!, enRows[0]!]);
    // Big entries (many sub-entries) are the common words: a small bonus.
    const richness = -0.25 * Math.log2(deRows.length);
    const de0 = deRows[0]!;
    const en0 = enRows[0]!;
    // Questions about news mostly ask about things: noun senses go a little ahead.
    const posPenalty = de0.some((s) => s.tags.some((t) => NOUN_TAGS.has(t))) ? 0 : 0.3;
    const irregular = en0.flatMap(irregularForms);

    for (const row of deRows) {
      for (const s of row) {
        if (s.key && s.nWords === 1 && s.tags.some((t) => NOUN_TAGS.has(t))) germanNouns.add(s.key);
      }
    }
    // Irregular English forms of the headword, e.g. "deal {dealt; dealt}".
    for (const s of en0) {
      if (!s.key) continue;
      const [head, ...rest] = s.key.split(' ');
      for (const form of irregularForms(s)) {
        if (form !== head) addLemma(enLemmas, [form, ...rest].join(' '), s.key, LEMMA_PENALTY);
      }
    }

    for (let r = 0; r < deRows.length; r++) {
      const deRow = deRows[r]!;
      const enRow = enRows[r]!;
      let rowPenalty = 0;
      /** English synonyms of an inflection row that are forms of a headword synonym. */
      const matched = new Set<Syn>();
      const unmatchedPenalty = new Map<Syn, number>();
      if (r > 0) {
        // Is this sub-entry an inflection of the headword sense (plural, participles)?
        let inflected = 0;
        for (const e of enRow) {
          if (!e.key) continue;
          for (const l of en0) {
            if (l.key && isEnglishInflection(e.key, l.key, irregular)) {
              addLemma(enLemmas, e.key, l.key, LEMMA_PENALTY);
              matched.add(e);
              inflected++;
              break;
            }
          }
        }
        const allPlural = deRow.length > 0 && deRow.every((s) => s.tags.includes('pl'));
        const isInflectionRow =
          (inflected > 0 && inflected * 2 >= enRow.filter((e) => e.key).length) ||
          (allPlural && de0.some((s) => s.tags.some((t) => NOUN_TAGS.has(t)))) ||
          (isVerbEntry && r <= 2 && inflected > 0) ||
          pronounRows[r]!;
        if (isInflectionRow) {
          // Irregular English plurals: positional when the counts match.
          if (allPlural && enRow.length === en0.length) {
            enRow.forEach((e, i) => {
              addLemma(enLemmas, e.key, en0[i]!.key, LEMMA_PENALTY);
              matched.add(e);
            });
          }
          // German forms → German lemma: positional when counts match, else by shared prefix.
          for (const d of deRow) {
            if (!d.key) continue;
            let lemma = '';
            // A separated finite form ("nimmt ab") belongs to the synonym its particle begins ("abnehmen").
            const particle = d.nWords === 2 ? d.key.slice(d.key.indexOf(' ') + 1) : '';
            const separable = particle ? de0.find((l) => l.nWords === 1 && l.key.startsWith(particle) && l.key.length > particle.length + 3) : undefined;
            if (separable) lemma = separable.key;
            else if (deRow.length === de0.length) lemma = de0[d.pos]!.key;
            else {
              let best = 3;
              for (const l of de0) {
                const cp = commonPrefix(d.key, l.key);
                if (l.key && cp > best) {
                  best = cp;
                  lemma = l.key;
                }
              }
              if (!lemma && de0.filter((l) => l.key).length === 1) lemma = de0.find((l) => l.key)!.key;
            }
            addLemma(deLemmas, d.key, lemma, LEMMA_PENALTY);
          }
          // Forms that match no headword synonym are looser ("denied" for "sich verkneifen").
          for (const e of enRow) if (!matched.has(e)) unmatchedPenalty.set(e, 1.5);
        } else rowPenalty = 3;
      }

      for (const e of enRow) {
        if (!e.key) continue;
        for (const d of deRow) {
          if (!d.key) continue;
          const base =
            rowPenalty + (unmatchedPenalty.get(e) ?? 0) + linePenalty + posPenalty + richness + synPenalty(e) + synPenalty(d);
          addCandidate(enToDe, e.key, d.key, base + e.pos + 0.5 * d.pos + (d.nWords - 1));
          addCandidate(deToEn, d.key, e.key, base + d.pos + 0.5 * e.pos + (e.nWords - 1));
          if (e.nWords >= 2 && d.nWords === 1 && d.tags.some((t) => NOUN_TAGS.has(t)) && base < 2) {
            nounPhrasePairs.push([e.key, d.key]);
          }
        }
      }
      // Abbreviations translate like their long forms, and like each other:
      // "künstliche Intelligenz /KI/ :: artificial intelligence /AI/" gives AI → KI, künstliche Intelligenz.
      const enAbbr = abbreviationsOf(enRaw[r]!);
      const deAbbr = abbreviationsOf(deRaw[r]!);
      const abbrBase = rowPenalty + linePenalty + posPenalty + richness + 1;
      for (const a of enAbbr) {
        deAbbr.forEach((b) => addCandidate(enToDe, a, b, abbrBase));
        deRow.forEach((d) => d.key && addCandidate(enToDe, a, d.key, abbrBase + 0.5 * d.pos + d.nWords));
      }
      for (const b of deAbbr) {
        enAbbr.forEach((a) => addCandidate(deToEn, b, a, abbrBase));
        enRow.forEach((e) => e.key && addCandidate(deToEn, b, e.key, abbrBase + 0.5 * e.pos + e.nWords));
      }
    }
  }

  // Compound heads: "environment agency" = "umweltbehorde" supports agency = behorde.
  for (const [form, lemmas] of deLemmas) {
    if (!form.includes(' ') && [...lemmas.keys()].some((l) => germanNouns.has(l))) germanNouns.add(form);
  }
  const debugHeads = process.env.LEXICON_DEBUG_HEADS?.split(',') ?? [];
  const germanWordSet = new Set([...deToEn.keys()].filter((k) => !k.includes(' ')));
  const headSupport = new Map<string, Set<string>>();
  for (const [phrase, compound] of nounPhrasePairs) {
    const head = phrase.slice(phrase.lastIndexOf(' ') + 1);
    if (head.length < 3) continue;
    const suffix = compoundHead(compound, germanNouns, germanWordSet);
    if (!suffix) continue;
    const key = `${head}\t${suffix}`;
    let s = headSupport.get(key);
    if (!s) headSupport.set(key, (s = new Set()));
    s.add(compound);
  }
  let compoundHeadPairs = 0;
  for (const [key, compounds] of [...headSupport].sort((a, b) => byCodeUnits(a[0], b[0]))) {
    const [head, suffix] = key.split('\t') as [string, string];
    if (debugHeads.includes(head)) console.error(head, suffix, compounds.size, [...compounds].slice(0, 8).join(' '));
    if (compounds.size < minSupport) continue;
    const score = 2.5 - 0.5 * Math.log2(compounds.size);
    addCandidate(enToDe, head, suffix, score);
    addCandidate(deToEn, suffix, head, score);
    compoundHeadPairs++;
  }

  let pairs = 0;
  for (const c of enToDe.values()) pairs += c.size;

  // Ranked lists, inflected forms merged with their lemmas' translations.
  const rank = (
    direct: Map<string, Candidates>,
    lemmas: Map<string, Map<string, number>>,
  ): Map<string, string[]> => {
    const out = new Map<string, string[]>();
    const keys = new Set([...direct.keys(), ...lemmas.keys()]);
    for (const key of keys) {
      const scored = new Map<string, number>();
      const put = (to: string, s: number) => {
        const prev = scored.get(to);
        if (prev === undefined || s < prev) scored.set(to, s);
      };
      for (const [to, c] of direct.get(key) ?? []) put(to, finalScore(c));
      for (const [lemma, penalty] of lemmas.get(key) ?? []) {
        for (const [to, c] of direct.get(lemma) ?? []) put(to, finalScore(c) + penalty);
      }
      if (scored.size === 0) continue;
      const list = [...scored]
        .sort((a, b) => a[1] - b[1] || a[0].length - b[0].length || byCodeUnits(a[0], b[0]))
        .slice(0, maxTranslations)
        .map(([to]) => to);
      out.set(key, list);
    }
    return out;
  };
  const enLists = rank(enToDe, enLemmas);
  const deLists = rank(deToEn, deLemmas);

  // Every term that is a key or a translation gets an index.
  const enSet = new Set(enLists.keys());
  const deSet = new Set(deLists.keys());
  for (const l of enLists.values()) for (const d of l) deSet.add(d);
  for (const l of deLists.values()) for (const e of l) enSet.add(e);
  const en = sortByUtf8(enSet);
  const de = sortByUtf8(deSet);
  const enIndex = new Map(en.map((k, i) => [k, i]));
  const deIndex = new Map(de.map((k, i) => [k, i]));
  let links = 0;
  const encode = (list: string[] | undefined, index: Map<string, number>) => {
    links += list?.length ?? 0;
    return (list ?? []).map((t) => index.get(t)!.toString(36)).join(',');
  };
  const data: LexiconData = {
    format: FORMAT_VERSION,
    source,
    maxEnglishPhraseWords: en.reduce((m, k) => Math.max(m, k.split(' ').length), 0),
    en,
    enToDe: en.map((k) => encode(enLists.get(k), deIndex)),
    de,
    deToEn: de.map((k) => encode(deLists.get(k), enIndex)),
    deLemma: de.map((k) => {
      // The best-supported lemma that is itself a term; ties go to the first in byte order.
      // A phrase has a lemma only as a separated verb form ("nimmt ab" → "abnehmen").
      const lemmas = [...(deLemmas.get(k) ?? [])].filter(([l]) => deIndex.has(l) && !l.includes(' ') && (!k.includes(' ') || isSeparatedForm(k, l)));
      lemmas.sort((a, b) => a[1] - b[1] || byCodeUnits(a[0], b[0]));
      return lemmas.length ? deIndex.get(lemmas[0]![0])!.toString(36) : '';
    }),
  };
  const bytes = gzipSync(Buffer.from(serializeLexicon(data), 'utf8'), { level: 9 });
  return {
    data,
    bytes,
    stats: {
      lines,
      pairs,
      compoundHeadPairs,
      englishTerms: en.length,
      germanTerms: de.length,
      germanWords: de.filter((k) => !k.includes(' ')).length,
      englishInflections: [...enLemmas.keys()].filter((k) => enLists.has(k)).length,
      germanInflections: [...deLemmas.keys()].filter((k) => deLists.has(k)).length,
      links,
    },
  };
}

/**
 * Reads a Ding `de-en` file, compiles it and writes the gzipped lexicon.
 * @param inputPath the dictionary, e.g. `/usr/share/trans/de-en`
 * @param outputPath where to write, e.g. `src/search/lexicon/de-en.tsv.gz`
 * @param options see {@link CompileOptions}
 */
export function buildLexiconFile(inputPath: string, outputPath: string, options: CompileOptions = {}): CompileResult {
  const result = compileLexicon(readFileSync(inputPath, 'utf8'), options);
  mkdirSync(dirname(outputPath), { recursive: true });
  writeFileSync(outputPath, result.bytes);
  return result;
}
