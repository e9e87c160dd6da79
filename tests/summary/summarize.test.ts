import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestArticle } from '../../src/corpus/ingest.ts';
import type { Article } from '../../src/corpus/types.ts';
import { createEngine, type Engine } from '../../src/engine/engine.ts';
import { loadLexicon } from '../../src/search/lexicon.ts';
import { buildIndex, type SentenceIndex } from '../../src/search/sentenceIndex.ts';
import { type Relevance, type Summary, summarize, summaryCandidates, UnknownArticleError } from '../../src/summary/summarize.ts';
import { SEED_DIR, SEED_SOURCE, loadSeed } from '../seed.ts';

const lexicon = loadLexicon();
const indexOf = (...articles: Article[]): SentenceIndex => buildIndex(articles, { lexicon });
const ingest = (id: string, source: string, language: 'de' | 'en') => ingestArticle(source, { id, path: `${id}.txt`, meta: { language } });

/** Topic relevance through the engine's ask path, as the CLI does it. */
const viaEngine = (engine: Engine): Relevance => (topic, articleId) =>
  new Map(engine.ask(topic, { limit: 50, articleId }).answers.map((a) => [a.sentenceId, a.score]));

/** The texts of a summary, for readable assertions. */
const texts = (s: Summary) => s.sentences.map((x) => x.text);

/** Sentence ids in reading order: by paragraph, then sentence. */
const position = (id: string) => id.split(':')[1]!.split('.').map(Number) as [number, number];
const inReadingOrder = (ids: string[]) =>
  ids.every((id, i) => i === 0 || (() => {
    const [p0, s0] = position(ids[i - 1]!);
    const [p1, s1] = position(id);
    return p0 < p1 || (p0 === p1 && s0 < s1);
  })());

/**
 * A made-up German article: the teaser's first sentence is restated almost
 * word for word as the body's first sentence; the caption and subhead repeat
 * the story's key words; the last paragraph is about costs.
 */
const GERMAN = `Stadt Musterhausen baut ein neues Hallenbad

Der Stadtrat von Musterhausen hat den Neubau eines Hallenbads am Stadtpark beschlossen. Das alte Bad ist seit drei Jahren wegen Schimmel geschlossen.
Hallenbad Musterhausen: Neubau am Stadtpark beschlossen

Foto: Erika Beispiel, dpa

Der Stadtrat von Musterhausen hat am Montag den Neubau eines Hallenbads am Stadtpark beschlossen. Die Schwimmvereine der Stadt hatten das neue Bad seit Jahren gefordert. Das Hallenbad soll ein Sportbecken, ein Lehrschwimmbecken und eine Sauna bekommen.

Kosten und Zeitplan

Die Kosten für das Hallenbad liegen nach Angaben der Verwaltung bei 24 Millionen Euro. Die Bauarbeiten am Stadtpark sollen im Frühjahr beginnen und zwei Jahre dauern. Der Bürgermeister sammelt übrigens in seiner Freizeit alte Briefmarken aus Übersee.

abc/dpa`;

/**
 * A made-up English article whose second sentence is an off-topic aside:
 * early, so the position prior favours it, but similar to nothing else.
 */
const ENGLISH = `Council approves new cycle lanes

The city council approved twenty kilometres of new cycle lanes on Tuesday.
A local bakery also won a regional prize for its apple cake this week.
The new cycle lanes will connect the city centre with the university and the main station.
Work on the first cycle lanes starts in May, the council said.
Cyclists welcomed the council's plan for the new lanes across the city.
The cycle lanes will cost twelve million pounds, paid by the council and the government.`;

