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
    expect(loadConfig({ env: {} })).toEqual({ discord: null, corpusDir: './corpus', logLevel: 'info', dataDir: './data', fetchAllowHosts: [], maxArticlesPerGuild: 100, consoleLanguage: 'en' });
  });
  it('reads a complete Discord configuration', () => {
    const c = loadConfig({ env: { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: '123456789012345678', DISCORD_API_URL: 'http://127.0.0.1:9/api/', CORPUS_DIR: 'x', LOG_LEVEL: 'DEBUG' } });
    expect(c).toEqual({ discord: { token: TOKEN, clientId: '123456789012345678', guildId: null, apiUrl: 'http://127.0.0.1:9/api' }, corpusDir: 'x', logLevel: 'debug', dataDir: './data', fetchAllowHosts: [], maxArticlesPerGuild: 100, consoleLanguage: 'en' });
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
  it('FETCH_ALLOW_HOSTS: host:port entries as a URL writes them; MAX_ARTICLES_PER_GUILD: a whole number', () => {
    const c = loadConfig({ env: { FETCH_ALLOW_HOSTS: ' 127.0.0.1:8080, News.Intranet:80 ,[::1]:9000', MAX_ARTICLES_PER_GUILD: '7' } });
    expect(c.fetchAllowHosts).toEqual([
      { host: '127.0.0.1', port: 8080 },
      { host: 'news.intranet', port: 80 },
      { host: '[::1]', port: 9000 },
    ]);
    expect(c.maxArticlesPerGuild).toBe(7);
    expect(loadConfig({ env: { MAX_ARTICLES_PER_GUILD: '0' } }).maxArticlesPerGuild).toBe(0);
    const p = problems({ FETCH_ALLOW_HOSTS: 'localhost,http://x:80/,a:99999,b:80/path', MAX_ARTICLES_PER_GUILD: '-1' });
    expect(p).toEqual([
      expect.stringMatching(/^FETCH_ALLOW_HOSTS entry "localhost" has no port/),
      expect.stringMatching(/^FETCH_ALLOW_HOSTS entry "http:\/\/x:80\/" is not host:port/),
      expect.stringMatching(/^FETCH_ALLOW_HOSTS entry "a:99999" /),
      expect.stringMatching(/^FETCH_ALLOW_HOSTS entry "b:80\/path" is not host:port/),
      expect.stringMatching(/^MAX_ARTICLES_PER_GUILD "-1" is not a whole number from 0 to 10000/),
    ]);
    expect(problems({ MAX_ARTICLES_PER_GUILD: '100000' })).toHaveLength(1);
    expect(problems({ MAX_ARTICLES_PER_GUILD: '2.5' })).toHaveLength(1);
  });
  it('the console language follows LC_ALL, then LC_MESSAGES, then LANG', () => {
    expect(loadConfig({ env: { LANG: 'de_DE.UTF-8' } }).consoleLanguage).toBe('de');
    expect(loadConfig({ env: { LANG: 'de_DE.UTF-8', LC_ALL: 'en_US.UTF-8' } }).consoleLanguage).toBe('en');
    expect(loadConfig({ env: { LANG: 'en_GB', LC_MESSAGES: 'de_AT' } }).consoleLanguage).toBe('de');
    expect(loadConfig({ env: { LANG: 'C.UTF-8' } }).consoleLanguage).toBe('en');
    expect(loadConfig({ env: { LANG: 'dex' } }).consoleLanguage).toBe('en');
  });
});
