/**
 * The engine every front end uses: ask a question, list articles. It knows
 * nothing of Discord or consoles; front ends parse input and format output.
 */
import type { Article, ArticleMeta, Role, Sentence } from '../corpus/types.ts';
import { analyzerLanguage } from '../search/analyzer.ts';
import { type Lexicon, loadLexicon } from '../search/lexicon.ts';
import { loadWordVectors } from '../search/embeddings.ts';
import type { Mechanisms } from '../search/mechanisms.ts';
import { highlightAnswer } from '../search/highlight.ts';
import { planQuery } from '../search/query.ts';
import { rank, type Scored } from '../search/rank.ts';
import { buildIndex, type SentenceIndex, wordTermsOf } from '../search/sentenceIndex.ts';
import { opensWithReference } from '../summary/cues.ts';
import { summarize, type SummaryOptions } from '../summary/summarize.ts';
import { type ArticleQuestion, askAboutArticle } from './aboutArticle.ts';

/** Where a quote comes from. */
export interface Citation {
  articleId: string;
  title: string;
  publisher: string | null;
  byline: string | null;
  /** Paragraph of the quoted sentence; null for a metadata answer that is no sentence of the article (a byline, a date). */
  paragraph: number | null;
  /** Sentence within the paragraph; null as `paragraph`. */
  sentence: number | null;
  /** Role of the quoted sentence; null as `paragraph`. */
  role: Role | null;
  /** Whom the article credits for the claim; null when it is the publication's own statement. */
  attributedTo: string | null;
}

/** A question word and the article word it matched, e.g. partner → Geschäftspartner. */
export interface MatchedWord {
  question: string;
  article: string;
}

/**
 * What an answer is: a passage that matches the question, a sentence of the
 * article's summary (for "What is this article about?"), or a field of the
 * article's metadata (byline, date, publication, the sources it cites).
 */
export type AnswerKind = 'passage' | 'summary' | 'metadata';

/** A metadata field a question about the article itself asks for. */
export type MetadataField = 'byline' | 'date' | 'publisher' | 'url' | 'sources';

/** Where in the article's source file a metadata answer's text stands. */
export interface SourceSpan {
  /** Offset of the first character in the source file text. */
  start: number;
  /** Offset just past the last character. */
  end: number;
  /** 1-based line of the source file. */
  line: number;
}

/** A span of an answer's text: `text.slice(start, end)`. */
export interface TextSpan {
  start: number;
  end: number;
}

/** One quoted sentence, or one field of the article's metadata. */
export interface Answer {
  kind: AnswerKind;
  /**
   * Verbatim text of the article's source file. For a metadata answer, the
   * field's value: verbatim from the source file when `span` is set, else as
   * the article's metadata gives it.
   */
  text: string;
  score: number;
  citation: Citation;
  /** Stable id of the quoted sentence; for a metadata answer `ARTICLE:FIELD` (e.g. `spiegel-gchq-aws:byline`). */
  sentenceId: string;
  /** Which question words matched which article words. */
  matched: MatchedWord[];
  /**
   * For a passage: the part of `text` that answers the question ("Andy Jassy"
   * for "Who succeeded Bezos?"), as JavaScript string offsets into `text`, so
   * `text.slice(start, end)` is the span; null when the engine cannot tell
   * well enough (see src/search/highlight.ts). Absent on summary and metadata
   * answers.
   */
  highlight?: TextSpan | null;
  /**
   * For a passage that opens by pointing back ("He is also …", "Das berichtet
   * die …"): the sentence right before it in the article's text, verbatim, so
   * the reader learns who "he" is or what "das" stands for. Absent otherwise.
   */
  context?: AnswerContext;
  /** For a metadata answer: which field it gives. */
  field?: MetadataField;
  /** For a metadata answer quoted from the source file: where it stands there; null when it comes from metadata only. */
  span?: SourceSpan | null;
}