describe('summarize (made-up articles)', () => {
  const de = ingest('hallenbad', GERMAN, 'de');
  const en = ingest('cycle-lanes', ENGLISH, 'en');
  const index = indexOf(de, en);

  it('reads the article as expected (guard for the tests below)', () => {
    expect(de.sentences.map((s) => s.role)).toEqual(['headline', 'teaser', 'teaser', 'caption', 'body', 'body', 'body', 'subhead', 'body', 'body', 'body']);
    expect(en.sentences[0]!.role).toBe('headline');
    expect(summaryCandidates(en)).toHaveLength(6);
  });

  it('chosen as a set, it drops a near-duplicate of a chosen sentence', () => {
    const out = texts(summarize(index, { articleId: 'hallenbad', sentences: 3 }));
    expect(out).toHaveLength(3);
    const restated = out.filter((t) => t.startsWith('Der Stadtrat von Musterhausen hat'));
    expect(restated).toHaveLength(1);
  });

  it('centrality and the lead prior pick the lead over an early off-topic aside', () => {
    for (const sentences of [1, 2, 3, 4]) {
      const out = texts(summarize(index, { articleId: 'cycle-lanes', sentences }));
      expect(out[0]).toBe('The city council approved twenty kilometres of new cycle lanes on Tuesday.');
      expect(out.join(' ')).not.toContain('bakery');
    }
    const de3 = texts(summarize(index, { articleId: 'hallenbad', sentences: 4 }));
    expect(de3.join(' ')).not.toContain('Briefmarken');
  });

  it('returns the sentences in reading order', () => {
    for (const articleId of ['hallenbad', 'cycle-lanes']) {
      for (const sentences of [2, 3, 5, 10]) {
        for (const topic of [undefined, 'Kosten', 'cost', 'Stadtpark']) {
          const ids = summarize(index, { articleId, sentences, topic }).sentences.map((s) => s.sentenceId);
          expect(inReadingOrder(ids), `${articleId} ${sentences} ${topic}: ${ids.join(' ')}`).toBe(true);
        }
      }
    }
  });

  it('never quotes the headline, a caption or a subhead, and quotes verbatim', () => {
    for (const articleId of ['hallenbad', 'cycle-lanes']) {
      for (const sentences of [1, 3, 10]) {
        for (const topic of [undefined, 'Hallenbad', 'Stadtpark', 'Kosten', 'cycle lanes']) {
          const summary = summarize(index, { articleId, sentences, topic });
          const article = articleId === 'hallenbad' ? de : en;
          expect(summary.title).toBe(article.meta.title);
          for (const s of summary.sentences) {
            const sentence = index.sentences.get(s.sentenceId)!;
            expect(['body', 'teaser']).toContain(sentence.role);
            expect(article.source.slice(sentence.start, sentence.end)).toBe(s.text);
          }
        }
      }
    }
  });

  it('topic mode quotes what the article says about the topic', () => {
    const kosten = summarize(index, { articleId: 'hallenbad', topic: 'Kosten', sentences: 1 });
    expect(kosten.topic).toBe('Kosten');
    expect(kosten.reason).toBeNull();
    expect(texts(kosten)).toEqual(['Die Kosten für das Hallenbad liegen nach Angaben der Verwaltung bei 24 Millionen Euro.']);
    // German compounds are right-headed: "Becken" finds "Sportbecken" and "Lehrschwimmbecken".
    expect(texts(summarize(index, { articleId: 'hallenbad', topic: 'Becken', sentences: 1 }))[0]).toContain('Sportbecken');
    const cost = summarize(index, { articleId: 'cycle-lanes', topic: 'cost', sentences: 1 });
    expect(texts(cost)[0]).toContain('twelve million pounds');
    // A topic summary quotes only sentences about the topic, even when fewer than asked.
    const only = summarize(index, { articleId: 'hallenbad', topic: 'Kosten', sentences: 3 });
    expect(texts(only)).toEqual(['Die Kosten für das Hallenbad liegen nach Angaben der Verwaltung bei 24 Millionen Euro.']);
  });

  it('topic mode with an absent topic returns no sentences and says why', () => {
    const none = summarize(index, { articleId: 'hallenbad', topic: 'Fußball' });
    expect(none.sentences).toEqual([]);
    expect(none.reason).toBe('The article says nothing about "Fußball".');
    const viaRelevance = summarize(index, { articleId: 'cycle-lanes', topic: 'football' }, () => new Map());
    expect(viaRelevance.sentences).toEqual([]);
    expect(viaRelevance.reason).toBe('The article says nothing about "football".');
  });

  it('uses a passed relevance function instead of its own', () => {
    const last = en.sentences.at(-1)!.id;
    const out = summarize(index, { articleId: 'cycle-lanes', topic: 'anything', sentences: 1 }, (topic, articleId) => {
      expect([topic, articleId]).toEqual(['anything', 'cycle-lanes']);
      return new Map([[last, 2]]);
    });
    expect(out.sentences.map((s) => s.sentenceId)).toEqual([last]);
  });

  it('honours the sentence count: default 3, clamped to 1..10 and to the candidates', () => {
    expect(summarize(index, { articleId: 'cycle-lanes' }).sentences).toHaveLength(3);
    for (const n of [1, 2, 4, 5]) expect(summarize(index, { articleId: 'cycle-lanes', sentences: n }).sentences).toHaveLength(n);
    expect(summarize(index, { articleId: 'cycle-lanes', sentences: 0 }).sentences).toHaveLength(1);
    expect(summarize(index, { articleId: 'cycle-lanes', sentences: -4 }).sentences).toHaveLength(1);
    expect(summarize(index, { articleId: 'cycle-lanes', sentences: 99 }).sentences).toHaveLength(6); // all 6 candidates
    expect(summarize(index, { articleId: 'cycle-lanes', sentences: Number.NaN }).sentences).toHaveLength(3);
  });

  it('defaults to the first article, and rejects an unknown one', () => {
    expect(summarize(index).articleId).toBe('hallenbad');
    expect(() => summarize(index, { articleId: 'nope' })).toThrow(UnknownArticleError);
    expect(() => summarize(indexOf())).toThrow(UnknownArticleError);
  });

  it('is deterministic', () => {
    const a = summarize(index, { articleId: 'hallenbad', sentences: 4 });
    const b = summarize(indexOf(de, en), { articleId: 'hallenbad', sentences: 4 });
    expect(b).toEqual(a);
  });
});

