/**
 * Metadata of a news page, read from the page itself: headline, kicker,
 * byline, site name, publication date, language, canonical URL and
 * description. Sources, in order of trust:
 * 1. JSON-LD (`<script type="application/ld+json">`) of type NewsArticle (or
 *    another schema.org Article type), also inside `@graph` and arrays: what
 *    the publisher states for search engines;
 * 2. OpenGraph (`og:*`, `article:*`);
 * 3. other `<meta>` tags (`author`, `description`, `date`, `language` …),
 *    `<link rel="canonical">`, `<html lang>`, `<title>`, the `<h1>`.
 * The canonical URL is the one exception to that order: `<link
 * rel="canonical">` is the page's own declaration of it, so it comes right
 * after JSON-LD and before `og:url` (which sites often decorate with
 * tracking parameters).
 *
 * Readability reads some of these too, but stops at the first JSON-LD block
 * and misses `@type` arrays and `@graph` forms, so the page's metadata is
 * read here; Readability's findings are the last fallback (html.ts).
 */
import { bylineOf } from './chrome.ts';
import { isFirstName } from './attribution.ts';

/** The little of a DOM element this module and html.ts use (linkedom's and jsdom's elements both have it). */
export interface DomElement {
  readonly tagName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
  readonly parentElement: DomElement | null;
  readonly previousElementSibling: DomElement | null;
  /** The element's markup, itself included. */
  readonly outerHTML: string;
  readonly children: ArrayLike<DomElement>;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

/** A DOM node: an element (nodeType 1) or text (3). */
export interface DomNode {
  readonly nodeType: number;
  readonly textContent: string | null;
}

/** The little of a DOM document this module and html.ts use. */
export interface DomDocument {
  readonly documentElement: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

/** What a page says about itself. Every field is null when the page does not say. */
export interface PageMeta {
  headline: string | null;
  /** The kicker (Dachzeile) over the headline in the page's markup. */
  kicker: string | null;
  byline: string | null;
  /**
   * A byline the page prints in an element marked as the author's, which may
   * stand outside the article's text ("Von Clemens Höges" in a `dig-autoren`
   * box after it); used when neither the tags nor the text name the writer,
   * so only looked for when the tags name no one.
   */
  printedByline: string | null;
  /** The publication (site name). */
  publisher: string | null;
  /** ISO 8601 date or date and time of publication. */
  date: string | null;
  /** Two-letter language code. */
  language: string | null;
  /** Absolute canonical URL. */
  url: string | null;
  /** The page's summary of the article (often the teaser, word for word). */
  description: string | null;
  /**
   * The article's text as the page's JSON-LD states it (`articleBody`), one
   * paragraph a line: what a page that builds its text with scripts still
   * holds in its markup.
   */
  articleBody: string | null;
}

/** schema.org types of articles, most specific first: a NewsArticle is trusted over a plain Article or a blog post. */
const ARTICLE_TYPES = [
  ['NewsArticle', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle', 'BackgroundNewsArticle', 'ReviewNewsArticle', 'AskPublicNewsArticle', 'LiveBlogPosting'],
  ['Article', 'Report', 'TechArticle', 'SatiricalArticle'],
  ['BlogPosting', 'SocialMediaPosting'],
];

const collapse = (s: string) => s.replace(/[\u00ad\u200b\u200c\u200d\ufeff]/g, '').replace(/\s+/g, ' ').trim();

/** Decodes the HTML entities that sites leave double-escaped in metadata ("Bayern &amp; Co"). */
export function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ', ndash: '–', mdash: '—', laquo: '«', raquo: '»', bdquo: '„', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’' };
  return text.replace(/&(?:#(\d{1,7})|#x([\da-f]{1,6})|([a-z]{2,8}));/gi, (m, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    const code = dec ? Number(dec) : hex ? Number.parseInt(hex, 16) : undefined;
    if (code !== undefined) return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : m;
    return named[name!.toLowerCase()] ?? m;
  });
}

/**
 * Characters no metadata value keeps (as metadata.ts refuses them in a
 * sidecar): control characters, bidi overrides and lone surrogates, which a
 * page's JSON-LD or entities can hold.
 */
const BAD_VALUE_CHARS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A clean metadata value: entities decoded, invisible and invalid characters removed, spaces collapsed; null when empty. */
function clean(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = collapse(decodeEntities(String(value)).replace(BAD_VALUE_CHARS, ' '));
  return text ? text : null;
}

type Json = Record<string, unknown>;

/** The objects of a JSON-LD block: arrays and `@graph` unfolded. */
function jsonLdObjects(data: unknown, out: Json[] = [], depth = 0): Json[] {
  if (depth > 4 || data === null || typeof data !== 'object') return out;
  if (Array.isArray(data)) {
    for (const d of data) jsonLdObjects(d, out, depth + 1);
    return out;
  }
  const obj = data as Json;
  out.push(obj);
  if (obj['@graph']) jsonLdObjects(obj['@graph'], out, depth + 1);
  return out;
}

/** How much an object's `@type` is trusted as the article (lower is better); Infinity when it is no article. */
function articleRank(obj: Json): number {
  const types = ([] as unknown[]).concat(obj['@type'] ?? []).filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/#:]/, ''));
  const rank = ARTICLE_TYPES.findIndex((group) => types.some((t) => group.includes(t)));
  return rank < 0 ? Infinity : rank;
}

/** The names of a JSON-LD person or organisation value (a string, an object with `name`, or a list). */
function names(value: unknown): string[] {
  const out: string[] = [];
  for (const v of ([] as unknown[]).concat(value ?? [])) {
    const name = typeof v === 'string' ? clean(v) : v && typeof v === 'object' ? clean((v as Json).name) : null;
    if (name && !/^https?:\/\//.test(name)) out.push(name);
  }
  return [...new Set(out)];
}

/** A URL value: a string, or an object with `@id` or `url`. */
function urlOf(value: unknown): string | null {
  if (typeof value === 'string') return clean(value);
  if (value && typeof value === 'object') return clean((value as Json)['@id']) ?? clean((value as Json).url);
  return null;
}

/** A language value: "de-DE", "en_GB", "German", or an object with `alternateName` or `name`. */
export function languageCode(value: unknown): string | null {
  const raw = value && typeof value === 'object' ? (clean((value as Json).alternateName) ?? clean((value as Json).name)) : clean(value);
  if (!raw) return null;
  const lower = raw.toLowerCase();
  if (/^(?:german|deutsch)$/.test(lower)) return 'de';
  if (/^(?:english|englisch)$/.test(lower)) return 'en';
  const m = /^([a-z]{2})(?:[-_][a-z0-9]+)*$/.exec(lower);
  return m ? m[1]! : null;
}

/** German month names (folded of umlauts too) and their numbers, for dates written out ("15. Mai 2019"). */
const GERMAN_MONTHS: Record<string, number> = {
  januar: 1, jänner: 1, jaenner: 1, februar: 2, märz: 3, maerz: 3, marz: 3, april: 4, mai: 5, juni: 6, juli: 7, august: 8,
  september: 9, oktober: 10, november: 11, dezember: 12,
};

/** A calendar date as ISO 8601, with the time when given ("05:28"); null for a day that does not exist. */
function isoOf(year: number, month: number, day: number, time?: string): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  const date = d.toISOString().slice(0, 10);
  const hm = time ? /^(\d{1,2})[:.](\d{2})$/.exec(time) : null;
  return hm && Number(hm[1]) < 24 && Number(hm[2]) < 60 ? `${date}T${hm[1]!.padStart(2, '0')}:${hm[2]}` : date;
}

/**
 * An ISO 8601 date (and time) from a date value; null when it cannot be read
 * as a date. Reads ISO dates, German dates ("07.06.2019", "15. Mai 2019,
 * 05:28 Uhr": day first, as German pages write them; `Date.parse` would take
 * 07.06. for July 6) and what `Date.parse` reads unambiguously (English month
 * names, RFC 2822).
 */
export function isoDate(value: unknown): string | null {
  const text = clean(value);
  if (!text) return null;
  if (/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) {
    const day = new Date(`${text.slice(0, 10)}T00:00:00Z`);
    return Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== text.slice(0, 10) ? null : text.replace(' ', 'T');
  }
  const time = /(?:,|\bum)?\s*(\d{1,2}[:.]\d{2})(?:\s*Uhr)?\s*$/u;
  const numeric = /^(?:\p{L}+,?\s+)?(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b(.*)$/u.exec(text);
  if (numeric) return isoOf(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]), time.exec(numeric[4]!)?.[1]);
  const written = /^(?:\p{L}+,?\s+)?(\d{1,2})\.\s*(\p{L}+)\s+(\d{4})\b(.*)$/u.exec(text);
  if (written) {
    const month = GERMAN_MONTHS[written[2]!.toLowerCase()];
    if (month) return isoOf(Number(written[3]), month, Number(written[1]), time.exec(written[4]!)?.[1]);
  }
  // Numbers alone in another order ("7.6.19") are not guessed; a slashed date is month first, as US pages write it.
  // Else an English month name must be there: Date.parse takes any words before a year ("Buchpreis 2015") for 1 January.
  // and a day: a month and a year alone ("April 2014", a table cell) name no day of publication.
  const month = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b|\b\d{1,2}\.?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b/i;
  if (!month.test(text) && !/^\d{1,2}\/\d{1,2}\/\d{4}\b/.test(text)) return null;
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString();
}

