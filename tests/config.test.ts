import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB';
const problems = (env: NodeJS.ProcessEnv, requireDiscord = false) => {
  try {
    loadConfig({ env, requireDiscord });
    return [];
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
};

describe('loadConfig', () => {
  it('defaults to the local console with ./corpus', () => {
    expect(loadConfig({ env: {} })).toEqual({ discord: null, corpusDir: './corpus', logLevel: 'info', dataDir: './data', consoleLanguage: 'en' });
  });
  it('reads a complete Discord configuration', () => {
    const c = loadConfig({ env: { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: '123456789012345678', DISCORD_API_URL: 'http://127.0.0.1:9/api/', CORPUS_DIR: 'x', LOG_LEVEL: 'DEBUG' } });
    expect(c).toEqual({ discord: { token: TOKEN, clientId: '123456789012345678', guildId: null, apiUrl: 'http://127.0.0.1:9/api' }, corpusDir: 'x', logLevel: 'debug', dataDir: './data', consoleLanguage: 'en' });
  });
  it('explains each problem without echoing the token', () => {
    const p = problems({ DISCORD_TOKEN: 'Bot secret-value', DISCORD_CLIENT_ID: 'abc', DISCORD_GUILD_ID: '12', DISCORD_API_URL: 'ftp://x', LOG_LEVEL: 'loud' });
    expect(p).toHaveLength(5);
    expect(p.join('\n')).not.toContain('secret-value');
    expect(p.join('\n')).toMatch(/DISCORD_TOKEN does not look like a bot token/);
    expect(problems({ DISCORD_TOKEN: TOKEN })).toEqual([expect.stringMatching(/DISCORD_CLIENT_ID is not set/)]);
    expect(problems({}, true)).toHaveLength(2);
  });
  it('DATA_DIR: any directory, or a path to create; a file or control characters are refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'beleg-config-'));
    expect(loadConfig({ env: { DATA_DIR: dir } }).dataDir).toBe(dir);
    expect(loadConfig({ env: { DATA_DIR: join(dir, 'new', 'deeper') } }).dataDir).toBe(join(dir, 'new', 'deeper'));
    const file = join(dir, 'file');
    writeFileSync(file, 'x');
    expect(problems({ DATA_DIR: file })).toEqual([expect.stringMatching(/^DATA_DIR ".*file" exists but is not a directory/)]);
    expect(problems({ DATA_DIR: 'a\u0001b' })).toEqual([expect.stringMatching(/control characters/)]);
  });
  it('the console language follows LC_ALL, then LC_MESSAGES, then LANG', () => {
    expect(loadConfig({ env: { LANG: 'de_DE.UTF-8' } }).consoleLanguage).toBe('de');
    expect(loadConfig({ env: { LANG: 'de_DE.UTF-8', LC_ALL: 'en_US.UTF-8' } }).consoleLanguage).toBe('en');
    expect(loadConfig({ env: { LANG: 'en_GB', LC_MESSAGES: 'de_AT' } }).consoleLanguage).toBe('de');
    expect(loadConfig({ env: { LANG: 'C.UTF-8' } }).consoleLanguage).toBe('en');
    expect(loadConfig({ env: { LANG: 'dex' } }).consoleLanguage).toBe('en');
  });
});
