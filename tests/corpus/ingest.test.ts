import { describe, expect, it } from 'vitest';
import { bylineOf, isChromeLine, isCreditLine, isFooterMarker, lineChromeWhy } from '../../src/corpus/chrome.ts';
import { ingestArticle } from '../../src/corpus/ingest.ts';
import { SEED_SOURCE, loadSeed } from '../seed.ts';

/** A made-up German page with the usual chrome of a news site. */
const GERMAN_PAGE = `Stadtrat beschließt neue Radwege

Die Stadt baut bis 2027 zwanzig Kilometer Radwege. Die Opposition spricht von Symbolpolitik.
Radfahrer auf der Hauptstraße: mehr Platz geplant

Radfahrer auf der Hauptstraße: mehr Platz geplant

Foto: Erika Beispiel, dpa

Der Stadtrat hat am Dienstag den Ausbau beschlossen. Das teilte die Verwaltung mit.

Kritik aus der Opposition

Die Kosten lägen bei 12 Mio. Euro, sagte ein Sprecher der Partei.

abc/dpa

Mehr zum Thema

Jetzt abonnieren
Lesen Sie alle Artikel mit Ihrem Abo auf allen Geräten.
Die Wiedergabe wurde unterbrochen.
Speichern Sie Artikel in Ihrer Merkliste.`;

/** A made-up English page. */
const ENGLISH_PAGE = `Council approves new cycle lanes

By Jane Example

The council approved 20 kilometres of new cycle lanes on Tuesday. Work starts in May.

Sign in to save this article to your reading list
Subscribe for unlimited access

The plan will cost £12m, a spokesperson said.

Read more
Related topics`;

describe('chrome rules', () => {
  it('recognises German and English prompts, not article prose', () => {
    for (const line of [
      'Jetzt anmelden',
      'Sie haben noch kein Konto? Jetzt registrieren',
      'Speichern Sie Ihre Lieblingsartikel in der persönlichen Merkliste.',
      'Die Wiedergabe wurde unterbrochen.',
      'Subscribe for unlimited access',
      'Sign in to save this article to your reading list',
    ]) {
      expect(isChromeLine(line), line).toBe(true);
    }
    for (const line of [
      'Der Stadtrat hat am Dienstag den Ausbau beschlossen.',
      'Sie haben den Vertrag am Montag unterschrieben.',
      'Ihre Regierung hat den Plan bestätigt.',
      'Er sagte: »Bitte beachten Sie die Regeln.«',
      'The council approved 20 kilometres of new cycle lanes on Tuesday.',
      'Kunden können ihr Konto bei der Bank kündigen, wenn die Gebühren steigen, berichtete die Zeitung.',
    ]) {
      expect(isChromeLine(line), line).toBe(false);
    }
  });
  it('recognises credits, footer headings and bylines', () => {
    expect(isCreditLine('Foto: Erika Beispiel, dpa')).toBe(true);
    expect(isCreditLine('Photo: Jane Doe/Reuters')).toBe(true);
    expect(isCreditLine('(Foto: Erika Beispiel/photocase; Bearbeitung SZ)')).toBe(true);
    expect(isCreditLine('(Der Kanzler sagte: Das Foto ist echt.)')).toBe(false);
    expect(isCreditLine('Der Kanzler sagte: Das Foto ist echt.')).toBe(false);
    expect(isFooterMarker('Mehr lesen über')).toBe(true);
    expect(isFooterMarker('Read more')).toBe(true);
    expect(isFooterMarker('Related Coverage')).toBe(true);
    expect(isFooterMarker('Recommended Stories')).toBe(true);
    for (const line of ['list of 3 items', 'list 1 of 3Why cities build cycle lanes', 'end of list']) expect(lineChromeWhy(line), line).toBe('list label for screen readers');
    expect(lineChromeWhy('— Erika Beispiel (@erika) July 3, 2019')).toBe('signature of an embedded post');
    expect(lineChromeWhy('— Erika Beispiel (@erika_b) 3. Juli 2019')).toBe('signature of an embedded post');
    expect(lineChromeWhy('— and then, she said, the council (@council) would decide.')).toBeNull();
    for (const line of ['This document is subject to copyright. Apart from any fair dealing, no part may be reproduced.', 'Alle Rechte vorbehalten', 'Citation: New cycle lanes (2019, October 22) retrieved 22 October 2019 from https://example.org/news/lanes.html']) {
      expect(lineChromeWhy(line), line).toBe('legal or citation small print');
    }
    expect(lineChromeWhy('The court said the document is subject to copyright law in all member states.')).toBeNull();
    expect(isFooterMarker('Related news')).toBe(true);
    expect(isFooterMarker('Mehr lesen über die Pläne der Regierung kann man im Bericht.')).toBe(false);
    expect(bylineOf('jlk/Reuters')).toBe('jlk/Reuters');
    expect(bylineOf('dpa/AFP')).toBe('dpa/AFP');
    expect(bylineOf('Von Anna Muster')).toBe('Von Anna Muster');
    expect(bylineOf('By Jane Example')).toBe('By Jane Example');
    expect(bylineOf('Die Einnahmen stiegen um 3/4.')).toBeNull();
  });
});