/**
 * A made-up German article that opens with a rhetorical question to the
 * reader, has a teaser that restates the headline, and tells the outcome
 * (numbers) in the body; it ends by asking the reader something.
 */
const CAMPAIGN = `Smarte Gießkanne: Crowdfunding gescheitert

Erinnerst du dich noch an die smarte Gießkanne von der Gartenmesse? Die Kampagne für die smarte Gießkanne ist gescheitert.
Die smarte Gießkanne auf der Gartenmesse
Foto: Erika Beispiel

Das Start-up Wasserwerk aus Kassel hatte im März eine Crowdfunding-Kampagne für seine smarte Gießkanne gestartet. Ziel waren 250.000 Euro von mindestens 2000 Unterstützern. Am Ende kamen nur 8.120 Euro von 61 Unterstützern zusammen, das Geld geht an die Unterstützer zurück. Die Gründer wollen nun einen Investor suchen, teilte das Unternehmen mit. Ob die Gießkanne je in den Handel kommt, ist offen. Hast du schon einmal ein Projekt auf einer solchen Plattform unterstützt?`;

describe('summarize (weak sentences)', () => {
  const article = ingest('giesskanne', CAMPAIGN, 'de');
  const index = indexOf(article);

  it('reads the article as expected (guard for the tests below)', () => {
    expect(summaryCandidates(article).map((s) => s.role)).toEqual(['teaser', 'teaser', 'body', 'body', 'body', 'body', 'body', 'body']);
  });

  it('quotes neither the rhetorical question, nor the question to the reader, nor the teaser that restates the headline, and keeps the outcome', () => {
    for (const sentences of [3, 4]) {
      const out = texts(summarize(index, { sentences }));
      expect(out.join(' ')).not.toContain('Erinnerst du dich');
      expect(out.join(' ')).not.toContain('Hast du schon');
      expect(out.join(' ')).not.toContain('Die Kampagne für die smarte Gießkanne ist gescheitert.');
      expect(out.some((t) => t.includes('8.120 Euro')), out.join(' | ')).toBe(true);
    }
  });

  it('still quotes a question when nothing else is left', () => {
    expect(texts(summarize(index, { sentences: 10 })).join(' ')).toContain('Erinnerst du dich');
  });
});

/**
 * A made-up sports report whose body opens with a scene (wind, fog, a coach
 * calling out): the outcome that matters, the striker's injury, is stated
 * with a figure further down.
 */
const CUP = `Pokal: Der Trainer muss umbauen

Der Trainer muss im Pokalspiel gegen Nordstadt ohne seinen besten Stürmer auskommen.

Auf dem Trainingsplatz am Stadtrand pfeift der Wind über den nassen Rasen, die Spieler drehen im Nebel ihre Runden. Der Trainer steht mit der Mütze am Rand des Platzes und ruft den Spielern Anweisungen zu. Der Stürmer fällt nach einem Bänderriss für sechs Wochen aus. Im Training probierte der Trainer deshalb eine neue Aufstellung ohne den Stürmer aus. Das Pokalspiel gegen Nordstadt beginnt am Mittwochabend im Stadion an der Hafenstraße.`;

describe('summarize (a stated quantity)', () => {
  const article = ingest('pokal', CUP, 'de');
  const index = indexOf(article);

  it('reads the article as expected (guard for the test below)', () => {
    expect(summaryCandidates(article)).toHaveLength(6);
  });

  it('quotes the sentence that states the outcome in figures over a later scene-setting one', () => {
    const out = texts(summarize(index, { sentences: 3 }));
    expect(out.some((t) => t.includes('sechs Wochen')), out.join(' | ')).toBe(true);
    expect(out.join(' ')).not.toContain('mit der Mütze');
  });
});

