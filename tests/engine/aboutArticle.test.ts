import { describe, expect, it } from 'vitest';
import { ingestArticle } from '../../src/corpus/ingest.ts';
import { type ArticleQuestion, articleQuestion } from '../../src/engine/aboutArticle.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { CATALOGUES, refusalText } from '../../src/i18n/index.ts';
import { loadLexicon } from '../../src/search/lexicon.ts';
import { SEED_SOURCE, loadSeed } from '../seed.ts';

const lexicon = loadLexicon();

/** Questions about the article itself, English and German, as people type them. */
const ASKED: Record<ArticleQuestion, { en: string[]; de: string[] }> = {
  summary: {
    en: ['What is this article about?', "What's it about?", 'what is the story about', 'Summarize this article', 'Give me a summary, please', 'tl;dr', 'What does the article say?', 'What happened?'],
    de: ['Worum geht es?', "Worum geht's?", 'Um was geht es in dem Artikel?', 'Fasse den Artikel kurz zusammen', 'Zusammenfassung bitte', 'Was steht im Artikel?', 'Worüber berichtet der Artikel?', 'Wovon handelt der Text?'],
  },
  byline: {
    en: ['Who wrote this?', 'Who wrote the article?', 'Who is the author?', 'Who are the authors of this piece?', 'By whom was this written?', 'byline?'],
    de: ['Wer hat das geschrieben?', 'Wer hat den Artikel verfasst?', 'Wer ist der Autor?', 'Wer ist die Autorin des Artikels?', 'Von wem ist der Artikel?'],
  },
  date: {
    en: ['When was it published?', 'When was this written?', 'When did it come out?', 'What is the date of the article?', 'How old is this article?', 'When is this from?'],
    de: ['Wann wurde der Artikel veröffentlicht?', 'Wann ist das erschienen?', 'Von wann ist der Artikel?', 'Welches Datum hat der Artikel?', 'Datum?'],
  },
  publisher: {
    en: ['Which publication is this?', 'Which newspaper?', 'What newspaper is this from?', 'Who published this?', 'Where was it published?', 'Which site did this appear on?'],
    de: ['Welche Zeitung?', 'Aus welcher Zeitung ist das?', 'In welcher Zeitung ist der Artikel erschienen?', 'Wo ist das erschienen?', 'Welches Medium hat das veröffentlicht?', 'In welchem Medium erschien der Artikel?'],
  },
  sources: {
    en: ['What are its sources?', 'What sources does the article cite?', 'Sources?', 'Who does it quote?', 'Where does the article get its information?'],
    de: ['Welche Quellen?', 'Welche Quellen nennt der Artikel?', 'Was sind die Quellen?', 'Wen zitiert der Artikel?', 'Woher stammen die Informationen?'],
  },
};

/** Questions about the article's content: they name something in it and go to retrieval. */
const CONTENT = [
  'Who wrote the report?', 'Wer hat den Bericht geschrieben?', 'Who did GCHQ partner with?', 'Which sources confirmed the deal?', 'When was the deal signed?',
  'What does the article say about AWS profits?', 'Was sagt der Artikel über den Gewinn?', 'What happened to Bezos?', 'Who succeeded Bezos?', 'Wo werden die Daten gespeichert?',
  'Who published the study?', 'Welche Zeitung berichtete über den Deal?', 'Wann wurde das Gesetz veröffentlicht?', 'What is AWS?', 'Who?', 'When?', 'Is this true?', 'Amazon',
];

describe('articleQuestion', () => {
  for (const [kind, { en, de }] of Object.entries(ASKED)) {
    it(`recognises "${kind}" questions in English and German`, () => {
      for (const q of [...en, ...de]) expect(articleQuestion(q), q).toBe(kind);
    });
  }

  it('leaves questions about the content to retrieval', () => {
    for (const q of CONTENT) expect(articleQuestion(q), q).toBeNull();
  });

  it('takes nothing long, empty or odd for a question about the article', () => {
    for (const q of ['', '   ', '?!', '@everyone who wrote this and what is the reason for the long delay in the harbour district today', '\u202ewho wrote this', '<@123> 😀']) {
      expect(() => articleQuestion(q)).not.toThrow();
    }
    expect(articleQuestion('Who wrote this and why does the harbour committee keep delaying the zebra crossing vote again')).toBeNull();
  });
});

