/**
 * HTML pages: the article in a web page, read with Mozilla's Readability
 * (`@mozilla/readability`, the engine of Firefox Reader View) over a
 * server-side DOM, and its metadata from the page itself (pageMeta.ts).
 *
 * The DOM is linkedom's, chosen by measurement (`npm run bench:html`, figures
 * in the README): on the fixtures of tests/corpus/fixtures/html and a 1 MB
 * page of the same kind, Readability over linkedom gave exactly the same
 * article text and metadata as over jsdom, 7–16 times faster (58 ms against
 * 468 ms for the 1 MB page), holding a fifth of the heap per parsed page
 * (4.7 MB against 22.9 MB). Beleg needs only the parsed tree (no layout,
 * scripts, styles or network), which is what linkedom is made for; jsdom's
 * fuller browser emulation buys nothing here.
 *
 * The article text quotes are taken from is built here from Readability's
 * article: the headline, then every block of the article (paragraph, subhead,
 * caption, list item, quotation …) on a line of its own, blocks separated by
 * a blank line, with soft hyphens and zero-width characters removed and white
 * space collapsed. That text is the article's stored text (`Article.source`):
 * sentence offsets index into it, and "verbatim" means a substring of it. The
 * roles come from the markup: `h2`–`h6` are subheads, `figcaption` captions,
 * the paragraph the page's description repeats is the teaser.
 *
 * {@link readHtmlArticle} takes a page (and the address it came from) and
 * gives the text, structure and metadata; {@link ingestHtml} makes an article
 * of it, refusing a page with no article in it (a login wall, a cookie page).
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { IngestError, type IngestReport, ingestReport, type TextStructure } from './ingest.ts';
import { detectLanguage } from './language.ts';
import type { MetadataInput } from './metadata.ts';
import { bylineName, commentAuthors, type DomDocument, type DomElement, type DomNode, isOrganisation, isoDate, languageCode, mainArticleElement, type PageMeta, readPageMeta, siteName } from './pageMeta.ts';
import type { Role } from './types.ts';

/** Parses an HTML text into a document. `url` is the page's address, for DOMs that resolve links. */
export type DomParser = (html: string, url?: string) => DomDocument;

/**
 * linkedom's parser (the default). linkedom builds a whole document only from
 * a whole page, so a fragment (a page saved without `<html>`) is wrapped in one.
 */
export const linkedomParser: DomParser = (html) => {
  const whole = /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  return parseHTML(whole).document as unknown as DomDocument;
};

/** The article of an HTML page. */
export interface HtmlArticle {
  /** The article text: the headline (when the page has one) and each block on a line of its own, blocks separated by a blank line. */
  text: string;
  /** The roles of the text's blocks, from the markup. */
  structure: TextStructure;
  /** The page's metadata, with Readability's findings filling what the page's tags do not say. */
  meta: PageMeta;
  /** The paragraphs of the page's main article element, read before Readability changed the page (see {@link mainElementPage}). */
  mainParagraphs?: string[] | null;
}

/** Options of {@link readHtmlArticle}. */
export interface ReadHtmlOptions {
  /** The DOM to parse with. Default: {@link linkedomParser}. */
  parse?: DomParser;
}

/** Elements whose text is never article text. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'INPUT', 'SELECT', 'OPTION', 'TEXTAREA', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'FORM', 'LABEL', 'NAV']);

/** Elements that start a block of their own. */
const BLOCK = new Set([
  'P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'FIGCAPTION', 'BLOCKQUOTE', 'PRE', 'TD', 'TH', 'DT', 'DD', 'DIV', 'SECTION', 'ARTICLE',
  'FIGURE', 'UL', 'OL', 'DL', 'TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'CAPTION', 'HEADER', 'FOOTER', 'ASIDE', 'MAIN', 'ADDRESS', 'DETAILS',
  'SUMMARY', 'HR', 'CENTER',
]);

