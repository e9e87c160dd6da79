/**
 * Fetching a page a user named, safely. The user chooses the URL, so the
 * fetcher is a server-side request forgery target: it must never become a
 * way to reach the bot's own machine, its network or a cloud metadata
 * service.
 *
 * - Only `http:` and `https:` URLs, without user name or password.
 * - Every address a host resolves to is checked before connecting (see
 *   address.ts); one forbidden address refuses the host. The check sits in
 *   the connection's own DNS lookup (the `lookup` hook that undici passes on
 *   to `net.connect` / `tls.connect`), so the socket connects to an address
 *   that was checked: there is no second lookup a rebinding DNS server could
 *   answer differently. A URL whose host is an IP address (which
 *   `net.connect` does not look up) is checked before the request.
 * - Redirects are followed by hand, at most {@link DEFAULT_MAX_REDIRECTS},
 *   each hop checked like the first (scheme, allow list, addresses).
 * - Hosts on the allow list (`FETCH_ALLOW_HOSTS`, matched as written in the
 *   URL, see allowHosts.ts) skip the address check, and only they.
 * - One deadline ({@link DEFAULT_TIMEOUT_MS}) covers resolving, connecting,
 *   every redirect and reading the body; the body is cut off while streaming
 *   once it passes {@link DEFAULT_MAX_BYTES} (after decompression, so a
 *   small compressed bomb is cut off too), and refused at once when its
 *   declared length is larger.
 * - Only `text/html`, `text/plain` and `text/markdown` are read.
 * - A User-Agent names Beleg ({@link USER_AGENT}); no cookies, no proxy
 *   from the environment.
 *
 * Built on undici (the HTTP client of Node's own `fetch`, already in the
 * tree through discord.js, same version): its `Agent` takes the connection
 * options that carry the checking `lookup`, and its `fetch` decompresses and
 * streams. request-filtering-agent does the same checks for Node's `http`
 * agents, but only on the address the socket reports after lookup, and not
 * for undici; ipaddr.js names the address ranges.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { Agent, fetch } from 'undici';
import { forbiddenRange } from './address.ts';
import { type AllowedHost, isAllowedHost } from './allowHosts.ts';

/** How long one fetch may take, from the first lookup to the last byte, in ms. */
export const DEFAULT_TIMEOUT_MS = 15_000;
/** Largest body read, in bytes (5 MiB, the corpus's limit for one article file). */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/** Most redirects followed. */
export const DEFAULT_MAX_REDIRECTS = 5;
/** The User-Agent every request sends. */
export const USER_AGENT = 'Beleg/0.1 (Discord bot that quotes news articles; fetches a page when a server member adds it)';

/** What a fetched document is, by its Content-Type. */
export type DocumentKind = 'html' | 'text' | 'markdown';

/** The Content-Types read, and what each is. */
export const ARTICLE_TYPES: Readonly<Record<string, DocumentKind>> = { 'text/html': 'html', 'text/plain': 'text', 'text/markdown': 'markdown' };

/** Why a fetch was refused or failed, as data (front ends put it in their reader's language). */
export type FetchProblem =
  | { code: 'not-url' }
  | { code: 'scheme'; scheme: string }
  | { code: 'credentials' }
  | { code: 'forbidden-address'; host: string; address: string; range: string }
  | { code: 'unresolvable'; host: string }
  | { code: 'unreachable'; host: string; detail: string }
  | { code: 'timeout'; seconds: number }
  | { code: 'too-large'; maxBytes: number }
  | { code: 'not-article-type'; type: string }
  | { code: 'http-status'; status: number }
  | { code: 'too-many-redirects'; max: number }
  | { code: 'bad-redirect' };

/** A refused or failed fetch; `problem` says why. */
export class FetchError extends Error {
  constructor(readonly problem: FetchProblem) {
    super(`fetch refused: ${JSON.stringify(problem)}`);
  }
}

/** A fetched document. */
export interface FetchedDocument {
  /** The URL as asked for. */
  url: string;
  /** The URL the body came from, after redirects. */
  finalUrl: string;
  /** What the Content-Type says it is; null for a generic type accepted with {@link FetchOptions.allowGenericType}. */
  kind: DocumentKind | null;
  /** The media type (lower case, without parameters), or null when the response had none. */
  mediaType: string | null;
  /** The `charset` parameter of the Content-Type, if any. */
  charset: string | null;
  bytes: Buffer;
  /** Redirects followed. */
  redirects: number;
}