/** An absolute http(s) URL, resolved against `base` when relative; null otherwise. */
function absoluteUrl(value: string | null, base: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The content of the first `<meta>` with one of these `property` or `name` values (case-insensitive). */
function metaContent(doc: DomDocument, ...keys: string[]): string | null {
  const wanted = new Set(keys.map((k) => k.toLowerCase()));
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? el.getAttribute('http-equiv') ?? '').toLowerCase();
    if (wanted.has(key)) {
      const value = clean(el.getAttribute('content'));
      if (value) return value;
    }
  }
  return null;
}

/** The JSON-LD article object the page describes itself with, or null. */
function jsonLdArticle(doc: DomDocument): Json | null {
  let best: Json | null = null;
  let bestRank = Infinity;
  for (const script of Array.from(doc.querySelectorAll('script'))) {
    if (!/^application\/ld\+json\b/i.test(script.getAttribute('type') ?? '')) continue;
    let data: unknown;
    try {
      data = JSON.parse((script.textContent ?? '').replace(/^\s*(?:<!--|<!\[CDATA\[)|(?:-->|\]\]>)\s*$/g, ''));
    } catch {
      continue; // a broken block of one page's JSON-LD is no reason to refuse its article
    }
    for (const obj of jsonLdObjects(data)) {
      const rank = articleRank(obj);
      if (rank < bestRank) {
        best = obj;
        bestRank = rank;
      }
    }
  }
  return best;
}

