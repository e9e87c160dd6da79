/**
 * What readers missed, end to end: 👍/👎 under answers, unanswered questions
 * recorded per server under DATA_DIR, `/article misses` and `/article
 * recording`, nothing that identifies a user on disk; and `/ask … thread:true`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageFlags, PermissionFlagsBits } from 'discord.js';
import type { APIEmbed, APIUser } from 'discord-api-types/v10';
import type { DiscordStandIn } from '../discord/standin.ts';
import { testEngine } from './fixtures.ts';
import { originalPath, startHarness, type Harness } from './harness.ts';

function embedOf(body: unknown): APIEmbed {
  const embeds = (body as { embeds?: APIEmbed[] }).embeds;
  expect(embeds?.length).toBe(1);
  return embeds![0]!;
}

type Buttons = { components: { custom_id: string; label?: string; emoji?: { name: string } }[] }[];

/** Every file under a directory, with its text. */
function filesUnder(dir: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push({ path, text: readFileSync(path, 'utf8') });
  }
  return out;
}

const MODERATOR = (PermissionFlagsBits.ManageGuild | PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.UseApplicationCommands).toString();

describe('votes, misses and threads', () => {
  let h: Harness;
  let discord: DiscordStandIn;
  const people: APIUser[] = [];
  const user = (): APIUser => {
    const u = discord.createUser({ username: `reader${people.length}`, globalName: `Reader Number ${people.length}` });
    people.push(u);
    return u;
  };
  const tokens: string[] = [];

  async function slash(name: string, options: Record<string, string | number | boolean>, extra: { who?: APIUser; subcommand?: string; memberPermissions?: string; locale?: 'de' | 'en-US'; channelId?: string; dm?: boolean } = {}) {
    const who = extra.who ?? user();
    const sent = discord.dispatchInteraction({ kind: 'slash', name, options, user: who, subcommand: extra.subcommand, memberPermissions: extra.memberPermissions, locale: extra.locale, channelId: extra.channelId, dm: extra.dm });
    tokens.push(sent.token);
    const callback = await sent.waitForCallback();
    const edit = callback.type === 5 ? await discord.waitForRequest(originalPath(discord, sent.token), { method: 'PATCH' }) : undefined;
    return { sent, callback, edit, who };
  }

  async function press(customId: string, messageId: string, who: APIUser, locale: 'de' | 'en-US' = 'en-US') {
    const sent = discord.dispatchInteraction({ kind: 'button', customId, message: messageId, user: who, locale });
    tokens.push(sent.token);
    return sent.waitForCallback();
  }

  const misses = async (locale: 'de' | 'en-US' = 'en-US') => embedOf((await slash('article', {}, { subcommand: 'misses', memberPermissions: MODERATOR, locale })).edit!.body);

  beforeAll(async () => {
    h = await startHarness({ engine: testEngine() });
    discord = h.discord;
  });

  afterAll(async () => {
    await h?.stop();
  });

  it('👎 on an answer: acknowledged privately, once per person, recorded, and shown in /article misses', async () => {
    const asked = await slash('ask', { question: 'Who succeeded Bezos?', public: true });
    const message = discord.botMessages().find((m) => m.interactionId === asked.sent.id)!;
    const buttons = (message.message.components as unknown as Buttons)[0]!.components;
    const down = buttons.find((b) => b.emoji?.name === '👎')!.custom_id;
    const up = buttons.find((b) => b.emoji?.name === '👍')!.custom_id;
    const voter = user();
    expect(await press(down, message.message.id, voter)).toMatchObject({ type: 4, data: { flags: MessageFlags.Ephemeral, content: expect.stringContaining('Thanks for the 👎') } });
    // one vote per person per answer, whichever button
    expect(await press(up, message.message.id, voter)).toMatchObject({ type: 4, data: { flags: MessageFlags.Ephemeral, content: 'You have already voted on this answer.' } });
    expect(await press(up, message.message.id, user(), 'de')).toMatchObject({ data: { flags: MessageFlags.Ephemeral, content: 'Danke für das 👍.' } });
    await press(down, message.message.id, user());

    const view = await misses();
    expect(view.title).toBe('What readers missed (last 30 days)');
    const downvoted = view.fields!.find((f) => f.name === 'Most downvoted quotes')!.value;
    expect(downvoted).toMatch(/^\*\*2×\*\* „[^\n]*Andy Jassy weiter\.“ — spiegel-gchq-aws ¶ 8, sentence 4\nasked: Who succeeded Bezos\?/);
  });

  it('unanswered questions are counted per server, case and punctuation aside; /article misses in German', async () => {
    await slash('ask', { question: 'What is the capital of France?' });
    await slash('ask', { question: 'what is the capital of france' });
    await discord.dispatchMessage({ content: 'How tall is the Eiffel Tower?', mentionsBot: true, author: user() }).waitForReply();
    const view = await misses('de');
    expect(view.title).toBe('Was Leser nicht gefunden haben (letzte 30 Tage)');
    const unanswered = view.fields!.find((f) => f.name === 'Häufigste unbeantwortete Fragen')!.value.split('\n');
    expect(unanswered[0]).toBe('**2×** what is the capital of france');
    expect(unanswered).toContain('**1×** How tall is the Eiffel Tower?');
    expect(view.footer?.text).toMatch(/Nie, wer gefragt oder abgestimmt hat/);
  });

  it('/article is for moderators: without Manage Server it refuses', async () => {
    const { callback } = await slash('article', {}, { subcommand: 'misses' });
    expect(callback).toMatchObject({ type: 4, data: { flags: MessageFlags.Ephemeral, content: 'Only members with the Manage Server permission can use this.' } });
  });

  it('/article recording off: deletes the record and records nothing more; on again records', async () => {
    const off = await slash('article', { state: 'off' }, { subcommand: 'recording', memberPermissions: MODERATOR });
    expect((off.edit!.body as { content: string }).content).toBe('Recording is off, and what was recorded for this server is deleted.');
    const file = JSON.parse(readFileSync(join(h.config.dataDir, 'guilds', discord.guildId, 'feedback.json'), 'utf8'));
    expect(file).toEqual({ format: 1, recording: false, refusals: [], downvotes: [] });
    await slash('ask', { question: 'What is the capital of France?' });
    const asked = await slash('ask', { question: 'Who succeeded Bezos?' });
    const message = discord.botMessages().find((m) => m.interactionId === asked.sent.id)!;
    const down = (message.message.components as unknown as Buttons)[0]!.components.find((b) => b.emoji?.name === '👎')!.custom_id;
    expect(await press(down, message.message.id, user())).toMatchObject({ data: { content: 'Thanks for the 👎.' } });
    const view = await misses();
    expect(view.fields!.map((f) => f.value)).toEqual(['Nothing recorded.', 'Nothing recorded.']);
    expect(view.footer?.text).toMatch(/Recording is off/);
    await slash('article', { state: 'on' }, { subcommand: 'recording', memberPermissions: MODERATOR });
    await slash('ask', { question: 'What is the capital of France?' });
    expect((await misses()).fields![0]!.value).toBe('**1×** What is the capital of France?');
  });

  it('/ask thread:true answers publicly and opens a public thread from the answer', async () => {
    const { sent, callback } = await slash('ask', { question: 'Who succeeded Bezos?', thread: true });
    expect((callback.data?.flags ?? 0) & MessageFlags.Ephemeral).toBe(0);
    const message = discord.botMessages().find((m) => m.interactionId === sent.id)!;
    const req = await discord.waitForRequest('/channels/:channel/messages/:message/threads', { method: 'POST' });
    expect(req).toMatchObject({ status: 201, path: `/channels/${discord.channelId}/messages/${message.message.id}/threads`, body: { name: 'Who succeeded Bezos?', auto_archive_duration: 1440 } });
    expect(discord.threads.get(message.message.id)).toMatchObject({ parent_id: discord.channelId, name: 'Who succeeded Bezos?' });
    expect(message.ephemeral).toBe(false);
  });

  it('/ask thread:true without Create Public Threads: says so privately and answers in place', async () => {
    discord.setChannelOverwrite(discord.channelId, { deny: PermissionFlagsBits.CreatePublicThreads });
    const mark = discord.requestMark;
    const { sent, edit } = await slash('ask', { question: 'Who succeeded Bezos?', thread: true }, { locale: 'de' });
    expect(embedOf(edit!.body).description).toContain('Andy Jassy');
    const note = await discord.waitForRequest(`/webhooks/${discord.applicationId}/${sent.token}`, { method: 'POST', after: mark });
    expect(note.body).toMatchObject({ flags: MessageFlags.Ephemeral, content: expect.stringContaining('Öffentliche Threads erstellen'), allowed_mentions: { parse: [] } });
    expect(discord.requestsTo('/channels/:channel/messages/:message/threads', 'POST').filter((r) => r.seq > mark)).toHaveLength(0);
    discord.setChannelOverwrite(discord.channelId, {});
    // in a DM there is no thread to open either
    const dm = await slash('ask', { question: 'Who succeeded Bezos?', thread: true }, { dm: true });
    const dmNote = await discord.waitForRequest(`/webhooks/${discord.applicationId}/${dm.sent.token}`, { method: 'POST' });
    expect((dmNote.body as { content: string }).content).toBe('Threads open only from answers in text channels, so the answer is here instead.');
  });

  it('nothing that identifies a user reaches DATA_DIR; the files hold only what the README says', async () => {
    await h.bot.stop();
    const files = filesUnder(h.config.dataDir);
    expect(files.map((f) => f.path.slice(h.config.dataDir.length))).toEqual([`/guilds/${discord.guildId}/feedback.json`]);
    const everything = files.map((f) => f.text).join('\n');
    expect(people.length).toBeGreaterThan(10);
    for (const p of [...people, discord.user]) {
      for (const value of [p.id, p.username, p.global_name]) if (value) expect(everything, value).not.toContain(value);
    }
    for (const token of tokens) expect(everything).not.toContain(token);
    for (const m of discord.messages.values()) expect(everything).not.toContain(m.message.id);
    const file = JSON.parse(files[0]!.text);
    expect(Object.keys(file).sort()).toEqual(['downvotes', 'format', 'recording', 'refusals']);
    for (const r of file.refusals) expect(Object.keys(r).sort()).toEqual(['article', 'day', 'question']);
    for (const d of file.downvotes) expect(Object.keys(d).sort()).toEqual(['article', 'day', 'question', 'sentences', 'vote']);
    expect(file.refusals.length).toBeGreaterThan(0);
    discord.assertNoUnexpectedRequests();
    // every message sent (vote acknowledgements, thread notes, the misses view) pings no one
    for (const cb of discord.callbacks) if (cb.type === 4 || cb.type === 7) expect(cb.data.allowed_mentions).toEqual({ parse: [] });
    for (const r of discord.requests) {
      if ((r.method === 'PATCH' || r.method === 'POST') && /^\/(webhooks|channels)\//.test(r.path) && !r.path.endsWith('/threads')) {
        expect((r.body as { allowed_mentions?: { parse: unknown[] } }).allowed_mentions?.parse).toEqual([]);
      }
    }
  });
});
