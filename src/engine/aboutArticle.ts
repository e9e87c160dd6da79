/**
 * Questions about the article itself, in English and German: "What is this
 * article about?" / "Worum geht es?", "Who wrote this?" / "Wer hat das
 * geschrieben?", "When was it published?" / "Wann ist der Artikel
 * erschienen?", "Which newspaper is this?" / "Aus welcher Zeitung?", "What
 * are its sources?" / "Welche Quellen nennt der Artikel?". Retrieval cannot
 * answer them (no sentence of an article says "this article is about …"), so
 * they are recognised before it and answered from what the article holds:
 *
 * - about: the article's summary (kind "summary"), its sentences quoted;
 * - byline, date, publication: the metadata field (kind "metadata"), quoted
 *   verbatim with its place in the source file when the file holds it (the
 *   byline line, a dateline at the top of the page), else as the metadata
 *   gives it; a missing field is said plainly ("The article has no date.",
 *   with the refusal `article-lacks` for front ends in other languages);
 * - sources: whom the article credits, as `/source` lists them, each with
 *   the first sentence that credits it.
 *
 * A question is about the article only when every word of it is a word of
 * such questions (question words, "this article", "geschrieben", …): "Who
 * wrote the report?" names something of the article's content ("report")
 * and goes to retrieval. The word lists are of the question forms, never of
 * any article's content. No npm package classifies questions about a
 * document's metadata, so the lists are written by hand.
 */
import type { Article, Sentence } from '../corpus/types.ts';
import { isStopWord } from '../search/analyzer.ts';
import { fold, words } from '../search/normalize.ts';
import type { SentenceIndex } from '../search/sentenceIndex.ts';
import { DEFAULT_SENTENCES, summarize } from '../summary/summarize.ts';
import type { Answer, AskResult, Citation, MetadataField, SourceSpan } from './engine.ts';

/** What a question about the article asks for. */
export type ArticleQuestion = 'summary' | 'byline' | 'date' | 'publisher' | 'sources';

/** Longest question (in words) taken as a question about the article: longer ones say more than that. */
const MAX_WORDS = 14;

/** Folded words that may frame a question about the article without naming anything in it. */
const FRAME = new Set(
  (
    // English
    'what whats which who whom whose when where how why is are was were be been being do does did done the a an this that these it its s ' +
    'article articles story piece text page post news item here there about of in on by from for to with me us i you we can could would will ' +
    'please tell say says said give get gets show know briefly quick quickly short brief actually exactly again so ok okay hey hi all main key ' +
    'original originally first one some just really anyway overall whole basically mostly generally name named names list come came coming ' +
    'use uses used using rely relies relying based base mention mentioned ' +
    // German
    'was wer wen wem wessen wann wo woher wie welche welcher welches welchen welchem ist sind war waren wird wurde wurden worden hat haben hatte ' +
    'der die das den dem des ein eine einen einem einer es er ihn sie dies diese dieser diesen diesem dieses artikel artikels text textes ' +
    'beitrag beitrags beitrages meldung hier da denn eigentlich genau bitte mir uns du ihr kannst konnen konnten konntest sagen verraten kurz ' +
    'geht gehts in im um von vom bei aus auf zu zum zur nochmal mal nun also insgesamt ganz ganze ganzen so drin darin wovon ' +
    'nennt nennen genannt nutzt nutzen verwendet verwenden benutzt gibt angegeben stammen stammt kommen kommt'
  )
    .split(/\s+/)
    .filter(Boolean),
);

/** A set of the space-separated words. */
const set = (list: string) => new Set(list.split(/\s+/).filter(Boolean));