/**
 * JSON-LD's `articleBody` as paragraphs, one a line: some sites put markup in
 * it (`<p>`, `<br>`), which ends a paragraph; the rest of a tag is dropped and
 * entities are decoded. Null when the page states no body.
 */
function articleBodyOf(value: unknown): string | null {
  const raw = Array.isArray(value) ? value.filter((v) => typeof v === 'string').join('\n') : value;
  if (typeof raw !== 'string') return null;
  const paragraphs = raw
    .replace(/<\/?(?:p|br|div|h[1-6]|li|blockquote)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, ' ')
    .split(/\n/)
    .map((line) => collapse(decodeEntities(line).replace(BAD_VALUE_CHARS, ' ')))
    .filter((line) => line.length > 0);
  return paragraphs.length ? paragraphs.join('\n') : null;
}

/** `<title>` without the site's name: "Headline | Site", "Headline – Site". */
function titleOf(doc: DomDocument, site: string | null): string | null {
  const title = clean(doc.querySelector('title')?.textContent);
  if (!title) return null;
  const parts = title.split(TITLE_PARTS);
  if (parts.length < 2) return title;
  if (site && parts[parts.length - 1]!.toLowerCase() === site.toLowerCase()) return parts.slice(0, -1).join(' – ');
  return parts.reduce((a, b) => (b.length > a.length ? b : a));
}

/** Elements whose text a reader never sees. */
const UNSEEN = /^(?:SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/i;

/** An element's text as a reader sees it: without what its scripts and styles hold. */
function visibleText(el: DomElement): string | null {
  if (UNSEEN.test(el.tagName)) return null;
  let text = '';
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType === 3) text += node.textContent ?? '';
    else if (node.nodeType === 1) text += ` ${visibleText(node as unknown as DomElement) ?? ''} `;
  }
  return clean(text);
}