/** The text of an element's children that are elements of one of these tags, and the element's whole text, cleaned. */
function textsOf(el: DomElement, tags: RegExp): { inside: string; all: string } {
  const inside = Array.from(el.children).filter((c) => tags.test(c.tagName)).map((c) => c.textContent ?? '').join(' ');
  return { inside: cleanText(inside), all: cleanText(el.textContent ?? '') };
}

/** True for a paragraph whose text is all inside links, with at most a short label before them ("Read more: "). */
function isLinkOnly(el: DomElement): boolean {
  const { inside, all } = textsOf(el, /^A$/i);
  if (!inside || !all) return false;
  return all === inside || (all.endsWith(inside) && /^[\p{L} ]{2,20}:$/u.test(all.slice(0, all.length - inside.length).trim()));
}

/** True for a short paragraph that is all bold and does not end like a sentence: a subhead in a <p>. */
function isBoldHeading(el: DomElement): boolean {
  const { inside, all } = textsOf(el, /^(?:STRONG|B)$/i);
  return !!all && inside === all && all.split(' ').length <= 12 && !/[.!?:]$/.test(all);
}

/** Longest text of a box that opens with a picture and is taken for the picture's caption (a gallery slide has no limit). */
export const MAX_PICTURE_BOX_CHARS = 300;

/** Elements that hold a picture. */
const PICTURES = 'img, picture, video';

/** True for a node that shows a picture and says nothing: `<img>`, or `<p><a><img></a></p>`. */
function isPictureOnly(node: DomElement): boolean {
  const tag = node.tagName.toUpperCase();
  return (tag === 'IMG' || tag === 'PICTURE' || node.querySelectorAll(PICTURES).length > 0) && cleanText(node.textContent ?? '') === '';
}

/**
 * True for a picture with its caption in markup that does not say so (no
 * `<figure>`): an element that opens with a picture and then holds one short
 * text block, `<div><p><img></p><p>Tahir Della helped …</p></div>`, or a list
 * item that opens with a picture, a slide of a picture gallery
 * (`<li><p><img></p><h2>German colonies</h2><p>…</p></li>`). Its text
 * describes the picture; it is no paragraph of the article. A container that
 * opens with a picture and goes on with the article (several blocks, or long)
 * is no picture box.
 */
