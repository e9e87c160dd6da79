import { describe, expect, it } from 'vitest';
import { attribute, type AttributionInput } from '../../src/corpus/attribution.ts';

/** Sentences in one body paragraph unless given as [paragraph, text] or a full input. */
function run(
  sentences: readonly (string | [number, string] | AttributionInput)[],
  language?: string,
): (string | null)[] {
  const inputs = sentences.map((s): AttributionInput => {
    if (typeof s === 'string') return { text: s, paragraph: 1, role: 'body' };
    if (Array.isArray(s)) return { text: s[1], paragraph: s[0], role: 'body' };
    return s;
  });
  return attribute(inputs, language === undefined ? undefined : { language });
}

describe('attribute — German explicit cues', () => {
  it('"laut X"', () => {
    expect(run(['Laut Polizei wurde niemand verletzt.'])).toEqual(['Polizei']);
    expect(run(['Die Preise steigen laut dem Statistikamt Destatis weiter.'])).toEqual(['Destatis']);
  });

  it('"X zufolge"', () => {
    expect(run(['Der Feuerwehr zufolge brach das Feuer nachts aus.'])).toEqual(['Feuerwehr']);
    expect(run(['Die Zahl stieg Angaben der Stadtwerke zufolge deutlich.'])).toEqual(['Stadtwerke']);
  });

  it('"nach Angaben von X / des X / der X"', () => {
    expect(run(['Nach Angaben von Greenpeace sank der Pegel.'])).toEqual(['Greenpeace']);
    expect(run(['Nach Angaben des Unternehmens sank der Umsatz.'])).toEqual(['Unternehmen']);
    expect(run(['Der Umsatz sank nach Angaben der Firma Nordlicht um drei Prozent.'])).toEqual(['Nordlicht']);
  });

  it('"nach" without a document noun is not a cue', () => {
    expect(run(['Nach dem Spiel fuhren die Fans nach Hause.'])).toEqual([null]);
  });

  it('reporting verb with the speaker after it', () => {
    expect(run(['Der Plan sei gescheitert, schrieb die »Morgenpost«.'])).toEqual(['Morgenpost']);
    expect(run(['Am Montag erklärte die Bahn, dass alle Züge fahren.'])).toEqual(['Bahn']);
    expect(run(['Am Montag teilte das Ministerium mit, die Frist laufe ab.'])).toEqual(['Ministerium']);
  });

  it('reporting verb with the speaker before it', () => {
    expect(run(['Die Stadtverwaltung erklärte, dass die Brücke gesperrt bleibt.'])).toEqual(['Stadtverwaltung']);
    expect(run(['Acme meldete einen Rekordgewinn.'])).toEqual(['Acme']);
    expect(run(['Der Streik geht weiter, wie die Gewerkschaft Verdi mitteilte.'])).toEqual(['Verdi']);
  });

  it('more reporting verbs: "konstatierte", "vermutete", "ergänzte", "erläuterte", "bekräftigte", "meinte"', () => {
    expect(run(['„Das ist verrückt“, konstatierte Kapitänin Erika Musterfrau.'])).toEqual(['Erika Musterfrau']);
    expect(run(['Die Lage sei ernst, vermutete der Trainer Jan Kurz.'])).toEqual(['Jan Kurz']);
    expect(run(['Der Verband ergänzte, dass die Frist ende.'])).toEqual(['Verband']);
  });

  it('reflexive speech verbs count with "sich" and a quotation: "»…«, wunderte sich ein Besucher"', () => {
    expect(run(['»Interessant, dass es so viele Läden gibt«, wunderte sich ein auswärtiger Besucher.'])).toEqual(['Besucher']);
    expect(run(['Der Trainer freute sich: »Das war stark.«'])).toEqual(['Trainer']);
    // Without a quotation it is no speech.
    expect(run(['Der Trainer freute sich über den Sieg.'])).toEqual([null]);
  });

  it('split reporting verbs count when the particle closes the clause: "forderte … auf", "wies … hin", "gab … an"', () => {
    expect(run(['Bürgermeisterin Anna Berg forderte die Gäste auf, sich »eine Pause vom Alltag« zu gönnen.'])).toEqual(['Anna Berg']);
    expect(run(['Der Sprecher wies darauf hin, dass die Straße gesperrt bleibt.'])).toEqual(['Sprecher']);
    expect(run(['Am Montag gab die Polizei an, dass niemand verletzt wurde.'])).toEqual(['Polizei']);
    expect(run(['Der Streik dauert an, wie die Gewerkschaft Verdi ankündigte.'])).toEqual(['Verdi']);
    // Particle not at the clause's end: no speech.
    expect(run(['Der Verein teilte die Kosten mit der Stadt.'])).toEqual([null]);
  });

  it('a subject separated from its verb by a relative clause', () => {
    expect(run(['Der Verein Nordgarten, der 1990 gegründet wurde, erklärte, dass er weitermache.']))
      .toEqual(['Nordgarten']);
  });

  it('"heißt es" with nobody named or carried has nobody to credit', () => {
    expect(run(['Im Bericht heißt es, die Lage sei ernst.'])).toEqual([null]);
  });

  it('perfect tense: "hatte X erklärt"', () => {
    expect(run(['Zuvor hatte die Polizei erklärt, dass sie ermittle.'])).toEqual(['Polizei']);
    expect(run(['Die Polizei hatte erklärt, sie ermittle.'])).toEqual(['Polizei']);
  });

  it('speaker vs. channel: the subject of the verb, not "auf Anfrage der X"', () => {
    expect(run(['Auf Anfrage der Nachrichtenagentur dpa erklärte die Bahn, dass es keine Verspätung gebe.']))
      .toEqual(['Bahn']);
    expect(run(['Der Bürgermeister Jan Kurz sagte der Zeitung »Nordkurier«, es gebe keine Pläne.']))
      .toEqual(['Jan Kurz']);
  });

  it('"Bericht der X" names the owner of the report', () => {
    expect(run(['Laut einem Bericht des Marktforschers Nordstat Research stieg der Absatz.']))
      .toEqual(['Nordstat Research']);
    expect(run(['Laut einem Bericht der Nordstat Analytics Group lag der Anteil bei zehn Prozent.']))
      .toEqual(['Nordstat Analytics Group']);
    expect(run(['Das geht aus einer Studie des Instituts Zukunftslabor hervor.'])).toEqual(['Zukunftslabor']);
  });

  it('data nouns (Zahlen, Daten, Statistik, figures …) lead to their owner, never stand as the source', () => {
    expect(run(['Das geht aus den jüngsten Zahlen des Statistikamtes hervor.'])).toEqual(['Statistikamt']);
    expect(run(['Laut Daten von Nordstat Analytics sank der Preis.'])).toEqual(['Nordstat Analytics']);
    expect(run(['Der Statistik der Nordbahn zufolge fielen mehr Züge aus.'])).toEqual(['Nordbahn']);
    expect(run(['Sales fell, according to figures from Nordstat Analytics.'], 'en')).toEqual(['Nordstat Analytics']);
    // Ownerless and nobody carried: nobody to credit, not "Zahlen".
    expect(run(['Den jüngsten Zahlen zufolge stieg der Absatz.'])).toEqual([null]);
  });

  it('a data compound credits its first part when that is a name or acronym ("KBA-Zahlen" → KBA)', () => {
    expect(run(['Den jüngsten NSA-Zahlen zufolge stieg der Absatz.'])).toEqual(['NSA']);
    expect(run(['Den neuen Quorvo-Daten zufolge stieg der Absatz.'])).toEqual(['Quorvo']);
    expect(run(['Laut einer Nordstat-Umfrage ist die Mehrheit dafür.'])).toEqual(['Nordstat']);
    // A first part that is an everyday word names no owner.
    expect(run(['Den jüngsten Corona-Zahlen zufolge sank die Inzidenz.'])).toEqual([null]);
    expect(run(['Laut einer Online-Umfrage ist die Mehrheit dafür.'])).toEqual([null]);
  });

  it('a word that only ends like a data noun is no document ("Kandidaten")', () => {
    expect(run(['Die Kandidaten erklärten, dass sie antreten.'])).toEqual(['Kandidaten']);
  });

  it('"heißt es im Bericht" refers to the current source', () => {
    expect(run([
      'Die Firma plane einen Umzug, berichtete das »Tageblatt«.',
      'Der neue Standort liegt in Kassel, heißt es im Bericht weiter.',
    ])).toEqual(['Tageblatt', 'Tageblatt']);
    expect(run(['In einer Mitteilung des Vereins Grünhaus heißt es, der Park bleibe offen.'])).toEqual(['Grünhaus']);
  });

  it('"Das berichtet X." also credits the sentence before', () => {
    expect(run([
      'Der Konzern soll Tausende Stellen gestrichen haben.',
      'Das berichtet das »Handelsjournal«.',
    ])).toEqual(['Handelsjournal', 'Handelsjournal']);
    expect(run(['Die Messe fällt aus.', 'Dies meldet die Agentur Nordpress.'])).toEqual(['Nordpress', 'Nordpress']);
  });

  it('a back-reference does not overwrite a sentence with its own cue', () => {
    expect(run(['Laut Polizei gab es Verletzte.', 'Das berichtete die »Post«.'])).toEqual(['Polizei', 'Post']);
  });

  it('"die Zeitung" is an anaphor for the publication named before', () => {
    expect(run([
      'Der Hafen wird ausgebaut, schrieb der »Weserkurier«.',
      'Die Kosten liegen bei zwei Millionen Euro, berichtete die Zeitung unter Berufung auf Insider.',
    ])).toEqual(['Weserkurier', 'Weserkurier']);
  });

  it('"unter Berufung auf X": the reporter stays the source; X only when nobody else is known', () => {
    expect(run(['Die Bank Nordfinanz meldete unter Berufung auf Händler einen Einbruch.'])).toEqual(['Nordfinanz']);
    expect(run(['Unter Berufung auf Insider wurde der Deal bekannt.'])).toEqual(['Insider']);
  });

  it('denials are credited to the denier', () => {
    expect(run(['Die Firma Nordlicht dementierte, dass sie Daten weitergegeben habe.'])).toEqual(['Nordlicht']);
    expect(run(['Die Behörde Nordwacht erklärte, dass sie sich nicht äußern werde.'])).toEqual(['Nordwacht']);
  });

  it('pronoun speakers resolve to the current source', () => {
    expect(run(['Die Ärztin Eva Roth sagte, die Lage sei ernst.', '„Wir tun, was wir können“, sagte sie.']))
      .toEqual(['Eva Roth', 'Eva Roth']);
  });
});

