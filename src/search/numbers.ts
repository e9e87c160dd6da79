/**
 * Small numbers written as words or digits, in English and German: "four",
 * "vier" and "4" are one number. Questions say "How many four-star …" where
 * the article writes "4", or ask about "two" players where it writes "zwei".
 * Generic grammar, written by hand (the lexicon has the words, not the
 * digits).
 */

const EN = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const DE = ['null', 'eins', 'zwei', 'drei', 'vier', 'funf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwolf', 'dreizehn', 'vierzehn', 'funfzehn', 'sechzehn', 'siebzehn', 'achtzehn', 'neunzehn', 'zwanzig'];
const TENS: [number, string, string][] = [
  [30, 'thirty', 'dreissig'],
  [40, 'forty', 'vierzig'],
  [50, 'fifty', 'funfzig'],
  [60, 'sixty', 'sechzig'],
  [70, 'seventy', 'siebzig'],
  [80, 'eighty', 'achtzig'],
  [90, 'ninety', 'neunzig'],
  [100, 'hundred', 'hundert'],
  [1000, 'thousand', 'tausend'],
];

const byWord = new Map<string, number>();
EN.forEach((w, n) => byWord.set(w, n));
DE.forEach((w, n) => byWord.set(w, n));
for (const [n, en, de] of TENS) byWord.set(en, n).set(de, n);
// "one"/"ein" are mostly articles and pronouns; only "eins" counts.
byWord.delete('one');

/** The value of a folded number word or digit string up to 1000, or undefined. */
export function smallNumber(folded: string): number | undefined {
  if (/^\d{1,4}$/.test(folded)) {
    const n = Number(folded);
    return n <= 1000 ? n : undefined;
  }
  return byWord.get(folded);
}

/** Every spelling of a small number: its digits and its English and German words. */
export function numberSpellings(n: number): string[] {
  const out = [String(n)];
  if (n <= 20) out.push(EN[n]!, DE[n]!);
  for (const [v, en, de] of TENS) if (v === n) out.push(en, de);
  if (n === 1) out.push('ein', 'eine');
  return out.filter((w) => w !== 'one');
}
