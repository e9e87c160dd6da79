import { describe, expect, it } from 'vitest';
import { ingestArticle } from '../../src/corpus/ingest.ts';
import { ALL_MECHANISMS, type Mechanisms } from '../../src/search/mechanisms.ts';
import { loadLexicon } from '../../src/search/lexicon.ts';
import { planQuery } from '../../src/search/query.ts';
import { tokensOf } from '../../src/search/answerSpans.ts';
import { rank } from '../../src/search/rank.ts';
import { nameSpans, refersBack, type Rescored, rerank, SENTENCE_FEATURES, topicSimilarity } from '../../src/search/rerank.ts';
import { buildIndex, type SentenceIndex } from '../../src/search/sentenceIndex.ts';

const lexicon = loadLexicon();
const article = (text: string, language = 'en') => ingestArticle(text, { id: 'made-up', path: 'made-up.txt', meta: { language } });
const indexOf = (text: string, language = 'en', mechanisms: Partial<Mechanisms> = {}) => buildIndex([article(text, language)], { lexicon, mechanisms: { ...ALL_MECHANISMS, ...mechanisms } });

/** The second stage's scoring of the sentence that contains `marker`, for `question` (undefined when it is no candidate). */
function scored(index: SentenceIndex, question: string, marker: string): Rescored | undefined {
  const plan = planQuery(question, index);
  const first = rank(index, plan, { limit: 10, rerank: false });
  return rerank(index, plan, first.evidence, first.results.map((r) => ({ id: r.id, base: r.score }))).find((r) => index.sentences.get(r.id)!.text.includes(marker));
}
const featureOf = (r: Rescored | undefined, feature: (typeof SENTENCE_FEATURES)[number]) => r!.features[SENTENCE_FEATURES.indexOf(feature)]!;

describe('second stage', () => {
  it('sees a sentence that refers back to the one before: an opening pronoun, an early demonstrative or a connective', () => {
    const back = (text: string) => refersBack(tokensOf(text));
    expect(back('He is also the oldest player at age 39.')).toBe(true);
    expect(back('As part of this merger, the network would have been renamed.')).toBe(true);
    expect(back('Most of these schools are vocational schools.')).toBe(true);
    expect(back('However, function problems can be recast as decision problems.')).toBe(true);
    expect(back('For example, integers can be represented in binary notation.')).toBe(true);
    expect(back('Diese Region umfasst Gebiete, die zu neun Nationen gehören.')).toBe(true);
    expect(back('Zum Beispiel werden solche Probleme als DTIME bezeichnet.')).toBe(true);
    // A German pronominal adverb early in the sentence stands for what was said before ("dabei": in that).
    expect(back('Viel wird dabei wohl nicht mehr herauskommen.')).toBe(true);
    expect(back('Der Rat hat darüber lange gestritten.')).toBe(true);
    // A sentence that names its own subject stands alone.
    expect(back('Peyton Manning became the first quarterback to lead two teams.')).toBe(false);
    expect(back('Forscher der Universität Genf haben Nervenzellen untersucht.')).toBe(false);
    // A demonstrative late in the sentence is not a reference to the sentence before.
    expect(back('Carolina got the ball on their own 24-yard line with a chance to win this game.')).toBe(false);
  });

  it('credits a name with what the next sentence says of it through a pronoun ("Er beschreibt …" after "Al-Muwaffaq …")', () => {
    const index = indexOf('Medizin\n\nDer Arzt Muwaffaq schrieb über die Medizin. Er beschreibt die Destillation von Meerwasser. Später kam der Handel.', 'de');
    const question = 'Who wrote about the distillation of seawater?';
    // The antecedent holds the answer (a name); the pronoun's sentence holds the question's words.
    expect(featureOf(scored(index, question, 'Muwaffaq'), 'covFollower')).toBeGreaterThan(0);
    // A sentence whose successor names its own subject gets nothing from it.
    const plain = indexOf('Medizin\n\nDer Arzt Muwaffaq schrieb über die Medizin. Ibn Sina beschreibt die Destillation von Meerwasser.', 'de');
    expect(featureOf(scored(plain, question, 'Muwaffaq'), 'covFollower')).toBe(0);
  });

  it('finds the multi-word names of a question: capitalised name words next to each other', () => {
    const index = indexOf('Team report\n\nLuke Kuechly and Thomas Davis played well.');
    const plan = planQuery('How many tackles did Luke Kuechly register against Davis?', index);
    const spans = nameSpans(plan).map(([a, b]) => plan.groups.slice(a, b + 1).map((g) => g.word).join(' '));
    expect(spans).toEqual(['Luke Kuechly']);
  });
  const keyCoverage = (text: string, question: string, marker: string, surnames = true) => featureOf(scored(indexOf(text, 'en', { surnames }), question, marker), 'covKey');
  it('lets a sentence that names a person by surname alone match the whole name the article gives elsewhere', () => {
    const text =
      'Team report\n\nBehind them, two of the three starting linebackers were selected for the Pro Bowl: Thomas Davis and Luke Kuechly. Davis compiled 5 sacks and four interceptions, while Kuechly led the team in tackles (118) and forced two fumbles.';
    const question = 'How many tackles did Luke Kuechly register?';
    // "Kuechly" alone stands for "Luke Kuechly": both key words count, not one.
    expect(keyCoverage(text, question, '(118)')).toBeGreaterThan(0.9);
    expect(keyCoverage(text, question, '(118)', false)).toBeLessThan(0.6);
  });
  it('does not take a last word inside another name for the question\'s name ("Maria Weber" is not "Anna Weber")', () => {
    const text = 'Conference\n\nAnna Weber spoke in Berlin on Monday. Maria Weber sang in Hamburg on Tuesday. Weber arrived late.';
    expect(keyCoverage(text, 'Where did Anna Weber speak?', 'Maria Weber')).toBeLessThan(0.6);
    expect(keyCoverage(text, 'Where did Anna Weber speak?', 'late')).toBeGreaterThan(0.9);
  });
});

