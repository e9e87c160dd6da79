/**
 * `FETCH_ALLOW_HOSTS`: `host:port` entries exempt from the address check (an
 * intranet news server, a test server). An entry matches a URL by the host
 * and port as written in the URL, never by what the host resolves to: the
 * entry `news.intranet:8080` lets `http://news.intranet:8080/…` through, not
 * `http://10.0.0.5:8080/…` even when that is the same machine, and
 * `127.0.0.1:8080` does not let `localhost:8080` through. A URL without a
 * port has its scheme's (80 for http, 443 for https).
 */

/** An allow list entry: a host as the URL parser writes it (lower case, IPv6 in brackets) and a port. */
export interface AllowedHost {
  host: string;
  port: number;
}

/** Reads one `host:port` entry; returns the entry, or why it is not one. */
export function parseAllowedHost(entry: string): AllowedHost | string {
  const text = entry.trim();
  if (!text) return 'is empty';
  if (/[/?#@\s\\]/.test(text)) return 'is not host:port (no scheme, path, user or spaces)';
  let url: URL;
  try {
    url = new URL(`http://${text}`);
  } catch {
    return 'is not host:port';
  }
  // The URL parser drops a default port (":80"), so the port is read from the text itself.
  const port = /:(\d{1,5})$/.exec(text);
  if (!port) return 'has no port; write host:port, e.g. news.intranet:8080';
  const n = Number(port[1]);
  if (n < 1 || n > 65535) return 'has a port outside 1–65535';
  return { host: url.hostname, port: n };
}

/** The port a URL connects to: its own, else its scheme's default. */
export function portOf(url: URL): number {
  if (url.port) return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

/** Whether a URL's host and port are on the allow list, as written in the URL. */
export function isAllowedHost(url: URL, allow: readonly AllowedHost[]): boolean {
  const port = portOf(url);
  return allow.some((a) => a.host === url.hostname && a.port === port);
}

/** How an entry is written back (for logs and messages). */
export function formatAllowedHost(a: AllowedHost): string {
  return `${a.host}:${a.port}`;
}
