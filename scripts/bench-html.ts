/**
 * `npm run bench:html`: linkedom against jsdom as the DOM under Readability,
 * on the HTML fixtures of tests/corpus/fixtures/html and on a 1 MB page of
 * the same kind (the German fixture with 400 comments, 300 related links and
 * an 800 KB inline script, as real news pages carry). Prints, per DOM:
 * - time to read one page (parse + Readability + blocks + metadata), median
 *   of repeated runs after a warm-up;
 * - memory: heap held by one parsed 1 MB page, and the process's peak RSS
 *   after reading it 20 times (each DOM measured in a process of its own);
 * - extraction: whether both DOMs give the same article text and metadata
 *   for every page, and how many sentences ingest keeps.
 * A benchmark, not a test: figures vary with the machine and its load.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { type DomParser, ingestHtml, linkedomParser, readHtmlArticle } from '../src/corpus/html.ts';
import type { DomDocument } from '../src/corpus/pageMeta.ts';

const FIXTURES = fileURLToPath(new URL('../tests/corpus/fixtures/html/', import.meta.url));
const URL_OF_PAGE = 'https://news.example/a/1.html';

const jsdomParser: DomParser = (html, url) => new JSDOM(html, { url: url ?? URL_OF_PAGE }).window.document as unknown as DomDocument;
const PARSERS: Record<string, DomParser> = { linkedom: linkedomParser, jsdom: jsdomParser };

/** The German fixture grown to the size of a real page: comments, link lists and an inline state script. */
function bigPage(): string {
  const base = readFileSync(join(FIXTURES, 'hafen-terminal.html'), 'utf8');
  const comments = Array.from({ length: 400 }, (_, i) => `<div class="comment"><span class="user">Leser${i}</span> <time>vor ${i} Minuten</time><p>Kommentar Nummer ${i}: Das sehe ich ganz anders, der Hafen braucht vor allem bessere Bahnanbindungen und weniger Lkw-Verkehr.</p><a>Antworten</a> <a>Melden</a></div>`).join('\n');
  const links = Array.from({ length: 300 }, (_, i) => `<li><a href="/artikel-${i}.html"><span class="kicker">Thema ${i}</span> Überschrift eines anderen Artikels Nummer ${i}</a></li>`).join('\n');
  const state = `<script>window.__STATE__ = ${JSON.stringify({ items: Array.from({ length: 9000 }, (_, i) => ({ id: i, title: `Artikel ${i}`, teaser: 'x'.repeat(60) })) })};</script>`;
  return base.replace('</main>', `<section class="more"><ul>${links}</ul></section><section class="comments">${comments}</section></main>${state}`);
}

function pages(): [string, string][] {
  const files = readdirSync(FIXTURES).filter((n) => n.endsWith('.html')).sort();
  return [...files.map((n): [string, string] => [n, readFileSync(join(FIXTURES, n), 'utf8')]), ['big page (generated)', bigPage()]];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** In a child process: heap held by one parsed big page, and peak RSS after reading it 20 times. */
function memoryChild(name: string): void {
  const parse = PARSERS[name]!;
  const html = bigPage();
  const gc = (globalThis as { gc?: () => void }).gc!;
  gc();
  const before = process.memoryUsage().heapUsed;
  const held = parse(html, URL_OF_PAGE);
  gc();
  const heldMb = (process.memoryUsage().heapUsed - before) / 1e6;
  void held;
  for (let i = 0; i < 20; i++) readHtmlArticle(html, URL_OF_PAGE, { parse });
  console.log(JSON.stringify({ heldMb, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
}

function main(): void {
  const list = pages();
  console.log('DOM under Readability: time to read a page (median ms)');
  console.log(`${'page'.padEnd(24)} ${'KB'.padStart(6)} ${'linkedom'.padStart(9)} ${'jsdom'.padStart(9)}  ratio`);
  for (const [name, html] of list) {
    const runs = html.length > 100_000 ? 7 : 30;
    const ms: Record<string, number> = {};
    for (const [dom, parse] of Object.entries(PARSERS)) {
      for (let i = 0; i < 3; i++) readHtmlArticle(html, URL_OF_PAGE, { parse });
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        readHtmlArticle(html, URL_OF_PAGE, { parse });
        times.push(performance.now() - t);
      }
      ms[dom] = median(times);
    }
    console.log(`${name.padEnd(24)} ${(html.length / 1024).toFixed(0).padStart(6)} ${ms.linkedom!.toFixed(2).padStart(9)} ${ms.jsdom!.toFixed(2).padStart(9)}  ${(ms.jsdom! / ms.linkedom!).toFixed(1)}×`);
  }

  console.log('\nMemory, big page (each DOM in its own process)');
  for (const dom of Object.keys(PARSERS)) {
    const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--memory', dom], { encoding: 'utf8' });
    if (child.status !== 0) {
      console.log(`${dom}: failed: ${child.stderr.trim().split('\n').pop()}`);
      continue;
    }
    const m = JSON.parse(child.stdout.trim().split('\n').pop()!) as { heldMb: number; peakRssMb: number };
    console.log(`${dom.padEnd(9)} heap held by one parsed page ${m.heldMb.toFixed(1)} MB, peak RSS after 20 reads ${m.peakRssMb.toFixed(0)} MB`);
  }

  console.log('\nExtraction: the same article text and metadata from both DOMs?');
  for (const [name, html] of list) {
    const [a, b] = [readHtmlArticle(html, URL_OF_PAGE, { parse: linkedomParser }), readHtmlArticle(html, URL_OF_PAGE, { parse: jsdomParser })];
    const same = JSON.stringify([a?.text, a?.meta]) === JSON.stringify([b?.text, b?.meta]);
    let kept: string;
    try {
      kept = `${ingestHtml(html, { id: 'x', path: name, url: URL_OF_PAGE }).article.sentences.length} sentences kept`;
    } catch (err) {
      kept = `refused (${(err as Error).message.replace(/^.*?: /, '').split(';')[0]})`;
    }
    console.log(`${name.padEnd(24)} ${same ? 'same' : `DIFFERENT (${a?.text.length ?? 0} vs ${b?.text.length ?? 0} characters)`}; ${kept}`);
  }
}

const at = process.argv.indexOf('--memory');
if (at >= 0) memoryChild(process.argv[at + 1]!);
else main();