describe('attribute — pronoun speakers of a known gender', () => {
  it('"vermutete sie" after a man was credited goes to the woman named since, and the carry follows her', () => {
    expect(run([
      '„Es war ein schöner Abend“, sagte Trainer Jan Kurz.',
      'Auch Stadträtin Anna Berg war gekommen.',
      'Die Zeit sei zu unruhig, vermutete sie.',
      'Umso wichtiger sei eine Pause.',
    ])).toEqual(['Jan Kurz', null, 'Anna Berg', 'Anna Berg']);
  });

  it('titles tell the gender: "Frau X", "Herr X"', () => {
    expect(run(['Das sei gut, sagte Herr Kurz.', 'Auch Frau Berg kam.', 'Sie sagte, es sei kalt.']))
      .toEqual(['Herr Kurz', null, 'Frau Berg']);
  });

  it('English "she said" / "he said"', () => {
    expect(run(['"It works," said Tom Miller.', 'Mary Jones disagreed.', '"It does not," she said.'], 'en'))
      .toEqual(['Tom Miller', null, 'Mary Jones']);
  });

  it('keeps the carried source when its gender matches, or the pronoun is plural', () => {
    expect(run(['Anna Berg sagte, Maria Klein habe recht.', 'Das sei gut, betonte sie.'])).toEqual(['Anna Berg', 'Anna Berg']);
    expect(run(['Der Verein Nordgarten erklärte, das Fest finde statt.', 'Auch Anna Berg kam.', 'Es werde schön, sagten sie.']))
      .toEqual(['Nordgarten', null, 'Nordgarten']);
  });
});

