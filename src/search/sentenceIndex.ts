/**
 * The sentence index: one MiniSearch document per sentence, holding the
 * sentence's analysed terms. Analysis happens before MiniSearch sees the text
 * (see analyzer.ts), so MiniSearch's own tokenizer only splits on spaces and
 * the query side can ask for exact analysed terms.
 */
import MiniSearch from 'minisearch';
import type { Article, Role, Sentence } from '../corpus/types.ts';
import { analyze, analyzerLanguage } from './analyzer.ts';

/** The document MiniSearch stores for a sentence. */
interface SentenceDoc {
  id: string;
  terms: string;
}

/** Options shared by building and loading, so a persisted index loads with what built it. */
export const MINISEARCH_OPTIONS = {
  fields: ['terms'],
  storeFields: [] as string[],
  tokenize: (text: string) => text.split(' '),
  processTerm: (term: string) => term || null,
  searchOptions: { tokenize: (text: string) => [text], processTerm: (term: string) => term },
};

/**
 * How much a match in each role counts. The headline and teaser state the
 * story's core, so they weigh a little more; captions and subheads repeat or
 * label, so they weigh a little less.
 */
export const ROLE_WEIGHT: Record<Role, number> = {
  headline: 1.15,
  teaser: 1.1,
  body: 1,
  caption: 0.8,
  subhead: 0.85,
};

/** Sentences with their index. */
export interface SentenceIndex {
  search: MiniSearch<SentenceDoc>;
  /** Every sentence by id. */
  sentences: Map<string, Sentence>;
  /** Every article by id. */
  articles: Map<string, Article>;
  /** Number of sentences each analysed term occurs in. */
  documentCount: number;
}

/** Builds the index over every sentence of the given articles. */
export function buildIndex(articles: readonly Article[]): SentenceIndex {
  const search = new MiniSearch<SentenceDoc>(MINISEARCH_OPTIONS);
  const sentences = new Map<string, Sentence>();
  const byId = new Map<string, Article>();
  const docs: SentenceDoc[] = [];
  for (const article of articles) {
    byId.set(article.meta.id, article);
    const language = analyzerLanguage(article.meta.language);
    for (const s of article.sentences) {
      sentences.set(s.id, s);
      docs.push({ id: s.id, terms: analyze(s.text, language).map((t) => t.term).join(' ') });
    }
  }
  search.addAll(docs);
  return { search, sentences, articles: byId, documentCount: docs.length };
}
