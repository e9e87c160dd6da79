/**
 * Claim attribution from reporting cues: for every sentence of an article,
 * whom the article credits for the claim ("laut X", "X zufolge", "schrieb X",
 * "according to X", "X said", indirect speech carried forward …), or null when
 * the sentence is the publication's own statement.
 *
 * Hand-written on purpose: no maintained npm package does German reported-speech
 * attribution (Konjunktiv I carry-forward, "X zufolge", "heißt es im Bericht"),
 * and the English side is small enough to live next to it. Everything is driven
 * by the small, documented cue tables below; they are generic German/English
 * news vocabulary and never name a particular article's sources. Every regular
 * expression in this module is a literal: none is ever built from article or
 * user text.
 *
 * How it works, in short:
 * 1. Each sentence is tokenised into words, quoted spans (»…«, „…“, "…") and
 *    punctuation. A quoted span is one token, so »Financial Times« is one name
 *    and a direct quotation never leaks cue words.
 * 2. Explicit cues are looked for in reading order; the first one that yields a
 *    speaker wins. Speakers are read with a small noun-phrase parser that strips
 *    determiners, quotes and appositive nouns ("die Nachrichtenagentur Reuters"
 *    → "Reuters") and follows document nouns to their owner ("ein Bericht der
 *    Synergy Research Group" → "Synergy Research Group"; "den Zahlen des
 *    Statistikamts" → "Statistikamt"; "KBA-Zahlen" → "KBA"). A document or
 *    data noun is never itself the source.
 * 3. Without an explicit cue, carry cues (Konjunktiv I, "Demnach", reportative
 *    "soll … haben/sein") keep the current source; a plain indicative sentence
 *    ends the carry and is the publication's own (null).
 *
 * Decisions worth knowing:
 * - "unter Berufung auf X" names where the reporter got it from; the reporter
 *   (the subject of the reporting verb, or the carried source) stays the
 *   attributed source. X is used only when nobody else is named or carried.
 * - A speaker vs. a channel: "Auf Anfrage der Nachrichtenagentur Reuters
 *   erklärte GCHQ" credits GCHQ, the subject of the reporting verb.
 * - A definite generic institution noun ("die Hochschule", "das Amt", "the
 *   university") credits the institution of that kind named earlier in the
 *   article ("Universität Genf", "Kraftfahrt-Bundesamt") when exactly one was;
 *   Otherwise a definite singular organisation noun ("der Abhördienst") right
 *   after a sentence of the same paragraph that opened with an organisation
 *   introduced by such a noun ("Die Spionagebehörde X, kurz GCHQ, hatte …")
 *   credits that organisation (by its short form when given), unless both
 *   nouns have known kinds that differ. In every other case the bare noun is
 *   returned: it is the article's own name for the speaker and no safe
 *   antecedent is known.
 *   A publication noun alone ("die Zeitung", "the newspaper") is resolved to the
 *   most recent source that was introduced as a publication.
 * - Headlines, subheads and captions stand alone: they get explicit cues only,
 *   neither receive nor end a carried source. A headline or subhead "X: …" or
 *   "Bericht der X …" credits X only when the article credits X elsewhere (by
 *   full name or surname), so "Wahl 2025: …" or "Fazit: …" credit nobody.
 * - A carry cue (Konjunktiv, "Demnach", "heißt es", a pronoun speaker) with no
 *   current source resumes the most recently named source only if it was named
 *   in the same or the previous paragraph; otherwise the sentence gets null,
 *   since there is nobody to name.
 * - A pronoun speaker ("vermutete sie", "er sagte", "she said") is the carried
 *   source, unless that source is a person whose gender is known and differs
 *   from the pronoun's; then (or when nobody is carried) it is the most recent
 *   person of the pronoun's gender named in this or the previous paragraph.
 *   Gender comes from a title ("Frau X", "Herr X", "Mr X") or a first name
 *   (the first-name lists of the gender-detection-from-name package); plural
 *   "sagten sie", "es" and "they" keep the carried source.
 * - A sentence that is wholly direct speech ("»Ich glaube, …«", or the
 *   sentences of a quotation that runs over several) with no cue of its own
 *   goes on quoting the current source; with none it credits nobody.
 * - A pulled-out quotation (a paragraph of direct speech with no cue) credited
 *   on the line below it ("Alan Carleton, Universität Genf", "— Jane Example,
 *   University of X") is credited to that person: the line must name someone
 *   with a known first name, be at most ten words and have no verb of speech.
 * - "Das berichtet X." re-credits the previous sentence unless that sentence
 *   had its own explicit cue, or either sentence is a caption.
 * - First match wins: when a sentence has several cues, the first (in reading
 *   order) that yields a speaker is used.
 */
import { createRequire } from 'node:module';
import { termOf } from '../search/analyzer.ts';
import { entryCount } from '../search/commonness.ts';
import type { Role } from './types.ts';

/** One sentence to attribute, in reading order. */
export interface AttributionInput {
  /** The sentence text, verbatim. */
  text: string;
  /** 1-based block number; used to keep carry-forward from reaching back more than one paragraph. */
  paragraph: number;
  /** What block the sentence belongs to; headlines, subheads and captions stand alone. */
  role: Role;
}

/** Options for {@link attribute}. */
export interface AttributionOptions {
  /** ISO 639-1 code of the article; 'en…' selects the English cues, anything else the German ones. Default 'de'. */
  language?: string;
}

/** The two cue languages. */
type Lang = 'de' | 'en';

// ---------------------------------------------------------------------------
// Cue tables (lower case). Small on purpose; extend with care and add a test.
// ---------------------------------------------------------------------------

/** German finite forms (3rd person, present and past) of reporting verbs: "X berichtete", "schrieb X". */
const DE_REPORTING_VERBS = new Set([
  'berichtet', 'berichten', 'berichtete', 'berichteten',
  'schreibt', 'schreiben', 'schrieb', 'schrieben',
  'erklärt', 'erklären', 'erklärte', 'erklärten',
  'sagt', 'sagen', 'sagte', 'sagten',
  'meldet', 'melden', 'meldete', 'meldeten',
  'betont', 'betonte', 'betonten',
  'bestätigt', 'bestätigte', 'bestätigten',
  'dementiert', 'dementierte', 'dementierten',
  'behauptet', 'behauptete', 'behaupteten',
  'warnt', 'warnte', 'warnten',
  'verkündet', 'verkündete',
  'konstatiert', 'konstatierte', 'konstatierten',
  'vermutet', 'vermutete', 'vermuteten',
  'ergänzt', 'ergänzte', 'ergänzten',
  'erläutert', 'erläuterte', 'erläuterten',
  'bekräftigt', 'bekräftigte', 'bekräftigten',
  'meint', 'meinte', 'meinten',
  // verb-final separable verbs: "wie GCHQ mitteilte", "wie der Sprecher ankündigte"
  'mitteilte', 'mitteilten', 'ankündigte', 'ankündigten', 'hinwies', 'hinwiesen', 'ausführte',
  'hervorhob', 'einräumte', 'klarstellte', 'hinzufügte', 'bekanntgab', 'angab', 'angaben',
]);

/**
 * Reflexive verbs that introduce direct speech: "»…«, wunderte sich ein
 * Besucher". They count only with "sich" right after them and a quotation
 * in the sentence ("Er freute sich über den Sieg" credits nobody).
 */
const DE_REFLEXIVE_SPEECH = new Set([
  'wundert', 'wunderte', 'wunderten', 'freut', 'freute', 'freuten',
  'ärgert', 'ärgerte', 'ärgerten', 'empört', 'empörte', 'empörten',
]);

/**
 * Separable reporting verbs split in a main clause ("teilte … mit", "forderte
 * … auf", "wies … hin"): finite form → the particles it takes. They count only
 * when the particle is the last word of the verb's clause ("Harris forderte die
 * Gäste auf, …", "Das teilte die Polizei am Montag mit."), so "teilte sie mit
 * vielen Leuten" or "gab es zu viele" credit nobody.
 */
const separable = (forms: readonly string[], particles: readonly string[]): [string, readonly string[]][] =>
  forms.map((v) => [v, particles]);
const DE_SEPARABLE: ReadonlyMap<string, readonly string[]> = new Map([
  ...separable(['teilt', 'teilte', 'teilen', 'teilten'], ['mit']),
  ...separable(['fordert', 'forderte', 'fordern', 'forderten'], ['auf']),
  ...separable(['weist', 'wies', 'weisen', 'wiesen'], ['hin']),
  ...separable(['führt', 'führte', 'führen', 'führten'], ['aus']),
  ...separable(['hebt', 'hob', 'heben', 'hoben'], ['hervor']),
  ...separable(['räumt', 'räumte', 'räumen', 'räumten'], ['ein']),
  ...separable(['stellt', 'stellte', 'stellen', 'stellten'], ['klar']),
  ...separable(['kündigt', 'kündigte', 'kündigen', 'kündigten'], ['an']),
  ...separable(['fügt', 'fügte', 'fügen', 'fügten'], ['hinzu']),
  ...separable(['gibt', 'gab', 'geben', 'gaben'], ['an', 'zu', 'bekannt']),
]);

/** German past participles of reporting verbs, used with an auxiliary: "hatte der Dienst erklärt". */
const DE_PARTICIPLES = new Set([
  'berichtet', 'geschrieben', 'erklärt', 'gesagt', 'gemeldet', 'mitgeteilt',
  'betont', 'bestätigt', 'dementiert', 'behauptet', 'gewarnt', 'verkündet',
  'konstatiert', 'vermutet', 'ergänzt', 'erläutert', 'bekräftigt',
  'angekündigt', 'hingewiesen', 'aufgefordert', 'ausgeführt', 'eingeräumt', 'hervorgehoben',
  'klargestellt', 'hinzugefügt', 'bekanntgegeben', 'angegeben', 'zugegeben',
]);