describe('attribute — direct quotations', () => {
  it('a quotation with no cue of its own goes on quoting the current speaker, also over several sentences', () => {
    expect(run(['Die Zeit sei zu unruhig, sagte Anna Berg.', '»Ich glaube, das merken auch die Kinder.«']))
      .toEqual(['Anna Berg', 'Anna Berg']);
    expect(run(['Das Projekt sei gut, sagte Anna Berg.', '»Wir haben viel gelernt.', 'Nun geht es weiter.«']))
      .toEqual(['Anna Berg', 'Anna Berg', 'Anna Berg']);
  });

  it('a quotation with nobody speaking, or a title in quotation marks, credits nobody', () => {
    expect(run(['Das sei gut, sagte Anna Berg.', 'Der Markt öffnet am Freitag.', '»Wir freuen uns.«'])).toEqual(['Anna Berg', null, null]);
    expect(run(['Das sei gut, sagte Anna Berg.', '»Sister« kam nachträglich hinzu.'])).toEqual(['Anna Berg', null]);
  });

  it('a pulled-out quotation takes the name on the credit line below it', () => {
    expect(run([
      [1, 'Die Forscher untersuchten Mäuse.'],
      [2, '«Mit etwas Übung riechen Sie den Unterschied.'],
      [2, 'Das ist erstaunlich.»'],
      [3, 'Jan Kurz, Universität Nordland'],
      [4, 'Die Studie erschien im Mai.'],
    ])).toEqual([null, 'Jan Kurz', 'Jan Kurz', null, null]);
    expect(run([[1, '"Practice makes the difference."'], [2, '— Jane Example, University of Nordland']], 'en'))
      .toEqual(['Jane Example', null]);
    // A subhead after a quotation is no credit line.
    expect(run([[1, '»Wir freuen uns.«'], [2, 'Neue Regeln für Mieter']])).toEqual([null, null]);
  });
});

