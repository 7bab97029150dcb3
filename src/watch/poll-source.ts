/**
 * @module One poll of one source: what it holds that has not been read yet, as reports for ingest. A feed gives its
 * items (with their links and dates); a listing page gives the article links it has not given before, each article
 * read with Readability as `ingest` reads a page; a folder gives the files dropped or changed since the last poll.
 */
import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Origin } from '../model/document.ts';
import { decodeText } from '../ingest/decode-text.ts';
import { formatOrigin, IngestError } from '../ingest/ingest-error.ts';
import { looksLikeFeed, parseFeed } from '../ingest/parse-feed.ts';
import { parseHtml } from '../ingest/parse-html.ts';
import type { ParsedItem, RawReport } from '../ingest/raw-report.ts';
import { KNOWN_EXTENSIONS } from '../ingest/read-inputs.ts';
import { readInputs } from '../ingest/read-inputs.ts';
import type { PoliteFetcher } from './polite-fetcher.ts';
import type { WatchSource } from './sources-file.ts';

/** What a poll read as one unit: a feed item, an article, or a dropped file (which may hold many reports). */
export interface PolledUnit {
  /** The feed item's guid or link, the article's address, or the file's path inside the folder. */
  readonly key: string;
  /** Changes when the unit is edited. */
  readonly contentHash: string;
  /** Its reports (or why one could not be read), as ingest takes them. */
  readonly items: readonly ParsedItem[];
}

/** What a poll found. */
export type PollOutcome =
  | {
      readonly kind: 'ok';
      /** Units not read before (or edited since). */
      readonly units: readonly PolledUnit[];
      /** Units the source lists in all (feed items, article links, files). */
      readonly listed: number;
      /** The source answered 304: nothing changed. */
      readonly notModified: boolean;
      /** Validators to send next time; null keeps none. */
      readonly etag: string | null;
      readonly lastModified: string | null;
      /** What could not be read this time (an article that failed, an item without text); the poll went on. */
      readonly problems: readonly string[];
    }
  | { readonly kind: 'failed'; readonly reason: string; readonly retryAfterMs: number | null; readonly permanent: boolean };

export interface PollOptions {
  /** Validators from the last good poll. */
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** The content hashes of keys already read; a unit whose key and hash are here is passed over. */
  readonly seen: (keys: readonly string[]) => Promise<ReadonlyMap<string, string>>;
  /** New articles fetched per poll of a listing page (default 30); the rest wait for the next poll. */
  readonly maxArticles?: number;
  /** A dropped file is read once it has not changed for this long, so a half-written file waits (default 1000 ms). */
  readonly settleMs?: number;
  readonly maxBytes?: number;
}

/** Polls one source once. Nothing is stored: the caller ingests the units and records them as read. */
export async function pollSource(source: WatchSource, fetcher: PoliteFetcher, options: PollOptions): Promise<PollOutcome> {
  if (source.kind === 'folder') return pollFolder(source, options);
  const answer = await fetcher.fetch({
    url: source.url ?? '',
    allowPrivate: source.allowPrivate,
    etag: options.etag,
    lastModified: options.lastModified,
  });
  if (answer.kind === 'failed')
    return { kind: 'failed', reason: answer.reason, retryAfterMs: answer.retryAfterMs, permanent: answer.permanent };
  if (answer.kind === 'not-modified')
    return { kind: 'ok', units: [], listed: 0, notModified: true, etag: options.etag, lastModified: options.lastModified, problems: [] };
  const origin: Origin = { path: source.url ?? answer.url };
  let text: string;
  try {
    text = decodeBody(answer.body, answer.contentType, origin);
  } catch (error) {
    return { kind: 'failed', reason: (error as Error).message, retryAfterMs: null, permanent: false };
  }
  const validators = { etag: answer.etag, lastModified: answer.lastModified };
  if (source.kind === 'feed') {
    if (!looksLikeFeed(text))
      return { kind: 'failed', reason: `${answer.url} is not an RSS or Atom feed`, retryAfterMs: null, permanent: false };
    let items: ParsedItem[];
    try {
      items = parseFeed(text, origin);
    } catch (error) {
      return { kind: 'failed', reason: (error as Error).message, retryAfterMs: null, permanent: false };
    }
    const problems = items.filter((i): i is Error => i instanceof Error).map((e) => e.message);
    const units = items
      .filter((i): i is RawReport => !(i instanceof Error))
      .map((report) => ({ key: report.externalId, contentHash: hashReport(report), items: [credit(report, source)] }));
    return { kind: 'ok', units: await unseen(units, options), listed: units.length, notModified: false, ...validators, problems };
  }
  return readListing(source, fetcher, text, answer.url, validators, options);
}

