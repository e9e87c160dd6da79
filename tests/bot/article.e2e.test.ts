/**
 * `/article add|list|remove` end to end: the real bot (discord.js) against
 * the Discord stand-in, news pages served from a local web server on
 * 127.0.0.1 (on FETCH_ALLOW_HOSTS, with the stand-in's CDN for attachments).
 * A page added by link and one attached as a file (the `resolved.attachments`
 * payload Discord sends) answer at once in that server and never in another;
 * the refusals are private and in the user's language; everything survives a
 * restart; remove deletes the file. Every reply pings no one and fits
 * Discord's limits.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageFlags, PermissionFlagsBits } from 'discord.js';
import type { APIEmbed, APIUser } from 'discord-api-types/v10';
import { createLogger } from '../../src/bot/logger.ts';
import { type RunningBot, startBot } from '../../src/bot/run.ts';
import type { Engine } from '../../src/engine/engine.ts';
import { snowflake, type DiscordStandIn } from '../discord/standin.ts';
import { type PageServer, startPageServer } from '../fetch/pageServer.ts';
import { testEngine } from './fixtures.ts';
import { originalPath, startHarness, type Harness } from './harness.ts';
import { expectWithinLimits } from './limits.ts';

const HTML = new URL('../corpus/fixtures/html/', import.meta.url);
const MODERATOR = (PermissionFlagsBits.ManageGuild | PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.UseApplicationCommands).toString();
const MEMBER = (PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.UseApplicationCommands).toString();
const DAM = 'town-votes-to-remove-century-old-dam-to-save';
const TERMINAL = 'neues-containerterminal-soll-2027-in-betrieb';

function embedOf(body: unknown): APIEmbed {
  const embeds = (body as { embeds?: APIEmbed[] }).embeds;
  expect(embeds?.length).toBe(1);
  return embeds![0]!;
}

/** Every file under a directory, with its text. */
function filesUnder(dir: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push({ path, text: readFileSync(path, 'latin1') });
  }
  return out;
}

