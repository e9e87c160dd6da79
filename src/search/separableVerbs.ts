/**
 * German separable verbs split in a sentence: in a main clause the finite verb
 * stands second and its particle last ("Im Spiel nahm er ihm den Ball ab",
 * "Die Gäste kamen am Abend an"), while a question's verb translates to the
 * infinitive (abnehmen, ankommen). This joins a clause's final particle to its
 * finite verb and gives the separable verb's infinitive, confirmed by the
 * dictionary; nothing here names a word of an article, only German grammar
 * (the separable particles). Written by hand: no library we know of parses
 * German verb brackets without a full tagger.
 */
import { germanVerbStem, isStopWord } from './analyzer.ts';
import type { Lexicon } from './lexicon.ts';
import { fold } from './normalize.ts';

/**
 * Particles of German separable verbs, as they stand alone at a clause's end
 * (folded). A closed class of the grammar, longest combined forms included.
 */
export const SEPARABLE_PARTICLES: ReadonlySet<string> = new Set(
  (
    'ab an auf aus bei dar ein empor fest fort frei heim her herab heran herauf heraus herbei herein heruber herum herunter hervor ' +
    'hin hinab hinauf hinaus hinein hinuber hinunter hoch los mit nach nieder statt teil uber um vor voran voraus vorbei vorweg ' +
    'weg weiter wieder zu zuruck zusammen'
  ).split(' '),
);

/** Spoken short forms of particles and the forms the dictionary and written text use ("Was kommt dabei raus?" → herauskommen). */
const SHORT_PARTICLES: ReadonlyMap<string, string> = new Map([
  ['raus', 'heraus'],
  ['rein', 'herein'],
  ['rauf', 'herauf'],
  ['runter', 'herunter'],
  ['ruber', 'heruber'],
  ['ran', 'heran'],
  ['rum', 'herum'],
]);

/** German question words: a question's first word, never its verb ("Wie viele Bälle fing er ab?"). */
const QUESTION_WORD = /^(?:wie|wo|was|wer|wen|wem|wessen|wann|warum|wieso|weshalb|weswegen|welche[rsnm]?|woher|wohin|womit|wofur|wovon|worauf|woran|woruber|wozu)$/;

