import { describe, expect, it } from 'vitest';
import { ingestArticle } from '../../src/corpus/ingest.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { planQuery } from '../../src/search/query.ts';
import { buildIndex } from '../../src/search/sentenceIndex.ts';
import { fakeLexicon } from './fakeLexicon.ts';

/** A made-up German article; every mechanism below is shown on it with a hand-made lexicon. */
const ARTICLE = ingestArticle(
  `Hafenbetreiber schließt Vertrag mit Zentra

Der Hafenbetreiber Nordic Port Services, kurz NPS, hat einen Vertrag mit der Firma Zentra geschlossen. Das meldet die Zeitung Kurier.
Die Reederei Blauwal kritisiert den Vertrag.
Der Marktanteil von Zentra liegt bei 40 Prozent. Im Mai übernahm Erika Beispiel die Leitung von NPS. Die Daten werden in Oslo gespeichert.
Die Hafenbehörde bestätigte die Pläne nicht. Im Hafen wurde gestern eine Bombe gefunden.`,
  { id: 'hafen', path: 'hafen.txt' },
);

const lexicon = fakeLexicon(
  {
    contract: ['vertrag', 'kontrakt'],
    signed: ['geschlossen', 'unterschrieben'],
    'market share': ['marktanteil'],
    market: ['markt'],
    share: ['anteil', 'aktie', 'teil', 'beteiligung', 'quote', 'kontingent', 'los', 'portion', 'ration', 'rate', 'stuck', 'part'],
    took: ['ubernahm', 'nahm'],
    over: ['uber'],
    management: ['leitung', 'fuhrung'],
    data: ['daten'],
    stored: ['gespeichert'],
    newspaper: ['zeitung', 'blatt'],
    reported: ['meldet', 'berichtet'],
    criticised: ['kritisiert'],
    confirm: ['bestatigen'],
    port: ['hafen'],
    authority: ['behorde'],
    plans: ['plane'],
    find: ['finden'],
    bomb: ['bombe'],
  },
  ['hafen', 'betreiber', 'behorde', 'markt', 'anteil', 'reederei', 'firma', 'leitung', 'melden', 'speichern', 'bestatigen', 'kritisieren', 'vertrag'],
  { gefunden: 'finden' },
);
const engine = createEngine([ARTICLE], { lexicon });
const index = buildIndex([ARTICLE], { lexicon });
const top = (q: string) => engine.ask(q).answers[0]?.text;

describe('query translation', () => {
  it('uses multi-word dictionary entries ("market share" → Marktanteil)', () => {
    expect(top('What is the market share of Zentra?')).toBe('Der Marktanteil von Zentra liegt bei 40 Prozent.');
  });
  it('groups translations, so a word with many does not outweigh a word with few (Pirkola)', () => {
    const plan = planQuery('share contract', index);
    const groups = plan.groups.filter((g) => !g.optional);
    expect(groups.map((g) => g.word)).toEqual(['share', 'contract']);
    expect(groups[0]!.alternatives.length).toBeGreaterThan(groups[1]!.alternatives.length);
    expect(groups.every((g) => g.weight === 1)).toBe(true);
  });
  it('keeps names, numbers and acronyms as they are', () => {
    const plan = planQuery('Did NPS sign with Zentra in 2020?', index);
    for (const word of ['NPS', 'Zentra', '2020']) {
      const g = plan.groups.find((x) => x.word === word)!;
      expect(g.isName).toBe(true);
      expect(g.alternatives[0]!.term).toBe(word.toLowerCase());
    }
  });
  it('answers English questions and German ones alike', () => {
    expect(top('Where is the data stored?')).toBe('Die Daten werden in Oslo gespeichert.');
    expect(top('Wo werden die Daten gespeichert?')).toBe('Die Daten werden in Oslo gespeichert.');
  });
  it('detects the question language', () => {
    expect(planQuery('Who took over?', index).language).toBe('en');
    expect(planQuery('Wer hat die Leitung?', index).language).toBe('de');
  });
});

