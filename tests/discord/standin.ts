/**
 * A local, in-process stand-in for Discord's HTTP REST API (v10) and Gateway
 * WebSocket, for end-to-end tests with an UNMODIFIED discord.js `Client`.
 *
 *   const discord = new DiscordStandIn({ heartbeatIntervalMs: 1000 });
 *   await discord.start();
 *   const client = new Client({ intents: [...], rest: { api: discord.apiUrl } });
 *   await client.login(discord.token);
 *   const sent = discord.dispatchInteraction({ kind: 'slash', name: 'ask', options: { q: 'hi' } });
 *   const cb = await sent.waitForCallback();
 *   ...
 *   await client.destroy(); await discord.stop();
 *
 * Payload shapes follow discord-api-types v10 (the same package discord.js uses) and
 * what Discord sends on the wire; fields Discord sends that discord-api-types does not
 * model (`_trace`, `session_type`, ...) are added explicitly. Everything binds to
 * 127.0.0.1 on a random free port.
 */
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Duplex } from 'node:stream';
import zlib from 'node:zlib';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ButtonStyle,
  ChannelType,
  ComponentType,
  GatewayDispatchEvents,
  GatewayIntentBits,
  GatewayOpcodes,
  InteractionContextType,
  InteractionResponseType,
  InteractionType,
  Locale,
  MessageFlags,
  MessageReferenceType,
  MessageType,
  PermissionFlagsBits,
  type APIActionRowComponent,
  type APIApplication,
  type APIApplicationCommand,
  type APIApplicationCommandInteractionDataOption,
  type APIAttachment,
  type APIChatInputApplicationCommandInteraction,
  type APIEmbed,
  type APIGuildMember,
  type APIInteraction,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIMessageComponentInteraction,
  type APIMessageTopLevelComponent,
  type APIApplicationCommandAutocompleteInteraction,
  type APIMessageApplicationCommandInteraction,
  type APIRole,
  type APITextChannel,
  type APIThreadChannel,
  type APIOverwrite,
  OverwriteType,
  ThreadAutoArchiveDuration,
  type APIUser,
  type GatewayGuildCreateDispatchData,
  type GatewayReadyDispatchData,
  type RESTPostAPIInteractionCallbackWithResponseResult,
  type ApplicationFlags,
  type ChannelFlags,
  type GuildMemberFlags,
  type GuildSystemChannelFlags,
  type RoleFlags,
  type UserFlags,
} from 'discord-api-types/v10';

// ---------------------------------------------------------------------------
// Small utilities
// ---------------------------------------------------------------------------

const DISCORD_EPOCH = 1420070400000n;
let snowflakeIncrement = 0n;

/** A real-format Discord snowflake (ms since 2015-01-01 << 22 | worker | process | increment). */
export function snowflake(at: number = Date.now()): string {
  snowflakeIncrement = (snowflakeIncrement + 1n) & 0xfffn;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | (1n << 12n) | snowflakeIncrement).toString();
}

const hex = (bytes: number): string => randomBytes(bytes).toString('hex');
const iso = (ms: number = Date.now()): string => new Date(ms).toISOString().replace('Z', '+00:00');
const perms = (...bits: bigint[]): string => bits.reduce((a, b) => a | b, 0n).toString();
const trace = (name: string): string[] => [JSON.stringify([`gateway-prd-standin-${name}`, { micros: 0 }])];

