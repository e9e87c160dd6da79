/**
 * The corpus's articles as a scope's index needs them: every scope (a
 * Discord server, the console) sees the `corpus/` articles and its own, so
 * its index is built from both. This is the corpus side: the articles, what
 * identifies the corpus's index (a change means rebuilding every scope), and
 * their analysed documents, taken from the corpus's own index (in memory or
 * persisted) rather than analysed again.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Article } from '../corpus/types.ts';
import type { Engine } from '../engine/engine.ts';
import { LiveEngine } from '../engine/live.ts';
import { cacheFileOf, loadPrepared, type PreparedByHash } from '../search/persist.ts';
import type { Lexicon } from '../search/lexicon.ts';
import { memoizedLexicon, type PreparedArticle, prepareArticle } from '../search/sentenceIndex.ts';

/** The corpus's articles, for building a scope's index over them and its own. */
export interface BaseView {
  /** Identifies the corpus's index: when it changes, every scope's index is rebuilt. */
  key: string;
  /** The corpus's articles, in load order. */
  articles: readonly Article[];
  /** A hash of an article's source (the corpus file's, when known). */
  hashOf(article: Article): string;
  /** Every article's analysed documents, in load order. */
  prepared(lexicon: Lexicon): Promise<PreparedArticle[]>;
}

const sha = (...parts: string[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
};

/** Prepared data of articles that are no LiveEngine's, by article (they do not change). */
const preparedOf = new WeakMap<Article, PreparedArticle>();
const hashes = new WeakMap<Article, string>();

/**
 * The corpus behind an engine: a {@link LiveEngine}'s current index (its
 * key, file hashes and persisted prepared data under `cacheDir`), or for any
 * other engine its articles, analysed once.
 */
export function baseViewOf(engine: Engine, cacheDir: string | false): BaseView {
  if (engine instanceof LiveEngine) {
    const state = engine.state;
    const articles = [...state.index.articles.values()];
    const hashOf = (a: Article) => state.files.get(basename(a.path))?.hash ?? contentHash(a);
    return {
      key: state.key,
      articles,
      hashOf,
      async prepared(lexicon) {
        const store: PreparedByHash = state.prepared ?? (cacheDir === false ? new Map() : await loadPrepared(cacheFileOf(cacheDir, state.dir), state.key));
        const analysis = { lexicon: memoizedLexicon(lexicon) };
        return articles.map((article): PreparedArticle => {
          const data = store.get(hashOf(article));
          if (!data || data.docs.length !== article.sentences.length) return prepareArticle(article, analysis);
          return {
            article,
            docs: data.docs.map((d, i) => ({ id: article.sentences[i]!.id, terms: d.terms, parts: d.parts, context: d.context })),
            answers: article.sentences.map((s) => state.index.answers.get(s.id)!),
            aliasFinds: data.aliasFinds,
            vocabulary: data.vocabulary,
          };
        });
      },
    };
  }
  const articles = engine.articles().map((m) => engine.article(m.id)!);
  return {
    key: sha('engine', ...articles.map(contentHash)),
    articles,
    hashOf: contentHash,
    async prepared(lexicon) {
      const analysis = { lexicon: memoizedLexicon(lexicon) };
      return articles.map((a) => {
        let p = preparedOf.get(a);
        if (!p) preparedOf.set(a, (p = prepareArticle(a, analysis)));
        return p;
      });
    },
  };
}

/** A hash of an article's id, metadata and text. */
function contentHash(a: Article): string {
  let h = hashes.get(a);
  if (!h) hashes.set(a, (h = sha(a.meta.id, JSON.stringify(a.meta), a.source)));
  return h;
}