describe('answer types', () => {
  it('ranks a sentence holding the asked kind of answer above one repeating the question', () => {
    // Both sentences mention NPS; only one says who took over.
    expect(top('Who took over the management of NPS?')).toBe('Im Mai übernahm Erika Beispiel die Leitung von NPS.');
    expect(engine.ask('When did Erika Beispiel take over?').answers[0]!.text).toContain('Im Mai');
  });
  it('treats a claim like a question', () => {
    expect(top('Erika Beispiel took over the management')).toBe('Im Mai übernahm Erika Beispiel die Leitung von NPS.');
  });
});

describe('dictionary lemmas', () => {
  it('joins strong verb forms the stemmer cannot ("gefunden" ↔ find → finden)', () => {
    expect(top('Did they find a bomb?')).toBe('Im Hafen wurde gestern eine Bombe gefunden.');
    const a = engine.ask('Did they find a bomb?').answers[0]!;
    expect(a.matched).toContainEqual({ question: 'find', article: 'gefunden' });
  });
});

describe('aliases learned from the corpus', () => {
  it('lets the long form reach sentences that use the acronym, and the descriptor reach the name', () => {
    const r = engine.ask('Who leads Nordic Port Services?');
    expect(r.answers.map((a) => a.text)).toContain('Im Mai übernahm Erika Beispiel die Leitung von NPS.');
    const plan = planQuery('NPS', index);
    expect(plan.groups[0]!.alternatives.map((a) => a.term)).toEqual(expect.arrayContaining(['nordic', 'port', 'servic']));
  });
  it('takes no alias through a name the word is only an inner part of ("Port" is not "Nordic Port Services")', () => {
    const aliases = (q: string, word: string) => planQuery(q, index).groups.find((g) => g.word === word)!.alternatives.filter((a) => a.via === 'alias').map((a) => a.term);
    expect(aliases('Which Port signed?', 'Port')).not.toContain('nps');
    // The name's last word, or the inner word with the name's other words, stands for the entity.
    expect(aliases('Which Services signed?', 'Services')).toContain('nps');
    expect(aliases('Did Nordic Port sign?', 'Port')).toContain('nps');
  });
});

describe('definition questions', () => {
  it('answer "What does X stand for?" with the sentence that defines X', () => {
    expect(top('What does NPS stand for?')).toMatch(/^Der Hafenbetreiber Nordic Port Services, kurz NPS/);
    expect(top('Wofür steht NPS?')).toMatch(/^Der Hafenbetreiber Nordic Port Services, kurz NPS/);
  });
});

describe('compounds', () => {
  it('matches the parts of compounds (Hafenbehörde ↔ port authority)', () => {
    expect(top('Did the port authority confirm the plans?')).toBe('Die Hafenbehörde bestätigte die Pläne nicht.');
  });
});

describe('anaphora', () => {
  it('lets "Das meldet …" match its antecedent\'s words', () => {
    expect(top('Which newspaper reported the contract?')).toBe('Das meldet die Zeitung Kurier.');
  });
});

describe('abstention', () => {
  it('never answers a question about a name the corpus never mentions without saying so', () => {
    // Refusing is a calibrated decision (a missing name weighs against answering, it is no veto): when the
    // engine answers anyway, it names what the article never mentions.
    const r = engine.ask('What is the market share of Tesla?');
    if (r.abstained) expect(r.reason).toMatch(/does not mention "Tesla"/);
    else expect(r.unmentioned).toEqual(['Tesla']);
    expect(engine.ask('What is the market share of Zentra?').unmentioned).toBeUndefined();
  });
  it('abstains on weak evidence and says what did not match', () => {
    const r = engine.ask('Wie wird das Wetter morgen?');
    expect(r.abstained).toBe(true);
    expect(r.reason).toMatch(/Wetter/);
  });
  it('does not abstain on in-scope questions', () => {
    for (const q of ['Who signed a contract with Zentra?', 'Was kritisiert die Reederei?', 'How high is the market share?']) {
      expect(engine.ask(q).abstained, q).toBe(false);
    }
  });
});

describe('explanations', () => {
  it('says which question words matched which article words', () => {
    const a = engine.ask('Where is the data stored?').answers[0]!;
    expect(a.matched).toEqual(expect.arrayContaining([{ question: 'data', article: 'Daten' }, { question: 'stored', article: 'gespeichert' }]));
  });
});
