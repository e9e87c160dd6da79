/**
 * Ids for added articles: a short slug of the headline (else of the URL's
 * last path segment or the file name), so that `/ask article:` and
 * autocomplete show something a person recognises, made unique in its scope
 * with `-2`, `-3`…
 */
import { ARTICLE_ID } from '../corpus/metadata.ts';

/** Longest slug, in characters (ids may be 64; the suffix needs room). */
export const MAX_SLUG = 48;

/** German letters written out as German writes them without umlauts; other letters lose their accents. */
function ascii(text: string): string {
  return text
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/Ä/g, 'Ae')
    .replace(/Ö/g, 'Oe')
    .replace(/Ü/g, 'Ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '');
}

/** A slug of a text: lower-case ASCII letters and digits joined by "-", at most {@link MAX_SLUG}, cut between words. */
export function slugOf(text: string): string {
  const words = ascii(text)
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const w of words) {
    const next = slug ? `${slug}-${w}` : w;
    if (next.length > MAX_SLUG) {
      if (!slug) slug = w.slice(0, MAX_SLUG);
      break;
    }
    slug = next;
  }
  return slug;
}

/** The last meaningful segment of a URL's path, without an extension ("/2024/05/dam-removal.html" → "dam-removal"). */
export function urlSlugSource(url: string): string {
  try {
    const segments = new URL(url).pathname.split('/').filter(Boolean);
    return (segments.at(-1) ?? '').replace(/\.[a-z0-9]{1,5}$/i, '');
  } catch {
    return '';
  }
}

/**
 * A new article id: the slug of the first candidate text that gives one
 * (else "article"), with the lowest suffix that `taken` does not hold.
 */
export function newArticleId(candidates: readonly (string | null | undefined)[], taken: (id: string) => boolean): string {
  const base = candidates.map((c) => slugOf(c ?? '')).find((s) => s.length >= 3) ?? 'article';
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (ARTICLE_ID.test(id) && !taken(id)) return id;
  }
}
