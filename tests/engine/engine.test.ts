import { describe, expect, it } from 'vitest';
import { ingestArticle } from '../../src/corpus/ingest.ts';
import { createEngine, MAX_QUESTION_LENGTH } from '../../src/engine/engine.ts';
import { SEED_SOURCE, loadSeed } from '../seed.ts';

describe('engine on small made-up articles', () => {
  const a = ingestArticle('Bäckerei schließt nach 80 Jahren\n\nDie Bäckerei Krume schließt im Mai. Der Inhaber geht in Rente.\n', { id: 'baeckerei', path: 'b.txt' });
  const b = ingestArticle('Hafen wächst\n\nDer Hafen meldet mehr Container. Die Zahl stieg um 12 Prozent.\n', { id: 'hafen', path: 'h.txt' });
  const engine = createEngine([a, b]);

  it('answers with verbatim sentences and their citations', () => {
    const r = engine.ask('Wann schließt die Bäckerei Krume?');
    expect(r.abstained).toBe(false);
    expect(r.answers[0]!.text).toBe('Die Bäckerei Krume schließt im Mai.');
    expect(r.answers[0]!.citation).toMatchObject({ articleId: 'baeckerei', paragraph: 2, sentence: 1, role: 'body' });
    expect(r.answers[0]!.matched).toContainEqual({ question: 'Bäckerei', article: 'Bäckerei' });
  });
  it('limits answers and filters by article', () => {
    expect(engine.ask('Bäckerei Hafen Container', { limit: 1 }).answers).toHaveLength(1);
    expect(engine.ask('Hafen', { articleId: 'baeckerei' }).abstained).toBe(true);
    expect(engine.ask('Hafen', { articleId: 'nope' }).reason).toMatch(/no article "nope"/);
  });
  it('abstains with a reason on empty, word-less and over-long questions', () => {
    expect(engine.ask('   ').reason).toMatch(/empty/);
    expect(engine.ask('?!').abstained).toBe(true);
    expect(engine.ask('x'.repeat(MAX_QUESTION_LENGTH + 1)).reason).toMatch(/too long/);
  });
  it('lists articles with metadata', () => {
    expect(engine.articles().map((m) => m.id)).toEqual(['baeckerei', 'hafen']);
  });
});

describe('a quote that points back at the sentence before it', () => {
  const text = 'Neue Chefin im Rathaus\n\nAnna Berg übernimmt am Montag das Bauamt der Stadt. Sie ist mit 31 Jahren die jüngste Amtsleiterin im Land. Der Stadtrat hatte sie einstimmig gewählt.\n\nEr ist 40 Jahre alt.\n';
  const engine = createEngine([ingestArticle(text, { id: 'rathaus', path: 'r.txt' })]);

  it('carries that sentence, verbatim, as the answer\'s context', () => {
    const r = engine.ask('Wer ist die jüngste Amtsleiterin?', { limit: 5 });
    const sie = r.answers.find((a) => a.text.startsWith('Sie ist'))!;
    expect(sie.context).toEqual({ text: 'Anna Berg übernimmt am Montag das Bauamt der Stadt.', sentenceId: 'rathaus:2.1' });
    expect(text.includes(sie.context!.text)).toBe(true);
  });
  it('gives none to a sentence that opens with a name, and none from the headline', () => {
    const r = engine.ask('Wann übernimmt Anna Berg das Bauamt?', { limit: 5 });
    expect(r.answers.find((a) => a.text.startsWith('Anna Berg'))!.context).toBeUndefined();
    // "Er ist …" opens paragraph 3: its context is the last sentence of paragraph 2, not the headline.
    const er = engine.ask('Wer ist 40 Jahre alt?', { limit: 5 }).answers.find((a) => a.text.startsWith('Er ist'))!;
    expect(er.context?.sentenceId).toBe('rathaus:2.3');
  });
});