describe('attribute — German carry-forward', () => {
  it('Konjunktiv I carries the current source', () => {
    expect(run([
      'Laut der Gewerkschaft Verdi ist der Streik beendet.',
      'Die Beschäftigten seien zufrieden.',
      'Man habe viel erreicht.',
    ])).toEqual(['Verdi', 'Verdi', 'Verdi']);
  });

  it('the -e third person singular next to a pronoun carries ("er plane")', () => {
    expect(run(['Der Minister Karl Brand sagte, er sei bereit.', 'Zudem plane er, früher zu gehen.']))
      .toEqual(['Karl Brand', 'Karl Brand']);
  });

  it('"Demnach", "Dem Bericht zufolge", "Laut dem Bericht" carry the current source', () => {
    expect(run([
      'Der Bahnhof wird saniert, berichtet der »Kurier«.',
      'Demnach beginnen die Arbeiten im Mai.',
      'Dem Bericht zufolge kostet das zehn Millionen.',
      'Laut dem Bericht dauert es zwei Jahre.',
    ])).toEqual(['Kurier', 'Kurier', 'Kurier', 'Kurier']);
  });

  it('"Danach" right after a source\'s figures or report carries that source; after a speaker it means "afterwards"', () => {
    expect(run(['Das geht aus den Zahlen des Statistikamtes hervor.', 'Danach kamen 300 Autos neu hinzu.']))
      .toEqual(['Statistikamt', 'Statistikamt']);
    expect(run(['Die Bahn erklärte, dass alle Züge fahren.', 'Danach gingen die Fahrgäste nach Hause.']))
      .toEqual(['Bahn', null]);
  });

  it('a plain indicative sentence ends the carry', () => {
    expect(run([
      'Laut Polizei ist die Straße gesperrt.',
      'Die Umleitung sei ausgeschildert.',
      'Die Straße verbindet zwei Dörfer.',
      'Sie wurde 1990 gebaut.',
    ])).toEqual(['Polizei', 'Polizei', null, null]);
  });

  it('a new paragraph opening with a carry cue keeps the source', () => {
    expect(run([
      [1, 'Laut Polizei ist die Straße gesperrt.'],
      [2, 'Demnach dauern die Arbeiten an.'],
      [3, 'Die Straße ist alt.'],
    ])).toEqual(['Polizei', 'Polizei', null]);
  });

  it('indirect speech after the carry ended resumes a source named in this or the previous paragraph only', () => {
    expect(run([
      [1, 'Laut Polizei ist die Straße gesperrt.'],
      [1, 'Die Straße ist alt.'],
      [2, 'Die Sperrung solle bis Mai dauern.'],
      [4, 'Das Wetter ist gut.'],
      [5, 'Es gebe keine Probleme.'],
    ])).toEqual(['Polizei', null, 'Polizei', null, null]);
  });

  it('reportative "soll … haben" alone has nobody to credit', () => {
    expect(run(['Der Konzern soll Steuern hinterzogen haben.'])).toEqual([null]);
  });

  it('plain sentences are the publication\'s own', () => {
    expect(run(['Die Brücke ist 200 Meter lang.', 'Sie wurde 1990 eröffnet.'])).toEqual([null, null]);
  });
});