describe('/article add, list, remove (bot end to end)', () => {
  let h: Harness;
  let discord: DiscordStandIn;
  let pages: PageServer;
  let engine: Engine;
  let bot: RunningBot;
  const OTHER_GUILD = snowflake(Date.now() - 86_400_000 * 100);
  const people: APIUser[] = [];
  const tokens: string[] = [];
  let moderator: APIUser;

  type Extra = { who?: APIUser; subcommand?: string; memberPermissions?: string; locale?: 'de' | 'en-US'; guildId?: string };
  async function slash(name: string, options: Record<string, string | number | boolean>, extra: Extra = {}) {
    const who = extra.who ?? moderator;
    const sent = discord.dispatchInteraction({ kind: 'slash', name, options, user: who, subcommand: extra.subcommand, memberPermissions: extra.memberPermissions ?? MODERATOR, locale: extra.locale, guildId: extra.guildId });
    tokens.push(sent.token);
    const callback = await sent.waitForCallback();
    const edit = callback.type === 5 || callback.type === 6 ? await discord.waitForRequest(originalPath(discord, sent.token), { method: 'PATCH', timeoutMs: 10_000 }) : undefined;
    return { sent, callback, edit };
  }
  const article = (subcommand: string, options: Record<string, string | number | boolean>, extra: Extra = {}) => slash('article', options, { ...extra, subcommand });
  /** The private text reply of a deferred /article subcommand. */
  const said = async (p: ReturnType<typeof article>) => {
    const { callback, edit } = await p;
    expect(callback).toMatchObject({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    return (edit!.body as { content: string }).content;
  };
  const ask = async (question: string, guildId?: string) => {
    const { edit } = await slash('ask', { question }, { guildId, who: people[0] });
    return embedOf(edit!.body).description ?? '';
  };

  beforeAll(async () => {
    pages = await startPageServer({
      '/login': { kind: 'page', body: readFileSync(new URL('login-wall.html', HTML)) },
      '/hang': { kind: 'hang' },
    });
    pages.file('/news/dam', new URL('river-dam.html', HTML));
    engine = testEngine();
    h = await startHarness({ engine, bot: { cooldownMs: 0 }, env: (d) => ({ FETCH_ALLOW_HOSTS: `${pages.hostPort},127.0.0.1:${d.port}`, MAX_ARTICLES_PER_GUILD: '5' }) });
    discord = h.discord;
    bot = h.bot;
    moderator = discord.createUser({ username: 'modname', globalName: 'Mod Erator' });
    people.push(moderator, discord.createUser({ username: 'readername', globalName: 'Reader Person' }));
  });

  afterAll(async () => {
    await bot?.stop();
    await h?.discord.stop();
    await pages?.stop();
  });

  it('adds a news page by link: deferred and private, naming headline, id, language, sentences and chrome dropped', async () => {
    const { callback, edit } = await article('add', { url: pages.url('/news/dam') });
    expect(callback).toMatchObject({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    expect(callback.latencyMs).toBeLessThan(3000);
    const embed = embedOf(edit!.body);
    expect(embed.title).toBe('Added: Town votes to remove century-old dam to save salmon run');
    const field = (name: string) => embed.fields!.find((f) => f.name === name)?.value;
    expect(field('Id')).toBe(`\`${DAM}\``);
    expect(field('Language')).toBe('English (en)');
    expect(Number(field('Sentences'))).toBeGreaterThan(5);
    expect(field('Page chrome dropped')).toMatch(/^\d+ lines?$/);
    expect(field('Source')).toBe(`[127.0.0.1:${pages.port}/news/dam](${pages.url('/news/dam')})`);
    expect(pages.requests.at(-1)!.headers['user-agent']).toMatch(/^Beleg\//);
  });

  it('the article answers at once in this server: /ask, autocomplete, /help, mentions and Find in article', async () => {
    expect(await ask('Who is the chairman of the angling club?')).toContain('Graham Wells');
    const auto = discord.dispatchInteraction({ kind: 'autocomplete', name: 'ask', focused: { name: 'article', value: 'town votes' }, user: people[1] });
    expect((await auto.waitForCallback()).data.choices).toEqual([{ name: expect.stringContaining('Town votes'), value: DAM }]);
    const help = await slash('help', {}, { who: people[1] });
    expect(embedOf(help.callback.data).fields![0]!.value).toContain(DAM);
    const mention = await discord.dispatchMessage({ content: 'Who chairs the Eldham Angling Club?', mentionsBot: true, author: people[1] }).waitForReply();
    expect((mention.message.embeds[0] as APIEmbed).description).toContain('Graham Wells');
    const find = discord.dispatchInteraction({ kind: 'messageContextMenu', name: 'Find in article', target: { content: 'The dam removal will cost £14m.' }, user: people[1] });
    tokens.push(find.token);
    await find.waitForCallback();
    const found = await discord.waitForRequest(originalPath(discord, find.token), { method: 'PATCH' });
    expect(embedOf(found.body).description).toMatch(/£(\*\*)?14m/);
  });

  it("another server sees nothing of it: not in answers, autocomplete, /help or /article list", async () => {
    const elsewhere = await ask('Who is the chairman of the angling club?', OTHER_GUILD);
    expect(elsewhere).not.toContain('Graham Wells');
    expect(elsewhere).toMatch(/^\*\*Not found\.\*\*/);
    const auto = discord.dispatchInteraction({ kind: 'autocomplete', name: 'ask', focused: { name: 'article', value: 'town' }, user: people[1], guildId: OTHER_GUILD });
    expect((await auto.waitForCallback()).data.choices).toEqual([]);
    const help = await slash('help', {}, { who: people[1], guildId: OTHER_GUILD });
    expect(embedOf(help.callback.data).fields![0]!.value).not.toContain(DAM);
    const list = await article('list', {}, { guildId: OTHER_GUILD });
    expect(embedOf(list.callback.data).description).not.toContain(DAM);
    // asking for it by id there: no such article
    const { callback } = await slash('ask', { question: 'salmon', article: DAM }, { guildId: OTHER_GUILD, who: people[1] });
    expect(callback.data.content).toMatch(/There is no article/);
  });

  it('adds an attached file (resolved.attachments, fetched from the CDN), in German for a German user', async () => {
    const upload = discord.uploadAttachment({ filename: 'hafen-terminal.html', data: readFileSync(new URL('hafen-terminal.html', HTML)) });
    const mark = discord.cdnRequests.length;
    const { sent, callback, edit } = await article('add', { file: upload.id }, { locale: 'de' });
    // the interaction carries the attachment as Discord sends it
    expect((sent.payload.data as { resolved?: { attachments?: Record<string, unknown> } }).resolved?.attachments?.[upload.id]).toMatchObject({ id: upload.id, filename: 'hafen-terminal.html', size: upload.size, url: upload.url, ephemeral: true });
    expect(callback).toMatchObject({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    const embed = embedOf(edit!.body);
    expect(embed.title).toBe('Hinzugefügt: Neues Containerterminal soll 2027 in Betrieb gehen');
    expect(embed.fields!.find((f) => f.name === 'Sprache')?.value).toBe('Deutsch (de)');
    expect(embed.fields!.find((f) => f.name === 'Quelle')?.value).toBe('hafen-terminal.html');
    expect(discord.cdnRequests.slice(mark)).toEqual([expect.objectContaining({ method: 'GET', status: 200, headers: expect.objectContaining({ 'user-agent': expect.stringMatching(/^Beleg\//) }) })]);
    expect(await ask('Wann soll das Terminal in Betrieb gehen?')).toContain('2027');
  });

  it('/article list: id, headline, source and who added each, ten a page', async () => {
    // a member without Manage Server, where the server's admins opened /article to everyone: Beleg follows them
    const { callback } = await article('list', {}, { memberPermissions: MEMBER, who: people[1] });
    expect(callback).toMatchObject({ type: 4, data: { flags: MessageFlags.Ephemeral } });
    const embed = embedOf(callback.data);
    expect(embed.title).toBe('Articles this server can ask about');
    const lines = embed.description!.split('\n\n');
    expect(lines.map((l) => /`([^`]+)`/.exec(l)?.[1])).toEqual(['spiegel-gchq-aws', 'zebra-crossings', DAM, TERMINAL]);
    expect(lines[0]).toMatch(/\nthe bot's own/);
    expect(lines[2]).toMatch(new RegExp(`\\n\\[127\\.0\\.0\\.1:${pages.port}/news/dam\\]\\(http://127\\.0\\.0\\.1:${pages.port}/news/dam\\) · added by <@${moderator.id}> <t:\\d+:R>$`));
    expect(lines[3]).toMatch(new RegExp(`\\nhafen-terminal\\.html · added by <@${moderator.id}> <t:\\d+:R>$`));
    expect(embed.footer?.text).toBe('page 1 of 1 · 4 articles');
  });

  it('refuses privately, in the user’s language, saying what to do; nothing loaded is lost', async () => {
    expect(await said(article('add', {}))).toBe('Give a link (url) or a file (file) to add.');
    expect(await said(article('add', { url: 'yesterday’s article about the dam' }))).toBe('That is not a link. Paste the full address of the article, starting with https://.');
    const before = pages.connections;
    expect(await said(article('add', { url: `http://localhost:${pages.port}/news/dam` }))).toMatch(/^I do not fetch from localhost: it is not a public address/);
    expect(await said(article('add', { url: `http://[::1]:${pages.port}/news/dam` }, { locale: 'de' }))).toMatch(/^Von \\\[::1\\\] lade ich nichts: Das ist keine öffentliche Adresse/);
    expect(await said(article('add', { url: 'http://169.254.169.254/latest/meta-data/' }))).toMatch(/^I do not fetch from 169\.254\.169\.254/);
    expect(pages.connections).toBe(before);
    expect(await said(article('add', { url: pages.url('/login') }))).toMatch(/^I found no article text on that page: it looks like a login wall/);
    expect(await said(article('add', { url: pages.url('/news/dam') }))).toBe(`This article is already here, as ${DAM} (the same link).`);
    expect(await said(article('add', { url: pages.url('/news/dam') }, { locale: 'de' }))).toBe(`Diesen Artikel gibt es hier schon, als ${DAM} (derselbe Link).`);
    const pdf = discord.uploadAttachment({ filename: 'report.pdf', data: '%PDF-1.4' });
    expect(await said(article('add', { file: pdf.id }))).toBe('I cannot add report.pdf: add a saved web page (.html or .htm), a .txt or an .md file.');
    const both = discord.uploadAttachment({ filename: 'x.txt', data: 'x' });
    expect(await said(article('add', { url: pages.url('/news/dam'), file: both.id }))).toBe('Give a link or a file, not both.');
    expect(await ask('Who is the chairman of the angling club?')).toContain('Graham Wells');
  });

  it('refuses beyond MAX_ARTICLES_PER_GUILD', async () => {
    // 5 allowed: 2 added; 3 more short text files fill the server
    for (let i = 0; i < 3; i++) {
      const text = `Notiz ${i}: Hafenfest ${i}\n\nDas Hafenfest Nummer ${i} beginnt am Samstag um zehn Uhr am Kai ${i}.\n\nDer Eintritt zum Fest Nummer ${i} ist frei, sagte der Veranstalter ${i} am Montag.\n\nAm Abend spielt die Kapelle Nummer ${i} auf der Bühne am Wasser, bis Mitternacht.\n`;
      const f = discord.uploadAttachment({ filename: `notiz-${i}.txt`, data: text });
      const { edit } = await article('add', { file: f.id });
      expect(embedOf(edit!.body).title).toMatch(/^Added: /);
    }
    const f = discord.uploadAttachment({ filename: 'one-more.md', data: '# One more\n\nThis would be the sixth article of the server, which is one more than it may add.\n\nIt is refused before it is fetched, and nothing changes.\n' });
    expect(await said(article('add', { file: f.id }))).toBe('This server has reached its limit of 5 added articles. Remove one with /article remove first.');
  });

  it('survives a restart: the added articles answer, in their server only', async () => {
    await bot.stop();
    const lines: string[] = [];
    bot = await startBot({ config: h.config, engine, cooldownMs: 0, logger: createLogger({ level: 'debug', secrets: [discord.token], destination: { write: (l: string) => lines.push(l) } }) });
    expect(lines.some((l) => l.includes(`${discord.guildId}: 5 added articles loaded (persisted index)`))).toBe(true);
    expect(await ask('Who is the chairman of the angling club?')).toContain('Graham Wells');
    expect(await ask('Wann soll das Terminal in Betrieb gehen?')).toContain('2027');
    expect(await ask('Who is the chairman of the angling club?', OTHER_GUILD)).not.toContain('Graham Wells');
  });

  it('/article remove: autocompletes this server’s articles only, removes one and deletes its file; the bot’s own stay', async () => {
    const auto = discord.dispatchInteraction({ kind: 'autocomplete', name: 'article', subcommand: 'remove', focused: { name: 'article', value: '' }, user: moderator, memberPermissions: MODERATOR });
    const choices = (await auto.waitForCallback()).data.choices as { value: string }[];
    expect(choices.map((c) => c.value)).toEqual([DAM, TERMINAL, 'notiz-0-hafenfest-0', 'notiz-1-hafenfest-1', 'notiz-2-hafenfest-2']);
    const file = join(h.config.dataDir, 'guilds', discord.guildId, 'articles', `${DAM}.json`);
    expect(existsSync(file)).toBe(true);
    expect(await said(article('remove', { article: DAM }))).toBe(`Removed ${DAM} (Town votes to remove century-old dam to save salmon run). It is no longer answered from in this server, and its file is deleted.`);
    expect(existsSync(file)).toBe(false);
    expect(await ask('Who is the chairman of the angling club?')).not.toContain('Graham Wells');
    expect(await said(article('remove', { article: 'spiegel-gchq-aws' }))).toBe("spiegel-gchq-aws is one of the bot's own articles (its corpus folder): only articles added in this server can be removed.");
    expect(await said(article('remove', { article: TERMINAL }, { guildId: OTHER_GUILD }))).toBe(`This server has no added article ${TERMINAL}. /article list shows them.`);
    expect(await ask('Who succeeded Bezos?')).toContain('Andy Jassy');
  });

  it('DATA_DIR holds one record per article, naming who added it by id only; every reply pings no one and fits', async () => {
    await bot.stop();
    const files = filesUnder(h.config.dataDir);
    const records = files.filter((f) => f.path.endsWith('.json') && f.path.includes('/articles/'));
    expect(records.map((f) => f.path.slice(h.config.dataDir.length)).sort()).toEqual(
      [TERMINAL, 'notiz-0-hafenfest-0', 'notiz-1-hafenfest-1', 'notiz-2-hafenfest-2'].map((id) => `/guilds/${discord.guildId}/articles/${id}.json`).sort(),
    );
    for (const f of records) {
      const record = JSON.parse(readFileSync(f.path, 'utf8'));
      expect(record.addedBy).toBe(moderator.id);
      const { addedBy: _, ...rest } = record;
      expect(JSON.stringify(rest)).not.toContain(moderator.id);
    }
    // besides the records' addedBy: no user id, name, token or message id anywhere under DATA_DIR
    const everything = files.map((f) => f.text.split(`"addedBy": "${moderator.id}"`).join('')).join('\n');
    for (const p of [...people, discord.user]) for (const value of [p.id, p.username, p.global_name]) if (value) expect(everything, value).not.toContain(value);
    for (const token of tokens) expect(everything).not.toContain(token);
    discord.assertNoUnexpectedRequests();
    for (const cb of discord.callbacks) {
      if (cb.type === 4 || cb.type === 7) {
        expect(cb.data.allowed_mentions).toEqual({ parse: [] });
        expectWithinLimits(cb.data);
      }
    }
    for (const r of discord.requests) {
      if ((r.method === 'PATCH' || r.method === 'POST') && /^\/(webhooks|channels)\//.test(r.path)) {
        expect((r.body as { allowed_mentions?: { parse: unknown[] } }).allowed_mentions?.parse).toEqual([]);
        expectWithinLimits(r.body as { content?: string; embeds?: APIEmbed[] });
      }
    }
  });
});
