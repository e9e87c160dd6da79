/**
 * End-to-end check of the Discord stand-in against a real, unmodified discord.js Client.
 */
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ChannelType,
  Client,
  PermissionFlagsBits,
  Routes,
  type TextChannel,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  MessageFlags,
  type Interaction,
  type Message,
} from 'discord.js';
import { DiscordStandIn } from './standin.ts';

const debug = process.env.DEBUG_STANDIN ? (line: string) => console.log(line) : undefined;

/** A tiny inline bot: enough behaviour to exercise each response path. */
function attachBot(client: Client, errors: unknown[]): void {
  client.on(Events.InteractionCreate, async (interaction: Interaction) => {
    try {
      if (interaction.isAutocomplete()) {
        const typed = interaction.options.getFocused();
        await interaction.respond([{ name: `${typed}-suggestion`, value: `${typed}-suggestion` }]);
      } else if (interaction.isChatInputCommand()) {
        switch (interaction.commandName) {
          case 'ping':
            await interaction.reply({ content: 'pong', allowedMentions: { parse: [] } });
            break;
          case 'ask': {
            await interaction.deferReply();
            const q = interaction.options.getString('question', true);
            await interaction.editReply({ content: `answer to: ${q}`, allowedMentions: { parse: [] } });
            await interaction.followUp({ content: 'sources follow', flags: MessageFlags.Ephemeral });
            break;
          }
          case 'late':
            await new Promise((r) => setTimeout(r, 300));
            await interaction.reply({ content: 'too late' }).catch((err: unknown) => {
              errors.push(err);
            });
            break;
        }
      } else if (interaction.isButton()) {
        await interaction.update({ content: `pressed ${interaction.customId}`, components: [] });
      } else if (interaction.isMessageContextMenuCommand()) {
        await interaction.reply({
          content: `quoting: ${interaction.targetMessage.content}`,
          flags: MessageFlags.Ephemeral,
          allowedMentions: { parse: [] },
        });
      }
    } catch (err) {
      errors.push(err);
    }
  });
  client.on(Events.MessageCreate, async (message: Message) => {
    if (message.author.bot || !client.user || !message.mentions.users.has(client.user.id)) return;
    try {
      await message.reply({ content: `you said: ${message.content}`, allowedMentions: { repliedUser: false, parse: [] } });
    } catch (err) {
      errors.push(err);
    }
  });
}

async function login(discord: DiscordStandIn, extra: Partial<ConstructorParameters<typeof Client>[0]> = {}): Promise<Client> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    rest: { api: discord.apiUrl },
    ...extra,
  });
  if (debug) client.on(Events.Debug, debug);
  const ready = once(client, Events.ClientReady);
  await client.login(discord.token);
  await ready;
  return client;
}