/** German perfect auxiliaries that pair with {@link DE_PARTICIPLES}. */
const DE_AUXILIARIES = new Set(['hat', 'hatte', 'haben', 'hatten', 'habe', 'hätte', 'hätten']);

/** Verbs that mark their source as a publication (so "die Zeitung" can later refer to it). */
const PUBLISHING_VERBS = new Set([
  'berichtet', 'berichten', 'berichtete', 'berichteten', 'schreibt', 'schreiben', 'schrieb',
  'schrieben', 'meldet', 'melden', 'meldete', 'meldeten', 'geschrieben', 'gemeldet',
  'reported', 'reports', 'wrote', 'writes',
]);

/** English reporting verbs: "X said", "said X", "X reported that", "X told Reuters". */
const EN_REPORTING_VERBS = new Set([
  'said', 'says', 'say', 'reported', 'reports', 'wrote', 'writes', 'told', 'tells',
  'stated', 'announced', 'added', 'adds', 'confirmed', 'denied', 'claimed', 'explained',
  'noted', 'warned',
]);

/**
 * Konjunktiv I/II forms that mark indirect speech and carry the current source
 * forward ("Ziel sei es …", "Die Beschäftigten seien zufrieden"). "würde" is
 * deliberately absent: it is too common in the publication's own conditionals.
 * "habe" and "werde" are also 1st-person indicative; they are ignored after
 * "ich", and words inside quotation marks (direct speech) are never checked.
 */
const KONJUNKTIV_FORMS = new Set([
  'sei', 'seien', 'habe', 'hätte', 'hätten', 'werde', 'wäre', 'wären',
  'solle', 'könne', 'müsse', 'dürfe', 'wolle', 'möge', 'gebe', 'gäbe',
  'liege', 'stehe', 'gehe', 'komme', 'bleibe', 'wisse',
]);

/**
 * Words ending in -e that are not Konjunktiv I verbs, for the "-e next to a
 * 3rd-person pronoun" pattern ("er plane", "prüfe man"): determiners,
 * quantifiers and adverbs that also end in -e. Words ending in -te (weak past
 * tense: "sagte", "hatte") are excluded by the pattern itself, and an -e word
 * followed by a capitalised noun is read as an adjective ("sie künstliche
 * Intelligenz"), so the pattern misses "er plane Investitionen" on purpose.
 */
const NOT_KONJUNKTIV_E = new Set([
  'eine', 'keine', 'diese', 'jene', 'seine', 'ihre', 'meine', 'deine', 'unsere', 'welche',
  'solche', 'manche', 'alle', 'beide', 'viele', 'einige', 'wenige', 'andere', 'ohne', 'gerne',
  'gerade', 'lange', 'heute', 'bitte', 'beinahe', 'nahe', 'hierzulande', 'derselbe', 'dieselbe',
  'ebendiese', 'mehrere', 'weitere', 'ganze', 'halbe', 'sowie', 'selbe', 'alleine', 'nie',
  'wurde', 'würde', // indicative past / conditional, not Konjunktiv I
]);

/** 3rd-person pronouns next to which a bare -e verb reads as Konjunktiv I. */
const DE_THIRD_PERSON = new Set(['er', 'sie', 'es', 'man']);

/**
 * Sentence openers that carry the current source: "Demnach …", "Demzufolge …".
 * "Danach …" carries only right after a source named as the owner of figures
 * or a report ("aus den Zahlen des X hervor. Danach …"); elsewhere it means
 * "afterwards".
 */
const DE_CARRY_OPENERS = new Set(['demnach', 'demzufolge']);

/** Pronoun speakers ("sagte er", "she said"): resolved to the current source. */
const PRONOUNS = new Set(['er', 'sie', 'es', 'he', 'she', 'they', 'it']);

/** Definite determiners (and contractions): a definite document noun refers to the current source. */
const DEFINITE = new Set([
  'der', 'die', 'das', 'des', 'dem', 'den', 'diesem', 'dieser', 'dieses', 'diese', 'diesen',
  'the', 'this', 'these', 'those', 'im', 'vom', 'beim', 'zum', 'zur',
]);

/** Indefinite determiners. */
const INDEFINITE = new Set(['ein', 'eine', 'einer', 'eines', 'einem', 'einen', 'a', 'an']);

/** Words that join a document noun to its owner: "Bericht der X", "Angaben von X", "report by X". */
const OWNER_LINKS = new Set(['der', 'des', 'von', 'vom', 'aus', 'by', 'from', 'of']);

/** Words allowed between two capitalised parts of one name: "Bank of England", "Procter & Gamble". */
const NAME_CONNECTORS = new Set(['of', 'for', 'für', '&', 'and', 'und', 'de', 'von', 'van', 'du', 'la']);

/**
 * Function words that are never (part of) a name, even when capitalised at the
 * start of a sentence or clause: prepositions, conjunctions, adverbs, pronouns.
 */
const FUNCTION_WORDS = new Set([
  // German
  'ab', 'aber', 'allerdings', 'als', 'also', 'am', 'an', 'auch', 'auf', 'aus', 'außerdem', 'bei',
  'beim', 'bereits', 'bis', 'bisher', 'da', 'dabei', 'daher', 'damals', 'damit', 'danach', 'dann',
  'darauf', 'darüber', 'das', 'dass', 'dazu', 'dem', 'demnach', 'demzufolge', 'den', 'denn', 'der',
  'derzeit', 'des', 'deshalb', 'dies', 'diese', 'dieser', 'dieses', 'doch', 'dort', 'durch', 'ein',
  'eine', 'einem', 'einen', 'einer', 'eines', 'er', 'erst', 'es', 'etwa', 'fast', 'ferner', 'für',
  'gegen', 'gestern', 'heute', 'hier', 'ich', 'ihr', 'im', 'immer', 'in', 'ins', 'inzwischen',
  'jedoch', 'jetzt', 'kaum', 'kein', 'keine', 'laut', 'man', 'mehr', 'mit', 'mittlerweile',
  'morgen', 'nach', 'nicht', 'noch', 'nun', 'ob', 'oder', 'ohne', 'rund', 'schon', 'seit', 'sie',
  'so', 'sowie', 'später', 'trotz', 'trotzdem', 'um', 'und', 'unter', 'von', 'vor', 'während',
  'wann', 'warum', 'was', 'wegen', 'weil', 'weiter', 'wenn', 'wer', 'wie', 'wir', 'wo', 'zu',
  'zudem', 'zuletzt', 'zum', 'zunächst', 'zur', 'zuvor', 'über',
  // English
  'a', 'after', 'although', 'an', 'and', 'as', 'at', 'before', 'but', 'earlier', 'for', 'he',
  'however', 'if', 'it', 'its', 'last', 'later', 'meanwhile', 'on', 'or', 'she', 'since',
  'that', 'the', 'their', 'these', 'they', 'this', 'those', 'to', 'today', 'we', 'when', 'while',
  'with', 'yesterday', 'according', 'is', 'was', 'were', 'are', 'has', 'had', 'have', 'who', 'which',
]);

/**
 * Appositive nouns that may stand before a proper name and are dropped from it
 * ("die Nachrichtenagentur Reuters" → "Reuters", "the news agency Reuters" →
 * "Reuters"). German entries are capitalised nouns and also match as the tail
 * of a compound ("Spionagebehörde", "Cloud-Dienst", "Statistikamt"); English
 * entries count only in lower case, so "The Daily Ledger" stays whole. Alone,
 * they are generic nouns. `true` marks publication nouns, which can be
 * anaphors for a publication named earlier ("die Zeitung" → "Financial Times").
 */
const APPOSITIVES: Record<Lang, ReadonlyMap<string, boolean>> = {
  de: new Map([
    // publications
    ['zeitung', true], ['zeitschrift', true], ['magazin', true], ['blatt', true],
    ['agentur', true], ['sender', true], ['portal', true],
    // organisations
    ['ministerium', false], ['behörde', false], ['amt', false], ['konzern', false],
    ['unternehmen', false], ['firma', false], ['dienst', false], ['institut', false],
    ['regierung', false], ['partei', false], ['gewerkschaft', false], ['verein', false],
    ['verband', false], ['bank', false], ['forscher', false],
  ]),
  en: new Map([
    // publications
    ['newspaper', true], ['paper', true], ['daily', true], ['magazine', true], ['agency', true],
    ['broadcaster', true], ['outlet', true], ['tabloid', true], ['news', true],
    // organisations
    ['company', false], ['firm', false], ['ministry', false], ['department', false],
    ['regulator', false], ['group', false], ['bank', false], ['union', false],
  ]),
};

/**
 * Role nouns for people: dropped before a name ("Sprecherin Anna Berg" →
 * "Anna Berg"), and allowed to take a genitive owner ("Sprecher der Polizei").
 */
const ROLE_NOUNS: Record<Lang, ReadonlySet<string>> = {
  de: new Set([
    'sprecher', 'sprecherin', 'chef', 'chefin', 'leiter', 'leiterin', 'präsident', 'präsidentin',
    'minister', 'ministerin', 'vorsitzende', 'vorsitzender', 'direktor', 'direktorin',
    'analyst', 'analystin', 'experte', 'expertin', 'vertreter', 'vertreterin',
    'bürgermeister', 'bürgermeisterin', 'kanzler', 'kanzlerin', 'politiker', 'politikerin',
    'abgeordnete', 'abgeordneter', 'arzt', 'ärztin', 'anwalt', 'anwältin',
    'trainer', 'trainerin', 'kapitän', 'kapitänin',
  ]),
  en: new Set([
    'spokesperson', 'spokesman', 'spokeswoman', 'president', 'chief', 'executive', 'ceo',
    'director', 'official', 'representative', 'minister', 'analyst', 'lawyer', 'coach', 'captain',
  ]),
};

