/**
 * The line rules of chrome.ts, each on made-up lines of its kind (German and
 * English), and on article lines of the same shape that must stay.
 */
import { describe, expect, it } from 'vitest';
import { bylineOf, datelineAgencyOf, dateRowOf, lineChromeWhy, trailingCreditAt } from '../../src/corpus/chrome.ts';

const kind = (line: string) => lineChromeWhy(line);

describe('line rules', () => {
  it('drops notes on where a piece comes from or where to read the rest, not news about a report or a product', () => {
    for (const line of ['Dieser Beitrag stammt aus Ausgabe 7/2019 der Zeitschrift Beispiel.', 'Das Heft ist ab 20.06.2019 im Handel erhältlich.', 'Den kompletten Beitrag lesen Sie in der neuen Ausgabe.', 'This article originally appeared in The Example Review.', 'In dieser Rubrik stellen wir immer dienstags verblüffende Zahlen aus Wissenschaft und Technik vor.', 'In this series, we explain how cities pay for their roads.']) {
      expect(kind(line), line).toBe('note on the publication');
    }
    for (const line of ['Der Bericht stammt aus dem Innenministerium und liegt der Zeitung vor.', 'Das neue Modell ist ab Juni im Handel erhältlich, kostet aber 200 Euro mehr.', 'In dieser Serie ging es der Mannschaft lange gut.']) expect(kind(line), line).toBeNull();
  });
  it('drops a link to another article behind its label, and a credit written "Photo by …"', () => {
    expect(kind('Read more: Why cities build cycle lanes')).toBe('link to another article');
    expect(kind('Lesen Sie auch: Warum Städte Radwege bauen')).toBe('link to another article');
    expect(kind('Photograph by Jane Doe, City Press')).toBe('credit');
    expect(kind('Photographs by the team show the island recovering after the goats left.')).toBeNull();
  });
  it('drops button labels that show, hide or ask for feedback', () => {
    for (const line of ['mehr anzeigen', 'Weniger anzeigen', 'Show more', 'Feedback', 'Mehr lesen']) expect(kind(line), line).toBe('menu or button');
    expect(kind('Date created : 2015-05-12')).toBe('date, time or reading-time row');
    expect(kind('Die Stadt zeigt mehr.')).toBeNull();
  });
  it('drops lines without words', () => {
    for (const line of ['+', '|', '***', '– –', '1.']) expect(kind(line), line).toBe('no words');
  });
  it('drops credits, also several labels on one line, and image file names', () => {
    expect(kind('Foto: Erika Beispiel/dpa')).toBe('credit');
    expect(kind('Daten: Statistisches Amt/Grafik: abc')).toBe('credit');
    expect(kind('Quelle: Beispielinstitut')).toBe('credit');
    expect(kind('Photograph: Jane Doe/Reuters')).toBe('credit');
    expect(kind('© Max Mustermann')).toBe('credit');
    expect(kind('IMG_20230412_0815.jpg')).toBe('image file name');
    expect(kind('hafen_kran2_120324_xy')).toBe('image file name');
    expect(kind('hafen_kran2_120324_xy © Max Mustermann')).toBe('image file name and credit');
  });
  it('finds a credit after a caption on the same line, and not inside prose', () => {
    const caption = 'Kräne am Kai: Hier entsteht das Terminal. Foto: Max Mustermann/dpa';
    expect(caption.slice(trailingCreditAt(caption))).toBe('Foto: Max Mustermann/dpa');
    const en = 'Salmon leap the weir in autumn. Photograph: Sam Okafor/Valley Courier';
    expect(en.slice(trailingCreditAt(en))).toBe('Photograph: Sam Okafor/Valley Courier');
    expect(trailingCreditAt('Zellen im Riechkolben einer Maus. Bild: ©Universität – Labor Beispiel')).toBeGreaterThan(0);
    expect(trailingCreditAt('Das zeigt das Bild: Ein Mann steht vor dem Rathaus und wartet seit dem frühen Morgen auf den Bürgermeister.')).toBe(-1);
    expect(trailingCreditAt('Die Quelle: ein interner Bericht der Behörde.')).toBe(-1);
  });
  it('finds a photographer and agencies in parentheses after a caption, not a signature or an aside', () => {
    const caption = 'The mayor visits the harbour on March 18. (Jane Doe/AFP/Getty Images)';
    expect(caption.slice(trailingCreditAt(caption))).toBe('(Jane Doe/AFP/Getty Images)');
    const de = 'Der Bürgermeister am Hafen. (Max Mustermann/dpa)';
    expect(de.slice(trailingCreditAt(de))).toBe('(Max Mustermann/dpa)');
    expect(trailingCreditAt('Die Stadt baut einen neuen Hafen. (dpa)')).toBe(-1);
    expect(trailingCreditAt('The plan was approved. (See also the report/the appendix)')).toBe(-1);
  });
  it('drops date, time and reading-time rows, with the byline in them', () => {
    for (const line of [
      '12. März 2024, 06:30 Uhr | Lesezeit: 3 Minuten',
      '03.11.2021, 14:05',
      'Lesezeit: 4 Min.',
      'Stand: 12.03.2024 09:15 Uhr',
      ' date 2022-07 Hamburg',
      'Updated: 5 September 2023 at 10:02 BST',
      'Mittwoch, 13.03.2024',
      'vor 2 Stunden',
    ]) {
      expect(kind(line), line).toMatch(/date|time/);
    }
    expect(dateRowOf('Von Anna Muster | 12.03.2024, 06:30 Uhr | Lesezeit: 3 Min.')).toEqual({ byline: 'Von Anna Muster' });
    expect(dateRowOf('By Jane Example · 5 September 2023')).toEqual({ byline: 'By Jane Example' });
    expect(dateRowOf('2/26/2015 7:11 AM PST BY JANE EXAMPLE')).toEqual({ byline: 'BY JANE EXAMPLE' });
    expect(dateRowOf('12.03.2024, 06:30 Uhr von Anna Muster')).toEqual({ byline: 'von Anna Muster' });
    // A sentence that starts with a date is article text.
    expect(kind('Am 12. März 2024 hat der Stadtrat den Ausbau des Hafens beschlossen.')).toBeNull();
    expect(kind('Der 3. Oktober bleibt ein Feiertag')).toBeNull();
  });
  it('drops video and audio teasers that end in their running time', () => {
    expect(kind('Der Trainer erklärt seine Aufstellung für das Derby.12.05.2024 | 2:41 min')).toBe('video or audio teaser');
    expect(kind('Podcast: Was die Wahl entscheidet | 34:12')).toBe('video or audio teaser');
  });
  it('drops counts, menu words, links and labels without a value', () => {
    for (const line of ['12 Bilder', 'Kommentare (8)', 'Slideshow ( 15 images )', 'Bild 3 von 12', '1/8', '24 comments']) expect(kind(line), line).toBe('count');
    for (const line of ['Kommentare', 'Teilen', 'Startseite', '1. Startseite', 'Share', 'Sign in', 'Alle akzeptieren', 'More options']) {
      expect(kind(line), line).not.toBeNull();
    }
    expect(kind('Zur Galerie Die schönsten Bilder vom Hafenfest am Wochenende')).toBe('link to another page');
    expect(kind('Zum Video')).not.toBeNull();
    expect(kind('Mehr «Kultur»')).toBe('link to a section');
    expect(kind('More Sport')).toBe('link to a section');
    expect(kind('Erstellt:')).toBe('label without a value');
    expect(kind('Aktualisiert:')).toBe('label without a value');
  });
  it('drops prompts, offers and notices of the site', () => {
    for (const line of [
      'Bitte deaktivieren Sie Ihren Werbeblocker',
      'Für den Betrieb unseres journalistischen Angebots sind wir auf Werbung angewiesen.',
      '• Im ersten Monat für 1 € lesen',
      '• Jederzeit kündbar',
      'Sie sehen diesen Hinweis trotz Abo? Bitte laden Sie die Seite neu.',
      'Sehen Sie die Bilder des Abends in unserer Bildergalerie:',
      'We use cookies to give you the best experience on our website.',
      'Sign up to our newsletter for the day’s top stories',
      'Subscribe for unlimited access',
    ]) {
      expect(kind(line), line).not.toBeNull();
    }
  });
  it('keeps article text that addresses the reader or speaks as "we"', () => {
    for (const line of [
      'Nutzer, die das Update noch nicht installiert haben, sollten dies sofort tun.',
      'Im schlimmsten Fall erhalten Angreifer Zugriff auf Ihr Gerät.',
      'Wie die Polizei auf Anfrage unserer Redaktion mitteilte, wurde niemand verletzt.',
      '»Wir müssen den Rückweg zum politischen Prozess finden«, sagte der Minister.',
      'Mehr als 90 Stände',
      'So laden Sie das Update herunter',
      'Was bedeutet das für Mieter?',
      'If you live on Mill Lane, the council says your risk of flooding will fall.',
      'The council approved 20 kilometres of new cycle lanes on Tuesday.',
      'Die Parteien teilen die Einschätzung.',
      'The player was injured.',
      'Der Dienst kostet im ersten Monat 4,99 Euro, danach steigt der Preis auf 12,99 Euro.',
      'Wir haben der Regierung ein Angebot gemacht, sagte der Gewerkschaftschef.',
    ]) {
      expect(kind(line), line).toBeNull();
    }
  });
});