describe('discord stand-in: single shard', () => {
  let discord: DiscordStandIn;
  let client: Client;
  const errors: unknown[] = [];

  beforeAll(async () => {
    discord = new DiscordStandIn({ heartbeatIntervalMs: 1000, log: debug });
    await discord.start();
    client = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages], rest: { api: discord.apiUrl } });
    attachBot(client, errors);
    if (debug) client.on(Events.Debug, debug);
    const ready = once(client, Events.ClientReady);
    await client.login(discord.token);
    await ready;
  });

  afterAll(async () => {
    await client?.destroy();
    await discord?.stop();
  });

  it('logs in: gateway/bot, IDENTIFY, READY, GUILD_CREATE', () => {
    expect(client.user?.id).toBe(discord.botUser.id);
    expect(client.application?.id).toBe(discord.applicationId);
    const guild = client.guilds.cache.get(discord.guildId);
    expect(guild?.available).toBe(true);
    expect(guild?.channels.cache.get(discord.channelId)?.isTextBased()).toBe(true);
    expect(discord.requestsTo('/gateway/bot', 'GET')).toHaveLength(1);
    expect(discord.connectedShards()).toEqual([0]);
    const identify = discord.gatewayEvents.find((e) => e.direction === 'in' && e.op === 2);
    expect(identify?.d).toMatchObject({ intents: GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages, shard: [0, 1] });
  });

  it('records bulk-overwritten global and guild commands and returns them with ids', async () => {
    const created = await client.application!.commands.set([
      { name: 'ping', description: 'Ping' },
      {
        name: 'ask',
        description: 'Ask about the news',
        options: [{ name: 'question', description: 'Question', type: ApplicationCommandOptionType.String, required: true, autocomplete: true }],
      },
      { name: 'Quote', type: ApplicationCommandType.Message },
    ]);
    expect(created.size).toBe(3);
    expect(discord.globalCommands.map((c) => c.name)).toEqual(['ping', 'ask', 'Quote']);
    const guildCmds = await client.guilds.cache.get(discord.guildId)!.commands.set([{ name: 'late', description: 'Late' }]);
    expect(guildCmds.first()?.guildId).toBe(discord.guildId);
    expect(discord.guildCommands.get(discord.guildId)?.[0]?.id).toMatch(/^\d{17,20}$/);
  });

  it('slash command → interaction.reply is recorded as callback type 4', async () => {
    const sent = discord.dispatchInteraction({ kind: 'slash', name: 'ping' });
    const cb = await sent.waitForCallback();
    expect(cb).toMatchObject({ type: 4, status: 204, accepted: true, data: { content: 'pong', allowed_mentions: { parse: [] } } });
    expect(cb.latencyMs).toBeGreaterThan(0);
    const [msg] = discord.botMessages().filter((m) => m.interactionId === sent.id);
    expect(msg?.message).toMatchObject({ type: 20, content: 'pong', author: { id: discord.botUser.id }, mentions: [] });
  });

  it('deferReply + editReply + followUp', async () => {
    const mark = discord.requestMark;
    const sent = discord.dispatchInteraction({ kind: 'slash', name: 'ask', options: { question: 'who won?' } });
    const cb = await sent.waitForCallback();
    expect(cb).toMatchObject({ type: 5, accepted: true });
    const edit = await discord.waitForRequest('/webhooks/:app/:token/messages/@original', { method: 'PATCH', after: mark });
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ content: 'answer to: who won?' });
    const follow = await discord.waitForRequest('/webhooks/:app/:token', { method: 'POST', after: mark });
    expect(follow).toMatchObject({ status: 200, query: { wait: 'true' }, body: { content: 'sources follow', flags: 64 } });
    const original = discord.botMessages().find((m) => m.interactionId === sent.id && m.source === 'interaction');
    expect(original?.message.content).toBe('answer to: who won?');
    expect(original?.message.flags ?? 0).toBe(0); // loading flag cleared by the edit
    const followup = discord.botMessages().find((m) => m.interactionId === sent.id && m.source === 'followup');
    expect(followup?.ephemeral).toBe(true);
  });

  it('button → interaction.update edits the component message (type 7)', async () => {
    const sent = discord.dispatchInteraction({ kind: 'button', customId: 'more' });
    const cb = await sent.waitForCallback();
    expect(cb).toMatchObject({ type: 7, accepted: true, data: { content: 'pressed more', components: [] } });
    const payload = sent.payload as { message: { id: string } };
    expect(discord.messages.get(payload.message.id)?.message).toMatchObject({ content: 'pressed more', components: [] });
  });

  it('autocomplete → respond (type 8) and message context menu → ephemeral reply', async () => {
    const ac = discord.dispatchInteraction({ kind: 'autocomplete', name: 'ask', focused: { name: 'question', value: 'elec' } });
    expect(await ac.waitForCallback()).toMatchObject({ type: 8, data: { choices: [{ name: 'elec-suggestion' }] } });
    const ctx = discord.dispatchInteraction({ kind: 'messageContextMenu', name: 'Quote', target: { content: 'The minister said "no".' } });
    expect(await ctx.waitForCallback()).toMatchObject({
      type: 4,
      data: { content: 'quoting: The minister said "no".', flags: MessageFlags.Ephemeral },
    });
  });

  it('mention → message.reply via POST /channels/:id/messages', async () => {
    const sent = discord.dispatchMessage({ content: 'what happened in Berlin?', mentionsBot: true });
    const reply = await sent.waitForReply();
    expect(reply.source).toBe('bot');
    expect(reply.message).toMatchObject({
      type: 19,
      content: `you said: <@${discord.botUser.id}> what happened in Berlin?`,
      message_reference: { message_id: sent.id, channel_id: discord.channelId },
      mentions: [],
    });
    const req = discord.requestsTo('/channels/:channel/messages', 'POST').at(-1);
    expect(req?.body).toMatchObject({ message_reference: { message_id: sent.id }, allowed_mentions: { parse: [], replied_user: false } });
  });

  it('429 on the callback route: discord.js waits retry-after, then succeeds', async () => {
    const fault = discord.failNext({ route: '/interactions/:id/:token/callback', status: 429, retryAfter: 0.3 });
    const sent = discord.dispatchInteraction({ kind: 'slash', name: 'ping' });
    const cb = await sent.waitForCallback();
    expect(fault.hits).toBe(1);
    const attempts = discord.requestsTo(`/interactions/${sent.id}/:token/callback`);
    expect(attempts.map((r) => r.status)).toEqual([429, 204]);
    expect(attempts[0]?.response).toEqual({ message: 'You are being rate limited.', retry_after: 0.3, global: false });
    expect(attempts[1]!.receivedAt - attempts[0]!.receivedAt).toBeGreaterThanOrEqual(300);
    expect(cb.accepted).toBe(true);
  });

  it('500 on channel messages: discord.js retries', async () => {
    discord.failNext({ route: '/channels/:channel/messages', method: 'POST', status: 500 });
    const sent = discord.dispatchMessage({ content: 'again?', mentionsBot: true });
    await sent.waitForReply();
    expect(discord.requestsTo('/channels/:channel/messages', 'POST').slice(-2).map((r) => r.status)).toEqual([500, 200]);
  });

  it('resumable close (4000): client RESUMEs at resume_gateway_url and gets missed dispatches replayed', async () => {
    const before = discord.shards()[0]!;
    await discord.closeGateway(0, 4000);
    // dispatched while disconnected: buffered in the session and replayed on RESUME
    const sent = discord.dispatchInteraction({ kind: 'slash', name: 'ping' });
    const resume = await discord.waitForGateway((e) => e.direction === 'in' && e.op === 6, 5000, 'RESUME');
    expect(resume.d).toMatchObject({ session_id: before.sessionId, seq: before.seq });
    const cb = await sent.waitForCallback();
    expect(cb.accepted).toBe(true);
    const after = discord.shards()[0]!;
    expect(after).toMatchObject({ sessionId: before.sessionId, resumes: 1, connected: true, path: '/resume' });
  });

  it('network drop: client resumes the same session', async () => {
    const before = discord.shards()[0]!;
    await discord.closeGateway(0);
    await discord.waitUntil(() => (discord.shards()[0]?.resumes === before.resumes + 1 && discord.shards()[0]?.connected ? true : undefined));
    const cb = await discord.dispatchInteraction({ kind: 'slash', name: 'ping' }).waitForCallback();
    expect(cb.accepted).toBe(true);
  });

  it('without MESSAGE_CONTENT intent, a non-mention message arrives with empty content (as on Discord)', async () => {
    const seen = new Promise<Message>((resolve) => {
      const onMsg = (m: Message): void => {
        if (m.id !== sent.id) return;
        client.off(Events.MessageCreate, onMsg);
        resolve(m);
      };
      client.on(Events.MessageCreate, onMsg);
    });
    const sent = discord.dispatchMessage({ content: 'just chatting' });
    const msg = await seen;
    expect(msg.content).toBe('');
    expect(msg.author.id).toBe(discord.user.id);
  });

  it('op 7 RECONNECT: client reconnects and resumes', async () => {
    const before = discord.shards()[0]!;
    discord.requestReconnect(0);
    await discord.waitUntil(() => (discord.shards()[0]?.resumes === before.resumes + 1 && discord.shards()[0]?.connected ? true : undefined));
    expect(discord.shards()[0]?.sessionId).toBe(before.sessionId);
    expect((await discord.dispatchInteraction({ kind: 'slash', name: 'ping' }).waitForCallback()).accepted).toBe(true);
  });

  it('op 9 INVALID_SESSION (d:true): client RESUMEs on the same connection', async () => {
    const before = discord.shards()[0]!;
    const sent = discord.dispatchInteraction({ kind: 'slash', name: 'ping' });
    await sent.waitForCallback();
    // wait for the client to have handled RESUMED: discord.js handles frames concurrently, so an op 9
    // arriving right behind a RESUMED can null its session info before the RESUMED handler reads it
    const resumed = once(client, Events.ShardResume);
    discord.invalidateSession(0, true);
    await resumed;
    expect(discord.shards()[0]).toMatchObject({ sessionId: before.sessionId, path: before.path, resumes: before.resumes + 1 });
  });

  it('op 9 INVALID_SESSION (d:false): client re-identifies with a new session', async () => {
    const before = discord.shards()[0]!;
    discord.invalidateSession(0, false);
    // discord.js's SimpleIdentifyThrottler spaces identifies on one concurrency key 5 s apart (+ up to 1.5 s jitter)
    const shard = await discord.waitUntil(
      () => discord.shards().find((s) => s.connected && s.sessionId !== before.sessionId),
      10_000,
      're-identified shard 0',
    );
    expect(shard.shardId).toBe(0);
    const cb = await discord.dispatchInteraction({ kind: 'slash', name: 'ping' }).waitForCallback();
    expect(cb.accepted).toBe(true);
  });

  it('callback after the (shortened) interaction window → 404 Unknown interaction (10062)', async () => {
    discord.interactionExpiryMs = 100;
    try {
      const sent = discord.dispatchInteraction({ kind: 'slash', name: 'late' });
      const cb = await sent.waitForCallback();
      expect(cb).toMatchObject({ status: 404, accepted: false, response: { message: 'Unknown interaction', code: 10062 } });
      await discord.waitUntil(() => (errors.length ? true : undefined));
      const err = errors.pop();
      expect(err).toBeInstanceOf(DiscordAPIError);
      expect((err as DiscordAPIError).code).toBe(10062);
    } finally {
      discord.interactionExpiryMs = 3000;
    }
  });

  it('dispatch→callback latency for a plain reply is small', async () => {
    const latencies: number[] = [];
    for (let i = 0; i < 20; i++) latencies.push((await discord.dispatchInteraction({ kind: 'slash', name: 'ping' }).waitForCallback()).latencyMs);
    latencies.sort((a, b) => a - b);
    const median = (latencies[9]! + latencies[10]!) / 2;
    console.log(`[stand-in] dispatch→callback over 20 pings: median ${median.toFixed(2)} ms, max ${latencies[19]!.toFixed(2)} ms`);
    expect(median).toBeLessThan(250);
  });

  it('made no unexpected API calls and no handler errors', () => {
    discord.assertNoUnexpectedRequests();
    expect(errors).toEqual([]);
  });
});