describe('attribute — options', () => {
  it('defaults to German cues; "en…" selects English ones', () => {
    expect(attribute([{ text: 'Laut Polizei ist alles ruhig.', paragraph: 1, role: 'body' }])).toEqual(['Polizei']);
    expect(run(['Acme said profits rose.'], 'en-GB')).toEqual(['Acme']);
    expect(run(['Acme said profits rose.'])).toEqual([null]);
  });
});

describe('attribute — roles', () => {
  it('headlines take explicit cues only and neither give nor take the carry', () => {
    expect(attribute([
      { text: 'Streik beendet', paragraph: 1, role: 'headline' },
      { text: 'Laut Verdi ist der Streik beendet.', paragraph: 2, role: 'teaser' },
      { text: 'Foto: Die Beschäftigten seien zufrieden.', paragraph: 3, role: 'caption' },
      { text: 'Die Beschäftigten seien zufrieden.', paragraph: 4, role: 'body' },
    ])).toEqual([null, 'Verdi', null, 'Verdi']);
  });

  it('a headline or subhead "X: claim" / "Bericht der X …" credits X when the article credits X elsewhere', () => {
    expect(attribute([
      { text: 'Musterfrau: Mehr Geduld in Genf', paragraph: 1, role: 'headline' },
      { text: 'Die Gespräche gehen weiter, sagte Außenministerin Erika Musterfrau.', paragraph: 2, role: 'body' },
      { text: 'Bericht der »Morgenpost« Der Hafen wird verkauft', paragraph: 3, role: 'subhead' },
      { text: 'Der Hafen werde verkauft, schrieb die »Morgenpost«.', paragraph: 4, role: 'body' },
    ])).toEqual(['Erika Musterfrau', 'Erika Musterfrau', 'Morgenpost', 'Morgenpost']);
    // Someone the article never credits, or a topic before the colon, stays uncredited.
    expect(attribute([
      { text: 'Musterfrau: Mehr Geduld in Genf', paragraph: 1, role: 'headline' },
      { text: 'Wahl 2025: Das sind die Kandidaten', paragraph: 2, role: 'subhead' },
      { text: 'Laut Verdi ist der Streik beendet.', paragraph: 3, role: 'body' },
    ])).toEqual([null, null, 'Verdi']);
  });
});

