/**
 * The layout of a scraped page: which of its lines is the headline, and which
 * lines are chrome because of where they stand rather than what they say.
 * Line-by-line rules are in chrome.ts; the rules here look at a line's
 * neighbours and at the page as a whole:
 * - the headline is the most headline-like line near the top: not a menu
 *   word, not the kicker above it (which is metadata), not a second variant
 *   of itself; a headline glued to its kicker ("Kicker:Headline") is split;
 * - short lines above the headline are navigation (menus, breadcrumbs);
 * - the article ends at a link-list heading or an end-of-article byline,
 *   unless article text follows (a link box inside the article);
 * - a line repeated on the page is kept once, where it stands in the text
 *   (a subhead before its paragraph), or not at all when it is a menu word;
 * - three or more headline-shaped lines in a row are a list of links;
 * - a "Kicker:Headline" line below the article's head, with the paragraph
 *   under it, is a teaser of another article;
 * - a short line right above a caption with its credit is the image's alt text;
 * - a short or reader-addressing line between chrome lines, and a bullet list
 *   that is mostly chrome, are chrome.
 * All of it is by the shape of lines (length, final punctuation, list
 * markers, glued colons, blank lines), never by a site's wording.
 */
import { dateRowOf, hasWeakChromeSignal, isCreditLine, isFooterMarker, isPersonName, LIST_MARKER, TRAILING_AUTHOR, trailingCreditAt } from './chrome.ts';

/** A line of the page: its text trimmed, with offsets into the source. */
export interface PageLine {
  start: number;
  end: number;
  text: string;
  /** True when a blank line (or the start of the text) comes before it. */
  gapBefore: boolean;
}

