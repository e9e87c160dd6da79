import { describe, expect, it } from 'vitest';
import { newArticleId, slugOf, urlSlugSource } from '../../src/library/ids.ts';

describe('ids of added articles', () => {
  it('slug the headline: ASCII, German letters written out, cut between words', () => {
    expect(slugOf('Brücke über den Kanal wird im Herbst gesperrt')).toBe('bruecke-ueber-den-kanal-wird-im-herbst-gesperrt');
    expect(slugOf('Großer Streit um Straße – »Nein!«')).toBe('grosser-streit-um-strasse-nein');
    expect(slugOf('Café crème à São Paulo')).toBe('cafe-creme-a-sao-paulo');
    expect(slugOf('Town votes to remove century-old dam to save salmon run')).toBe('town-votes-to-remove-century-old-dam-to-save');
    expect(slugOf('Ein'.repeat(30))).toHaveLength(48);
    expect(slugOf('Москва')).toBe('');
  });
  it('fall back to the URL or file name, then "article"; never take an id that is taken', () => {
    expect(urlSlugSource('https://news.example/2024/05/dam-removal.html?x=1')).toBe('dam-removal');
    expect(newArticleId(['Москва', urlSlugSource('https://x.example/a/b-c-d/')], () => false)).toBe('b-c-d');
    expect(newArticleId([null, ''], () => false)).toBe('article');
    const taken = new Set(['dam', 'dam-2']);
    expect(newArticleId(['Dam'], (id) => taken.has(id))).toBe('dam-3');
  });
});