/** A listing page: its new article links, each article fetched and read. */
async function readListing(
  source: WatchSource,
  fetcher: PoliteFetcher,
  html: string,
  pageUrl: string,
  validators: { etag: string | null; lastModified: string | null },
  options: PollOptions,
): Promise<PollOutcome> {
  const links = articleLinks(html, pageUrl, source.links);
  const seen = await options.seen(links);
  const fresh = links.filter((link) => !seen.has(link)).slice(0, options.maxArticles ?? 30);
  const units: PolledUnit[] = [];
  const problems: string[] = [];
  let retry = false;
  for (const link of fresh) {
    const answer = await fetcher.fetch({ url: link, allowPrivate: source.allowPrivate });
    if (answer.kind !== 'ok') {
      problems.push(`${link}: ${answer.kind === 'failed' ? answer.reason : 'not modified'}`);
      // An article that failed for now is tried again: the listing is read afresh next time, not answered 304.
      if (answer.kind === 'failed' && !answer.permanent) retry = true;
      continue;
    }
    const origin: Origin = { path: link };
    let item: ParsedItem;
    try {
      const report = parseHtml(decodeBody(answer.body, answer.contentType, origin), origin, link);
      item = credit({ ...report, url: report.url ?? link }, source);
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
      item = error;
    }
    units.push({ key: link, contentHash: item instanceof Error ? 'failed' : hashReport(item), items: [item] });
  }
  const more = links.length - seen.size - fresh.length;
  if (more > 0) retry = true;
  return {
    kind: 'ok',
    units,
    listed: links.length,
    notModified: false,
    etag: retry ? null : validators.etag,
    lastModified: retry ? null : validators.lastModified,
    problems,
  };
}

/** The article links on a listing page: on its host (or matching the source's `links`), without fragments, in page order. */
export function articleLinks(html: string, pageUrl: string, pattern: RegExp | null): string[] {
  const { document } = parseHTML(html);
  const page = new URL(pageUrl);
  const links = new Set<string>();
  for (const anchor of document.querySelectorAll('a[href]')) {
    let url: URL;
    try {
      url = new URL(anchor.getAttribute('href') ?? '', page);
    } catch {
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
    url.hash = '';
    const address = url.toString();
    if (address === page.toString()) continue;
    if (pattern ? !pattern.test(address) : url.host !== page.host || url.pathname === '/' || url.pathname === page.pathname) continue;
    links.add(address);
  }
  return [...links];
}

/** A drop folder: files new or changed since they were last read, once they have settled. */
async function pollFolder(source: WatchSource, options: PollOptions): Promise<PollOutcome> {
  const folder = source.path ?? '';
  let files: Array<{ path: string; key: string; hash: string; mtimeMs: number }>;
  try {
    files = await listFolder(folder);
  } catch (error) {
    return { kind: 'failed', reason: `${folder} cannot be read: ${(error as Error).message}`, retryAfterMs: null, permanent: false };
  }
  const now = Date.now();
  const settled = files.filter((f) => now - f.mtimeMs >= (options.settleMs ?? 1000));
  const seen = await options.seen(settled.map((f) => f.key));
  const units: PolledUnit[] = [];
  for (const file of settled) {
    if (seen.get(file.key) === file.hash) continue;
    const items: ParsedItem[] = [];
    for await (const input of readInputs([file.path], options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }))
      for (const item of input.items) items.push(item instanceof Error ? item : credit(item, source));
    units.push({ key: file.key, contentHash: file.hash, items });
  }
  return { kind: 'ok', units, listed: files.length, notModified: false, etag: null, lastModified: null, problems: [] };
}

async function listFolder(folder: string): Promise<Array<{ path: string; key: string; hash: string; mtimeMs: number }>> {
  const found: Array<{ path: string; key: string; hash: string; mtimeMs: number }> = [];
  const walk = async (dir: string) => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile() && KNOWN_EXTENSIONS.has(extname(entry.name).toLowerCase())) {
        const info = await stat(path);
        found.push({ path, key: relative(folder, path), hash: `${info.size}:${Math.floor(info.mtimeMs)}`, mtimeMs: info.mtimeMs });
      }
    }
  };
  await walk(folder);
  return found;
}

/** Units not read before, or read with other content (an edited item). */
async function unseen(units: readonly PolledUnit[], options: PollOptions): Promise<PolledUnit[]> {
  const seen = await options.seen(units.map((u) => u.key));
  const unique = new Map<string, PolledUnit>();
  for (const unit of units) if (seen.get(unit.key) !== unit.contentHash && !unique.has(unit.key)) unique.set(unit.key, unit);
  return [...unique.values()];
}

/** The source's outlet, when it names one, credits every report it gives. */
function credit(report: RawReport, source: WatchSource): RawReport {
  return source.outlet ? { ...report, source: source.outlet } : report;
}

function hashReport(report: RawReport): string {
  return createHash('sha256')
    .update(JSON.stringify([report.title, report.published, report.url, report.text]))
    .digest('hex')
    .slice(0, 24);
}

/** A body as text: the charset the server names when it is not UTF-8, else as `ingest` decodes files. */
function decodeBody(body: Buffer, contentType: string | null, origin: Origin): string {
  const charset = /charset\s*=\s*"?([\w-]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    try {
      return new TextDecoder(charset, { fatal: false }).decode(body);
    } catch {
      // An unknown charset: read it as ingest would.
    }
  }
  if (body.length === 0) throw new IngestError('empty', origin, 'answered with an empty body');
  return decodeText(body, origin);
}

export { formatOrigin };