describe('engine on the seed article', () => {
  const { article } = loadSeed();
  const engine = createEngine([article]);

  it('puts the Andy Jassy sentence first for "Who succeeded Bezos?"', () => {
    const r = engine.ask('Who succeeded Bezos?');
    expect(r.answers[0]!.text).toContain('Andy Jassy weiter');
    expect(r.answers[0]!.citation).toMatchObject({ publisher: 'DER SPIEGEL', byline: 'jlk/Reuters', paragraph: 8, sentence: 4 });
  });
  it('never returns page chrome, whatever is asked', () => {
    for (const q of ['Merkliste speichern', 'Jetzt anmelden registrieren', 'SPIEGEL-Konto', 'Wiedergabe unterbrochen', 'Mehrfachnutzung Geräte Angebote', 'Foto Salvador Rodriguez', 'Mehr lesen über', 'jlk Reuters']) {
      for (const a of engine.ask(q, { limit: 25 }).answers) {
        expect(a.text).not.toMatch(/Merkliste|anmelden|registrieren|Konto|Wiedergabe|Mehrfachnutzung|Angeboten|Foto:|Mehr lesen|jlk\/Reuters/);
      }
    }
  });
  it('quotes only verbatim substrings of the source file', () => {
    for (const q of ['Wo werden die Daten gespeichert?', 'AWS Marktanteil', 'Who did GCHQ partner with?', 'künstliche Intelligenz']) {
      for (const a of engine.ask(q, { limit: 25 }).answers) expect(SEED_SOURCE.includes(a.text)).toBe(true);
    }
  });
});

describe('engine.summarize and engine.sources on the seed article', () => {
  const { article } = loadSeed();
  const engine = createEngine([article]);

  it('summarises in reading order with citations, never the headline', () => {
    const s = engine.summarize();
    expect(s.title).toBe('Britischer Geheimdienst schließt Deal mit Amazon');
    expect(s.sentences).toHaveLength(3);
    const paragraphs = s.sentences.map((q) => q.citation.paragraph! * 100 + q.citation.sentence!);
    expect(paragraphs).toEqual([...paragraphs].sort((a, b) => a - b));
    for (const q of s.sentences) {
      expect(q.citation.role === 'body' || q.citation.role === 'teaser').toBe(true);
      expect(SEED_SOURCE.includes(q.text)).toBe(true);
    }
  });
  it('narrows to a topic in English or German, and says when the article is silent on it', () => {
    expect(engine.summarize({ topic: 'AWS profits' }).sentences.map((q) => q.text).join(' ')).toContain('Hälfte des Nettogewinns');
    expect(engine.summarize({ topic: 'Gewinn' }).sentences.map((q) => q.text).join(' ')).toContain('Hälfte des Nettogewinns');
    const none = engine.summarize({ topic: 'Tesla' });
    expect(none.sentences).toEqual([]);
    expect(none.reason).toMatch(/nothing about "Tesla"/);
  });
  it('lists the sources the article cites', () => {
    const info = engine.sources()!;
    expect(info.meta.publisher).toBe('DER SPIEGEL');
    expect(info.cited).toEqual(expect.arrayContaining(['Financial Times', 'GCHQ', 'Synergy Research Group']));
    expect(engine.sources('nope')).toBeUndefined();
  });
});

describe('question length', () => {
  const engine = createEngine([loadSeed().article]);
  it('counts characters as people do (an emoji is one) and marks an unsearchable question as invalid', () => {
    const emoji = '😀'.repeat(MAX_QUESTION_LENGTH);
    expect(emoji.length).toBe(2 * MAX_QUESTION_LENGTH);
    expect(engine.ask(emoji).reason ?? '').not.toMatch(/too long/);
    const long = engine.ask('😀'.repeat(MAX_QUESTION_LENGTH + 1));
    expect(long).toMatchObject({ abstained: true, invalid: true });
    expect(long.reason).toMatch(/too long \(501 characters/);
    expect(engine.ask('What is the capital of France?')).toMatchObject({ abstained: true, invalid: false });
  });
});

describe('refusals as data', () => {
  it('gives each refusal a code and its words, beside the English reason', async () => {
    const { openEngine } = await import('../../src/engine/open.ts');
    const { SEED_DIR } = await import('../seed.ts');
    const engine = openEngine(SEED_DIR).engine;
    expect(engine.ask('What is the capital of France?')).toMatchObject({ refusal: { code: 'not-mentioned', words: ['France'] }, reason: 'The article does not mention "France".' });
    expect(engine.ask('   ')).toMatchObject({ refusal: { code: 'empty' }, invalid: true });
    expect(engine.ask('x'.repeat(600))).toMatchObject({ refusal: { code: 'too-long', length: 600, max: 500 }, invalid: true });
    expect(engine.ask('Bezos', { articleId: 'nope' })).toMatchObject({ refusal: { code: 'unknown-article', articleId: 'nope' } });
    expect(engine.ask('Who succeeded Bezos?')).toMatchObject({ refusal: null, abstained: false });
  });
});
