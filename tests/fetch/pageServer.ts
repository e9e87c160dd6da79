/**
 * A local web server on 127.0.0.1 for fetch tests: fixture pages, redirects,
 * a page that never answers, a page too large to read, and a record of every
 * connection and request it saw (so a test can prove none came).
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';

/** What one path answers. */
export type Route =
  | { kind: 'page'; body: string | Buffer; type?: string; headers?: Record<string, string> }
  | { kind: 'redirect'; to: string | ((server: PageServer) => string); status?: number }
  | { kind: 'hang' }
  | { kind: 'stream'; bytes: number; type?: string }
  | { kind: 'gzip-bomb'; bytes: number }
  | { kind: 'status'; status: number };

export class PageServer {
  readonly server: Server;
  /** Every TCP connection accepted. */
  connections = 0;
  /** Every request, by path. */
  readonly requests: { path: string; headers: IncomingMessage['headers'] }[] = [];
  /** Bytes a streamed body wrote before its connection closed. */
  streamed = 0;
  private readonly routes = new Map<string, Route>();
  private readonly sockets = new Set<Socket>();

  constructor() {
    this.server = createServer((req, res) => this.answer(req, res));
    this.server.on('connection', (socket) => {
      this.connections++;
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }
  /** `host:port` of the server, for FETCH_ALLOW_HOSTS. */
  get hostPort(): string {
    return `127.0.0.1:${this.port}`;
  }
  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  route(path: string, route: Route): this {
    this.routes.set(path, route);
    return this;
  }
  /** Serves a fixture file. */
  file(path: string, file: string | URL, type = 'text/html; charset=utf-8'): this {
    return this.route(path, { kind: 'page', body: readFileSync(file), type });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }
  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(req: IncomingMessage, res: ServerResponse): void {
    const path = req.url ?? '/';
    this.requests.push({ path, headers: req.headers });
    const route = this.routes.get(path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body><h1>Not found</h1></body></html>');
      return;
    }
    switch (route.kind) {
      case 'page':
        res.writeHead(200, { 'content-type': route.type ?? 'text/html; charset=utf-8', ...route.headers }).end(route.body);
        return;
      case 'redirect': {
        const to = typeof route.to === 'function' ? route.to(this) : route.to;
        res.writeHead(route.status ?? 302, { location: to }).end();
        return;
      }
      case 'hang':
        return;
      case 'status':
        res.writeHead(route.status, { 'content-type': 'text/html' }).end('<html><body>error</body></html>');
        return;
      case 'gzip-bomb': {
        const body = gzipSync(Buffer.alloc(route.bytes, 0x20));
        res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip', 'content-length': String(body.length) }).end(body);
        return;
      }
      case 'stream': {
        // No Content-Length: only reading the body shows how large it is.
        res.writeHead(200, { 'content-type': route.type ?? 'text/html' });
        const chunk = Buffer.alloc(64 * 1024, 0x61);
        let sent = 0;
        const pump = () => {
          while (sent < route.bytes && !res.destroyed) {
            sent += chunk.length;
            this.streamed = sent;
            if (!res.write(chunk)) {
              res.once('drain', pump);
              return;
            }
          }
          if (!res.destroyed) res.end();
        };
        pump();
        return;
      }
    }
  }
}

/** Starts a page server with the given routes. */
export async function startPageServer(routes: Record<string, Route> = {}): Promise<PageServer> {
  const s = new PageServer();
  for (const [path, route] of Object.entries(routes)) s.route(path, route);
  return s.start();
}
