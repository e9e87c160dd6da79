/**
 * The user interface's languages: English and German, one catalogue each
 * (`en.ts`, `de.ts`). A Discord locale or a `LANG` value starting with "de"
 * picks German; anything else English.
 */
import type { Refusal } from '../engine/engine.ts';
import type { AddRefusal } from '../library/library.ts';
import { de } from './de.ts';
import { type Catalogue, en } from './en.ts';

export type { Catalogue };
export { de, en };

/** The languages Beleg writes in. */
export type UiLanguage = 'en' | 'de';

/** Every catalogue, by language. */
export const CATALOGUES: Readonly<Record<UiLanguage, Catalogue>> = { en, de };

/** The language for a Discord locale (`de`, `en-US`…) or a POSIX locale (`de_DE.UTF-8`): German for "de…", else English. */
export function uiLanguage(locale: string | null | undefined): UiLanguage {
  return /^de(?:$|[-_.@])/i.test(locale?.trim() ?? '') ? 'de' : 'en';
}

/** The catalogue for a locale (see {@link uiLanguage}). */
export function catalogue(locale: string | null | undefined): Catalogue {
  return CATALOGUES[uiLanguage(locale)];
}

/** Puts an engine refusal in words; `english` (the engine's own `reason`) is used when the refusal is unknown. */
export function refusalText(t: Catalogue, refusal: Refusal | null | undefined, english?: string | null): string {
  switch (refusal?.code) {
    case 'empty':
      return t.refusal.empty;
    case 'too-long':
      return t.refusal.tooLong(refusal.length, refusal.max);
    case 'unknown-article':
      return t.refusal.unknownArticle(refusal.articleId);
    case 'no-words':
      return t.refusal.noWords;
    case 'not-mentioned':
      return t.refusal.notMentioned(refusal.words);
    case 'no-match':
      return t.refusal.noMatch(refusal.words);
    case 'not-said':
      return t.refusal.notSaid;
    case 'article-lacks':
      return t.refusal.articleLacks[refusal.field](refusal.articles);
    default:
      return english ?? t.refusal.notSaid;
  }
}

/** Says why an article was not added (see `AddRefusal`), with what to do about it. */
export function addRefusalText(t: Catalogue, refusal: AddRefusal): string {
  const r = t.library.refusal;
  switch (refusal.code) {
    case 'not-url':
      return r.notUrl;
    case 'scheme':
      return r.scheme(refusal.scheme);
    case 'credentials':
      return r.credentials;
    case 'forbidden-address':
      return r.forbiddenAddress(refusal.host);
    case 'unresolvable':
      return r.unresolvable(refusal.host);
    case 'unreachable':
      return r.unreachable(refusal.host);
    case 'timeout':
      return r.timeout(refusal.seconds);
    case 'too-large':
      return r.tooLarge(Math.round((refusal.maxBytes / (1024 * 1024)) * 10) / 10);
    case 'not-article-type':
      return r.notArticleType(refusal.type);
    case 'http-status':
      return r.httpStatus(refusal.status);
    case 'too-many-redirects':
      return r.tooManyRedirects(refusal.max);
    case 'bad-redirect':
      return r.badRedirect;
    case 'no-article':
      return r.noArticle;
    case 'unreadable':
      return refusal.why === 'metadata' ? r.unreadable.metadata(refusal.detail.replace(/^[^:]*: /, '')) : r.unreadable[refusal.why];
    case 'file-type':
      return r.fileType(refusal.name);
    case 'no-file':
      return r.noFile(refusal.name);
    case 'duplicate':
      return refusal.by === 'url' ? r.duplicateUrl(refusal.id) : r.duplicateText(refusal.id);
    case 'limit':
      return refusal.max === 0 ? r.limitOff : r.limit(refusal.max);
  }
}
