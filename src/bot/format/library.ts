/**
 * `/article add` and `/article list` as embeds: the article just added (its
 * headline, id, language, sentences, the page chrome dropped, where it came
 * from) and the articles a server can ask about, a page at a time. Every
 * headline, id, file name and address is escaped; nothing can ping. Pure.
 */
import type { APIEmbed } from 'discord.js';
import type { ArticleMeta } from '../../corpus/types.ts';
import { type Catalogue, en } from '../../i18n/index.ts';
import type { AddedArticle, LibraryEntry } from '../../library/library.ts';
import type { RecordSource } from '../../library/record.ts';
import { escapeInline, escapeMarkdown, oneLine } from './escape.ts';
import { fitEmbed, LIMITS, truncateAtWord } from './limits.ts';
import { escapedFit } from './text.ts';

/** Embed colour of `/article add` and `/article list`. */
export const LIBRARY_COLOR = 0x2b6cb0;
/** Articles per page of `/article list` (each line stays well under 400 characters, so a page fits an embed). */
export const LIST_PAGE_SIZE = 10;

/** An id in a code span (ids hold no backtick; any other character shows as it is). */
const code = (id: string) => `\`${id.replace(/`/g, 'ˋ').slice(0, 64)}\``;

/** A language code as a reader says it: "German (de)"; an unknown code as it is. */
function languageName(code: string, t: Catalogue): string {
  const names = t.bot.library.languages as Record<string, string>;
  return Object.hasOwn(names, code) ? `${names[code]} (${code})` : code || '?';
}

/**
 * An address as a masked link showing host and path, within `max` characters
 * in all; brackets and spaces in it are percent-encoded so the link cannot
 * be broken out of. Anything that is not an http(s) URL is shown escaped.
 */
export function linkTo(address: string, max = 300): string {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return escapedFit(address, max);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return escapedFit(address, max);
  const href = url.href.replace(/[()[\]<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const shown = `${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  // Inside a link's brackets: escaped as the middle of a line ("127.0.0.1" is no numbered list there).
  const label = escapeInline(oneLine(truncateAtWord(shown, Math.max(20, Math.min(80, max - href.length - 4)))), false);
  const link = `[${label}](${href})`;
  return link.length <= max && href.length <= LIMITS.url ? link : escapedFit(shown, max);
}

/** Where an added article came from, for a reader: its link, or its file name. */
function sourceText(source: RecordSource, max = 300): string {
  return source.kind === 'url' ? linkTo(source.finalUrl, max) : escapedFit(source.name, Math.min(max, 120));
}

/** The reply to `/article add`: what was added, so the moderator can check it at a glance. */
export function renderAdded(added: AddedArticle, t: Catalogue = en): APIEmbed {
  const l = t.bot.library;
  return fitEmbed({
    color: LIBRARY_COLOR,
    title: escapedFit(l.addedTitle(added.meta.title), LIMITS.embedTitle),
    description: escapeMarkdown(l.addedNote),
    fields: [
      { name: l.id, value: code(added.meta.id), inline: true },
      { name: l.language, value: escapeMarkdown(languageName(added.meta.language, t)), inline: true },
      { name: l.sentences, value: String(added.sentences), inline: true },
      { name: l.chrome, value: l.chromeLines(added.dropped), inline: true },
      { name: l.source, value: sourceText(added.source, LIMITS.fieldValue), inline: false },
    ],
  });
}

/** One article of the list: headline and id, then where it comes from and who added it when. */
function entryLine(entry: LibraryEntry, t: Catalogue): string {
  const l = t.bot.library;
  const head = `**${escapedFit(entry.meta.title, 120)}** ${code(entry.meta.id)}`;
  if (entry.origin === 'corpus') {
    const from = entry.meta.url ? ` · ${linkTo(entry.meta.url, 200)}` : '';
    return `${head}\n${escapeMarkdown(l.corpus)}${from}`;
  }
  const seconds = Math.floor(Date.parse(entry.addedAt) / 1000);
  // Discord renders both for every reader: the member's current name (no ping in an embed) and the time in their zone.
  const when = Number.isFinite(seconds) ? `<t:${seconds}:R>` : '';
  const who = entry.addedBy && /^\d{15,21}$/.test(entry.addedBy) ? l.addedBy(`<@${entry.addedBy}>`, when) : l.addedAt(when);
  return `${head}\n${sourceText(entry.source, 200)} · ${who}`;
}

/** A page of `/article list` (1-based; a page past the end shows the last one). */
export function renderList(entries: readonly LibraryEntry[], page: number, t: Catalogue = en): APIEmbed {
  const l = t.bot.library;
  const pages = Math.max(1, Math.ceil(entries.length / LIST_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const shown = entries.slice((current - 1) * LIST_PAGE_SIZE, current * LIST_PAGE_SIZE);
  const lines = shown.map((e) => entryLine(e, t));
  let description = '';
  for (const line of lines) {
    const next = description ? `${description}\n\n${line}` : line;
    if (next.length > LIMITS.embedDescription - 200) break;
    description = next;
  }
  if (current < pages) description += `\n\n${escapeMarkdown(l.nextPage(current + 1))}`;
  return fitEmbed({
    color: LIBRARY_COLOR,
    title: l.listTitle,
    description: description || t.bot.help.noArticles,
    footer: { text: l.page(current, pages, entries.length) },
  });
}

/** An article as the remove reply names it: its id and headline, escaped. */
export function removedText(meta: Pick<ArticleMeta, 'id' | 'title'>, t: Catalogue = en): string {
  return escapeMarkdown(t.bot.library.removed(meta.id, meta.title));
}