/**
 * Document nouns: a source's report rather than the source. Followed by an
 * owner ("Bericht der X", "Angaben von X") they yield the owner; definite and
 * ownerless ("dem Bericht", "the report") they refer to the current source.
 * German entries also match as the tail of a compound ("Medienbericht").
 */
const DOCUMENT_NOUNS = new Set([
  'bericht', 'mitteilung', 'angaben', 'informationen', 'erklärung', 'stellungnahme', 'studie',
  'umfrage', 'analyse', 'schätzung', 'schätzungen', 'recherchen', 'darstellung', 'dokument',
  'zahlen', 'daten', 'statistik', 'statistiken', 'erhebung', 'auswertung', 'untersuchung',
  'prognose', 'berechnungen', 'hochrechnung',
  'report', 'reports', 'statement', 'study', 'survey', 'analysis', 'estimate', 'estimates',
  'data', 'figures', 'numbers', 'statistics', 'poll', 'findings', 'document', 'documents',
  'filing', 'release',
]);

/**
 * Words whose ending only looks like a document noun's compound tail
 * ("Kandidaten", "Soldaten" are no "…daten"). Generic German vocabulary.
 */
const NOT_DOCUMENT_COMPOUNDS = new Set(['kandidaten', 'soldaten', 'mandaten']);

/** Document nouns that make "nach" a cue: "nach Angaben von X", "nach Informationen der X". */
const DE_NACH_DOCUMENTS = new Set(['angaben', 'informationen', 'darstellung', 'schätzungen', 'recherchen']);

/**
 * Kinds of institution, by the generic noun that names one: "die Hochschule"
 * can stand for "Universität Genf" named earlier, "das Amt" for
 * "Kraftfahrt-Bundesamt", "the university" for "University of Nordland".
 * German entries also match as the tail of a compound ("Fachhochschule",
 * "Landesamt"); English ones exactly. Nouns with several everyday senses
 * ("Dienst": service or intelligence service) are left out on purpose.
 */
const INSTITUTION_KINDS: Record<Lang, ReadonlyMap<string, string>> = {
  de: new Map([
    ['universität', 'university'], ['hochschule', 'university'],
    ['institut', 'institute'], ['klinik', 'hospital'], ['klinikum', 'hospital'], ['krankenhaus', 'hospital'],
    ['ministerium', 'ministry'], ['behörde', 'authority'], ['amt', 'authority'],
    ['konzern', 'company'], ['unternehmen', 'company'], ['firma', 'company'], ['hersteller', 'company'],
    ['polizei', 'police'], ['gericht', 'court'], ['partei', 'party'], ['gewerkschaft', 'union'],
    ['verband', 'association'], ['verein', 'association'], ['bank', 'bank'],
  ]),
  en: new Map([
    ['university', 'university'], ['college', 'university'], ['institute', 'institute'],
    ['hospital', 'hospital'], ['ministry', 'ministry'], ['department', 'ministry'],
    ['company', 'company'], ['firm', 'company'], ['police', 'police'], ['court', 'court'],
    ['party', 'party'], ['union', 'union'], ['association', 'association'], ['bank', 'bank'],
  ]),
};

/** Clause-separating punctuation. */
const CLAUSE_PUNCT = new Set([',', ';', ':', '–', '—', '(', ')']);

/** Subordinators dropped before a verb-final subject: "wie die Zeitung berichtete", "as X reported". */
const SUBORDINATORS = new Set(['wie', 'as']);

/** Openers of a sentence that points back at the previous one: "Das berichtet X.", "That's according to X." */
const BACK_REFERENCE_OPENERS = new Set(['das', 'dies', 'dieses', 'that', 'this', "that's", 'that’s']);

// ---------------------------------------------------------------------------
// Tokens and noun phrases
// ---------------------------------------------------------------------------

/** A word, a quoted span or one punctuation mark of a sentence. */
interface Token {
  /** The text; for a quote token, the words inside the quotation marks. */
  text: string;
  /** `text` in lower case, for table look-ups. */
  lower: string;
  /** What the token is. */
  kind: 'word' | 'quote' | 'punct';
}

/**
 * Words (with inner hyphens, dots, apostrophes, ampersands; a middle initial
 * with its dot before a capitalised word, "Robert M. Danin"), quoted spans,
 * single punctuation marks.
 */
const TOKEN_RE =
  /»([^«»]*)«|«([^«»]*)»|„([^„“”"]*)[“”"]|“([^“”]*)”|"([^"]*)"|(\p{Lu}\.(?=\s\p{Lu})|[\p{L}\p{N}]+(?:[-.'’&][\p{L}\p{N}]+)*)|([^\s\p{L}\p{N}])/gu;

/** Splits a sentence into {@link Token}s in reading order. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const quoted = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5];
    if (quoted !== undefined) {
      const inner = quoted.trim();
      tokens.push({ text: inner, lower: inner.toLowerCase(), kind: 'quote' });
    } else if (m[6] !== undefined) {
      tokens.push({ text: m[6], lower: m[6].toLowerCase(), kind: 'word' });
    } else {
      tokens.push({ text: m[0], lower: m[0], kind: 'punct' });
    }
  }
  return tokens;
}

/** Whether the token is a word (not a quotation or punctuation). */
const isWord = (t: Token | undefined): t is Token => t?.kind === 'word';
/** Whether the token is a word starting in lower case. */
const isLowerWord = (t: Token | undefined): boolean => isWord(t) && /^\p{Ll}/u.test(t.text);
/** Whether the token ends a phrase: the end of the sentence or any punctuation but "&". */
const isBoundary = (t: Token | undefined): boolean => t === undefined || (t.kind === 'punct' && t.text !== '&');

/**
 * A quoted span that reads as a title ("»Financial Times«", "„Die Zeit“"): at
 * most six words, each capitalised or a short connecting word, no closing
 * punctuation. Anything else in quotation marks is direct speech.
 */
function isQuotedTitle(t: Token): boolean {
  const words = t.text.split(/\s+/);
  return words.length <= 6 && /^[\p{Lu}\p{N}]/u.test(t.text) && !/[,.;:!?]$/.test(t.text)
    && words.every((w) => /^[\p{Lu}\p{N}&]/u.test(w) || NAME_CONNECTORS.has(w) || DEFINITE.has(w));
}

/** A capitalised word, acronym or quoted title that can be (part of) a name. */
function isNameToken(t: Token | undefined): boolean {
  if (t === undefined) return false;
  if (t.kind === 'quote') return isQuotedTitle(t);
  return t.kind === 'word' && /^\p{Lu}/u.test(t.text) && !FUNCTION_WORDS.has(t.lower);
}

/** German inflection endings tried when looking a noun up in a table. */
const INFLECTIONS = ['', 's', 'es', 'n', 'en'];

/**
 * The table entry a noun belongs to, or undefined. German nouns also match as
 * the tail of a compound and with a genitive/plural/dative ending.
 */
function nounBase(lower: string, table: { has(key: string): boolean }): string | undefined {
  const parts = lower.split('-');
  const last = parts[parts.length - 1] ?? lower;
  for (const ending of INFLECTIONS) {
    if (ending !== '' && !last.endsWith(ending)) continue;
    const stem = last.slice(0, last.length - ending.length);
    if (table.has(stem)) return stem;
    for (let k = 1; k < stem.length - 2; k++) {
      const tail = stem.slice(k);
      if (tail.length >= 3 && table.has(tail)) return tail;
    }
  }
  return undefined;
}

/** The noun without a genitive -s/-es when that gives a table entry ("Unternehmens" → "Unternehmen"). */
function nominative(word: string, table: { has(key: string): boolean }): string {
  const lower = word.toLowerCase();
  for (const ending of ['es', 's']) {
    if (lower.endsWith(ending) && nounBase(lower.slice(0, -ending.length), table) !== undefined
      && nounBase(lower, table) !== lower) {
      return word.slice(0, -ending.length);
    }
  }
  return word;
}

/** Whether the token is a document noun ({@link DOCUMENT_NOUNS}). */
const isDocumentNoun = (t: Token | undefined): boolean =>
  isWord(t) && !NOT_DOCUMENT_COMPOUNDS.has(t.lower.split('-').pop() ?? '') && nounBase(t.lower, DOCUMENT_NOUNS) !== undefined;
/** The entry of an appositive or role noun (German: also compound tails and inflections; English: exact). */
function appositiveBase(t: Token | undefined, lang: Lang): string | undefined {
  if (!isWord(t)) return undefined;
  if (lang === 'en') {
    return APPOSITIVES.en.has(t.lower) || ROLE_NOUNS.en.has(t.lower) ? t.lower : undefined;
  }
  return nounBase(t.lower, APPOSITIVES.de) ?? nounBase(t.lower, ROLE_NOUNS.de);
}
/** Whether the token is an appositive or role noun. */
const isAppositive = (t: Token | undefined, lang: Lang): boolean => appositiveBase(t, lang) !== undefined;
/** Whether the token is a role noun for a person ({@link ROLE_NOUNS}). */
const isRoleNoun = (t: Token | undefined, lang: Lang): boolean => {
  const base = appositiveBase(t, lang);
  return base !== undefined && ROLE_NOUNS[lang].has(base);
};
/** Whether the token is a publication noun ("Zeitung", "newspaper"). */
const isPublicationNoun = (t: Token | undefined, lang: Lang): boolean => {
  const base = appositiveBase(t, lang);
  return base !== undefined && APPOSITIVES[lang].get(base) === true;
};

/** The institution kind a single noun names ({@link INSTITUTION_KINDS}), or undefined. */
function institutionKind(word: string, lang: Lang): string | undefined {
  const lower = word.toLowerCase();
  if (lang === 'en') return INSTITUTION_KINDS.en.get(lower);
  const base = nounBase(lower, INSTITUTION_KINDS.de);
  return base === undefined ? undefined : INSTITUTION_KINDS.de.get(base);
}

