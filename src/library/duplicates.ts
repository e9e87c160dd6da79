/**
 * "Already added": the same URL, or the same text.
 *
 * - URLs are compared without their fragment, without tracking parameters
 *   (`utm_*`, `fbclid`, `gclid`, Mailchimp's), http and https alike, with or
 *   without "www.", and with or without a trailing slash; the URL asked for,
 *   the one redirected to and the page's canonical URL all count.
 * - Texts are compared by their sentences (white space collapsed, case
 *   folded): two articles are the same text when at least
 *   {@link SAME_TEXT_SHARE} of the sentences of the longer one are in both.
 *   The same story saved with or without its sidecar, or fetched again after
 *   the site changed a line of its chrome, differs in a sentence or two; two
 *   different stories share almost none.
 */
import type { Article } from '../corpus/types.ts';

/** Share of sentences two articles must share to be the same text. */
export const SAME_TEXT_SHARE = 0.9;

/** A URL as compared for "already added" (see the module); null for no URL. */
export function urlKey(text: string | null | undefined): string | null {
  if (!text) return null;
  try {
    const url = new URL(text);
    url.hash = '';
    for (const k of [...url.searchParams.keys()]) if (/^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid)$/i.test(k)) url.searchParams.delete(k);
    return `${url.host.replace(/^www\./, '')}${url.pathname.replace(/\/+$/, '')}${url.search}`;
  } catch {
    return null;
  }
}

/** An article's sentences as compared. */
export function sentenceSet(article: Pick<Article, 'sentences'>): Set<string> {
  return new Set(article.sentences.map((s) => s.text.replace(/\s+/g, ' ').trim().toLowerCase()));
}

/** Whether two articles are the same text (see the module); `a` as a {@link sentenceSet}. */
export function sameText(a: ReadonlySet<string>, b: Pick<Article, 'sentences'>): boolean {
  const other = sentenceSet(b);
  const longer = Math.max(a.size, other.size);
  if (longer === 0) return false;
  let shared = 0;
  for (const s of other) if (a.has(s)) shared++;
  return shared >= SAME_TEXT_SHARE * longer;
}
