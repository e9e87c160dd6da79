/**
 * Scraped pages made up for each layout mechanism (tests/corpus/fixtures/text),
 * German and English, each with its list of chrome lines (NAME.chrome.txt):
 * no chrome line may become a sentence, the headline is the real one, and
 * the article's text keeps its roles.
 */
import { describe, expect, it } from 'vitest';
import { loadArticleReport } from '../../src/corpus/load.ts';
import { auditFile } from '../../scripts/realnews.ts';

const DIR = new URL('./fixtures/text/', import.meta.url).pathname;
const page = (name: string) => {
  const audit = auditFile(`${DIR}${name}.txt`, `${DIR}${name}.chrome.txt`);
  const { dropped } = loadArticleReport(`${DIR}${name}.txt`);
  const roles = audit.article.sentences.map((s) => [s.role, s.text]);
  const why = (text: string) => dropped.find((d) => d.text === text)?.why;
  return { audit, article: audit.article, roles, why };
};

describe('made-up scraped pages', () => {
  it('index none of their chrome lines', () => {
    for (const name of ['bruecke', 'hafenfest', 'cycle-lanes', 'wahlrecht', 'ohne-titel', 'rates', 'zugunglueck']) {
      const { audit } = page(name);
      expect(audit.indexed, name).toEqual([]);
      for (const s of audit.article.sentences) expect(audit.article.source.slice(s.start, s.end)).toBe(s.text);
    }
  });

  it('German local page: navigation, kicker, head furniture, summary bullets, chart credits, author initials', () => {
    const { article, roles, why } = page('bruecke');
    expect(article.meta).toMatchObject({ title: 'Brücke über den Kanal wird im Herbst gesperrt', kicker: 'Verkehr in der Nordstadt', byline: 'dpa', language: 'de' });
    expect(why('2. Lokales')).toBe('navigation above the headline');
    expect(why('Verkehr in der Nordstadt')).toBe('kicker (metadata)');
    // The bullets under the headline repeat subheads: the subheads stay where they stand in the text.
    expect(why('• Umleitung über die Hafenstraße')).toBe('repeated on the page');
    expect(roles).toContainEqual(['subhead', 'Umleitung über die Hafenstraße']);
    expect(roles).toContainEqual(['subhead', 'Händler fürchten um ihre Kunden']);
    // A chart's credit does not make the paragraph above it a caption.
    expect(roles).toContainEqual(['body', 'Dort soll in der 2. Woche eine zusätzliche Ampel aufgestellt werden.']);
    // The dateline stays in its sentence; the quotation stays with its speaker; the author's initials are metadata.
    expect(roles).toContainEqual(['body', 'Nordstadt (dpa) - Die Stadt sperrt die Brücke über den Kanal ab dem 3. September für drei Monate.']);
    expect(roles).toContainEqual(['body', '»Wir haben keine andere Wahl. Die Brücke ist marode«, sagte Baudezernent Tom Beispiel am Dienstag.']);
    expect(roles).toContainEqual(['body', 'Der Gewerbeverein fordert eine Entschädigung für die Zeit der Sperrung.']);
    expect(why('(abc)')).toBe('byline (metadata)');
    expect(article.sentences[0]).toMatchObject({ id: 'bruecke:1.1', role: 'headline' });
  });

  it('German page behind an ad-blocker notice: headline variants, glued kicker, video teasers, caption twice, link list, cut end', () => {
    const { article, roles, why } = page('hafenfest');
    expect(article.meta).toMatchObject({ title: 'Zehntausende feiern am Kai', kicker: 'Hafenfest 2024', byline: 'von Lisa Beispiel, Kiel' });
    expect(why('Hafenfest: Zehntausende feiern am Kai')).toBe('variant of the headline');
    expect(roles.filter(([r]) => r === 'teaser').map(([, t]) => t)).toEqual([
      'Drei Tage lang feierten Besucher aus ganz Norddeutschland am Hafen.',
      'Die Veranstalter sind zufrieden.',
      'Der Höhepunkt war das Feuerwerk am Samstag.',
    ]);
    expect(roles.filter(([, t]) => t === 'Besucher am Kai beim Feuerwerk')).toEqual([['caption', 'Besucher am Kai beim Feuerwerk']]);
    expect(why('Sperrung Kanalbrücke wird im Herbst saniert')).toBe('list of links to other pages');
    // The last of a run of headline-shaped lines, over a paragraph, is that paragraph's subhead.
    expect(roles).toContainEqual(['subhead', 'Was das Fest die Stadt kostet']);
    expect(roles[roles.length - 1]).toEqual(['body', 'Die Stadt gibt für das Fest nach eigenen Angaben rund 800.000 Euro aus, der größte Teil']);
  });

  it('English page: menu, cookie notice, byline and date row, dateline, a link box inside the article, related links after it', () => {
    const { article, roles, why } = page('cycle-lanes');
    expect(article.meta).toMatchObject({ title: 'Council approves new cycle lanes across the city centre', byline: 'By Jane Example and Tom Sample', language: 'en' });
    expect(roles).toContainEqual(['body', 'LONDON (Reuters) - The council approved 20 kilometres of new cycle lanes on Tuesday.']);
    expect(roles).toContainEqual(['body', '"We have waited a decade for this. Now it is happening," said Anna Rider, who chairs the city\'s cycling campaign.']);
    expect(why('Why the bus lanes were scrapped in 2019')).toBe('link box inside the article');
    // The article goes on after the link box.
    expect(roles).toContainEqual(['subhead', 'Opposition from shop owners']);
    expect(roles[roles.length - 1]).toEqual(['body', 'The council said deliveries would be allowed before 10 a.m.']);
    expect(why('Bus fares to rise in January')).toBe('after the article (link lists and page footer)');
  });

  it('page whose text was scraped above its headline: the headline is found by the furniture under it, another article\'s teaser is dropped', () => {
    const { article, roles, why } = page('wahlrecht');
    expect(article.meta).toMatchObject({ title: 'Das Parlament schrumpft', kicker: 'Landtag', byline: 'Von Anna Muster, Landeshauptstadt' });
    expect(article.sentences[0]).toMatchObject({ role: 'headline', id: 'wahlrecht:1.1', text: 'Das Parlament schrumpft' });
    expect(roles).toContainEqual(['body', 'Der Landtag hat am Donnerstag ein neues Wahlrecht beschlossen.']);
    expect(roles).toContainEqual(['teaser', 'Weniger Abgeordnete, größere Wahlkreise – das neue Wahlrecht verändert die nächste Landtagswahl.']);
    expect(why('Kommunalwahl 2026:Was sich für Wählerinnen und Wähler ändert')).toBe('teaser of another article');
  });

  it('English page: a skip link and menu, the author on a line of its own with a role line, a credit above its caption, a question subhead', () => {
    const { article, roles, why } = page('rates');
    expect(article.meta).toMatchObject({ title: 'Bank of England holds interest rates at 5.25%', byline: 'Jane Doe', language: 'en' });
    expect(why('Business reporter, BBC News')).toBe("author's role (metadata)");
    expect(why('Getty Images')).toBe('credit');
    expect(roles).toContainEqual(['caption', 'A woman walks past the Bank of England in the City of London']);
    expect(roles).toContainEqual(['subhead', 'What does it mean for mortgages?']);
    expect(roles[roles.length - 1]).toEqual(['body', 'Homeowners will face higher repayments.']);
  });

  it('German page: a credit in parentheses after its caption, the list of sources after the article', () => {
    const { article, roles, why } = page('zugunglueck');
    expect(article.meta.title).toBe('Zugunglück in Bayern: Mehrere Verletzte nach Entgleisung');
    expect(roles).toContainEqual(['caption', 'Rettungskräfte an der Unfallstelle: Der Zug war am Morgen entgleist.']);
    expect(why('(Quelle: Max Muster/dpa-bilder)')).toBe('credit');
    expect(roles[roles.length - 1]).toEqual(['body', 'Die Strecke bleibt bis auf Weiteres gesperrt.']);
  });

  it('page that shows no headline: no sentence is called one, the title is the first sentence, a subhead is not promoted', () => {
    const { article, roles } = page('ohne-titel');
    expect(roles.some(([r]) => r === 'headline')).toBe(false);
    expect(article.meta.title).toBe('Die Buchmesse meldet einen Besucherrekord.');
    expect(roles).toContainEqual(['subhead', 'Die Preise der Messe']);
  });
});