describe('attribute — name cleanup', () => {
  it('strips articles, quotes, appositive nouns and trailing punctuation; keeps multi-word names', () => {
    expect(run(['Das berichtet die Nachrichtenagentur Nordpress.'])).toEqual(['Nordpress']);
    expect(run(['Laut dem Statistikamt Nordstat stiegen die Preise.'])).toEqual(['Nordstat']);
    expect(run(['Laut der britischen Wirtschaftszeitung »Daily Ledger« stiegen die Kurse.'])).toEqual(['Daily Ledger']);
    expect(run(['Laut „Nordwest Zeitung“ stiegen die Kurse.'])).toEqual(['Nordwest Zeitung']);
    expect(run(['Laut Sprecherin Anna Berg bleibt das Museum zu.'])).toEqual(['Anna Berg']);
    expect(run(['Laut dem Sprecher der Polizei bleibt die Straße zu.'])).toEqual(['Sprecher der Polizei']);
    expect(run(['Der Sprecher des Innenministeriums sagte, es gebe keine Hinweise.']))
      .toEqual(['Sprecher des Innenministeriums']);
    expect(run(['Nach Angaben des Ministeriums sank die Zahl.'])).toEqual(['Ministerium']);
    expect(run(['Laut der Bank of Northland steigen die Zinsen.'])).toEqual(['Bank of Northland']);
  });
});

describe('attribute — English cues', () => {
  it('"according to X"', () => {
    expect(run(['According to the news agency Reuters, the deal is done.'], 'en')).toEqual(['Reuters']);
    expect(run(['The deal is done, according to people familiar with the matter.'], 'en'))
      .toEqual(['people familiar with the matter']);
    expect(run(['According to a report by Northstat Research, sales rose.'], 'en')).toEqual(['Northstat Research']);
  });

  it('"X said", "…, X said.", "said X"', () => {
    expect(run(['Acme said profits rose.'], 'en')).toEqual(['Acme']);
    expect(run(['Profits rose, the company said.'], 'en')).toEqual(['company']);
    expect(run(['"We are pleased," said Jane Doe.'], 'en')).toEqual(['Jane Doe']);
    expect(run(['On Monday the ministry said it would not comment.'], 'en')).toEqual(['ministry']);
  });

  it('"X reported that", "reported by X", speaker vs. channel with "told"', () => {
    expect(run(['The Daily Ledger reported that the mine will close.'], 'en')).toEqual(['Daily Ledger']);
    expect(run(['The closure was reported by the newspaper Northern Echo.'], 'en')).toEqual(['Northern Echo']);
    expect(run(['Acme told the news agency Reuters that it will appeal.'], 'en')).toEqual(['Acme']);
    expect(run(['The British newspaper The Northern Echo reported the closure.'], 'en')).toEqual(['Northern Echo']);
    expect(run(['A spokesperson for the ministry said talks continue.'], 'en'))
      .toEqual(['spokesperson for the ministry']);
    expect(run(['The company, which was founded in 1990, said it would appeal.'], 'en')).toEqual(['company']);
  });

  it('"the newspaper" and "the report" refer back; plain sentences end the carry', () => {
    expect(run([
      'The mine will close, the Northern Echo reported.',
      'About 300 jobs are at risk, the newspaper wrote.',
      'The report said talks continue.',
      'The mine opened in 1950.',
    ], 'en')).toEqual(['Northern Echo', 'Northern Echo', 'Northern Echo', null]);
  });

  it('keeps a middle initial in the name and passes over an adverb before the verb', () => {
    expect(run(['"Israel is not the issue," said Robert M. Danin, a senior fellow.'], 'en')).toEqual(['Robert M. Danin']);
    expect(run(['The minister strongly warned against a bad deal.'], 'en')).toEqual(['minister']);
    expect(run(['The new app now reports that the boards are fake.'], 'en')).toEqual(['new app']);
  });

  it('takes a pronoun speaker for the person of its gender named before it in the same sentence', () => {
    expect(run(['Servers can be crashed, researchers warned on Monday.', 'Developer Jane Example has released attack code, she said.'], 'en'))
      .toEqual(['researchers', 'Jane Example']);
  });

  it('credits nobody for "we are told", an infinitive, a modal, or "added" as a participle', () => {
    expect(run(["We're told there is security footage of the theft."], 'en')).toEqual([null]);
    expect(run(['The participants were asked to say in which direction the dots had moved.'], 'en')).toEqual([null]);
    expect(run(['Each map layer added to the canvas is now handled in its own thread.'], 'en')).toEqual([null]);
    expect(run(['Earnest added that the remarks would be reviewed.'], 'en')).toEqual(['Earnest']);
    expect(run(['"It is a structural problem," Danin added.'], 'en')).toEqual(['Danin']);
  });

  it('"That is according to X." credits the sentence before', () => {
    expect(run(['The mine will close.', 'That is according to the Northern Echo.'], 'en'))
      .toEqual(['Northern Echo', 'Northern Echo']);
  });
});