/** An institution named in the article with a noun that says its kind ("Universität Genf", "Kraftfahrt-Bundesamt"). */
interface Mention {
  /** The name as the parser cleans it. */
  name: string;
  /** Its {@link INSTITUTION_KINDS} kind. */
  kind: string;
  /** Index of its first token in its sentence. */
  start: number;
}

/**
 * The named institutions of a sentence: a run of capitalised words of which
 * one is a kind noun ("Universität Genf", "Spionagebehörde Government
 * Communications Headquarters", "University of Nordland"), or one hyphenated
 * word whose first part is capitalised and whose tail is a kind noun
 * ("Kraftfahrt-Bundesamt"). A kind noun alone ("die Hochschule") is no name.
 */
function institutionMentions(tokens: readonly Token[], lang: Lang): Mention[] {
  const mentions: Mention[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isNameToken(tokens[i]) || !isWord(tokens[i])) { i++; continue; }
    let j = i + 1;
    while (j < tokens.length) {
      if (isNameToken(tokens[j])) { j++; continue; }
      const after = tokens[j + 1]?.lower === 'the' ? j + 2 : j + 1;
      if (isWord(tokens[j]) && NAME_CONNECTORS.has(tokens[j]!.lower) && isNameToken(tokens[after])) { j = after + 1; continue; }
      break;
    }
    const run = tokens.slice(i, j).filter(isWord);
    const kindWord = run.find((t) => institutionKind(t.text, lang) !== undefined);
    if (kindWord !== undefined) {
      const kind = institutionKind(kindWord.text, lang) as string;
      if (run.length >= 2) {
        const np = parseNounPhrase(tokens, i, lang, j);
        if (np !== null && np.kind === 'name') mentions.push({ name: np.name, kind, start: i });
      } else if (/^\p{Lu}[\p{L}\p{N}]*-.*\p{L}/u.test(kindWord.text)) {
        mentions.push({ name: nominative(kindWord.text, INSTITUTION_KINDS.de), kind, start: i });
      }
    }
    i = j;
  }
  return mentions;
}

/**
 * The kind of a definite generic institution noun ("die Hochschule", "das Amt",
 * "the university"), or undefined for a name or anything else. A hyphenated
 * word with a capitalised first part ("Kraftfahrt-Bundesamt") is a name.
 */
function genericKind(np: NounPhrase, lang: Lang): string | undefined {
  if (!np.definite || np.publication || (np.kind !== 'name' && np.kind !== 'generic')) return undefined;
  if (/\s/.test(np.name) || (lang === 'de' && /^\p{Lu}[\p{L}\p{N}]*-/u.test(np.name))) return undefined;
  return institutionKind(np.name, lang);
}

/** A parsed noun phrase naming (or pointing at) a source. */
interface NounPhrase {
  /** Index just past the last token used. */
  end: number;
  /** name: a proper name; generic: a common noun alone; doc: an ownerless document noun; pronoun. */
  kind: 'name' | 'generic' | 'doc' | 'pronoun';
  /** The cleaned name. */
  name: string;
  /** Whether the phrase had a definite determiner. */
  definite: boolean;
  /** Whether an appositive or the noun itself says the source is a publication. */
  publication: boolean;
  /** Whether the source was named as the owner of a document or data ("Zahlen des X", "KBA-Zahlen"). */
  document?: boolean;
  /** The appositive noun dropped before the name, in lower case ("Spionagebehörde Y" → "spionagebehörde"). */
  appositive?: string;
}

/** The words of tokens[from, to) as written (quoted titles without their marks). */
function surface(tokens: readonly Token[], from: number, to: number): string {
  return tokens.slice(from, to).map((t) => t.text).join(' ');
}

