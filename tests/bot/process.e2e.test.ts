/**
 * The bot as its own process, as operators run it: `npm start` (src/main.ts
 * → runBot) and `npm run start:sharded` (ShardingManager → one process per
 * shard), against the stand-in; each answers and shuts down cleanly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { ShardingManager } from 'discord.js';
import { loadConfig } from '../../src/config.ts';
import { deployCommands } from '../../src/bot/deployCommands.ts';
import { startSharded } from '../../src/bot/sharded.ts';
import { DiscordStandIn } from '../discord/standin.ts';
import { writeTestCorpus } from './fixtures.ts';
import { originalPath, standInEnv } from './harness.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function askAndExpectAnswer(discord: DiscordStandIn, dm = false): Promise<number[]> {
  const sent = discord.dispatchInteraction({ kind: 'slash', name: 'ask', options: { question: 'Who succeeded Bezos?' }, user: discord.createUser(), dm });
  expect(await sent.waitForCallback()).toMatchObject({ type: 5, accepted: true });
  const edit = await discord.waitForRequest(originalPath(discord, sent.token), { method: 'PATCH', timeoutMs: 10_000 });
  expect(JSON.stringify(edit.body)).toContain('Andy Jassy');
  return sent.shardIds;
}

describe('bot processes', () => {
  let discord: DiscordStandIn | undefined;
  let child: ChildProcess | undefined;
  let manager: ShardingManager | undefined;
  const savedEnv = { ...process.env };

  afterEach(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    if (manager) {
      manager.respawn = false;
      for (const shard of manager.shards.values()) if (shard.process) shard.kill();
    }
    process.env = { ...savedEnv };
    await discord?.stop();
    discord = undefined;
    child = undefined;
    manager = undefined;
  });

  it('npm start (src/main.ts) with a token runs the bot; SIGTERM stops it with exit code 0', async () => {
    discord = new DiscordStandIn({ heartbeatIntervalMs: 1000 });
    await discord.start();
    await deployCommands(loadConfig({ env: standInEnv(discord) }));
    const env = { ...process.env, ...standInEnv(discord), LOG_LEVEL: 'info', CORPUS_DIR: writeTestCorpus() };
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    await discord.waitForShards([0], 20_000);
    await discord.waitUntil(() => (out.includes('"bot ready"') ? true : undefined), 10_000, 'bot ready log');
    await askAndExpectAnswer(discord);
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
    expect(out).toContain('"msg":"shutting down"');
    expect(out).toContain('"msg":"bot stopped"');
    expect(out).not.toContain(discord.token);
    expect(discord.gatewayEvents.some((e) => e.direction === 'close' && e.code === 1000)).toBe(true);
    discord.assertNoUnexpectedRequests();
  });

  it('npm start: /article add a news page, ask about it in that server, nothing of it in another, restart, still there', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { snowflake } = await import('../discord/standin.ts');
    const { startPageServer } = await import('../fetch/pageServer.ts');
    const pages = await startPageServer();
    pages.file('/2023/09/05/millers-weir-dam-removal/', new URL('../corpus/fixtures/html/river-dam.html', import.meta.url));
    try {
      discord = new DiscordStandIn({ heartbeatIntervalMs: 1000 });
      await discord.start();
      const dataDir = mkdtempSync(join(tmpdir(), 'beleg-process-data-'));
      const env = { ...process.env, ...standInEnv(discord), DATA_DIR: dataDir, FETCH_ALLOW_HOSTS: pages.hostPort, LOG_LEVEL: 'info', CORPUS_DIR: writeTestCorpus() };
      await deployCommands(loadConfig({ env }));
      const other = snowflake(Date.now() - 86_400_000 * 50);
      const moderator = discord.createUser();
      const ask = async (guildId?: string) => {
        const sent = discord!.dispatchInteraction({ kind: 'slash', name: 'ask', options: { question: 'Who is the chairman of the angling club?' }, user: discord!.createUser(), guildId });
        await sent.waitForCallback();
        return JSON.stringify((await discord!.waitForRequest(originalPath(discord!, sent.token), { method: 'PATCH', timeoutMs: 10_000 })).body);
      };
      const start = async () => {
        child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
        child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
        await discord!.waitUntil(() => (out.includes('"bot ready"') ? true : undefined), 20_000, 'bot ready log');
        return () => out;
      };
      const stop = async () => {
        const exited = once(child!, 'exit');
        child!.kill('SIGTERM');
        expect((await exited)[0]).toBe(0);
      };
      await start();
      const add = discord.dispatchInteraction({ kind: 'slash', name: 'article', subcommand: 'add', options: { url: pages.url('/2023/09/05/millers-weir-dam-removal/') }, user: moderator, memberPermissions: String(1n << 5n) });
      expect(await add.waitForCallback()).toMatchObject({ type: 5, data: { flags: 64 } });
      const added = await discord.waitForRequest(originalPath(discord, add.token), { method: 'PATCH', timeoutMs: 15_000 });
      expect(JSON.stringify(added.body)).toContain('Added: Town votes to remove century-old dam to save salmon run');
      expect(await ask()).toContain('Graham Wells');
      expect(await ask(other)).not.toContain('Graham Wells');
      await stop();
      const log = await start();
      expect(log()).toContain('1 added article loaded (persisted index)');
      expect(await ask()).toContain('Graham Wells');
      expect(await ask(other)).not.toContain('Graham Wells');
      await stop();
      discord.assertNoUnexpectedRequests();
    } finally {
      await pages.stop();
    }
  });

  it('npm start with a token Discord rejects exits 1 with a message saying what to do', async () => {
    discord = new DiscordStandIn();
    await discord.start();
    const wrong = 'MTQzMTA4ODE5MDAzNDQxNTYxNw.5wovjg.C3laIksiOEBdEtQ5rk5iuOiCchKVrirDdlUvjw';
    const env = { ...process.env, ...standInEnv(discord), DISCORD_TOKEN: wrong, LOG_LEVEL: 'info', CORPUS_DIR: writeTestCorpus() };
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(stderr).toContain('Discord rejected DISCORD_TOKEN. Reset the token on the developer portal');
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(stdout + stderr).not.toContain(wrong);
  });

  it('start:sharded: the ShardingManager spawns one process per recommended shard; both answer', async () => {
    discord = new DiscordStandIn({ heartbeatIntervalMs: 1000, recommendedShards: 2, maxConcurrency: 2 });
    await discord.start();
    const env = { ...standInEnv(discord), LOG_LEVEL: 'warn', CORPUS_DIR: writeTestCorpus() };
    Object.assign(process.env, env); // the ShardingManager hands its environment to the shard processes
    const config = loadConfig({ env });
    await deployCommands(config);
    manager = await startSharded(config, { spawnDelayMs: 0 });
    expect(manager.totalShards).toBe(2);
    expect(discord.connectedShards()).toEqual([0, 1]);
    const owner = Number((BigInt(discord.guildId) >> 22n) % 2n);
    // guild traffic reaches the guild's shard, DMs shard 0: together, with either owner, both processes are asked at least once
    expect(await askAndExpectAnswer(discord)).toEqual([owner]);
    expect(await askAndExpectAnswer(discord, true)).toEqual([0]);
    const exits = [...manager.shards.values()].map((s) => once(s.process!, 'exit'));
    manager.respawn = false;
    for (const shard of manager.shards.values()) shard.kill();
    const codes = (await Promise.all(exits)).map(([code]) => code);
    expect(codes).toEqual([0, 0]);
    discord.assertNoUnexpectedRequests();
  });
});