describe('bylines', () => {
  it('reads "Von X" forms, also lower case, with several names and a place', () => {
    expect(bylineOf('Von Anna Muster')).toBe('Von Anna Muster');
    expect(bylineOf('von Tom Beispiel, Hamburg')).toBe('von Tom Beispiel, Hamburg');
    expect(bylineOf('Von Lisa von der Au, Jan Paul-Meier und Ole Hansen, Berlin')).not.toBeNull();
    expect(bylineOf('Text: Anna Muster')).not.toBeNull();
    // A genre before "von" / "by": a guest contribution, a comment, an analysis.
    expect(bylineOf('Gastbeitrag von Anna Muster und Tom Beispiel')).toBe('Gastbeitrag von Anna Muster und Tom Beispiel');
    expect(bylineOf('Ein Kommentar von Anna Muster')).not.toBeNull();
    expect(bylineOf('Analysis by Jane Doe')).not.toBeNull();
    expect(bylineOf('Kommentar von gestern')).toBeNull();
  });
  it('reads "X, dpa", "(dpa)" and initials with agencies', () => {
    expect(bylineOf('Anna Muster, dpa')).toBe('Anna Muster, dpa');
    expect(bylineOf('Anna Muster und Tom Beispiel, AFP/dpa')).not.toBeNull();
    expect(bylineOf('(dpa)')).toBe('(dpa)');
    expect(bylineOf('(dpa/lno)')).toBe('(dpa/lno)');
    expect(bylineOf('abc/dpa')).toBe('abc/dpa');
    expect(bylineOf('(Reuters)')).toBe('(Reuters)');
    expect(bylineOf('(roe)')).toBe('(roe)');
  });
  it('takes no capitalised word in parentheses for an agency: a table cell such as "(Unknown)" is no signature', () => {
    for (const line of ['(Unknown)', '(None)', '(Berlin)', '(Hinweis)']) expect(bylineOf(line), line).toBeNull();
  });
  it('reads English forms', () => {
    expect(bylineOf('By Jane Example')).toBe('By Jane Example');
    expect(bylineOf('By Jane Example and Tom Sample')).not.toBeNull();
    expect(bylineOf('Reporting by Jane Example; Editing by Tom Sample')).not.toBeNull();
  });
  it('is not fooled by sentences that start like one', () => {
    for (const line of ['Von Berlin aus fährt der Zug nach Hamburg.', 'Von Montag an gilt die neue Regel', 'Von Hamburg nach Berlin', 'By the end of the year, prices rose.']) {
      expect(bylineOf(line), line).toBeNull();
    }
  });
  it('reads the agency of a dateline', () => {
    expect(datelineAgencyOf('Kiel (dpa) - Der Hafen bekommt ein neues Terminal.')).toBe('dpa');
    expect(datelineAgencyOf('LONDON (Reuters) - The Bank of England held rates.')).toBe('Reuters');
    expect(datelineAgencyOf('Die Stadt (im Norden) wächst.')).toBeNull();
  });
});
