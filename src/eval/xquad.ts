/**
 * XQuAD as a retrieval benchmark (see `../shared/eval/xquad/README.md`): each
 * article is a corpus of its own (its title as the headline line, then its
 * paragraphs), and a question scores a hit at rank k when the k-th returned
 * sentence contains the gold answer text. Three settings:
 *
 * - `en-de`: English questions on the German text, the German answer as gold
 *   (the cross-lingual case Beleg exists for);
 * - `de-de`: German questions on the German text;
 * - `en-en`: English questions on the English text.
 *
 * Beleg is compared with plain MiniSearch (its default tokenizer, no
 * stemming) and with MiniSearch plus Snowball stemming, over the very same
 * sentences, so only ranking differs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { stemmer as germanStemmer } from '@orama/stemmers/german';
import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { ingestArticle } from '../corpus/ingest.ts';
import type { Article, Sentence } from '../corpus/types.ts';
import { createEngine, type Engine } from '../engine/engine.ts';
import type { Lexicon } from '../search/lexicon.ts';
import type { Mechanisms } from '../search/mechanisms.ts';
import { bestMatch } from './squad.ts';

/** One question with its answer in both languages. */
export interface XquadQuestion {
  id: string;
  en: string;
  de: string;
  /** Gold answer texts in the German article. */
  goldDe: string[];
  /** Gold answer texts in the English article. */
  goldEn: string[];
}

/** One XQuAD article in both languages. */
export interface XquadArticle {
  title: string;
  de: Article;
  en: Article;
  questions: XquadQuestion[];
}

/** The three question/text settings. */
export type XquadSetting = 'en-de' | 'de-de' | 'en-en';
export const XQUAD_SETTINGS: readonly XquadSetting[] = ['en-de', 'de-de', 'en-en'];

interface SquadFile {
  data: { title: string; paragraphs: { context: string; qas: { id: string; question: string; answers: { text: string }[] }[] }[] }[];
}

/** The corpus text of an article: its title as the headline line, then its paragraphs. */
function articleText(title: string, paragraphs: string[]): string {
  return [title.replace(/_/g, ' '), ...paragraphs].join('\n\n') + '\n';
}

/**
 * Reads `xquad-*.de.json` and `xquad-*.en.json` of a directory (the file
 * prefix is taken from the German file) and pairs their questions by id.
 * @param dir - the directory holding the two files
 * @param prefix - the file name before `.de.json`. Default: `xquad-dev`.
 */
export function loadXquad(dir: string, prefix = 'xquad-dev'): XquadArticle[] {
  const read = (lang: string) => JSON.parse(readFileSync(join(dir, `${prefix}.${lang}.json`), 'utf8')) as SquadFile;
  const de = read('de');
  const en = read('en');
  return de.data.map((deArticle, i) => {
    const enArticle = en.data[i];
    if (!enArticle || enArticle.title !== deArticle.title) throw new Error(`${dir}: article ${i + 1} is "${deArticle.title}" in German but "${enArticle?.title}" in English`);
    const enById = new Map(enArticle.paragraphs.flatMap((p) => p.qas).map((q) => [q.id, q]));
    const slug = deArticle.title.replace(/[^\p{L}\p{N}_.-]/gu, '_').slice(0, 60);
    const ingest = (lang: 'de' | 'en', paragraphs: string[]) =>
      ingestArticle(articleText(deArticle.title, paragraphs), { id: `${slug}-${lang}`, path: `${prefix}.${lang}.json#${deArticle.title}`, meta: { language: lang } });
    const questions: XquadQuestion[] = [];
    for (const q of deArticle.paragraphs.flatMap((p) => p.qas)) {
      const e = enById.get(q.id);
      if (!e) continue;
      questions.push({ id: q.id, en: e.question, de: q.question, goldDe: q.answers.map((a) => a.text), goldEn: e.answers.map((a) => a.text) });
    }
    return {
      title: deArticle.title,
      de: ingest('de', deArticle.paragraphs.map((p) => p.context)),
      en: ingest('en', enArticle.paragraphs.map((p) => p.context)),
      questions,
    };
  });
}

/** A ranker over one article: the sentence texts, best first; `refused` when it declines to answer. */
export type XquadRanker = (question: string) => { texts: string[]; refused: boolean };

/** Makes a ranker for an article. */
export type RankerFactory = (article: Article) => XquadRanker;

/** Figures of one ranker in one setting. */
export interface XquadFigures {
  questions: number;
  hit1: number;
  hit3: number;
  mrr: number;
  /** Answerable questions the ranker refused. */
  refused: number;
  /** Questions of another article (article i is asked article i+n/2's questions) that it rightly refused. */
  foreignRefused: number;
  foreign: number;
}

/** The misses of one run, for reading. */
export interface XquadMiss {
  setting: XquadSetting;
  title: string;
  question: string;
  gold: string[];
  rank: number | null;
  refused: boolean;
  top: string | null;
}

