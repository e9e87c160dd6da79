import { describe, expect, it } from 'vitest';
import { analyze, termOf } from '../../src/search/analyzer.ts';
import { fold } from '../../src/search/normalize.ts';

describe('analysis', () => {
  it('folds case, umlauts and ß the same on both sides', () => {
    expect(fold('GROẞBRITANNIEN')).toBe(fold('Großbritannien'));
    expect(fold('Geschäftspartner')).toBe('geschaftspartner');
    expect(termOf('Geschäftspartner', 'de')).toBe(termOf('geschaftspartner', 'de'));
    expect(termOf('Behörden', 'de')).toBe(termOf('BEHÖRDE', 'de'));
  });
  it('stems German inflections to one term', () => {
    expect(termOf('Geheimdienste', 'de')).toBe(termOf('Geheimdienst', 'de'));
    expect(termOf('Spionagebehörden', 'de')).toBe(termOf('Spionagebehörde', 'de'));
  });
  it('drops stop words and keeps acronyms and numbers whole', () => {
    expect(analyze('Die Daten der Behörden und des GCHQ im Jahr 2020', 'de').map((t) => t.word)).toEqual(['Daten', 'Behörden', 'GCHQ', 'Jahr', '2020']);
    expect(termOf('AWS', 'de')).toBe('aws');
    expect(termOf('30', 'de')).toBe('30');
  });
  it('stems English with the English stemmer', () => {
    expect(termOf('agencies', 'en')).toBe(termOf('agency', 'en'));
  });
});