/** The sentence before a quoted passage, given when the passage opens by referring back to it (see {@link Answer.context}). */
export interface AnswerContext {
  /** Verbatim text of the article's source file. */
  text: string;
  /** Stable id of that sentence. */
  sentenceId: string;
}

/**
 * Why the engine refused, as data, so each front end can say it in its
 * reader's language (`reason` says the same in English): the question was
 * empty, too long, for an unknown article or without words to search
 * (these are `invalid`), or the articles do not mention some key words,
 * match nothing for some words, or simply do not say; or a question about
 * the article itself ("Who wrote this?") asks for what the article lacks
 * (`article-lacks`: which field, and of how many articles none has it).
 */
export type Refusal =
  | { code: 'empty' }
  | { code: 'too-long'; length: number; max: number }
  | { code: 'unknown-article'; articleId: string }
  | { code: 'no-words' }
  | { code: 'not-mentioned'; words: string[] }
  | { code: 'no-match'; words: string[] }
  | { code: 'not-said' }
  | { code: 'article-lacks'; field: ArticleQuestion; articles: number };

/** The reply to a question: quotes, or an abstention saying why there are none. */
export interface AskResult {
  question: string;
  abstained: boolean;
  /** Why the engine abstained, in words a reader understands; null when it answered. */
  reason: string | null;
  /** Why the engine abstained, as data (see {@link Refusal}); null when it answered. Always set by the engine. */
  refusal?: Refusal | null;
  /** Key words of the question that occur nowhere in the corpus. */
  missing: string[];
  /**
   * Names the question asks about that the article never mentions, although
   * it answers (the quotes may concern something else: "Who did Tesla partner
   * with?" over an article about Amazon). Front ends say so above the quotes.
   * Empty when every name matches, and on refusals (see `missing`).
   */
  unmentioned?: string[];
  /** True when the question itself could not be searched (empty, too long, no words, unknown article), as opposed to not found. */
  invalid: boolean;
  answers: Answer[];
}

/** Options of {@link Engine.ask}. */
export interface AskOptions {
  /** Most answers to return. Default: 3. */
  limit?: number;
  /** Only answer from this article. Default: all loaded articles. */
  articleId?: string;
}

/** One quoted sentence of a summary. */
export interface SummaryQuote {
  /** Verbatim text of the article's source file. */
  text: string;
  sentenceId: string;
  citation: Citation;
}

/** An extractive summary: quoted sentences in reading order, or a reason why there are none. */
export interface SummaryResult {
  articleId: string;
  /** The article's headline (shown as the title, not counted as a sentence). */
  title: string;
  topic: string | null;
  sentences: SummaryQuote[];
  /** Why `sentences` is empty (e.g. the topic matched nothing); null otherwise. */
  reason: string | null;
}

/** An article's metadata and the sources it cites. */
export interface SourceInfo {
  meta: ArticleMeta;
  /** Whom the article credits for its claims, in order of first mention. */
  cited: string[];
}

/** A summary sentence must cover a topic at least this share as well as the best sentence does. */
export const TOPIC_COVERAGE = 0.75;

/** Longest question accepted, in characters. */
export const MAX_QUESTION_LENGTH = 500;

/** The engine API. */
export interface Engine {
  ask(question: string, options?: AskOptions): AskResult;
  /** Metadata of every loaded article, in load order. */
  articles(): ArticleMeta[];
  /** One article, by id. */
  article(id: string): Article | undefined;
  /** One sentence, by its stable id. */
  sentence(id: string): Sentence | undefined;
  /** Citation of a sentence. */
  cite(sentence: Sentence): Citation;
  /**
   * An extractive summary of an article (see src/summary/summarize.ts); a topic
   * narrows it through the same cross-lingual query path as {@link Engine.ask}.
   * Throws UnknownArticleError for an unknown article id.
   */
  summarize(options?: SummaryOptions): SummaryResult;
  /** Metadata and cited sources of an article (default: the first), or undefined for an unknown id. */
  sources(articleId?: string): SourceInfo | undefined;
}

