/**
 * The bot end to end: the real discord.js Client started by `startBot`,
 * against the local Discord stand-in (tests/discord/standin.ts), over the
 * seed article plus made-up articles. Assertions are on what the stand-in
 * recorded: callbacks, webhook edits, follow-ups and messages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationCommandType, MessageFlags } from 'discord.js';
import type { APIEmbed, APIUser } from 'discord-api-types/v10';
import type { Engine } from '../../src/engine/engine.ts';
import { loadConfig } from '../../src/config.ts';
import { deployCommands } from '../../src/bot/deployCommands.ts';
import { LIMITS } from '../../src/bot/format/limits.ts';
import { DiscordStandIn, type RecordedRequest } from '../discord/standin.ts';
import { testEngine } from './fixtures.ts';
import { originalPath, startHarness, standInEnv, type Harness } from './harness.ts';

const PINGABLE = /@(everyone|here)\b|<@[!&]?\d+>/;

/** The engine, except that any question containing "explode" throws (a failing handler). */
function explodingEngine(engine: Engine): Engine {
  return {
    ...engine,
    ask(question, options) {
      if (question.includes('explode')) throw new Error('engine exploded on purpose');
      return engine.ask(question, options);
    },
  };
}

function embedOf(body: unknown): APIEmbed {
  const embeds = (body as { embeds?: APIEmbed[] }).embeds;
  expect(embeds?.length).toBe(1);
  return embeds![0]!;
}

