import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { englishLemmas, germanLemmas, lexiconFromBytes, loadLexicon, type Lexicon } from '../../src/search/lexicon.ts';
import { buildLexiconFile } from '../../src/search/lexicon/compile.ts';

describe('committed lexicon', () => {
  const lex = loadLexicon();
  const de = (en: string) => lex.toGerman(en) ?? [];
  const en = (de: string) => lex.toEnglish(de) ?? [];

  it('is loaded once and cached', () => {
    expect(loadLexicon()).toBe(lex);
    expect(lex.maxEnglishPhraseWords).toBe(3);
  });

  it('knows strong verb forms', () => {
    expect(lex.germanLemma('gefunden')).toBe('finden');
    expect(lex.germanLemma('geschlossen')).toBe('schliessen');
  });

  it('translates single English words', () => {
    expect(de('successor')).toContain('nachfolger');
    expect(de('newspaper')[0]).toBe('zeitung');
    expect(de('weather')[0]).toBe('wetter');
    expect(de('profit')).toContain('gewinn');
    expect(de('capital')).toEqual(expect.arrayContaining(['kapital', 'hauptstadt']));
    expect(de('partner').some((t) => t === 'partner' || t === 'geschaftspartner')).toBe(true);
  });

  it('translates multi-word English entries', () => {
    expect(de('market share')).toContain('marktanteil');
    expect(de('intelligence service')).toContain('geheimdienst');
    expect(de('world cup')).toContain('weltcup');
    expect(de('interest rate')).toContain('zinssatz');
  });

  it('finds inflected English forms', () => {
    expect([...de('stored'), ...de('store')]).toContain('speichern');
    expect(de('stored')).toContain('gespeichert');
    expect(de('succeeded')).toEqual(expect.arrayContaining(['gelungen', 'gelingen']));
    expect(de('agencies').some((t) => t.startsWith('behorde'))).toBe(true);
    expect(de('agencies')).toContain('agenturen');
    expect(de('confirmed')).toContain('bestatigt');
    expect(de('dealt').length).toBeGreaterThan(0);
    expect(de('market shares')).toContain('marktanteile');
    // Not listed in the dictionary: the lemmatizing fallback finds "confirm".
    expect(de('confirms')).toContain('bestatigen');
  });

  it('translates German to English, inflected forms included', () => {
    expect(en('nachfolger')).toContain('successor');
    expect(en('geheimdienst')).toContain('intelligence service');
    expect(en('geheimdienste')).toContain('intelligence service');
    expect(en('behorden')).toContain('authorities');
    expect(en('gespeichert')).toContain('stored');
    expect(en('marktanteil')).toContain('market share');
    expect(en('geheimdienstes')).toContain('intelligence service'); // fallback: -es
  });

  it('knows German headwords and listed forms', () => {
    for (const w of ['behorde', 'behorden', 'spionage', 'geheimdienst', 'marktanteil']) {
      expect(lex.isGermanWord(w), w).toBe(true);
    }
    expect(lex.isGermanWord('spionagebehorden')).toBe(false);
    expect(lex.isGermanWord('xyzzyqux')).toBe(false);
    expect(lex.isGermanWord('')).toBe(false);
    expect(lex.isGermanWord('market share')).toBe(false);
  });

  it('returns undefined for unknown terms', () => {
    expect(lex.toGerman('xyzzyqux')).toBeUndefined();
    expect(lex.toEnglish('xyzzyqux')).toBeUndefined();
    expect(lex.toGerman('')).toBeUndefined();
    expect(lex.toGerman('the body stores excess fat')).toBeUndefined();
  });

  it('keeps translations folded, short and bounded', () => {
    for (const w of ['deal', 'share', 'capital', 'store', 'agency', 'intelligence', 'cloud', 'data']) {
      const list = de(w);
      expect(list.length, w).toBeGreaterThan(0);
      expect(list.length, w).toBeLessThanOrEqual(12);
      for (const t of list) {
        expect(t.split(' ').length, t).toBeLessThanOrEqual(3);
        expect(t, t).toMatch(/^[\p{Ll}\p{N}]+(?: [\p{Ll}\p{N}]+)*$/u);
        expect(t, t).not.toMatch(/[äöüß]/);
      }
    }
    expect(Object.isFrozen(de('deal'))).toBe(true);
  });
});

describe('lemma fallbacks', () => {
  it('proposes English lemmas', () => {
    expect(englishLemmas('agencies')).toContain('agency');
    expect(englishLemmas('stored')).toContain('store');
    expect(englishLemmas('planned')).toContain('plan');
    expect(englishLemmas('making')).toContain('make');
    expect(englishLemmas('shares')).toContain('share');
    expect(englishLemmas('is')).toEqual([]);
  });
  it('proposes German lemmas', () => {
    expect(germanLemmas('geheimdienstes')).toContain('geheimdienst');
    expect(germanLemmas('behorden')).toContain('behorde');
    expect(germanLemmas('amt')).toEqual([]);
  });
});