describe('word vectors', () => {
  const text = 'Club news\n\nThe club signed a young striker from Brazil on Monday. The team repaired the stadium roof in the summer.';
  const question = 'Which forward did the team sign?';
  const feature = (marker: string, name: (typeof SENTENCE_FEATURES)[number], embeddings = true) => featureOf(scored(indexOf(text, 'en', { embeddings }), question, marker), name);
  it('counts a question word the sentence says in other words ("forward" for "striker")', () => {
    expect(feature('striker', 'covSimilar')).toBeGreaterThan(0);
    expect(feature('striker', 'covSimilar', false)).toBe(0);
  });
  it('finds the sentence closer in meaning to the question words it does not match', () => {
    expect(feature('striker', 'similarity')).toBeGreaterThan(feature('roof', 'similarity'));
    expect(feature('striker', 'similarity', false)).toBe(0);
  });
  it('for the answer decision, counts a lacking name as nothing alike: a sentence without the only name does not say all of the question', () => {
    const index = indexOf('Club news\n\nThe club signed a young striker from Brazil on Monday.');
    // Everything but the name matches: similarity (for ranking) says the sentence lacks nothing it could say otherwise.
    const lacking = scored(index, 'Which striker did Melfi sign?', 'striker')!;
    expect(featureOf(lacking, 'similarity')).toBe(1);
    expect(lacking.lackingSimilarity).toBe(0);
    // Nothing lacking: 1 either way.
    expect(scored(index, 'Which striker did the club sign?', 'striker')!.lackingSimilarity).toBe(1);
  });
  it('reaches a German sentence through its words\' English translations', () => {
    const index = indexOf('Vereinsnachrichten\n\nDer Verein verpflichtete am Montag einen jungen Stürmer aus Brasilien. Die Mannschaft reparierte im Sommer das Stadiondach.', 'de');
    expect(featureOf(scored(index, question, 'Stürmer'), 'similarity')).toBeGreaterThan(featureOf(scored(index, question, 'Stadiondach'), 'similarity'));
  });
});

describe('topic of the whole article (for the answer decision)', () => {
  const football = 'Club news\n\nThe club signed a young striker from Brazil on Monday. The coach wants him to score goals in the league. The season starts in August.';
  const fussball = 'Vereinsnachrichten\n\nDer Verein verpflichtete am Montag einen jungen Stürmer aus Brasilien. Der Trainer will, dass er in der Liga Tore schießt. Die Saison beginnt im August.';
  const topic = (index: SentenceIndex, question: string) => {
    const plan = planQuery(question, index);
    return topicSimilarity(index, plan, [...index.sentences.keys()].find((id) => index.sentences.get(id)!.role === 'body')!);
  };
  it('finds a question about the article\'s story closer to it than one about another story, in either language', () => {
    for (const index of [indexOf(football), indexOf(fussball, 'de')]) {
      const own = topic(index, 'Which player did the team buy before the season?');
      const other = topic(index, 'How many households had children under the age of 18?');
      expect(own).toBeGreaterThan(other + 0.1);
      expect(own).toBeLessThanOrEqual(1);
    }
  });
  it('is 0 without word vectors', () => {
    expect(topic(indexOf(football, 'en', { embeddings: false }), 'Which player did the team buy?')).toBe(0);
  });
});