/** Drops quotation marks and trailing punctuation that may cling to a name. */
function cleanName(name: string): string {
  return name.replace(/^[\s"'»«„“”‚‘’]+|[\s"'»«„“”‚‘’.,;:!?]+$/gu, '').replace(/\s+/g, ' ');
}

/** Reads a noun phrase starting at tokens[i], not reaching `limit`. */
function parseNounPhrase(tokens: readonly Token[], i: number, lang: Lang, limit = tokens.length): NounPhrase | null {
  let j = i;
  const first = tokens[j];
  if (j >= limit || first === undefined) return null;
  if (isWord(first) && PRONOUNS.has(first.lower) && (first.lower !== 'sie' || lang === 'de')) {
    return { end: j + 1, kind: 'pronoun', name: first.text, definite: true, publication: false };
  }
  let definite = false;
  if (isWord(first) && DEFINITE.has(first.lower)) { definite = true; j++; }
  else if (isWord(first) && INDEFINITE.has(first.lower)) j++;

  // Lower-case modifiers: German adjectives (-e/-en/-er/-es/-em), English adjectives and nouns.
  const mods: Token[] = [];
  while (j < limit && mods.length < 4) {
    const t = tokens[j];
    if (!isLowerWord(t) || t === undefined || FUNCTION_WORDS.has(t.lower)) break;
    if (lang === 'de' && !/(e|en|er|es|em)$/.test(t.lower)) break;
    if (lang === 'en' && EN_REPORTING_VERBS.has(t.lower)) break;
    mods.push(t);
    j++;
  }

  let publication = mods.some((m) => isPublicationNoun(m, lang));
  // "the newspaper The Guardian": a title's own article after an English appositive.
  const lastMod = mods[mods.length - 1];
  if (lang === 'en' && isAppositive(lastMod, lang) && tokens[j]?.lower === 'the' && isNameToken(tokens[j + 1])) j++;

  const head: Token[] = [];
  while (j < limit) {
    const t = tokens[j];
    if (isNameToken(t) && t !== undefined) {
      if (head.length === 0 && isDocumentNoun(t)) return documentPhrase(tokens, j, lang, limit, definite);
      // A quoted title is a whole name: "Bericht der »Financial Times« Britischer Geheimdienst …".
      if (head.length > 0 && head[head.length - 1]!.kind === 'quote') break;
      head.push(t);
      j++;
      continue;
    }
    if (head.length > 0 && isWord(t) && NAME_CONNECTORS.has(t.lower)) {
      const after = tokens[j + 1]?.lower === 'the' ? j + 2 : j + 1;
      if (after < limit && isNameToken(tokens[after])) {
        for (let k = j; k < after; k++) head.push(tokens[k] as Token);
        j = after;
        continue;
      }
    }
    // English lower-case appositives after a capitalised modifier: "the British newspaper The Guardian".
    if (lang === 'en' && head.length > 0 && isAppositive(t, lang)) {
      let k = j;
      while (k < limit && k - j < 3 && isLowerWord(tokens[k]) && isAppositive(tokens[k], lang)) k++;
      if (tokens[k]?.lower === 'the') k++;
      if (k < limit && isNameToken(tokens[k])) {
        for (let m = j; m < k; m++) publication ||= isPublicationNoun(tokens[m], lang);
        head.length = 0;
        j = k;
        continue;
      }
    }
    // A role noun takes a genitive owner: "Sprecher der Polizei".
    const last = head[head.length - 1];
    if (head.length > 0 && isWord(t) && (t.lower === 'der' || t.lower === 'des') && isRoleNoun(last, lang)) {
      const owner = parseNounPhrase(tokens, j, lang, limit);
      if (owner !== null && (owner.kind === 'name' || owner.kind === 'generic')) {
        const role = nominative(head.map((h) => h.text).join(' '), ROLE_NOUNS[lang]);
        // The owner keeps its case as written: "Sprecher des Innenministeriums".
        const name = cleanName(`${role} ${surface(tokens, j, owner.end)}`);
        return { end: owner.end, kind: 'name', name, definite, publication: false };
      }
    }
    break;
  }

  if (head.length === 0) {
    if (lang !== 'en' || mods.length === 0) return null;
    // English lower-case phrase: "the company", "officials", "a spokesperson for the ministry".
    const last = mods[mods.length - 1] as Token;
    if (DOCUMENT_NOUNS.has(last.lower)) {
      const owned = documentOwner(tokens, j, lang, limit);
      if (owned !== null) return owned;
      return { end: j, kind: 'doc', name: last.text, definite, publication: false };
    }
    let name = mods.map((m) => m.text).join(' ');
    let end = j;
    const link = tokens[j];
    if (isWord(link) && (link.lower === 'for' || link.lower === 'of' || link.lower === 'at')) {
      const tail = parseNounPhrase(tokens, j + 1, lang, limit);
      if (tail !== null && tail.kind !== 'pronoun' && tail.kind !== 'doc') {
        name += ` ${surface(tokens, j, tail.end)}`;
        end = tail.end;
      }
    }
    return { end, kind: 'generic', name: cleanName(name), definite, publication };
  }

  // German appositive nouns before a name are dropped: "Nachrichtenagentur Reuters" → "Reuters".
  // (English appositives are lower case and were dropped above.)
  let name = head;
  let appositive: string | undefined;
  if (lang === 'de') {
    for (let k = head.length - 2; k >= 0; k--) {
      if (isAppositive(head[k], lang) && isNameToken(head[k + 1])) {
        publication ||= isPublicationNoun(head[k], lang);
        name = head.slice(k + 1);
        appositive = head[k]!.lower;
        break;
      }
    }
    if (name.length === 1 && isAppositive(name[0], lang)) {
      const only = name[0] as Token;
      const table = isRoleNoun(only, lang) ? ROLE_NOUNS.de : APPOSITIVES.de;
      return {
        end: j, kind: 'generic', name: nominative(only.text, table), definite,
        publication: isPublicationNoun(only, lang),
      };
    }
  }
  return { end: j, kind: 'name', name: cleanName(name.map((t) => t.text).join(' ')), definite, publication, appositive };
}

/** The owner after a document noun ("… der X", "… von X", "… by X"), or null. */
function documentOwner(tokens: readonly Token[], j: number, lang: Lang, limit: number): NounPhrase | null {
  const link = tokens[j];
  if (!isWord(link) || !OWNER_LINKS.has(link.lower)) return null;
  // "der/des" start the owner's own phrase; "von/vom/aus/by/from/of" precede it.
  const start = link.lower === 'der' || link.lower === 'des' ? j : j + 1;
  const owner = parseNounPhrase(tokens, start, lang, limit);
  if (owner === null || owner.kind === 'pronoun' || owner.kind === 'doc') return null;
  return owner;
}

/**
 * The owner named by a hyphenated document compound's first part ("KBA-Zahlen" → "KBA",
 * "Bafa-Daten" → "Bafa"), or null. The first part counts as a name when it is an acronym,
 * or capitalised and no word of general German (the dictionary's commonness table, see
 * src/search/commonness.ts): "Corona-Zahlen", "Mai-Zahlen", "Online-Umfrage" name no owner.
 */
function compoundOwner(word: string): string | null {
  const parts = word.split('-');
  const first = parts[0] ?? '';
  if (parts.length < 2 || !/^\p{Lu}/u.test(first) || first.length < 2) return null;
  if (/^[\p{Lu}\p{N}]+$/u.test(first) && /\p{Lu}.*\p{Lu}/u.test(first)) return first;
  if (/^\p{Lu}\p{Ll}+$/u.test(first) && entryCount(termOf(first, 'de'), 'de') === 0) return first;
  return null;
}

/** A document noun at tokens[j]: its owner when named, else an ownerless document phrase. */
function documentPhrase(tokens: readonly Token[], j: number, lang: Lang, limit: number, definite: boolean): NounPhrase {
  const owner = documentOwner(tokens, j + 1, lang, limit);
  if (owner !== null) return { ...owner, document: true };
  const t = tokens[j] as Token;
  const compound = lang === 'de' ? compoundOwner(t.text) : null;
  if (compound !== null) return { end: j + 1, kind: 'name', name: compound, definite: false, publication: false, document: true };
  return { end: j + 1, kind: 'doc', name: t.text, definite, publication: false };
}

// ---------------------------------------------------------------------------
// Cue detection within one sentence
// ---------------------------------------------------------------------------

/** A cue found in a sentence: a phrase naming the source, or a bare anaphoric cue ("heißt es"). */
interface Cue {
  /** The source phrase; null for a cue that only points at the current source. */
  phrase: NounPhrase | null;
  /** The cue verb marks a publication ("berichtete", "reported"). */
  publishing: boolean;
  /** "unter Berufung auf X": only used when no other cue applies. */
  weak?: boolean;
  /** The reporting verb (lower case), to tell "sagte sie" (she) from "sagten sie" (they). */
  verb?: string;
  /** Index of the phrase's first token, to look for people named before it in the same sentence. */
  at?: number;
}

/** Whether tokens[k] closes a clause: clause punctuation, or a quotation ending in punctuation ("„…,“ sagte X"). */
function endsClause(t: Token | undefined): boolean {
  if (t === undefined) return false;
  if (t.kind === 'punct') return CLAUSE_PUNCT.has(t.text);
  return t.kind === 'quote' && /[,.;:!?]$/.test(t.text);
}

/** Index of the first token of the clause containing tokens[v]. */
function clauseStart(tokens: readonly Token[], v: number): number {
  for (let k = v - 1; k >= 0; k--) if (endsClause(tokens[k])) return k + 1;
  return 0;
}

/** Index just past the clause containing tokens[v]. */
function clauseEnd(tokens: readonly Token[], v: number): number {
  for (let k = v + 1; k < tokens.length; k++) if (isBoundary(tokens[k])) return k;
  return tokens.length;
}

/** Words that open a relative clause: "Der Konzern, der …, erklärte", "The company, which …, said". */
const RELATIVE_PRONOUNS: Record<Lang, ReadonlySet<string>> = {
  de: new Set(['der', 'die', 'das', 'dem', 'den', 'deren', 'dessen', 'welche', 'welcher', 'welches']),
  en: new Set(['which', 'who', 'whose', 'that']),
};

/**
 * The subject before a relative clause when the verb at tokens[v] opens its
 * clause right after that relative clause: "Der Konzern, der 1990 gegründet
 * wurde, erklärte …" → "Der Konzern".
 */
function subjectBeforeRelative(tokens: readonly Token[], v: number, lang: Lang): NounPhrase | null {
  const cs = clauseStart(tokens, v);
  if (cs !== v || cs === 0) return null;
  const relStart = clauseStart(tokens, cs - 1);
  const rel = tokens[relStart];
  if (relStart === 0 || !isWord(rel) || !RELATIVE_PRONOUNS[lang].has(rel.lower)) return null;
  return exactPhrase(tokens, clauseStart(tokens, relStart - 1), relStart - 1, lang);
}

/** A noun phrase spanning exactly tokens[from, to), or null. */
function exactPhrase(tokens: readonly Token[], from: number, to: number, lang: Lang): NounPhrase | null {
  if (from >= to) return null;
  const np = parseNounPhrase(tokens, from, lang, to);
  return np !== null && np.end === to ? np : null;
}

/** The speaker of a German reporting verb at tokens[v]. */
function germanSpeaker(tokens: readonly Token[], v: number): NounPhrase | null {
  const cs = clauseStart(tokens, v);
  const verb = tokens[v] as Token;
  if (DE_PARTICIPLES.has(verb.lower)) {
    let aux = -1;
    for (let k = v - 1; k >= cs; k--) if (isWord(tokens[k]) && DE_AUXILIARIES.has(tokens[k]!.lower)) { aux = k; break; }
    if (aux >= 0) {
      // "GCHQ hat erklärt" / "Schon im Februar hatte der Abhördienst erklärt".
      return exactPhrase(tokens, cs, aux, 'de') ?? parseNounPhrase(tokens, aux + 1, 'de', v);
    }
  }
  const beforeRelative = subjectBeforeRelative(tokens, v, 'de');
  if (beforeRelative !== null) return beforeRelative;
  let from = cs;
  const opener = tokens[from];
  const subordinate = isWord(opener) && SUBORDINATORS.has(opener.lower);
  if (subordinate) from++;
  if (from < v) {
    // Verb second: a whole-noun-phrase prefield is the subject ("GCHQ erklärte").
    const whole = exactPhrase(tokens, from, v, 'de');
    if (whole !== null) return whole;
    // Verb final after "wie": "wie die Zeitung unter Berufung auf Insider berichtete".
    if (subordinate) return parseNounPhrase(tokens, from, 'de', v);
  }
  // Otherwise the subject follows the verb: "schrieb die »Financial Times«", "erklärte GCHQ".
  return parseNounPhrase(tokens, v + 1, 'de');
}

/** Adverbs that stand between an English speaker and the verb: "Netanyahu strongly warned", "the app now reports". */
const EN_SPEECH_ADVERB = /^(?:\p{Ll}+ly|now|also|then|still|later|today|yesterday|again|once|often|never|only|just|even|already|further|first|last|previously|since)$/u;

/** The speaker of an English reporting verb at tokens[v]. */
function englishSpeaker(tokens: readonly Token[], v: number): NounPhrase | null {
  const next = tokens[v + 1];
  if (isWord(next) && next.lower === 'by') return parseNounPhrase(tokens, v + 2, 'en'); // "reported by X"
  const prev = tokens[v - 1];
  // A passive ("was told"), an infinitive ("asked to say") or a modal ("could say"): nobody is quoted as saying it.
  if (isWord(prev) && ['is', 'are', 'was', 'were', 'be', 'been', 'being', 'to', 'can', 'could', 'will', 'would', 'may', 'might', 'must', 'should', 'shall'].includes(prev.lower)) return null;
  if (isWord(prev) && /^(?:we|i|you)(?:['’](?:re|m|ve))?$/.test(prev.lower)) return null; // "we're told", "I say"
  // "added" as a participle ("each layer added to the canvas"), not as speech: speech adds "that", a quote or a comma.
  if (tokens[v]!.lower === 'added' || tokens[v]!.lower === 'adds') {
    const said = next === undefined || next.kind !== 'word' || next.lower === 'that' || tokens.some((t) => t.kind === 'quote');
    if (!said) return null;
  }
  // Adverbs between the speaker and the verb are no part of the speaker.
  let end = v;
  while (end > 0 && isWord(tokens[end - 1]) && EN_SPEECH_ADVERB.test(tokens[end - 1]!.lower) && /^\p{Ll}/u.test(tokens[end - 1]!.text)) end--;
  if (end < v) v = end;
  const beforeRelative = subjectBeforeRelative(tokens, v, 'en');
  if (beforeRelative !== null) return beforeRelative;
  const cs = clauseStart(tokens, v);
  let from = cs;
  if (isWord(tokens[from]) && SUBORDINATORS.has(tokens[from]!.lower)) from++;
  if (from >= v) return parseNounPhrase(tokens, v + 1, 'en'); // "…, said X."
  for (let s = from; s < v; s++) {
    const np = exactPhrase(tokens, s, v, 'en');
    if (np !== null) return np; // "X said", "On Monday the company said"
  }
  return parseNounPhrase(tokens, from, 'en');
}

/** "laut X", "X zufolge", "nach Angaben von X", "heißt es …", "aus … hervor", reporting verbs. */
function germanCues(tokens: readonly Token[]): Cue[] {
  const cues: Cue[] = [];
  tokens.forEach((t, i) => {
    if (!isWord(t)) return;
    const lower = t.lower;
    if (lower === 'laut') {
      const np = parseNounPhrase(tokens, i + 1, 'de');
      if (np !== null) cues.push({ phrase: np, publishing: false });
    } else if (lower === 'zufolge') {
      // The earliest start whose phrase ends right before "zufolge".
      const cs = clauseStart(tokens, i);
      for (let s = cs; s < i; s++) {
        const np = exactPhrase(tokens, s, i, 'de');
        if (np !== null) { cues.push({ phrase: np, publishing: false }); break; }
      }
    } else if (lower === 'nach') {
      const np = parseNounPhrase(tokens, i + 1, 'de');
      const noun = tokens.slice(i + 1, np?.end ?? i + 1).find((x) => isNameToken(x));
      if (np !== null && noun !== undefined && nounBase(noun.lower, DE_NACH_DOCUMENTS) !== undefined) {
        cues.push({ phrase: np, publishing: false });
      }
    } else if ((lower === 'heißt' || lower === 'hieß')
      && (tokens[i + 1]?.lower === 'es' || tokens[i - 1]?.lower === 'es')) {
      cues.push({ phrase: heisstEsSource(tokens, i), publishing: false });
    } else if (lower === 'aus') {
      // "Das geht aus einem Bericht der X hervor", "wie aus … hervorgeht".
      const end = clauseEnd(tokens, i);
      const np = parseNounPhrase(tokens, i + 1, 'de', end);
      const rest = tokens.slice(np?.end ?? i, end);
      if (np !== null && rest.some((x) => x.lower === 'hervor' || x.lower.startsWith('hervorg'))) {
        cues.push({ phrase: np, publishing: false });
      }
    } else if (lower === 'unter' && tokens[i + 1]?.lower === 'berufung' && tokens[i + 2]?.lower === 'auf') {
      cues.push({ phrase: parseNounPhrase(tokens, i + 3, 'de'), publishing: false, weak: true });
    } else if (DE_REFLEXIVE_SPEECH.has(lower) && tokens[i + 1]?.lower === 'sich' && tokens.some((x) => x.kind === 'quote')) {
      // "»…«, wunderte sich ein Besucher" / "Der Trainer freute sich: »…«".
      const cs = clauseStart(tokens, i);
      const np = exactPhrase(tokens, cs, i, 'de') ?? parseNounPhrase(tokens, i + 2, 'de', clauseEnd(tokens, i + 1));
      if (np !== null) cues.push({ phrase: np, publishing: false });
    } else if (DE_REPORTING_VERBS.has(lower) || DE_PARTICIPLES.has(lower) || DE_SEPARABLE.has(lower)) {
      if (!/^\p{Ll}/u.test(t.text)) return;
      const particles = DE_SEPARABLE.get(lower);
      if (particles !== undefined && !DE_REPORTING_VERBS.has(lower)) {
        // The particle closes the clause: "forderte die Gäste auf, …", "teilte die Polizei mit."
        const last = tokens[clauseEnd(tokens, i) - 1];
        if (!isWord(last) || !particles.includes(last.lower) || last === t) return;
      }
      const np = germanSpeaker(tokens, i);
      if (np !== null) cues.push({ phrase: np, publishing: PUBLISHING_VERBS.has(lower), verb: lower, at: np.end - 1 });
    }
  });
  return cues;
}

/** The source named around "heißt es": "heißt es im Bericht", "In einer Mitteilung der X heißt es". */
function heisstEsSource(tokens: readonly Token[], i: number): NounPhrase | null {
  const prepositional = (k: number): NounPhrase | null => {
    const p = tokens[k];
    if (!isWord(p)) return null;
    if (['im', 'beim', 'vom'].includes(p.lower)) {
      const np = parseNounPhrase(tokens, k + 1, 'de');
      return np === null ? null : { ...np, definite: true };
    }
    if (['in', 'bei', 'von', 'aus'].includes(p.lower)) return parseNounPhrase(tokens, k + 1, 'de');
    return null;
  };
  let k = i + 1;
  while (isWord(tokens[k]) && ['es', 'weiter', 'zudem', 'ferner', 'außerdem', 'auch', 'darin', 'dort'].includes(tokens[k]!.lower)) k++;
  const after = prepositional(k);
  if (after !== null) return after;
  return prepositional(clauseStart(tokens, i));
}

/** "according to X", "X said", "said X", "X reported that", "reported by X". */
function englishCues(tokens: readonly Token[]): Cue[] {
  const cues: Cue[] = [];
  tokens.forEach((t, i) => {
    if (!isWord(t)) return;
    if (t.lower === 'according' && tokens[i + 1]?.lower === 'to') {
      let np = parseNounPhrase(tokens, i + 2, 'en');
      const end = clauseEnd(tokens, i + 1);
      if (np === null || (np.kind === 'generic' && np.end < end)) {
        // Fallback: the words up to the clause end, when short ("according to people familiar with …").
        const from = DEFINITE.has(tokens[i + 2]?.lower ?? '') || INDEFINITE.has(tokens[i + 2]?.lower ?? '') ? i + 3 : i + 2;
        const words = tokens.slice(from, end);
        if (words.length > 0 && end - (i + 2) <= 8) {
          np = { end, kind: 'generic', name: cleanName(words.map((x) => x.text).join(' ')), definite: false, publication: false };
        }
      }
      if (np !== null) cues.push({ phrase: np, publishing: false });
    } else if (EN_REPORTING_VERBS.has(t.lower) && /^\p{Ll}/u.test(t.text)) {
      const np = englishSpeaker(tokens, i);
      if (np !== null) cues.push({ phrase: np, publishing: PUBLISHING_VERBS.has(t.lower), verb: t.lower, at: np.end - 1 });
    }
  });
  return cues;
}

/** Whether the sentence reads as indirect speech or opens with a carry cue ("Demnach"). */
function germanCarry(tokens: readonly Token[]): boolean {
  const first = tokens[0];
  if (isWord(first) && DE_CARRY_OPENERS.has(first.lower)) return true;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!isLowerWord(t) || t === undefined) continue;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (KONJUNKTIV_FORMS.has(t.lower) && prev?.lower !== 'ich') return true;
    // "-e" 3rd person singular next to a 3rd-person pronoun, not before a noun: "er plane", "prüfe man".
    // Weak past tense ("-te": "sagte", "hatte") and "wurde"/"würde" are not Konjunktiv I.
    if (t.lower.length >= 4 && t.lower.endsWith('e') && !t.lower.endsWith('te') && !NOT_KONJUNKTIV_E.has(t.lower)
      && !FUNCTION_WORDS.has(t.lower)) {
      const pronounBefore = isWord(prev) && DE_THIRD_PERSON.has(prev.lower);
      const pronounAfter = isWord(next) && DE_THIRD_PERSON.has(next.lower) && next.lower !== 'sie';
      if ((pronounBefore || pronounAfter) && !isNameToken(next) && next?.kind !== 'quote') return true;
    }
    // Reportative "soll/sollen … <participle> haben/sein": "sollen einen Deal eingegangen sein".
    if (t.lower === 'soll' || t.lower === 'sollen') {
      const end = clauseEnd(tokens, i);
      const lastWord = tokens[end - 1];
      const participle = tokens[end - 2];
      if (end - 2 > i && isWord(lastWord) && (lastWord.lower === 'sein' || lastWord.lower === 'haben')
        && isLowerWord(participle) && /(t|en)$/.test(participle!.lower)) return true;
    }
  }
  return false;
}

/** Whether the sentence is a short pointer back to the previous one ("Das berichtet X."). */
function isBackReference(tokens: readonly Token[], lang: Lang): boolean {
  const first = tokens[0];
  const second = tokens[1];
  if (!isWord(first) || !BACK_REFERENCE_OPENERS.has(first.lower) || !isWord(second)) return false;
  if (lang === 'de') {
    return DE_REPORTING_VERBS.has(second.lower) || DE_SEPARABLE.has(second.lower) || second.lower === 'geht';
  }
  return tokens.filter(isWord).length <= 12;
}

// ---------------------------------------------------------------------------
// People named in the text, and the gender of "er"/"sie"/"he"/"she"
// ---------------------------------------------------------------------------

/** A grammatical gender a pronoun and a person can share. */
type Gender = 'male' | 'female';

/** Titles that say a person's gender: "Frau Euler", "Herrn Kurz", "Mrs Example". */
const GENDER_TITLES: ReadonlyMap<string, Gender> = new Map([
  ['frau', 'female'], ['herr', 'male'], ['herrn', 'male'],
  ['mrs', 'female'], ['ms', 'female'], ['miss', 'female'], ['mr', 'male'],
]);

/** Prepositions of place: a first-name-like word after them is a place ("in Paris", "nach Tel Aviv"), no person. */
const PLACE_PREPOSITIONS = new Set(['in', 'im', 'nach', 'aus', 'bis', 'nahe', 'to', 'from', 'near']);

/** First-name tables of the gender-detection-from-name package (German and English lists), loaded on first use. */
let firstNames: { de: ReadonlyMap<string, string>; en: ReadonlyMap<string, string> } | undefined;

/**
 * The gender of a first name ("Katja" → female, "Frank-Walter" → male by its
 * first part), from the package's list for the article's language, then the
 * other one; undefined when neither knows it.
 */
function firstNameGender(word: string, lang: Lang): Gender | undefined {
  if (firstNames === undefined) {
    const load = createRequire(import.meta.url);
    firstNames = {
      de: load('gender-detection-from-name/names/de') as ReadonlyMap<string, string>,
      en: load('gender-detection-from-name/names/en') as ReadonlyMap<string, string>,
    };
  }
  const lower = word.toLowerCase();
  for (const key of [lower, lower.split('-')[0] ?? lower]) {
    const g = firstNames[lang].get(key) ?? firstNames[lang === 'de' ? 'en' : 'de'].get(key);
    if (g === 'male' || g === 'female') return g;
  }
  return undefined;
}

/** True for a first name either list knows ("Henning", "Katja"); false for "Alle", "Mehr". */
export function isFirstName(word: string): boolean {
  return firstNameGender(word, 'de') !== undefined;
}

/** A person a sentence may name: a title or first name before a surname ("Katja Euler", "Frau Euler"). */
interface PersonMention {
  /** Index of the sentence. */
  sentence: number;
  /** Index of the run's first token in its sentence. */
  start: number;
  /** 1-based block number. */
  paragraph: number;
  /** Readings in order: the name as credited and the word whose gender is the person's (a title or first name). */
  readings: readonly { name: string; cue: string }[];
}

/**
 * The people a sentence may name: a run of two or more capitalised words
 * outside quotation marks, not after a preposition of place, where any word
 * but the last may be the first name ("Erste Stadträtin Katja Euler" → "Katja
 * Euler"), or a title with a name ("Frau Euler", "Mr. Example"). Which word is
 * a first name is only looked up when a pronoun needs it ({@link personOf}).
 */
function personMentions(tokens: readonly Token[], sentence: number, paragraph: number): PersonMention[] {
  const people: PersonMention[] = [];
  const nameAt = (k: number): boolean => isWord(tokens[k]) && isNameToken(tokens[k]);
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i] as Token;
    if (isWord(t) && GENDER_TITLES.has(t.lower)) {
      const from = tokens[i + 1]?.text === '.' ? i + 2 : i + 1; // "Mr. Example"
      let j = from;
      while (nameAt(j)) j++;
      if (j > from) {
        people.push({ sentence, start: i, paragraph, readings: [{ name: cleanName(surface(tokens, i, j)), cue: t.lower }] });
        i = j;
        continue;
      }
    }
    if (!nameAt(i)) { i++; continue; }
    let j = i;
    while (nameAt(j)) j++;
    const before = tokens[i - 1];
    if (j - i >= 2 && !(isWord(before) && PLACE_PREPOSITIONS.has(before.lower))) {
      const readings: { name: string; cue: string }[] = [];
      for (let k = i; k < j - 1; k++) {
        if (!isAppositive(tokens[k], 'de') && !isDocumentNoun(tokens[k])) readings.push({ name: surface(tokens, k, j), cue: tokens[k]!.text });
      }
      if (readings.length > 0) people.push({ sentence, start: i, paragraph, readings });
    }
    i = j;
  }
  return people;
}

/** The person a mention names and their gender: its first reading whose title or first name tells a gender. */
function personOf(m: PersonMention, lang: Lang): { name: string; gender: Gender } | undefined {
  for (const r of m.readings) {
    const gender = GENDER_TITLES.get(r.cue) ?? firstNameGender(r.cue, lang);
    if (gender !== undefined) return { name: r.name, gender };
  }
  return undefined;
}

/**
 * The gender a pronoun speaker asks for: "er"/"he" male, "she" and "sie" with a
 * singular verb ("vermutete sie", not "sagten sie") female; undefined for
 * "es", "they", plural "sie".
 */
function pronounGender(pronoun: string, verb: string | undefined): Gender | undefined {
  const p = pronoun.toLowerCase();
  if (p === 'er' || p === 'he') return 'male';
  if (p === 'she') return 'female';
  if (p === 'sie' && verb !== undefined && !verb.endsWith('n')) return 'female';
  return undefined;
}

// ---------------------------------------------------------------------------
// An organisation named as the subject of the sentence before
// ---------------------------------------------------------------------------

/**
 * German nouns for an organisation (also as a compound's tail: "Abhördienst",
 * "Spionagebehörde"). A definite one as a speaker ("hatte der Abhördienst
 * erklärt") may stand for the organisation the sentence before opened with.
 */
const DE_ORGANISATION_NOUNS = new Set([
  'ministerium', 'behörde', 'amt', 'konzern', 'unternehmen', 'firma', 'dienst', 'institut',
  'regierung', 'partei', 'gewerkschaft', 'verein', 'verband', 'bank',
]);

/** Words that introduce a short form after a name: "Government Communications Headquarters, kurz GCHQ". */
const DE_SHORT_FORM_WORDS = new Set(['kurz', 'abgekürzt']);

/** An organisation a sentence opens with as its subject. */
interface OrganisationSubject {
  /** Its name; the short form when the article gives one ("…, kurz GCHQ," / "… (GCHQ)"). */
  name: string;
  /** The organisation noun it was introduced with, in lower case ("spionagebehörde"). */
  noun: string;
}

/** The singular organisation noun a word ends in, or undefined ("Abhördienst" → "dienst"; not "Behörden"). */
function singularOrganisation(lower: string): string | undefined {
  const base = nounBase(lower, DE_ORGANISATION_NOUNS);
  return base !== undefined && lower.endsWith(base) ? base : undefined;
}

/**
 * The organisation a German sentence opens with as its subject: a name after a
 * singular organisation noun ("Die britische Spionagebehörde Government
 * Communications Headquarters, kurz GCHQ, hatte …"), with its short form if
 * given, directly followed by the finite verb. Otherwise undefined.
 */
function organisationSubject(tokens: readonly Token[]): OrganisationSubject | undefined {
  const np = parseNounPhrase(tokens, 0, 'de');
  if (np === null || np.kind !== 'name' || np.appositive === undefined || singularOrganisation(np.appositive) === undefined) return undefined;
  let name = np.name;
  let k = np.end;
  const acronym = (t: Token | undefined): boolean => isWord(t) && /^\p{Lu}[\p{Lu}\p{N}]+$/u.test(t.text);
  if (tokens[k]?.text === ',' && DE_SHORT_FORM_WORDS.has(tokens[k + 1]?.lower ?? '') && acronym(tokens[k + 2])) {
    name = tokens[k + 2]!.text;
    k += 3;
    if (tokens[k]?.text === ',') k++;
  } else if (tokens[k]?.text === '(' && acronym(tokens[k + 1]) && tokens[k + 2]?.text === ')') {
    name = tokens[k + 1]!.text;
    k += 3;
  }
  return isLowerWord(tokens[k]) ? { name, noun: np.appositive } : undefined;
}

/**
 * Whether a definite generic organisation noun ("der Abhördienst") can stand for
 * the organisation the sentence before opened with: both nouns singular
 * organisation nouns, and of the same {@link INSTITUTION_KINDS} kind when both
 * kinds are known ("das Unternehmen" never stands for a "Gewerkschaft X").
 */
function fitsOrganisation(np: NounPhrase, subject: OrganisationSubject): boolean {
  if (np.kind !== 'generic' || !np.definite || np.publication) return false;
  if (singularOrganisation(np.name.toLowerCase()) === undefined) return false;
  const a = institutionKind(np.name, 'de');
  const b = institutionKind(subject.noun, 'de');
  return a === undefined || b === undefined || a === b;
}

// ---------------------------------------------------------------------------
// The article pass
// ---------------------------------------------------------------------------

/** A source known to the pass. */
interface Source {
  /** The cleaned name returned for sentences credited to it. */
  name: string;
  /** Introduced as a publication, so "die Zeitung" / "the newspaper" can refer to it. */
  publication: boolean;
  /** Paragraph where it was last named. */
  paragraph: number;
  /** Named as the owner of a document or data, so a following "Danach …" means "according to it". */
  document?: boolean;
}

/** Quotation marks that may open a direct quotation at the start of a sentence. */
const OPENING_QUOTES = new Set(['»', '«', '„', '“', '"', '‚', '‹', '›']);

/**
 * Which sentences are wholly direct speech: a sentence that is one quotation
 * ("»Ich glaube, …«"), or that opens a quotation it does not close
 * ("«Wenn Sie … Pinselzellen."), and the sentences of the same paragraph up to
 * the one that closes it, when only punctuation follows the closing mark.
 */
function quotationSentences(sentences: readonly AttributionInput[]): boolean[] {
  const flags: boolean[] = [];
  let open = false;
  sentences.forEach((s, i) => {
    if (i > 0 && sentences[i - 1]!.paragraph !== s.paragraph) open = false;
    const text = s.text.trim();
    const tokens = tokenize(text);
    const marks = tokens.map((t, k) => (t.kind === 'punct' && OPENING_QUOTES.has(t.text) ? k : -1)).filter((k) => k >= 0);
    const onlyPunctAfter = (k: number): boolean => tokens.slice(k + 1).every((t) => t.kind === 'punct');
    if (open) {
      // Inside a quotation opened before: direct speech up to its closing mark.
      const close = marks[0];
      flags.push(close === undefined || onlyPunctAfter(close));
      if (close !== undefined) open = false;
      return;
    }
    const first = tokens[0];
    if (first?.kind === 'quote' && OPENING_QUOTES.has(text[0] ?? '')) {
      flags.push(onlyPunctAfter(0)); // "»Ich glaube, …«" — not "»Sister« kam hinzu"
    } else if (first?.kind === 'punct' && OPENING_QUOTES.has(first.text) && marks.length === 1) {
      flags.push(true); // opens a quotation that goes on in the next sentence
      open = true;
    } else {
      flags.push(false);
    }
  });
  return flags;
}

/**
 * A line that credits the quotation above it: "Alan Carleton, Universität
 * Genf", "– Jane Example, University of Nordland": a person's name (a first
 * name and more, see {@link firstNameGender}), then optionally a
 * comma and a short affiliation, at most ten words, with no verb of its own
 * and no closing full stop. Returns the name, or null.
 */
function quoteCreditName(text: string, lang: Lang): string | null {
  const tokens = tokenize(text.trim());
  let from = 0;
  while (tokens[from]?.kind === 'punct' && ['–', '—', '-'].includes(tokens[from]!.text)) from++;
  const words = tokens.filter(isWord);
  const last = tokens[tokens.length - 1];
  if (words.length < 2 || words.length > 10 || (last?.kind === 'punct' && ['.', '!', '?', ':'].includes(last.text))) return null;
  if (tokens.some((t) => t.kind === 'quote')) return null;
  const comma = tokens.findIndex((t) => t.text === ',');
  const end = comma < 0 ? tokens.length : comma;
  for (let k = from; k < end; k++) if (!isNameToken(tokens[k])) return null;
  const verbs = lang === 'en' ? EN_REPORTING_VERBS : DE_REPORTING_VERBS;
  if (words.some((w) => verbs.has(w.lower) || DE_SEPARABLE.has(w.lower))) return null;
  const np = exactPhrase(tokens, from, end, lang);
  // A person: a first name and more ("Alan Carleton"), so a subhead "Neue Regeln" is no credit.
  const first = np?.name.split(/\s+/)[0] ?? '';
  return np !== null && np.kind === 'name' && /\s/.test(np.name) && firstNameGender(first, lang) !== undefined ? np.name : null;
}

/**
 * A pulled-out quotation credited on the line below it: every sentence of a
 * paragraph of direct speech with no cue of its own takes the name of the
 * credit line that follows as the next paragraph ({@link quoteCreditName}).
 */
function creditPulledQuotes(
  sentences: readonly AttributionInput[], quotations: readonly boolean[], explicit: readonly boolean[],
  result: (string | null)[], lang: Lang,
): void {
  let i = 0;
  while (i < sentences.length) {
    let j = i;
    while (j < sentences.length && sentences[j]!.paragraph === sentences[i]!.paragraph) j++;
    const block = [...Array(j - i).keys()].map((k) => i + k);
    const line = sentences[j];
    const single = line !== undefined && sentences[j + 1]?.paragraph !== line.paragraph;
    if (single && line.role !== 'headline' && block.every((k) => quotations[k] === true && explicit[k] === false)) {
      const name = quoteCreditName(line.text, lang);
      if (name !== null) for (const k of block) result[k] = name;
    }
    i = j;
  }
}

/** Roles that stand alone: explicit cues only, no carry in or out. */
const STANDALONE_ROLES = new Set<Role>(['headline', 'subhead', 'caption']);

/**
 * For each sentence (in reading order), whom the article attributes its claim
 * to, or null when it is the publication's own statement.
 *
 * @param sentences the article's sentences in reading order.
 * @param options `language`: 'de' (default) or 'en'; any code starting with
 *   "en" selects the English cues, everything else the German ones.
 * @returns one entry per input sentence, same order.
 */
export function attribute(sentences: readonly AttributionInput[], options: AttributionOptions = {}): (string | null)[] {
  const lang: Lang = (options.language ?? 'de').toLowerCase().startsWith('en') ? 'en' : 'de';
  const result: (string | null)[] = [];
  const explicit: boolean[] = [];
  let current: Source | null = null;
  let lastNamed: Source | null = null;
  let lastPublication: Source | null = null;
  /** Names credited so far, in order. */
  const named: string[] = [];
  /** Institutions named in earlier sentences. */
  const mentioned: Mention[] = [];
  /** People (possibly) named so far, in reading order. */
  const people: PersonMention[] = [];

  const quotations = quotationSentences(sentences);
  /** The organisation the sentence before opened with as its subject (German; body text only). */
  let previousSubject: OrganisationSubject | undefined;
  let subjectHere: OrganisationSubject | undefined;
  sentences.forEach((s, i) => {
    previousSubject = subjectHere;
    subjectHere = undefined;
    const tokens = tokenize(s.text);
    const standalone = STANDALONE_ROLES.has(s.role);
    if (lang === 'de' && !standalone) subjectHere = organisationSubject(tokens);
    const recent = (): Source | null =>
      current ?? (lastNamed !== null && s.paragraph - lastNamed.paragraph <= 1 ? lastNamed : null);

    const here = institutionMentions(tokens, lang);
    const herePeople = personMentions(tokens, i, s.paragraph);
    /**
     * "vermutete sie", "er sagte", "she said": a person of the pronoun's gender named before it in the same
     * sentence; else the carried source, unless its gender is known and differs from the pronoun's; then (or with nobody carried) the most recent person of the
     * pronoun's gender named in this or the previous paragraph. Otherwise as before.
     */
    const pronounSource = (pronoun: string, cue: Cue): Source | null => {
      const carried = recent();
      const gender = pronounGender(pronoun, cue.verb);
      if (gender === undefined) return carried;
      // A person of the pronoun's gender named earlier in the same sentence is whom it stands for: "Developer Jane
      // Example has released the code, she said."
      const inSentence = herePeople
        .filter((m) => m.start < (cue.at ?? 0))
        .map((m) => personOf(m, lang))
        .filter((p) => p !== undefined && p.gender === gender)
        .pop();
      if (inSentence) return { name: inSentence.name, publication: false, paragraph: s.paragraph };
      const known = [...people, ...herePeople.filter((m) => m.start < (cue.at ?? 0))]
        .filter((m) => s.paragraph - m.paragraph <= 1)
        .map((m) => personOf(m, lang))
        .filter((p) => p !== undefined);
      if (carried !== null) {
        const same = (a: string, b: string): boolean => a === b || a.endsWith(` ${b}`) || b.endsWith(` ${a}`);
        const carriedGender = known.find((p) => same(p.name, carried.name))?.gender
          ?? (/\s/.test(carried.name) ? firstNameGender(carried.name.split(/\s+/)[0] ?? '', lang) : undefined);
        if (carriedGender === undefined || carriedGender === gender) return carried;
      }
      const match = known.filter((p) => p.gender === gender).pop();
      return match === undefined ? carried : { name: match.name, publication: false, paragraph: s.paragraph };
    };
    const resolve = (cue: Cue): Source | null => {
      const np = cue.phrase;
      if (np !== null && np.kind === 'pronoun') return pronounSource(np.name, cue);
      if (np === null) return recent();
      if (np.kind === 'doc') return np.definite ? recent() : null;
      if (np.kind === 'generic' && np.publication) {
        return lastPublication ?? current ?? { name: np.name, publication: true, paragraph: s.paragraph };
      }
      // "die Hochschule" after "Universität Genf": the one institution of that kind named before.
      const kind = genericKind(np, lang);
      if (kind !== undefined) {
        const before = [...mentioned, ...here.filter((m) => m.start < np.end)].filter((m) => m.kind === kind);
        const names = new Set(before.map((m) => m.name));
        if (names.size === 1) return { name: [...names][0] as string, publication: false, paragraph: s.paragraph };
      }
      // "Die Spionagebehörde X, kurz Y, hatte … . Schon im Februar hatte der Abhördienst erklärt" → Y.
      const before = sentences[i - 1];
      if (lang === 'de' && previousSubject !== undefined && before?.paragraph === s.paragraph && fitsOrganisation(np, previousSubject)) {
        return { name: previousSubject.name, publication: false, paragraph: s.paragraph };
      }
      return { name: np.name, publication: np.publication || cue.publishing, paragraph: s.paragraph, document: np.document === true };
    };

    const cues = lang === 'en' ? englishCues(tokens) : germanCues(tokens);
    let source: Source | null = null;
    for (const cue of cues.filter((c) => !c.weak)) {
      source = resolve(cue);
      if (source !== null) break;
    }
    // "unter Berufung auf X" alone: the carried source keeps reporting; else X.
    if (source === null && cues.some((c) => c.weak)) {
      source = recent();
      if (source === null) {
        for (const cue of cues.filter((c) => c.weak)) if ((source = resolve(cue)) !== null) break;
      }
    }
    mentioned.push(...here);
    people.push(...herePeople);

    if (source !== null) {
      // A person named in full once is then named by surname ("Frank-Walter Steinmeier" … "betonte Steinmeier"):
      // the surname alone credits the one named in full, so the article's sources list one person once.
      const fuller = /^\p{Lu}[\p{L}'’-]*$/u.test(source.name) ? named.find((n) => n.split(/\s+/).length > 1 && n.endsWith(` ${source!.name}`)) : undefined;
      if (fuller) source = { ...source, name: fuller };
      if (!named.includes(source.name)) named.push(source.name);
      result.push(source.name);
      explicit.push(true);
      lastNamed = { ...source, paragraph: s.paragraph };
      if (source.publication) lastPublication = lastNamed;
      if (!standalone) current = lastNamed;
      const prev = sentences[i - 1];
      if (isBackReference(tokens, lang) && prev !== undefined && explicit[i - 1] === false
        && prev.role !== 'caption' && s.role !== 'caption') {
        result[i - 1] = source.name;
      }
      return;
    }

    explicit.push(false);
    // "Danach …" right after a source's figures or report reads "according to them", not "afterwards".
    const afterDocument = lang === 'de' && tokens[0]?.lower === 'danach' && current?.document === true;
    const carried = !standalone && (cues.length > 0 || afterDocument || (lang === 'de' && germanCarry(tokens)));
    if (!standalone && quotations[i] === true) {
      // A direct quotation with no cue of its own goes on quoting whoever speaks ("…, vermutete sie. »Ich glaube …«").
      result.push(current?.name ?? null);
    } else if (carried) {
      current = recent();
      result.push(current?.name ?? null);
    } else {
      result.push(null);
      if (!standalone) current = null;
    }
  });
  creditPulledQuotes(sentences, quotations, explicit, result, lang);
  // Headlines and subheads in the forms "X: claim" and "Bericht der X …" credit X when the
  // article credits X elsewhere (by full name or surname): "Steinmeier: Waffenruhe schaffen".
  sentences.forEach((s, i) => {
    if (result[i] !== null || (s.role !== 'headline' && s.role !== 'subhead')) return;
    const known = (name: string): string | undefined =>
      named.find((n) => n === name || (/^\p{Lu}[\p{L}'’-]*$/u.test(name) && n.endsWith(` ${name}`)));
    const tokens = tokenize(s.text);
    const colon = tokens.findIndex((t) => t.text === ':');
    const speaker = colon > 0 && colon < tokens.length - 1 ? exactPhrase(tokens, 0, colon, lang) : null;
    const np = speaker ?? parseNounPhrase(tokens, 0, lang);
    const opensWithDocument = isDocumentNoun(tokens[0]) || (INDEFINITE.has(tokens[0]?.lower ?? '') && isDocumentNoun(tokens[1]));
    if (np === null || np.kind !== 'name' || (speaker === null && !opensWithDocument)) return;
    result[i] = known(np.name) ?? null;
  });
  return result;
}