/** Resolves a host name to all its addresses (as `dns.lookup` with `all: true`). */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

/** Options of {@link safeFetch}. */
export interface FetchOptions {
  /** Hosts exempt from the address check, as `host:port` (see allowHosts.ts). Default: none. */
  allowHosts?: readonly AllowedHost[];
  /** Deadline for the whole fetch, in ms. Default: {@link DEFAULT_TIMEOUT_MS} (15 s). */
  timeoutMs?: number;
  /** Largest body read, in bytes. Default: {@link DEFAULT_MAX_BYTES} (5 MiB). */
  maxBytes?: number;
  /** Most redirects followed. Default: {@link DEFAULT_MAX_REDIRECTS} (5). */
  maxRedirects?: number;
  /** Default: {@link USER_AGENT}. */
  userAgent?: string;
  /** How host names are resolved. Default: the system's resolver (`dns.lookup`), every address. */
  resolve?: Resolver;
  /**
   * Also accept `application/octet-stream` or no Content-Type (the document's
   * kind is then null and the caller decides it, e.g. by a file name).
   * Default: false.
   */
  allowGenericType?: boolean;
}

const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))));

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * The `lookup` the connection uses: resolves once, refuses the host when any
 * of its addresses is forbidden (unless `check` is off for an allowed host),
 * and hands the checked addresses to the socket.
 */
function checkedLookup(resolve: Resolver, check: boolean) {
  return (hostname: string, options: { family?: number | string; all?: boolean }, callback: LookupCallback): void => {
    resolve(hostname).then(
      (found) => {
        if (check) {
          for (const a of found) {
            const range = forbiddenRange(a.address);
            if (range) {
              callback(new FetchError({ code: 'forbidden-address', host: hostname, address: a.address, range }) as unknown as NodeJS.ErrnoException, '');
              return;
            }
          }
        }
        const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : Number(options.family ?? 0);
        const usable = family === 4 || family === 6 ? found.filter((a) => a.family === family) : found;
        if (usable.length === 0) {
          callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '');
          return;
        }
        if (options.all) callback(null, usable);
        else callback(null, usable[0]!.address, usable[0]!.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, ''),
    );
  };
}

/** The error of a failed request as a problem: a refusal of ours found in the cause chain, a timeout, or the network's. */
function problemOf(err: unknown, host: string, timedOut: boolean, timeoutMs: number): FetchProblem {
  for (let e: unknown = err, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof FetchError) return e.problem;
  }
  if (timedOut) return { code: 'timeout', seconds: Math.round(timeoutMs / 100) / 10 };
  let code = '';
  for (let e: unknown = err, depth = 0; e && depth < 8 && !code; e = (e as { cause?: unknown }).cause, depth++) code = (e as { code?: string }).code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NODATA' || code === 'EAI_NONAME') return { code: 'unresolvable', host };
  if (/TIMEOUT/i.test(code) || code === 'ETIMEDOUT') return { code: 'timeout', seconds: Math.round(timeoutMs / 100) / 10 };
  return { code: 'unreachable', host, detail: code || (err as Error)?.message || 'network error' };
}

/** Checks a URL before a request goes to it: scheme, credentials, and an IP-address host (which is never looked up). */
function checkUrl(url: URL, allow: readonly AllowedHost[]): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError({ code: 'scheme', scheme: url.protocol.replace(/:$/, '') });
  if (url.username || url.password) throw new FetchError({ code: 'credentials' });
  if (isAllowedHost(url, allow)) return;
  const bare = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(bare)) {
    const range = forbiddenRange(bare);
    if (range) throw new FetchError({ code: 'forbidden-address', host: url.hostname, address: bare, range });
  }
}