describe('attribute — real German passage (already split into sentences)', () => {
  const passage: [number, string][] = [
    [1, 'Großbritanniens Geheimdienste sollen einen Deal mit Amazon eingegangen sein.'],
    [1, 'Das berichtet die Financial Times.'],
    [1, 'Demnach haben die Spionagebehörden Amazons Cloud-Dienst Amazon Web Service (AWS) mit der Verarbeitung von vertraulichem Material beauftragt.'],
    [1, 'Ziel sei es, die Datenanalysen und künstliche Intelligenz (KI) für die Spionage verstärkt zu nutzen, schrieb die »Financial Times«.'],
    [1, 'Bei der Vereinbarung mit der Cloud-Service-Einheit von Amazon.com werden die Daten aller Behörden vor Ort in Großbritannien gespeichert, berichtete die Zeitung unter Berufung auf mit den Gesprächen vertraute Personen.'],
    [2, 'Die britische Spionagebehörde Government Communications Headquarters, kurz GCHQ, hatte sich für ein Hochsicherheits-Cloud-System eingesetzt, das von den Schwesterdiensten MI5 und MI6 sowie von anderen Regierungsstellen bei gemeinsamen Operationen genutzt werden soll, heißt es im Bericht weiter.'],
    [2, 'Schon im Februar hatte der Abhördienst erklärt, dass sie künstliche Intelligenz einsetzen, um weltweit Muster in riesigen Datenmengen aufzudecken.'],
    [2, 'Damit sollen unter anderem Desinformation oder strafbares Material gefunden werden.'],
    [3, 'Bisher hat keine der beiden Geschäftspartner den Auftrag bestätigt: Auf Anfrage der Nachrichtenagentur Reuters erklärte GCHQ, dass es sich nicht zu Berichten über seine Geschäftsbeziehungen zu Technologieanbietern äußern würde.'],
    [3, 'AWS stand für eine Stellungnahme zunächst nicht zur Verfügung.'],
    [4, 'Amazons Cloud-Dienst AWS ist der mit Abstand größte Cloud-Dienst der Welt.'],
    [4, 'Laut einem Bericht der Synergy Research Group  lag der Marktanteil Amazons bei mehr als 30 Prozent.'],
  ];

  it('credits each sentence as the article does', () => {
    expect(run(passage)).toEqual([
      'Financial Times', // "sollen … eingegangen sein", credited by the next sentence's "Das berichtet …"
      'Financial Times',
      'Financial Times', // "Demnach" carry
      'Financial Times',
      'Financial Times', // "die Zeitung" → the publication named before
      'Financial Times', // "heißt es im Bericht weiter"
      // The agency's own earlier statement: "der Abhördienst" stands for the
      // organisation the sentence before opened with ("…, kurz GCHQ,"), not the newspaper.
      'GCHQ',
      null,
      'GCHQ', // speaker of "erklärte", not the channel Reuters
      null,
      null,
      'Synergy Research Group',
    ]);
  });
});