describe('a link box inside the article', () => {
  it('is dropped with its screen-reader labels, and the article goes on after it', () => {
    const items = ['Why cities build cycle lanes', 'Bus fares to rise in January', 'New bridge opens to cyclists'];
    const page = `Council approves new cycle lanes\n\nThe council approved 20 kilometres of new cycle lanes on Tuesday, a spokesperson for the city said.\n\nRecommended Stories\n\nlist of 3 items\n\n${items.map((t, i) => `list ${i + 1} of 3${t}`).join('\n\n')}\n\nend of list\n\nWork on the first lanes starts in May and should be finished by the end of next year, the council said.`;
    const texts = ingestArticle(page, { id: 'lanes', path: 'lanes.txt' }).sentences.map((s) => s.text);
    expect(texts).toContain('Work on the first lanes starts in May and should be finished by the end of next year, the council said.');
    expect(texts.some((t) => /list|Recommended|Bus fares/.test(t))).toBe(false);
  });
  it('still ends the article at a heading followed by a long run of chrome, whatever prose comes after it', () => {
    const chrome = ['12 Bilder', 'Jetzt abonnieren', 'Kommentare (8)', 'Bild 3 von 12', '24 comments', 'list of 3 items', 'end of list', '1/8', 'Jetzt anmelden'];
    const page = `Council approves new cycle lanes\n\nThe council approved 20 kilometres of new cycle lanes on Tuesday, a spokesperson for the city said.\n\nWork on the first lanes starts in May and should be finished by the end of next year.\n\nRead more\n\n${chrome.join('\n\n')}\n\nA new bridge for cyclists opened on Monday after two years of work, the mayor of the neighbouring town said.`;
    const texts = ingestArticle(page, { id: 'lanes', path: 'lanes.txt' }).sentences.map((s) => s.text);
    expect(texts.some((t) => t.includes('new bridge'))).toBe(false);
  });
});