/** Cue words of each kind of question (folded). */
const CUES = {
  summary: set(
    'about summary summarize summarise summarized summarised sum gist tldr tl dr overview topic topics subject takeaway takeaways point points ' +
      'worum woruber wovon zusammenfassung zusammenfassen fasse fass fassen zusammen zusammengefasst uberblick thema themen inhalt kernaussage hauptaussage kernpunkte',
  ),
  /** Verbs that ask for the summary after "what" ("What happened?", "Was steht drin?", "Worüber berichtet er?"). */
  summaryVerb: set('happened happening say says said sagt schreibt steht berichtet handelt passiert'),
  bylineNoun: set('author authors authored writer writers byline journalist journalists reporter reporters autor autorin autoren autorinnen verfasser verfasserin verfasst autorenzeile'),
  writeVerb: set('wrote written write writes writing penned geschrieben schrieb verfasst'),
  dateNoun: set('date dated datum erscheinungsdatum veroffentlichungsdatum publikationsdatum'),
  publishVerb: set('published publish publishes posted released appear appeared appears out veroffentlicht erschienen erschien erscheint publiziert herausgekommen herausgegeben gebracht printed ran'),
  publisherNoun: set('publication publisher newspaper paper outlet magazine website site medium media zeitung zeitschrift publikation verlag magazin webseite website herausgeber redaktion nachrichtenseite'),
  sourcesNoun: set('sources source cite cites cited citing quote quotes quoted quelle quellen zitiert zitieren zitiere beruft berufen stutzt information informations informationen infos'),
  old: set('old alt'),
  who: set('who whom whose wer wem wen wessen'),
  when: set('when wann'),
  where: set('where wo woher'),
};

const has = (tokens: readonly string[], set: Set<string>) => tokens.some((t) => set.has(t));

/**
 * What a question asks about the article itself, or null when it asks about
 * the article's content (or anything else). English and German.
 */