function isPictureBox(el: DomElement): boolean {
  const tag = el.tagName.toUpperCase();
  if (tag !== 'DIV' && tag !== 'LI' && tag !== 'FIGURE' && tag !== 'SECTION') return false;
  const first = Array.from(el.childNodes).find((n) => n.nodeType === 1 || (n.nodeType === 3 && (n.textContent ?? '').trim() !== ''));
  if (!first || first.nodeType !== 1 || !isPictureOnly(first as unknown as DomElement)) return false;
  const text = cleanText(el.textContent ?? '');
  if (!text) return false;
  // A list item whose text follows its picture inline is a bullet with an icon, not a slide.
  if (tag === 'LI') return !Array.from(el.childNodes).some((n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '');
  const TEXT_BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, div';
  // The innermost blocks that hold text: a caption is one of them.
  const blocks = Array.from(el.querySelectorAll(TEXT_BLOCKS)).filter((b) => cleanText(b.textContent ?? '') !== '' && b.querySelectorAll(TEXT_BLOCKS).length === 0);
  return blocks.length <= 1 && text.length <= MAX_PICTURE_BOX_CHARS;
}

/** Block elements that, inside a link, make it a teaser card for another article. */
const CARD_BLOCKS = 'p, div, h1, h2, h3, h4, h5, h6, figure, figcaption, li, section, article, header';

/** The role an element gives the text inside it; undefined: the role around it. */
function roleOf(tag: string): Role | undefined {
  if (/^H[1-6]$/.test(tag)) return 'subhead';
  if (tag === 'FIGCAPTION' || tag === 'CAPTION') return 'caption';
  if (tag === 'P' || tag === 'LI' || tag === 'BLOCKQUOTE' || tag === 'TD' || tag === 'DD') return 'body';
  return undefined;
}

/** Text of the stored article: soft hyphens and zero-width characters out, white space (also no-break spaces) collapsed. */
function cleanText(text: string): string {
  return text.replace(/[\u00ad\u200b\u200c\u200d\u2060\ufeff]/g, '').replace(/\s+/g, ' ').trim();
}

interface RawBlock {
  text: string;
  role: Role;
  listItem: boolean;
  /** Inside a `<blockquote>`: text the article quotes from someone. */
  quoted: boolean;
}

/** The blocks of Readability's article element, in reading order, each with its role. */
function blocksOf(root: DomElement): RawBlock[] {
  const blocks: RawBlock[] = [];
  let buffer = '';
  let bufferRole: Role = 'body';
  let bufferList = false;
  let bufferQuoted = false;
  const flush = () => {
    const text = cleanText(buffer);
    if (text) blocks.push({ text, role: bufferRole, listItem: bufferList, quoted: bufferQuoted });
    buffer = '';
  };
  const walk = (node: DomElement, role: Role, listItem: boolean, quoted: boolean) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) {
        if (!buffer) {
          bufferRole = role;
          bufferList = listItem;
          bufferQuoted = quoted;
        }
        buffer += child.textContent ?? '';
        continue;
      }
      if (child.nodeType !== 1) continue;
      const el = child as unknown as DomElement;
      const tag = el.tagName.toUpperCase();
      if (SKIP.has(tag)) continue;
      // A link around blocks (a heading, a paragraph) is a card teasing another article, not this one's text.
      if (tag === 'A' && el.querySelectorAll(CARD_BLOCKS).length > 0) continue;
      if (tag === 'BR') {
        buffer += ' ';
        continue;
      }
      // A paragraph that is one link and nothing else ("Read more: …", "Sign up for the newsletter here.") points
      // elsewhere; it is no text of this article.
      if (tag === 'P' && isLinkOnly(el)) continue;
      if (BLOCK.has(tag)) {
        flush();
        // A paragraph or heading inside a caption (<figcaption><p>…</p></figcaption>, a picture box) is still the caption.
        // A short paragraph that is all bold (<p><strong>…</strong></p>) is a subhead.
        const own =
          role === 'caption' && (tag === 'P' || /^H[1-6]$/.test(tag)) ? 'caption' : isPictureBox(el) ? 'caption' : tag === 'P' && isBoldHeading(el) ? 'subhead' : roleOf(tag);
        walk(el, own ?? role, tag === 'LI' || (listItem && tag !== 'FIGCAPTION'), quoted || tag === 'BLOCKQUOTE');
        flush();
      } else {
        walk(el, role, listItem, quoted);
      }
    }
  };
  walk(root, 'body', false, false);
  flush();
  return blocks;
}

/**
 * Deepest nesting of elements a page may have. Readability's time grows
 * with the cube of the nesting depth (a page of 2,000 nested elements takes a
 * minute, over linkedom or jsdom alike); real news pages nest 20 to 80 deep.
 */
export const MAX_NESTING_DEPTH = 200;
/**
 * Most elements a page may have; a heavy real page has 5,000 to 15,000.
 * (Readability's own `maxElemsToParse` counts with `getElementsByTagName("*")`,
 * which linkedom does not answer, so the page is measured here.)
 */
export const MAX_ELEMENTS = 60_000;

/** Why a page cannot be read at all (too deeply nested, too many elements). */
export class HtmlPageError extends Error {}

/**
 * Checks that a page is of a size Readability reads in reasonable time,
 * walking it without recursion (a hostile page may nest thousands deep).
 */
function checkPageShape(root: DomElement): void {
  let elements = 0;
  const stack: [DomElement, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [el, depth] = stack.pop()!;
    if (depth > MAX_NESTING_DEPTH) throw new HtmlPageError(`the page nests elements more than ${MAX_NESTING_DEPTH} deep, which no article page does`);
    if (++elements > MAX_ELEMENTS) throw new HtmlPageError(`the page has more than ${MAX_ELEMENTS.toLocaleString('en')} elements, more than any article page`);
    for (const child of Array.from(el.children)) stack.push([child, depth + 1]);
  }
}

