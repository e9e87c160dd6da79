import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { lexiconFromBytes } from '../../../src/search/lexicon.ts';
import { buildLexiconFile } from '../../../src/search/lexicon/compile.ts';

/** Made-up verb entries in Ding's format, finite forms written with their subject pronouns. */
const SNIPPET = `# Version :: test 2024-01-01
etw. wegtragen; entfernen {vt} | wegtragend; entfernend | weggetragen; entfernt | er/sie trägt weg | ich/er/sie trug weg | er/sie hat/hatte weggetragen :: to carry away <> sth.; to remove sth. | carrying away; removing | carried away; removed | he/she carries away | I/he/she carried away | he/she has/had carried away
etw. tragen {vt} | tragend | getragen | du trägst | er/sie trägt | ich/er/sie trug | wir trugen | er/sie hat/hatte getragen | Sie trug den Koffer zum Bahnhof. :: to carry sth. {carried; carried} | carrying | carried | you carry | he/she carries | I/he/she carried | we carried | he/she has/had carried | She carried the suitcase to the station.
`;

describe('compiler: finite verb forms written with their subject', () => {
  const dir = mkdtempSync(join(tmpdir(), 'beleg-verbs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'de-en'), SNIPPET);
  buildLexiconFile(join(dir, 'de-en'), join(dir, 'out.tsv.gz'));
  const lex = lexiconFromBytes(gunzipSync(readFileSync(join(dir, 'out.tsv.gz'))));

  it('links strong present and past forms to their infinitive, the pronouns dropped', () => {
    expect(lex.germanLemma('trug')).toBe('tragen');
    expect(lex.germanLemma('tragt')).toBe('tragen');
    expect(lex.germanLemma('trugen')).toBe('tragen');
    expect(lex.isGermanWord('trug')).toBe(true);
    expect(lex.toEnglish('trug')).toContain('carried');
  });

  it('links a separated form to the synonym its particle begins', () => {
    expect(lex.germanLemma('trug weg')).toBe('wegtragen');
    expect(lex.germanLemma('tragt weg')).toBe('wegtragen');
  });

  it('keeps example sentences and perfect rows out', () => {
    expect(lex.isGermanWord('trug koffer')).toBe(false);
    expect(lex.germanLemma('hat getragen')).toBeUndefined();
  });
});
