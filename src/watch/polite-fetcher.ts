/**
 * @module Fetching as a good guest: one request at a time per host, spaced (and never sooner than robots.txt's
 * Crawl-delay or a Retry-After allows), conditional GETs, robots.txt obeyed, a User-Agent that names sitrep and who
 * runs it, and limits on time, size and redirects. Private and loopback addresses are refused unless allowed.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import robotsModule from 'robots-parser';
import { VERSION } from '../package-files.ts';
import { assertReachable, guardedLookup, PrivateAddressError } from './address-guard.ts';

/** What a fetch is for: the address, the source's permission, and the validators of the copy already read. */
export interface FetchRequest {
  readonly url: string;
  readonly allowPrivate: boolean;
  /** The `ETag` of the copy already read; sent as `If-None-Match`. */
  readonly etag?: string | null;
  /** The `Last-Modified` of the copy already read; sent as `If-Modified-Since`. */
  readonly lastModified?: string | null;
}

/** What came of one fetch. */
export type FetchResult =
  | {
      readonly kind: 'ok';
      /** The address after redirects. */
      readonly url: string;
      readonly status: number;
      readonly body: Buffer;
      readonly contentType: string | null;
      readonly etag: string | null;
      readonly lastModified: string | null;
    }
  /** 304: the copy already read is current. */
  | { readonly kind: 'not-modified'; readonly url: string }
  /**
   * Nothing read: `reason` says why; `retryAfterMs` is how long the server asked to be left alone (429, 503), and
   * `permanent` says retrying soon will not help (robots.txt forbids it, an address refused, a 4xx).
   */
  | {
      readonly kind: 'failed';
      readonly url: string;
      readonly status: number | null;
      readonly reason: string;
      readonly retryAfterMs: number | null;
      readonly permanent: boolean;
    };

export interface PoliteFetcherOptions {
  /** Who runs the watch, named in the User-Agent: an email or web address. */
  readonly contact?: string | null;
  /** Least milliseconds between the end of one request to a host and the start of the next (default 2000). */
  readonly hostSpacingMs?: number;
  /** Milliseconds a request may take, headers and body (default 30000). */
  readonly timeoutMs?: number;
  /** Largest body read, decompressed (default 5 MB). */
  readonly maxBytes?: number;
  /** Redirects followed (default 5). */
  readonly maxRedirects?: number;
  /** How long a host's robots.txt is trusted before it is read again (default 1 hour). */
  readonly robotsTtlMs?: number;
  /** Longest Retry-After honoured; longer ones are capped (default 6 hours). */
  readonly maxRetryAfterMs?: number;
  /** Called before each request, with its address (to count requests). */
  readonly onRequest?: (url: string) => void;
}

// The package's types declare an ES default export; at run time the CommonJS module itself is the function.
const robotsParser = robotsModule as unknown as typeof robotsModule.default;
type RobotsRules = ReturnType<typeof robotsParser>;

/** The product token robots.txt rules are matched against. */
export const ROBOTS_AGENT = 'sitrep';

interface HostState {
  /** The last request's end (or a Retry-After's end): the next starts no sooner than this plus the spacing. */
  readyAt: number;
  /** Requests to this host wait in this chain: one at a time. */
  queue: Promise<unknown>;
  robots: { rules: RobotsRules | null; until: number; failure: string | null } | null;
}

/** Fetches politely; one instance per watch, so per-host spacing holds across all its sources. */
export class PoliteFetcher {
  readonly userAgent: string;
  readonly #options: Required<Omit<PoliteFetcherOptions, 'contact' | 'onRequest'>> & { onRequest: ((url: string) => void) | undefined };
  readonly #hosts = new Map<string, HostState>();

