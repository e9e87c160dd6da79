/**
 * German compound splitting against a vocabulary: "spionagebehorden" →
 * "spionage" + "behorden", "nettogewinns" → "netto" + "gewinns",
 * "geschaftspartner" → "geschafts" → "geschaft" + "partner".
 *
 * The method is the frequency-free variant of Koehn & Knight (2003): try
 * every split point, allow the linking elements German puts between parts
 * (Fugen-s, -es, -n, -en, -e, -er), and accept a split only when both parts
 * are words of the vocabulary. Given word frequencies, the valid split whose
 * parts have the highest geometric mean frequency wins, as in Koehn & Knight
 * ("versuchstiere" → "versuch" + "tiere", not "stiere"); without them, or
 * on a tie, the one with the longest head (the last part, which carries the
 * meaning). The modifier is split again, so three-part compounds come apart
 * too ("bundestags" → "bundestag" → "bund" + "tag"); the head, a word of the
 * vocabulary, stays whole ("raumstation" is "raum" + "station", not "raum" +
 * "stat" + "ion").
 * Optionally, a particle (a preposition or adverb) is never the modifier of
 * a word the vocabulary has ("ausbruch" stays whole, not "aus" + "bruch"),
 * and a verb's stem may be the first modifier ("werbe" + "kampagne"). No maintained npm package
 * splits German compounds against an arbitrary vocabulary, so this is
 * written by hand.
 */

/** Linking elements between compound parts, longest first. */
const LINKERS = ['es', 'en', 'er', 's', 'n', 'e'];
/** Inflection endings a head may carry beyond its dictionary form. */
const HEAD_ENDINGS = ['', 'n', 'en', 'e', 's', 'es', 'er', 'ern', 'nen'];

/** Options of {@link splitCompound}. */
export interface SplitOptions {
  /** Shortest part accepted. Default: 3. */
  minPart?: number;
  /** Shortest word tried. Default: 7. */
  minWord?: number;
  /** How frequent a part is (as it stands in the word, any count scale); splits of more frequent parts win. Default: none (longest head wins). */
  frequency?: (part: string) => number;
  /**
   * Words never taken as a modifier: particles and prepositions, which make
   * new words rather than kinds of the head ("Ausbruch" is no kind of Bruch,
   * "Mitglied" none of Glied). Default: none.
   */
  isParticle?: (w: string) => boolean;
  /**
   * Also take a verb's stem for the first modifier, when its infinitive is
   * a word ("werbe" of werben in "Werbekampagne", "wohn" of wohnen in
   * "Wohnbauten"), before a head of at least six letters. Default: false.
   */
  verbStems?: boolean;
}

/** True when `part` (possibly inflected) is in the vocabulary. */
function known(part: string, isWord: (w: string) => boolean, minPart: number): boolean {
  for (const ending of HEAD_ENDINGS) {
    if (ending && !part.endsWith(ending)) continue;
    const base = ending ? part.slice(0, -ending.length) : part;
    if (base.length >= minPart && isWord(base)) return true;
  }
  return false;
}

/**
 * Splits a folded, lower-case German word into its parts, or returns null
 * when it is not a compound of vocabulary words. Parts are returned as they
 * stand in the word, linking elements removed.
 */
export function splitCompound(word: string, isWord: (w: string) => boolean, options: SplitOptions = {}): string[] | null {
  if (word.length > MAX_WORD) return null;
  return split(word, isWord, options, new Map());
}

/** Shortest verb stem taken as a modifier ("bau" of bauen is too short to tell from a word's start). */
const VERB_STEM = 4;
/** Shortest head after a verb stem. */
const VERB_HEAD = 6;

/** Score a split loses per part: more than any frequency difference, so fewer parts always win. */
const FEWER_PARTS = 100;

/** Longest word tried: German compounds are long, but a longer run of letters is no word. */
export const MAX_WORD = 64;

/** {@link splitCompound} with a memo of the words already tried, so each suffix and prefix is split once. */
function split(word: string, isWord: (w: string) => boolean, options: SplitOptions, memo: Map<string, string[] | null>): string[] | null {
  const key = `${options.minWord ?? 7}:${options.verbStems ? 'v' : ''}:${word}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const result = splitUncached(word, isWord, options, memo);
  memo.set(key, result);
  return result;
}

function splitUncached(word: string, isWord: (w: string) => boolean, options: SplitOptions, memo: Map<string, string[] | null>): string[] | null {
  const minPart = options.minPart ?? 3;
  const minWord = options.minWord ?? 7;
  if (word.length < minWord || !/^\p{L}+$/u.test(word)) return null;
  let best: string[] | null = null;
  let bestScore = -Infinity;
  // A particle before a word the vocabulary has is lexicalised: "Ausbruch" is no kind of Bruch.
  const lexicalised = options.isParticle && known(word, isWord, minPart) ? options.isParticle : () => false;
  for (let cut = minPart; cut <= word.length - minPart; cut++) {
    // Earliest cut = longest head.
    const head = word.slice(cut);
    if (!known(head, isWord, minPart) || options.isParticle?.(head)) continue;
    const left = word.slice(0, cut);
    const candidates = [left, ...LINKERS.filter((l) => left.endsWith(l)).map((l) => left.slice(0, -l.length))].filter((m) => m.length >= minPart);
    if (candidates.some(lexicalised)) continue;
    // The modifier is a word, a verb's stem (see SplitOptions.verbStems), or itself a compound ("hochsicherheits" →
    // hoch + sicherheit). Parts split further take no verb stems: they would come apart at suffixes ("komm" + "unikat").
    const verbStem = (m: string) => options.verbStems === true && m.length >= VERB_STEM && head.length >= VERB_HEAD && isWord(m.endsWith('e') ? `${m}n` : `${m}en`);
    const whole = candidates.find((m) => isWord(m) || verbStem(m));
    const modifierParts = whole ? [whole] : candidates.map((m) => split(m, isWord, { ...options, minWord: 2 * minPart, verbStems: false }, memo)).find((p) => p);
    if (!modifierParts) continue;
    // The head stays whole: it is a word of the vocabulary, and a word's own split rarely means it ("station" is no
    // "stat" + "ion"). Three-part compounds still come apart through their modifier ("bundestags" + "wahl").
    const parts = [...modifierParts, head];
    const { frequency } = options;
    if (!frequency) return parts;
    // Fewer parts first (more parts are more chances of a false word), then the more frequent parts.
    const score = parts.reduce((sum, p) => sum + Math.log1p(frequency(p)), 0) / parts.length - FEWER_PARTS * parts.length;
    // Earlier cuts come first, so a tie keeps the longer head.
    if (score > bestScore) {
      best = parts;
      bestScore = score;
    }
  }
  return best;
}
