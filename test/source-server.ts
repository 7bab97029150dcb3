/**
 * @module A real HTTP server on 127.0.0.1 standing in for the sites a watch polls: feeds and pages that change
 * between polls, with ETags and Last-Modified, and routes that misbehave on purpose. It counts every request.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a route answers: a body (served with validators and 304s), or a handler of its own. */
export type Route = { body: string; type?: string; lastModified?: string } | ((request: IncomingMessage, response: ServerResponse) => void);

export interface SourceServer {
  readonly origin: string;
  readonly routes: Map<string, Route>;
  /** Every request, in order: path, start time (ms), User-Agent, conditional headers, status sent. */
  readonly requests: Array<{ path: string; at: number; userAgent: string; conditional: boolean; status: number }>;
  /** Most requests in progress at once. */
  readonly peakConcurrency: () => number;
  close(): Promise<void>;
}

/**
 * Starts a server on a loopback address (any of 127.0.0.0/8, so several servers are several hosts); routes may be
 * changed between polls. A path without a route is a 404 (robots.txt too).
 */
export async function startSourceServer(host = '127.0.0.1'): Promise<SourceServer> {
  const routes = new Map<string, Route>();
  const requests: SourceServer['requests'] = [];
  let active = 0;
  let peak = 0;
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const record = {
      path,
      at: Date.now(),
      userAgent: String(request.headers['user-agent'] ?? ''),
      conditional: Boolean(request.headers['if-none-match'] || request.headers['if-modified-since']),
      status: 0,
    };
    requests.push(record);
    active++;
    peak = Math.max(peak, active);
    response.on('close', () => {
      active--;
      record.status = response.statusCode;
    });
    const route = routes.get(path);
    if (!route) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not here');
      return;
    }
    if (typeof route === 'function') {
      route(request, response);
      return;
    }
    const etag = `"${createHash('sha256').update(route.body).digest('hex').slice(0, 16)}"`;
    const lastModified = route.lastModified ?? 'Tue, 07 Nov 2023 10:00:00 GMT';
    if (
      request.headers['if-none-match'] === etag ||
      (!request.headers['if-none-match'] && request.headers['if-modified-since'] === lastModified)
    ) {
      response.writeHead(304, { ETag: etag, 'Last-Modified': lastModified }).end();
      return;
    }
    response
      .writeHead(200, { 'Content-Type': route.type ?? 'application/rss+xml; charset=utf-8', ETag: etag, 'Last-Modified': lastModified })
      .end(route.body);
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    routes,
    requests,
    peakConcurrency: () => peak,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An RSS feed of items, newest first, in our own words. */
export function rssFeed(
  title: string,
  items: ReadonlyArray<{ guid: string; title: string; text: string; date: string; link?: string; source?: string }>,
): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${escape(title)}</title>
${items
  .map(
    (i) =>
      `<item><guid>${escape(i.guid)}</guid><title>${escape(i.title)}</title>${i.link ? `<link>${escape(i.link)}</link>` : ''}${i.source ? `<source>${escape(i.source)}</source>` : ''}<pubDate>${new Date(i.date).toUTCString()}</pubDate><description>${escape(i.text)}</description></item>`,
  )
  .join('\n')}
</channel></rss>`;
}

/** An article page, long enough for Readability to take its text. */
export function articlePage(title: string, text: string, date: string): string {
  return `<!doctype html><html><head><title>${title}</title><meta property="article:published_time" content="${date}"></head>
<body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>${text
    .split('\n')
    .map((p) => `<p>${p}</p>`)
    .join('')}</article><footer>Statements office</footer></body></html>`;
}