/** Scores one ranker in one setting over all articles; `misses` collects what it got wrong. */
export function scoreXquad(articles: readonly XquadArticle[], setting: XquadSetting, make: RankerFactory, misses?: XquadMiss[]): XquadFigures {
  const f: XquadFigures = { questions: 0, hit1: 0, hit3: 0, mrr: 0, refused: 0, foreignRefused: 0, foreign: 0 };
  const textOf = (a: XquadArticle) => (setting === 'en-en' ? a.en : a.de);
  const questionOf = (q: XquadQuestion) => (setting === 'de-de' ? q.de : q.en);
  const goldOf = (q: XquadQuestion) => (setting === 'en-en' ? q.goldEn : q.goldDe);
  articles.forEach((article, i) => {
    const ranker = make(textOf(article));
    for (const q of article.questions) {
      const { texts, refused } = ranker(questionOf(q));
      const gold = goldOf(q);
      const at = refused ? -1 : texts.findIndex((t) => gold.some((g) => t.includes(g)));
      f.questions++;
      if (at === 0) f.hit1++;
      if (at >= 0 && at < 3) f.hit3++;
      if (at >= 0) f.mrr += 1 / (at + 1);
      if (refused) f.refused++;
      if (at !== 0 && misses) misses.push({ setting, title: article.title, question: questionOf(q), gold, rank: at >= 0 ? at + 1 : null, refused, top: texts[0] ?? null });
    }
    // Questions of another article: the right reply is a refusal.
    const other = articles[(i + Math.floor(articles.length / 2)) % articles.length]!;
    if (other === article) return;
    for (const q of other.questions) {
      f.foreign++;
      if (ranker(questionOf(q)).refused) f.foreignRefused++;
    }
  });
  if (f.questions) f.mrr /= f.questions;
  return f;
}

/** Beleg's engine as a ranker (10 answers, its own abstention). */
export function belegRanker(options: { lexicon?: Lexicon; mechanisms?: Partial<Mechanisms> } = {}): RankerFactory {
  return (article) => {
    const engine: Engine = createEngine([article], options);
    return (question) => {
      const r = engine.ask(question, { limit: 10 });
      return { texts: r.answers.map((a) => a.text), refused: r.abstained };
    };
  };
}

/** MiniSearch over the article's sentences, with the given term processing; never refuses. */
function miniSearchRanker(processTerm?: (term: string) => string | null): RankerFactory {
  return (article) => {
    const ms = new MiniSearch<Sentence>({ fields: ['text'], storeFields: ['text'], ...(processTerm ? { processTerm } : {}) });
    ms.addAll(article.sentences);
    return (question) => ({ texts: ms.search(question).slice(0, 10).map((r) => r.text as string), refused: false });
  };
}

/** Plain MiniSearch: its default tokenizer and lower-casing, nothing else. */
export const plainRanker: RankerFactory = miniSearchRanker();

/** MiniSearch with Snowball stemming in the article's language, on both sides. */
export const snowballRanker: RankerFactory = (article) => {
  const stem = article.meta.language === 'en' ? englishStemmer : germanStemmer;
  return miniSearchRanker((t) => stem(t.toLowerCase()))(article);
};

/** How well Beleg's highlights on its first answers match the gold spans, in one setting. */
export interface HighlightFigures {
  setting: XquadSetting;
  /** First answers (the question not refused) that hold the gold answer. */
  holding: number;
  /** Of those, the ones with a highlight. */
  shown: number;
  /** Mean SQuAD token F1 of the shown highlights against the gold span (src/eval/squad.ts). */
  f1: number;
  /** Share of the shown highlights that equal the gold span after normalisation. */
  exact: number;
  /** Shown highlights with token F1 ≥ 0.5. */
  good: number;
  /** First answers that do not hold the gold answer but carry a highlight (a highlight in a wrong quote). */
  shownElsewhere: number;
}

/**
 * Scores the highlights of Beleg's first answers against XQuAD's gold spans
 * (by default English questions on the German text, the setting the issue
 * measures). Only first answers that hold the gold answer are scored; a
 * highlight on another first answer is counted apart.
 */
export function scoreHighlights(articles: readonly XquadArticle[], setting: XquadSetting = 'en-de', options: { lexicon?: Lexicon; mechanisms?: Partial<Mechanisms> } = {}): HighlightFigures {
  const f: HighlightFigures = { setting, holding: 0, shown: 0, f1: 0, exact: 0, good: 0, shownElsewhere: 0 };
  for (const article of articles) {
    const engine = createEngine([setting === 'en-en' ? article.en : article.de], options);
    for (const q of article.questions) {
      const gold = setting === 'en-en' ? q.goldEn : q.goldDe;
      const first = engine.ask(setting === 'de-de' ? q.de : q.en, { limit: 1 }).answers[0];
      if (!first) continue;
      const h = first.highlight;
      if (!gold.some((g) => first.text.includes(g))) {
        if (h) f.shownElsewhere++;
        continue;
      }
      f.holding++;
      if (!h) continue;
      const m = bestMatch(first.text.slice(h.start, h.end), gold);
      f.shown++;
      f.f1 += m.f1;
      if (m.exact) f.exact++;
      if (m.f1 >= 0.5) f.good++;
    }
  }
  if (f.shown) {
    f.f1 /= f.shown;
    f.exact /= f.shown;
  }
  return f;
}