/** The same word pattern as `words()` in normalize.ts, so word indexes agree. */
const WORD = /[\p{L}\p{N}]+(?:[.,][\p{N}]+)*/gu;
/** Punctuation that ends a clause between two words. */
const CLAUSE_END = /[.,;:!?()[\]{}–—"„“”«»]/u;

/** Infinitives a finite German verb form may belong to, from the dictionary and the weak-verb stem, most likely first. */
function infinitivesOf(word: string, lexicon: Lexicon): string[] {
  const out: string[] = [];
  const lemma = lexicon.germanLemma(word);
  if (lemma) out.push(lemma);
  const stop = isStopWord(word, 'de');
  // Past plural of a strong verb the dictionary lists only in the singular ("schlossen" → "schloss" → schliessen).
  if (!lemma && /en$/.test(word) && word.length >= 5) {
    const singular = lexicon.germanLemma(word.slice(0, -2));
    if (singular) out.push(singular);
  }
  if (stop) return out;
  const stem = germanVerbStem(word, (w) => lexicon.isGermanWord(w));
  if (stem) for (const inf of [stem + 'en', stem + 'n']) if (lexicon.isGermanWord(inf)) out.push(inf);
  // Present plural and infinitive look alike ("nehmen ab").
  if (/(?:en|ern|eln)$/.test(word) && lexicon.isGermanWord(word)) out.push(word);
  return out;
}

/**
 * The separable verbs `verb` (a folded finite form) forms with `particle`,
 * as infinitives the dictionary knows ("nahm" + "ab" → abnehmen): the
 * dictionary's own separated form ("nahm ab"), and the particle before each
 * infinitive the verb form may belong to.
 */
export function joinSeparated(verb: string, particle: string, lexicon: Lexicon): string[] {
  const out: string[] = [];
  for (const inf of infinitivesOf(verb, lexicon)) {
    const joined = particle + inf;
    if (!out.includes(joined) && lexicon.isGermanWord(joined)) out.push(joined);
  }
  const listed = lexicon.germanLemma(`${verb} ${particle}`);
  if (listed && !out.includes(listed)) out.push(listed);
  return out;
}

/**
 * The separable verb of a finite form written in one word, as in a
 * subordinate clause ("abnahm" → abnehmen, "ankamen" → ankommen), or of a
 * zu-infinitive ("aufzubauen" → aufbauen), when the dictionary does not list
 * the form itself; null otherwise.
 */
export function joinedSeparable(folded: string, lexicon: Lexicon): string | null {
  if (folded.length < 6 || lexicon.germanLemma(folded)) return null;
  // The zu-infinitive puts "zu" between particle and verb: "aufzubauen" → aufbauen, "festzulegen" → festlegen.
  for (const p of SEPARABLE_PARTICLES) {
    if (!folded.startsWith(p + 'zu') || folded.length - p.length - 2 < 4 || !/(?:en|ern|eln)$/.test(folded)) continue;
    const joined = p + folded.slice(p.length + 2);
    if (lexicon.isGermanWord(joined)) return joined;
  }
  for (const p of SEPARABLE_PARTICLES) {
    if (!folded.startsWith(p) || folded.length - p.length < 3) continue;
    const rest = folded.slice(p.length);
    const lemma = lexicon.germanLemma(rest) ?? (/en$/.test(rest) && rest.length >= 5 ? lexicon.germanLemma(rest.slice(0, -2)) : undefined);
    if (lemma && lexicon.isGermanWord(p + lemma)) return p + lemma;
  }
  return null;
}

/** Coordinating conjunctions, which join main clauses without a comma ("nahm ihm den Ball ab und lief davon"). */
const COORDINATING = /^(?:und|oder|aber|sondern|denn)$/;

/** Adverbial pairs of particles, where "und" joins no clauses ("ab und zu", "hin und her"); a closed set of idioms. */
const PARTICLE_PAIRS = new Set(['ab zu', 'ab an', 'auf ab', 'auf nieder', 'hin her', 'hin wieder', 'hin zuruck', 'vor zuruck', 'ein aus', 'aus ein']);

/** True when the word at `i` is a separable particle that ends its clause before a coordinating conjunction. */
function particleBeforeConjunction(tokens: readonly RegExpMatchArray[], i: number): boolean {
  const word = tokens[i]![0];
  const next = tokens[i + 1];
  const after = tokens[i + 2];
  if (!next || !/^\p{Ll}+$/u.test(word) || !SEPARABLE_PARTICLES.has(fold(word)) || !COORDINATING.test(fold(next[0]))) return false;
  return !after || !PARTICLE_PAIRS.has(`${fold(word)} ${fold(after[0])}`);
}

/**
 * For a German text, the separable verbs its split finite verbs form: word
 * index (as `words()` counts) → infinitives. A clause (words between
 * punctuation) that ends in a separable particle joins it to the first word
 * before it, written in lower case (or the text's first word), with which the
 * dictionary knows the joined verb.
 */
export function separatedVerbs(text: string, lexicon: Lexicon): Map<number, string[]> {
  const out = new Map<number, string[]>();
  const tokens = [...text.matchAll(WORD)];
  let start = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    const gap = text.slice(t.index! + t[0].length, next ? next.index : text.length);
    if (next && !CLAUSE_END.test(gap) && !particleBeforeConjunction(tokens, i)) continue;
    // Clause tokens[start..i]; its last word may be a particle.
    const particle = SHORT_PARTICLES.get(fold(t[0])) ?? fold(t[0]);
    const clauseStart = start;
    start = i + 1;
    if (i - clauseStart < 2 || !/^\p{Ll}+$/u.test(t[0]) || !SEPARABLE_PARTICLES.has(particle)) continue;
    for (let j = clauseStart; j < i; j++) {
      const w = tokens[j]![0];
      if (!(j === 0 || /^\p{Ll}/u.test(w)) || /\p{N}/u.test(w) || QUESTION_WORD.test(fold(w))) continue;
      const joined = joinSeparated(fold(w), particle, lexicon);
      if (joined.length) {
        out.set(j, joined);
        break;
      }
    }
  }
  return out;
}
