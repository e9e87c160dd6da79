/** The `article` option: autocomplete choices from the loaded corpus, and reading what the user typed. */
import type { ArticleMeta } from '../corpus/types.ts';
import type { Engine } from '../engine/engine.ts';
import { type Catalogue, en } from '../i18n/index.ts';
import { fold } from '../search/normalize.ts';
import { plainFit } from './format/text.ts';
import { LIMITS } from './format/limits.ts';

/** An autocomplete choice. */
export interface Choice {
  name: string;
  value: string;
}

const norm = fold;

/**
 * Up to 25 articles whose id or headline contains what was typed (ids and
 * headlines that start with it first, then load order), named
 * "headline (id)" in at most 100 characters. Articles whose id is longer
 * than a choice value may be (100) cannot be offered and are left out.
 */
export function articleChoices(articles: readonly Pick<ArticleMeta, 'id' | 'title'>[], typed: string): Choice[] {
  const q = norm(typed.trim());
  const scored: { a: Pick<ArticleMeta, 'id' | 'title'>; rank: number; order: number }[] = [];
  articles.forEach((a, order) => {
    if (a.id.length > LIMITS.choiceValue) return;
    const id = norm(a.id);
    const title = norm(a.title);
    const rank = !q ? 0 : id.startsWith(q) || title.startsWith(q) ? 0 : id.includes(q) || title.includes(q) ? 1 : -1;
    if (rank >= 0) scored.push({ a, rank, order });
  });
  scored.sort((x, y) => x.rank - y.rank || x.order - y.order);
  return scored.slice(0, LIMITS.choices).map(({ a }) => {
    const suffix = ` (${a.id})`;
    const name = suffix.length >= LIMITS.choiceName - 10 ? plainFit(a.id, LIMITS.choiceName) : plainFit(a.title, LIMITS.choiceName - suffix.length) + suffix;
    return { name: name || a.id.slice(0, LIMITS.choiceName), value: a.id };
  });
}

/** The article the user meant, or a message saying why there is none. */
export type ResolvedArticle = { ok: true; id: string | undefined } | { ok: false; message: string };

/**
 * Reads the `article` option: nothing means all articles; an exact id is
 * taken as is; otherwise the one article whose id or headline contains the
 * text (so a typed headline works without picking from the list).
 */
export function resolveArticle(engine: { articles(): readonly Pick<ArticleMeta, 'id' | 'title'>[]; article(id: string): unknown }, input: string | null | undefined, t: Catalogue = en): ResolvedArticle {
  const text = input?.trim();
  if (!text) return { ok: true, id: undefined };
  if (engine.article(text)) return { ok: true, id: text };
  const q = norm(text);
  const hits = engine.articles().filter((a) => norm(a.id).includes(q) || norm(a.title).includes(q));
  if (hits.length === 1) return { ok: true, id: hits[0]!.id };
  return {
    ok: false,
    message: hits.length ? t.bot.errors.articleAmbiguous(text, hits.length) : t.bot.errors.articleUnknown(text),
  };
}

/** How to name what was searched: the article's id, or "all N articles". */
export function scopeLabel(engine: Pick<Engine, 'articles'>, articleId: string | undefined, t: Catalogue = en): string {
  if (articleId) return articleId;
  const n = engine.articles().length;
  return n === 1 ? t.bot.answer.theLoadedArticle : t.bot.answer.allArticles(n);
}