/** Reads a URL the user typed; throws a FetchError for one that is not an http(s) URL. */
export function parseUserUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new FetchError({ code: 'not-url' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError({ code: 'scheme', scheme: url.protocol.replace(/:$/, '') });
  if (!url.hostname) throw new FetchError({ code: 'not-url' });
  return url;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Fetches `address` (see the module's rules). Resolves to the document, or
 * rejects with a {@link FetchError} saying why not; never connects to a
 * forbidden address.
 */
export async function safeFetch(address: string | URL, options: FetchOptions = {}): Promise<FetchedDocument> {
  const allow = options.allowHosts ?? [];
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const resolve = options.resolve ?? systemResolver;
  const first = typeof address === 'string' ? parseUserUrl(address) : new URL(address.href);
  const connect = (check: boolean) => ({ lookup: checkedLookup(resolve, check), timeout: timeoutMs });
  // One agent for checked hosts, one for allowed ones (the check sits in the agent's lookup); both only for this fetch.
  const checked = new Agent({ connect: connect(true), headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  const exempt = new Agent({ connect: connect(false), headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  let url = first;
  try {
    for (let hop = 0; ; hop++) {
      checkUrl(url, allow);
      let res: Awaited<ReturnType<typeof fetch>>;
      try {
        res = await fetch(url, {
          dispatcher: isAllowedHost(url, allow) ? exempt : checked,
          redirect: 'manual',
          signal: controller.signal,
          headers: {
            'user-agent': options.userAgent ?? USER_AGENT,
            accept: 'text/html, text/markdown;q=0.9, text/plain;q=0.8',
            'accept-language': 'de, en;q=0.9, *;q=0.5',
          },
        });
      } catch (err) {
        throw new FetchError(problemOf(err, url.hostname, timedOut, timeoutMs));
      }
      if (REDIRECTS.has(res.status)) {
        await res.body?.cancel().catch(() => undefined);
        const location = res.headers.get('location');
        if (hop >= maxRedirects) throw new FetchError({ code: 'too-many-redirects', max: maxRedirects });
        try {
          if (!location) throw new Error('no Location');
          url = new URL(location, url);
        } catch {
          throw new FetchError({ code: 'bad-redirect' });
        }
        continue;
      }
      if (res.status < 200 || res.status > 299) {
        await res.body?.cancel().catch(() => undefined);
        throw new FetchError({ code: 'http-status', status: res.status });
      }
      const header = res.headers.get('content-type');
      const mediaType = header ? header.split(';')[0]!.trim().toLowerCase() : null;
      // Object.hasOwn: a hostile server's "constructor" is no media type of ours.
      const kind = mediaType && Object.hasOwn(ARTICLE_TYPES, mediaType) ? ARTICLE_TYPES[mediaType]! : null;
      const generic = mediaType === null || mediaType === 'application/octet-stream';
      if (!kind && !(generic && options.allowGenericType)) {
        await res.body?.cancel().catch(() => undefined);
        // The type as the server wrote it, cut: it is echoed to the user.
        throw new FetchError({ code: 'not-article-type', type: (mediaType ?? 'none').slice(0, 60) });
      }
      const charset = header ? (/;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(header)?.[1]?.toLowerCase() ?? null) : null;
      const declared = Number(res.headers.get('content-length'));
      // A declared length is of the encoded body; over the limit even so is over it decoded.
      if (Number.isFinite(declared) && declared > maxBytes && !res.headers.get('content-encoding')) {
        await res.body?.cancel().catch(() => undefined);
        throw new FetchError({ code: 'too-large', maxBytes });
      }
      const host = url.hostname;
      const bytes = await readCapped(res.body, maxBytes, controller, (err) => new FetchError(problemOf(err, host, timedOut, timeoutMs)));
      return { url: first.href, finalUrl: url.href, kind, mediaType, charset, bytes, redirects: hop };
    }
  } finally {
    clearTimeout(timer);
    void checked.destroy().catch(() => undefined);
    void exempt.destroy().catch(() => undefined);
  }
}

/** Reads a body up to `maxBytes`, aborting the request as soon as it passes them. */
async function readCapped(body: ReadableStream<Uint8Array> | null, maxBytes: number, controller: AbortController, failed: (err: unknown) => FetchError): Promise<Buffer> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        controller.abort();
        await reader.cancel().catch(() => undefined);
        throw new FetchError({ code: 'too-large', maxBytes });
      }
      chunks.push(value);
    }
  } catch (err) {
    if (err instanceof FetchError) throw err;
    throw failed(err);
  }
  return Buffer.concat(chunks, total);
}
