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
  /** Abstain on weak evidence or on key names the corpus never mentions. Default: true. */
  abstention: boolean;
}

/** Every mechanism on: what the engine uses. */
export const ALL_MECHANISMS: Readonly<Mechanisms> = Object.freeze({
  translation: true,
  answerTypes: true,
  aliases: true,
  compounds: true,
  context: true,
  abstention: true,
});