/**
 * A made-up report where the mayor speaks twice in a row, the second quote
 * elaborating on the first; the last sentence states who pays.
 */
const DYKES = `Hochwasser: Die Stadt baut neue Deiche

Die Stadt Musterhausen baut nach dem Hochwasser im Frühjahr neue Deiche am Fluss.

Der Stadtrat hat dafür am Montag acht Millionen Euro bewilligt. „Wir haben aus dem Hochwasser gelernt“, sagte Bürgermeisterin Anna Beispiel. „Die neuen Deiche schützen die Altstadt vor dem nächsten Hochwasser“, betonte Beispiel. Die Bauarbeiten am Fluss sollen im Herbst beginnen und drei Jahre dauern. Das Land übernimmt die Hälfte der Kosten für die Deiche.`;

describe('summarize (a continuation)', () => {
  const article = ingest('deiche', DYKES, 'de');
  const index = indexOf(article);

  it('reads the article as expected (guard for the test below)', () => {
    expect(summaryCandidates(article).map((s) => s.attributedTo)).toEqual([null, null, 'Anna Beispiel', 'Anna Beispiel', null, null]);
  });

  it('does not quote the same speaker twice in a row when another fact is left out', () => {
    const out = texts(summarize(index, { sentences: 5 }));
    expect(out.some((t) => t.includes('Hälfte der Kosten')), out.join(' | ')).toBe(true);
    expect(out.filter((t) => t.includes('Beispiel')).length, out.join(' | ')).toBe(1);
  });
});

describe('summarize (seed article)', () => {
  const { corpus, article } = loadSeed();
  const index = indexOf(...corpus.articles);
  const engine = createEngine(corpus.articles, { lexicon });
  const facts = (JSON.parse(readFileSync(new URL('../../scripts/summary-facts.json', import.meta.url), 'utf8')) as { facts: { id: string; any: string[] }[] }).facts;

  it('3 sentences: no two state the same fact (teaser and body restating the deal are not both chosen)', () => {
    const out = texts(summarize(index, { sentences: 3 }));
    expect(out).toHaveLength(3);
    const teaserDeal = 'Auch der britische Geheimdienst soll einen Deal abgeschlossen haben';
    const bodyDeal = 'Großbritanniens Geheimdienste sollen einen Deal mit Amazon eingegangen sein.';
    expect(out.some((t) => t.includes(teaserDeal)) && out.some((t) => t.includes(bodyDeal))).toBe(false);
    for (const fact of facts) {
      const stating = out.filter((t) => fact.any.some((x) => t.includes(x)));
      expect(stating.length, fact.id).toBeLessThanOrEqual(1);
    }
  });

  it('3 and 5 sentences: no reference fact stated twice, and more facts than Lead-3 and Lead-5', () => {
    const candidates = summaryCandidates(article);
    const covered = (sentences: string[]) => facts.filter((f) => sentences.some((t) => f.any.some((x) => t.includes(x)))).length;
    for (const k of [3, 5]) {
      const out = texts(summarize(index, { sentences: k }));
      for (const fact of facts) expect(out.filter((t) => fact.any.some((x) => t.includes(x))).length, `${k}: ${fact.id}`).toBeLessThanOrEqual(1);
      expect(covered(out), `${k}: ${out.join(' | ')}`).toBeGreaterThan(covered(candidates.slice(0, k).map((s) => s.text)));
    }
  });

  it('every summary sentence is a verbatim substring of the source', () => {
    for (const sentences of [1, 3, 5, 10]) {
      for (const topic of [undefined, 'Gewinn', 'GCHQ', 'künstliche Intelligenz']) {
        const summary = summarize(index, { sentences, topic }, topic ? viaEngine(engine) : undefined);
        expect(summary.title).toBe('Britischer Geheimdienst schließt Deal mit Amazon');
        for (const s of summary.sentences) {
          expect(SEED_SOURCE.includes(s.text)).toBe(true);
          const sentence = article.sentences.find((x) => x.id === s.sentenceId)!;
          expect(SEED_SOURCE.slice(sentence.start, sentence.end)).toBe(s.text);
        }
      }
    }
  });

  it('topic "Gewinn" quotes the net-profit sentence (own relevance and the engine\'s)', () => {
    for (const relevance of [undefined, viaEngine(engine)]) {
      const out = summarize(index, { topic: 'Gewinn' }, relevance);
      expect(out.reason).toBeNull();
      expect(texts(out).some((t) => t.includes('Hälfte des Nettogewinns'))).toBe(true);
      const one = summarize(index, { topic: 'Gewinn', sentences: 1 }, relevance);
      expect(texts(one)[0]).toContain('Hälfte des Nettogewinns');
    }
  });

  it('topic "AWS profits" (English, through the engine) quotes the net-profit sentence', () => {
    const out = summarize(index, { topic: 'AWS profits' }, viaEngine(engine));
    expect(texts(out).some((t) => t.includes('Hälfte des Nettogewinns'))).toBe(true);
  });

  it('topic "profits" alone (English), 1 sentence, quotes "Hälfte des Nettogewinns"', () => {
    expect(engine.summarize({ topic: 'profits', sentences: 1 }).sentences.map((q) => q.text)[0]).toContain('Hälfte des Nettogewinns');
  });

  it('topic the article never mentions: empty, with a reason', () => {
    const out = summarize(index, { topic: 'Wetter' }, viaEngine(engine));
    expect(out.sentences).toEqual([]);
    expect(out.reason).toBe('The article says nothing about "Wetter".');
  });

  it('is fast (well under 5 ms per summary on a warm run)', () => {
    summarize(index, { sentences: 3 });
    const runs = 50;
    const t0 = performance.now();
    for (let i = 0; i < runs; i++) summarize(index, { sentences: 3 });
    // Generous bound so a loaded CI machine does not flake; typical is ~1–2 ms.
    expect((performance.now() - t0) / runs).toBeLessThan(20);
  });
});