/** Case- and space-folded text, without a final ellipsis: for comparing the description with a paragraph. */
const fold = (s: string) => cleanText(s).replace(/\s*(?:…|\.\.\.)$/, '').toLowerCase();

/**
 * Reads the article of an HTML page: its text, the roles of its blocks and
 * its metadata. Returns null when Readability finds no article at all;
 * throws {@link HtmlPageError} for a page too deeply nested or too large to
 * read in reasonable time.
 *
 * @param html - the page
 * @param url - the address the page came from, if known (for the canonical URL)
 */
export function readHtmlArticle(html: string, url?: string, options: ReadHtmlOptions = {}): HtmlArticle | null {
  const doc = (options.parse ?? linkedomParser)(html, url);
  // Metadata first: Readability changes the document as it works.
  if (!doc.documentElement) return null;
  checkPageShape(doc.documentElement);
  const meta = readPageMeta(doc, url);
  const mainParagraphs = substantialMain(doc)?.paragraphs ?? null;
  const lead = leadOf(doc, meta.description);
  const commenters = commentAuthors(doc);
  let parsed: ReturnType<Readability<unknown>['parse']>;
  try {
    parsed = new Readability(doc as unknown as ConstructorParameters<typeof Readability>[0], { serializer: (el: unknown) => el }).parse();
  } catch (err) {
    // Markup so broken that the DOM has no head or body to work on.
    throw new HtmlPageError(`the page could not be read as HTML (${(err as Error).message})`);
  }
  const content = parsed?.content as DomElement | null | undefined;
  if (!parsed || !content) return meta.articleBody ? articleFromBody(meta) : null;
  meta.headline ??= cleanText(parsed.title ?? '') || null;
  meta.publisher ??= siteName(cleanText(parsed.siteName ?? '') || null);
  // Readability takes the first author mark for the byline, also one in the readers' comments.
  const found = commenters.has(cleanText(parsed.byline ?? '')) ? null : bylineName(cleanText(parsed.byline ?? '') || null);
  meta.byline ??= found && !isOrganisation(found, meta.publisher) ? found : null;
  meta.language ??= languageCode(parsed.lang ?? null);
  meta.date ??= isoDate(parsed.publishedTime ?? null);

  const blocks = blocksOf(content);
  const description = meta.description ? fold(meta.description) : null;
  let teaser = description && description.length >= 40 ? blocks.findIndex((b, i) => i < 4 && (b.role === 'body' || b.role === 'subhead') && fold(b.text).startsWith(description)) : -1;
  // The page prints the lead the description repeats, but outside the block Readability took (in the article's
  // header): it opens the text, as the teaser.
  if (teaser < 0 && lead && !blocks.some((b) => fold(b.text).includes(fold(lead)))) {
    blocks.unshift({ text: lead, role: 'body', listItem: false, quoted: false });
    teaser = 0;
  }
  let text = '';
  const roles = new Map<number, Role>();
  const listItems = new Set<number>();
  const quotations = new Set<number>();
  if (meta.headline) text += `${cleanText(meta.headline)}\n\n`;
  blocks.forEach((b, i) => {
    roles.set(text.length, i === teaser ? 'teaser' : b.role);
    if (b.listItem) listItems.add(text.length);
    if (b.quoted) quotations.add(text.length);
    text += `${b.text}\n\n`;
  });
  return { text: text.replace(/\n\n$/, '\n'), meta, mainParagraphs, structure: { headlineFirst: meta.headline !== null, kicker: meta.kicker, roles, listItems, quotations } };
}

/**
 * The article as the page's JSON-LD `articleBody` states it: the headline,
 * then each of its paragraphs as body text. For a page that builds its text
 * with scripts, so that the markup Readability reads holds none of it.
 */
export function articleFromBody(meta: PageMeta): HtmlArticle | null {
  if (!meta.articleBody) return null;
  let text = '';
  const roles = new Map<number, Role>();
  if (meta.headline) text += `${cleanText(meta.headline)}\n\n`;
  for (const paragraph of meta.articleBody.split('\n')) {
    roles.set(text.length, 'body');
    text += `${paragraph}\n\n`;
  }
  return { text: text.replace(/\n\n$/, '\n'), meta, structure: { headlineFirst: meta.headline !== null, kicker: meta.kicker, roles, listItems: new Set() } };
}