describe('discord stand-in: protocol edges', () => {
  it('unknown routes get 404 {message, code:0} and are recorded as unexpected; wrong method gets 405', async () => {
    const discord = new DiscordStandIn();
    await discord.start();
    try {
      const auth = { authorization: `Bot ${discord.token}` };
      const r404 = await fetch(`${discord.apiUrl}/v10/guilds/${discord.guildId}/audit-logs`, { headers: auth });
      expect(r404.status).toBe(404);
      expect(await r404.json()).toEqual({ message: '404: Not Found', code: 0 });
      const r405 = await fetch(`${discord.apiUrl}/v10/gateway/bot`, { method: 'DELETE', headers: auth });
      expect(r405.status).toBe(405);
      expect(discord.unexpectedRequests().map((r) => `${r.method} ${r.status}`)).toEqual(['GET 404', 'DELETE 405']);
      expect(() => discord.assertNoUnexpectedRequests()).toThrow(/audit-logs/);
    } finally {
      await discord.stop();
    }
  });

  it('a wrong token gets 401 on GET /gateway/bot and discord.js rejects login with TokenInvalid', async () => {
    const discord = new DiscordStandIn();
    await discord.start();
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiUrl } });
    try {
      await expect(client.login('not-the-token')).rejects.toMatchObject({ code: 'TokenInvalid' });
      expect(discord.requestsTo('/gateway/bot')[0]?.response).toEqual({ message: '401: Unauthorized', code: 0 });
    } finally {
      await client.destroy();
      await discord.stop();
    }
  });
});

