/**
 * `npm run ask -- "question"` answers once.
 * `npm run --silent ask -- --json [--corpus DIR] [--limit N]` reads questions
 * from stdin, one per line, and writes one JSON object per line to stdout;
 * `npm run --silent ask -- --json "question"` answers that one question so.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import type { AskResult } from '../engine/engine.ts';
import { NoArticlesError, openEngine } from '../engine/open.ts';
import { formatResult, markingFor } from './format.ts';

/**
 * The JSON line written for one question (the contract other tools read).
 * Every answer has `kind`: "passage" (a sentence matching the question),
 * "summary" (a sentence of the article's summary, for "What is this article
 * about?") or "metadata" (byline, date, publication or a cited source, with
 * `field` and `span`). A passage has `highlight`: `{start, end}`, offsets
 * into `text` of the part that answers the question, or null. A refusal has `reason` in English and `refusal`, the
 * same as data (`{ code, … }`, see `Refusal` in src/engine/engine.ts; null
 * when answered).
 */
export function toJsonLine(result: AskResult): string {
  return JSON.stringify({
    question: result.question,
    abstained: result.abstained,
    reason: result.reason,
    refusal: result.refusal ?? null,
    answers: result.answers.map((a) => ({
      kind: a.kind,
      text: a.text,
      score: a.score,
      citation: a.citation,
      matched: a.matched,
      // A passage's answering span, as offsets into `text` (null: none the engine is sure of).
      ...(a.kind === 'passage' ? { highlight: a.highlight ?? null } : {}),
      // A passage that opens by pointing back ("He …", "Das berichtet …"): the sentence before it, verbatim.
      ...(a.context ? { context: a.context } : {}),
      // A metadata answer says which field it gives and where its text stands in the source file (null: from metadata only).
      ...(a.kind === 'metadata' ? { field: a.field, span: a.span ?? null } : {}),
    })),
  });
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      corpus: { type: 'string' },
      limit: { type: 'string' },
      article: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (values.help) {
    console.log('Usage: npm run ask -- [--corpus DIR] [--limit N] [--article ID] "question"\n       npm run --silent ask -- --json [--corpus DIR] [--limit N] ["question" | < questions.txt]');
    return 0;
  }
  const limit = values.limit === undefined ? 3 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 25) {
    console.error(`--limit must be a whole number from 1 to 25, not "${values.limit}"`);
    return 2;
  }
  const corpusDir = values.corpus ?? loadConfig().corpusDir;
  const { engine, errors } = openEngine(corpusDir);
  for (const e of errors) console.error(`warning: skipped ${e.message}`);
  const options = { limit, articleId: values.article };

  // A question on the command line is answered as one JSON line; without one, questions are read from stdin.
  if (values.json && positionals.join(' ').trim()) {
    process.stdout.write(toJsonLine(engine.ask(positionals.join(' '), options)) + '\n');
    return 0;
  }
  if (values.json) {
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of lines) process.stdout.write(toJsonLine(engine.ask(line, options)) + '\n');
    return 0;
  }
  const question = positionals.join(' ');
  if (!question.trim()) {
    console.error('Ask a question, e.g.: npm run ask -- "Who succeeded Bezos?"');
    return 2;
  }
  console.log(formatResult(engine.ask(question, options), undefined, { marking: markingFor(process.stdout) }));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof ConfigError || err instanceof NoArticlesError ? err.message : err);
    process.exit(1);
  },
);
