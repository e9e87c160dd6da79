/**
 * The shapes that flow from ingest to the engine and on to every front end.
 * Nothing here knows about search or Discord.
 */

/** What a block of the article is, as the page presents it. */
export type Role = 'headline' | 'teaser' | 'subhead' | 'caption' | 'body';

/** Metadata of one article, from its sidecar/front matter or inferred by ingest. */
export interface ArticleMeta {
  /** Stable id, from the metadata or else the file name without extension. */
  id: string;
  /** The headline. Inferred from the first line when the metadata has none. */
  title: string;
  /** The kicker (Dachzeile) above the headline, when known. */
  kicker: string | null;
  /** The publication, e.g. "DER SPIEGEL". */
  publisher: string | null;
  /** The byline, e.g. "jlk/Reuters". Detected from the text when the metadata has none. */
  byline: string | null;
  /** ISO 639-1 language code of the article text, e.g. "de" or "en". */
  language: string;
  /** Canonical URL, when known. */
  url: string | null;
  /** Publication date (ISO 8601), when known. */
  date: string | null;
}

/** One sentence of an article, the unit that is indexed and quoted. */
export interface Sentence {
  /** Stable id: `${articleId}:${paragraph}.${sentence}`. */
  id: string;
  articleId: string;
  /** Verbatim text: always `article.source.slice(start, end)`. */
  text: string;
  /** Offset of the first character in the article's source file text. */
  start: number;
  /** Offset just past the last character in the article's source file text. */
  end: number;
  /** 1-based number of the block (headline, teaser, caption, subhead or body paragraph) in reading order. */
  paragraph: number;
  /** 1-based number of the sentence within its paragraph. */
  sentence: number;
  role: Role;
  /** Whom the article credits for this sentence's claim; null for the publication's own statement. */
  attributedTo: string | null;
}

/** An ingested article. */
export interface Article {
  meta: ArticleMeta;
  /** Path of the source file it was read from. */
  path: string;
  /**
   * The text sentences are quoted from: the full text of the source file, as
   * read (front matter included, if any); for an HTML page, the article text
   * Readability extracted from it (see `sourceKind`).
   */
  source: string;
  /**
   * Where `source` comes from: `'file'`, the file's own text; `'html'`, the
   * article text extracted from the HTML page at `path` (in no file of the
   * corpus: the persisted index keeps it); `'stored'`, the text of an article
   * added at run time, held inside its record file at `path` (see
   * src/library/record.ts; the persisted index keeps it too). Default: `'file'`.
   */
  sourceKind?: 'file' | 'html' | 'stored';
  sentences: Sentence[];
}

/** A corpus file that could not be loaded, named so a person can fix it. */
export interface CorpusError {
  path: string;
  message: string;
}

/** The result of loading a corpus directory. */
export interface Corpus {
  articles: Article[];
  errors: CorpusError[];
}