describe('bot end to end (one shard)', () => {
  let h: Harness;
  let discord: DiscordStandIn;
  const users: APIUser[] = [];
  /** A fresh user per test, so the 3 s cooldown never interferes. */
  const user = () => {
    const u = discord.createUser();
    users.push(u);
    return u;
  };

  /** Dispatches a slash command and waits for its callback and (when deferred) its edit. */
  async function slash(name: string, options: Record<string, string | number | boolean> = {}, who: APIUser = user()) {
    const sent = discord.dispatchInteraction({ kind: 'slash', name, options, user: who });
    const callback = await sent.waitForCallback();
    const edit = callback.type === 5 ? await discord.waitForRequest(originalPath(discord, sent.token), { method: 'PATCH' }) : undefined;
    return { sent, callback, edit, user: who };
  }

  beforeAll(async () => {
    h = await startHarness({ engine: explodingEngine(testEngine()) });
    discord = h.discord;
  });

  afterAll(async () => {
    await h?.stop();
  });

  it('deploy-commands put every command to the guild', () => {
    const commands = discord.guildCommands.get(discord.guildId) ?? [];
    expect(commands.map((c) => c.name).sort()).toEqual(['Find in article', 'article', 'ask', 'help', 'quote', 'source', 'summary']);
    expect(commands.find((c) => c.name === 'Find in article')?.type).toBe(ApplicationCommandType.Message);
    const ask = commands.find((c) => c.name === 'ask')!;
    expect(ask.options?.map((o) => o.name)).toEqual(['question', 'article', 'public', 'thread']);
    expect(ask.options?.find((o) => o.name === 'article')).toMatchObject({ autocomplete: true });
  });

  it('connects without privileged intents', () => {
    const identify = discord.gatewayEvents.find((e) => e.direction === 'in' && e.op === 2);
    expect((identify?.d as { intents: number }).intents).toBe(1 | 512); // Guilds | GuildMessages
    expect(h.bot.client.isReady()).toBe(true);
  });

  it('/ask "Who succeeded Bezos?": deferred privately, then an embed quoting the Andy Jassy sentence', async () => {
    const { callback, edit, sent } = await slash('ask', { question: 'Who succeeded Bezos?' });
    expect(callback).toMatchObject({ type: 5, accepted: true, data: { flags: MessageFlags.Ephemeral } });
    expect(edit!.status).toBe(200);
    expect(edit!.body).toMatchObject({ allowed_mentions: { parse: [] } });
    const embed = embedOf(edit!.body);
    expect(embed.title).toBe('Who succeeded Bezos?');
    // the Jassy quote alone, the answer in bold, with a short citation line and the matched words under it;
    // the article named once, in the footer
    expect(embed.description).toMatch(/^> [^\n*]*Jeff Bezos seinen Chefposten an den ehemaligen AWS-Chef \*\*Andy Jassy\*\* weiter\.\n— ¶ 8, sentence 4\n\*matched: Bezos\*$/);
    expect(embed.footer?.text).toMatch(/^passage 1 of \d+ · DER SPIEGEL — Britischer Geheimdienst schließt Deal mit Amazon, jlk\/Reuters \(spiegel-gchq-aws\)$/);
    const buttons = (edit!.body as { components: { components: { custom_id: string; label?: string; emoji?: { name: string } }[] }[] }).components[0]!.components;
    // The article names Bezos once: one passage, so nothing waits behind "More".
    expect(buttons.map((b) => b.emoji?.name ?? b.label)).toEqual(['👍', '👎']);
    const stored = discord.botMessages().find((m) => m.interactionId === sent.id)!;
    expect(stored.ephemeral).toBe(true);
    expect(stored.message.flags! & MessageFlags.Loading).toBe(0);
  });

  it('"More" on a private answer replaces the page in place with the next passages', async () => {
    const first = await slash('ask', { question: 'Who runs AWS now?' });
    const message = discord.botMessages().find((m) => m.interactionId === first.sent.id)!;
    const row = message.message.components?.[0] as { components: { custom_id: string; label: string }[] };
    const customId = row.components.find((b) => b.label === 'More')!.custom_id;
    expect(customId.length).toBeLessThanOrEqual(100);
    const press = discord.dispatchInteraction({ kind: 'button', customId, message: message.message.id, user: first.user });
    expect(await press.waitForCallback()).toMatchObject({ type: 6, accepted: true });
    const edit = await discord.waitForRequest(originalPath(discord, press.token), { method: 'PATCH' });
    expect(edit.status).toBe(200);
    expect(embedOf(edit.body).footer?.text).toMatch(/^passages 2–4 of \d+/);
    expect(embedOf(discord.messages.get(message.message.id)!.message).footer?.text).toMatch(/^passages 2–4/);
  });

  it('/ask public:true answers in the channel; "More" there answers the presser privately', async () => {
    const first = await slash('ask', { question: 'Who runs AWS now?', public: true });
    expect(first.callback).toMatchObject({ type: 5, accepted: true });
    expect((first.callback.data?.flags ?? 0) & MessageFlags.Ephemeral).toBe(0);
    const message = discord.botMessages().find((m) => m.interactionId === first.sent.id)!;
    expect(message.ephemeral).toBe(false);
    const customId = (message.message.components?.[0] as { components: { custom_id: string }[] }).components.find((b) => b.custom_id.startsWith('more:'))!.custom_id;
    const other = user();
    const press = discord.dispatchInteraction({ kind: 'button', customId, message: message.message.id, user: other });
    expect(await press.waitForCallback()).toMatchObject({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    const edit = await discord.waitForRequest(originalPath(discord, press.token), { method: 'PATCH' });
    expect(embedOf(edit.body).footer?.text).toMatch(/^passages 2–4/);
    expect(embedOf(discord.messages.get(message.message.id)!.message).footer?.text).toMatch(/^passage 1 of/);
  });

  it('/quote privately, then "Post to channel" posts it publicly as "Quoted by @user" without pinging', async () => {
    const q = await slash('quote', { query: 'Who succeeded Bezos?' });
    expect(q.callback).toMatchObject({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    const body = q.edit!.body as { content: string; components: { components: { custom_id: string; label: string }[] }[] };
    // the answer between ** in the ready-to-paste code block, so it is bold once pasted
    expect(body.content).toContain('AWS-Chef **Andy Jassy** weiter.“');
    expect(body.content).toContain('— DER SPIEGEL, „Britischer Geheimdienst schließt Deal mit Amazon“, jlk/Reuters · ¶ 8, sentence 4\n');
    expect(body.content.length).toBeLessThanOrEqual(2000);
    const button = body.components[0]!.components[0]!;
    expect(button.label).toBe('Post to channel');
    const privateMessage = discord.botMessages().find((m) => m.interactionId === q.sent.id)!;

    const mark = discord.requestMark;
    const press = discord.dispatchInteraction({ kind: 'button', customId: button.custom_id, message: privateMessage.message.id, user: q.user });
    const cb = await press.waitForCallback();
    expect(cb).toMatchObject({ type: 4, accepted: true, data: { content: `Quoted by <@${q.user.id}>`, allowed_mentions: { parse: [] } } });
    expect((cb.data.flags ?? 0) & MessageFlags.Ephemeral).toBe(0);
    expect(embedOf(cb.data).description).toContain('AWS-Chef **Andy Jassy** weiter.');
    const posted = discord.botMessages().find((m) => m.interactionId === press.id)!;
    expect(posted).toMatchObject({ ephemeral: false, message: { mentions: [], mention_roles: [], mention_everyone: false } });
    // the button leaves the private reply (edited through the /quote interaction's token)
    const removed = await discord.waitForRequest(originalPath(discord, q.sent.token), { method: 'PATCH', after: mark });
    expect(removed.body).toMatchObject({ components: [], allowed_mentions: { parse: [] } });

    // pressing a stale copy of the button again does not post twice
    const again = discord.dispatchInteraction({ kind: 'button', customId: button.custom_id, message: privateMessage.message.id, user: q.user });
    expect(await again.waitForCallback()).toMatchObject({ type: 4, data: { flags: MessageFlags.Ephemeral, content: expect.stringMatching(/expired|already/) } });
  });

  it('/summary: deferred, then verbatim sentences with citations; topic and count honoured', async () => {
    const s = await slash('summary', { article: 'spiegel-gchq-aws', sentences: 2, topic: 'Daten' });
    expect(s.callback).toMatchObject({ type: 5, accepted: true });
    const embed = embedOf(s.edit!.body);
    expect(embed.title).toBe('Summary: Britischer Geheimdienst schließt Deal mit Amazon');
    expect(embed.description).toMatch(/^About \*\*Daten\*\*/);
    expect(embed.description!.match(/^> /gm)).toHaveLength(2);
    expect(embed.description).toMatch(/— ¶ \d+, sentence \d+/);
    expect(embed.footer?.text).toContain('(spiegel-gchq-aws)');
    const plain = await slash('summary', {});
    expect(embedOf(plain.edit!.body).description!.match(/^> /gm)).toHaveLength(3);
  });

  it('/source: headline, publisher, byline and the sources the article cites', async () => {
    const { callback } = await slash('source', { article: 'spiegel-gchq-aws' });
    expect(callback).toMatchObject({ type: 4, accepted: true, data: { allowed_mentions: { parse: [] } } });
    const embed = embedOf(callback.data);
    expect(embed.title).toBe('Britischer Geheimdienst schließt Deal mit Amazon');
    expect(embed.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Publisher', value: 'DER SPIEGEL' }),
        expect.objectContaining({ name: 'Byline', value: 'jlk/Reuters' }),
        expect.objectContaining({ name: 'Sources the article cites', value: expect.stringMatching(/^Financial Times · /) }),
      ]),
    );
    const zebra = embedOf((await slash('source', { article: 'zebra-crossings' })).callback.data);
    expect(zebra.url).toBe('https://example.com/news/zebra_crossings');
    expect(zebra.fields).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Date', value: '2024-05-01' })]));
  });

  it('/ask about the article itself: the summary as quotes, a byline and a date as metadata (not quotes), a missing field said plainly', async () => {
    const about = embedOf((await slash('ask', { question: 'Worum geht es?', article: 'spiegel-gchq-aws' })).edit!.body);
    expect(about.description).toMatch(/^\*The article's summary, in its own sentences:\*\n\n> /);
    expect(about.description!.match(/^> /gm)).toHaveLength(3);
    expect(about.footer?.text).toMatch(/^sentences 1–3 of 3 · /);

    const byline = embedOf((await slash('ask', { question: 'Who wrote this?', article: 'spiegel-gchq-aws' })).edit!.body);
    expect(byline.description).toBe('**Byline:** jlk/Reuters\n*quoted verbatim from line 20 of the page*');
    expect(byline.description).not.toMatch(/^> /m);

    const date = embedOf((await slash('ask', { question: 'Wann wurde der Artikel veröffentlicht?', article: 'zebra-crossings' })).edit!.body);
    expect(date.description).toMatch(/^\*\*Date:\*\* 2024-05-01\n\*quoted verbatim from line \d+ of the page\*$/);

    const none = embedOf((await slash('ask', { question: 'When was it published?', article: 'spiegel-gchq-aws' })).edit!.body);
    expect(none.description).toBe('**Not found.** The article has no date.');

    // Without an article: one answer per article, each named.
    const all = embedOf((await slash('ask', { question: 'Who wrote this?' })).edit!.body);
    expect(all.description).toContain('**Byline of `spiegel-gchq-aws`:** jlk/Reuters');
    expect(all.description).toContain('**Byline of `zebra-crossings`:** Jane Doe');
  });

  it('autocomplete on `article`: filtered choices, names within 100 characters', async () => {
    const ac = discord.dispatchInteraction({ kind: 'autocomplete', name: 'ask', focused: { name: 'article', value: 'geheim' }, options: { question: 'x' }, user: user() });
    const cb = await ac.waitForCallback();
    expect(cb).toMatchObject({ type: 8, accepted: true, data: { choices: [{ name: 'Britischer Geheimdienst schließt Deal mit Amazon (spiegel-gchq-aws)', value: 'spiegel-gchq-aws' }] } });
    const all = await discord.dispatchInteraction({ kind: 'autocomplete', name: 'summary', focused: { name: 'article', value: '' }, user: user() }).waitForCallback();
    expect(all.data.choices.map((c: { value: string }) => c.value)).toEqual(['spiegel-gchq-aws', 'zebra-crossings']);
    for (const c of all.data.choices) expect(c.name.length).toBeLessThanOrEqual(100);
  });

  it('/help answers privately (no cooldown)', async () => {
    const who = user();
    for (let i = 0; i < 2; i++) {
      const { callback } = await slash('help', {}, who);
      expect(callback).toMatchObject({ type: 4, data: { flags: MessageFlags.Ephemeral } });
      expect(embedOf(callback.data).fields?.[0]?.value).toContain('spiegel-gchq-aws');
    }
  });

  it('message context menu "Find in article": the target message as a claim, answered privately', async () => {
    const sent = discord.dispatchInteraction({
      kind: 'messageContextMenu',
      name: 'Find in article',
      target: { content: 'I heard Bezos handed his job to Andy Jassy <@123456789012345678>' },
      user: user(),
    });
    expect(await sent.waitForCallback()).toMatchObject({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    const edit = await discord.waitForRequest(originalPath(discord, sent.token), { method: 'PATCH' });
    const embed = embedOf(edit.body);
    expect(embed.title).toBe('Find in article: I heard Bezos handed his job to Andy Jassy');
    // a claim asks for no kind of answer: the quote without bold, the claim's words that matched under it
    expect(embed.description).toMatch(/^> [^\n*]*Andy Jassy weiter\.\n— ¶ 8, sentence 4\n\*matched: [^\n]*Andy, Jassy\*/);
  });

  it('@mention "who succeeded Bezos?" is answered as a reply that pings no one', async () => {
    const author = user();
    const sent = discord.dispatchMessage({ content: 'who succeeded Bezos?', mentionsBot: true, author });
    const reply = await sent.waitForReply();
    expect(reply.message).toMatchObject({ type: 19, message_reference: { message_id: sent.id }, mentions: [], mention_everyone: false });
    expect(embedOf(reply.message).description).toContain('Andy Jassy');
    const req = discord.requestsTo('/channels/:channel/messages', 'POST').at(-1)!;
    expect(req.body).toMatchObject({ allowed_mentions: { parse: [], replied_user: false }, message_reference: { message_id: sent.id } });
  });

  it('ignores messages that do not mention it, and its own messages', async () => {
    const before = discord.requestsTo('/channels/:channel/messages', 'POST').length;
    discord.dispatchMessage({ content: 'who succeeded Bezos?', author: user() });
    discord.dispatchMessage({ content: '@everyone who succeeded Bezos?', author: user() });
    await new Promise((r) => setTimeout(r, 200));
    expect(discord.requestsTo('/channels/:channel/messages', 'POST').length).toBe(before);
  });

  it('abstention: "What is the capital of France?" says what was not found', async () => {
    const { edit } = await slash('ask', { question: 'What is the capital of France?' });
    const embed = embedOf(edit!.body);
    expect(embed.description).toBe('**Not found.** The article does not mention "France".');
    expect(embed.footer?.text).toBe('Searched all 2 articles');
    expect((edit!.body as { components: unknown[] }).components).toEqual([]);
  });

  it('an over-long (5,000-character) sentence stays within limits, cut with "…", citation kept', async () => {
    const { edit } = await slash('ask', { question: 'pedestrians crossing number harbour market', article: 'zebra-crossings', public: true });
    expect(edit!.status).toBe(200);
    const embed = embedOf(edit!.body);
    expect(embed.description!.length).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(embed.description).toMatch(/…\n— ¶ 3, sentence 1 · per zebra committee/);
    expect(embed.footer?.text).toContain('The Test Gazette — Zebra committee reviews the harbour crossings, Jane Doe (zebra-crossings)');
    const q = await slash('quote', { query: 'zebra committee noted crossing number pedestrians', article: 'zebra-crossings' });
    const content = (q.edit!.body as { content: string }).content;
    expect(content.length).toBeLessThanOrEqual(2000);
    expect(content).toMatch(/…“\n— The Test Gazette, „Zebra committee reviews the harbour crossings“, Jane Doe · ¶ 3, sentence 1/);
  });

  it('mentions and markdown inside quotes and questions cannot ping or format', async () => {
    const question = '@everyone <@123456789012345678> <@&234567890123456789> **walrus** parade mayor?';
    const { edit, sent } = await slash('ask', { question, public: true });
    const embed = embedOf(edit!.body);
    expect(embed.title).not.toMatch(PINGABLE);
    expect(embed.title).toContain('\\*\\*walrus\\*\\*');
    expect(embed.description).toMatch(/told @\u200b(\*\*)?everyone(\*\*)? and @\u200bhere, \\<@\u200b/);
    expect(embed.description).not.toMatch(PINGABLE);
    expect(embed.description).toContain('\\*\\*not\\*\\*');
    const stored = discord.botMessages().find((m) => m.interactionId === sent.id)!;
    expect(stored.message).toMatchObject({ mentions: [], mention_roles: [], mention_everyone: false });
  });

  it('an unknown article gets a private explanation', async () => {
    const { callback } = await slash('ask', { question: 'Who succeeded Bezos?', article: 'no-such-article' });
    expect(callback).toMatchObject({ type: 4, data: { flags: MessageFlags.Ephemeral, content: expect.stringContaining('There is no article "no-such-article"') } });
  });

  it('a handler that throws: private reply with an error id that is also in the log', async () => {
    const { edit } = await slash('ask', { question: 'please explode' });
    const content = (edit!.body as { content: string }).content;
    const id = /error id `([0-9a-f]{8})`/.exec(content)?.[1];
    expect(id).toBeDefined();
    const record = h.logs().find((r) => r.errorId === id);
    expect(record).toMatchObject({ level: 50, kind: 'slash', name: 'ask', err: { message: 'engine exploded on purpose' } });
  });

  it('a handler that throws after a public deferral: the public "thinking…" goes, the error comes privately', async () => {
    const sent = discord.dispatchInteraction({ kind: 'slash', name: 'ask', options: { question: 'explode in public', public: true }, user: user() });
    expect(await sent.waitForCallback()).toMatchObject({ type: 5, accepted: true });
    const followup = await discord.waitForRequest(`/webhooks/${discord.applicationId}/${sent.token}`, { method: 'POST' });
    expect(followup.body).toMatchObject({ flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] }, content: expect.stringMatching(/error id `[0-9a-f]{8}`/) });
    expect(discord.requestsTo(originalPath(discord, sent.token), 'DELETE')).toHaveLength(1);
  });

  it('the bot keeps working after a failure', async () => {
    const { edit } = await slash('ask', { question: 'Who succeeded Bezos?' });
    expect(embedOf(edit!.body).description).toContain('Andy Jassy');
  });

  it('per-user cooldown: a second command within 3 s gets a friendly private message', async () => {
    const who = user();
    await slash('ask', { question: 'Who succeeded Bezos?' }, who);
    const second = await slash('source', {}, who);
    expect(second.callback).toMatchObject({ type: 4, data: { flags: MessageFlags.Ephemeral, content: expect.stringMatching(/^Easy there! I can take your next question in [123] seconds?\.$/) } });
    // other users are not affected
    expect((await slash('source', {})).callback.data.embeds).toHaveLength(1);
  });

  it('median latency from INTERACTION_CREATE to callback (loopback)', async () => {
    const latencies: number[] = [];
    for (let i = 0; i < 20; i++) latencies.push((await slash('ask', { question: 'Wo werden die Daten gespeichert?' })).callback.latencyMs);
    latencies.sort((a, b) => a - b);
    const median = (latencies[9]! + latencies[10]!) / 2;
    const all = discord.callbackLatencies();
    console.log(
      `[bot e2e] INTERACTION_CREATE → callback: /ask median ${median.toFixed(2)} ms over 20; all ${all.length} accepted callbacks median ${discord.medianCallbackLatencyMs().toFixed(2)} ms, max ${Math.max(...all).toFixed(2)} ms`,
    );
    expect(median).toBeLessThan(250);
  });

  it('every message sent set allowed_mentions to none; no unexpected API calls; no token in the logs', () => {
    discord.assertNoUnexpectedRequests();
    for (const cb of discord.callbacks) {
      if (cb.type === 4 || cb.type === 7) expect(cb.data.allowed_mentions, JSON.stringify(cb.data)).toEqual({ parse: [] });
    }
    for (const r of discord.requests) {
      const carriesMessage = (r.method === 'PATCH' || r.method === 'POST') && /^\/(webhooks|channels)\//.test(r.path);
      if (carriesMessage) expect((r.body as { allowed_mentions?: { parse: unknown[] } }).allowed_mentions?.parse).toEqual([]);
    }
    const everything = h.lines.join('\n');
    expect(everything).not.toContain(discord.token);
    for (const cb of discord.callbacks) expect(everything).not.toContain(cb.token);
    expect(h.logs().some((r) => r.msg === 'bot ready')).toBe(true);
  });

  it('stops cleanly: the gateway connection is closed with 1000 and stop() may be called twice', async () => {
    await h.bot.stop();
    await h.bot.stop();
    await discord.waitForGateway((e) => e.direction === 'close' && e.code === 1000, 5000, 'close 1000');
    expect(discord.connectedShards()).toEqual([]);
    expect(h.bot.client.isReady()).toBe(false);
  });
});

describe('deploy-commands', () => {
  it('deploys globally without DISCORD_GUILD_ID and reports the count', async () => {
    const discord = new DiscordStandIn();
    await discord.start();
    try {
      const result = await deployCommands(loadConfig({ env: standInEnv(discord, false) }));
      expect(result).toMatchObject({ count: 7, guildId: null });
      expect(discord.globalCommands).toHaveLength(7);
      expect(discord.guildCommands.size).toBe(0);
      expect(discord.requestsTo('/applications/:app/commands', 'PUT')[0]?.headers.authorization).toBe(`Bot ${discord.token}`);
      discord.assertNoUnexpectedRequests();
    } finally {
      await discord.stop();
    }
  });
});

describe('bot end to end (two shards on one client)', () => {
  let h: Harness;
  const ownerShard = (d: DiscordStandIn) => Number((BigInt(d.guildId) >> 22n) % 2n);

  beforeAll(async () => {
    h = await startHarness({
      engine: testEngine(),
      standIn: { recommendedShards: 2, maxConcurrency: 2 },
      // the guild on shard 1, so guild traffic and DMs (always shard 0) exercise both shards
      accept: (d) => ownerShard(d) === 1,
      bot: { shards: [0, 1], shardCount: 2 },
    });
  });

  afterAll(async () => {
    await h?.stop();
  });

  it('connects both shards and answers on each', async () => {
    const { discord } = h;
    expect(discord.connectedShards()).toEqual([0, 1]);
    const guild = discord.dispatchInteraction({ kind: 'slash', name: 'ask', options: { question: 'Who succeeded Bezos?' }, user: discord.createUser() });
    expect(guild.shardIds).toEqual([1]);
    const dm = discord.dispatchInteraction({ kind: 'slash', name: 'ask', options: { question: 'Who succeeded Bezos?' }, user: discord.createUser(), dm: true });
    expect(dm.shardIds).toEqual([0]);
    for (const sent of [guild, dm]) {
      expect(await sent.waitForCallback()).toMatchObject({ type: 5, accepted: true });
      const edit = await discord.waitForRequest(originalPath(discord, sent.token), { method: 'PATCH' });
      expect(embedOf(edit.body).description).toContain('Andy Jassy');
    }
    const mention = discord.dispatchMessage({ content: 'who succeeded Bezos?', mentionsBot: true, author: discord.createUser() });
    expect(mention.shardIds).toEqual([1]);
    expect(embedOf((await mention.waitForReply()).message).description).toContain('Andy Jassy');
    discord.assertNoUnexpectedRequests();
  });
});