export function articleQuestion(question: string): ArticleQuestion | null {
  const tokens = words(fold(question.replace(/[’`´]/g, "'")));
  if (tokens.length === 0 || tokens.length > MAX_WORDS) return null;
  const cue = (t: string) => Object.values(CUES).some((set) => set.has(t));
  // Every word must frame a question about the article: a content word ("report", "GCHQ") means retrieval.
  const framing = tokens.every((t) => FRAME.has(t) || cue(t) || (t.length > 1 && (isStopWord(t, 'en') || isStopWord(t, 'de'))));
  if (!framing) return null;
  const who = has(tokens, CUES.who);
  const when = has(tokens, CUES.when) || /\bvon wann\b/.test(tokens.join(' '));
  const where = has(tokens, CUES.where);
  if (has(tokens, CUES.dateNoun) || (when && (has(tokens, CUES.publishVerb) || has(tokens, CUES.writeVerb) || tokens.includes('from') || tokens.includes('von'))) || (has(tokens, CUES.old) && tokens.some((t) => t === 'how' || t === 'wie'))) {
    return 'date';
  }
  const byWhom = (tokens.includes('von') && tokens.includes('wem')) || (tokens.includes('by') && tokens.includes('whom'));
  if (has(tokens, CUES.bylineNoun) || byWhom || (has(tokens, CUES.writeVerb) && (who || tokens.includes('by') || tokens.includes('von')))) return 'byline';
  if (has(tokens, CUES.publisherNoun) || (has(tokens, CUES.publishVerb) && (who || where || tokens.some((t) => t === 'which' || t.startsWith('welch'))))) return 'publisher';
  if (has(tokens, CUES.sourcesNoun) || (where && tokens.some((t) => t === 'get' || t === 'stammen' || t === 'kommen' || t === 'hat'))) return 'sources';
  const what = tokens.some((t) => t === 'what' || t === 'whats' || t === 'was' || t === 'woruber' || t === 'wovon' || t === 'worum');
  if (has(tokens, CUES.summary) || (what && has(tokens, CUES.summaryVerb)) || (tokens.includes('geht') && tokens.includes('um'))) return 'summary';
  return null;
}

/** Options of {@link askAboutArticle}. */
export interface AboutOptions {
  /** Citation of a sentence, as the engine gives it. */
  cite: (sentence: Sentence) => Citation;
  /** Only this article. Default: every loaded article. */
  articleId?: string;
  /** Most answers. */
  limit: number;
}

/**
 * A dateline at the start of a line, optionally after a label ("Erstellt:",
 * "Published", "date"): 29. April 2019, 10.03.2017, 2019-02, April 29, 2019,
 * 29 April 2019, with an optional time ("12:24 Uhr", "09:13"). Month names
 * are German and English. A literal, so no pattern is built at run time.
 */
const DATELINE =
  /^\s*(?:(?:Erstellt|Veröffentlicht|Aktualisiert|Zuletzt aktualisiert|Stand|Datum|Published|Updated|Posted|Date)\s*:?\s*(?:am\s+|on\s+)?)?((?:\d{1,2}\.\s?\d{1,2}\.\s?\d{4}|\d{1,2}\.\s+(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\s+\d{4}|\d{4}-\d{2}(?:-\d{2})?|(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4}|\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4})(?:,?\s+(?:um\s+|at\s+)?\d{1,2}[:.]\d{2}(?:\s*Uhr)?)?)/iu;
/** Lines from the top of a page in which a dateline is looked for. */
const DATELINE_LINES = 25;
/** Most words of a dateline's line: a date stamp, not prose that begins with a date. */
const DATELINE_WORDS = 10;

/** The 1-based line of `offset` in `text`. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Where `value` stands in the source: a line that is exactly it, else its first occurrence; null when absent. */
function findInSource(source: string, value: string): SourceSpan | null {
  const wanted = value.trim();
  if (wanted.length < 2) return null;
  let at = -1;
  for (let start = 0; start < source.length; ) {
    const end = source.indexOf('\n', start);
    const lineEnd = end < 0 ? source.length : end;
    const line = source.slice(start, lineEnd);
    if (line.trim() === wanted) {
      at = start + line.indexOf(wanted);
      break;
    }
    start = lineEnd + 1;
  }
  if (at < 0) at = source.indexOf(wanted);
  return at < 0 ? null : { start: at, end: at + wanted.length, line: lineOf(source, at) };
}

/** A dateline near the top of the page: the date (and time) quoted, with its place. */
function datelineOf(article: Article): SourceSpan | null {
  const lines = article.source.split('\n');
  let offset = 0;
  for (let i = 0; i < Math.min(lines.length, DATELINE_LINES); i++) {
    const line = lines[i]!;
    const m = DATELINE.exec(line);
    if (m && line.trim().split(/\s+/).length <= DATELINE_WORDS) {
      const start = offset + m.index + m[0].length - m[1]!.length;
      return { start, end: start + m[1]!.length, line: i + 1 };
    }
    offset += line.length + 1;
  }
  return null;
}

/** Citation of the article as a whole, for a metadata answer (no paragraph or sentence). */
function articleCitation(article: Article): Citation {
  const m = article.meta;
  return { articleId: m.id, title: m.title, publisher: m.publisher, byline: m.byline, paragraph: null, sentence: null, role: null, attributedTo: null };
}

/** A metadata answer: the value from the source file when it stands there, else from the metadata. */
function metadataAnswer(article: Article, field: MetadataField, value: string, span: SourceSpan | null, citation = articleCitation(article)): Answer {
  return {
    kind: 'metadata',
    text: span ? article.source.slice(span.start, span.end) : value,
    score: 1,
    citation,
    sentenceId: `${article.meta.id}:${field}`,
    matched: [],
    field,
    span,
  };
}

/** The answers about one article, or the sentence saying it lacks the field. */
function answersFor(kind: ArticleQuestion, article: Article, index: SentenceIndex, options: AboutOptions, perArticle: number): Answer[] | string {
  const meta = article.meta;
  switch (kind) {
    case 'summary': {
      const summary = summarize(index, { articleId: meta.id, sentences: perArticle });
      if (summary.sentences.length === 0) return summary.reason ?? 'The article has no body text to summarise.';
      return summary.sentences.map((s): Answer => {
        const sentence = index.sentences.get(s.sentenceId)!;
        return { kind: 'summary', text: s.text, score: s.score, citation: options.cite(sentence), sentenceId: s.sentenceId, matched: [] };
      });
    }
    case 'byline':
      if (!meta.byline) return 'The article names no author: it has no byline.';
      return [metadataAnswer(article, 'byline', meta.byline, findInSource(article.source, meta.byline))];
    case 'date': {
      if (meta.date) return [metadataAnswer(article, 'date', meta.date, findInSource(article.source, meta.date))];
      const dateline = datelineOf(article);
      return dateline ? [metadataAnswer(article, 'date', '', dateline)] : 'The article has no date.';
    }
    case 'publisher':
      if (meta.publisher) return [metadataAnswer(article, 'publisher', meta.publisher, findInSource(article.source, meta.publisher))];
      if (meta.url) return [metadataAnswer(article, 'url', meta.url, findInSource(article.source, meta.url))];
      return 'The article does not name its publication.';
    case 'sources': {
      // As /source lists them: whom the article credits, in order of first mention, each with the first sentence crediting it.
      const first = new Map<string, Sentence>();
      for (const s of article.sentences) if (s.attributedTo && !first.has(s.attributedTo)) first.set(s.attributedTo, s);
      if (first.size === 0) return 'The article cites no sources: it attributes no claim to anyone.';
      return [...first].map(([name, s]) => {
        // The name where the crediting sentence or one after it writes it ("… Das berichtet die Financial Times."), else anywhere.
        let at = article.source.indexOf(name, s.start);
        if (at < 0) at = article.source.indexOf(name);
        const span = at >= 0 ? { start: at, end: at + name.length, line: lineOf(article.source, at) } : null;
        return { ...metadataAnswer(article, 'sources', name, span, options.cite(s)), sentenceId: s.id };
      });
    }
  }
}

/** What to say when none of several articles holds the field. */
const NONE_OF: Record<ArticleQuestion, (n: number) => string> = {
  summary: (n) => `None of the ${n} articles has text to summarise.`,
  byline: (n) => `None of the ${n} articles names its author: none has a byline.`,
  date: (n) => `None of the ${n} articles has a date.`,
  publisher: (n) => `None of the ${n} articles names its publication.`,
  sources: (n) => `None of the ${n} articles cites sources: none attributes a claim to anyone.`,
};

/**
 * Answers a question about the article itself (see the module comment), or
 * returns null when the question is not one, for ordinary retrieval.
 * Without an article id every loaded article is answered for (a summary then
 * quotes each article's first summary sentence).
 *
 * @param question The question as asked (echoed in the result).
 * @param index The index holding the articles.
 */
export function askAboutArticle(question: string, index: SentenceIndex, options: AboutOptions): AskResult | null {
  const kind = articleQuestion(question);
  if (!kind) return null;
  const articles = options.articleId ? [index.articles.get(options.articleId)!].filter(Boolean) : [...index.articles.values()];
  if (articles.length === 0) return null;
  const perArticle = articles.length === 1 ? Math.min(options.limit, DEFAULT_SENTENCES) : 1;
  const answers: Answer[] = [];
  const lacking: string[] = [];
  for (const article of articles) {
    // Enough answers: the other articles are not looked at (a corpus may hold thousands).
    if (answers.length >= options.limit) break;
    const found = answersFor(kind, article, index, options, perArticle);
    if (typeof found === 'string') lacking.push(found);
    else answers.push(...found);
  }
  if (answers.length === 0) {
    // `reason` in English for the JSON contract; `refusal` as data, for front ends to say in their reader's language.
    const reason = articles.length === 1 ? lacking[0]! : NONE_OF[kind](articles.length);
    return { question, abstained: true, reason, refusal: { code: 'article-lacks', field: kind, articles: articles.length }, missing: [], invalid: false, answers: [] };
  }
  return { question, abstained: false, reason: null, refusal: null, missing: [], invalid: false, answers: answers.slice(0, options.limit) };
}