describe('engine.ask about the article itself (seed article)', () => {
  const { article } = loadSeed();
  const engine = createEngine([article], { lexicon });

  it('"What is this article about?" / "Worum geht es?": the summary, quoted, kind "summary"', () => {
    const summary = engine.summarize().sentences.map((s) => s.text);
    for (const q of ['What is this article about?', 'Worum geht es?']) {
      const r = engine.ask(q);
      expect(r.abstained).toBe(false);
      expect(r.answers.map((a) => a.kind)).toEqual(['summary', 'summary', 'summary']);
      expect(r.answers.map((a) => a.text)).toEqual(summary);
      for (const a of r.answers) expect(SEED_SOURCE.slice(...(() => { const s = engine.sentence(a.sentenceId)!; return [s.start, s.end] as const; })())).toBe(a.text);
    }
    expect(engine.ask('Worum geht es?', { limit: 1 }).answers).toHaveLength(1);
  });

  it('"Who wrote this?" / "Wer hat das geschrieben?": the byline line, quoted verbatim with its place, as metadata', () => {
    for (const q of ['Who wrote this?', 'Wer hat das geschrieben?']) {
      const [a, ...rest] = engine.ask(q).answers;
      expect(rest).toEqual([]);
      expect(a).toMatchObject({ kind: 'metadata', field: 'byline', text: 'jlk/Reuters', sentenceId: 'spiegel-gchq-aws:byline' });
      expect(SEED_SOURCE.slice(a!.span!.start, a!.span!.end)).toBe('jlk/Reuters');
      expect(SEED_SOURCE.split('\n')[a!.span!.line - 1]!.trim()).toBe('jlk/Reuters');
      expect(a!.citation).toMatchObject({ articleId: 'spiegel-gchq-aws', publisher: 'DER SPIEGEL', paragraph: null, sentence: null, role: null });
    }
  });

  it('"When was it published?" / "Wann ist der Artikel erschienen?": the seed has no date, and says so', () => {
    for (const q of ['When was it published?', 'Wann ist der Artikel erschienen?']) {
      const r = engine.ask(q);
      expect(r).toMatchObject({ abstained: true, invalid: false, reason: 'The article has no date.', answers: [] });
    }
  });

  it('"Which newspaper?" / "Aus welcher Zeitung?": the publisher, from the metadata', () => {
    for (const q of ['Which newspaper is this?', 'Aus welcher Zeitung ist das?']) {
      expect(engine.ask(q).answers).toEqual([expect.objectContaining({ kind: 'metadata', field: 'publisher', text: 'DER SPIEGEL', span: null })]);
    }
  });

  it('"What are its sources?" / "Welche Quellen?": whom the article cites, as /source lists them, each with the sentence crediting it', () => {
    const cited = engine.sources()!.cited;
    expect(cited.length).toBeGreaterThan(0);
    for (const q of ['What are its sources?', 'Welche Quellen nennt der Artikel?']) {
      const answers = engine.ask(q, { limit: 25 }).answers;
      expect(answers.map((a) => a.text)).toEqual(cited);
      for (const a of answers) {
        expect(a).toMatchObject({ kind: 'metadata', field: 'sources' });
        expect(a.citation.attributedTo).toBe(a.text);
        expect(engine.sentence(a.sentenceId)!.attributedTo).toBe(a.text);
        if (a.span) expect(SEED_SOURCE.slice(a.span.start, a.span.end)).toBe(a.text);
      }
    }
    expect(engine.ask('Welche Quellen?', { limit: 1 }).answers).toHaveLength(1);
  });

  it('ordinary questions are passages', () => {
    const r = engine.ask('Who succeeded Bezos?');
    expect(r.answers.length).toBeGreaterThan(0);
    for (const a of r.answers) expect(a.kind).toBe('passage');
  });
});

