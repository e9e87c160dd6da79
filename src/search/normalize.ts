/**
 * Case and diacritic folding shared by the index and the query side, so that
 * "Geschäftspartner", "GESCHÄFTSPARTNER" and "Geschaftspartner" meet.
 * ß folds to "ss"; umlauts and other diacritics drop their marks.
 */
export function fold(word: string): string {
  return word
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
}

/** Splits text into word tokens (letters and digits, apostrophes inside words kept out). */
export function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:[.,][\p{N}]+)*/gu) ?? [];
}