/** Options of {@link ingestHtml}. */
export interface IngestHtmlOptions {
  /** Article id used when the metadata has none. */
  id: string;
  /** Path (or address) of the page, for citations and error messages. */
  path: string;
  /** Where the page came from, if known. */
  url?: string;
  /** Metadata from a sidecar file; it overrides what the page says. Default: none. */
  meta?: MetadataInput;
  parse?: DomParser;
}

/** Fewest sentences of body text (teaser included) an article has; a page with fewer is a login wall, a notice or an index. */
export const MIN_ARTICLE_SENTENCES = 2;
/** Fewest characters of body text (teaser included) an article has. */
export const MIN_ARTICLE_CHARS = 200;

/**
 * Makes an article of an HTML page: the text Readability extracts, the
 * page's metadata (a sidecar's overriding it), the roles of its markup, and
 * the chrome rules of ingest on what Readability left in. A page whose
 * markup holds no article but whose JSON-LD states its `articleBody` (a page
 * that builds its text with scripts) is read from that. Throws
 * {@link IngestError}, naming the page, when it holds no article.
 */
export function ingestHtml(html: string, options: IngestHtmlOptions): IngestReport {
  let page: HtmlArticle | null;
  try {
    page = readHtmlArticle(html, options.url, { parse: options.parse });
  } catch (err) {
    if (err instanceof HtmlPageError) throw new IngestError(`${options.path}: ${err.message}`);
    throw err;
  }
  const refuse = (why: string) =>
    new IngestError(`${options.path}: no article found in this page (${why}); is it a login wall, a cookie notice or a list of links? Save the page with the article shown, or its text as .txt`);
  // Readability may pick another block than the article (a board of teasers that outscored it, when the article
  // sits in a container whose class sounds like a footer): the page's main article element, read on its own, then.
  // The page is parsed again for it, which only a page that needs it pays for.
  const secondReading = (): IngestReport | null => {
    const main = mainElementPage(html, options.parse, options.url);
    const again = main ? readHtmlArticle(main.html, options.url, { parse: options.parse }) : null;
    if (!again) return null;
    try {
      return ingestPage(again, options, refuse);
    } catch (err) {
      if (err instanceof IngestError) return null;
      throw err;
    }
  };
  if (!page) {
    const again = secondReading();
    if (again) return again;
    throw refuse('Readability found no article text');
  }
  let report: IngestReport;
  try {
    report = ingestPage(page, options, refuse);
  } catch (err) {
    if (!(err instanceof IngestError)) throw err;
    // A page whose scripts build its text: what Readability found is chrome, but its JSON-LD states the article.
    const fromBody = articleFromBody(page.meta);
    if (fromBody && fromBody.text !== page.text) return ingestPage(fromBody, options, refuse);
    const again = secondReading();
    if (again) return again;
    throw err;
  }
  // Readability's text holds little of the main element's paragraphs, which hold more text than it: another block won.
  const paragraphs = page.mainParagraphs;
  if (paragraphs) {
    const prose = report.article.sentences.filter((s) => s.role === 'body' || s.role === 'teaser').reduce((n, s) => n + s.text.length, 0);
    const total = paragraphs.reduce((n, p) => n + p.length, 0);
    const found = paragraphs.filter((p) => page.text.includes(p.slice(0, 80))).reduce((n, p) => n + p.length, 0);
    if (total > prose && found < total / 2) return secondReading() ?? report;
  }
  return report;
}

/**
 * The lead paragraph the page's description repeats, as the page prints it in
 * a `<p>` or heading of its body (at least 40 characters); null when the page
 * prints no such element.
 */
function leadOf(doc: DomDocument, description: string | null): string | null {
  if (!description) return null;
  const wanted = fold(description);
  if (wanted.length < 40) return null;
  for (const el of Array.from(doc.querySelectorAll('body p, body h2, body h3, body h4'))) {
    const text = cleanText(el.textContent ?? '');
    if (fold(text) === wanted) return text;
  }
  return null;
}