describe('discord stand-in: two shards on one Client', () => {
  let discord: DiscordStandIn;
  let client: Client | undefined;

  beforeAll(async () => {
    discord = new DiscordStandIn({ heartbeatIntervalMs: 1000, recommendedShards: 2, maxConcurrency: 2, log: debug });
    await discord.start();
  });

  afterAll(async () => {
    await client?.destroy();
    await discord?.stop();
  });

  it('identifies both shards, READY on each, interactions go to the guild’s shard', async () => {
    const shardReady: number[] = [];
    client = new Client({
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
      rest: { api: discord.apiUrl },
      shards: [0, 1],
      shardCount: 2,
    });
    client.on(Events.ShardReady, (id) => shardReady.push(id));
    const errors: unknown[] = [];
    attachBot(client, errors);
    const ready = once(client, Events.ClientReady);
    await client.login(discord.token);
    await ready;
    expect(shardReady.sort()).toEqual([0, 1]);
    expect(discord.connectedShards()).toEqual([0, 1]);
    const readies = discord.gatewayEvents.filter((e) => e.direction === 'out' && e.t === 'READY');
    expect(readies.map((e) => e.shardId).sort()).toEqual([0, 1]);
    const owner = Number((BigInt(discord.guildId) >> 22n) % 2n);
    expect(client.guilds.cache.get(discord.guildId)?.shardId).toBe(owner);
    const sent = discord.dispatchInteraction({ kind: 'slash', name: 'ping' });
    expect(sent.shardIds).toEqual([owner]);
    expect(await sent.waitForCallback()).toMatchObject({ accepted: true, data: { content: 'pong' } });
    expect(errors).toEqual([]);
    discord.assertNoUnexpectedRequests();
  });
});