describe('ingestArticle on made-up pages', () => {
  const de = ingestArticle(GERMAN_PAGE, { id: 'rad', path: 'rad.txt' });
  const en = ingestArticle(ENGLISH_PAGE, { id: 'lanes', path: 'lanes.txt' });
  const roles = (a: typeof de) => a.sentences.map((s) => [s.role, s.text]);

  it('keeps headline, teaser, caption once, subhead and body with roles', () => {
    expect(roles(de)).toEqual([
      ['headline', 'Stadtrat beschließt neue Radwege'],
      ['teaser', 'Die Stadt baut bis 2027 zwanzig Kilometer Radwege.'],
      ['teaser', 'Die Opposition spricht von Symbolpolitik.'],
      ['caption', 'Radfahrer auf der Hauptstraße: mehr Platz geplant'],
      ['body', 'Der Stadtrat hat am Dienstag den Ausbau beschlossen.'],
      ['body', 'Das teilte die Verwaltung mit.'],
      ['subhead', 'Kritik aus der Opposition'],
      ['body', 'Die Kosten lägen bei 12 Mio. Euro, sagte ein Sprecher der Partei.'],
    ]);
    expect(de.meta.byline).toBe('abc/dpa');
    expect(de.meta.language).toBe('de');
    expect(de.meta.title).toBe('Stadtrat beschließt neue Radwege');
  });
  it('handles an English page with a byline on top', () => {
    expect(roles(en)).toEqual([
      ['headline', 'Council approves new cycle lanes'],
      ['body', 'The council approved 20 kilometres of new cycle lanes on Tuesday.'],
      ['body', 'Work starts in May.'],
      ['body', 'The plan will cost £12m, a spokesperson said.'],
    ]);
    expect(en.meta.byline).toBe('By Jane Example');
    expect(en.meta.language).toBe('en');
  });
  it('gives offsets that slice the source to the sentence text', () => {
    for (const a of [de, en]) for (const s of a.sentences) expect(a.source.slice(s.start, s.end)).toBe(s.text);
  });
  it('reads front matter and lets it name the headline inside a glued kicker line', () => {
    const page = `---\nid: glued\nkicker: Exklusiv\nheadline: Firma kauft Konkurrenten\npublisher: Testblatt\n---\nExklusiv Firma kauft Konkurrenten\n\nDer Kauf wurde am Montag bekannt.`;
    const a = ingestArticle(page, { id: 'file-name', path: 'x.txt' });
    expect(a.meta).toMatchObject({ id: 'glued', kicker: 'Exklusiv', title: 'Firma kauft Konkurrenten', publisher: 'Testblatt' });
    expect(a.sentences.map((s) => s.text)).toEqual(['Firma kauft Konkurrenten', 'Der Kauf wurde am Montag bekannt.']);
  });
  it('drops a note on the author after the article, when it opens with the byline\'s name', () => {
    const page = (last: string) =>
      `Council approves new cycle lanes\n\nBy Jane Example and Tom Sample\n\nThe council approved 20 kilometres of new cycle lanes on Tuesday. Work starts in May.\n\nThe plan will cost £12m, a spokesperson said.\n\n${last}\n`;
    const texts = (last: string) => ingestArticle(page(last), { id: 'lanes', path: 'lanes.txt' }).sentences.map((s) => s.text);
    expect(texts('Jane Example covers city hall.\n\nBefore that, she reported on transport for ten years.')).toEqual([
      'Council approves new cycle lanes',
      'The council approved 20 kilometres of new cycle lanes on Tuesday.',
      'Work starts in May.',
      'The plan will cost £12m, a spokesperson said.',
    ]);
    // A last paragraph about someone else stays.
    expect(texts('Jane Miller, who cycles to work, welcomed the plan.')).toContain('Jane Miller, who cycles to work, welcomed the plan.');
  });
  it('does not end the article at a word in parentheses that is no signature (a table cell)', () => {
    const page = 'Neue Zahlen zur Entwicklung\n\nDie Zahl der Entwickler stieg deutlich an. Die meisten kamen aus großen Firmen.\n\nSieben Firmen trugen mehr als die Hälfte der Änderungen bei.\n\n(None)\n\nDie Analyse zeigt, dass kleine Projekte schneller wachsen als große.\n\nAuch im nächsten Jahr wird mit mehr Beiträgen gerechnet.\n';
    const texts = ingestArticle(page, { id: 'zahlen', path: 'zahlen.txt' }).sentences.map((s) => s.text);
    expect(texts).toContain('Die Analyse zeigt, dass kleine Projekte schneller wachsen als große.');
    expect(texts).toContain('Auch im nächsten Jahr wird mit mehr Beiträgen gerechnet.');
  });
});

describe('the seed article', () => {
  const { article } = loadSeed();
  const texts = article.sentences.map((s) => s.text);

  it('loads its sidecar metadata', () => {
    expect(article.meta).toMatchObject({
      publisher: 'DER SPIEGEL',
      kicker: 'Bericht der »Financial Times«',
      title: 'Britischer Geheimdienst schließt Deal mit Amazon',
      byline: 'jlk/Reuters',
      language: 'de',
    });
    expect(article.sentences[0]).toMatchObject({ role: 'headline', text: 'Britischer Geheimdienst schließt Deal mit Amazon' });
  });
  it('indexes no page chrome', () => {
    for (const t of texts) {
      expect(t).not.toMatch(/Merkliste|anmelden|registrieren|SPIEGEL\+|Wiedergabe|Mehrfachnutzung|Angeboten|Mehr lesen über|Foto:/);
    }
  });
  it('keeps the caption once, as a caption', () => {
    const captions = article.sentences.filter((s) => s.text === 'Amazons Cloud-Dienst AWS: besonders lukrativ');
    expect(captions).toHaveLength(1);
    expect(captions[0]!.role).toBe('caption');
  });
  it('takes the byline as metadata, not as a sentence', () => {
    expect(texts.some((t) => t.includes('jlk/Reuters'))).toBe(false);
  });
  it('keeps Amazon.com in one sentence and marks the subhead', () => {
    expect(texts.filter((t) => t.includes('Amazon.com'))).toHaveLength(1);
    expect(texts.find((t) => t.includes('Amazon.com'))).toMatch(/^Bei der Vereinbarung .* vertraute Personen\.$/);
    expect(article.sentences.find((s) => s.text === 'Geheimdienst äußert sich nicht')?.role).toBe('subhead');
  });
  it('gives stable ids across runs', () => {
    const again = loadSeed().article;
    expect(again.sentences.map((s) => s.id)).toEqual(article.sentences.map((s) => s.id));
    expect(article.sentences.find((s) => s.text.includes('Andy Jassy'))?.id).toBe('spiegel-gchq-aws:8.4');
  });
  it('quotes verbatim from the source file', () => {
    for (const s of article.sentences) {
      expect(SEED_SOURCE.slice(s.start, s.end)).toBe(s.text);
      expect(SEED_SOURCE.includes(s.text)).toBe(true);
    }
  });
});