describe('summary CLI', () => {
  const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/summary.ts', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });

  it('--json prints exactly one object with quotes and ask-style citations', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/summary.ts', '--json', '--corpus', 'corpus'], { encoding: 'utf8' });
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const obj = JSON.parse(lines[0]!);
    expect(Object.keys(obj).sort()).toEqual(['articleId', 'sentences', 'title']);
    expect(obj.articleId).toBe('spiegel-gchq-aws');
    expect(obj.title).toBe('Britischer Geheimdienst schließt Deal mit Amazon');
    expect(obj.sentences).toHaveLength(3);
    for (const s of obj.sentences) {
      expect(Object.keys(s).sort()).toEqual(['citation', 'text']);
      expect(Object.keys(s.citation).sort()).toEqual(['articleId', 'attributedTo', 'byline', 'paragraph', 'publisher', 'role', 'sentence', 'title']);
      expect(s.citation.publisher).toBe('DER SPIEGEL');
      expect(['body', 'teaser']).toContain(s.citation.role);
      expect(SEED_SOURCE.includes(s.text)).toBe(true);
    }
  });

  it('honours --sentences, --topic, --article and CORPUS_DIR', () => {
    const five = run(['--json', '--sentences', '5', '--article', 'spiegel-gchq-aws'], { CORPUS_DIR: SEED_DIR });
    expect(five.status).toBe(0);
    expect(JSON.parse(five.stdout).sentences).toHaveLength(5);
    const topic = run(['--json', '--corpus', SEED_DIR, '--topic', 'Gewinn', '--sentences', '1']);
    expect(JSON.parse(topic.stdout).sentences[0].text).toContain('Hälfte des Nettogewinns');
    const none = run(['--json', '--corpus', SEED_DIR, '--topic', 'Wetter']);
    expect(none.status).toBe(0);
    expect(JSON.parse(none.stdout).sentences).toEqual([]);
    expect(none.stderr).toContain('The article says nothing about "Wetter".');
  });

  it('prints text with the title and citation lines', () => {
    const out = run(['--corpus', SEED_DIR, '--sentences', '2']);
    expect(out.status).toBe(0);
    expect(out.stdout.split('\n')[0]).toBe('Britischer Geheimdienst schließt Deal mit Amazon');
    expect(out.stdout).toContain('1. »');
    expect(out.stdout).toContain('— DER SPIEGEL, „Britischer Geheimdienst schließt Deal mit Amazon“, jlk/Reuters · paragraph');
  });

  it('rejects bad arguments with exit code 2 and a message', () => {
    for (const args of [['--sentences', '0'], ['--sentences', '11'], ['--sentences', 'drei'], ['--article', 'nope'], ['--bogus'], ['stray'], ['--topic', ' ']]) {
      const r = run(['--json', '--corpus', SEED_DIR, ...args]);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.length).toBeGreaterThan(0);
    }
  });
});