  constructor(options: PoliteFetcherOptions = {}) {
    this.userAgent = `${ROBOTS_AGENT}/${VERSION} (news monitoring${options.contact ? `; contact: ${options.contact}` : ''})`;
    this.#options = {
      hostSpacingMs: options.hostSpacingMs ?? 2000,
      timeoutMs: options.timeoutMs ?? 30_000,
      maxBytes: options.maxBytes ?? 5 * 1024 * 1024,
      maxRedirects: options.maxRedirects ?? 5,
      robotsTtlMs: options.robotsTtlMs ?? 3_600_000,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 6 * 3_600_000,
      onRequest: options.onRequest,
    };
  }

  /** Fetches an address, following redirects, each hop checked against robots.txt and the address rules. */
  async fetch(request: FetchRequest): Promise<FetchResult> {
    let url = request.url;
    const visited = new Set<string>();
    for (let hop = 0; ; hop++) {
      let parsed: URL;
      try {
        parsed = new URL(url);
        if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`not an http or https address`);
        assertReachable(parsed, request.allowPrivate);
      } catch (error) {
        return failed(url, null, (error as Error).message, null, true);
      }
      const robots = await this.#robots(parsed, request.allowPrivate);
      if (robots) return failed(url, null, robots, null, true);
      const first = hop === 0;
      const answer = await this.#inTurn(parsed.host, () =>
        this.#get(parsed, request.allowPrivate, first ? (request.etag ?? null) : null, first ? (request.lastModified ?? null) : null),
      );
      if (answer.kind !== 'redirect') return answer;
      visited.add(url);
      const next = new URL(answer.location, url).toString();
      if (visited.has(next)) return failed(url, answer.status, `redirect loop back to ${next}`, null, true);
      if (hop + 1 > this.#options.maxRedirects)
        return failed(request.url, answer.status, `more than ${this.#options.maxRedirects} redirects`, null, true);
      url = next;
    }
  }

  /** Why robots.txt forbids this address, or null when it allows it. */
  async #robots(url: URL, allowPrivate: boolean): Promise<string | null> {
    const host = this.#host(url.host);
    const now = Date.now();
    if (!host.robots || host.robots.until <= now) {
      const robotsUrl = new URL('/robots.txt', url);
      const answer = await this.#inTurn(url.host, () => this.#get(robotsUrl, allowPrivate, null, null, 512 * 1024));
      if (answer.kind === 'ok') {
        host.robots = {
          rules: robotsParser(robotsUrl.toString(), answer.body.toString('utf8')),
          until: now + this.#options.robotsTtlMs,
          failure: null,
        };
      } else if (answer.kind === 'failed' && answer.status !== null && answer.status >= 400 && answer.status < 500) {
        // No robots.txt (404, 410, even 401/403) means no rules.
        host.robots = { rules: null, until: now + this.#options.robotsTtlMs, failure: null };
      } else {
        // A server failing its robots.txt may be failing altogether: try again in a while, fetching nothing meanwhile.
        const reason = answer.kind === 'failed' ? answer.reason : `robots.txt answered ${answer.kind}`;
        host.robots = {
          rules: null,
          until: now + Math.min(this.#options.robotsTtlMs, 60_000),
          failure: `robots.txt could not be read: ${reason}`,
        };
      }
      const delay = host.robots.rules?.getCrawlDelay(ROBOTS_AGENT);
      if (delay && Number.isFinite(delay)) host.readyAt = Math.max(host.readyAt, Date.now() + Math.min(delay, 600) * 1000);
    }
    if (host.robots.failure) return host.robots.failure;
    if (host.robots.rules?.isDisallowed(url.toString(), ROBOTS_AGENT)) return `robots.txt disallows ${url.pathname} for ${ROBOTS_AGENT}`;
    return null;
  }

  #host(name: string): HostState {
    let state = this.#hosts.get(name);
    if (!state) {
      state = { readyAt: 0, queue: Promise.resolve(), robots: null };
      this.#hosts.set(name, state);
    }
    return state;
  }

  /** Runs `work` when the host's earlier requests are done and its spacing (and any Retry-After) has passed. */
  #inTurn<T extends GetAnswer>(hostName: string, work: () => Promise<T>): Promise<T> {
    const host = this.#host(hostName);
    const turn = host.queue.then(async () => {
      const wait = host.readyAt - Date.now();
      if (wait > 0) await sleep(wait);
      try {
        const answer = await work();
        if (answer.kind === 'failed' && answer.retryAfterMs !== null)
          host.readyAt = Math.max(host.readyAt, Date.now() + answer.retryAfterMs);
        return answer;
      } finally {
        host.readyAt = Math.max(host.readyAt, Date.now() + this.#crawlSpacing(host));
      }
    });
    host.queue = turn.catch(() => undefined);
    return turn;
  }

  #crawlSpacing(host: HostState): number {
    const delay = host.robots?.rules?.getCrawlDelay(ROBOTS_AGENT);
    return Math.max(this.#options.hostSpacingMs, delay && Number.isFinite(delay) ? Math.min(delay, 600) * 1000 : 0);
  }

  /** One GET, no redirects followed. */
  #get(
    url: URL,
    allowPrivate: boolean,
    etag: string | null,
    lastModified: string | null,
    maxBytes = this.#options.maxBytes,
  ): Promise<GetAnswer> {
    this.#options.onRequest?.(url.toString());
    const headers: Record<string, string> = {
      'User-Agent': this.userAgent,
      Accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.9, */*;q=0.5',
      'Accept-Encoding': 'gzip, deflate, br',
    };
    if (etag) headers['If-None-Match'] = etag;
    if (lastModified) headers['If-Modified-Since'] = lastModified;
    const where = url.toString();
    return new Promise<GetAnswer>((resolve) => {
      let settled = false;
      const settle = (answer: GetAnswer) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(answer);
      };
      const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, {
        method: 'GET',
        headers,
        lookup: guardedLookup(allowPrivate),
      });
      const timer = setTimeout(() => {
        settle(failed(where, null, `no complete answer within ${this.#options.timeoutMs} ms`, null, false));
        request.destroy();
      }, this.#options.timeoutMs);
      request.on('error', (error) => {
        const refused = error instanceof PrivateAddressError || (error as { cause?: unknown }).cause instanceof PrivateAddressError;
        settle(failed(where, null, error.message, null, refused));
      });
      request.on('response', (response) => {
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400 && status !== 304) {
          response.resume();
          const location = response.headers.location;
          if (!location) return settle(failed(where, status, `a ${status} redirect without a Location`, null, true));
          return settle({ kind: 'redirect', status, location });
        }
        if (status === 304) {
          response.resume();
          return settle({ kind: 'not-modified', url: where });
        }
        if (status < 200 || status >= 300) {
          response.resume();
          const retryAfter = status === 429 || status === 503 ? this.#retryAfter(response.headers['retry-after']) : null;
          return settle(
            failed(
              where,
              status,
              `the server answered ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}`,
              retryAfter,
              status >= 400 && status < 500 && status !== 429 && status !== 408,
            ),
          );
        }
        const declared = Number(response.headers['content-length']);
        if (Number.isFinite(declared) && declared > maxBytes) {
          response.destroy();
          return settle(failed(where, status, `the answer is ${declared} bytes, over the ${maxBytes}-byte limit`, null, true));
        }
        readBody(response, maxBytes).then(
          (body) => {
            if (body === null) return settle(failed(where, status, `the answer is over the ${maxBytes}-byte limit`, null, true));
            settle({
              kind: 'ok',
              url: where,
              status,
              body,
              contentType: response.headers['content-type'] ?? null,
              etag: header(response.headers.etag),
              lastModified: header(response.headers['last-modified']),
            });
          },
          (error: Error) => settle(failed(where, status, `the answer broke off: ${error.message}`, null, false)),
        );
      });
      request.end();
    });
  }

  /** Retry-After as milliseconds (seconds or an HTTP date), capped; a missing one asks for a minute. */
  #retryAfter(value: string | undefined): number {
    if (value === undefined) return 60_000;
    const seconds = Number(value.trim());
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now();
    return Math.max(0, Math.min(Number.isFinite(ms) ? ms : 60_000, this.#options.maxRetryAfterMs));
  }
}

type GetAnswer = FetchResult | { readonly kind: 'redirect'; readonly status: number; readonly location: string };

function failed(url: string, status: number | null, reason: string, retryAfterMs: number | null, permanent: boolean): FetchResult {
  return { kind: 'failed', url, status, reason, retryAfterMs, permanent };
}

function header(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** The body, decompressed, or null once it passes `maxBytes` (the rest is never read). */
async function readBody(response: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  const encoding = String(response.headers['content-encoding'] ?? '').toLowerCase();
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? createGunzip()
      : encoding === 'deflate'
        ? createInflate()
        : encoding === 'br'
          ? createBrotliDecompress()
          : null;
  const stream: NodeJS.ReadableStream = decoder ? response.pipe(decoder) : response;
  const parts: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = chunk as Buffer;
    total += buffer.length;
    if (total > maxBytes) {
      response.destroy();
      decoder?.destroy();
      return null;
    }
    parts.push(buffer);
  }
  return Buffer.concat(parts, total);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
