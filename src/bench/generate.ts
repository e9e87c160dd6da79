/**
 * A deterministic generator of benchmark corpora: N articles of German-like
 * news text in the corpus format (headline line, teaser, body paragraphs,
 * sometimes a caption with a photo credit or a subhead, a byline; every third
 * article with a `.meta.yaml` sidecar).
 *
 * The text is not German, but it has what makes retrieval cost what it costs
 * on German news:
 * - word frequencies follow a Zipf–Mandelbrot law (rank r drawn with
 *   probability ∝ 1/(r + 2.7)), over German stop words (the most frequent
 *   ranks, in their real order) and ~40,000 German words of the committed
 *   lexicon, shorter words ranked more frequent (as in real text);
 * - new compounds of two vocabulary nouns ("Hafenbehorde"), hyphenated name
 *   compounds ("EZB-Chef");
 * - a cast of people, organisations, places and an acronym per article,
 *   repeated through it as names are in news; numbers, years, percentages
 *   and amounts; attributions ("sagte Anna Weber").
 *
 * The lexicon stores folded words (no umlauts, ß as ss), so the German words
 * come out without umlauts; analysis folds them anyway.
 *
 * Same seed and options, same bytes: the only randomness is a seeded PRNG
 * (sfc32), and nothing depends on the clock or the machine.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { deu } from 'stopword';
import { LEXICON_PATH } from '../search/lexicon.ts';

/** Bumped whenever the generator's output changes, so stale generated corpora are regenerated. */
export const GENERATOR_VERSION = 1;

/** A seeded pseudo-random number generator (sfc32): uniform floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}

/** German function words, most frequent first (the head of any German frequency list). */
const TOP_FUNCTION_WORDS =
  'der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder aber vor zur bis mehr durch man sein wurde sei habe kann gegen vom können schon wenn seine ihre dann unter wir soll ich eines zwei diese dieser wieder keine seiner worden will zwischen immer was sagte gibt alle diesem seit muss wurden beim doch jetzt waren drei neue damit bereits da ab ihr ins sondern selbst ersten nun etwa hatte zwar hier sollen denn'.split(
    ' ',
  );

/** Given names, family names, organisations, places, agencies and acronyms for the casts. */
export const GIVEN = 'Anna Jonas Lena Felix Miriam Tobias Sabine Markus Julia Stefan Katrin Thomas Leonie Daniel Petra Michael Sophie Andreas Clara Lukas Hanna Martin Nora Paul Eva Simon Ines Florian Greta Matthias Olga Jan Svenja Ralf Yasemin Emre Aylin Dirk Ute Bernd'.split(' ');
export const FAMILY = 'Weber Schneider Fischer Wagner Becker Hoffmann Schulz Koch Richter Klein Wolf Neumann Schwarz Zimmermann Braun Hartmann Lange Krause Werner Lehmann Köhler Walter Maier Huber Kaiser Fuchs Peters Scholz Möller Vogel Jung Keller Günther Berger Frank Roth Beck Lorenz Sommer Brandt'.split(' ');
export const ORGS = 'Bundesbank Siemens Telekom Lufthansa Bundesregierung Bundestag Bundesrat Verdi Greenpeace Bosch Allianz Commerzbank Volkswagen Daimler Zalando Bayer Adidas Charité Fraunhofer Bundeswehr Europol Interpol Eurostat Unicef Amnesty Caritas Diakonie Stiftung Warentest'.split(' ');
const PLACES = 'Berlin Hamburg München Köln Frankfurt Stuttgart Düsseldorf Leipzig Dresden Hannover Bremen Nürnberg Brüssel Paris London Wien Zürich Warschau Prag Rom Madrid Washington Peking Tokio Moskau Kiew Ankara Athen Lissabon Oslo'.split(' ');
const AGENCIES = ['dpa', 'AFP', 'Reuters', 'AP', 'KNA', 'epd'];
const PUBLISHERS = ['DER SPIEGEL', 'Die Zeit', 'Tagesspiegel', 'Süddeutsche Zeitung', 'taz', 'Frankfurter Rundschau'];
const MONTHS = 'Januar Februar März April Mai Juni Juli August September Oktober November Dezember'.split(' ');
const SAY = ['sagte', 'erklärte', 'betonte', 'kritisierte', 'teilte mit', 'schrieb'];
const OPENERS = ['Die', 'Der', 'Das', 'Im', 'Nach', 'Auch', 'Bei', 'Für', 'Seit', 'Damit', 'Dabei', 'Zudem', 'Laut'];
const UNITS = ['Prozent', 'Millionen Euro', 'Milliarden Euro', 'Menschen', 'Jahre', 'Tonnen', 'Kilometer'];

/** Options of {@link generateArticles}. */
export interface GenerateOptions {
  /** Number of articles. */
  articles: number;
  /** PRNG seed. Default: 1. */
  seed?: number;
  /** Mean sentences per article (headline, teaser and body). Default: 25. */
  sentencesPerArticle?: number;
  /** Content vocabulary size drawn from the lexicon. Default: 40,000. */
  vocabulary?: number;
  /** The compiled lexicon the German words come from. Default: the committed one. */
  lexiconPath?: string | URL;
}