/** Options of {@link createEngine}. */
export interface EngineOptions {
  /** The bilingual lexicon. Default: the committed Ding lexicon, loaded once. */
  lexicon?: Lexicon;
  /** Retrieval mechanisms to use (for ablation). Default: all. */
  mechanisms?: Partial<Mechanisms>;
}

/** Creates an engine over the given articles. */
export function createEngine(articles: readonly Article[], options: EngineOptions = {}): Engine {
  return engineFromIndex(buildIndex(articles, { lexicon: options.lexicon ?? loadLexicon(), mechanisms: options.mechanisms }));
}

/** Lists words for a message: "France", "France and Tesla", "A, B and C". */
function listWords(ws: string[]): string {
  const quoted = ws.map((w) => `"${w}"`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/** Roles of the article's running text, where a sentence may point back at the one before it. */
const RUNNING_TEXT: ReadonlySet<Role> = new Set(['teaser', 'body']);

/**
 * The sentence a passage refers back to: when the passage opens with a word
 * that points at the sentence before it (see `opensWithReference`), that
 * sentence, if both are running text (a headline or caption is no antecedent).
 */
export function contextOf(article: Article, s: Sentence): AnswerContext | undefined {
  if (!RUNNING_TEXT.has(s.role) || !opensWithReference(s.text)) return undefined;
  const at = article.sentences.findIndex((x) => x.id === s.id);
  const before = at > 0 ? article.sentences[at - 1]! : undefined;
  return before && RUNNING_TEXT.has(before.role) ? { text: before.text, sentenceId: before.id } : undefined;
}

/** Creates an engine over an already built index. */
export function engineFromIndex(index: SentenceIndex): Engine {
  // The second stage's word vectors are read once per process (some 70 ms): now, not while the first question waits.
  if (index.mechanisms.embeddings) loadWordVectors();
  const cite = (s: Sentence): Citation => {
    const meta = index.articles.get(s.articleId)!.meta;
    return {
      articleId: meta.id,
      title: meta.title,
      publisher: meta.publisher,
      byline: meta.byline,
      paragraph: s.paragraph,
      sentence: s.sentence,
      role: s.role,
      attributedTo: s.attributedTo,
    };
  };

  /** The article words behind each matched index term, for explanations. */
  const explain = (s: Sentence, scored: Scored): MatchedWord[] => {
    const language = analyzerLanguage(index.articles.get(s.articleId)!.meta.language);
    const words = wordTermsOf(s.text, language, index.lexicon, index.mechanisms);
    const out: MatchedWord[] = [];
    for (const m of scored.matches) {
      // The word itself, else the compound it is part of ("partner" → Geschäftspartner).
      const word = words.find((w) => w.terms.includes(m.term)) ?? words.find((w) => w.parts.includes(m.term));
      if (word) out.push({ question: m.word, article: word.word });
    }
    return out;
  };

  const abstain = (question: string, reason: string, refusal: Refusal, missing: string[] = []): AskResult => ({
    question,
    abstained: true,
    reason,
    refusal,
    missing,
    invalid: false,
    answers: [],
  });
  const invalid = (question: string, reason: string, refusal: Refusal): AskResult => ({ ...abstain(question, reason, refusal), invalid: true });

  return {
    ask(question, options = {}) {
      const wanted = Number.isFinite(options.limit) ? Math.floor(options.limit!) : 3;
      const limit = Math.max(1, Math.min(wanted, 25));
      const q = question.trim();
      if (!q) return invalid(question, 'The question is empty. Ask something about the article.', { code: 'empty' });
      // Characters as people count them (code points): an emoji is one, not two.
      const length = [...q].length;
      if (length > MAX_QUESTION_LENGTH) {
        return invalid(question, `The question is too long (${length} characters; at most ${MAX_QUESTION_LENGTH}).`, { code: 'too-long', length, max: MAX_QUESTION_LENGTH });
      }
      if (options.articleId && !index.articles.has(options.articleId)) {
        return invalid(question, `There is no article "${options.articleId}".`, { code: 'unknown-article', articleId: options.articleId });
      }
      // "Who wrote this?", "Worum geht es?": answered from the article itself, not by retrieval.
      const about = askAboutArticle(question, index, { cite, articleId: options.articleId, limit });
      if (about) return about;
      const plan = planQuery(q, index);
      if (plan.groups.length === 0) return invalid(question, 'The question has no words to search for.', { code: 'no-words' });
      const ranking = rank(index, plan, { articleId: options.articleId, limit });
      if (ranking.results.length === 0 || (index.mechanisms.abstention && ranking.weak)) {
        const keys = plan.groups.filter((g) => g.isKey).map((g) => g.word);
        const missingNames = ranking.missing.filter((m) => keys.includes(m));
        const reason = missingNames.length
          ? `The article does not mention ${listWords(missingNames)}.`
          : ranking.missing.length
            ? `The article does not say. Nothing in it matches ${listWords(ranking.missing)}.`
            : 'The article does not say.';
        const refusal: Refusal = missingNames.length
          ? { code: 'not-mentioned', words: missingNames }
          : ranking.missing.length
            ? { code: 'no-match', words: ranking.missing }
            : { code: 'not-said' };
        return abstain(question, reason, refusal, ranking.missing);
      }
      const top = ranking.results[0]!.score;
      const answers = ranking.results.slice(0, limit).map((r, rank): Answer => {
        const s = index.sentences.get(r.id)!;
        const h = highlightAnswer(index, plan, s, { place: { rank, gap: top - r.score } });
        const highlight = h ? { start: h.start, end: h.end } : null;
        const context = contextOf(index.articles.get(s.articleId)!, s);
        return { kind: 'passage', text: s.text, score: r.score, citation: cite(s), sentenceId: s.id, matched: explain(s, r), highlight, ...(context ? { context } : {}) };
      });
      // A name of the question the corpus never mentions: answered (refusing is the calibrated decision's), but said.
      const unmentioned = plan.groups.filter((g, i) => g.isName && !/\p{N}/u.test(g.word) && ranking.evidence.absent[i]).map((g) => g.word);
      return { question, abstained: false, reason: null, refusal: null, missing: [], invalid: false, answers, ...(unmentioned.length ? { unmentioned } : {}) };
    },
    summarize(options = {}) {
      // Topic relevance: the ranking of the topic as a question, without abstention, keeping the
      // sentences that cover the topic about as well as the best one does.
      const relevance = (topic: string, articleId: string) => {
        const results = rank(index, planQuery(topic, index), { articleId, rerank: false }).results.filter((r) => r.matches.length > 0);
        const best = Math.max(0, ...results.map((r) => r.coverage));
        return new Map(results.filter((r) => r.coverage >= TOPIC_COVERAGE * best).map((r) => [r.id, r.score]));
      };
      const summary = summarize(index, options, relevance);
      return {
        articleId: summary.articleId,
        title: summary.title,
        topic: summary.topic,
        reason: summary.reason,
        sentences: summary.sentences.map((q) => ({ text: q.text, sentenceId: q.sentenceId, citation: cite(index.sentences.get(q.sentenceId)!) })),
      };
    },
    sources(articleId) {
      const article = articleId ? index.articles.get(articleId) : index.articles.values().next().value;
      if (!article) return undefined;
      const cited: string[] = [];
      for (const s of article.sentences) if (s.attributedTo && !cited.includes(s.attributedTo)) cited.push(s.attributedTo);
      return { meta: article.meta, cited };
    },
    articles: () => [...index.articles.values()].map((a) => a.meta),
    article: (id) => index.articles.get(id),
    sentence: (id) => index.sentences.get(id),
    cite,
  };
}
