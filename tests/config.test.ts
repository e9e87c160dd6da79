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
    expect(loadConfig({ env: {} })).toEqual({ discord: null, corpusDir: './corpus', logLevel: 'info' });
  });
  it('reads a complete Discord configuration', () => {
    const c = loadConfig({ env: { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: '123456789012345678', DISCORD_API_URL: 'http://127.0.0.1:9/api/', CORPUS_DIR: 'x', LOG_LEVEL: 'DEBUG' } });
    expect(c).toEqual({ discord: { token: TOKEN, clientId: '123456789012345678', guildId: null, apiUrl: 'http://127.0.0.1:9/api' }, corpusDir: 'x', logLevel: 'debug' });
  });
  it('explains each problem without echoing the token', () => {
    const p = problems({ DISCORD_TOKEN: 'Bot secret-value', DISCORD_CLIENT_ID: 'abc', DISCORD_GUILD_ID: '12', DISCORD_API_URL: 'ftp://x', LOG_LEVEL: 'loud' });
    expect(p).toHaveLength(5);
    expect(p.join('\n')).not.toContain('secret-value');
    expect(p.join('\n')).toMatch(/DISCORD_TOKEN does not look like a bot token/);
    expect(problems({ DISCORD_TOKEN: TOKEN })).toEqual([expect.stringMatching(/DISCORD_CLIENT_ID is not set/)]);
    expect(problems({}, true)).toHaveLength(2);
  });
});
