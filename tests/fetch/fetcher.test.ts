/**
 * The safe fetcher against a local web server on 127.0.0.1: what it fetches
 * (allow-listed host, redirects, the User-Agent), and every refusal, proved
 * to happen before any connection where the rules say so. Nothing here
 * leaves the machine: hosts that are not the test server resolve through a
 * made-up resolver, never DNS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forbiddenRange } from '../../src/fetch/address.ts';
import { isAllowedHost, parseAllowedHost } from '../../src/fetch/allowHosts.ts';
import { FetchError, type FetchProblem, type Resolver, safeFetch } from '../../src/fetch/fetcher.ts';
import { type PageServer, startPageServer } from './pageServer.ts';

const PAGE = '<html><head><title>T</title></head><body><p>Hello.</p></body></html>';

async function problem(promise: Promise<unknown>): Promise<FetchProblem> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(FetchError);
    return (err as FetchError).problem;
  }
  throw new Error('the fetch was not refused');
}

describe('forbiddenRange', () => {
  it('refuses every range a request forgery aims at, in every form', () => {
    const refused: [string, string][] = [
      ['127.0.0.1', 'loopback'],
      ['127.0.0.2', 'loopback'],
      ['10.0.0.1', 'private'],
      ['172.31.255.255', 'private'],
      ['192.168.0.10', 'private'],
      ['169.254.169.254', 'linkLocal'],
      ['100.64.0.1', 'carrierGradeNat'],
      ['224.0.0.251', 'multicast'],
      ['0.0.0.0', 'unspecified'],
      ['255.255.255.255', 'broadcast'],
      ['::1', 'loopback'],
      ['::', 'unspecified'],
      ['fe80::1', 'linkLocal'],
      ['fd00:ec2::254', 'uniqueLocal'],
      ['ff02::1', 'multicast'],
      ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
      ['::ffff:169.254.169.254', 'IPv4-mapped linkLocal'],
      ['::ffff:10.1.2.3', 'IPv4-mapped private'],
      ['64:ff9b::a9fe:a9fe', 'rfc6052 linkLocal'],
      ['2002:7f00:1::', '6to4 loopback'],
      ['::7f00:1', 'reserved'],
    ];
    for (const [address, range] of refused) expect(forbiddenRange(address), address).toBe(range);
    for (const address of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:93.184.216.34', '64:ff9b::808:808']) expect(forbiddenRange(address), address).toBeNull();
  });
});

describe('FETCH_ALLOW_HOSTS entries', () => {
  it('match host and port as written in the URL, never by address', () => {
    const allow = ['127.0.0.1:8080', 'News.Intranet:80', '[::1]:9000'].map((e) => parseAllowedHost(e)) as { host: string; port: number }[];
    expect(isAllowedHost(new URL('http://127.0.0.1:8080/a'), allow)).toBe(true);
    expect(isAllowedHost(new URL('http://news.intranet/a'), allow)).toBe(true);
    expect(isAllowedHost(new URL('http://[::1]:9000/'), allow)).toBe(true);
    expect(isAllowedHost(new URL('http://localhost:8080/a'), allow)).toBe(false);
    expect(isAllowedHost(new URL('http://127.0.0.1:8081/a'), allow)).toBe(false);
    expect(isAllowedHost(new URL('https://news.intranet/a'), allow)).toBe(false);
  });
});

describe('safeFetch', () => {
  let server: PageServer;
  let allowHosts: { host: string; port: number }[];
  const fast = () => ({ allowHosts, timeoutMs: 2000 });

  beforeAll(async () => {
    server = await startPageServer({
      '/page': { kind: 'page', body: PAGE },
      '/text': { kind: 'page', body: 'Plain text.', type: 'text/plain; charset=iso-8859-1' },
      '/md': { kind: 'page', body: '# Title', type: 'text/markdown' },
      '/pdf': { kind: 'page', body: '%PDF-1.4', type: 'application/pdf' },
      '/constructor': { kind: 'page', body: '<p>x</p>', type: 'constructor' },
      '/none': { kind: 'page', body: 'x', type: '' },
      '/moved': { kind: 'redirect', to: '/page', status: 301 },
      '/to-localhost': { kind: 'redirect', to: (s) => `http://localhost:${s.port}/page` },
      '/to-ipv6': { kind: 'redirect', to: (s) => `http://[::1]:${s.port}/page` },
      '/to-metadata': { kind: 'redirect', to: 'http://169.254.169.254/latest/meta-data/' },
      '/to-file': { kind: 'redirect', to: 'file:///etc/passwd' },
      '/hang': { kind: 'hang' },
      '/huge': { kind: 'stream', bytes: 30 * 1024 * 1024 },
      '/declared-huge': { kind: 'page', body: 'x', headers: { 'content-length': String(30 * 1024 * 1024) } },
      '/bomb': { kind: 'gzip-bomb', bytes: 30 * 1024 * 1024 },
      '/gone': { kind: 'status', status: 404 },
    });
    // a chain of redirects: /hop/6 → /hop/5 → … → /hop/0 → the page
    for (let i = 1; i <= 6; i++) server.route(`/hop/${i}`, { kind: 'redirect', to: `/hop/${i - 1}` });
    server.route('/hop/0', { kind: 'page', body: PAGE });
    allowHosts = [parseAllowedHost(server.hostPort) as { host: string; port: number }];
  });
  afterAll(() => server.stop());

  it('fetches an allowed host, follows a redirect, names Beleg in the User-Agent', async () => {
    const doc = await safeFetch(server.url('/moved'), fast());
    expect(doc).toMatchObject({ url: server.url('/moved'), finalUrl: server.url('/page'), kind: 'html', mediaType: 'text/html', charset: 'utf-8', redirects: 1 });
    expect(doc.bytes.toString()).toBe(PAGE);
    expect(server.requests.at(-1)!.headers['user-agent']).toMatch(/^Beleg\//);
    expect((await safeFetch(server.url('/text'), fast())).charset).toBe('iso-8859-1');
    expect((await safeFetch(server.url('/md'), fast())).kind).toBe('markdown');
  });

  it('refuses localhost, [::1] and 127.0.0.2 before any connection: the server sees nothing', async () => {
    const before = server.connections;
    const requests = server.requests.length;
    const port = server.port;
    expect(await problem(safeFetch(`http://localhost:${port}/page`, fast()))).toMatchObject({ code: 'forbidden-address', host: 'localhost', range: 'loopback' });
    expect(await problem(safeFetch(`http://[::1]:${port}/page`, fast()))).toEqual({ code: 'forbidden-address', host: '[::1]', address: '::1', range: 'loopback' });
    expect(await problem(safeFetch(`http://127.0.0.2:${port}/page`, fast()))).toEqual({ code: 'forbidden-address', host: '127.0.0.2', address: '127.0.0.2', range: 'loopback' });
    expect(await problem(safeFetch(`http://[::ffff:127.0.0.1]:${port}/page`, fast()))).toMatchObject({ code: 'forbidden-address', range: 'IPv4-mapped loopback' });
    // other spellings of loopback are loopback too (on a port not on the allow list: the URL parser writes
    // them as 127.0.0.1, so on the allowed port they are the allowed host itself)
    expect(await problem(safeFetch(`http://2130706433:${port + 1}/page`, fast()))).toMatchObject({ code: 'forbidden-address', address: '127.0.0.1' });
    expect(await problem(safeFetch(`http://0x7f.1/page`, fast()))).toMatchObject({ code: 'forbidden-address', address: '127.0.0.1' });
    expect(await problem(safeFetch(`http://0:${port}/page`, fast()))).toMatchObject({ code: 'forbidden-address', range: 'unspecified' });
    expect(server.connections).toBe(before);
    expect(server.requests.length).toBe(requests);
  });

  it('checks every address a host resolves to, and connects to the address it checked', async () => {
    const calls: string[] = [];
    const resolver =
      (table: Record<string, string[]>): Resolver =>
      async (host) => {
        calls.push(host);
        const found = table[host];
        if (!found) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
        return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
      };
    const before = server.connections;
    // one public and one private address: refused (a rebinding or split-horizon name cannot slip through)
    const mixed = resolver({ 'mixed.test': ['93.184.216.34', '10.0.0.7'] });
    expect(await problem(safeFetch('http://mixed.test/', { ...fast(), resolve: mixed }))).toEqual({ code: 'forbidden-address', host: 'mixed.test', address: '10.0.0.7', range: 'private' });
    const metadata = resolver({ 'metadata.test': ['169.254.169.254'] });
    expect(await problem(safeFetch('http://metadata.test/latest/', { ...fast(), resolve: metadata }))).toMatchObject({ code: 'forbidden-address', range: 'linkLocal' });
    const mapped = resolver({ 'mapped.test': ['::ffff:192.168.1.1'] });
    expect(await problem(safeFetch('http://mapped.test/', { ...fast(), resolve: mapped }))).toMatchObject({ code: 'forbidden-address', range: 'IPv4-mapped private' });
    expect(await problem(safeFetch('http://nowhere.test/', { ...fast(), resolve: resolver({}) }))).toEqual({ code: 'unresolvable', host: 'nowhere.test' });
    expect(server.connections).toBe(before);
    // an allowed name: resolved once, by this resolver, and the socket goes to that address (the test server)
    calls.length = 0;
    const named = resolver({ 'pages.test': ['127.0.0.1'] });
    const doc = await safeFetch(`http://pages.test:${server.port}/page`, { allowHosts: [{ host: 'pages.test', port: server.port }], resolve: named, timeoutMs: 2000 });
    expect(doc.bytes.toString()).toBe(PAGE);
    expect(calls).toEqual(['pages.test']);
    expect(server.requests.at(-1)!.headers.host).toBe(`pages.test:${server.port}`);
  });

  it('re-checks every redirect: to localhost, [::1], the metadata address or another scheme is refused', async () => {
    const seen = () => server.requests.map((r) => r.path);
    const before = seen().length;
    expect(await problem(safeFetch(server.url('/to-localhost'), fast()))).toMatchObject({ code: 'forbidden-address', host: 'localhost' });
    expect(await problem(safeFetch(server.url('/to-ipv6'), fast()))).toMatchObject({ code: 'forbidden-address', host: '[::1]' });
    expect(await problem(safeFetch(server.url('/to-metadata'), fast()))).toMatchObject({ code: 'forbidden-address', address: '169.254.169.254', range: 'linkLocal' });
    expect(await problem(safeFetch(server.url('/to-file'), fast()))).toEqual({ code: 'scheme', scheme: 'file' });
    // only the redirecting pages were asked for, never the page behind the forbidden hop
    expect(seen().slice(before)).toEqual(['/to-localhost', '/to-ipv6', '/to-metadata', '/to-file']);
  });

  it('follows at most 5 redirects', async () => {
    expect((await safeFetch(server.url('/hop/5'), fast())).redirects).toBe(5);
    expect(await problem(safeFetch(server.url('/hop/6'), fast()))).toEqual({ code: 'too-many-redirects', max: 5 });
  });

  it('cuts a 30 MB page off while streaming, and a compressed bomb too', async () => {
    const t = performance.now();
    expect(await problem(safeFetch(server.url('/huge'), fast()))).toEqual({ code: 'too-large', maxBytes: 5 * 1024 * 1024 });
    await new Promise((r) => setTimeout(r, 50));
    // the server could hand over only what the client read before it stopped, plus socket buffers
    expect(server.streamed).toBeLessThan(12 * 1024 * 1024);
    expect(performance.now() - t).toBeLessThan(2000);
    expect(await problem(safeFetch(server.url('/declared-huge'), fast()))).toEqual({ code: 'too-large', maxBytes: 5 * 1024 * 1024 });
    expect(await problem(safeFetch(server.url('/bomb'), fast()))).toEqual({ code: 'too-large', maxBytes: 5 * 1024 * 1024 });
    expect(await problem(safeFetch(server.url('/page'), { ...fast(), maxBytes: 10 }))).toEqual({ code: 'too-large', maxBytes: 10 });
  });

  it('gives up on a server that never answers at the deadline', async () => {
    const t = performance.now();
    expect(await problem(safeFetch(server.url('/hang'), { allowHosts, timeoutMs: 300 }))).toEqual({ code: 'timeout', seconds: 0.3 });
    expect(performance.now() - t).toBeLessThan(1500);
  });

  it('reads only text/html, text/plain and text/markdown', async () => {
    expect(await problem(safeFetch(server.url('/pdf'), fast()))).toEqual({ code: 'not-article-type', type: 'application/pdf' });
    // A media type that names a member of JavaScript's objects is no article type either.
    expect(await problem(safeFetch(server.url('/constructor'), fast()))).toEqual({ code: 'not-article-type', type: 'constructor' });
    expect(await problem(safeFetch(server.url('/none'), fast()))).toEqual({ code: 'not-article-type', type: 'none' });
    // a file whose type the host does not know, when the caller decides by its name
    expect((await safeFetch(server.url('/none'), { ...fast(), allowGenericType: true })).kind).toBeNull();
  });

  it('refuses what is no http(s) URL, and says what an error status was', async () => {
    expect(await problem(safeFetch('not a link', fast()))).toEqual({ code: 'not-url' });
    expect(await problem(safeFetch('javascript:alert(1)', fast()))).toEqual({ code: 'scheme', scheme: 'javascript' });
    expect(await problem(safeFetch('file:///etc/passwd', fast()))).toEqual({ code: 'scheme', scheme: 'file' });
    expect(await problem(safeFetch(`http://user:pw@${server.hostPort}/page`, fast()))).toEqual({ code: 'credentials' });
    expect(await problem(safeFetch(server.url('/gone'), fast()))).toEqual({ code: 'http-status', status: 404 });
  });
});