/** True for navigation: a `<nav>`, a list of links, a breadcrumb trail (by its role, class or id), or an element holding one. */
function isNavigation(el: DomElement): boolean {
  const marked = (e: DomElement) => /^(?:NAV|OL|UL)$/i.test(e.tagName) || e.getAttribute('role') === 'navigation' || /breadcrumb/i.test(`${e.getAttribute('class') ?? ''} ${e.getAttribute('id') ?? ''}`);
  return marked(el) || Array.from(el.querySelectorAll('*')).some(marked);
}

/**
 * The site's name from the `<title>` when no tag states it: "Headline - Rhein
 * Neckar Zeitung", "Headline | DER SONNTAG (Sachsen)": the short last part,
 * when the rest is the headline. Null otherwise.
 */
function titleSite(doc: DomDocument, headline: string | null): string | null {
  const title = clean(doc.querySelector('title')?.textContent);
  if (!title || !headline) return null;
  const parts = title.split(TITLE_PARTS);
  if (parts.length < 2) return null;
  const last = parts[parts.length - 1]!;
  const rest = parts.slice(0, -1).join(' ').toLowerCase();
  const h = headline.toLowerCase();
  return last.split(' ').length <= 5 && (rest.includes(h) || h.includes(rest)) ? last : null;
}

/**
 * The kicker over the headline in the markup: a short text right before the
 * `<h1>` in the same container, or the first of two parts inside the `<h1>`.
 * Navigation before the headline (a breadcrumb trail) is no kicker, nor is
 * what a script or style holds.
 */
function kickerOf(h1: DomElement | null, headline: string | null): string | null {
  if (!h1) return null;
  // A date (with its time), a count or an update label glued on from the same row ("Digital Life 05/08/2019", "Aktuell
  // 0", "Media Industry Updated", whose time a script fills in) is no part of it, nor is a separator left at its end
  // ("Letters to the Editor |"), and a date alone is no kicker.
  const short = (raw: string | null) => {
    const t = raw?.replace(/\s*[|·•–—-]\s*$/u, '').replace(/\s*\d{1,2}[./]\d{1,2}[./]\d{2,4}(?:,?\s*(?:um\s+|at\s+)?\d{1,2}[:.]\d{2}(?:\s*(?:Uhr|h|am|pm))?)?\s*$/iu, '').replace(/\s+(?:updated|aktualisiert|published|veröffentlicht)\b.*$/iu, '').replace(/\s*[|·•–—-]\s*$/u, '').trim() || null;
    // A written-out date before it ("October 22, 2019 report") is no part of it either, and a lower-case word left
    // after one is a label of the page's type, not a section.
    const k = t?.replace(/^(?:\p{L}+\s+\d{1,2},\s+\d{4}|\d{1,2}\.\s+\p{L}+\s+\d{4})\s*/u, '') || null;
    if (k && k !== t && /^\p{Ll}/u.test(k)) return null;
    return k && k.split(' ').length <= 6 && !/[.!?:]$/.test(k) && !/\s\d{1,3}$/.test(k) && k !== headline ? k : null;
  };
  const parts = Array.from(h1.children).map((c) => clean(c.textContent)).filter((t): t is string => t !== null);
  if (parts.length === 2 && headline && collapse(parts[1]!) === headline) return short(parts[0]!);
  const before = h1.previousElementSibling;
  return before && !/^H[1-6]$/i.test(before.tagName) && !isNavigation(before) ? short(visibleText(before)) : null;
}

/**
 * The publication date the markup states outside `<meta>`: microdata
 * (`itemprop="datePublished"`), a `<time pubdate>`, or the first `<time
 * datetime>` in the headline's header (the `<h1>`'s parent or grandparent)
 * or in the article element with the most paragraph text; not elsewhere on
 * the page, whose times belong to other articles and comments.
 */
function markupDate(doc: DomDocument, h1: DomElement | null): string | null {
  for (const el of Array.from(doc.querySelectorAll('[itemprop="datePublished"], time[pubdate]'))) {
    const date = isoDate(el.getAttribute('datetime') ?? el.getAttribute('content') ?? el.textContent);
    if (date) return date;
  }
  const header: DomElement[] = [];
  for (let scope = h1?.parentElement ?? null, up = 0; scope && up < 2 && !/^(?:BODY|HTML)$/i.test(scope.tagName); up++, scope = scope.parentElement) header.push(scope);
  // Then the article element with the most paragraph text (the headline's <h1> may stand in a breadcrumb trail).
  const main = mainArticleElement(doc);
  for (const scope of main ? [...header, main.element] : header) {
    for (const el of Array.from(scope.querySelectorAll('time[datetime]'))) {
      const date = isoDate(el.getAttribute('datetime'));
      if (date) return date;
    }
  }
  // A dateline printed as text in the headline's header: an element that holds only a date ("12.10.2015, 19:16 Uhr",
  // "Veröffentlicht am 7. Juni 2019").
  for (const scope of header) {
    for (const el of Array.from(scope.querySelectorAll('*'))) {
      if (el.children.length > 0 || (el.textContent?.length ?? 0) > 80) continue;
      const text = clean(el.textContent)?.replace(DATELINE_LABEL, '');
      if (!text || text.split(' ').length > 6) continue;
      const date = isoDate(text);
      if (date) return date;
    }
  }
  return null;
}

