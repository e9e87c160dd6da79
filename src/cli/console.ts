/**
 * The local console: type a question, see quotes with citations. Used by
 * `npm start` when no Discord token is configured. `/add URL|FILE` adds an
 * article the way `/article add` does in Discord (fetched by the same safe
 * fetcher, kept under `DATA_DIR/console/`), so that path can be tried
 * without Discord.
 */
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Engine } from '../engine/engine.ts';
import { addRefusalText, type Catalogue, en } from '../i18n/index.ts';
import type { AddInput, ArticleLibrary } from '../library/library.ts';
import { CONSOLE_SCOPE } from '../library/record.ts';
import { citationLine, formatResult, formatSource, type HighlightMarking, markingFor } from './format.ts';

export const CONSOLE_HELP = en.console.help;

/** Streams the console reads from and writes to. */
export interface ConsoleIO {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Show a prompt. Default: true when the output is a terminal. */
  prompt?: boolean;
  /** The language to write in (from LANG / LC_ALL, see `Config.consoleLanguage`). Default: English. */
  t?: Catalogue;
  /** Where `/add` keeps articles; the console then answers from the corpus and its own added articles. Default: none (`/add` is unavailable). */
  library?: ArticleLibrary;
}

/** A language code as the console names it: "English (en)". */
function languageName(code: string, t: Catalogue): string {
  const names = t.bot.library.languages as Record<string, string>;
  return Object.hasOwn(names, code) ? `${names[code]} (${code})` : code;
}

/**
 * `/add URL|FILE`: a file on this machine when one exists at that path,
 * otherwise a link; added to the console's own articles. Resolves to what to
 * print: what was added, or why not and what to do.
 */
export async function handleAdd(library: ArticleLibrary | undefined, arg: string, t: Catalogue = en): Promise<string> {
  if (!library) return t.bot.library.unavailable;
  const what = arg.trim();
  if (!what) return t.console.addUsage;
  const input: AddInput = existsSync(what) ? { kind: 'file', path: what } : { kind: 'url', url: what };
  const outcome = await library.add(CONSOLE_SCOPE, input, null);
  if (!outcome.ok) return addRefusalText(t, outcome.refusal);
  const { meta, sentences, dropped } = outcome.added;
  return t.console.added(meta.id, meta.title, languageName(meta.language, t), sentences, dropped);
}

/** Answers one line of console input, in the language `t`, marking highlights as `marking`; returns null for /quit. */
export function handleLine(engine: Engine, line: string, state: { articleId?: string }, t: Catalogue = en, marking: HighlightMarking = 'markdown'): string | null {
  const text = line.trim();
  if (!text) return '';
  if (!text.startsWith('/')) return formatResult(engine.ask(text, { articleId: state.articleId }), t, { marking });
  const [command = '', ...rest] = text.slice(1).split(/\s+/);
  const arg = rest.join(' ');
  switch (command.toLowerCase()) {
    case 'help':
      return t.console.help;
    case 'quit':
    case 'exit':
      return null;
    case 'articles':
      return engine.articles().map((a) => `${a.id}  ${a.title}${a.publisher ? ` (${a.publisher})` : ''}`).join('\n');
    case 'source': {
      const info = engine.sources(arg || state.articleId);
      if (!info) return t.console.noArticle(arg);
      return formatSource(info.meta, t, info.cited);
    }
    case 'summary': {
      const summary = engine.summarize({ articleId: state.articleId, topic: arg || undefined });
      if (summary.sentences.length === 0) {
        if (t === en) return summary.reason ?? t.console.nothingToSummarise;
        return summary.topic ? t.bot.summary.nothingAbout(summary.topic) : t.console.nothingToSummarise;
      }
      const head = summary.topic ? t.console.onTopic(summary.title, summary.topic) : summary.title;
      return `${head}\n\n${summary.sentences.map((q, i) => `${i + 1}. »${q.text}«\n   ${citationLine(q.citation, t)}`).join('\n\n')}`;
    }
    case 'add':
      // Fetching takes time: the console runs /add itself (see runConsole); this is only reached without it.
      return t.bot.library.unavailable;
    case 'article':
      if (!arg) {
        delete state.articleId;
        return t.console.allArticles;
      }
      if (!engine.article(arg)) return t.console.noArticle(arg);
      state.articleId = arg;
      return t.console.onlyArticle(arg);
    default:
      return t.console.unknownCommand(command);
  }
}

/** Runs the console until /quit or end of input. With a library, it answers from the console's scope (the corpus and `/add`'s articles). */
export async function runConsole(corpusEngine: Engine, io: ConsoleIO): Promise<void> {
  const engine = io.library ? io.library.engineFor(CONSOLE_SCOPE) : corpusEngine;
  const showPrompt = io.prompt ?? Boolean((io.output as NodeJS.WriteStream).isTTY);
  const rl = createInterface({ input: io.input, output: showPrompt ? io.output : undefined, terminal: showPrompt });
  const state: { articleId?: string } = {};
  const write = (s: string) => io.output.write(s + '\n');
  const t = io.t ?? en;
  // The answer in a quote: bold on a terminal, **…** otherwise.
  const marking = markingFor(io.output);
  const titles = engine.articles().map((a) => `„${a.title}“`).join(', ');
  write(t.console.welcome(titles));
  rl.setPrompt('> ');
  if (showPrompt) rl.prompt();
  for await (const line of rl) {
    const add = /^\s*\/add(?:\s+(.*))?$/i.exec(line);
    if (add) {
      if (add[1]?.trim()) write(t.console.adding(add[1].trim()));
      write((await handleAdd(io.library, add[1] ?? '', t)) + '\n');
      if (showPrompt) rl.prompt();
      continue;
    }
    const reply = handleLine(engine, line, state, t, marking);
    if (reply === null) break;
    if (reply) write(reply + '\n');
    if (showPrompt) rl.prompt();
  }
  rl.close();
}