function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Compile `/interactions/:id/:token/callback`-style templates (or literal paths) to a regex. */
function templateRegex(template: string): { regex: RegExp; keys: string[] } {
  const keys: string[] = [];
  const source = template
    .split('/')
    .map((seg) => {
      if (seg.startsWith(':')) {
        keys.push(seg.slice(1));
        return '([^/]+)';
      }
      return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { regex: new RegExp(`^${source}$`), keys };
}

/** Discord's rule for slash command, subcommand and option names (and their localisations): lower case, no spaces, 1–32. */
function validSlashName(name: string): boolean {
  return /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u.test(name) && name === name.toLowerCase();
}

type FormError = { path: Array<string | number>; code: string; message: string };

/** A description and its localisations: 1–100 characters each. */
function validateDescriptions(c: any, at: Array<string | number>, errs: FormError[]): void {
  if (typeof c?.description !== 'string' || c.description.length < 1 || c.description.length > 100)
    errs.push({ path: [...at, 'description'], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' });
  for (const [locale, d] of Object.entries(c?.description_localizations ?? {}))
    if (typeof d !== 'string' || d.length < 1 || d.length > 100)
      errs.push({ path: [...at, 'description_localizations', locale], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' });
}

/** An option (or subcommand, or group), its localisations, choices and nested options, as Discord checks them. */
function validateOption(o: any, at: Array<string | number>, errs: FormError[]): void {
  if (typeof o?.type !== 'number') {
    errs.push({ path: at, code: 'TAG_FIELD_MISSING', message: 'Field "type" is required to determine the model type.' });
    return;
  }
  if (typeof o.name !== 'string' || !validSlashName(o.name)) errs.push({ path: [...at, 'name'], code: 'APPLICATION_COMMAND_INVALID_NAME', message: 'Command name is invalid' });
  for (const [locale, n] of Object.entries(o.name_localizations ?? {}))
    if (typeof n !== 'string' || !validSlashName(n)) errs.push({ path: [...at, 'name_localizations', locale], code: 'APPLICATION_COMMAND_INVALID_NAME', message: 'Command name is invalid' });
  validateDescriptions(o, at, errs);
  (o.choices ?? []).forEach((ch: any, i: number) => {
    if (typeof ch?.name !== 'string' || ch.name.length < 1 || ch.name.length > 100)
      errs.push({ path: [...at, 'choices', i, 'name'], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' });
    for (const [locale, n] of Object.entries(ch?.name_localizations ?? {}))
      if (typeof n !== 'string' || n.length < 1 || n.length > 100)
        errs.push({ path: [...at, 'choices', i, 'name_localizations', locale], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' });
  });
  (o.options ?? []).forEach((sub: any, i: number) => validateOption(sub, [...at, 'options', i], errs));
}

type ErrorTree = { [key: string]: ErrorTree | { code: string; message: string }[] };

/** Discord's nested `errors` object for 50035 Invalid Form Body. */
function formErrors(entries: Array<{ path: Array<string | number>; code: string; message: string }>): ErrorTree {
  const root: ErrorTree = {};
  for (const { path, code, message } of entries) {
    let node = root;
    for (const key of path) node = (node[String(key)] ??= {}) as ErrorTree;
    ((node._errors ??= []) as { code: string; message: string }[]).push({ code, message });
  }
  return root;
}

// ---------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------

export interface StandInOptions {
  /** Bot token clients must present (REST `Authorization: Bot <token>`, gateway IDENTIFY). */
  token?: string;
  /** Username of the bot user. */
  botUsername?: string;
  /** `shards` returned by GET /gateway/bot (recommended shard count). Default 1. */
  recommendedShards?: number;
  /** `session_start_limit.max_concurrency`. Default 1 (as for small bots); with 1, discord.js
   *  waits ~5 s between identifies of different shards, so multi-shard tests should raise it. */
  maxConcurrency?: number;
  /** HELLO heartbeat_interval in ms. Default 41250. */
  heartbeatIntervalMs?: number;
  /** Window after dispatch in which an interaction must be acknowledged. Default 3000 ms. */
  interactionExpiryMs?: number;
  /** Lifetime of an interaction token for webhook (follow-up / edit) calls. Default 15 min. */
  interactionTokenLifetimeMs?: number;
  /** Privileged intents enabled "in the developer portal". Default: all three. */
  enabledPrivilegedIntents?: number;
  /** Echo bot-created non-ephemeral guild messages back as MESSAGE_CREATE/UPDATE/DELETE (Discord does). Default true. */
  echoOwnMessages?: boolean;
  guildName?: string;
  channelName?: string;
  /** The guild's `preferred_locale` (sent as `guild_locale` on interactions). Default en-US. */
  guildLocale?: Locale | `${Locale}`;
  /** Debug sink, e.g. `console.log`. */
  log?: (line: string) => void;
}

/** A file a simulated user attached to a slash command option, as Discord keeps it on its CDN. */
export interface UploadSpec {
  filename: string;
  data: Buffer | string;
  /** The `content_type` Discord detected; null: none (Discord leaves it out for types it does not know). Default: from the extension. */
  contentType?: string | null;
  /** The channel it was uploaded in (part of the CDN path). Default: the stand-in's channel. */
  channelId?: string;
}

/** A request for a file on the stand-in's CDN (`/ephemeral-attachments/…`, `/attachments/…`). */
export interface CdnRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  status: number;
}

export interface RecordedFile {
  field: string;
  name: string;
  size: number;
  contentType: string;
}

export interface RecordedRequest {
  seq: number;
  method: string;
  /** Path below `/api/v10`, e.g. `/interactions/123/abc/callback`. */
  path: string;
  /** Matched route template (e.g. `/interactions/:interaction/:token/callback`), null if unknown. */
  route: string | null;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  files: RecordedFile[];
  /** 0 while still being handled; -1 if an injected fault dropped the socket. */
  status: number;
  response: unknown;
  /** Set when an injected fault answered the request. */
  fault?: string;
  /** True for requests Discord would 404/405 (no such route / method). */
  unexpected: boolean;
  receivedAt: number;
}

export interface RecordedCallback {
  interactionId: string;
  token: string;
  /** Interaction response type (1,4,5,6,7,8,9,...). */
  type: number;
  data: any;
  body: any;
  files: RecordedFile[];
  withResponse: boolean;
  /** HTTP status the stand-in answered with (204/200 accepted; 404 expired; 400 ...). */
  status: number;
  accepted: boolean;
  response: unknown;
  receivedAt: number;
  /** performance.now() delta between the INTERACTION_CREATE frame being sent and this callback arriving. */
  latencyMs: number;
}

export interface StoredMessage {
  seq: number;
  message: APIMessage;
  ephemeral: boolean;
  deleted: boolean;
  /** Who created it: a simulated user, the bot via channel REST, an interaction response, or a follow-up. */
  source: 'user' | 'bot' | 'interaction' | 'followup';
  interactionId?: string;
  editCount: number;
}

export interface ShardInfo {
  sessionId: string;
  shardId: number;
  shardCount: number;
  intents: number;
  connected: boolean;
  seq: number;
  identifiedAt: number;
  resumes: number;
  /** Path of the connection currently attached (`/` or `/resume`). */
  path: string | null;
}

export interface GatewayEvent {
  at: number;
  connectionId: number;
  sessionId: string | null;
  shardId: number | null;
  direction: 'in' | 'out' | 'open' | 'close';
  op?: number;
  t?: string | null;
  s?: number | null;
  code?: number;
  d?: unknown;
}

export interface RestFault {
  /** Route template (`/interactions/:id/:token/callback`), literal path, or regex on the path below /api/v10. */
  route: string | RegExp;
  method?: string;
  /** How many matching requests to affect. Default 1. */
  count?: number;
  /** Answer with this status (429 gets Discord's rate-limit headers and body; 5xx gets `{message, code:0}`). */
  status?: number;
  /** 429 only: seconds, used for the `retry-after` header and `retry_after` body field. Default 1. */
  retryAfter?: number;
  /** 429 only: global rate limit (`x-ratelimit-global: true`, scope global). */
  global?: boolean;
  /** Delay the response this long (then answer normally unless `status`/`drop` is set). */
  delayMs?: number;
  /** Destroy the TCP socket without answering (client sees a network error). */
  drop?: boolean;
  /** Override the JSON body for `status`. */
  body?: unknown;
}

export interface FaultHandle {
  readonly hits: number;
  readonly remaining: number;
  cancel(): void;
}

export interface UserSpec {
  id?: string;
  username?: string;
  globalName?: string | null;
  bot?: boolean;
}

interface InteractionCommon {
  user?: APIUser;
  /**
   * Deliver from another server (this id) where the application is installed
   * with its commands but the stand-in simulates no bot member (as for an
   * `applications.commands`-only install: no GUILD_CREATE, the interaction
   * alone carries the server's id). Default: the stand-in's own guild.
   */
  guildId?: string;
  /** Member permissions (string bitfield). Default: @everyone's. */
  memberPermissions?: string;
  /** `app_permissions` (string bitfield). Default: the bot's computed permissions in the channel. */
  appPermissions?: string;
  locale?: Locale | `${Locale}`;
  channelId?: string;
  /** Deliver as a DM interaction (user instead of member, no guild_id). */
  dm?: boolean;
  /** Last-chance raw edit of the payload before it is sent. */
  patch?: (payload: any) => void;
}

export type OptionValue = string | number | boolean;
export type SlashOptions =
  | Record<string, OptionValue>
  | Array<{ name: string; type?: ApplicationCommandOptionType; value: OptionValue; focused?: boolean }>;

export type InteractionSpec =
  | (InteractionCommon & {
      kind: 'slash';
      name: string;
      /** Options of the subcommand when `subcommand` is set, else of the command. */
      options?: SlashOptions;
      /** Invoke this subcommand (sent as an option of type 1 holding `options`). */
      subcommand?: string;
      /** The subcommand's group (an option of type 2 around the subcommand). */
      group?: string;
      commandId?: string;
    })
  | (InteractionCommon & {
      kind: 'button';
      customId: string;
      /** The message carrying the button; default: a fresh bot message with that button. */
      message?: APIMessage | string;
    })
  | (InteractionCommon & {
      kind: 'autocomplete';
      name: string;
      focused: { name: string; value: string };
      options?: SlashOptions;
      /** The subcommand whose option is focused (its options are sent inside an option of type 1, as Discord does). */
      subcommand?: string;
      commandId?: string;
    })
  | (InteractionCommon & {
      kind: 'messageContextMenu';
      name: string;
      /** Target message: an existing message (or its id) or the content of a new user message. */
      target: APIMessage | string | { content: string; author?: APIUser };
      commandId?: string;
    });

export interface DispatchedInteraction {
  id: string;
  token: string;
  payload: APIInteraction;
  /** performance.now() when the frame was handed to the socket(s). */
  dispatchedAt: number;
  shardIds: number[];
  waitForCallback(timeoutMs?: number): Promise<RecordedCallback>;
}

export interface MessageSpec {
  content: string;
  /** Prefix `<@botId> ` (if not already present) and list the bot in `mentions`. */
  mentionsBot?: boolean;
  channelId?: string;
  author?: APIUser;
  /** Make it a reply to this message (type 19, message_reference, referenced_message). */
  replyTo?: string;
  patch?: (payload: any) => void;
}

export interface DispatchedMessage {
  id: string;
  payload: APIMessage;
  dispatchedAt: number;
  shardIds: number[];
  /** Next bot-authored message in the same channel created after this dispatch. */
  waitForReply(timeoutMs?: number): Promise<StoredMessage & { latencyMs: number }>;
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.message));
  }
}

const E = {
  notFound: () => new ApiError(404, { message: '404: Not Found', code: 0 }),
  methodNotAllowed: () => new ApiError(405, { message: '405: Method Not Allowed', code: 0 }),
  unauthorized: () => new ApiError(401, { message: '401: Unauthorized', code: 0 }),
  invalidJson: () => new ApiError(400, { message: 'The request body contains invalid JSON.', code: 50109 }),
  unknownInteraction: () => new ApiError(404, { message: 'Unknown interaction', code: 10062 }),
  unknownWebhook: () => new ApiError(404, { message: 'Unknown Webhook', code: 10015 }),
  unknownMessage: () => new ApiError(404, { message: 'Unknown Message', code: 10008 }),
  unknownChannel: () => new ApiError(404, { message: 'Unknown Channel', code: 10003 }),
  missingAccess: () => new ApiError(403, { message: 'Missing Access', code: 50001 }),
  alreadyAcknowledged: () =>
    new ApiError(400, { message: 'Interaction has already been acknowledged.', code: 40060 }),
  emptyMessage: () => new ApiError(400, { message: 'Cannot send an empty message', code: 50006 }),
  missingPermissions: () => new ApiError(403, { message: 'Missing Permissions', code: 50013 }),
  wrongChannelType: () => new ApiError(400, { message: 'Cannot execute action on this channel type', code: 50024 }),
  threadAlreadyCreated: () => new ApiError(400, { message: 'A thread has already been created for this message', code: 160004 }),
  invalidForm: (errors: ErrorTree) => new ApiError(400, { message: 'Invalid Form Body', code: 50035, errors }),
};

// ---------------------------------------------------------------------------
// Internal state types
// ---------------------------------------------------------------------------

interface Session {
  id: string;
  shardId: number;
  shardCount: number;
  /** Whether IDENTIFY carried `shard` (READY echoes it only then). */
  shardSent: boolean;
  intents: number;
  seq: number;
  log: Array<{ op: 0; t: string; s: number; d: unknown }>;
  connection: Connection | null;
  invalid: boolean;
  identifiedAt: number;
  resumes: number;
}

interface Connection {
  id: number;
  ws: WebSocket;
  path: string;
  session: Session | null;
  deflate: zlib.Deflate | null;
  identifyCompress: boolean;
  ignoreHeartbeats: boolean;
  serverClosing: boolean;
  closed: Promise<number>;
}

interface InteractionState {
  id: string;
  token: string;
  payload: APIInteraction;
  createdAtMs: number;
  dispatchedAt: number;
  acknowledged: boolean;
  responseType: number | null;
  /** Message id for `@original`: the response (types 4/5) or the component's message (6/7). */
  originalMessageId: string | null;
  followups: string[];
}

interface RouteDef {
  method: string;
  template: string;
  auth: boolean;
  regex: RegExp;
  keys: string[];
  handler: (ctx: RequestContext) => Promise<Reply> | Reply;
}

interface RequestContext {
  params: Record<string, string>;
  query: URLSearchParams;
  body: any;
  files: RecordedFile[];
  rec: RecordedRequest;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface ActiveFault extends RestFault {
  matcher: RegExp;
  left: number;
  hits: number;
}

const PRIVILEGED_INTENTS =
  GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent;

/** Close codes after which Discord will not accept a RESUME of the session. */
const SESSION_ENDING_CLOSE_CODES = new Set([4003, 4004, 4007, 4009, 4010, 4011, 4012, 4013, 4014]);

// ---------------------------------------------------------------------------
// The stand-in
// ---------------------------------------------------------------------------

export class DiscordStandIn {
  readonly token: string;
  readonly botUser: APIUser;
  readonly applicationId: string;
  readonly guildId: string;
  readonly channelId: string;
  readonly everyoneRoleId: string;
  readonly botRoleId: string;
  /** The default simulated human user for interactions and messages. */
  readonly user: APIUser;

  /** Every HTTP request, in arrival order. */
  readonly requests: RecordedRequest[] = [];
  /** Every interaction callback attempt (accepted or not; requests answered by a fault are not here). */
  readonly callbacks: RecordedCallback[] = [];
  /** Every gateway frame in/out plus opens/closes. */
  readonly gatewayEvents: GatewayEvent[] = [];
  /** Last bulk-overwritten global commands (as returned, with ids). */
  globalCommands: APIApplicationCommand[] = [];
  /** Guild commands by guild id. */
  readonly guildCommands = new Map<string, APIApplicationCommand[]>();
  /** All messages known to the stand-in, by id. */
  readonly messages = new Map<string, StoredMessage>();
  /** Every request for a file on the CDN, in arrival order. */
  readonly cdnRequests: CdnRequest[] = [];
  /** Files uploaded as slash command attachments, by attachment id. */
  private readonly cdnFiles = new Map<string, { attachment: APIAttachment; data: Buffer }>();

  interactionExpiryMs: number;
  interactionTokenLifetimeMs: number;
  heartbeatIntervalMs: number;
  recommendedShards: number;
  maxConcurrency: number;

  private readonly opts: StandInOptions;
  private server: Server | null = null;
  private wss: WebSocketServer | null = null;
  private readonly sockets = new Set<Socket>();
  private readonly connections = new Set<Connection>();
  private readonly sessions = new Map<string, Session>();
  private readonly interactions = new Map<string, InteractionState>();
  private readonly users = new Map<string, APIUser>();
  private readonly channels = new Map<string, APITextChannel>();
  /** Threads by id (a thread started from a message has the message's id). */
  readonly threads = new Map<string, APIThreadChannel>();
  private readonly roles: APIRole[];
  private readonly faults: ActiveFault[] = [];
  private readonly routes: RouteDef[] = [];
  private readonly changes = new EventEmitter();
  private readonly pendingTimers = new Set<NodeJS.Timeout>();
  private sessionStartRemaining = 1000;
  private connectionCounter = 0;
  private requestSeq = 0;
  private messageSeq = 0;
  private commandIds = new Map<string, string>();
  private _port = 0;

  constructor(options: StandInOptions = {}) {
    this.opts = options;
    this.applicationId = snowflake(Date.now() - 86_400_000 * 400);
    this.token =
      options.token ??
      `${Buffer.from(this.applicationId).toString('base64url')}.${randomBytes(4).toString('base64url')}.${randomBytes(28).toString('base64url')}`;
    this.botUser = {
      id: this.applicationId,
      username: options.botUsername ?? 'Beleg',
      discriminator: '4821',
      global_name: null,
      avatar: null,
      bot: true,
      public_flags: 0 as UserFlags,
      flags: 0 as UserFlags,
      banner: null,
      accent_color: null,
      avatar_decoration_data: null,
      collectibles: null,
      primary_guild: null,
    };
    this.user = this.createUser({ username: 'reader', globalName: 'Reader' });
    this.users.set(this.botUser.id, this.botUser);
    this.guildId = snowflake(Date.now() - 86_400_000 * 300);
    this.everyoneRoleId = this.guildId;
    this.botRoleId = snowflake(Date.now() - 86_400_000 * 200);
    this.channelId = snowflake(Date.now() - 86_400_000 * 299);
    this.roles = [
      this.role(this.everyoneRoleId, '@everyone', 0, false, perms(
        PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages, PermissionFlagsBits.ReadMessageHistory,
        PermissionFlagsBits.AddReactions, PermissionFlagsBits.EmbedLinks, PermissionFlagsBits.AttachFiles,
        PermissionFlagsBits.UseExternalEmojis, PermissionFlagsBits.UseApplicationCommands,
        PermissionFlagsBits.SendMessagesInThreads, PermissionFlagsBits.CreatePublicThreads,
        PermissionFlagsBits.ChangeNickname, PermissionFlagsBits.CreateInstantInvite, PermissionFlagsBits.Connect,
        PermissionFlagsBits.Speak,
      )),
      this.role(this.botRoleId, this.botUser.username, 1, true, perms(
        PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages, PermissionFlagsBits.EmbedLinks,
        PermissionFlagsBits.ReadMessageHistory, PermissionFlagsBits.UseExternalEmojis, PermissionFlagsBits.AddReactions,
      )),
    ];
    this.channels.set(this.channelId, {
      id: this.channelId,
      type: ChannelType.GuildText,
      guild_id: this.guildId,
      name: options.channelName ?? 'general',
      position: 0,
      flags: 0 as ChannelFlags,
      parent_id: null,
      topic: null,
      nsfw: false,
      last_message_id: null,
      last_pin_timestamp: null,
      rate_limit_per_user: 0,
      permission_overwrites: [],
      default_thread_rate_limit_per_user: 0,
      default_auto_archive_duration: undefined,
    } as APITextChannel);
    this.interactionExpiryMs = options.interactionExpiryMs ?? 3000;
    this.interactionTokenLifetimeMs = options.interactionTokenLifetimeMs ?? 15 * 60_000;
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 41250;
    this.recommendedShards = options.recommendedShards ?? 1;
    this.maxConcurrency = options.maxConcurrency ?? 1;
    this.registerRoutes();
  }

  // ------------------------------------------------------------------ lifecycle

  get port(): number {
    return this._port;
  }
  /** Value for discord.js `rest.api`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this._port}/api`;
  }
  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this._port}`;
  }
  get resumeGatewayUrl(): string {
    return `ws://127.0.0.1:${this._port}/resume`;
  }

  async start(): Promise<void> {
    if (this.server) throw new Error('stand-in already started');
    const server = createServer((req, res) => void this.onRequest(req, res));
    server.keepAliveTimeout = 5_000;
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    this.wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => this.onUpgrade(req, socket, head));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this._port = (server.address() as AddressInfo).port;
    this.log(`listening on 127.0.0.1:${this._port}`);
  }

  /** Close every connection and the listener. Destroy discord.js clients first, or they will try to reconnect. */
  async stop(): Promise<void> {
    for (const t of this.pendingTimers) clearTimeout(t);
    this.pendingTimers.clear();
    for (const conn of this.connections) {
      conn.serverClosing = true;
      conn.deflate?.close();
      conn.ws.terminate();
    }
    this.connections.clear();
    if (this.wss) {
      await new Promise<void>((resolve) => this.wss!.close(() => resolve()));
      this.wss = null;
    }
    if (this.server) {
      const server = this.server;
      this.server = null;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      for (const s of this.sockets) s.destroy();
      await closed;
    }
    this.changes.removeAllListeners();
  }

  // ------------------------------------------------------------------ users, messages, queries

  /** Register a simulated (human by default) user. */
  createUser(spec: UserSpec = {}): APIUser {
    const user: APIUser = {
      id: spec.id ?? snowflake(Date.now() - 86_400_000 * 900),
      username: spec.username ?? `user${hex(2)}`,
      discriminator: spec.bot ? String(1000 + Math.floor(Math.random() * 9000)) : '0',
      global_name: spec.globalName === undefined ? null : spec.globalName,
      avatar: null,
      public_flags: 0 as UserFlags,
      flags: 0 as UserFlags,
      banner: null,
      accent_color: null,
      avatar_decoration_data: null,
      collectibles: null,
      primary_guild: null,
      ...(spec.bot ? { bot: true } : {}),
    };
    this.users.set(user.id, user);
    return user;
  }

  /**
   * A file a user attaches to a slash command option, as Discord stores it:
   * an attachment object (id, filename, size, `url` and `proxy_url` on the
   * CDN with the signed `ex`, `is` and `hm` parameters, `content_type` when
   * known, `ephemeral`) whose id is the option's value; the bytes are served
   * from the `url` (here on 127.0.0.1) until the stand-in stops.
   */
  uploadAttachment(spec: UploadSpec): APIAttachment {
    const id = snowflake();
    const data = typeof spec.data === 'string' ? Buffer.from(spec.data, 'utf8') : spec.data;
    const ext = /\.([a-z0-9]+)$/i.exec(spec.filename)?.[1]?.toLowerCase() ?? '';
    const known: Record<string, string> = { html: 'text/html; charset=utf-8', htm: 'text/html; charset=utf-8', txt: 'text/plain; charset=utf-8', md: 'text/markdown; charset=utf-8', pdf: 'application/pdf', png: 'image/png' };
    const contentType = spec.contentType === undefined ? (known[ext] ?? null) : spec.contentType;
    const now = Math.floor(Date.now() / 1000);
    const path = `/ephemeral-attachments/${spec.channelId ?? this.channelId}/${id}/${encodeURIComponent(spec.filename)}`;
    const query = `?ex=${(now + 86_400).toString(16)}&is=${now.toString(16)}&hm=${randomBytes(32).toString('hex')}&`;
    const attachment = {
      id,
      filename: spec.filename,
      size: data.length,
      url: `http://127.0.0.1:${this._port}${path}${query}`,
      proxy_url: `http://127.0.0.1:${this._port}${path}${query}`,
      ...(contentType ? { content_type: contentType } : {}),
      ephemeral: true,
    } as APIAttachment;
    this.cdnFiles.set(id, { attachment, data });
    return attachment;
  }

  /** Bot-authored messages (any route), oldest first. */
  botMessages(channelId?: string): StoredMessage[] {
    return [...this.messages.values()].filter(
      (m) => m.source !== 'user' && (channelId === undefined || m.message.channel_id === channelId),
    );
  }

  /** Requests that Discord would have answered 404/405 (no such route). */
  unexpectedRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.unexpected);
  }

  /** Throws if any request hit an unknown route. */
  assertNoUnexpectedRequests(): void {
    const bad = this.unexpectedRequests();
    if (bad.length) {
      throw new Error(`unexpected Discord API calls:\n${bad.map((r) => `  ${r.method} ${r.path} -> ${r.status}`).join('\n')}`);
    }
  }

  /** Requests matching a route template / path / regex (and method). */
  requestsTo(route: string | RegExp, method?: string): RecordedRequest[] {
    const m = typeof route === 'string' ? templateRegex(route).regex : route;
    return this.requests.filter(
      (r) => (r.route === route || m.test(r.path)) && (!method || r.method === method.toUpperCase()),
    );
  }

  /** Snapshot of live (non-invalidated) gateway sessions. */
  shards(): ShardInfo[] {
    return [...this.sessions.values()]
      .filter((s) => !s.invalid)
      .map((s) => ({
        sessionId: s.id,
        shardId: s.shardId,
        shardCount: s.shardCount,
        intents: s.intents,
        connected: s.connection !== null,
        seq: s.seq,
        identifiedAt: s.identifiedAt,
        resumes: s.resumes,
        path: s.connection?.path ?? null,
      }));
  }

  /** Shard ids with a live, connected, authenticated session. */
  connectedShards(): number[] {
    return this.shards()
      .filter((s) => s.connected)
      .map((s) => s.shardId)
      .sort((a, b) => a - b);
  }

  /** Callback latencies (ms) of accepted callbacks so far. */
  callbackLatencies(): number[] {
    return this.callbacks.filter((c) => c.accepted).map((c) => c.latencyMs);
  }

  medianCallbackLatencyMs(): number {
    return median(this.callbackLatencies());
  }

  // ------------------------------------------------------------------ waiting

  /** Resolve with `check()`'s first non-undefined value, re-checked whenever anything is recorded (and every 20 ms). */
  waitUntil<T>(check: () => T | undefined, timeoutMs = 5000, what = 'condition'): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const first = check();
      if (first !== undefined) return resolve(first);
      const onChange = (): void => {
        let value: T | undefined;
        try {
          value = check();
        } catch (err) {
          cleanup();
          reject(err);
          return;
        }
        if (value !== undefined) {
          cleanup();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        const recent = this.requests.slice(-8).map((r) => `${r.method} ${r.path} -> ${r.status}`);
        reject(new Error(`stand-in: timed out after ${timeoutMs} ms waiting for ${what}; recent requests:\n  ${recent.join('\n  ')}`));
      }, timeoutMs);
      // also poll, for conditions on state outside the stand-in (e.g. a test's own arrays)
      const poll = setInterval(onChange, 20);
      const cleanup = (): void => {
        clearTimeout(timer);
        clearInterval(poll);
        this.changes.off('change', onChange);
      };
      this.changes.on('change', onChange);
    });
  }

  /** First callback (accepted or not) for the interaction. */
  waitForCallback(interactionId: string, timeoutMs = 5000): Promise<RecordedCallback> {
    return this.waitUntil(
      () => this.callbacks.find((c) => c.interactionId === interactionId),
      timeoutMs,
      `callback for interaction ${interactionId}`,
    );
  }

  /** First bot-authored message in `channelId` (optionally: created after message seq `after`, matching `predicate`). */
  waitForMessage(
    channelId: string,
    opts: { after?: number; predicate?: (m: StoredMessage) => boolean; timeoutMs?: number } = {},
  ): Promise<StoredMessage> {
    const after = opts.after ?? 0;
    return this.waitUntil(
      () =>
        this.botMessages(channelId).find((m) => m.seq > after && (!opts.predicate || opts.predicate(m))),
      opts.timeoutMs ?? 5000,
      `bot message in channel ${channelId}`,
    );
  }

  /** First answered request (after request seq `after`) matching route/method/predicate. */
  waitForRequest(
    route: string | RegExp,
    opts: { method?: string; after?: number; predicate?: (r: RecordedRequest) => boolean; timeoutMs?: number } = {},
  ): Promise<RecordedRequest> {
    return this.waitUntil(
      () =>
        this.requestsTo(route, opts.method).find(
          (r) => r.seq > (opts.after ?? 0) && r.status !== 0 && (!opts.predicate || opts.predicate(r)),
        ),
      opts.timeoutMs ?? 5000,
      `${opts.method ?? ''} ${String(route)}`,
    );
  }

  /** First gateway event matching the predicate (scans history too). */
  waitForGateway(predicate: (e: GatewayEvent) => boolean, timeoutMs = 5000, what = 'gateway event'): Promise<GatewayEvent> {
    return this.waitUntil(() => this.gatewayEvents.find(predicate), timeoutMs, what);
  }

  /** Resolves when live sessions for all `shardIds` are connected. */
  waitForShards(shardIds: number[], timeoutMs = 5000): Promise<ShardInfo[]> {
    return this.waitUntil(
      () => {
        const live = this.shards().filter((s) => s.connected);
        const found = shardIds.map((id) => live.find((s) => s.shardId === id));
        return found.every(Boolean) ? (found as ShardInfo[]) : undefined;
      },
      timeoutMs,
      `shards ${shardIds.join(',')} connected`,
    );
  }

  /** Current message sequence number; pass as `after` to waitForMessage. */
  get messageMark(): number {
    return this.messageSeq;
  }
  /** Current request sequence number; pass as `after` to waitForRequest. */
  get requestMark(): number {
    return this.requestSeq;
  }

  // ------------------------------------------------------------------ fault injection

  /** Make the next `count` REST calls matching `route` fail (429/5xx), hang (`delayMs`) or drop. */
  failNext(fault: RestFault): FaultHandle {
    const matcher = typeof fault.route === 'string' ? templateRegex(fault.route).regex : fault.route;
    const active: ActiveFault = { ...fault, matcher, left: fault.count ?? 1, hits: 0 };
    this.faults.push(active);
    const faults = this.faults;
    return {
      get hits() {
        return active.hits;
      },
      get remaining() {
        return active.left;
      },
      cancel() {
        const i = faults.indexOf(active);
        if (i >= 0) faults.splice(i, 1);
      },
    };
  }

  /**
   * Close the gateway connection of a shard. With a `code` Discord-style close frame is sent
   * (4000 = resumable unknown error; 4007/4009 etc. also end the session server-side);
   * without one the TCP connection is dropped (client sees 1006 and resumes).
   */
  async closeGateway(shardId: number, code?: number, reason = ''): Promise<void> {
    const conn = this.liveSessionFor(shardId).connection;
    if (!conn) throw new Error(`shard ${shardId} has no open connection`);
    const closed = conn.closed;
    conn.serverClosing = true;
    if (code === undefined) {
      conn.ws.terminate();
    } else {
      if (SESSION_ENDING_CLOSE_CODES.has(code) && conn.session) conn.session.invalid = true;
      conn.ws.close(code, reason);
    }
    await closed;
  }

  /** Send op 9 INVALID_SESSION. `resumable=false` also forgets the session (a RESUME will fail). */
  invalidateSession(shardId: number, resumable: boolean): void {
    const session = this.liveSessionFor(shardId);
    const conn = session.connection;
    if (!conn) throw new Error(`shard ${shardId} has no open connection`);
    if (!resumable) session.invalid = true;
    session.connection = null;
    conn.session = null;
    this.sendFrame(conn, { op: GatewayOpcodes.InvalidSession, d: resumable, s: null, t: null });
  }

  /** Send op 7 RECONNECT (the client should reconnect and resume). */
  requestReconnect(shardId: number): void {
    const conn = this.liveSessionFor(shardId).connection;
    if (!conn) throw new Error(`shard ${shardId} has no open connection`);
    this.sendFrame(conn, { op: GatewayOpcodes.Reconnect, d: null, s: null, t: null });
  }

  /** Stop (or resume) answering heartbeats on a shard's connection, so the client detects a zombie. */
  ignoreHeartbeats(shardId: number, ignore = true): void {
    const conn = this.liveSessionFor(shardId).connection;
    if (!conn) throw new Error(`shard ${shardId} has no open connection`);
    conn.ignoreHeartbeats = ignore;
  }

  /** Make an interaction's 3 s window lapse now (its callback will get 404 10062). */
  expireInteraction(interactionId: string): void {
    const st = this.interactions.get(interactionId);
    if (st) st.createdAtMs = Date.now() - this.interactionExpiryMs - 1;
  }

  // ------------------------------------------------------------------ driving the client

  /**
   * Send a gateway dispatch to every live session covering `guildId` (DMs: shard 0), as Discord does.
   * Events the session's intents exclude are not sent. Returns the shard ids it went to.
   */
  dispatch(t: string, d: unknown, guildId: string | null = this.guildId): number[] {
    const targets = [...this.sessions.values()].filter(
      (s) => !s.invalid && this.sessionCovers(s, guildId) && this.intentAllows(s, t, d),
    );
    for (const session of targets) this.dispatchTo(session, t, this.filterForIntents(session, t, d));
    return targets.map((s) => s.shardId);
  }

  /** Build and send a realistic INTERACTION_CREATE. */
  dispatchInteraction(spec: InteractionSpec): DispatchedInteraction {
    const payload = this.buildInteraction(spec);
    spec.patch?.(payload);
    const st: InteractionState = {
      id: payload.id,
      token: payload.token,
      payload,
      createdAtMs: Date.now(),
      dispatchedAt: 0,
      acknowledged: false,
      responseType: null,
      originalMessageId: null,
      followups: [],
    };
    if (payload.type === InteractionType.MessageComponent) st.originalMessageId = payload.message.id;
    this.interactions.set(payload.id, st);
    const guildId = 'guild_id' in payload && payload.guild_id ? payload.guild_id : null;
    st.dispatchedAt = performance.now();
    const shardIds = this.dispatch(GatewayDispatchEvents.InteractionCreate, payload, guildId);
    if (shardIds.length === 0) throw new Error('dispatchInteraction: no live gateway session to deliver to');
    return {
      id: payload.id,
      token: payload.token,
      payload,
      dispatchedAt: st.dispatchedAt,
      shardIds,
      waitForCallback: (timeoutMs?: number) => this.waitForCallback(payload.id, timeoutMs),
    };
  }

  /** Send MESSAGE_CREATE for a user message (optionally mentioning the bot, as `<@botId> ...`). */
  dispatchMessage(spec: MessageSpec): DispatchedMessage {
    const channelId = spec.channelId ?? this.channelId;
    const channel = this.channels.get(channelId);
    if (!channel) throw new Error(`unknown channel ${channelId}`);
    const author = spec.author ?? this.user;
    this.users.set(author.id, author);
    let content = spec.content;
    const mentionRe = new RegExp(`<@!?${this.botUser.id}>`);
    if (spec.mentionsBot && !mentionRe.test(content)) content = `<@${this.botUser.id}> ${content}`;
    const referenced = spec.replyTo ? this.messages.get(spec.replyTo)?.message : undefined;
    if (spec.replyTo && !referenced) throw new Error(`unknown message ${spec.replyTo}`);
    const message = this.makeMessage({
      channelId,
      author,
      content,
      type: referenced ? MessageType.Reply : MessageType.Default,
      referenced,
      allowedMentions: undefined,
      member: true,
    });
    spec.patch?.(message);
    const stored = this.storeMessage(message, 'user', false);
    const mark = stored.seq;
    const dispatchedAt = performance.now();
    const shardIds = this.dispatch(GatewayDispatchEvents.MessageCreate, message, this.guildId);
    return {
      id: message.id,
      payload: message,
      dispatchedAt,
      shardIds,
      waitForReply: async (timeoutMs?: number) => {
        const reply = await this.waitForMessage(channelId, { after: mark, timeoutMs });
        return { ...reply, latencyMs: this.messageCreatedPerf(reply) - dispatchedAt };
      },
    };
  }

  // ------------------------------------------------------------------ payload builders

  private role(id: string, name: string, position: number, managed: boolean, permissions: string): APIRole {
    return {
      id,
      name,
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position,
      permissions,
      managed,
      mentionable: false,
      flags: 0 as RoleFlags,
      ...(managed ? { tags: { bot_id: this.botUser.id } } : {}),
    };
  }

  /**
   * The bot's permissions in a channel, as Discord computes them: the union of
   * its roles (@everyone included), all of them with Administrator, then the
   * channel's overwrites for @everyone, for its roles, and for the bot itself.
   * A thread uses its parent's.
   */
  botChannelPermissions(channelId: string): bigint {
    const base = BigInt(this.botPermissions());
    if (base & PermissionFlagsBits.Administrator) return (1n << 53n) - 1n;
    const parentId = this.threads.get(channelId)?.parent_id ?? channelId;
    const overwrites = this.channels.get(parentId)?.permission_overwrites ?? [];
    let perms = base;
    const apply = (o: APIOverwrite | undefined) => {
      if (o) perms = (perms & ~BigInt(o.deny)) | BigInt(o.allow);
    };
    apply(overwrites.find((o) => o.id === this.everyoneRoleId));
    const roleOverwrites = overwrites.filter((o) => o.type === OverwriteType.Role && o.id === this.botRoleId);
    let allow = 0n;
    let deny = 0n;
    for (const o of roleOverwrites) {
      allow |= BigInt(o.allow);
      deny |= BigInt(o.deny);
    }
    perms = (perms & ~deny) | allow;
    apply(overwrites.find((o) => o.type === OverwriteType.Member && o.id === this.botUser.id));
    return perms;
  }

  /**
   * Sets a channel permission overwrite (default: for the bot member) and sends
   * CHANNEL_UPDATE, as a server admin editing the channel would; later
   * interactions carry the new `app_permissions`.
   */
  setChannelOverwrite(channelId: string, overwrite: { allow?: bigint; deny?: bigint; id?: string; type?: OverwriteType }): void {
    const channel = this.channels.get(channelId);
    if (!channel) throw new Error(`unknown channel ${channelId}`);
    const id = overwrite.id ?? this.botUser.id;
    const list = (channel.permission_overwrites ?? []).filter((o) => o.id !== id);
    list.push({ id, type: overwrite.type ?? OverwriteType.Member, allow: (overwrite.allow ?? 0n).toString(), deny: (overwrite.deny ?? 0n).toString() });
    channel.permission_overwrites = list;
    this.dispatch(GatewayDispatchEvents.ChannelUpdate, { ...channel, guild_id: this.guildId });
  }

  /** Adds a guild channel (text by default) and sends CHANNEL_CREATE; returns its id. */
  createChannel(spec: { name?: string; type?: ChannelType } = {}): string {
    const id = snowflake();
    const channel = { ...this.channels.get(this.channelId)!, id, name: spec.name ?? `channel-${hex(2)}`, type: spec.type ?? ChannelType.GuildText, permission_overwrites: [], last_message_id: null } as APITextChannel;
    this.channels.set(id, channel);
    this.dispatch(GatewayDispatchEvents.ChannelCreate, { ...channel, guild_id: this.guildId });
    return id;
  }

  private botPermissions(): string {
    return this.roles.reduce((acc, r) => acc | BigInt(r.permissions), 0n).toString();
  }

  private everyonePermissions(): string {
    return this.roles[0]!.permissions;
  }

  private guildMember(user: APIUser, roles: string[], joinedAt: string): APIGuildMember {
    return {
      user,
      nick: null,
      avatar: null,
      banner: null,
      roles,
      joined_at: joinedAt,
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0 as GuildMemberFlags,
      pending: false,
      communication_disabled_until: null,
    };
  }

  private guildCreatePayload(): GatewayGuildCreateDispatchData & Record<string, unknown> {
    const botMember = this.guildMember(this.botUser, [this.botRoleId], iso(Date.now() - 86_400_000 * 10));
    const channels = [...this.channels.values()].map((c) => {
      const { guild_id: _omit, ...rest } = c; // channels inside GUILD_CREATE carry no guild_id
      return rest as APITextChannel;
    });
    return {
      id: this.guildId,
      name: this.opts.guildName ?? 'Beleg Test Guild',
      icon: null,
      icon_hash: null,
      splash: null,
      discovery_splash: null,
      banner: null,
      description: null,
      owner_id: this.user.id,
      region: 'deprecated',
      afk_channel_id: null,
      afk_timeout: 300,
      widget_enabled: false,
      widget_channel_id: null,
      verification_level: 0,
      default_message_notifications: 1,
      explicit_content_filter: 0,
      roles: this.roles,
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: this.channelId,
      system_channel_flags: 0 as GuildSystemChannelFlags,
      rules_channel_id: null,
      max_presences: null,
      max_members: 500000,
      max_video_channel_users: 25,
      max_stage_video_channel_users: 50,
      vanity_url_code: null,
      premium_tier: 0,
      premium_subscription_count: 0,
      preferred_locale: this.opts.guildLocale ?? Locale.EnglishUS,
      public_updates_channel_id: null,
      nsfw: false,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      hub_type: null,
      safety_alerts_channel_id: null,
      incidents_data: null,
      latest_onboarding_question_id: null,
      home_header: null,
      inventory_settings: null,
      embedded_activities: [],
      activity_instances: [],
      application_command_counts: {},
      version: Date.now(),
      lazy: true,
      joined_at: botMember.joined_at!,
      large: false,
      unavailable: false,
      member_count: 2,
      voice_states: [],
      members: [botMember],
      channels,
      threads: [...this.threads.values()],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    } as GatewayGuildCreateDispatchData & Record<string, unknown>;
  }

  private interactionMember(user: APIUser, permissions: string): APIInteractionGuildMember {
    return {
      ...this.guildMember(user, [], iso(Date.now() - 86_400_000 * 30)),
      user,
      permissions,
      unusual_dm_activity_until: null,
    } as APIInteractionGuildMember;
  }

  /**
   * `data.resolved` for options that name users, members, channels, roles or
   * attachments (types 6, 7, 8, 9 and 11), as Discord sends it: each id with its object.
   */
  private resolvedFor(options: APIApplicationCommandInteractionDataOption[]): Record<string, Record<string, unknown>> | undefined {
    const resolved: Record<string, Record<string, unknown>> = {};
    const put = (kind: string, id: string, value: unknown) => ((resolved[kind] ??= {})[id] = value);
    for (const o of options as Array<{ type: number; value?: unknown }>) {
      const id = String(o.value);
      const user = this.users.get(id);
      const role = this.roles.find((r) => r.id === id);
      const channel = this.channels.get(id) ?? this.threads.get(id);
      if ((o.type === ApplicationCommandOptionType.User || o.type === ApplicationCommandOptionType.Mentionable) && user) {
        put('users', id, user);
        const { user: _u, ...member } = this.interactionMember(user, this.everyonePermissions());
        put('members', id, member);
      } else if ((o.type === ApplicationCommandOptionType.Role || o.type === ApplicationCommandOptionType.Mentionable) && role) {
        put('roles', id, role);
      } else if (o.type === ApplicationCommandOptionType.Attachment && this.cdnFiles.has(id)) {
        put('attachments', id, structuredClone(this.cdnFiles.get(id)!.attachment));
      } else if (o.type === ApplicationCommandOptionType.Channel && channel) {
        const thread = channel as APIThreadChannel;
        put('channels', id, {
          id,
          name: channel.name,
          type: channel.type,
          permissions: this.everyonePermissions(),
          ...(thread.thread_metadata ? { thread_metadata: thread.thread_metadata, parent_id: thread.parent_id } : {}),
        });
      }
    }
    return Object.keys(resolved).length ? resolved : undefined;
  }

  private resolveOptions(
    options: SlashOptions | undefined,
    declaredOptions: APIApplicationCommand['options'] | undefined,
  ): APIApplicationCommandInteractionDataOption[] {
    if (!options) return [];
    const list = Array.isArray(options)
      ? options
      : Object.entries(options).map(([name, value]) => ({ name, value, type: undefined, focused: undefined }));
    return list.map((o) => {
      const declared = declaredOptions?.find((d) => d.name === o.name)?.type;
      const type =
        o.type ??
        declared ??
        (typeof o.value === 'string'
          ? ApplicationCommandOptionType.String
          : typeof o.value === 'boolean'
            ? ApplicationCommandOptionType.Boolean
            : Number.isInteger(o.value)
              ? ApplicationCommandOptionType.Integer
              : ApplicationCommandOptionType.Number);
      return { name: o.name, type, value: o.value, ...(o.focused ? { focused: true } : {}) } as APIApplicationCommandInteractionDataOption;
    });
  }

  private findCommand(name: string, type: ApplicationCommandType, guildId: string | null): APIApplicationCommand | undefined {
    // In another server (see InteractionCommon.guildId) the application's commands are the ones deployed here.
    const other = guildId !== null && guildId !== this.guildId;
    const pools = [guildId ? (this.guildCommands.get(guildId) ?? []) : [], this.globalCommands, other ? (this.guildCommands.get(this.guildId) ?? []) : []];
    for (const pool of pools) {
      const hit = pool.find((c) => c.name === name && (c.type ?? ApplicationCommandType.ChatInput) === type);
      if (hit) return hit;
    }
    return undefined;
  }

  private buildInteraction(spec: InteractionSpec): APIInteraction {
    const id = snowflake();
    const token = Buffer.from(`interaction:${id}:${randomBytes(48).toString('base64url')}`).toString('base64url');
    const user = spec.user ?? this.user;
    this.users.set(user.id, user);
    const guildId = spec.dm ? null : (spec.guildId ?? this.guildId);
    const elsewhere = guildId !== null && guildId !== this.guildId;
    // Another server's text channel: shaped like this one's, with its own id.
    const channelId = spec.channelId ?? (elsewhere ? this.stableCommandId(`channel:${guildId}`) : this.channelId);
    const channel: (APITextChannel | APIThreadChannel) | undefined = elsewhere
      ? ({ ...this.channels.get(this.channelId)!, id: channelId, guild_id: guildId } as APITextChannel)
      : (this.channels.get(channelId) ?? this.threads.get(channelId));
    if (!spec.dm && !channel) throw new Error(`unknown channel ${channelId}`);
    const memberPermissions = spec.memberPermissions ?? this.everyonePermissions();
    const base: Record<string, unknown> = {
      id,
      application_id: this.applicationId,
      token,
      version: 1,
      app_permissions: spec.appPermissions ?? (spec.dm || elsewhere ? this.everyonePermissions() : this.botChannelPermissions(channelId).toString()),
      locale: spec.locale ?? Locale.EnglishUS,
      entitlements: [],
      authorizing_integration_owners: spec.dm
        ? { [ApplicationIntegrationType.UserInstall]: user.id }
        : { [ApplicationIntegrationType.GuildInstall]: guildId },
      context: spec.dm ? InteractionContextType.BotDM : InteractionContextType.Guild,
      attachment_size_limit: 10 * 1024 * 1024,
    };
    if (spec.dm) {
      const dmChannelId = spec.channelId ?? snowflake();
      Object.assign(base, {
        user,
        channel_id: dmChannelId,
        channel: { id: dmChannelId, type: ChannelType.DM, last_message_id: null, flags: 0, recipients: [user] },
      });
    } else {
      Object.assign(base, {
        guild_id: guildId,
        guild: { id: guildId, locale: this.opts.guildLocale ?? Locale.EnglishUS, features: [] },
        guild_locale: this.opts.guildLocale ?? Locale.EnglishUS,
        member: this.interactionMember(user, memberPermissions),
        channel_id: channelId,
        // interactions carry a partial channel plus the invoking member's computed `permissions`
        channel: {
          id: channel!.id,
          type: channel!.type,
          guild_id: guildId,
          name: channel!.name,
          position: (channel as APITextChannel).position ?? 0,
          flags: channel!.flags ?? 0,
          parent_id: channel!.parent_id ?? null,
          topic: (channel as APITextChannel).topic ?? null,
          nsfw: channel!.nsfw ?? false,
          last_message_id: channel!.last_message_id ?? null,
          rate_limit_per_user: channel!.rate_limit_per_user ?? 0,
          permissions: memberPermissions,
        },
      });
    }

    switch (spec.kind) {
      case 'slash': {
        const cmd = this.findCommand(spec.name, ApplicationCommandType.ChatInput, guildId);
        const data: APIChatInputApplicationCommandInteraction['data'] = {
          id: spec.commandId ?? cmd?.id ?? this.stableCommandId(spec.name),
          name: spec.name,
          type: ApplicationCommandType.ChatInput,
          ...(cmd?.guild_id ? { guild_id: cmd.guild_id } : {}),
        };
        let declared = cmd?.options;
        const group = spec.group ? declared?.find((o) => o.name === spec.group && o.type === ApplicationCommandOptionType.SubcommandGroup) : undefined;
        if (spec.group) declared = (group as { options?: typeof declared } | undefined)?.options;
        const sub = spec.subcommand ? declared?.find((o) => o.name === spec.subcommand && o.type === ApplicationCommandOptionType.Subcommand) : undefined;
        if (spec.subcommand) declared = (sub as { options?: typeof declared } | undefined)?.options;
        let options = this.resolveOptions(spec.options, declared);
        const resolved = this.resolvedFor(options);
        if (spec.subcommand) options = [{ type: ApplicationCommandOptionType.Subcommand, name: spec.subcommand, ...(options.length ? { options } : {}) } as APIApplicationCommandInteractionDataOption];
        if (spec.group) options = [{ type: ApplicationCommandOptionType.SubcommandGroup, name: spec.group, options } as APIApplicationCommandInteractionDataOption];
        if (options.length) data.options = options;
        if (resolved) data.resolved = resolved;
        return { ...base, type: InteractionType.ApplicationCommand, data } as APIInteraction;
      }
      case 'autocomplete': {
        const cmd = this.findCommand(spec.name, ApplicationCommandType.ChatInput, guildId);
        let declared = cmd?.options;
        if (spec.subcommand) declared = (declared?.find((o) => o.name === spec.subcommand && o.type === ApplicationCommandOptionType.Subcommand) as { options?: typeof declared } | undefined)?.options;
        const others = this.resolveOptions(spec.options, declared);
        const focused = this.resolveOptions(
          [{ name: spec.focused.name, value: spec.focused.value, type: ApplicationCommandOptionType.String, focused: true }],
          declared,
        );
        const inner = [...others.filter((o) => o.name !== spec.focused.name), ...focused];
        const data: APIApplicationCommandAutocompleteInteraction['data'] = {
          id: spec.commandId ?? cmd?.id ?? this.stableCommandId(spec.name),
          name: spec.name,
          type: ApplicationCommandType.ChatInput,
          options: spec.subcommand ? [{ type: ApplicationCommandOptionType.Subcommand, name: spec.subcommand, options: inner } as APIApplicationCommandInteractionDataOption] : inner,
          ...(cmd?.guild_id ? { guild_id: cmd.guild_id } : {}),
        } as APIApplicationCommandAutocompleteInteraction['data'];
        return { ...base, type: InteractionType.ApplicationCommandAutocomplete, data } as APIInteraction;
      }
      case 'button': {
        let message: APIMessage;
        if (spec.message === undefined) {
          message = this.makeMessage({
            channelId,
            author: this.botUser,
            content: 'Buttons',
            components: [
              {
                type: ComponentType.ActionRow,
                id: 1,
                components: [{ type: ComponentType.Button, id: 2, style: ButtonStyle.Primary, label: spec.customId, custom_id: spec.customId }],
              } as APIActionRowComponent<any>,
            ],
            member: false,
          });
          this.storeMessage(message, 'bot', false);
        } else if (typeof spec.message === 'string') {
          const found = this.messages.get(spec.message);
          if (!found) throw new Error(`unknown message ${spec.message}`);
          message = found.message;
        } else {
          message = spec.message;
        }
        const data: APIMessageComponentInteraction['data'] = {
          custom_id: spec.customId,
          component_type: ComponentType.Button,
        };
        return { ...base, type: InteractionType.MessageComponent, data, message: structuredClone(message) } as APIInteraction;
      }
      case 'messageContextMenu': {
        let target: APIMessage;
        if (typeof spec.target === 'string') {
          const found = this.messages.get(spec.target);
          if (!found) throw new Error(`unknown message ${spec.target}`);
          target = found.message;
        } else if ('id' in spec.target) {
          target = spec.target;
        } else {
          target = this.makeMessage({
            channelId,
            author: spec.target.author ?? this.user,
            content: spec.target.content,
            member: false,
          });
          this.storeMessage(target, 'user', false);
        }
        const cmd = this.findCommand(spec.name, ApplicationCommandType.Message, guildId);
        const data: APIMessageApplicationCommandInteraction['data'] = {
          id: spec.commandId ?? cmd?.id ?? this.stableCommandId(`message:${spec.name}`),
          name: spec.name,
          type: ApplicationCommandType.Message,
          target_id: target.id,
          resolved: { messages: { [target.id]: structuredClone(target) } },
          ...(cmd?.guild_id ? { guild_id: cmd.guild_id } : {}),
        };
        return { ...base, type: InteractionType.ApplicationCommand, data } as APIInteraction;
      }
    }
  }

  private stableCommandId(key: string): string {
    let id = this.commandIds.get(key);
    if (!id) {
      id = snowflake();
      this.commandIds.set(key, id);
    }
    return id;
  }

  private computeMentions(
    content: string,
    allowed: { parse?: string[]; users?: string[]; roles?: string[]; replied_user?: boolean } | undefined,
    referenced: APIMessage | undefined,
    withMember: boolean,
  ): Pick<APIMessage, 'mentions' | 'mention_roles' | 'mention_everyone'> {
    const parseAll = allowed === undefined;
    const allowUsers = (id: string): boolean =>
      parseAll || (allowed?.parse?.includes('users') ?? false) || (allowed?.users?.includes(id) ?? false);
    const allowRoles = (id: string): boolean =>
      parseAll || (allowed?.parse?.includes('roles') ?? false) || (allowed?.roles?.includes(id) ?? false);
    const ids = new Set<string>();
    for (const m of content.matchAll(/<@!?(\d{17,20})>/g)) if (allowUsers(m[1]!)) ids.add(m[1]!);
    if (referenced && (parseAll || allowed?.replied_user)) ids.add(referenced.author.id);
    const mentions = [...ids]
      .map((id) => this.users.get(id))
      .filter((u): u is APIUser => Boolean(u))
      .map((u) =>
        withMember
          ? { ...u, member: { ...this.guildMember(u, u.id === this.botUser.id ? [this.botRoleId] : [], iso()), user: undefined } }
          : u,
      ) as APIUser[];
    for (const m of mentions as Array<APIUser & { member?: { user?: unknown } }>) if (m.member) delete m.member.user;
    const mention_roles = [...content.matchAll(/<@&(\d{17,20})>/g)].map((m) => m[1]!).filter(allowRoles);
    const mention_everyone =
      /@(everyone|here)\b/.test(content) && (parseAll || (allowed?.parse?.includes('everyone') ?? false));
    return { mentions, mention_roles, mention_everyone };
  }

  private makeMessage(o: {
    channelId: string;
    author: APIUser;
    content: string;
    type?: MessageType;
    embeds?: APIEmbed[];
    components?: APIMessageTopLevelComponent[];
    attachments?: APIAttachment[];
    flags?: number;
    referenced?: APIMessage;
    allowedMentions?: { parse?: string[]; users?: string[]; roles?: string[]; replied_user?: boolean };
    interaction?: InteractionState;
    nonce?: string | number;
    tts?: boolean;
    member: boolean;
  }): APIMessage {
    const id = snowflake();
    const inGuild = this.isGuildChannel(o.channelId);
    const message: Record<string, unknown> = {
      type: o.type ?? MessageType.Default,
      content: o.content,
      attachments: o.attachments ?? [],
      embeds: o.embeds ?? [],
      timestamp: iso(),
      edited_timestamp: null,
      flags: o.flags ?? 0,
      components: o.components ?? [],
      id,
      channel_id: o.channelId,
      author: o.author,
      pinned: false,
      tts: o.tts ?? false,
      ...this.computeMentions(o.content, o.allowedMentions, o.referenced, inGuild),
    };
    if (o.nonce !== undefined) message.nonce = o.nonce;
    if (inGuild) message.guild_id = this.guildId;
    if (inGuild && o.member && !o.author.bot) {
      message.member = { ...this.guildMember(o.author, [], iso(Date.now() - 86_400_000 * 30)), user: undefined };
      delete (message.member as Record<string, unknown>).user;
    }
    if (o.referenced) {
      message.message_reference = {
        type: MessageReferenceType.Default,
        channel_id: o.referenced.channel_id,
        message_id: o.referenced.id,
        ...(inGuild ? { guild_id: this.guildId } : {}),
      };
      message.referenced_message = structuredClone(o.referenced);
    }
    if (o.interaction) {
      const st = o.interaction;
      const p = st.payload as APIInteraction & { member?: APIInteractionGuildMember; user?: APIUser };
      const user = p.member?.user ?? p.user!;
      const isCommand = p.type === InteractionType.ApplicationCommand;
      const name = isCommand ? (p.data as { name: string }).name : undefined;
      message.webhook_id = this.applicationId;
      message.application_id = this.applicationId;
      message.interaction_metadata = {
        id: st.id,
        type: p.type,
        user,
        authorizing_integration_owners: p.authorizing_integration_owners,
        ...(isCommand ? { name, command_type: (p.data as { type: number }).type } : {}),
        ...(p.type === InteractionType.MessageComponent ? { interacted_message_id: p.message.id } : {}),
        ...(isCommand && (p.data as { type: number }).type === ApplicationCommandType.Message
          ? { target_message_id: (p.data as { target_id: string }).target_id }
          : {}),
        ...(st.originalMessageId && st.originalMessageId !== id ? { original_response_message_id: st.originalMessageId } : {}),
      };
      message.interaction = {
        id: st.id,
        type: p.type,
        name: name ?? '',
        user,
        ...(p.member ? { member: { ...p.member, user: undefined, permissions: undefined } } : {}),
      };
      const m = (message.interaction as { member?: Record<string, unknown> }).member;
      if (m) {
        delete m.user;
        delete m.permissions;
      }
    }
    return message as unknown as APIMessage;
  }

  private storeMessage(message: APIMessage, source: StoredMessage['source'], ephemeral: boolean, interactionId?: string): StoredMessage {
    const stored: StoredMessage = {
      seq: ++this.messageSeq,
      message,
      ephemeral,
      deleted: false,
      source,
      interactionId,
      editCount: 0,
    };
    this.messages.set(message.id, stored);
    this.createdPerf.set(message.id, performance.now());
    const channel = this.channels.get(message.channel_id);
    if (channel) channel.last_message_id = message.id;
    this.changed();
    return stored;
  }

  private readonly createdPerf = new Map<string, number>();
  private messageCreatedPerf(m: StoredMessage): number {
    return this.createdPerf.get(m.message.id) ?? performance.now();
  }

  /** Discord sends the bot its own non-ephemeral guild messages via the gateway too. */
  private echo(t: 'MESSAGE_CREATE' | 'MESSAGE_UPDATE' | 'MESSAGE_DELETE', stored: StoredMessage): void {
    if (this.opts.echoOwnMessages === false || stored.ephemeral) return;
    if (!this.isGuildChannel(stored.message.channel_id)) return;
    if (t === 'MESSAGE_DELETE') {
      this.dispatch(t, { id: stored.message.id, channel_id: stored.message.channel_id, guild_id: this.guildId });
    } else {
      this.dispatch(t, { ...stored.message, guild_id: this.guildId });
    }
  }

  // ------------------------------------------------------------------ validation (Discord's limits)

  private validateMessageBody(body: any, prefix: Array<string | number>, creating: boolean, hasFiles: boolean): void {
    const errs: Array<{ path: Array<string | number>; code: string; message: string }> = [];
    const maxLen = (path: Array<string | number>, value: unknown, max: number): void => {
      if (typeof value === 'string' && [...value].length > max)
        errs.push({ path: [...prefix, ...path], code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
    };
    if (body === null || typeof body !== 'object') {
      if (creating) throw E.emptyMessage();
      return;
    }
    maxLen(['content'], body.content, 2000);
    if (Array.isArray(body.embeds)) {
      if (body.embeds.length > 10)
        errs.push({ path: [...prefix, 'embeds'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 10 or fewer in length.' });
      let total = 0;
      body.embeds.forEach((e: APIEmbed, i: number) => {
        maxLen(['embeds', i, 'title'], e.title, 256);
        maxLen(['embeds', i, 'description'], e.description, 4096);
        maxLen(['embeds', i, 'footer', 'text'], e.footer?.text, 2048);
        maxLen(['embeds', i, 'author', 'name'], e.author?.name, 256);
        if ((e.fields?.length ?? 0) > 25)
          errs.push({ path: [...prefix, 'embeds', i, 'fields'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
        e.fields?.forEach((f, j) => {
          maxLen(['embeds', i, 'fields', j, 'name'], f.name, 256);
          maxLen(['embeds', i, 'fields', j, 'value'], f.value, 1024);
          total += (f.name?.length ?? 0) + (f.value?.length ?? 0);
        });
        total += (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text?.length ?? 0) + (e.author?.name?.length ?? 0);
      });
      if (total > 6000)
        errs.push({ path: [...prefix, 'embeds'], code: 'MAX_EMBED_SIZE_EXCEEDED', message: 'Embed size exceeds maximum size of 6000' });
    }
    if (Array.isArray(body.components) && body.components.length > 5 && !((body.flags ?? 0) & MessageFlags.IsComponentsV2))
      errs.push({ path: [...prefix, 'components'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 5 or fewer in length.' });
    if (errs.length) throw E.invalidForm(formErrors(errs));
    if (creating) {
      const hasContent = typeof body.content === 'string' && body.content.length > 0;
      const hasEmbeds = Array.isArray(body.embeds) && body.embeds.length > 0;
      const hasComponents = Array.isArray(body.components) && body.components.length > 0;
      const hasStickers = Array.isArray(body.sticker_ids) && body.sticker_ids.length > 0;
      if (!hasContent && !hasEmbeds && !hasComponents && !hasStickers && !hasFiles && !body.poll) throw E.emptyMessage();
    }
  }

  private attachmentsFrom(files: RecordedFile[], body: any): APIAttachment[] {
    return files.map((f, i) => {
      const id = snowflake();
      const meta = Array.isArray(body?.attachments) ? body.attachments[i] : undefined;
      return {
        id,
        filename: f.name,
        size: f.size,
        url: `http://127.0.0.1:${this._port}/attachments/${id}/${encodeURIComponent(f.name)}`,
        proxy_url: `http://127.0.0.1:${this._port}/attachments/${id}/${encodeURIComponent(f.name)}`,
        content_type: f.contentType,
        ...(meta?.description ? { description: meta.description } : {}),
      };
    });
  }

  // ------------------------------------------------------------------ REST

  private route(method: string, template: string, auth: boolean, handler: RouteDef['handler']): void {
    const { regex, keys } = templateRegex(template);
    this.routes.push({ method, template, auth, regex, keys, handler });
  }

  private registerRoutes(): void {
    const gatewayInfo = (): Reply => ({ status: 200, body: { url: this.gatewayUrl } });
    this.route('GET', '/gateway', false, gatewayInfo);
    this.route('GET', '/gateway/bot', true, () => ({
      status: 200,
      body: {
        url: this.gatewayUrl,
        shards: this.recommendedShards,
        session_start_limit: {
          total: 1000,
          remaining: this.sessionStartRemaining,
          reset_after: 86_400_000 - (Date.now() % 86_400_000),
          max_concurrency: this.maxConcurrency,
        },
      },
    }));
    this.route('GET', '/users/@me', true, () => ({
      status: 200,
      body: { ...this.botUser, mfa_enabled: false, locale: 'en-US', verified: true, email: null },
    }));
    this.route('GET', '/applications/@me', true, () => ({ status: 200, body: this.applicationObject() }));

    const listCommands = (guildId: string | null) => (ctx: RequestContext): Reply => {
      this.checkApp(ctx.params.application!);
      if (guildId !== null && ctx.params.guild !== this.guildId) throw E.missingAccess();
      return { status: 200, body: guildId ? (this.guildCommands.get(ctx.params.guild!) ?? []) : this.globalCommands };
    };
    const putCommands = (guild: boolean) => (ctx: RequestContext): Reply => {
      this.checkApp(ctx.params.application!);
      const guildId = guild ? ctx.params.guild! : null;
      if (guildId !== null && guildId !== this.guildId) throw E.missingAccess();
      if (!Array.isArray(ctx.body))
        throw E.invalidForm(formErrors([{ path: [], code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' }]));
      const commands = ctx.body.map((c: any, i: number) => this.materializeCommand(c, guildId, [i]));
      const seen = new Set<string>();
      commands.forEach((c: APIApplicationCommand, i: number) => {
        const key = `${c.type}:${c.name}`;
        if (seen.has(key))
          throw E.invalidForm(formErrors([{ path: [i, 'name'], code: 'APPLICATION_COMMANDS_DUPLICATE_NAME', message: `Application command names must be unique` }]));
        seen.add(key);
      });
      if (guildId) this.guildCommands.set(guildId, commands);
      else this.globalCommands = commands;
      return { status: 200, body: commands };
    };
    const postCommand = (guild: boolean) => (ctx: RequestContext): Reply => {
      this.checkApp(ctx.params.application!);
      const guildId = guild ? ctx.params.guild! : null;
      if (guildId !== null && guildId !== this.guildId) throw E.missingAccess();
      const cmd = this.materializeCommand(ctx.body, guildId, []);
      const pool = guildId ? (this.guildCommands.get(guildId) ?? []) : this.globalCommands;
      const existing = pool.findIndex((c) => c.name === cmd.name && c.type === cmd.type);
      if (existing >= 0) pool[existing] = cmd;
      else pool.push(cmd);
      if (guildId) this.guildCommands.set(guildId, pool);
      return { status: existing >= 0 ? 200 : 201, body: cmd };
    };
    this.route('GET', '/applications/:application/commands', true, listCommands(null));
    this.route('PUT', '/applications/:application/commands', true, putCommands(false));
    this.route('POST', '/applications/:application/commands', true, postCommand(false));
    this.route('GET', '/applications/:application/guilds/:guild/commands', true, (ctx) => listCommands(ctx.params.guild!)(ctx));
    this.route('PUT', '/applications/:application/guilds/:guild/commands', true, putCommands(true));
    this.route('POST', '/applications/:application/guilds/:guild/commands', true, postCommand(true));

    this.route('POST', '/interactions/:interaction/:token/callback', false, (ctx) => this.onCallback(ctx));

    this.route('POST', '/webhooks/:application/:token', false, (ctx) => this.onFollowup(ctx));
    this.route('GET', '/webhooks/:application/:token/messages/:message', false, (ctx) => {
      const { stored } = this.webhookMessage(ctx);
      return { status: 200, body: stored.message };
    });
    this.route('PATCH', '/webhooks/:application/:token/messages/:message', false, (ctx) => this.onWebhookEdit(ctx));
    this.route('DELETE', '/webhooks/:application/:token/messages/:message', false, (ctx) => {
      const { stored } = this.webhookMessage(ctx);
      stored.deleted = true;
      this.echo('MESSAGE_DELETE', stored);
      return { status: 204 };
    });

    this.route('POST', '/channels/:channel/messages', true, (ctx) => this.onChannelMessage(ctx));
    this.route('GET', '/channels/:channel/messages/:message', true, (ctx) => {
      if (!this.isGuildChannel(ctx.params.channel!)) throw E.unknownChannel();
      const stored = this.messages.get(ctx.params.message!);
      if (!stored || stored.deleted || stored.ephemeral || stored.message.channel_id !== ctx.params.channel) throw E.unknownMessage();
      return { status: 200, body: stored.message };
    });
    this.route('POST', '/channels/:channel/messages/:message/threads', true, (ctx) => this.onStartThread(ctx));
    this.route('POST', '/channels/:channel/typing', true, (ctx) => {
      if (!this.isGuildChannel(ctx.params.channel!)) throw E.unknownChannel();
      return { status: 204 };
    });
  }

  private applicationObject(): APIApplication {
    return {
      id: this.applicationId,
      name: this.botUser.username,
      icon: null,
      description: '',
      summary: '',
      type: null,
      is_monetized: false,
      is_verified: false,
      is_discoverable: false,
      hook: true,
      storefront_available: false,
      bot_public: false,
      bot_require_code_grant: false,
      verify_key: hex(32),
      flags: 0 as ApplicationFlags,
      flags_new: '0',
      team: null,
      bot: this.botUser,
      owner: { ...this.user },
      approximate_guild_count: 1,
      approximate_user_install_count: 0,
      approximate_user_authorization_count: 0,
      redirect_uris: [],
      interactions_endpoint_url: null,
      role_connections_verification_url: null,
      event_webhooks_url: null,
      event_webhooks_status: 1,
      integration_types_config: { '0': {} },
      explicit_content_filter: 0,
      rpc_origins: [],
    } as APIApplication;
  }

  private checkApp(applicationId: string): void {
    if (applicationId !== this.applicationId) throw E.missingAccess();
  }

  private materializeCommand(c: any, guildId: string | null, at: Array<string | number>): APIApplicationCommand {
    const type: ApplicationCommandType = c?.type ?? ApplicationCommandType.ChatInput;
    const errs: Array<{ path: Array<string | number>; code: string; message: string }> = [];
    const name = typeof c?.name === 'string' ? c.name : '';
    if (type === ApplicationCommandType.ChatInput) {
      if (!validSlashName(name)) errs.push({ path: [...at, 'name'], code: 'APPLICATION_COMMAND_INVALID_NAME', message: `Command name is invalid` });
      // a bad localised command name is reported on the whole map, as Discord does
      if (Object.values(c?.name_localizations ?? {}).some((n) => typeof n !== 'string' || !validSlashName(n)))
        errs.push({ path: [...at, 'name_localizations'], code: 'APPLICATION_COMMAND_INVALID_NAME', message: `Command name is invalid` });
      validateDescriptions(c, at, errs);
      if ((c?.options?.length ?? 0) > 25)
        errs.push({ path: [...at, 'options'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
      (c?.options ?? []).forEach((o: any, i: number) => validateOption(o, [...at, 'options', i], errs));
    } else {
      if (name.length < 1 || name.length > 32) errs.push({ path: [...at, 'name'], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 32 in length.' });
      for (const [locale, n] of Object.entries(c?.name_localizations ?? {}))
        if (typeof n !== 'string' || n.length < 1 || n.length > 32)
          errs.push({ path: [...at, 'name_localizations', locale], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 32 in length.' });
    }
    if (errs.length) throw E.invalidForm(formErrors(errs));
    const key = `${guildId ?? 'global'}:${type}:${name}`;
    return {
      id: this.stableCommandId(key),
      application_id: this.applicationId,
      version: snowflake(),
      default_member_permissions: c.default_member_permissions ?? null,
      type,
      name,
      name_localizations: c.name_localizations ?? null,
      description: type === ApplicationCommandType.ChatInput ? c.description : '',
      description_localizations: c.description_localizations ?? null,
      ...(c.options ? { options: c.options } : {}),
      dm_permission: c.dm_permission ?? true,
      contexts: c.contexts ?? null,
      integration_types: c.integration_types ?? [ApplicationIntegrationType.GuildInstall],
      nsfw: c.nsfw ?? false,
      ...(guildId ? { guild_id: guildId } : {}),
    } as APIApplicationCommand;
  }

  private interactionFor(applicationId: string, token: string): InteractionState {
    if (applicationId !== this.applicationId) throw E.unknownWebhook();
    for (const st of this.interactions.values()) {
      if (st.token === token) {
        if (Date.now() - st.createdAtMs > this.interactionTokenLifetimeMs) throw E.unknownWebhook();
        if (!st.acknowledged) throw E.unknownWebhook();
        return st;
      }
    }
    throw E.unknownWebhook();
  }

  private webhookMessage(ctx: RequestContext): { st: InteractionState; stored: StoredMessage } {
    const st = this.interactionFor(ctx.params.application!, ctx.params.token!);
    const id = ctx.params.message === '@original' ? st.originalMessageId : ctx.params.message!;
    const stored = id ? this.messages.get(id) : undefined;
    if (!stored || stored.deleted) throw E.unknownMessage();
    if (id !== st.originalMessageId && !st.followups.includes(id!)) throw E.unknownMessage();
    return { st, stored };
  }

  private onCallback(ctx: RequestContext): Reply {
    const { interaction: id, token } = ctx.params as { interaction: string; token: string };
    const st = this.interactions.get(id);
    const body = ctx.body ?? {};
    const withResponse = ctx.query.get('with_response') === 'true';
    const record = (status: number, accepted: boolean, response: unknown): RecordedCallback => {
      const cb: RecordedCallback = {
        interactionId: id,
        token,
        type: body.type,
        data: body.data,
        body,
        files: ctx.files,
        withResponse,
        status,
        accepted,
        response,
        receivedAt: ctx.rec.receivedAt,
        latencyMs: st ? ctx.rec.receivedAt - st.dispatchedAt : Number.NaN,
      };
      this.callbacks.push(cb);
      return cb;
    };
    const fail = (err: ApiError): never => {
      record(err.status, false, err.body);
      throw err;
    };
    if (!st || st.token !== token) return fail(E.unknownInteraction());
    if (st.acknowledged) return fail(E.alreadyAcknowledged());
    if (Date.now() - st.createdAtMs > this.interactionExpiryMs) return fail(E.unknownInteraction());

    const p = st.payload;
    const allowed: Record<number, number[]> = {
      [InteractionType.ApplicationCommand]: [4, 5, 9, 10, 12],
      [InteractionType.MessageComponent]: [4, 5, 6, 7, 9, 10],
      [InteractionType.ApplicationCommandAutocomplete]: [8],
      [InteractionType.ModalSubmit]: [4, 5, 6, 7, 10],
    };
    if (typeof body.type !== 'number' || !(allowed[p.type] ?? []).includes(body.type)) {
      return fail(
        E.invalidForm(formErrors([{ path: ['type'], code: 'INTERACTION_RESPONSE_TYPE_INVALID', message: 'Interaction response type is invalid for this interaction.' }])),
      );
    }
    const data = body.data ?? {};
    let resourceMessage: StoredMessage | undefined;
    try {
      switch (body.type as InteractionResponseType) {
        case InteractionResponseType.ChannelMessageWithSource: {
          this.validateMessageBody(data, ['data'], true, ctx.files.length > 0);
          resourceMessage = this.createInteractionMessage(st, data, ctx.files, false);
          break;
        }
        case InteractionResponseType.DeferredChannelMessageWithSource: {
          resourceMessage = this.createInteractionMessage(st, { flags: data.flags ?? 0 }, [], true);
          break;
        }
        case InteractionResponseType.DeferredMessageUpdate:
          break;
        case InteractionResponseType.UpdateMessage: {
          this.validateMessageBody(data, ['data'], false, ctx.files.length > 0);
          const stored = st.originalMessageId ? this.messages.get(st.originalMessageId) : undefined;
          if (stored) {
            this.applyEdit(stored, data, ctx.files);
            resourceMessage = stored;
          }
          break;
        }
        case InteractionResponseType.ApplicationCommandAutocompleteResult: {
          if ((data.choices?.length ?? 0) > 25)
            throw E.invalidForm(formErrors([{ path: ['data', 'choices'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' }]));
          break;
        }
        case InteractionResponseType.Modal: {
          if (!data.custom_id || !data.title)
            throw E.invalidForm(formErrors([{ path: ['data', data.custom_id ? 'title' : 'custom_id'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }]));
          break;
        }
        default:
          break;
      }
    } catch (err) {
      if (err instanceof ApiError) return fail(err);
      throw err;
    }
    st.acknowledged = true;
    st.responseType = body.type;
    if (!withResponse) {
      record(204, true, null);
      return { status: 204 };
    }
    const response: RESTPostAPIInteractionCallbackWithResponseResult = {
      interaction: {
        id: st.id,
        type: p.type,
        ...(resourceMessage
          ? {
              response_message_id: resourceMessage.message.id,
              response_message_loading: body.type === InteractionResponseType.DeferredChannelMessageWithSource,
              response_message_ephemeral: resourceMessage.ephemeral,
            }
          : {}),
      },
      ...(body.type === InteractionResponseType.DeferredMessageUpdate || body.type === InteractionResponseType.ApplicationCommandAutocompleteResult
        ? {}
        : { resource: { type: body.type, ...(resourceMessage ? { message: resourceMessage.message } : {}) } }),
    };
    record(200, true, response);
    return { status: 200, body: response };
  }

  private createInteractionMessage(st: InteractionState, data: any, files: RecordedFile[], loading: boolean): StoredMessage {
    const p = st.payload;
    const channelId = (p as { channel?: { id: string } }).channel?.id ?? (p as { channel_id?: string }).channel_id!;
    const ephemeral = Boolean((data.flags ?? 0) & MessageFlags.Ephemeral);
    const type =
      p.type === InteractionType.ApplicationCommand
        ? (p.data as { type: number }).type === ApplicationCommandType.ChatInput
          ? MessageType.ChatInputCommand
          : MessageType.ContextMenuCommand
        : MessageType.Default;
    const message = this.makeMessage({
      channelId,
      author: this.botUser,
      content: data.content ?? '',
      type,
      embeds: data.embeds,
      components: data.components,
      attachments: this.attachmentsFrom(files, data),
      flags: (data.flags ?? 0) | (loading ? MessageFlags.Loading : 0),
      allowedMentions: data.allowed_mentions,
      interaction: st,
      tts: data.tts,
      member: false,
    });
    const stored = this.storeMessage(message, 'interaction', ephemeral, st.id);
    st.originalMessageId = message.id;
    this.echo('MESSAGE_CREATE', stored);
    return stored;
  }

  private applyEdit(stored: StoredMessage, data: any, files: RecordedFile[]): void {
    const msg = stored.message as unknown as Record<string, unknown>;
    const wasLoading = Boolean(((msg.flags as number) ?? 0) & MessageFlags.Loading);
    for (const key of ['content', 'embeds', 'components'] as const) {
      if (data[key] !== undefined && data[key] !== null) msg[key] = data[key];
    }
    if (Array.isArray(data.attachments) || files.length) {
      const kept = (msg.attachments as APIAttachment[]).filter((a) =>
        (data.attachments ?? []).some((d: { id?: string }) => d.id === a.id),
      );
      msg.attachments = [...kept, ...this.attachmentsFrom(files, data)];
    }
    if (data.content !== undefined || data.allowed_mentions !== undefined) {
      Object.assign(msg, this.computeMentions(String(msg.content ?? ''), data.allowed_mentions, undefined, true));
    }
    if (typeof data.flags === 'number') {
      // only SUPPRESS_EMBEDS (and components v2) may be toggled on edit; ephemeral/loading stay as they are
      const keep = (msg.flags as number) & (MessageFlags.Ephemeral | MessageFlags.Loading);
      msg.flags = keep | (data.flags & (MessageFlags.SuppressEmbeds | MessageFlags.IsComponentsV2));
    }
    if (wasLoading) {
      msg.flags = ((msg.flags as number) ?? 0) & ~MessageFlags.Loading;
    } else {
      msg.edited_timestamp = iso();
    }
    stored.editCount++;
    this.changed();
    this.echo('MESSAGE_UPDATE', stored);
  }

  private onWebhookEdit(ctx: RequestContext): Reply {
    const { stored } = this.webhookMessage(ctx);
    this.validateMessageBody(ctx.body ?? {}, [], false, ctx.files.length > 0);
    this.applyEdit(stored, ctx.body ?? {}, ctx.files);
    return { status: 200, body: stored.message };
  }

  private onFollowup(ctx: RequestContext): Reply {
    const st = this.interactionFor(ctx.params.application!, ctx.params.token!);
    const data = ctx.body ?? {};
    this.validateMessageBody(data, [], true, ctx.files.length > 0);
    const p = st.payload;
    const channelId = (p as { channel?: { id: string } }).channel?.id ?? (p as { channel_id?: string }).channel_id!;
    const original = st.originalMessageId ? this.messages.get(st.originalMessageId) : undefined;
    const ephemeral = Boolean((data.flags ?? 0) & MessageFlags.Ephemeral);
    const message = this.makeMessage({
      channelId,
      author: this.botUser,
      content: data.content ?? '',
      type: original && !original.deleted ? MessageType.Reply : MessageType.Default,
      referenced: original && !original.deleted ? original.message : undefined,
      embeds: data.embeds,
      components: data.components,
      attachments: this.attachmentsFrom(ctx.files, data),
      flags: data.flags ?? 0,
      allowedMentions: data.allowed_mentions ?? { parse: [] },
      interaction: st,
      tts: data.tts,
      member: false,
    });
    const stored = this.storeMessage(message, 'followup', ephemeral, st.id);
    st.followups.push(message.id);
    this.echo('MESSAGE_CREATE', stored);
    if (ctx.query.get('wait') !== 'true') return { status: 204 };
    return { status: 200, body: message };
  }

  private onChannelMessage(ctx: RequestContext): Reply {
    const channelId = ctx.params.channel!;
    if (!this.isGuildChannel(channelId)) throw E.unknownChannel();
    const body = ctx.body ?? {};
    this.validateMessageBody(body, [], true, ctx.files.length > 0);
    let referenced: APIMessage | undefined;
    const ref = body.message_reference;
    if (ref?.message_id) {
      const found = this.messages.get(ref.message_id);
      if (found && !found.deleted && !found.ephemeral && found.message.channel_id === (ref.channel_id ?? channelId)) {
        referenced = found.message;
      } else if (ref.fail_if_not_exists !== false) {
        throw E.invalidForm(
          formErrors([{ path: ['message_reference'], code: 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', message: 'Unknown message' }]),
        );
      }
    }
    const message = this.makeMessage({
      channelId,
      author: this.botUser,
      content: body.content ?? '',
      type: referenced ? MessageType.Reply : MessageType.Default,
      referenced,
      embeds: body.embeds,
      components: body.components,
      attachments: this.attachmentsFrom(ctx.files, body),
      flags: (body.flags ?? 0) & (MessageFlags.SuppressEmbeds | MessageFlags.SuppressNotifications | MessageFlags.IsComponentsV2),
      allowedMentions: body.allowed_mentions,
      nonce: body.nonce,
      tts: body.tts,
      member: false,
    });
    const stored = this.storeMessage(message, 'bot', false);
    this.echo('MESSAGE_CREATE', stored);
    return { status: 200, body: message };
  }

  private isGuildChannel(id: string): boolean {
    return this.channels.has(id) || this.threads.has(id);
  }

  /**
   * POST /channels/{channel}/messages/{message}/threads: Discord's "Start Thread
   * from Message". A text channel gets a public thread (11), an announcement
   * channel an announcement thread (10), with the message's id; the bot needs
   * View Channel (else 50001) and Create Public Threads (else 50013); other
   * channel types answer 50024, a second thread on one message 160004. Sends
   * THREAD_CREATE (newly_created) and a MESSAGE_UPDATE of the starter message.
   */
  private onStartThread(ctx: RequestContext): Reply {
    const channelId = ctx.params.channel!;
    const channel = this.channels.get(channelId);
    if (!channel) throw this.threads.has(channelId) ? E.wrongChannelType() : E.unknownChannel();
    const perms = this.botChannelPermissions(channelId);
    if (!(perms & PermissionFlagsBits.ViewChannel)) throw E.missingAccess();
    const type = channel.type as ChannelType;
    if (type !== ChannelType.GuildText && type !== ChannelType.GuildAnnouncement) throw E.wrongChannelType();
    if (!(perms & PermissionFlagsBits.CreatePublicThreads)) throw E.missingPermissions();
    const stored = this.messages.get(ctx.params.message!);
    if (!stored || stored.deleted || stored.ephemeral || stored.message.channel_id !== channelId) throw E.unknownMessage();
    const body = ctx.body ?? {};
    const errs: Array<{ path: Array<string | number>; code: string; message: string }> = [];
    if (typeof body.name !== 'string' || body.name.length === 0) errs.push({ path: ['name'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
    else if ([...body.name].length > 100) errs.push({ path: ['name'], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' });
    const durations: number[] = [ThreadAutoArchiveDuration.OneHour, ThreadAutoArchiveDuration.OneDay, ThreadAutoArchiveDuration.ThreeDays, ThreadAutoArchiveDuration.OneWeek];
    if (body.auto_archive_duration !== undefined && !durations.includes(body.auto_archive_duration))
      errs.push({ path: ['auto_archive_duration'], code: 'BASE_TYPE_CHOICES', message: `Value must be one of {${durations.join(', ')}}.` });
    if (errs.length) throw E.invalidForm(formErrors(errs));
    if (this.threads.has(stored.message.id)) throw E.threadAlreadyCreated();
    const now = iso();
    const thread = {
      id: stored.message.id,
      type: type === ChannelType.GuildAnnouncement ? ChannelType.AnnouncementThread : ChannelType.PublicThread,
      guild_id: this.guildId,
      parent_id: channelId,
      owner_id: this.botUser.id,
      name: body.name,
      last_message_id: null,
      rate_limit_per_user: typeof body.rate_limit_per_user === 'number' ? body.rate_limit_per_user : 0,
      flags: 0 as ChannelFlags,
      message_count: 0,
      member_count: 1,
      total_message_sent: 0,
      thread_metadata: {
        archived: false,
        archive_timestamp: now,
        auto_archive_duration: body.auto_archive_duration ?? channel.default_auto_archive_duration ?? ThreadAutoArchiveDuration.OneDay,
        locked: false,
        create_timestamp: now,
      },
      member: { id: stored.message.id, user_id: this.botUser.id, join_timestamp: now, flags: 0 },
    } as unknown as APIThreadChannel;
    this.threads.set(thread.id, thread);
    this.dispatch(GatewayDispatchEvents.ThreadCreate, { ...thread, newly_created: true });
    const msg = stored.message as unknown as Record<string, unknown>;
    msg.thread = thread;
    msg.flags = ((msg.flags as number) ?? 0) | MessageFlags.HasThread;
    this.echo('MESSAGE_UPDATE', stored);
    this.changed();
    return { status: 201, body: thread };
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = performance.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const method = (req.method ?? 'GET').toUpperCase();
    if (/^\/(?:ephemeral-)?attachments\//.test(url.pathname)) {
      this.serveCdn(method, url, req, res);
      return;
    }
    const prefix = `/api/v10`;
    const rawPath = url.pathname.startsWith(`${prefix}/`) ? url.pathname.slice(prefix.length) : url.pathname;
    // Record and route on decoded segments (discord.js sends `@original` as `%40original`).
    const path = rawPath
      .split('/')
      .map((seg) => {
        try {
          return decodeURIComponent(seg);
        } catch {
          return seg;
        }
      })
      .join('/');
    const rec: RecordedRequest = {
      seq: ++this.requestSeq,
      method,
      path,
      route: null,
      query: Object.fromEntries(url.searchParams),
      headers: { ...req.headers },
      body: undefined,
      files: [],
      status: 0,
      response: undefined,
      unexpected: false,
      receivedAt,
    };
    this.requests.push(rec);
    let reply: Reply;
    try {
      const ctx: RequestContext = { params: {}, query: url.searchParams, body: undefined, files: [], rec };
      await this.parseBody(req, raw, ctx);
      rec.body = ctx.body;
      rec.files = ctx.files;
      const { route, params } = this.matchRoute(method, path, url.pathname.startsWith(`${prefix}/`));
      rec.route = route.template;
      ctx.params = params;

      const fault = this.takeFault(method, path);
      if (fault) {
        rec.fault = fault.status ? `status ${fault.status}` : fault.drop ? 'drop' : `delay ${fault.delayMs}ms`;
        if (fault.delayMs) await this.sleep(fault.delayMs);
        if (fault.drop) {
          rec.status = -1;
          req.socket.destroy();
          this.changed();
          return;
        }
        if (fault.status) {
          reply = this.faultReply(fault);
          this.finish(res, rec, reply);
          return;
        }
      }
      if (route.auth && req.headers.authorization !== `Bot ${this.token}`) throw E.unauthorized();
      reply = await route.handler(ctx);
    } catch (err) {
      if (err instanceof ApiError) {
        reply = { status: err.status, body: err.body };
        if (err.status === 404 || err.status === 405) rec.unexpected ||= rec.route === null || err.status === 405;
      } else {
        this.log(`handler error: ${(err as Error).stack}`);
        reply = { status: 500, body: { message: '500: Internal Server Error', code: 0 } };
      }
    }
    this.finish(res, rec, reply);
  }

  /** The CDN: a file uploaded with {@link uploadAttachment}, by the id in its path (as Discord's, the signature is not checked here). */
  private serveCdn(method: string, url: URL, req: IncomingMessage, res: ServerResponse): void {
    const id = url.pathname.split('/')[3] ?? '';
    const file = this.cdnFiles.get(id);
    const status = method !== 'GET' && method !== 'HEAD' ? 405 : file ? 200 : 404;
    this.cdnRequests.push({ method, path: url.pathname, query: Object.fromEntries(url.searchParams), headers: { ...req.headers }, status });
    if (status !== 200) {
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 404 ? 'This content is no longer available.' : '');
      return;
    }
    res.writeHead(200, {
      'content-type': file!.attachment.content_type ?? 'application/octet-stream',
      'content-length': String(file!.data.length),
      'cache-control': 'public, max-age=31536000',
    });
    res.end(method === 'HEAD' ? undefined : file!.data);
    this.changed();
  }

  private finish(res: ServerResponse, rec: RecordedRequest, reply: Reply): void {
    rec.status = reply.status;
    rec.response = reply.body;
    const headers: Record<string, string> = { ...reply.headers };
    let payload: string | undefined;
    if (reply.status !== 204 && reply.body !== undefined) {
      payload = JSON.stringify(reply.body);
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    res.writeHead(reply.status, headers);
    res.end(payload);
    this.log(`${rec.method} ${rec.path} -> ${reply.status}`);
    this.changed();
  }

  private matchRoute(method: string, path: string, versioned: boolean): { route: RouteDef; params: Record<string, string> } {
    if (!versioned) throw E.notFound();
    let pathMatched = false;
    for (const route of this.routes) {
      const m = route.regex.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      route.keys.forEach((k, i) => (params[k] = m[i + 1]!));
      return { route, params };
    }
    throw pathMatched ? E.methodNotAllowed() : E.notFound();
  }

  private async parseBody(req: IncomingMessage, raw: Buffer, ctx: RequestContext): Promise<void> {
    if (raw.length === 0) return;
    const type = req.headers['content-type'] ?? '';
    if (type.startsWith('multipart/form-data')) {
      const form = await new Request('http://127.0.0.1/', { method: 'POST', headers: { 'content-type': type }, body: raw }).formData();
      for (const [field, value] of form.entries()) {
        if (typeof value === 'string') {
          if (field === 'payload_json') {
            try {
              ctx.body = JSON.parse(value);
            } catch {
              throw E.invalidJson();
            }
          }
        } else {
          ctx.files.push({ field, name: value.name, size: value.size, contentType: value.type || 'application/octet-stream' });
        }
      }
      return;
    }
    try {
      ctx.body = JSON.parse(raw.toString('utf8'));
    } catch {
      throw E.invalidJson();
    }
  }

  private takeFault(method: string, path: string): ActiveFault | undefined {
    const fault = this.faults.find(
      (f) => f.left > 0 && f.matcher.test(path) && (!f.method || f.method.toUpperCase() === method),
    );
    if (!fault) return undefined;
    fault.left--;
    fault.hits++;
    if (fault.left === 0) this.faults.splice(this.faults.indexOf(fault), 1);
    return fault;
  }

  private faultReply(fault: ActiveFault): Reply {
    const status = fault.status!;
    if (status === 429) {
      const retryAfter = fault.retryAfter ?? 1;
      const headers: Record<string, string> = {
        'retry-after': String(retryAfter),
        'x-ratelimit-scope': fault.global ? 'global' : 'user',
      };
      if (fault.global) {
        headers['x-ratelimit-global'] = 'true';
      } else {
        headers['x-ratelimit-limit'] = '5';
        headers['x-ratelimit-remaining'] = '0';
        headers['x-ratelimit-reset'] = ((Date.now() + retryAfter * 1000) / 1000).toFixed(3);
        headers['x-ratelimit-reset-after'] = retryAfter.toFixed(3);
        headers['x-ratelimit-bucket'] = hex(16);
      }
      return {
        status,
        headers,
        body: fault.body ?? { message: 'You are being rate limited.', retry_after: retryAfter, global: Boolean(fault.global) },
      };
    }
    const text: Record<number, string> = { 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };
    return { status, body: fault.body ?? { message: `${status}: ${text[status] ?? 'Error'}`, code: 0 } };
  }

  // ------------------------------------------------------------------ gateway

  private onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!this.wss || (url.pathname !== '/' && url.pathname !== '/resume')) {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, url));
  }

  private onConnection(ws: WebSocket, url: URL): void {
    let resolveClosed!: (code: number) => void;
    const conn: Connection = {
      id: ++this.connectionCounter,
      ws,
      path: url.pathname,
      session: null,
      deflate: null,
      identifyCompress: false,
      ignoreHeartbeats: false,
      serverClosing: false,
      closed: new Promise<number>((r) => (resolveClosed = r)),
    };
    this.connections.add(conn);
    this.event(conn, { direction: 'open', d: url.search });
    ws.on('close', (code) => {
      this.connections.delete(conn);
      conn.deflate?.close();
      const session = conn.session;
      if (session && session.connection === conn) {
        session.connection = null;
        // A client closing with 1000/1001 ends its session (Discord: it cannot be resumed).
        if (!conn.serverClosing && (code === 1000 || code === 1001)) session.invalid = true;
      }
      this.event(conn, { direction: 'close', code });
      resolveClosed(code);
    });
    ws.on('error', () => undefined);
    ws.on('message', (data, isBinary) => this.onFrame(conn, data, isBinary));

    const v = url.searchParams.get('v');
    const encoding = url.searchParams.get('encoding') ?? 'json';
    const compress = url.searchParams.get('compress');
    if (compress === 'zlib-stream') {
      conn.deflate = zlib.createDeflate({ flush: zlib.constants.Z_SYNC_FLUSH });
      conn.deflate.on('data', (chunk: Buffer) => {
        if (ws.readyState === WebSocket.OPEN) ws.send(chunk, { binary: true });
      });
    }
    this.sendFrame(conn, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.heartbeatIntervalMs, _trace: trace('hello') }, s: null, t: null });
    if (v !== null && v !== '10') return this.closeConn(conn, 4012, 'Invalid API version');
    if (encoding !== 'json') return this.closeConn(conn, 4002, 'Error while decoding payload.');
  }

  private closeConn(conn: Connection, code: number, reason: string): void {
    conn.serverClosing = true;
    if (conn.session && SESSION_ENDING_CLOSE_CODES.has(code)) conn.session.invalid = true;
    conn.ws.close(code, reason);
  }

  private sendFrame(conn: Connection, payload: { op: number; d: unknown; s: number | null; t: string | null }): void {
    if (conn.ws.readyState !== WebSocket.OPEN) return;
    const json = JSON.stringify(payload);
    this.event(conn, { direction: 'out', op: payload.op, t: payload.t, s: payload.s, d: payload.op === 0 ? undefined : payload.d });
    if (conn.deflate) {
      conn.deflate.write(json);
    } else if (conn.identifyCompress) {
      conn.ws.send(zlib.deflateSync(json), { binary: true });
    } else {
      conn.ws.send(json);
    }
  }

  private onFrame(conn: Connection, data: RawData, isBinary: boolean): void {
    let payload: { op?: unknown; d?: any };
    try {
      const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');
      payload = isBinary ? JSON.parse(zlib.inflateSync(Buffer.from(data as Buffer)).toString('utf8')) : JSON.parse(text);
    } catch {
      return this.closeConn(conn, 4002, 'Error while decoding payload.');
    }
    const op = payload.op;
    this.event(conn, { direction: 'in', op: typeof op === 'number' ? op : -1, d: op === GatewayOpcodes.Identify ? { ...payload.d, token: '[redacted]' } : payload.d });
    switch (op) {
      case GatewayOpcodes.Heartbeat:
        if (!conn.ignoreHeartbeats) this.sendFrame(conn, { op: GatewayOpcodes.HeartbeatAck, d: null, s: null, t: null });
        return;
      case GatewayOpcodes.Identify:
        return this.onIdentify(conn, payload.d);
      case GatewayOpcodes.Resume:
        return this.onResume(conn, payload.d);
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
      case GatewayOpcodes.RequestGuildMembers:
      case GatewayOpcodes.RequestSoundboardSounds:
        if (!conn.session) return this.closeConn(conn, 4003, 'Not authenticated.');
        return;
      default:
        return this.closeConn(conn, 4001, 'Unknown opcode.');
    }
  }

  private onIdentify(conn: Connection, d: any): void {
    if (conn.session) return this.closeConn(conn, 4005, 'Already authenticated.');
    if (!d || typeof d !== 'object' || typeof d.properties !== 'object') return this.closeConn(conn, 4002, 'Error while decoding payload.');
    if (d.token !== this.token) return this.closeConn(conn, 4004, 'Authentication failed.');
    if (typeof d.intents !== 'number' || d.intents < 0 || d.intents >= 1 << 26) return this.closeConn(conn, 4013, 'Invalid intent(s).');
    const privileged = this.opts.enabledPrivilegedIntents ?? PRIVILEGED_INTENTS;
    if (d.intents & PRIVILEGED_INTENTS & ~privileged) return this.closeConn(conn, 4014, 'Disallowed intent(s).');
    let shardId = 0;
    let shardCount = 1;
    if (d.shard !== undefined) {
      if (!Array.isArray(d.shard) || d.shard.length !== 2) return this.closeConn(conn, 4010, 'Invalid shard.');
      [shardId, shardCount] = d.shard as [number, number];
      if (!Number.isInteger(shardId) || !Number.isInteger(shardCount) || shardCount < 1 || shardId < 0 || shardId >= shardCount)
        return this.closeConn(conn, 4010, 'Invalid shard.');
    }
    if (this.sessionStartRemaining <= 0) return this.closeConn(conn, 4004, 'Authentication failed.');
    this.sessionStartRemaining--;
    conn.identifyCompress = d.compress === true && !conn.deflate;
    const session: Session = {
      id: hex(16),
      shardId,
      shardCount,
      shardSent: d.shard !== undefined,
      intents: d.intents,
      seq: 0,
      log: [],
      connection: conn,
      invalid: false,
      identifiedAt: performance.now(),
      resumes: 0,
    };
    this.sessions.set(session.id, session);
    conn.session = session;
    const guilds = this.sessionCovers(session, this.guildId) ? [{ id: this.guildId, unavailable: true as const }] : [];
    const ready: GatewayReadyDispatchData & Record<string, unknown> = {
      v: 10,
      user_settings: {},
      user: { ...this.botUser, mfa_enabled: false, verified: true, email: null },
      session_type: 'normal',
      session_id: session.id,
      resume_gateway_url: this.resumeGatewayUrl,
      relationships: [],
      private_channels: [],
      presences: [],
      guilds,
      guild_join_requests: [],
      geo_ordered_rtc_regions: ['local'],
      game_relationships: [],
      auth: {},
      application: { id: this.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
      _trace: trace('ready'),
      ...(session.shardSent ? { shard: [shardId, shardCount] as [number, number] } : {}),
    };
    this.dispatchTo(session, GatewayDispatchEvents.Ready, ready);
    if (guilds.length && session.intents & GatewayIntentBits.Guilds) {
      this.dispatchTo(session, GatewayDispatchEvents.GuildCreate, this.guildCreatePayload());
    }
  }

  private onResume(conn: Connection, d: any): void {
    if (conn.session) return this.closeConn(conn, 4005, 'Already authenticated.');
    if (!d || d.token !== this.token) return this.closeConn(conn, 4004, 'Authentication failed.');
    const session = this.sessions.get(d.session_id);
    if (!session || session.invalid) {
      this.sendFrame(conn, { op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null });
      return;
    }
    if (typeof d.seq === 'number' && d.seq > session.seq) return this.closeConn(conn, 4007, 'Invalid seq.');
    if (session.connection && session.connection !== conn) {
      const old = session.connection;
      old.serverClosing = true;
      old.session = null;
      old.ws.close(4000, 'Session resumed elsewhere');
    }
    session.connection = conn;
    session.resumes++;
    conn.session = session;
    const from = typeof d.seq === 'number' ? d.seq : 0;
    for (const entry of session.log) if (entry.s > from) this.sendFrame(conn, entry);
    this.dispatchTo(session, GatewayDispatchEvents.Resumed, { _trace: trace('resumed') });
  }

  private dispatchTo(session: Session, t: string, d: unknown): void {
    const entry = { op: 0 as const, t, s: ++session.seq, d };
    session.log.push(entry);
    if (session.log.length > 5000) session.log.shift();
    if (session.connection) this.sendFrame(session.connection, entry);
  }

  private sessionCovers(session: Session, guildId: string | null): boolean {
    if (guildId === null) return session.shardId === 0;
    return Number((BigInt(guildId) >> 22n) % BigInt(session.shardCount)) === session.shardId;
  }

  private intentAllows(session: Session, t: string, d: unknown): boolean {
    const has = (bit: number): boolean => (session.intents & bit) !== 0;
    const inGuild = typeof d === 'object' && d !== null && 'guild_id' in d && Boolean((d as { guild_id?: string }).guild_id);
    switch (t) {
      case 'MESSAGE_CREATE':
      case 'MESSAGE_UPDATE':
      case 'MESSAGE_DELETE':
        return has(inGuild ? GatewayIntentBits.GuildMessages : GatewayIntentBits.DirectMessages);
      case 'GUILD_CREATE':
      case 'GUILD_UPDATE':
      case 'GUILD_DELETE':
      case 'CHANNEL_CREATE':
      case 'CHANNEL_UPDATE':
      case 'CHANNEL_DELETE':
        return has(GatewayIntentBits.Guilds);
      default:
        return true;
    }
  }

  /** Without MESSAGE_CONTENT, Discord blanks content/embeds/attachments/components unless the bot is mentioned or authored it. */
  private filterForIntents(session: Session, t: string, d: unknown): unknown {
    if ((t !== 'MESSAGE_CREATE' && t !== 'MESSAGE_UPDATE') || session.intents & GatewayIntentBits.MessageContent) return d;
    const m = d as APIMessage;
    if (!('guild_id' in m) || !m.author) return d;
    if (m.author.id === this.botUser.id || m.mentions?.some((u) => u.id === this.botUser.id)) return d;
    return { ...m, content: '', embeds: [], attachments: [], components: [] };
  }

  private liveSessionFor(shardId: number): Session {
    const candidates = [...this.sessions.values()].filter((s) => !s.invalid && s.shardId === shardId);
    const session = candidates.find((s) => s.connection) ?? candidates.at(-1);
    if (!session) throw new Error(`no live session for shard ${shardId}`);
    return session;
  }

  // ------------------------------------------------------------------ misc

  private event(conn: Connection, e: Omit<GatewayEvent, 'at' | 'connectionId' | 'sessionId' | 'shardId'>): void {
    this.gatewayEvents.push({
      at: performance.now(),
      connectionId: conn.id,
      sessionId: conn.session?.id ?? null,
      shardId: conn.session?.shardId ?? null,
      ...e,
    });
    if (e.direction !== 'out') this.log(`gw#${conn.id} ${e.direction} op=${e.op ?? ''} ${e.code ?? ''}`);
    this.changed();
  }

  private changed(): void {
    this.changes.emit('change');
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.pendingTimers.delete(t);
        resolve();
      }, ms);
      this.pendingTimers.add(t);
    });
  }

  private log(line: string): void {
    this.opts.log?.(`[discord-standin] ${line}`);
  }
}