/** A dateline's label: "Veröffentlicht am", "Erstellt:", "Stand:", "Published", "Updated on". */
const DATELINE_LABEL = /^(?:(?:zuletzt\s+)?(?:veröffentlicht|erstellt|aktualisiert|geändert)(?:\s+am)?|stand|datum|published|posted|updated|last\s+updated|(?:date\s+)?created|date)\s*:?\s*(?:on\s+|am\s+)?/iu;

/** JSON-LD author values without those typed as an organisation. */
function personObjects(value: unknown): unknown[] {
  return ([] as unknown[]).concat(value ?? []).filter((v) => {
    if (!v || typeof v !== 'object') return true;
    const type = ([] as unknown[]).concat((v as Json)['@type'] ?? []);
    return !type.some((t) => typeof t === 'string' && /Organization|Organisation|Corporation|NewsMediaOrganization/i.test(t));
  });
}

/** True for a company or site named as an author: the publisher's own name, a legal form ("GmbH", "Inc."), or a domain. */
export function isOrganisation(name: string, publisher: string | null): boolean {
  const folded = name.toLowerCase();
  const site = publisher?.toLowerCase();
  // The publisher's name alone or first ("SPIEGEL ONLINE, Hamburg, Germany", "Reuters Staff").
  if (site && folded.startsWith(site) && /^(?:$|[\s,;|·–—-])/.test(folded.slice(site.length))) return true;
  return /\b(?:gmbh|ag|kg|se|inc|ltd|llc|plc|verlag|redaktion|newsroom|staff)\b\.?|\.(?:de|at|ch|com|net|org)\b/i.test(name);
}

/**
 * The page's main article element: of its `<article>`, `[itemprop="articleBody"]`, `<main>` and `[role="main"]`
 * elements, the one whose paragraphs hold the most text, with those paragraphs' text (spaces collapsed). Null when
 * the page has none with paragraphs.
 */
export function mainArticleElement(doc: DomDocument): { element: DomElement; paragraphs: string[] } | null {
  let best: { element: DomElement; paragraphs: string[] } | null = null;
  let bestChars = 0;
  for (const element of Array.from(doc.querySelectorAll('article, [itemprop="articleBody"], main, [role="main"]'))) {
    const paragraphs = Array.from(element.querySelectorAll('p')).map((p) => collapse(p.textContent ?? '')).filter((t) => t.length > 0);
    const chars = paragraphs.reduce((n, p) => n + p.length, 0);
    if (chars > bestChars) (best = { element, paragraphs }), (bestChars = chars);
  }
  return best;
}