describe('kinds of a noun', () => {
  it('sees a German compound whose head is the noun asked a kind of as such a kind ("Nervenzellen" for "Which cells …")', () => {
    const text = 'Laborbericht\n\nDie Forscher untersuchten Nervenzellen im Labor. Die Zellen im Labor untersuchten die Forscher lange.';
    const index = indexOf(text, 'de', { embeddings: false });
    const question = 'Which cells did the researchers examine?';
    expect(featureOf(scored(index, question, 'Nervenzellen'), 'typedKind')).toBe(1);
    // The noun itself is no kind of it.
    expect(featureOf(scored(index, question, 'Die Zellen'), 'typedKind')).toBe(0);
  });
  it('does not take a compound for a kind when its modifier is a question word too ("Versuchstiere" for "… test …")', () => {
    const text = 'Laborbericht\n\nDie Forscher setzten Versuchstiere den Gerüchen aus. Später lernten die Labortiere, Gerüche zu unterscheiden.';
    const index = indexOf(text, 'de', { embeddings: false });
    const question = 'What animals did they test this on?';
    expect(featureOf(scored(index, question, 'Versuchstiere'), 'typedKind')).toBe(0);
    expect(featureOf(scored(index, question, 'Labortiere'), 'typedKind')).toBe(1);
  });

  it('sees the noun of "what kind of X" after a describing word the question does not have as a kind of X', () => {
    const text = 'Forest report\n\nThe park is mostly a moist broadleaf forest. In the park the forest burned last year.';
    const index = indexOf(text, 'en', { embeddings: false });
    const question = 'What kind of forest is the park?';
    expect(featureOf(scored(index, question, 'broadleaf'), 'typedKind')).toBe(1);
    // An article or a question word before the noun describes no kind of it.
    expect(featureOf(scored(index, question, 'burned'), 'typedKind')).toBe(0);
    expect(featureOf(scored(indexOf('Waldbericht\n\nDer Park ist ein feuchter Wald. Im Park brannte der Wald.', 'de', { embeddings: false }), 'Welche Art von Wald ist der Park?', 'feuchter'), 'typedKind')).toBe(1);
  });

  it('sees the noun of "which X" with a complement the question does not have as an answer ("the principle of nonviolent protest")', () => {
    const text = 'Poem report\n\nIt is the first statement of the principle of nonviolent protest. The poem states a principle of the poet.';
    const index = indexOf(text, 'en', { embeddings: false });
    const question = 'Which principle does the poem state?';
    expect(featureOf(scored(index, question, 'nonviolent'), 'typedKind')).toBe(1);
    // A complement the question has ("the poet" is not asked, but "a principle of the poem" would only repeat it).
    expect(featureOf(scored(indexOf('Poem report\n\nThe poem states a principle of the poem.', 'en', { embeddings: false }), question, 'states'), 'typedKind')).toBe(0);
  });

  it('sees a "what X" answer: a word like X that the question does not have ("dogs" for "What animals …")', () => {
    const text = 'Lab report\n\nThe researchers tested the new drug on dogs in the spring. The researchers tested the new drug in a large hall.';
    const question = 'What animals did the researchers test the drug on?';
    const feature = (marker: string, embeddings = true) => featureOf(scored(indexOf(text, 'en', { embeddings }), question, marker), 'typedKind');
    expect(feature('dogs')).toBeGreaterThan(0.3);
    expect(feature('hall')).toBeLessThan(feature('dogs') / 2);
    expect(feature('dogs', false)).toBe(0);
  });
});

describe('quote questions', () => {
  it('takes the sentence the article credits to X as the answer to "what did X say"', () => {
    const index = indexOf(
      'Trainingslager\n\nDer Bundestrainer muss mit sieben Absagen auskommen. Kimmich zählte die Absagen. "Gefühlt ist nach den vielen Absagen die halbe Mannschaft weg", konstatierte Kimmich am Montag in Herzogenaurach.',
      'de',
    );
    const question = 'What did Kimmich say about the cancellations?';
    expect(planQuery(question, index).answerType).toBe('quote');
    expect(scored(index, question, 'halbe Mannschaft')?.typed).toBe(true);
    expect(scored(index, question, 'zählte')?.typed).toBe(false);
  });
  it('takes a quote as the answer to "what did X say about Y" only when it is about Y, when the article has Y', () => {
    const index = indexOf('Trainingslager\n\n"Wir sind gut vorbereitet", sagte Kimmich am Montag. "Die Verletzung von Marc ist bitter", sagte Kimmich danach. Die Mannschaft trainiert in Herzogenaurach.', 'de');
    expect(scored(index, 'What did Kimmich say about the injury?', 'Verletzung')?.typed).toBe(true);
    expect(scored(index, 'What did Kimmich say about the injury?', 'vorbereitet')?.typed).toBe(false);
    // Without "about", any quote of his answers.
    expect(scored(index, 'What did Kimmich say?', 'vorbereitet')?.typed).toBe(true);
  });
  it('takes a quote as the answer to "what did the mayor say" only when it has the mayor', () => {
    const index = indexOf('Weihnachtsmarkt\n\nBürgermeister Benjamin Harris forderte die Gäste auf, sich Zeit zu nehmen. »Interessant, dass es hier noch so viele Läden gibt«, wunderte sich ein Besucher.', 'de');
    expect(scored(index, 'What did the mayor tell visitors?', 'Bürgermeister')?.typed).toBe(true);
    expect(scored(index, 'What did the mayor tell visitors?', 'Interessant')?.typed).toBe(false);
  });
});
