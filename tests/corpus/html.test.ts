/**
 * HTML pages: made-up German and English news pages that look like real ones
 * (navigation, cookie banner, related links, comments, newsletter boxes,
 * JSON-LD, OpenGraph), a login wall and a cookie page
 * (tests/corpus/fixtures/html).
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestHtml, readHtmlArticle } from '../../src/corpus/html.ts';
import { isoDate } from '../../src/corpus/pageMeta.ts';
import { loadArticleFile, loadCorpus } from '../../src/corpus/load.ts';
import { isCorpusFile } from '../../src/corpus/watch.ts';
import { openEngine } from '../../src/engine/open.ts';

const DIR = new URL('./fixtures/html/', import.meta.url).pathname;
const fixture = (name: string) => readFileSync(join(DIR, name), 'utf8');

/** Words of the page around the article that no sentence may hold. */
const AROUND_DE = ['Cookies', 'Alle akzeptieren', 'Startseite', 'Suchbegriff', 'Abo abschließen', 'Hafenfreund62', 'Steuerzahler', 'Kurzarbeit für 300', 'Impressum', 'Newsletter', 'Lesezeit', 'Werft meldet', 'Teilen'];
const AROUND_EN = ['cookies', 'Accept all', 'Subscribe', 'Sign up', 'riverwatcher', 'roads in this town', 'Otters return', 'Leave a Reply', 'All rights reserved', 'Advertisement', 'Share on', 'River pollution'];