/** A site name given as an address ("http://www.example.com") as its host ("example.com"); other names as they are. */
export function siteName(value: string | null): string | null {
  if (!value || !/^https?:\/\//i.test(value)) return value;
  try {
    return new URL(value).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/**
 * A byline as a name: without a leading "By" or "Von" and a trailing date or
 * time ("By Nathan Willis March 25, 2015" → "Nathan Willis"). The byline is
 * what "Who wrote this?" answers.
 */
export function bylineName(value: string | null): string | null {
  if (!value) return null;
  // A label, not a name: "Artikel empfehlen:", "so teilen Sie"; nor a social-media handle ("@Site").
  if (/:\s*$/.test(value) || /^\p{Ll}/u.test(value.replace(/^(?:by|von)\s+/i, '')) || /^@/.test(value.trim())) return null;
  const name = collapse(
    value
      .replace(/^(?:text\s+)?(?:by|von)\s+|^texte?\s*:\s*/i, '')
      .replace(/[\s,|·–—-]*(?:(?:am|on|updated|aktualisiert)\s+)?(?:\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4}-\d{2}-\d{2}|(?:\d{1,2}\.?\s+)?(?:jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec)[a-zä]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|(?:\d{1,2}\.?\s+)(?:jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec)[a-zä]*\.?\s+\d{4})(?:,?\s+\d{1,2}[:.]\d{2}(?:\s*(?:uhr|am|pm|[a-z]{2,4}))*)?\s*$/i, ''),
  );
  return name || null;
}

/**
 * The first byline printed in an element whose class marks it as the author's
 * (German "autor", English "author", "byline", or `rel`/`itemprop` author):
 * the first of its texts that reads as a byline line ("Von Clemens Höges",
 * "By Jane Doe"), as a name; a link marked `rel="author"` or `itemprop="author"`
 * gives its text when that is a name alone. Readability looks for such elements by English
 * class names only, and keeps them only inside the text it takes.
 */
function printedByline(doc: DomDocument, publisher: string | null): string | null {
  const marked = '[class*="autor"], [class*="Autor"], [class*="author"], [class*="Author"], [class*="byline"], [rel="author"], [itemprop="author"]';
  for (const el of Array.from(doc.querySelectorAll(marked))) {
    if (inComments(el)) continue;
    // A link marked as the author's own (rel="author", itemprop="author") holds the name alone: "Henning Lobin".
    if (el.getAttribute('rel') === 'author' || el.getAttribute('itemprop') === 'author') {
      const text = collapse(el.textContent ?? '');
      if (PERSON_NAME.test(text) && isFirstName(text.split(' ')[0]!) && !isOrganisation(text, publisher)) return text;
    }
    for (const part of [el, ...Array.from(el.querySelectorAll('*'))]) {
      const text = collapse(part.textContent ?? '');
      const line = text && text.length <= 80 ? bylineOf(text) : null;
      const name = line && /^\S+\s/.test(line) ? bylineName(line) : null;
      if (name && name !== line && !isOrganisation(name, publisher)) return name;
    }
  }
  return null;
}

/** A class or id that marks readers' comments: `comments`, `comment-list`, `comment-author`, `kommentare` … */
const COMMENTS = /^(?:comments?|comments?-(?:area|list|section|wrapper|container|author|meta|body|content)|commentlist|kommentare?|kommentar-\w+)$/i;

/** True for an element in the readers' comments (it or an ancestor marked so): whom it names wrote a comment, not the article. */
export function inComments(el: DomElement): boolean {
  for (let e: DomElement | null = el; e; e = e.parentElement) {
    const marks = `${e.getAttribute('class') ?? ''} ${e.getAttribute('id') ?? ''}`.split(/\s+/);
    if (marks.some((m) => COMMENTS.test(m))) return true;
  }
  return false;
}

/**
 * The texts of the author marks in the readers' comments ("Max Muster" of
 * `<li class="comment-author">`): read before Readability, which takes such a
 * mark for the article's byline, changes the page.
 */
export function commentAuthors(doc: DomDocument): Set<string> {
  const out = new Set<string>();
  for (const el of Array.from(doc.querySelectorAll('[class*="author"], [class*="Author"], [rel~="author"], [class*="byline"]'))) {
    if (inComments(el)) out.add(collapse(el.textContent ?? ''));
  }
  return out;
}

/** A person's name as an author link gives it: two to four capitalised words ("Henning Lobin"), the first a first name (see isFirstName). */
const PERSON_NAME = /^\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,3}$/u;

/** What separates a headline from the site's name or a date in a page's title: "|", a dash, "·", "›", "»". */
const TITLE_SEPARATOR = /^\s*[|–—·•›»-]\s/;
/** The same separator between two of a title's parts. */
const TITLE_PARTS = /\s+[|–—·•›»-]\s+/;
/** The separators of a title's parts that no headline holds with a space on either side (a dash or bar may: "Lust oder Last?"). */
const BLOG_TITLE_PARTS = /\s+[›»]\s+/;

/** The `<h1>` that holds the headline, or the first `<h1>`. */
export function headlineElement(doc: DomDocument, headline: string | null): DomElement | null {
  const all = Array.from(doc.querySelectorAll('h1'));
  return (headline ? all.find((h) => clean(h.textContent)?.endsWith(headline)) : undefined) ?? all[0] ?? null;
}

/**
 * Reads a page's metadata. `url` is where the page was fetched from (resolves
 * relative canonical URLs, and is the last fallback for the URL).
 */
export function readPageMeta(doc: DomDocument, url?: string): PageMeta {
  const ld = jsonLdArticle(doc);
  const ldPublisher = ld ? names(ld.publisher)[0] ?? names(ld.sourceOrganization)[0] ?? null : null;
  const publisher = siteName(ldPublisher ?? metaContent(doc, 'og:site_name', 'application-name', 'publisher', 'dc.publisher'));
  const h1Text = clean(doc.querySelector('h1')?.textContent);
  let headline =
    clean(ld?.headline) ?? clean(ld?.name) ?? metaContent(doc, 'og:title', 'twitter:title', 'title', 'dc.title') ?? titleOf(doc, publisher) ?? h1Text;
  // og:title and <title> often carry the site and a date after the headline ("… | DW | 19.01.2020", "… › Meedia"); the
  // <h1> does not. The page's first <h1> may be the site's logo, so each <h1> is tried.
  const shorter = Array.from(doc.querySelectorAll('h1'))
    .map((h) => clean(h.textContent))
    .find((t): t is string => !!t && !!headline && headline !== t && headline.startsWith(t) && TITLE_SEPARATOR.test(headline.slice(t.length)));
  if (shorter) headline = shorter;
  // Without such an <h1>, a title whose parts "»" or "›" separate ("Die Ablehnung der Gendersprache » SciLogs -
  // Wissenschaftsblogs") keeps its longest part, as a <title> does (see titleOf): a headline never holds them spaced so.
  else if (headline && !clean(ld?.headline) && !clean(ld?.name) && BLOG_TITLE_PARTS.test(headline)) {
    headline = headline.split(BLOG_TITLE_PARTS).reduce((a, b) => (b.length > a.length ? b : a));
  }
  const site = publisher ?? titleSite(doc, headline ?? h1Text);
  // An organisation named as the author (the publisher itself, "Süddeutsche.de GmbH, Munich, Germany") is no byline:
  // the page's own "Von …" line, which ingest reads, names the writer.
  const person = (name: string) => !isOrganisation(name, publisher);
  const ldAuthors = ld ? names(personObjects(ld.author)).filter(person) : [];
  const metaAuthor = metaContent(doc, 'article:author', 'author', 'dc.creator', 'parsely-author', 'sailthru.author');
  const byline = bylineName(ldAuthors.length ? ldAuthors.join(', ') : metaAuthor && !/^https?:\/\//.test(metaAuthor) && person(metaAuthor) ? metaAuthor : null);
  const h1 = headlineElement(doc, headline);
  const date =
    isoDate(ld?.datePublished) ??
    isoDate(ld?.dateCreated) ??
    isoDate(metaContent(doc, 'article:published_time', 'og:published_time', 'article:publicationdate', 'article:publication_date')) ??
    isoDate(metaContent(doc, 'date', 'pubdate', 'publishdate', 'publish-date', 'publication_date', 'datepublished', 'dc.date', 'dc.date.issued', 'dc.date.created', 'dcterms.date', 'dcterms.created', 'parsely-pub-date', 'sailthru.date')) ??
    markupDate(doc, h1);
  const language =
    languageCode(ld?.inLanguage) ??
    languageCode(metaContent(doc, 'og:locale')) ??
    languageCode(metaContent(doc, 'content-language', 'language', 'dc.language')) ??
    languageCode(doc.documentElement?.getAttribute('lang') ?? null);
  const canonical = Array.from(doc.querySelectorAll('link')).find((l) => /(?:^|\s)canonical(?:\s|$)/i.test(l.getAttribute('rel') ?? ''));
  const pageUrl =
    absoluteUrl(urlOf(ld?.url) ?? urlOf(ld?.mainEntityOfPage), url) ??
    absoluteUrl(clean(canonical?.getAttribute('href')), url) ??
    absoluteUrl(metaContent(doc, 'og:url'), url) ??
    absoluteUrl(url ?? null, undefined);
  const description = clean(ld?.description) ?? metaContent(doc, 'og:description', 'description', 'twitter:description');
  const kicker = kickerOf(h1, headline);
  return { headline, kicker, byline, printedByline: byline ? null : printedByline(doc, publisher), publisher: site, date, language, url: pageUrl, description, articleBody: articleBodyOf(ld?.articleBody) };
}