/** The page cut down to its main article element, and that element's paragraphs (see {@link mainElementPage}). */
export interface MainElementPage {
  html: string;
  /** The text of each `<p>` in the element, spaces collapsed. */
  paragraphs: string[];
}

/**
 * The page cut down to its main article element, with the page's `<head>`
 * (its metadata): the `<article>`, `[itemprop="articleBody"]`, `<main>` or
 * `[role="main"]` element that holds the most paragraph text. For a second
 * reading when Readability read another block as the article. Null when no
 * such element holds {@link MIN_ARTICLE_CHARS} characters of paragraphs.
 */
export function mainElementPage(html: string, parse: DomParser = linkedomParser, url?: string): MainElementPage | null {
  const doc = parse(html, url);
  const main = substantialMain(doc);
  if (!main) return null;
  const head = doc.querySelector('head')?.outerHTML ?? '<head></head>';
  const lang = doc.documentElement!.getAttribute('lang');
  return { html: `<!DOCTYPE html><html${lang ? ` lang="${lang.replace(/[^\w-]/g, '')}"` : ''}>${head}<body>${main.element.outerHTML}</body></html>`, paragraphs: main.paragraphs };
}

/** The page's main article element (pageMeta.ts `mainArticleElement`) when its paragraphs hold {@link MIN_ARTICLE_CHARS}; null otherwise. */
function substantialMain(doc: DomDocument): ReturnType<typeof mainArticleElement> {
  const main = doc.documentElement ? mainArticleElement(doc) : null;
  return main && main.paragraphs.reduce((n, p) => n + p.length, 0) >= MIN_ARTICLE_CHARS ? main : null;
}

/** Ingests the text read from a page (see {@link ingestHtml}). */
function ingestPage(page: HtmlArticle, options: IngestHtmlOptions, refuse: (why: string) => IngestError): IngestReport {
  const m = page.meta;
  const fromPage: MetadataInput = {};
  if (m.headline) fromPage.headline = m.headline;
  if (m.kicker) fromPage.kicker = m.kicker;
  if (m.byline) fromPage.byline = m.byline;
  if (m.publisher) fromPage.publisher = m.publisher;
  if (m.url) fromPage.url = m.url;
  if (m.date) fromPage.date = m.date;
  // A page template may declare the wrong language; the text's function words decide between German and English.
  const detected = detectLanguage(page.text);
  const declared = m.language;
  fromPage.language = (detected === 'de' || detected === 'en') && (declared === null || declared === 'de' || declared === 'en') ? detected : (declared ?? undefined);
  if (fromPage.language === undefined) delete fromPage.language;
  let report: IngestReport;
  try {
    report = ingestReport(page.text, { id: options.id, path: options.path, meta: { ...fromPage, ...options.meta }, structure: page.structure });
  } catch (err) {
    if (err instanceof IngestError && err.message.includes('no article text found')) throw refuse('only page chrome in it');
    throw err;
  }
  const prose = report.article.sentences.filter((s) => s.role === 'body' || s.role === 'teaser');
  const chars = prose.reduce((n, s) => n + s.text.length, 0);
  if (prose.length < MIN_ARTICLE_SENTENCES || chars < MIN_ARTICLE_CHARS) {
    throw refuse(`only ${prose.length} sentence${prose.length === 1 ? '' : 's'} of text besides page chrome`);
  }
  // A byline the page prints in its text ("2/26/2015 … BY JANE DOE") is metadata here, kept as a name like the tags' ones;
  // without one, a byline printed in the author's box outside the text ("Von Clemens Höges" after the article).
  const byline = report.article.meta.byline;
  const meta = byline && !m.byline ? { ...report.article.meta, byline: bylineName(byline) ?? byline } : !byline && m.printedByline ? { ...report.article.meta, byline: m.printedByline } : report.article.meta;
  return { ...report, article: { ...report.article, meta, sourceKind: 'html' } };
}

export type { DomDocument, DomElement, DomNode, PageMeta };