describe('attribute — a generic institution noun names the one institution of its kind named before', () => {
  it('"die Hochschule" after "Universität X", "das Amt" after "X-Bundesamt", "the university" after "University of X"', () => {
    expect(run(['Forscher der Universität Nordland haben Mäuse untersucht.', 'Das Ergebnis sei eindeutig, wie die Hochschule mitteilte.']))
      .toEqual([null, 'Universität Nordland']);
    expect(run(['Im Mai zählte das Luftfahrt-Bundesamt 120 Flüge.', 'Das seien mehr als im Vorjahr, teilte das Amt mit.']))
      .toEqual([null, 'Luftfahrt-Bundesamt']);
    expect(run(['Researchers at the University of Nordland studied mice.', 'The effect is strong, the university said.'], 'en'))
      .toEqual([null, 'University of Nordland']);
    // Named in the same sentence, before the noun.
    expect(run(['Das Team der Universität Nordland hat Mäuse untersucht, wie die Hochschule mitteilte.'])).toEqual(['Universität Nordland']);
  });

  it('stays as written when two institutions of that kind were named, or none of that kind', () => {
    expect(run(['Forscher der Universität Nordland und der Universität Südland arbeiten zusammen.', 'Das sei neu, wie die Hochschule mitteilte.']))
      .toEqual([null, 'Hochschule']);
    expect(run(['Forscher der Universität Nordland haben Mäuse untersucht.', 'Das sei falsch, erklärte das Ministerium.']))
      .toEqual([null, 'Ministerium']);
    // Indefinite: a new institution, not the one named before.
    expect(run(['Forscher der Universität Nordland haben Mäuse untersucht.', 'Das sei falsch, erklärte eine Hochschule.']))
      .toEqual([null, 'Hochschule']);
  });
});

describe('attribute — a generic organisation noun right after the sentence that opened with that organisation', () => {
  it('"der Abhördienst" after "Die Spionagebehörde X, kurz Y, hat …" credits Y; "(Y)" and no short form too', () => {
    expect(run(['Die Spionagebehörde Nordwacht Agency, kurz NWA, hat ein Cloud-System bestellt.', 'Schon im Mai hatte der Abhördienst erklärt, dass er KI einsetze.']))
      .toEqual([null, 'NWA']);
    expect(run(['Die Behörde Nordwacht (NWA) hat ein System bestellt.', 'Später hatte der Dienst erklärt, er nutze es.'])).toEqual([null, 'NWA']);
    expect(run(['Der Geheimdienst Nordwacht hat ein System bestellt.', 'Der Dienst erklärte, er nutze es.'])).toEqual([null, 'Nordwacht']);
  });

  it('stays as written for another kind, a sentence in between, or a plural noun', () => {
    expect(run(['Die Gewerkschaft Nordverdi kritisierte den Plan.', 'Das Unternehmen erklärte, es halte daran fest.'])).toEqual([null, 'Unternehmen']);
    expect(run(['Der Geheimdienst Nordwacht hat ein System bestellt.', 'Das System ist teuer.', 'Der Dienst erklärte, er nutze es.']))
      .toEqual([null, null, 'Dienst']);
    expect(run(['Die Spionagebehörden Nordwacht und Südwacht haben ein System bestellt.', 'Der Dienst erklärte, er nutze es.'])).toEqual([null, 'Dienst']);
  });
});

describe('attribute — one person named in full, then by surname', () => {
  it('the surname alone credits the person named in full earlier (German and English)', () => {
    expect(run(['Die Gespräche gehen weiter, sagte Außenministerin Erika Musterfrau.', [3, '„Wir brauchen Geduld“, betonte Musterfrau.']])).toEqual(['Erika Musterfrau', 'Erika Musterfrau']);
    expect(run(['The talks will go on, said minister Jane Example.', [3, '"We need patience," Example said.']], 'en')).toEqual(['Jane Example', 'Jane Example']);
  });

  it('a surname nobody was named in full with stays as written', () => {
    expect(run(['„Wir brauchen Geduld“, betonte Musterfrau.'])).toEqual(['Musterfrau']);
  });
});
