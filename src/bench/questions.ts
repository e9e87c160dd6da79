/**
 * The bench's fixed question lists: questions about the seed article in the
 * style of the dev questions (English and German, claims, out of scope), and
 * questions generated from a generated corpus that name words it holds.
 */
import type { Article } from '../corpus/types.ts';
import type { Lexicon } from '../search/lexicon.ts';
import { fold, words } from '../search/normalize.ts';
import { FAMILY, GIVEN, ORGS, prng } from './generate.ts';

/** A bench question; `gold` lists substrings of a right answer (empty: the right reply is an abstention). */
export interface BenchQuestion {
  q: string;
  lang: 'en' | 'de';
  gold: string[];
  /** Where the question comes from. */
  kind: 'seed' | 'generated';
}

const seed = (lang: 'en' | 'de', q: string, ...gold: string[]): BenchQuestion => ({ q, lang, gold, kind: 'seed' });

/** Questions about the seed article (corpus/spiegel-gchq-aws.txt). */
export const SEED_QUESTIONS: BenchQuestion[] = [
  seed('en', 'Who runs AWS now?', 'Andy Jassy'),
  seed('en', 'Which company will handle the spy agency data?', 'Deal mit Amazon', 'Cloud-Service-Einheit von Amazon.com'),
  seed('en', 'How big is the market share of Amazon?', '30 Prozent'),
  seed('en', 'Where is the data kept?', 'vor Ort in Großbritannien gespeichert'),
  seed('en', 'What does GCHQ want to use artificial intelligence for?', 'künstliche Intelligenz'),
  seed('en', 'Which agencies share the cloud system?', 'MI5 und MI6'),
  seed('en', 'Who reported the deal first?', 'Financial Times'),
  seed('en', 'Did Amazon comment on the contract?', 'Stellungnahme', 'Auftrag bestätigt'),
  seed('en', 'How much of the net profit comes from AWS?', 'Nettogewinns'),
  seed('en', 'Jassy replaced Bezos as the boss of Amazon.', 'Andy Jassy'),
  seed('en', 'What does GCHQ stand for?', 'Government Communications Headquarters'),
  seed('de', 'Wer leitet jetzt AWS?', 'Andy Jassy'),
  seed('de', 'Wo werden die Daten der Behörden gespeichert?', 'gespeichert'),
  seed('de', 'Welche Dienste nutzen das Cloud-System?', 'MI5 und MI6'),
  seed('de', 'Wie hoch ist der Marktanteil von Amazon?', '30 Prozent'),
  seed('de', 'Was hat der Geheimdienst zu dem Auftrag gesagt?', 'Auftrag bestätigt', 'GCHQ'),
  seed('en', 'What is the capital of France?'),
  seed('en', 'Who won the 2014 World Cup?'),
  seed('de', 'Wie wird das Wetter morgen?'),
  seed('de', 'Was kostet ein Tesla?'),
];

/**
 * Questions naming words of generated articles (see generate.ts): a person,
 * an organisation and nouns of one sentence, asked in German or, through the
 * lexicon's English translations, in English. Deterministic in the articles
 * and the seed; `gold` is the sentence the question was made from.
 */
export function generatedQuestions(articles: readonly Article[], lexicon: Lexicon, count: number, seedValue = 1): BenchQuestion[] {
  const random = prng(seedValue);
  const pool = articles.filter((a) => a.meta.id.startsWith('bench-'));
  const given = new Set(GIVEN);
  const family = new Set(FAMILY);
  const orgs = new Set(ORGS);
  const out: BenchQuestion[] = [];
  for (let attempt = 0; out.length < count && attempt < count * 50 && pool.length; attempt++) {
    const article = pool[Math.floor(random() * pool.length)]!;
    const body = article.sentences.filter((s) => s.role === 'body');
    const sentence = body[Math.floor(random() * body.length)];
    if (!sentence) continue;
    const tokens = words(sentence.text);
    let person: string | undefined;
    for (let i = 0; i + 1 < tokens.length; i++) if (given.has(tokens[i]!) && family.has(tokens[i + 1]!)) person = `${tokens[i]} ${tokens[i + 1]}`;
    const org = tokens.find((t) => orgs.has(t));
    const nouns = tokens.filter((t, i) => i > 0 && /^\p{Lu}\p{Ll}{3,}$/u.test(t) && !given.has(t) && !family.has(t) && !orgs.has(t) && lexicon.isGermanWord(fold(t)));
    const english = nouns.map((n) => lexicon.toEnglish(fold(n))?.find((e) => /^[a-z]{4,}$/.test(e))).filter((e): e is string => Boolean(e));
    const template = out.length % 6;
    let q: string | undefined;
    if (template === 0 && person && nouns[0]) q = `Was sagte ${person} über ${nouns[0]}?`;
    else if (template === 1 && org && nouns[0]) q = `Welche Rolle spielt ${nouns[0]} für ${org}?`;
    else if (template === 2 && nouns.length >= 2) q = `Wo gibt es ${nouns[0]} und ${nouns[1]}?`;
    else if (template === 3 && person && english[0]) q = `What did ${person} say about the ${english[0]}?`;
    else if (template === 4 && org && english[0]) q = `Why does ${org} need ${english[0]}?`;
    else if (template === 5 && english.length >= 2) q = `Where is the ${english[0]} of the ${english[1]}?`;
    if (q) out.push({ q, lang: template < 3 ? 'de' : 'en', gold: [sentence.text], kind: 'generated' });
  }
  return out;
}
