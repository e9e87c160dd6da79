/**
 * The local console: type a question, see quotes with citations. Used by
 * `npm start` when no Discord token is configured.
 */
import { createInterface } from 'node:readline';
import type { Engine } from '../engine/engine.ts';
import { citationLine, formatResult, formatSource } from './format.ts';

export const CONSOLE_HELP = `Type a question about the article, in English or German, e.g. "Who succeeded Bezos?".
Questions about the article itself work too: "What is this about?", "Who wrote this?", "When was it published?",
"Which newspaper?", "What are its sources?" (or "Worum geht es?", "Wer hat das geschrieben?", "Welche Quellen?").
Commands:
  /help              this help
  /summary [TOPIC]   a 3-sentence summary, quoted; a topic narrows it (English or German)
  /source [ID]       the article's headline, publisher, byline, metadata and the sources it cites
  /articles          the loaded articles and their ids
  /article ID        answer only from this article (/article alone: all articles)
  /quit              leave (or Ctrl+D)`;

/** Streams the console reads from and writes to. */
export interface ConsoleIO {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Show a prompt. Default: true when the output is a terminal. */
  prompt?: boolean;
}

/** Answers one line of console input; returns null for /quit. */
export function handleLine(engine: Engine, line: string, state: { articleId?: string }): string | null {
  const text = line.trim();
  if (!text) return '';
  if (!text.startsWith('/')) return formatResult(engine.ask(text, { articleId: state.articleId }));
  const [command = '', ...rest] = text.slice(1).split(/\s+/);
  const arg = rest.join(' ');
  switch (command.toLowerCase()) {
    case 'help':
      return CONSOLE_HELP;
    case 'quit':
    case 'exit':
      return null;
    case 'articles':
      return engine.articles().map((a) => `${a.id}  ${a.title}${a.publisher ? ` (${a.publisher})` : ''}`).join('\n');
    case 'source': {
      const info = engine.sources(arg || state.articleId);
      if (!info) return `There is no article "${arg}". /articles lists them.`;
      return formatSource(info.meta) + (info.cited.length ? `\n${'Cites'.padEnd(10)} ${info.cited.join('; ')}` : '');
    }
    case 'summary': {
      const summary = engine.summarize({ articleId: state.articleId, topic: arg || undefined });
      if (summary.sentences.length === 0) return summary.reason ?? 'Nothing to summarise.';
      const head = summary.topic ? `${summary.title} (on "${summary.topic}")` : summary.title;
      return `${head}\n\n${summary.sentences.map((q, i) => `${i + 1}. »${q.text}«\n   ${citationLine(q.citation)}`).join('\n\n')}`;
    }
    case 'article':
      if (!arg) {
        delete state.articleId;
        return 'Answering from all articles.';
      }
      if (!engine.article(arg)) return `There is no article "${arg}". /articles lists them.`;
      state.articleId = arg;
      return `Answering only from ${arg}.`;
    default:
      return `Unknown command /${command}. Type /help for the commands.`;
  }
}

/** Runs the console until /quit or end of input. */
export async function runConsole(engine: Engine, io: ConsoleIO): Promise<void> {
  const showPrompt = io.prompt ?? Boolean((io.output as NodeJS.WriteStream).isTTY);
  const rl = createInterface({ input: io.input, output: showPrompt ? io.output : undefined, terminal: showPrompt });
  const state: { articleId?: string } = {};
  const write = (s: string) => io.output.write(s + '\n');
  const titles = engine.articles().map((a) => `„${a.title}“`).join(', ');
  write(`Beleg — answers with verbatim quotes from ${titles}.\nType a question, or /help.`);
  rl.setPrompt('> ');
  if (showPrompt) rl.prompt();
  for await (const line of rl) {
    const reply = handleLine(engine, line, state);
    if (reply === null) break;
    if (reply) write(reply + '\n');
    if (showPrompt) rl.prompt();
  }
  rl.close();
}