describe('a German news page', () => {
  const article = loadArticleFile(join(DIR, 'hafen-terminal.html'));
  const roles = article.sentences.map((s) => [s.role, s.text]);

  it('takes metadata from JSON-LD first, then OpenGraph and <meta>', () => {
    expect(article.meta).toEqual({
      id: 'hafen-terminal',
      // JSON-LD's headline and publisher, not og:title's or og:site_name's
      title: 'Neues Containerterminal soll 2027 in Betrieb gehen',
      kicker: 'Hafenausbau',
      publisher: 'Hansestädter Tageblatt',
      byline: 'Jana Petersen, Ole Hansen',
      language: 'de',
      // the canonical address, not og:url with its tracking parameter
      url: 'https://www.hansestaedter-tageblatt.example/wirtschaft/hafenausbau-neues-containerterminal-2027-a48213.html',
      date: '2024-03-12T06:30:00+01:00',
    });
  });
  it('keeps headline, teaser, subheads, captions and body with their roles', () => {
    expect(roles[0]).toEqual(['headline', 'Neues Containerterminal soll 2027 in Betrieb gehen']);
    expect(roles.filter(([r]) => r === 'teaser').map(([, t]) => t)).toEqual(['Stadt und Hafenbetreiber einigen sich auf den Bau eines neuen Terminals am Nordkai.', 'Kritiker warnen vor steigenden Kosten.']);
    expect(roles.filter(([r]) => r === 'subhead').map(([, t]) => t)).toEqual(['Kritik von Umweltverbänden', 'Zehn Jahre Planung']);
    expect(roles).toContainEqual(['caption', 'So soll das Terminal aussehen: eine Simulation des Betreibers.']);
    expect(roles).toContainEqual(['body', 'Kiel (dpa) - Der Hafen der Stadt bekommt ein neues Containerterminal.']);
    expect(roles).toContainEqual(['body', 'Die Bauarbeiten sollen am 3. Oktober beginnen, dem Tag, an dem auch der alte Fährbetrieb endet.']);
    expect(roles).toContainEqual(['body', 'Er forderte einen unabhängigen Gutachter, der die Planung bis zur 2. Lesung im Stadtrat prüfen solle.']);
  });
  it('leaves out navigation, cookie banner, related links, comments, newsletter box, byline row and credits', () => {
    for (const s of article.sentences) for (const word of AROUND_DE) expect(s.text, word).not.toContain(word);
    expect(article.sentences.some((s) => s.text.includes('Grafik: Nordhafen'))).toBe(false);
    expect(article.sentences.filter((s) => s.text === 'Hafenausbau')).toEqual([]);
  });
  it('quotes from the article text Readability extracted: every sentence is a substring of it', () => {
    expect(article.sourceKind).toBe('html');
    expect(article.source.startsWith('Neues Containerterminal soll 2027 in Betrieb gehen\n\n')).toBe(true);
    expect(article.source).not.toContain('<');
    for (const s of article.sentences) expect(article.source.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('an English news page', () => {
  const article = loadArticleFile(join(DIR, 'river-dam.html'));
  const roles = article.sentences.map((s) => [s.role, s.text]);

  it('reads JSON-LD inside @graph with an array @type, before OpenGraph and <meta name="author">', () => {
    expect(article.meta).toMatchObject({
      title: 'Town votes to remove century-old dam to save salmon run',
      publisher: 'The Valley Courier',
      byline: 'Priya Raman',
      language: 'en',
      url: 'https://valleycourier.example/news/2023/09/05/millers-weir-dam-removal/',
      date: '2023-09-05T07:00:00+00:00',
    });
  });
  it('keeps the article with roles and leaves the page around it out', () => {
    expect(roles).toContainEqual(['teaser', "Councillors back a £14m plan to tear down the Miller's Weir dam, the last barrier on the river."]);
    expect(roles).toContainEqual(['subhead', 'Opposition from anglers']);
    expect(roles).toContainEqual(['body', 'The council will contribute £2.1m, a spokesperson said.']);
    expect(roles).toContainEqual(['body', expect.stringMatching(/^"This is the single biggest thing we can do for the river," said Dr\. Helen Marsh/)]);
    for (const s of article.sentences) for (const word of AROUND_EN) expect(s.text, word).not.toContain(word);
  });
});

describe('pages with no article', () => {
  it('refuses a login wall and a cookie page with a message naming the file; the rest of the corpus loads', () => {
    const dir = mkdtempSync(join(tmpdir(), 'beleg-html-'));
    for (const name of ['login-wall.html', 'cookie-wall.html', 'river-dam.html']) cpSync(join(DIR, name), join(dir, name));
    const corpus = loadCorpus(dir);
    expect(corpus.articles.map((a) => a.meta.id)).toEqual(['river-dam']);
    expect(corpus.errors.map((e) => e.path)).toEqual([join(dir, 'cookie-wall.html'), join(dir, 'login-wall.html')]);
    for (const e of corpus.errors) expect(e.message).toMatch(new RegExp(`^${e.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: no article found in this page`));
  });
  it('refuses a page Readability finds nothing in', () => {
    expect(() => ingestHtml('<html><body><nav><a href="/">Home</a></nav></body></html>', { id: 'x', path: 'empty.html' })).toThrow(/^empty\.html: no article found in this page/);
  });
  it("reads a page that builds its text with scripts from its JSON-LD articleBody, paragraph by paragraph", () => {
    const ld = {
      '@type': 'NewsArticle',
      headline: 'Fähre fährt wieder nach Fahrplan',
      author: { name: 'Erika Beispiel' },
      articleBody:
        '<p>Die Fähre über die Förde fährt seit Montag wieder nach Fahrplan, teilte die Reederei mit.</p><p>Nach dem Sturm im Oktober war der Anleger wochenlang gesperrt. Die Reparatur kostete 1,2 Millionen Euro &amp; dauerte sechs Wochen.</p>',
    };
    const shell = (json: string) => `<html lang="de"><head><title>Fähre | Nordkurier</title><script type="application/ld+json">${json}</script></head><body><nav><a href="/">Startseite</a></nav><div id="app"></div><script>window.start()</script></body></html>`;
    const a = ingestHtml(shell(JSON.stringify(ld)), { id: 'faehre', path: 'faehre.html' }).article;
    expect(a.meta).toMatchObject({ title: 'Fähre fährt wieder nach Fahrplan', byline: 'Erika Beispiel' });
    expect(a.sentences.filter((s) => s.role === 'body').map((s) => s.text)).toEqual([
      'Die Fähre über die Förde fährt seit Montag wieder nach Fahrplan, teilte die Reederei mit.',
      'Nach dem Sturm im Oktober war der Anleger wochenlang gesperrt.',
      'Die Reparatur kostete 1,2 Millionen Euro & dauerte sechs Wochen.',
    ]);
    expect(new Set(a.sentences.map((s) => s.paragraph)).size).toBe(3);
    // Without a body in its JSON-LD, the same page is refused.
    expect(() => ingestHtml(shell(JSON.stringify({ ...ld, articleBody: undefined })), { id: 'faehre', path: 'faehre.html' })).toThrow(/no article found/);
  });
});

describe('readHtmlArticle (what a fetched page goes through)', () => {
  const body = '<p>Die Stadt baut bis 2027 zwanzig Kilometer Radwege, teilte die Verwaltung am Montag mit. Die Opposition spricht von Symbolpolitik und fordert eine Bürgerbefragung.</p><p>Der Stadtrat hat den Ausbau mit großer Mehrheit beschlossen. Die Kosten liegen bei zwölf Millionen Euro, davon trägt das Land die Hälfte.</p>';

  it('falls back to OpenGraph, then <meta> and <title> without the site name, and resolves a relative canonical URL', () => {
    const html = `<html lang="de"><head><title>Radwege für die Innenstadt | Stadtanzeiger</title><meta property="og:site_name" content="Stadtanzeiger"><meta name="author" content="Erika Beispiel"><meta name="date" content="2024-05-02"><link rel="canonical" href="/lokales/radwege-123.html"></head><body><article><h1>Radwege für die Innenstadt</h1>${body}</article></body></html>`;
    const page = readHtmlArticle(html, 'https://stadtanzeiger.example/a?id=123')!;
    expect(page.meta).toMatchObject({ headline: 'Radwege für die Innenstadt', publisher: 'Stadtanzeiger', byline: 'Erika Beispiel', date: '2024-05-02', language: 'de', url: 'https://stadtanzeiger.example/lokales/radwege-123.html' });
    expect(page.text.split('\n')[0]).toBe('Radwege für die Innenstadt');
    expect(page.text).toContain('Die Opposition spricht von Symbolpolitik und fordert eine Bürgerbefragung.');
  });
  it('finds the date in the markup when no <meta> states it: microdata, or a <time> in the headline\'s header', () => {
    const date = (head: string, header: string) => readHtmlArticle(`<html><head>${head}</head><body><div class="teasers"><time datetime="2019-01-01">1. Januar</time></div><article><header><h1>Radwege für die Innenstadt</h1>${header}</header>${body}</article></body></html>`)!.meta.date;
    expect(date('', '<p class="meta">Von Erika Beispiel, <time datetime="2024-05-02T09:15:00+02:00">2. Mai 2024</time></p>')).toBe('2024-05-02T09:15:00+02:00');
    expect(date('', '<span itemprop="datePublished" content="2024-05-03"></span>')).toBe('2024-05-03');
    expect(date('<meta property="article:publicationdate" content="2024-05-04">', '')).toBe('2024-05-04');
    // A time elsewhere on the page (another article's teaser) is not this article's date.
    expect(date('', '')).toBeNull();
  });
  it('reads a byline as a name, a site given as an address as its host, and takes no breadcrumb or script for a kicker', () => {
    const page = (head: string, before: string) => readHtmlArticle(`<html><head>${head}</head><body><article><div class="head">${before}<h1>Radwege für die Innenstadt</h1></div>${body}</article></body></html>`)!.meta;
    expect(page('<meta name="author" content="By Erika Beispiel March 25, 2024"><meta property="og:site_name" content="https://www.stadtanzeiger.example/">', '')).toMatchObject({ byline: 'Erika Beispiel', publisher: 'stadtanzeiger.example' });
    expect(page('', '<div class="breadcrumb"><a href="/">Startseite</a></div>').kicker).toBeNull();
    expect(page('', '<div><script>adSlots.push({ "slot": "top" });</script></div>').kicker).toBeNull();
    expect(page('', '<div><script>adSlots.push({ "slot": "top" });</script>Verkehr</div>').kicker).toBe('Verkehr');
    expect(page('', '<span class="kicker">Verkehr</span>').kicker).toBe('Verkehr');
    // A date with its time is no kicker.
    expect(page('', '<span class="date">08.03.2016 um 15:30 Uhr</span>').kicker).toBeNull();
    // A written-out date and the page's type label after it; a date before a section leaves the section.
    expect(page('', '<div class="date">October 22, 2019 report</div>').kicker).toBeNull();
    expect(page('', '<div class="date">22. Oktober 2019 Verkehr</div>').kicker).toBe('Verkehr');
    // A separator left at its end by the row it stands in is no part of it.
    expect(page('', '<div><a href="/letters">Letters to the Editor</a> | <span class="time"></span></div>').kicker).toBe('Letters to the Editor');
    expect(page('', '<div>Verkehr · 22.10.2019</div>').kicker).toBe('Verkehr');
  });
  it('takes the headline without the site\'s name after "›", also when the first <h1> is the site\'s logo', () => {
    const meta = readHtmlArticle(
      `<html><head><title>Radwege für die Innenstadt › Stadtanzeiger</title><meta property="og:title" content="Radwege für die Innenstadt › Stadtanzeiger"></head><body><h1 class="site-title"><a href="/">Stadtanzeiger</a></h1><article><h1>Radwege für die Innenstadt</h1>${body}</article></body></html>`,
    )!.meta;
    expect(meta).toMatchObject({ headline: 'Radwege für die Innenstadt', publisher: 'Stadtanzeiger' });
  });
  it('takes the longest part of a title that "»" separates when no <h1> gives the headline, and the name of a rel="author" link as the byline', () => {
    const meta = readHtmlArticle(
      `<html><head><title>Radwege für die Innenstadt » Blogs - Wissenschaft</title><meta property="og:title" content="Radwege für die Innenstadt » Blogs - Wissenschaft"></head><body><article><h1>Mehr Platz für Räder</h1><ul class="meta"><li>Von <a href="/autor/beispiel" rel="author">Erika Beispiel</a></li></ul>${body}</article><ol class="comments"><li class="comment-author"><a href="/leser" rel="external nofollow">Max Muster</a></li></ol></body></html>`,
    )!.meta;
    expect(meta.headline).toBe('Radwege für die Innenstadt');
    // The comment's author is no byline; without the author link there is none.
    const printed = (html: string) => ingestHtml(html, { id: 'rad', path: 'rad.html' }).article.meta.byline;
    const page = (author: string) => `<html lang="de"><head><title>Radwege</title></head><body><article><h1>Radwege für die Innenstadt</h1>${body}</article><div class="info">${author}</div><ol class="comments"><li class="comment-author"><a href="/leser" rel="external nofollow">Max Muster</a></li></ol></body></html>`;
    expect(printed(page('<a href="/autor/beispiel" rel="author">Erika Beispiel</a>'))).toBe('Erika Beispiel');
    expect(printed(page(''))).toBeNull();
    // A quotation mark opening the headline is no separator: »Wir schaffen das« stays whole.
    expect(readHtmlArticle(`<html><head><meta property="og:title" content="Merkel: »Wir schaffen das«"></head><body><article>${body}</article></body></html>`)!.meta.headline).toBe('Merkel: »Wir schaffen das«');
  });
  it('reads the page\'s <article> on its own when Readability took a board of teasers for the article', () => {
    const more = '<p>Die ersten Abschnitte entstehen an der Ringstraße und am Bahnhof. Dort sollen bis Ende des Jahres drei Kilometer fertig sein, sagte die Baudezernentin.</p><p>Der Fahrradclub begrüßt die Pläne, vermisst aber sichere Kreuzungen. Er will die Bauarbeiten kritisch begleiten und lädt zu einer Radtour durch die Baustellen ein.</p><p>Die Händler in der Innenstadt fürchten den Wegfall von Parkplätzen. Die Stadt verweist auf neue Stellplätze in zwei Parkhäusern am Rand der Altstadt.</p>';
    const show = (i: number) => `<div class="v-item"><h3>SENDUNG ${i}</h3><p>Der große Rückblick auf die Woche mit Gästen und Musik, Folge ${i}</p><a href="/s${i}">Mehr lesen</a></div>`;
    // The article's container has a class that sounds like a footer, so Readability passes over it.
    const html = `<html lang="de"><head><title>Radwege für die Innenstadt</title></head><body><div class="board"><h2>NEUESTE SENDUNGEN</h2>${[...Array(9).keys()].map(show).join('')}</div><div class="col-1 highfooter"><article><h1>Radwege für die Innenstadt</h1>${body}${more}</article></div></body></html>`;
    const texts = ingestHtml(html, { id: 'rad', path: 'rad.html' }).article.sentences.map((s) => s.text);
    expect(texts).toContain('Der Stadtrat hat den Ausbau mit großer Mehrheit beschlossen.');
    expect(texts.filter((t) => /Rückblick|SENDUNG/.test(t))).toEqual([]);
  });
  it('takes a standfirst marked up as a heading for the teaser when the page\'s description is its text', () => {
    const standfirst = 'Zwanzig Kilometer neue Radwege bis 2027: der Stadtrat hat entschieden.';
    const html = `<html lang="de"><head><meta name="description" content="${standfirst}"></head><body><article><h1>Radwege für die Innenstadt</h1><h2>${standfirst}</h2>${body}</article></body></html>`;
    const roles = ingestHtml(html, { id: 'rad', path: 'rad.html' }).article.sentences.map((s) => [s.role, s.text]);
    expect(roles).toContainEqual(['teaser', standfirst]);
  });
  it('credits a block quotation to the source the paragraph before it names', () => {
    const html = `<html lang="en"><head><title>Flaw crashes game servers</title></head><body><article><h1>Flaw crashes game servers</h1><p>A flaw in a popular online game makes it easy to crash the servers that host it, researchers warned on Monday. Patches are expected next week.</p><p>Developer Jane Example has released attack code, she said in a blog post. Here is how it works.</p><blockquote><p>The client may send the server data about its inventory slots. That lets us craft a packet that takes the server minutes to read.</p></blockquote><p>The company behind the game did not reply to questions on Tuesday.</p></article></body></html>`;
    const credit = (text: string) => ingestHtml(html, { id: 'flaw', path: 'flaw.html' }).article.sentences.find((s) => s.text.startsWith(text))!.attributedTo;
    expect(credit('That lets us craft a packet')).toBe('Jane Example');
    expect(credit('The client may send')).toBe('Jane Example');
    expect(credit('The company behind the game')).toBeNull();
  });
  it('reads German dates day first, and dates written out in German', () => {
    expect(isoDate('07.06.2019')).toBe('2019-06-07');
    expect(isoDate('12.10.2015, 19:16 Uhr')).toBe('2015-10-12T19:16');
    expect(isoDate('Mittwoch, 15. Mai 2019, 05:28 Uhr')).toBe('2019-05-15T05:28');
    expect(isoDate('31.02.2019')).toBeNull();
    expect(isoDate('2/26/2015')?.slice(0, 10)).toBe('2015-02-26');
    const meta = (head: string) => readHtmlArticle(`<html><head>${head}</head><body><article><h1>Radwege für die Innenstadt</h1>${body}</article></body></html>`)!.meta;
    expect(meta('<meta name="date" content="12.10.2015">').date).toBe('2015-10-12');
    // Words before a year are no date: "Buchpreis 2015" is not 1 January 2015.
    expect(isoDate('Deutscher Buchpreis 2015')).toBeNull();
  });
  it('reads a dateline printed as text in the headline\'s header', () => {
    const page = (line: string) => readHtmlArticle(`<html><head><title>Radwege</title></head><body><header><h1>Radwege für die Innenstadt</h1><div class="date">${line}</div></header><article>${body}</article></body></html>`)!.meta.date;
    expect(page('12.10.2015, 19:16 Uhr')).toBe('2015-10-12T19:16');
    expect(page('Veröffentlicht am 7. Juni 2019')).toBe('2019-06-07');
    expect(page('Deutscher Buchpreis 2015')).toBeNull();
    // Also one level further out, on a page without an <article>; a month and a year alone name no day.
    const outer = (line: string) => readHtmlArticle(`<html><head><title>Radwege</title></head><body><div class="wrap"><div class="meta">${line}</div><div class="head"><h1>Radwege für die Innenstadt</h1></div><div class="text">${body}</div></div></body></html>`)!.meta.date;
    expect(outer('12.10.2015, 19:16 Uhr')).toBe('2015-10-12T19:16');
    expect(outer('April 2014')).toBeNull();
  });
  it('takes no organisation for the byline, and the site\'s name from the <title> when no tag gives it', () => {
    const ld = (author: string) => `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Radwege für die Innenstadt","author":${author}}</script>`;
    const page = (head: string, top = '') =>
      readHtmlArticle(`<html><head><title>Radwege für die Innenstadt | Stadtanzeiger Nord</title>${head}</head><body><article>${top}<h1>Radwege für die Innenstadt</h1>${body}</article></body></html>`)!.meta;
    expect(page(ld('{"@type":"Organization","name":"Stadtanzeiger"}')).byline).toBeNull();
    expect(page(ld('{"@type":"Person","name":"Erika Beispiel"}')).byline).toBe('Erika Beispiel');
    expect(page('<meta name="author" content="Stadtanzeiger Verlag GmbH, Hamburg">').byline).toBeNull();
    // The publisher's name first, then its place: still the publisher.
    expect(page('<meta property="og:site_name" content="Stadtanzeiger Nord"><meta name="author" content="Stadtanzeiger Nord, Hamburg, Germany">').byline).toBeNull();
    expect(page('<meta property="og:site_name" content="Stadtanzeiger Nord"><meta name="author" content="Stadtanzeiger Nordmann">').byline).toBe('Stadtanzeiger Nordmann');
    expect(page('').publisher).toBe('Stadtanzeiger Nord');
    const printed = `<html><head><title>Radwege</title><meta name="author" content="Stadtanzeiger GmbH"></head><body><article><h1>Radwege für die Innenstadt</h1><p>Von Erika Beispiel, Hamburg</p>${body}</article></body></html>`;
    expect(ingestHtml(printed, { id: 'rad', path: 'rad.html' }).article.meta.byline).toBe('Erika Beispiel, Hamburg');
    expect(page('', '<div><a href="/verkehr">Verkehr</a> <span>05/08/2019</span></div>').kicker).toBe('Verkehr');
    expect(page('', '<div><a href="/verkehr">Verkehr</a> <span class="comments">0</span></div>').kicker).toBeNull();
    expect(page('', '<div><a href="/verkehr">Verkehr</a> <span>Updated</span> <time></time></div>').kicker).toBe('Verkehr');
  });
  it('takes the byline printed in the author\'s box outside the text when nothing else names the writer', () => {
    const html = (box: string, top = '') =>
      `<html lang="de"><head><title>Radwege</title></head><body><article><h1>Radwege für die Innenstadt</h1>${top}${body}</article><div class="dig-autoren"><p>${box}</p><p>DER STADTANZEIGER 52/2018</p><p>Alle Rechte vorbehalten</p></div></body></html>`;
    expect(ingestHtml(html('Von Erika Beispiel'), { id: 'rad', path: 'rad.html' }).article.meta.byline).toBe('Erika Beispiel');
    // The text's own "Von …" line comes first; a box that names no one names no one.
    expect(ingestHtml(html('Von Erika Beispiel', '<p>Von Tom Muster</p>'), { id: 'rad', path: 'rad.html' }).article.meta.byline).toBe('Tom Muster');
    expect(ingestHtml(html('Mehr von diesem Autor'), { id: 'rad', path: 'rad.html' }).article.meta.byline).toBeNull();
  });
  it('keeps a paragraph inside a <figcaption> as the caption', () => {
    const html = `<html lang="de"><head><title>Radwege</title></head><body><article><h1>Radwege für die Innenstadt</h1><figure><img src="a.jpg"><figcaption><p>Neue Radwege an der Ringstraße sollen bis 2027 fertig sein.</p></figcaption></figure>${body}</article></body></html>`;
    const roles = ingestHtml(html, { id: 'rad', path: 'rad.html' }).article.sentences.map((s) => [s.role, s.text]);
    expect(roles).toContainEqual(['caption', 'Neue Radwege an der Ringstraße sollen bis 2027 fertig sein.']);
  });
  it('takes the text of a picture box or a gallery slide without <figure> for a caption, not the article', () => {
    const box = '<div><p><a href="#"><img src="b.jpg" alt="Baudezernentin"></a></p><p>Die Baudezernentin stellte die Pläne am Montag vor</p></div>';
    const gallery = '<ul><li><p><img src="c.jpg"></p><div><h4>Radwege in Bildern</h4><h2>Die Ringstraße</h2><p>Hier entsteht der erste Abschnitt. Er soll 2025 fertig sein.</p></div></li><li><p><img src="d.jpg"></p><div><h2>Am Bahnhof</h2><p>Der zweite Abschnitt folgt ein Jahr später.</p></div></li></ul>';
    const html = `<html lang="de"><head><title>Radwege</title></head><body><article><h1>Radwege für die Innenstadt</h1>${body.replace('</p><p>', `</p>${box}<p>`)}${gallery}<p>Die Arbeiten beginnen im Frühjahr, sagte die Verwaltung.</p></article></body></html>`;
    const roles = ingestHtml(html, { id: 'rad', path: 'rad.html' }).article.sentences.map((s) => [s.role, s.text]);
    for (const text of ['Die Baudezernentin stellte die Pläne am Montag vor', 'Die Ringstraße', 'Hier entsteht der erste Abschnitt.', 'Er soll 2025 fertig sein.', 'Am Bahnhof', 'Der zweite Abschnitt folgt ein Jahr später.']) {
      expect(roles).toContainEqual(['caption', text]);
    }
    expect(roles).toContainEqual(['body', 'Der Stadtrat hat den Ausbau mit großer Mehrheit beschlossen.']);
    expect(roles).toContainEqual(['body', 'Die Arbeiten beginnen im Frühjahr, sagte die Verwaltung.']);
    // A list of bullets with icons is no gallery.
    const icons = `<html lang="de"><head><title>Radwege</title></head><body><article><h1>Radwege für die Innenstadt</h1>${body}<ul><li><img src="ok.svg"> Breitere Wege an der Ringstraße</li><li><img src="ok.svg"> Neue Ampeln am Bahnhof</li></ul></article></body></html>`;
    expect(ingestHtml(icons, { id: 'rad', path: 'rad.html' }).article.sentences.filter((s) => s.role === 'caption')).toEqual([]);
    // A container that opens with a picture and goes on with the article is no picture box.
    const lead = `<html lang="de"><head><title>Radwege</title></head><body><article><h1>Radwege für die Innenstadt</h1><div><p><img src="a.jpg"></p>${body}</div></article></body></html>`;
    expect(ingestHtml(lead, { id: 'rad', path: 'rad.html' }).article.sentences.filter((s) => s.role === 'caption')).toEqual([]);
  });
  it('opens with the lead the description repeats when it stands outside the block Readability takes', () => {
    const lead = 'Zwanzig Kilometer neue Radwege bis 2027: der Stadtrat hat entschieden.';
    const html = `<html lang="de"><head><meta name="description" content="${lead} "></head><body><header class="top-header"><h1>Radwege für die Innenstadt</h1><p class="lead">${lead}</p><div class="service"><a href="#">Teilen</a></div></header><div class="article-content">${body}<p>Die ersten Abschnitte entstehen an der Ringstraße und am Bahnhof, sagte die Baudezernentin am Dienstag im Ausschuss.</p></div></body></html>`;
    const roles = ingestHtml(html, { id: 'rad', path: 'rad.html' }).article.sentences.map((s) => [s.role, s.text]);
    expect(roles[1]).toEqual(['teaser', lead]);
    expect(roles.filter(([, t]) => t === lead)).toHaveLength(1);
  });
  it('leaves out a card that links to another article from inside this one', () => {
    const card = '<figure class="teaser"><a href="/andere-geschichte"><div class="overline">Nach dem Unfall</div><h3>Dieser Mann fordert sichere Kreuzungen</h3><p>Ein Radfahrer verlor vor einem Jahr seine Mutter. Er fordert mehr Schutz. <span>Von Erika Beispiel</span></p></a></figure>';
    const html = `<html lang="de"><head><title>Radwege</title></head><body><article><h1>Radwege für die Innenstadt</h1>${body.replace('</p><p>', `</p>${card}<p>`)}<p>Ein <a href="/plan">Plan der Stadt</a> zeigt die Strecken.</p></article></body></html>`;
    const texts = ingestHtml(html, { id: 'rad', path: 'rad.html' }).article.sentences.map((s) => s.text);
    expect(texts.filter((t) => /Kreuzungen|Radfahrer|Erika|Nach dem Unfall|fordert mehr/.test(t))).toEqual([]);
    expect(texts).toContain('Ein Plan der Stadt zeigt die Strecken.');
    expect(texts).toContain('Der Stadtrat hat den Ausbau mit großer Mehrheit beschlossen.');
  });
  it('leaves out link-only paragraphs, takes a bold paragraph for a subhead, and drops a credit line', () => {
    const html = `<html lang="en"><head><title>Cycle lanes</title></head><body><article><h1>Council approves new cycle lanes</h1><p>The council approved 20 kilometres of new cycle lanes on Tuesday, a spokesperson said after the vote.</p><p>Read more: <a href="/x">Why cities build cycle lanes</a></p><p><a href="/nl">Sign up for the newsletter here.</a></p><p><strong>What happens next</strong></p><p>Work starts in May and should end by the autumn, when the first lanes open to riders. The plan will cost £12m, of which the government pays half, and shop owners fear losing parking spaces.</p><p>Photograph by Jane Doe, City Press</p></article></body></html>`;
    const roles = ingestHtml(html, { id: 'lanes', path: 'lanes.html' }).article.sentences.map((s) => [s.role, s.text]);
    expect(roles.map(([, t]) => t).filter((t) => /Read more|newsletter|Photograph by/.test(t!))).toEqual([]);
    expect(roles).toContainEqual(['subhead', 'What happens next']);
  });
  it('takes the <h1> for the headline when og:title adds the site and a date, and no social handle for a byline', () => {
    const page = readHtmlArticle(`<html><head><meta property="og:title" content="Radwege für die Innenstadt | Stadtanzeiger | 19.01.2020"><meta property="article:author" content="@stadtanzeiger"></head><body><article><h1>Radwege für die Innenstadt</h1>${body}</article></body></html>`)!;
    expect(page.meta.headline).toBe('Radwege für die Innenstadt');
    expect(page.meta.byline).toBeNull();
  });
  it('trusts the text over a page template that declares the wrong language', () => {
    const html = `<html lang="en"><head><title>Radwege</title></head><body><article><h1>Radwege für die Innenstadt</h1>${body}</article></body></html>`;
    expect(ingestHtml(html, { id: 'rad', path: 'rad.html' }).article.meta.language).toBe('de');
  });
  it('lets a sidecar override what the page says', () => {
    const html = `<html><head><meta property="og:title" content="Radwege für die Innenstadt"><meta property="og:site_name" content="Stadtanzeiger"></head><body><article><h1>Radwege für die Innenstadt</h1>${body}</article></body></html>`;
    const a = ingestHtml(html, { id: 'rad', path: 'rad.html', meta: { publisher: 'Der Stadtanzeiger', byline: 'abc/dpa' } }).article;
    expect(a.meta).toMatchObject({ title: 'Radwege für die Innenstadt', publisher: 'Der Stadtanzeiger', byline: 'abc/dpa' });
  });
  it('reads a page in the encoding it declares, and an undeclared one that is not UTF-8 as windows-1252', () => {
    const dir = mkdtempSync(join(tmpdir(), 'beleg-html-enc-'));
    const html = (charset: string) => `<html><head>${charset}<title>Müller über Straßen</title></head><body><article><h1>Müller über Straßen</h1>${body}</article></body></html>`;
    writeFileSync(join(dir, 'latin1.html'), Buffer.from(html('<meta charset="iso-8859-1">'), 'latin1'));
    writeFileSync(join(dir, 'undeclared.html'), Buffer.from(html(''), 'latin1'));
    for (const name of ['latin1.html', 'undeclared.html']) {
      const a = loadArticleFile(join(dir, name));
      expect(a.meta.title, name).toBe('Müller über Straßen');
      expect(a.sentences.some((s) => s.text.includes('Bürgerbefragung')), name).toBe(true);
    }
  });
  it('keeps no control characters, bidi overrides or broken surrogates in metadata from the page', () => {
    const html = `<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Radwege\\u202e f\\u00fcr\\u0007 die Innenstadt","author":{"name":"Erika &#x202E;Beispiel\\ud800"}}</script></head><body><article><h1>Radwege für die Innenstadt</h1>${body}</article></body></html>`;
    const meta = readHtmlArticle(html)!.meta;
    expect(meta.headline).toBe('Radwege für die Innenstadt');
    expect(meta.byline).toBe('Erika Beispiel');
  });
  it('is a corpus file for the watcher', () => {
    expect(['a.html', 'b.htm', 'a.meta.yaml'].map(isCorpusFile)).toEqual([true, true, true]);
  });
});

describe('HTML articles in the engine and the persisted index', () => {
  it('answers with quotes from the extracted text, and the same after loading the persisted index', () => {
    const dir = mkdtempSync(join(tmpdir(), 'beleg-html-corpus-'));
    const cacheDir = mkdtempSync(join(tmpdir(), 'beleg-html-cache-'));
    cpSync(join(DIR, 'hafen-terminal.html'), join(dir, 'hafen-terminal.html'));
    cpSync(new URL('../../corpus/spiegel-gchq-aws.txt', import.meta.url).pathname, join(dir, 'spiegel-gchq-aws.txt'));
    const log = () => {};
    const first = openEngine(dir, { cacheDir, log });
    expect(first.fromCache).toBe(false);
    const answer = first.engine.ask('Wann beginnen die Bauarbeiten am Terminal?');
    expect(answer.answers[0]?.text).toBe('Die Bauarbeiten sollen am 3. Oktober beginnen, dem Tag, an dem auch der alte Fährbetrieb endet.');
    const second = openEngine(dir, { cacheDir, log });
    expect(second.fromCache).toBe(true);
    expect(second.engine.ask('Wann beginnen die Bauarbeiten am Terminal?')).toEqual(answer);
    expect(second.engine.sources('hafen-terminal')?.meta).toEqual(first.engine.sources('hafen-terminal')?.meta);
  });
});