describe('discord stand-in: threads, permissions, subcommands, resolved options, localisations', () => {
  let discord: DiscordStandIn;
  let client: Client;
  const seen: Interaction[] = [];

  beforeAll(async () => {
    discord = new DiscordStandIn({ heartbeatIntervalMs: 1000, guildLocale: 'de', log: debug });
    await discord.start();
    client = await login(discord);
    client.on(Events.InteractionCreate, (i) => void seen.push(i));
  });

  afterAll(async () => {
    await client?.destroy();
    await discord?.stop();
  });

  it('registers localised commands and refuses localised names Discord would refuse', async () => {
    await client.application!.commands.set([
      {
        name: 'mod',
        nameLocalizations: { de: 'moderation' },
        description: 'Moderation',
        descriptionLocalizations: { de: 'Moderation' },
        options: [
          {
            type: ApplicationCommandOptionType.Subcommand,
            name: 'check',
            nameLocalizations: { de: 'prüfen' },
            description: 'Check a member',
            options: [{ type: ApplicationCommandOptionType.User, name: 'who', description: 'Whom', required: true }],
          },
        ],
      },
    ]);
    expect(discord.globalCommands[0]).toMatchObject({ name: 'mod', name_localizations: { de: 'moderation' }, options: [{ name: 'check', name_localizations: { de: 'prüfen' } }] });
    const bad = client.application!.commands.set([{ name: 'mod', description: 'x', options: [{ type: ApplicationCommandOptionType.String, name: 'q', nameLocalizations: { de: 'Große Frage' }, description: 'x' }] }]);
    await expect(bad).rejects.toMatchObject({ code: 50035, rawError: { errors: { 0: { options: { 0: { name_localizations: { de: { _errors: [{ code: 'APPLICATION_COMMAND_INVALID_NAME' }] } } } } } } } });
    const badTop = client.application!.commands.set([{ name: 'mod', nameLocalizations: { de: 'Mod Befehl' }, description: 'x' }]);
    await expect(badTop).rejects.toMatchObject({ code: 50035, rawError: { errors: { 0: { name_localizations: { _errors: [{ code: 'APPLICATION_COMMAND_INVALID_NAME' }] } } } } });
  });

  it('a subcommand arrives as an option of type 1; a user option comes with data.resolved; locale and guild_locale are sent', async () => {
    const who = discord.createUser({ username: 'someone' });
    const sent = discord.dispatchInteraction({ kind: 'slash', name: 'mod', subcommand: 'check', options: { who: who.id }, locale: 'de' });
    expect(sent.payload).toMatchObject({ locale: 'de', guild_locale: 'de', data: { options: [{ type: 1, name: 'check', options: [{ type: 6, name: 'who', value: who.id }] }], resolved: { users: { [who.id]: { username: 'someone' } } } } });
    const interaction = await discord.waitUntil(() => seen.find((i) => i.id === sent.id));
    expect(interaction.isChatInputCommand() && interaction.options.getSubcommand()).toBe('check');
    expect(interaction.isChatInputCommand() && interaction.options.getUser('who')?.username).toBe('someone');
    expect(interaction.locale).toBe('de');
  });

  it('starts a public thread from a message (thread id = message id), once; without Create Public Threads: 50013', async () => {
    const channel = client.channels.cache.get(discord.channelId) as TextChannel;
    const message = await channel.send({ content: 'answer', allowedMentions: { parse: [] } });
    const thread = await message.startThread({ name: 'Who succeeded Bezos?' });
    expect(thread).toMatchObject({ id: message.id, name: 'Who succeeded Bezos?', parentId: discord.channelId, type: ChannelType.PublicThread });
    expect(discord.threads.get(message.id)).toMatchObject({ owner_id: discord.botUser.id, thread_metadata: { archived: false } });
    await discord.waitForGateway((e) => e.direction === 'out' && e.t === 'THREAD_CREATE');
    await expect(client.rest.post(Routes.threads(discord.channelId, message.id), { body: { name: 'again' } })).rejects.toMatchObject({ code: 160004, status: 400 });

    discord.setChannelOverwrite(discord.channelId, { deny: PermissionFlagsBits.CreatePublicThreads });
    const other = await channel.send({ content: 'another answer', allowedMentions: { parse: [] } });
    await expect(client.rest.post(Routes.threads(discord.channelId, other.id), { body: { name: 'x' } })).rejects.toMatchObject({ code: 50013, status: 403 });
    const sent = discord.dispatchInteraction({ kind: 'slash', name: 'mod', subcommand: 'check', options: { who: discord.user.id } });
    expect(BigInt((sent.payload as { app_permissions: string }).app_permissions) & PermissionFlagsBits.CreatePublicThreads).toBe(0n);
    await expect(client.rest.post(Routes.threads(discord.channelId, other.id), { body: { name: '' } })).rejects.toMatchObject({ code: 50013 });
    discord.setChannelOverwrite(discord.channelId, {});
    await expect(client.rest.post(Routes.threads(discord.channelId, other.id), { body: { name: '' } })).rejects.toMatchObject({ code: 50035 });
    await expect(client.rest.post(Routes.threads(thread.id, other.id), { body: { name: 'x' } })).rejects.toMatchObject({ code: 50024 });
    discord.assertNoUnexpectedRequests();
  });
});