/** Ends like a sentence: a full stop, question or exclamation mark, maybe inside closing quotes. */
export const PROSE_END = /[.!?…:][»«“”"')\]]*$/;

/** Counts words in a line. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** A paragraph of running text: it ends like a sentence and has a few words. */
export function isProse(text: string): boolean {
  return PROSE_END.test(text.replace(TRAILING_AUTHOR, '')) && wordCount(text) >= 6;
}

/**
 * A paragraph, as opposed to a headline that asks or exclaims ("Länderspiele
 * - Lust oder Last?"): it ends with a full stop or colon, or it holds more
 * than one sentence or more than 20 words.
 */
function isParagraph(text: string): boolean {
  if (!isProse(text)) return false;
  if (!/[?!]["»«“”')\]]*$/.test(text)) return true;
  return wordCount(text) > 20 || /[.!?]["»«“”')\]]*\s+\S/.test(text);
}

/** A long paragraph that can only be article text (or a long notice, which chrome.ts catches). */
function isLongProse(text: string): boolean {
  return isProse(text) && wordCount(text) >= 20;
}

/** Case- and space-folded text of a line, without a list marker: for comparing lines. */
export function foldLine(text: string): string {
  return text.replace(LIST_MARKER, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Shaped like a headline: a few words (at most 16; 3 or more, but 1–2 as the
 * first line of the text above a paragraph), no final full stop, colon or
 * comma, no list marker, at least one word of four letters.
 */
function headlineShaped(text: string, words = wordCount(text)): boolean {
  return (
    words <= 16 &&
    text.length <= 200 &&
    !/[.:;,]["»«“”')\]]*$/.test(text) &&
    !LIST_MARKER.test(text) &&
    /\p{L}{4}/u.test(text) &&
    (text.match(/[.!?](?:\s|$)/g)?.length ?? 0) <= 2
  );
}

/** "Kicker:Headline" glued by a scraper (no space after the colon): the offset of the colon, or -1. */
export function gluedKickerAt(text: string): number {
  const m = /^.{3,80}?[\p{L}\p{N}»«"“”)](:)\p{Lu}/u.exec(text);
  return m ? m.index + m[0].length - 2 : -1;
}

/** The headline part of a line: after a glued kicker's colon, else the whole line. */
function headlinePart(text: string): string {
  const at = gluedKickerAt(text);
  return at >= 0 ? text.slice(at + 1) : text;
}

/** True when two headline-shaped lines are variants of one headline (one ends with the other's headline part). */
function variants(a: string, b: string): boolean {
  const fa = foldLine(a);
  const fb = foldLine(b);
  const ha = foldLine(headlinePart(a));
  const hb = foldLine(headlinePart(b));
  const shared = (x: string, y: string) => wordCount(y) >= 3 && x.endsWith(y);
  return fa === fb || shared(fa, hb) || shared(fb, ha) || (ha === hb && wordCount(ha) >= 3);
}

/** The headline found at the top of a page. */
export interface HeadlineFind {
  /** Index of the headline's line. */
  index: number;
  /** Offsets of the headline itself (a glued kicker left out). */
  start: number;
  end: number;
  /** The kicker, from a separate line above or glued before a colon; null when none. */
  kicker: string | null;
  /** Index of the kicker's own line, when it has one. */
  kickerIndex: number | null;
  /** Indexes of lines that are another variant of the headline. */
  variantIndexes: number[];
}

/** How far down the page the headline is looked for: lines of the page. */
const HEADLINE_WINDOW = 14;

/**
 * Finds the headline: the first headline-shaped line near the top that is
 * not chrome. Below a paragraph of text it must be followed by the furniture
 * of an article's head (a byline, a date or reading-time row, a credit), or
 * it is a subhead. A short line right above a longer headline-shaped line is
 * the kicker. Returns null when the page shows no headline.
 *
 * @param why - for each line, why it is chrome on its own, or null
 */
export function findHeadline(lines: readonly PageLine[], why: readonly (string | null)[]): HeadlineFind | null {
  const next = (i: number): number => {
    for (let j = i + 1; j < lines.length; j++) if (why[j] === null) return j;
    return -1;
  };
  const furnitureAfter = (i: number) => {
    for (let j = i + 1; j <= i + 3 && j < lines.length; j++) {
      const w = why[j];
      if (w && /byline|date|credit|label/.test(w)) return true;
    }
    return false;
  };
  let seenProse = false;
  for (let i = 0; i < Math.min(lines.length, HEADLINE_WINDOW); i++) {
    if (why[i] !== null) continue;
    const text = lines[i]!.text;
    const words = wordCount(text);
    if (isParagraph(text)) {
      seenProse = true;
      continue;
    }
    if (!headlineShaped(text, words)) continue;
    const j = next(i);
    const afterText = j >= 0 ? lines[j]!.text : '';
    if (words < 3 && !(i === 0 && j >= 0 && isProse(afterText))) continue;
    if (seenProse && !furnitureAfter(i)) continue;
    let index = i;
    let kickerIndex: number | null = null;
    const variantIndexes: number[] = [];
    if (j >= 0 && headlineShaped(afterText) && variants(text, afterText)) {
      // Two variants of the headline (the page title and the headline): the one glued to its kicker says which is which.
      const pick = gluedKickerAt(text) < 0 && gluedKickerAt(afterText) >= 0 ? j : i;
      variantIndexes.push(pick === i ? j : i);
      index = pick;
    } else if (words <= 5 && j >= 0 && headlineShaped(afterText) && wordCount(afterText) > words && gluedKickerAt(text) < 0) {
      // A short line over a longer headline is its kicker, unless the longer one is a caption printed twice.
      const k = next(j);
      if (k < 0 || foldLine(lines[k]!.text) !== foldLine(afterText)) {
        kickerIndex = i;
        index = j;
      }
    }
    const line = lines[index]!;
    const glued = gluedKickerAt(line.text);
    const kicker = glued >= 0 ? line.text.slice(0, glued).trim() : kickerIndex !== null ? lines[kickerIndex]!.text : null;
    const start = glued >= 0 ? line.start + glued + 1 : line.start;
    return { index, start, end: line.end, kicker, kickerIndex, variantIndexes };
  }
  return null;
}

/** What the layout rules decided for each line: why it is dropped (null: kept). */
export interface LayoutInput {
  lines: readonly PageLine[];
  /** Why each line is chrome on its own (chrome.ts), or null; updated in place. */
  why: (string | null)[];
  /** Index of the headline's line, or -1. */
  headline: number;
  /** The headline's text, for finding repeats of it. */
  headlineText: string | null;
  /** Index of a last line cut off mid-paragraph by the scraper (the text ends in a word, without a line break), or -1. */
  cutLine: number;
  /** True for a line that is an item of a list (a bullet in the text, or `<li>` in the markup). */
  listItem: (i: number) => boolean;
}

/** Marks lines above the headline that are not paragraphs of text as navigation. */
export function markAboveHeadline({ lines, why, headline }: LayoutInput): void {
  for (let i = 0; i < headline; i++) {
    if (why[i] === null && !isProse(lines[i]!.text)) why[i] = 'navigation above the headline';
  }
}

/** True when long article text follows line `i` within a few lines (so what stands there is inside the article). */
function articleTextFollows(lines: readonly PageLine[], why: readonly (string | null)[], i: number, within = 4): boolean {
  let seen = 0;
  // Lines already known as chrome (a list's screen-reader labels) take no room in the box, up to twice its size.
  for (let j = i + 1; j < lines.length && seen < within && j <= i + 2 * within; j++) {
    if (why[j] !== null) continue;
    seen++;
    if (isLongProse(lines[j]!.text)) return true;
  }
  return false;
}

/** A byline as printed at an article's end: initials or agencies, not a "Von X" / "By X" line. */
function isEndByline(text: string): boolean {
  return !/^(?:Von|von|VON|By|by|BY)\s/u.test(text);
}

/**
 * Finds where the article ends: at a link-list heading ("Mehr zum Thema")
 * or an end-of-article byline ("jlk/Reuters", "(dpa)") after the text,
 * unless more article text follows within a few lines (a link box inside the
 * article: then the heading and its links are dropped). Returns the index of
 * the first line of the page footer, or `lines.length`.
 */
export function markArticleEnd({ lines, why, headline }: LayoutInput): number {
  let proseSeen = 0;
  for (let i = headline + 1; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (why[i] === null && isProse(text)) proseSeen++;
    if (isFooterMarker(text)) {
      if (!articleTextFollows(lines, why, i)) return i;
      why[i] = 'link box inside the article';
      for (let j = i + 1; j < lines.length && !(why[j] === null && isLongProse(lines[j]!.text)); j++) {
        if (why[j] === null) why[j] = 'link box inside the article';
      }
      continue;
    }
    if (why[i]?.startsWith('byline') && isEndByline(text) && proseSeen >= 2 && !articleTextFollows(lines, why, i)) return i;
  }
  return lines.length;
}

/**
 * Marks the lines whose neighbours make them chrome, between the headline and
 * the article's end (`end`): repeats, link lists, teasers of other articles,
 * alt texts above captions, lines amid chrome, lists of chrome. Without
 * `pageLayout` (a text whose structure the markup gave), only repeats, lines
 * amid chrome and lists of chrome are looked for.
 */
export function markByNeighbours(input: LayoutInput, end: number, options: { pageLayout: boolean }): void {
  const { lines, why, headline } = input;
  const from = headline + 1;
  const kept = (i: number) => why[i] === null;
  const nextKept = (i: number) => {
    for (let j = i + 1; j < end; j++) if (kept(j)) return j;
    return -1;
  };

  // Alt text: a short line glued (no blank line) above a caption that carries its credit.
  for (let i = from; options.pageLayout && i + 1 < end; i++) {
    const below = lines[i + 1]!;
    if (!kept(i) || below.gapBefore || wordCount(lines[i]!.text) > 16) continue;
    if (trailingCreditAt(below.text) > 0 && !isLongProse(lines[i]!.text)) why[i] = 'image alt text';
  }

  // Repeats of the headline, and lines printed more than once.
  const headlineFold = input.headlineText ? foldLine(input.headlineText) : null;
  const groups = new Map<string, number[]>();
  for (let i = 0; i < end; i++) {
    if (i === headline) continue;
    const f = foldLine(lines[i]!.text);
    if (kept(i) && i > headline && headlineFold !== null && (f === headlineFold || f === foldLine(lines[headline]!.text))) {
      why[i] = 'repeats the headline';
      continue;
    }
    if (!kept(i) && !why[i]?.startsWith('navigation')) continue;
    if (wordCount(f) > 16) continue;
    groups.set(f, [...(groups.get(f) ?? []), i]);
  }
  for (const at of groups.values()) {
    const live = at.filter((i) => i > headline && kept(i));
    if (at.length < 2 || live.length === 0) continue;
    if (at.some((i) => i < headline)) {
      // Printed above the headline too: a menu or section label.
      for (const i of live) why[i] = 'repeats a navigation line';
      continue;
    }
    // A caption printed twice in a row (only chrome between) is one caption: ingest keeps it once.
    if (at.length === 2 && nextKept(at[0]!) === at[1]) continue;
    // Kept once where it stands in the text (a subhead over its paragraph); a menu word not at all.
    const inFlow = live.find((i) => {
      const n = nextKept(i);
      return n >= 0 && isProse(lines[n]!.text) && !input.listItem(i);
    });
    const keep = inFlow ?? (wordCount(lines[live[0]!]!.text) <= 4 ? -1 : live[0]!);
    for (const i of live) if (i !== keep) why[i] = 'repeated on the page';
  }

  // The author's name on a line of its own in the article's head (between the headline and the first
  // paragraph), and the line under it that gives the author's role ("Business reporter, BBC News").
  for (let i = from; options.pageLayout && i < end; i++) {
    if (!kept(i)) continue;
    if (isProse(lines[i]!.text)) break;
    const n = nextKept(i);
    if (!isPersonName(lines[i]!.text) || (n >= 0 && isCreditLine(lines[n]!.text)) || why[i + 1]?.startsWith('credit')) continue;
    why[i] = 'byline (metadata)';
    if (n >= 0 && n === i + 1 && !isProse(lines[n]!.text) && wordCount(lines[n]!.text) <= 8) why[n] = "author's role (metadata)";
    break;
  }

  // Teasers of other articles: a "Kicker:Headline" line below the article's head, and the short paragraph under it.
  let proseSeen = false;
  for (let i = from; options.pageLayout && i < end; i++) {
    if (!kept(i)) continue;
    const text = lines[i]!.text;
    if (isProse(text)) {
      proseSeen = true;
      continue;
    }
    if (proseSeen && gluedKickerAt(text) >= 0 && headlineShaped(text)) {
      why[i] = 'teaser of another article';
      const n = nextKept(i);
      if (n >= 0 && isProse(lines[n]!.text) && wordCount(lines[n]!.text) <= 60) why[n] = 'teaser of another article';
    }
  }

  // Lists of links: three or more headline-shaped lines in a row, not introduced by a colon; the last may be a subhead.
  proseSeen = false;
  for (let i = from; options.pageLayout && i < end; i++) {
    if (!kept(i)) continue;
    if (isProse(lines[i]!.text)) {
      proseSeen = true;
      continue;
    }
    if (!proseSeen) continue;
    const run: number[] = [];
    for (let j = i; j >= 0 && j < end; j = nextKept(j)) {
      const t = lines[j]!.text;
      if (j === input.cutLine || isProse(t) || !headlineShaped(t) || LIST_MARKER.test(t) || wordCount(t) < 3) break;
      run.push(j);
    }
    if (run.length >= 3) {
      let before = i - 1;
      while (before > headline && !kept(before)) before--;
      if (!/:$/.test(lines[before]!.text)) {
        const last = run[run.length - 1]!;
        const after = nextKept(last);
        const lastIsSubhead = after >= 0 && (isProse(lines[after]!.text) || after === input.cutLine);
        for (const j of lastIsSubhead ? run.slice(0, -1) : run) why[j] = 'list of links to other pages';
      }
    }
    if (run.length > 0) i = run[run.length - 1]!;
  }

  // Lines amid chrome: short, a list item, or with the reader's or the site's voice, between two chrome lines.
  for (let pass = 0; pass < 2; pass++) {
    for (let i = from; i < end; i++) {
      if (!kept(i) || i + 1 >= lines.length) continue;
      const prev = why[i - 1];
      const nextWhy = why[i + 1];
      if (!prev || !nextWhy || prev.startsWith('navigation')) continue;
      const text = lines[i]!.text;
      const slight = input.listItem(i) || (!isProse(text) && wordCount(text) <= 12) || hasWeakChromeSignal(text);
      // A caption with its credit is the article's, whatever stands around the image.
      if (slight && !isLongProse(text) && trailingCreditAt(text) < 0) why[i] = 'amid page chrome';
    }
  }

  // A bullet list of which half or more is chrome is chrome.
  for (let i = from; i < end; ) {
    if (!input.listItem(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j < end && input.listItem(j)) j++;
    const items = Array.from({ length: j - i }, (_, k) => i + k);
    const chrome = items.filter((k) => !kept(k)).length;
    if (items.length >= 2 && chrome * 2 >= items.length) for (const k of items) why[k] ??= 'in a list of page chrome';
    i = j;
  }
}

/** The byline in a date row, if any ("Von X | 12.03.2024"). */
export function bylineInRow(text: string): string | null {
  return dateRowOf(text)?.byline ?? null;
}
