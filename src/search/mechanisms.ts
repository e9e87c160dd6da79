/**
 * The retrieval mechanisms beyond plain stemmed matching, each of which can
 * be switched off, so the eval can show what each contributes (ablation).
 */
export interface Mechanisms {
  /** English↔German query translation from the lexicon, with multi-word entries. Default: true. */
  translation: boolean;
  /** Expected answer types: sentences holding an answer of the asked kind rank higher. Default: true. */
  answerTypes: boolean;
  /** Aliases learned from the corpus: acronym definitions and appositions. Default: true. */
  aliases: boolean;
  /** German compound splitting at index and query time. Default: true. */
  compounds: boolean;
  /** An anaphoric sentence ("Das berichtet …", "Damit …") also matches its predecessor's words, weakly. Default: true. */
  context: boolean;
  /** Spelling variants and cognates for words the lexicon lacks ("Huguenots" → Hugenotten; see fuzzy.ts). Default: true. */
  fuzzy: boolean;
  /** Same-language synonyms found through the other language ("Wetter" → weather → "Witterung"). Default: true. */
  synonyms: boolean;
  /** An English question word also translated through its word family ("arriving" → arrival → Ankunft; see derivation.ts). Default: true. */
  wordFamilies: boolean;
  /** A German separable verb split in its sentence ("nahm … ab") also indexed as its infinitive (abnehmen; see separableVerbs.ts). Default: true. */
  separableVerbs: boolean;
  /** Word vectors (English GloVe, German through the lexicon): a sentence that says the question's words in other words ranks higher (see embeddings.ts). Default: true. */
  embeddings: boolean;
  /** A sentence naming a person by the last word of the question's name ("Kuechly" for "Luke Kuechly") matches the whole name (see rerank.ts). Default: true. */
  surnames: boolean;
  /** The second stage: the fitted model rescores the best candidates (see rerank.ts). Default: true. */
  rerank: boolean;
  /** Refuse when the calibrated answer probability is low (see rerank.ts). Default: true. */
  abstention: boolean;
}

/** Every mechanism on: what the engine uses. */
export const ALL_MECHANISMS: Readonly<Mechanisms> = Object.freeze({
  translation: true,
  answerTypes: true,
  aliases: true,
  compounds: true,
  context: true,
  fuzzy: true,
  synonyms: true,
  wordFamilies: true,
  separableVerbs: true,
  surnames: true,
  embeddings: true,
  rerank: true,
  abstention: true,
});
