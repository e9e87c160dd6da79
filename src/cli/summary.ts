/**
 * `npm run summary -- [--sentences N] [--topic T] [--corpus DIR] [--article ID]`
 * prints an extractive summary of one article: its headline, then a few of
 * its sentences, verbatim, each with its citation.
 *
 * With `--json` it prints exactly one JSON object and nothing else on stdout:
 * `{"articleId", "title", "sentences": [{"text", "citation"}]}`, citations
 * exactly as `ask --json` builds them. When a topic matches nothing,
 * `sentences` is empty and the reason goes to stderr.
 *
 * Bad arguments: a message on stderr and exit code 2. A corpus that cannot be
 * loaded or bad configuration: exit code 1.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import type { Citation, SummaryResult } from '../engine/engine.ts';
import { NoArticlesError, openEngine } from '../engine/open.ts';
import { DEFAULT_SENTENCES, MAX_SENTENCES } from '../summary/summarize.ts';
import { citationLine } from './format.ts';

const USAGE = `Usage: npm run summary -- [--sentences N] [--topic T] [--article ID] [--corpus DIR]
       npm run --silent summary -- --json [--sentences N] [--topic T] [--article ID] [--corpus DIR]

  --sentences N  how many sentences, 1 to ${MAX_SENTENCES} (default ${DEFAULT_SENTENCES})
  --topic T      only what the article says about T
  --article ID   the article to summarise (default: the first one loaded)
  --corpus DIR   directory of article files (default: CORPUS_DIR, else ./corpus)
  --json         print one JSON object instead of text`;

/** Thrown for arguments the user must fix; main() prints it and exits with 2. */
class UsageError extends Error {}

/** One summary sentence in the JSON output. */
interface JsonSentence {
  text: string;
  citation: Citation;
}

/** The JSON object printed by `summary --json` (the contract other tools read). */
interface SummaryJson {
  articleId: string;
  title: string;
  sentences: JsonSentence[];
}

/** Builds the JSON object for a summary, with citations from the engine. */
function toSummaryJson(summary: SummaryResult): SummaryJson {
  return {
    articleId: summary.articleId,
    title: summary.title,
    sentences: summary.sentences.map((s) => ({ text: s.text, citation: s.citation })),
  };
}

/** Renders a summary as text: the headline, then each quote with its citation line. */
function formatSummary(summary: SummaryResult): string {
  const head = summary.topic ? `${summary.title}\n(on "${summary.topic}")` : summary.title;
  if (summary.sentences.length === 0) return `${head}\n\n${summary.reason ?? 'Nothing to summarise.'}`;
  const body = summary.sentences
    .map((s, i) => `${i + 1}. »${s.text}«\n   ${citationLine(s.citation)}`)
    .join('\n\n');
  return `${head}\n\n${body}`;
}

function parse(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        json: { type: 'boolean', default: false },
        sentences: { type: 'string' },
        topic: { type: 'string' },
        corpus: { type: 'string' },
        article: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}". Give a topic with --topic "…".`);
  let sentences = DEFAULT_SENTENCES;
  if (values.sentences !== undefined) {
    sentences = /^\d+$/.test(values.sentences.trim()) ? Number(values.sentences) : NaN;
    if (!(sentences >= 1 && sentences <= MAX_SENTENCES)) {
      throw new UsageError(`--sentences must be a whole number from 1 to ${MAX_SENTENCES}, not "${values.sentences}".`);
    }
  }
  if (values.topic !== undefined && !values.topic.trim()) throw new UsageError('--topic is empty. Name a topic, e.g. --topic "Gewinn".');
  return { ...values, sentences };
}

function main(argv: string[]): number {
  const args = parse(argv);
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const corpusDir = args.corpus ?? loadConfig().corpusDir;
  const { engine, errors } = openEngine(corpusDir);
  for (const e of errors) console.error(`warning: skipped ${e.message}`);
  const metas = engine.articles();
  if (args.article !== undefined && !engine.article(args.article)) {
    throw new UsageError(`There is no article "${args.article}". Loaded: ${metas.map((m) => m.id).join(', ')}.`);
  }
  const summary = engine.summarize({ articleId: args.article, sentences: args.sentences, topic: args.topic });
  if (args.json) {
    process.stdout.write(JSON.stringify(toSummaryJson(summary)) + '\n');
    if (summary.reason) console.error(summary.reason);
  } else {
    console.log(formatSummary(summary));
  }
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  if (err instanceof UsageError) {
    console.error(`${err.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else {
    console.error(err instanceof ConfigError || err instanceof NoArticlesError ? err.message : err);
    process.exitCode = 1;
  }
}