/** A made-up dictionary snippet in Ding's format. */
const SNIPPET = `# Version :: test 2024-01-01
# License :: GPL Version 2 or later; GNU General Public License
Nachfolger {m}; Nachfolgerin {f} /Nchf.; Nachf./ | Nachfolger {pl}; Nachfolgerinnen {pl} :: successor; follower | successors; followers
Marktanteil {m} | Marktanteile {pl} | inländischer Marktanteil | Marktanteile dazugewinnen :: share of the market; market share | shares of the markets; market shares | domestic market share | to gain market shares
etw. speichern {vt} [comp.] | speichernd | gespeichert | Der Körper speichert überschüssiges Fett. :: to store sth. | storing | stored | The body stores excess fat.
Behörde {f} [adm.] | die Behörden :: authority | the authorities
Umwelt {f} :: environment
Verwaltung {f} :: administration
Ordnung {f} :: order
Umweltbehörde {f} :: environment agency
Verwaltungsbehörde {f} :: administrative agency
Ordnungsbehörde {f} :: regulatory agency
Geheimdienst {m} | Geheimdienste {pl} :: intelligence service | intelligence services
verhandeln {vt} (mit jdm.) | verhandelnd | verhandelt :: to deal {dealt; dealt} (with sb.) | dealing | dealt
mit jdm. zusammenarbeiten {vi} :: to cooperate with sb.
Prozent {n} / % / :: percent [Am.] / % /
Aas {n} [zool.] :: carrion
Intelligenz {f} | künstliche Intelligenz {f} /KI/ :: intelligence | artificial intelligence /AI/
`;

describe('compiler', () => {
  const dir = mkdtempSync(join(tmpdir(), 'beleg-lexicon-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const input = join(dir, 'de-en');
  writeFileSync(input, SNIPPET);

  it('is deterministic: same input, byte-identical output', () => {
    const a = join(dir, 'a.tsv.gz');
    const b = join(dir, 'b.tsv.gz');
    buildLexiconFile(input, a);
    buildLexiconFile(input, b);
    expect(Buffer.compare(readFileSync(a), readFileSync(b))).toBe(0);
  });

  const compiled = buildLexiconFile(input, join(dir, 'c.tsv.gz'));
  const lex: Lexicon = lexiconFromBytes(gunzipSync(readFileSync(join(dir, 'c.tsv.gz'))));

  it('links German inflected forms to their dictionary form', () => {
    expect(lex.germanLemma('gespeichert')).toBe('speichern');
    expect(lex.germanLemma('geheimdienste')).toBe('geheimdienst');
    expect(lex.germanLemma('speichern')).toBeUndefined();
    expect(lex.germanLemma('unbekannt')).toBeUndefined();
  });

  it('makes abbreviations translate like their long forms', () => {
    expect(lex.toGerman('ai')).toEqual(['ki', 'kunstliche intelligenz']);
    expect(lex.toEnglish('ki')).toEqual(['ai', 'artificial intelligence']);
    expect(lex.toGerman('artificial intelligence')).toEqual(['kunstliche intelligenz']);
  });

  it('parses sub-entries, synonyms and annotations', () => {
    expect(lex.toGerman('successor')).toEqual(['nachfolger', 'nachfolgerin']);
    expect(lex.toGerman('market share')).toEqual(['marktanteil']);
    expect(lex.toGerman('percent')).toEqual(['prozent']);
    expect(lex.toGerman('cooperate with')).toEqual(['zusammenarbeiten']);
    expect(lex.toEnglish('nchf')).toBeUndefined();
    expect(lex.toGerman('the body stores excess fat')).toBeUndefined();
    expect(lex.toEnglish('inlandischer marktanteil')).toEqual(['domestic market share']);
    expect(lex.maxEnglishPhraseWords).toBe(3);
  });

  it('links inflected forms to their lemmas', () => {
    expect(lex.toGerman('successors')).toEqual(expect.arrayContaining(['nachfolger', 'nachfolgerin']));
    expect(lex.toGerman('stored')).toEqual(['gespeichert', 'speichern']);
    expect(lex.toGerman('dealt')).toEqual(['verhandelt', 'verhandeln']);
    expect(lex.toGerman('authorities')).toEqual(['behorden', 'behorde']);
    expect(lex.toEnglish('geheimdienste')).toEqual(['intelligence services', 'intelligence service']);
    expect(lex.toEnglish('behorden')).toEqual(['authorities', 'authority', 'agency']);
  });

  it('derives compound heads with enough support', () => {
    expect(lex.toGerman('agency')).toEqual(['behorde']);
    expect(lex.toEnglish('behorde')).toEqual(['authority', 'agency']);
    expect(compiled.stats.compoundHeadPairs).toBe(1);
  });

  it('marks German words', () => {
    expect(lex.isGermanWord('behorde')).toBe(true);
    expect(lex.isGermanWord('gespeichert')).toBe(true);
    expect(lex.isGermanWord('behordex')).toBe(false);
  });

  it('lists English single-word headwords by prefix, in order, phrases left out', () => {
    expect(lex.englishWordsWithPrefix('intelligence')).toEqual(['intelligence']);
    expect(lex.englishWordsWithPrefix('succ')).toEqual(['successor', 'successors']);
    expect(lex.englishWordsWithPrefix('succ', 1)).toEqual(['successor']);
    expect(lex.englishWordsWithPrefix('market')).toEqual([]);
    expect(lex.englishWordsWithPrefix('zz')).toEqual([]);
    expect(lex.englishWordsWithPrefix('')).toEqual([]);
  });

  it('reports counts', () => {
    expect(compiled.stats.lines).toBe(16);
    expect(compiled.stats.englishTerms).toBe(compiled.data.en.length);
    expect(compiled.stats.germanTerms).toBe(compiled.data.de.length);
  });
});
