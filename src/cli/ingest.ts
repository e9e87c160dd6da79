/**
 * `npm run ingest -- FILE…` shows what Beleg makes of article files: the
 * metadata, every sentence it keeps with its id and role, and every line it
 * drops and why, in the page's order. This is how a person adding an article
 * sees what Beleg will quote from it.
 *
 * `--text` prints the text sentences are quoted from instead: the file's own
 * text, or for an HTML page the article text extracted from it (which the
 * persisted index keeps; no file holds it).
 *
 * `--json` prints one line per file instead:
 * `{file, articleId, meta: {headline, kicker, byline, publisher, language, url, date},
 *   sentences: [{id, role, text}], dropped: [{text, why}]}`,
 * or `{file, error}` for a file that cannot be used. The exit code is 1 when
 * any file could not be used.
 */
import { parseArgs } from 'node:util';
import { loadArticleReport } from '../corpus/load.ts';
import type { IngestReport } from '../corpus/ingest.ts';

const { values, positionals } = parseArgs({ options: { json: { type: 'boolean', default: false }, text: { type: 'boolean', default: false } }, allowPositionals: true });
if (positionals.length === 0 || (values.json && values.text)) {
  console.error('Usage: npm run ingest -- [--json | --text] FILE…   (.txt, .md, .html, .htm)');
  process.exit(2);
}

/** The JSON form of one file's ingest. */
function toJson(file: string, { article, dropped }: IngestReport) {
  const m = article.meta;
  return {
    file,
    articleId: m.id,
    meta: { headline: m.title, kicker: m.kicker, byline: m.byline, publisher: m.publisher, language: m.language, url: m.url, date: m.date },
    sentences: article.sentences.map((s) => ({ id: s.id, role: s.role, text: s.text })),
    dropped: dropped.map((d) => ({ text: d.text, why: d.why })),
  };
}

/** The readable view: metadata, then kept sentences and dropped lines in the page's order. */
function toText(file: string, { article, dropped }: IngestReport): string {
  const m = article.meta;
  const out = [`${file} → article "${m.id}"`];
  const field = (name: string, value: string | null) => out.push(`  ${name.padEnd(10)} ${value ?? '–'}`);
  field('headline', m.title);
  field('kicker', m.kicker);
  field('byline', m.byline);
  field('publisher', m.publisher);
  field('language', m.language);
  field('url', m.url);
  field('date', m.date);
  out.push('', `  kept ${article.sentences.length} sentences, dropped ${dropped.length} lines or parts of lines, in page order:`);
  const rows = [
    ...article.sentences.map((s) => ({ at: s.start, line: `  ${s.role.padEnd(8)} ${s.id.padEnd(Math.max(12, m.id.length + 6))} ${s.text}` })),
    ...dropped.map((d) => ({ at: d.start, line: `  ${'✗'.padEnd(8)} [${d.why}] ${d.text}` })),
  ].sort((a, b) => a.at - b.at);
  for (const r of rows) out.push(r.line);
  return out.join('\n');
}

let failed = false;
for (const [i, file] of positionals.entries()) {
  try {
    const report = loadArticleReport(file);
    if (values.text) process.stdout.write(report.article.source.endsWith('\n') ? report.article.source : `${report.article.source}\n`);
    else console.log(values.json ? JSON.stringify(toJson(file, report)) : `${i > 0 ? '\n' : ''}${toText(file, report)}`);
  } catch (err) {
    failed = true;
    const message = (err as Error).message;
    if (values.json) console.log(JSON.stringify({ file, error: message }));
    else console.error(`${i > 0 ? '\n' : ''}${message}`);
  }
}
process.exit(failed ? 1 : 0);
