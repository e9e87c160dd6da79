/**
 * `npm run realnews [-- DIR]`: how ingest handles real scraped news pages.
 * DIR (default `../shared/eval/realnews`) holds one folder per page,
 * `SLUG/SLUG.txt`, and beside it `SLUG.chrome.txt`, the page's chrome lines
 * one a line. For each page it prints the headline and kicker ingest found,
 * and every chrome line that became (part of) an indexed sentence.
 *
 * The check is by offsets: a chrome line is found as a whole line of the
 * page (every place it occurs), and it "became a sentence" when any indexed
 * sentence overlaps it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadArticleFile } from '../src/corpus/load.ts';
import type { Article } from '../src/corpus/types.ts';

/** One page's result. */
export interface PageAudit {
  slug: string;
  article: Article;
  /** Chrome lines of the page (as listed). */
  chrome: string[];
  /** Chrome lines that overlap an indexed sentence, each with that sentence's id. */
  indexed: { line: string; sentenceId: string }[];
}

/** The realnews folder: `$REALNEWS_DIR`, else `../shared/eval/realnews` beside the repository, else `/work/shared/eval/realnews`; null when none exists. */
export function realnewsDir(): string | null {
  const root = fileURLToPath(new URL('..', import.meta.url));
  for (const dir of [process.env.REALNEWS_DIR, resolve(root, '../shared/eval/realnews'), '/work/shared/eval/realnews']) {
    if (dir && existsSync(dir)) return dir;
  }
  return null;
}

/** The page slugs of a realnews folder (those with a chrome list and a page file). */
export function realnewsSlugs(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.chrome.txt'))
    .map((n) => n.slice(0, -'.chrome.txt'.length))
    .filter((slug) => existsSync(join(dir, slug, `${slug}.txt`)))
    .sort();
}

/** Spans of every whole-line occurrence of `line` (compared trimmed) in `source`. */
function lineSpans(source: string, line: string): [number, number][] {
  const want = line.trim();
  const out: [number, number][] = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    if (m[0].trim() === want) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

/** Ingests one page of a realnews folder and finds the chrome lines that became sentences. */
export function auditPage(dir: string, slug: string): PageAudit {
  return auditFile(join(dir, slug, `${slug}.txt`), join(dir, `${slug}.chrome.txt`), slug);
}

/** Ingests a page file and finds which of the chrome lines listed in `chromeFile` became sentences. */
export function auditFile(file: string, chromeFile: string, slug = file): PageAudit {
  const article = loadArticleFile(file);
  const chrome = readFileSync(chromeFile, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim());
  const indexed: PageAudit['indexed'] = [];
  for (const line of chrome) {
    const spans = lineSpans(article.source, line);
    if (spans.length === 0) throw new Error(`${slug}: chrome line not found as a line of the page: ${line}`);
    const hit = article.sentences.find((s) => spans.some(([a, b]) => s.start < b && s.end > a));
    if (hit) indexed.push({ line: line.trim(), sentenceId: hit.id });
  }
  return { slug, article, chrome, indexed };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? realnewsDir();
  if (!dir) {
    console.error('No realnews folder found; pass one: npm run realnews -- DIR');
    process.exit(2);
  }
  let total = 0;
  let lines = 0;
  for (const slug of realnewsSlugs(dir)) {
    const a = auditPage(dir, slug);
    total += a.indexed.length;
    lines += a.chrome.length;
    const m = a.article.meta;
    console.log(`${slug}: ${a.article.sentences.length} sentences, ${a.indexed.length}/${a.chrome.length} chrome lines indexed`);
    console.log(`  headline: ${m.title}${m.kicker ? `   (kicker: ${m.kicker})` : ''}${m.byline ? `   (byline: ${m.byline})` : ''}`);
    for (const x of a.indexed) console.log(`  chrome → ${x.sentenceId}: ${x.line.slice(0, 100)}`);
  }
  console.log(`\nchrome lines that became sentences: ${total} of ${lines}`);
}