/** One generated file. */
export interface GeneratedFile {
  name: string;
  text: string;
}

/** Capitalises a word. */
const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** Adjective and verb endings; other words are taken as nouns and capitalised. */
const LOWER_CASE_ENDINGS = /(?:lich|ig|isch|bar|sam|haft|los|voll|ern|eln|ieren|ierte|ierten|en)$/;

const germanWords = new Map<string, string[]>();

/** Reads the single-word German terms of a compiled lexicon (see src/search/lexicon/compile.ts for the layout); read once per path. */
export function lexiconGermanWords(path: string | URL = LEXICON_PATH): string[] {
  const cached = germanWords.get(String(path));
  if (cached) return cached;
  const text = gunzipSync(readFileSync(path)).toString('utf8');
  const lines = text.split('\n');
  const header = lines[0]!.split('\t');
  const nEnglish = Number(header[3]);
  const nGerman = Number(header[4]);
  const out: string[] = [];
  for (let i = 1 + nEnglish; i < 1 + nEnglish + nGerman; i++) {
    const line = lines[i]!;
    const term = line.slice(0, line.indexOf('\t'));
    if (/^[a-z]{4,16}$/.test(term)) out.push(term);
  }
  germanWords.set(String(path), out);
  return out;
}

/** A sampler of Zipf–Mandelbrot ranks 0..n-1: P(r) ∝ 1/(r + q)^s. */
function zipf(n: number, random: () => number, s = 1, q = 2.7): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let r = 0; r < n; r++) cdf[r] = sum += 1 / Math.pow(r + 1 + q, s);
  return () => {
    const u = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** The vocabulary: function words first (in frequency order), then content words, shorter ones more frequent. */
function vocabularyOf(random: () => number, size: number, lexiconPath?: string | URL): { words: string[]; functionWords: number; nouns: string[] } {
  const functionWords = [...new Set([...TOP_FUNCTION_WORDS, ...deu.filter((w) => /^\p{Ll}+$/u.test(w) && w.length > 1).sort()])];
  const stop = new Set(functionWords);
  const candidates = lexiconGermanWords(lexiconPath).filter((w) => !stop.has(w));
  // (a fresh array: it is shuffled in place)
  // Shuffle (Fisher–Yates), then rank by length plus noise: Zipf's law of abbreviation.
  for (let i = candidates.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
  }
  const keyed = candidates.slice(0, Math.max(size * 3, size)).map((w) => ({ w, k: w.length + 4 * random() }));
  keyed.sort((a, b) => a.k - b.k);
  const content = keyed.slice(0, size).map(({ w }) => (LOWER_CASE_ENDINGS.test(w) ? w : cap(w)));
  return { words: [...functionWords, ...content], functionWords: functionWords.length, nouns: content.filter((w) => /^\p{Lu}/u.test(w)).slice(0, 4000) };
}

/** A random acronym of 2 to 4 capitals. */
function acronym(random: () => number): string {
  const n = 2 + Math.floor(random() * 3);
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(65 + Math.floor(random() * 26));
  return s;
}

/**
 * Generates the files of a corpus: `bench-NNNNN.txt` articles and, for every
 * third one, `bench-NNNNN.meta.yaml`. Deterministic in its options.
 */
export function* generateArticles(options: GenerateOptions): Generator<GeneratedFile> {
  const random = prng(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const chance = (p: number) => random() < p;
  const vocab = vocabularyOf(random, options.vocabulary ?? 40_000, options.lexiconPath);
  const nextRank = zipf(vocab.words.length, random);
  const contentRank = zipf(vocab.words.length - vocab.functionWords, random);
  const meanSentences = options.sentencesPerArticle ?? 25;
  const width = String(options.articles).length;

  for (let n = 1; n <= options.articles; n++) {
    const id = `bench-${String(n).padStart(Math.max(5, width), '0')}`;
    // The article's cast: names repeat through an article, as in news.
    const people = Array.from({ length: 2 + Math.floor(random() * 3) }, () => `${pick(GIVEN)} ${pick(FAMILY)}`);
    const orgs = [pick(ORGS), pick(ORGS)];
    const places = [pick(PLACES), pick(PLACES)];
    const short = acronym(random);
    const topic = Array.from({ length: 4 }, () => pick(vocab.nouns));
    let mentioned = new Set<string>();

    const name = (): string => {
      const r = random();
      if (r < 0.45) {
        const p = pick(people);
        // First mention in full, later often the family name alone.
        const out = mentioned.has(p) && chance(0.6) ? p.split(' ')[1]! : p;
        mentioned.add(p);
        return out;
      }
      if (r < 0.7) return pick(orgs);
      if (r < 0.85) return pick(places);
      return short;
    };
    const number = (): string => {
      const r = random();
      if (r < 0.3) return String(1990 + Math.floor(random() * 36));
      if (r < 0.5) return `${Math.floor(random() * 30) + 1}. ${pick(MONTHS)}`;
      if (r < 0.7) return `${Math.floor(random() * 99) + 1},${Math.floor(random() * 10)} ${pick(UNITS)}`;
      return `${Math.floor(random() * 5000) + 2} ${pick(UNITS)}`;
    };
    const compound = (): string => {
      if (chance(0.2)) return `${short}-${pick(vocab.nouns)}`;
      const a = pick(vocab.nouns);
      const b = pick(vocab.nouns).toLowerCase();
      return a + (/(?:ung|heit|keit|ion|tat)$/.test(a) ? 's' : '') + b;
    };
    /** A content word: a new compound, one of the article's topic nouns, or a vocabulary word. */
    const content = (): string => {
      if (chance(0.06)) return compound();
      if (chance(0.08)) return pick(topic);
      return vocab.words[vocab.functionWords + contentRank()]!;
    };
    const sentence = (words = 8 + Math.floor(random() * 14)): string => {
      const out: string[] = [];
      const r0 = random();
      out.push(r0 < 0.35 ? pick(OPENERS) : r0 < 0.6 ? name() : cap(content()));
      while (out.length < words) {
        const r = random();
        if (r < 0.08) out.push(name());
        else if (r < 0.12) out.push(number());
        else if (r < 0.16) out.push(content());
        // Function and content words together follow one Zipf law; function words hold the top ranks.
        else out.push(vocab.words[nextRank()]!);
        if (chance(0.06) && out.length < words - 2) out[out.length - 1] += ',';
      }
      let s = out.join(' ');
      if (chance(0.15)) s += `, ${pick(SAY)} ${pick(people)}`;
      return s.replace(/,$/, '') + (chance(0.03) ? '?' : '.');
    };

    const headline = [cap(pick(topic)), ...Array.from({ length: 3 + Math.floor(random() * 5) }, () => (chance(0.3) ? name() : content()))].join(' ').replace(/,/g, '');
    const blocks: string[] = [headline];
    const teaser = [sentence(), ...(chance(0.5) ? [sentence()] : [])].join(' ');
    blocks.push(teaser);
    if (chance(0.5)) {
      const caption = `${pick(people)}: ${content()} ${content()}`.replace(/,/g, '');
      blocks.push(caption, `Foto: ${pick(GIVEN)} ${pick(FAMILY)} / ${pick(AGENCIES)}`);
    }
    const total = Math.max(6, Math.round(meanSentences * (0.6 + 0.8 * random())));
    let count = teaser.split(/[.?] /).length + 1;
    while (count < total) {
      if (chance(0.12)) blocks.push([cap(content()), content(), content()].join(' ').replace(/,/g, ''));
      const size = Math.min(total - count, 2 + Math.floor(random() * 4));
      blocks.push(Array.from({ length: size }, () => sentence()).join(' '));
      count += size;
    }
    const author = random().toString(36).slice(2, 5).replace(/[^a-z]/g, 'x');
    const byline = `${author}/${pick(AGENCIES)}`;
    blocks.push(byline);
    yield { name: `${id}.txt`, text: blocks.join('\n\n') + '\n' };
    if (n % 3 === 0) {
      const date = `20${String(10 + Math.floor(random() * 15))}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
      const meta = [`publisher: ${pick(PUBLISHERS)}`, `headline: ${JSON.stringify(headline)}`, `byline: ${byline}`, 'language: de', `date: ${date}`];
      yield { name: `${id}.meta.yaml`, text: meta.join('\n') + '\n' };
    }
    mentioned = new Set();
  }
}

/** What {@link writeCorpus} wrote. */
export interface WrittenCorpus {
  dir: string;
  files: number;
  bytes: number;
}

/** Writes a generated corpus into `dir`, emptying it first. */
export function writeCorpus(dir: string, options: GenerateOptions): WrittenCorpus {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let files = 0;
  let bytes = 0;
  for (const f of generateArticles(options)) {
    writeFileSync(join(dir, f.name), f.text);
    files++;
    bytes += Buffer.byteLength(f.text);
  }
  return { dir, files, bytes };
}

/** True when `dir` holds a corpus written by {@link ensureCorpus} with these options. */
function stampOf(options: GenerateOptions, extra: string): string {
  return JSON.stringify({ v: GENERATOR_VERSION, articles: options.articles, seed: options.seed ?? 1, s: options.sentencesPerArticle ?? 25, voc: options.vocabulary ?? 40_000, extra });
}

/**
 * Writes a generated corpus into `dir` unless the same one is there already
 * (a `.stamp` file records the options), and copies `extraFiles` (e.g. the
 * seed article) beside it. Returns true when it (re)generated.
 */
export function ensureCorpus(dir: string, options: GenerateOptions, extraFiles: { from: string; name: string }[] = []): boolean {
  const stamp = stampOf(options, extraFiles.map((f) => f.name).join(','));
  try {
    if (readFileSync(join(dir, '.stamp'), 'utf8') === stamp && readdirSync(dir).length > options.articles) return false;
  } catch {
    // no corpus yet
  }
  writeCorpus(dir, options);
  for (const f of extraFiles) writeFileSync(join(dir, f.name), readFileSync(f.from));
  writeFileSync(join(dir, '.stamp'), stamp);
  return true;
}