describe('engine.ask about the article itself (made-up articles)', () => {
  const dated = ingestArticle('Stadtrat beschließt Hallenbad\n29. April 2019, 12:24 Uhr | Lesezeit: 2 Minuten\n\nDer Stadtrat hat den Neubau des Hallenbads beschlossen. Die Kosten liegen bei 24 Millionen Euro, teilte die Verwaltung mit.\n', { id: 'bad', path: 'bad.txt' });
  const meta = ingestArticle('---\npublisher: The Test Gazette\nbyline: Jane Doe\ndate: 2024-05-01\nlanguage: en\n---\nCouncil approves cycle lanes\n\nThe council approved new cycle lanes on Tuesday.\n', { id: 'lanes', path: 'lanes.txt' });
  const bare = ingestArticle('Hafen wächst\n\nDer Hafen meldet mehr Container. Die Zahl stieg um 12 Prozent.\n', { id: 'hafen', path: 'hafen.txt', meta: { url: 'https://example.com/hafen' } });
  const engine = createEngine([dated, meta, bare], { lexicon });

  it('a dateline at the top of the page is the date, quoted verbatim', () => {
    const [a] = engine.ask('Wann wurde der Artikel veröffentlicht?', { articleId: 'bad' }).answers;
    expect(a).toMatchObject({ kind: 'metadata', field: 'date', text: '29. April 2019, 12:24 Uhr', span: { line: 2 } });
    expect(dated.source.slice(a!.span!.start, a!.span!.end)).toBe(a!.text);
  });

  it('metadata in front matter is quoted from its line', () => {
    const [date] = engine.ask('When was it published?', { articleId: 'lanes' }).answers;
    expect(date).toMatchObject({ field: 'date', text: '2024-05-01' });
    expect(meta.source.split('\n')[date!.span!.line - 1]).toBe('date: 2024-05-01');
    expect(engine.ask('Who wrote this?', { articleId: 'lanes' }).answers[0]).toMatchObject({ field: 'byline', text: 'Jane Doe' });
  });

  it('missing fields are said plainly', () => {
    expect(engine.ask('Who wrote this?', { articleId: 'hafen' }).reason).toBe('The article names no author: it has no byline.');
    expect(engine.ask('Von wann ist der Artikel?', { articleId: 'hafen' }).reason).toBe('The article has no date.');
    expect(engine.ask('Welche Quellen?', { articleId: 'lanes' }).reason).toBe('The article cites no sources: it attributes no claim to anyone.');
    // No publisher but an address: the address.
    expect(engine.ask('Which newspaper?', { articleId: 'hafen' }).answers[0]).toMatchObject({ field: 'url', text: 'https://example.com/hafen', span: null });
    expect(engine.ask('Which newspaper?', { articleId: 'bad' }).reason).toBe('The article does not name its publication.');
  });

  it('without an article id, each article answers for itself', () => {
    const bylines = engine.ask('Who wrote this?').answers;
    expect(bylines.map((a) => [a.citation.articleId, a.text])).toEqual([['lanes', 'Jane Doe']]);
    const about = engine.ask('What is this about?', { limit: 10 }).answers;
    expect(about.map((a) => a.citation.articleId)).toEqual(['bad', 'lanes', 'hafen']);
    expect(about.every((a) => a.kind === 'summary')).toBe(true);
    expect(createEngine([bare], { lexicon }).ask('Wann ist das erschienen?').reason).toBe('The article has no date.');
    const twice = ['h1', 'h2'].map((id) => ingestArticle(bare.source, { id, path: `${id}.txt` }));
    expect(createEngine(twice, { lexicon }).ask('When was it published?').reason).toBe('None of the 2 articles has a date.');
  });

  it('a missing field is also a refusal as data, which the English catalogue words as the engine does and the German in German', () => {
    const twice = createEngine(['h1', 'h2'].map((id) => ingestArticle(bare.source, { id, path: `${id}.txt` })), { lexicon });
    const cases = [
      [engine.ask('Who wrote this?', { articleId: 'hafen' }), { code: 'article-lacks', field: 'byline', articles: 1 }, 'Der Artikel nennt keinen Autor: Er hat keine Autorenzeile.'],
      [engine.ask('Von wann ist der Artikel?', { articleId: 'hafen' }), { code: 'article-lacks', field: 'date', articles: 1 }, 'Der Artikel hat kein Datum.'],
      [engine.ask('Welche Quellen?', { articleId: 'lanes' }), { code: 'article-lacks', field: 'sources', articles: 1 }, 'Der Artikel nennt keine Quellen: Er schreibt keine Aussage jemandem zu.'],
      [engine.ask('Which newspaper?', { articleId: 'bad' }), { code: 'article-lacks', field: 'publisher', articles: 1 }, 'Der Artikel nennt sein Medium nicht.'],
      [twice.ask('When was it published?'), { code: 'article-lacks', field: 'date', articles: 2 }, 'Keiner der 2 Artikel hat ein Datum.'],
      [twice.ask('Who wrote this?'), { code: 'article-lacks', field: 'byline', articles: 2 }, 'Keiner der 2 Artikel nennt seinen Autor: Keiner hat eine Autorenzeile.'],
    ] as const;
    for (const [r, refusal, german] of cases) {
      expect(r).toMatchObject({ abstained: true, invalid: false, refusal });
      expect(refusalText(CATALOGUES.en, r.refusal)).toBe(r.reason);
      expect(refusalText(CATALOGUES.de, r.refusal)).toBe(german);
    }
    // Answered: no refusal.
    expect(engine.ask('Who wrote this?', { articleId: 'lanes' }).refusal).toBeNull();
    expect(engine.ask('Worum geht es?', { articleId: 'bad' }).refusal).toBeNull();
  });
});
