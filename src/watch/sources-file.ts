/**
 * @module The sources file: what `sitrep watch` polls (feeds, listing pages, drop folders), how often, and the
 * alert rules and deliveries, as JSON or YAML. Every problem names the file, its line, the source and the field.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, isAbsolute, resolve, dirname } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Document as YamlDocument } from 'yaml';
import { SOURCE_KINDS, type SourceKind, SourcesFileError, sourcesFilePath } from './sources-file-basics.ts';

export { SOURCE_KINDS, type SourceKind, SourcesFileError, sourcesFilePath };

/** One watched source. */
export interface WatchSource {
  /** Its name in the file, state and alerts: letters, digits, `-`, `_` and `.`. */
  readonly id: string;
  readonly kind: SourceKind;
  /** The feed's or listing page's address (`feed`, `page`). */
  readonly url: string | null;
  /** The folder new files are dropped in (`folder`), resolved against the sources file's folder. */
  readonly path: string | null;
  /** Milliseconds between polls. */
  readonly intervalMs: number;
  /** The outlet its reports are credited to; null keeps what each report names. */
  readonly outlet: string | null;
  /** ISO 639-1 language its reports are in; null lets sitrep tell. */
  readonly language: string | null;
  readonly notes: string | null;
  /** For `page`: a regular expression an article link's address must match; default: any link on the page's host. */
  readonly links: RegExp | null;
  /** Whether its addresses may be private or loopback ones (an intranet, a test server). */
  readonly allowPrivate: boolean;
}

/** Who to tell, and how, when sources change the picture. */
export interface AlertsConfig {
  readonly rules: readonly unknown[];
  readonly deliver: readonly unknown[];
}

/** The whole sources file, checked. */
export interface SourcesConfig {
  /** The file it was read from. */
  readonly file: string;
  /** Named in the User-Agent, so a site's operators can reach whoever runs the watch: an email or a web address. */
  readonly contact: string | null;
  /** Least milliseconds between two requests to one host. */
  readonly hostSpacingMs: number;
  readonly sources: readonly WatchSource[];
  readonly alerts: AlertsConfig;
}

/** Default interval between polls of a source: 15 minutes. */
export const DEFAULT_INTERVAL_MS = 15 * 60 * 1000;
/** Default least spacing between requests to one host: 2 seconds. */
export const DEFAULT_HOST_SPACING_MS = 2000;
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const SOURCE_FIELDS = new Set(['id', 'kind', 'url', 'path', 'interval', 'outlet', 'language', 'notes', 'links', 'allowPrivate']);
const TOP_FIELDS = new Set(['contact', 'hostSpacing', 'sources', 'alerts']);

/** Reads and checks a sources file; a missing file is an error saying how to make one. */
export function loadSources(file: string): SourcesConfig {
  if (!existsSync(file))
    throw new SourcesFileError(
      file,
      'no such sources file: create it with `sitrep sources add`, or name one with --sources or SITREP_SOURCES',
    );
  return parseSources(readFileSync(file, 'utf8'), file);
}

/** Checks a sources file's text (JSON or YAML; JSON is YAML). */
export function parseSources(text: string, file: string): SourcesConfig {
  const { document, lineOf } = parseYaml(text, file);
  const root: unknown = document.toJS();
  if (root === null || root === undefined)
    return { file, contact: null, hostSpacingMs: DEFAULT_HOST_SPACING_MS, sources: [], alerts: { rules: [], deliver: [] } };
  if (!isRecord(root)) throw new SourcesFileError(file, 'must be a mapping with a "sources" list', { line: 1 });
  for (const key of Object.keys(root))
    if (!TOP_FIELDS.has(key))
      throw new SourcesFileError(file, `is not a known field (known: ${[...TOP_FIELDS].join(', ')})`, { line: lineOf([key]), field: key });
  const contact = optionalString(root.contact, file, { line: lineOf(['contact']), field: 'contact' });
  const hostSpacingMs =
    root.hostSpacing === undefined
      ? DEFAULT_HOST_SPACING_MS
      : parseDuration(root.hostSpacing, file, { line: lineOf(['hostSpacing']), field: 'hostSpacing' }, 0);
  const list = root.sources ?? [];
  if (!Array.isArray(list)) throw new SourcesFileError(file, 'must be a list of sources', { line: lineOf(['sources']), field: 'sources' });
  const sources: WatchSource[] = [];
  const ids = new Set<string>();
  list.forEach((entry, index) => {
    const source = checkSource(entry, index, file, lineOf);
    if (ids.has(source.id))
      throw new SourcesFileError(file, `names a source already listed: ids must be unique`, {
        line: lineOf(['sources', index, 'id']),
        source: source.id,
        field: 'id',
      });
    ids.add(source.id);
    sources.push(source);
  });
  const alerts = root.alerts ?? {};
  if (!isRecord(alerts))
    throw new SourcesFileError(file, 'must be a mapping with "rules" and "deliver"', { line: lineOf(['alerts']), field: 'alerts' });
  for (const key of ['rules', 'deliver'] as const)
    if (alerts[key] !== undefined && !Array.isArray(alerts[key]))
      throw new SourcesFileError(file, 'must be a list', { line: lineOf(['alerts', key]), field: `alerts.${key}` });
  return {
    file,
    contact,
    hostSpacingMs,
    sources,
    alerts: { rules: (alerts.rules as unknown[] | undefined) ?? [], deliver: (alerts.deliver as unknown[] | undefined) ?? [] },
  };
}

/** The line a path of keys into the file is on, for messages; null when it is not in the file. */
export type LineOf = (path: ReadonlyArray<string | number>) => number | null;

function parseYaml(text: string, file: string): { document: YamlDocument; lineOf: LineOf } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problem = document.errors[0];
  if (problem) {
    const line = problem.linePos?.[0]?.line ?? lineCounter.linePos(problem.pos[0]).line;
    throw new SourcesFileError(
      file,
      `is not valid ${extname(file).toLowerCase() === '.json' ? 'JSON' : 'YAML'}: ${problem.message.split('\n')[0]}`,
      { line },
    );
  }
  const lineOf: LineOf = (path) => {
    const node = document.getIn(path, true) as { range?: [number, number, number] } | undefined;
    // A scalar's range is its value; for a key with a mapping or list, the collection's start.
    const start = node?.range?.[0];
    return start === undefined ? null : lineCounter.linePos(start).line;
  };
  return { document, lineOf };
}

function checkSource(entry: unknown, index: number, file: string, lineOf: LineOf): WatchSource {
  const at = (field: string) => lineOf(['sources', index, field]) ?? lineOf(['sources', index]);
  if (!isRecord(entry)) throw new SourcesFileError(file, `source ${index + 1} must be a mapping`, { line: lineOf(['sources', index]) });
  const rawId = entry.id;
  if (typeof rawId !== 'string' || !ID.test(rawId))
    throw new SourcesFileError(file, `source ${index + 1} needs an id of letters, digits, "-", "_" or "." (at most 64)`, {
      line: at('id'),
      field: 'id',
    });
  const id = rawId;
  const where = (field: string) => ({ line: at(field), source: id, field });
  for (const key of Object.keys(entry))
    if (!SOURCE_FIELDS.has(key))
      throw new SourcesFileError(file, `is not a known field (known: ${[...SOURCE_FIELDS].join(', ')})`, where(key));
  const kind = entry.kind;
  if (typeof kind !== 'string' || !(SOURCE_KINDS as readonly string[]).includes(kind))
    throw new SourcesFileError(file, `must be one of ${SOURCE_KINDS.join(', ')}`, where('kind'));
  let url: string | null = null;
  let path: string | null = null;
  if (kind === 'folder') {
    if (entry.url !== undefined) throw new SourcesFileError(file, 'a folder source has a path, not a url', where('url'));
    const raw = optionalString(entry.path, file, where('path'));
    if (raw === null) throw new SourcesFileError(file, 'is required for a folder source', where('path'));
    path = isAbsolute(raw) ? raw : resolve(dirname(resolve(file)), raw);
  } else {
    if (entry.path !== undefined) throw new SourcesFileError(file, `a ${kind} source has a url, not a path`, where('path'));
    const raw = optionalString(entry.url, file, where('url'));
    if (raw === null) throw new SourcesFileError(file, `is required for a ${kind} source`, where('url'));
    url = checkUrl(raw, file, where('url'));
  }
  const language = optionalString(entry.language, file, where('language'));
  if (language !== null && !/^[a-z]{2}$/.test(language))
    throw new SourcesFileError(file, `"${language}" is not a two-letter ISO 639-1 code such as "en"`, where('language'));
  let links: RegExp | null = null;
  const linkPattern = optionalString(entry.links, file, where('links'));
  if (linkPattern !== null) {
    if (kind !== 'page') throw new SourcesFileError(file, 'only a page source follows links', where('links'));
    try {
      links = new RegExp(linkPattern);
    } catch (cause) {
      throw new SourcesFileError(file, `is not a regular expression: ${(cause as Error).message}`, where('links'));
    }
  }
  if (entry.allowPrivate !== undefined && typeof entry.allowPrivate !== 'boolean')
    throw new SourcesFileError(file, 'must be true or false', where('allowPrivate'));
  return {
    id,
    kind: kind as SourceKind,
    url,
    path,
    intervalMs: entry.interval === undefined ? DEFAULT_INTERVAL_MS : parseDuration(entry.interval, file, where('interval'), 100),
    outlet: optionalString(entry.outlet, file, where('outlet')),
    language,
    notes: optionalString(entry.notes, file, where('notes')),
    links,
    allowPrivate: entry.allowPrivate === true,
  };
}

type Where = { line?: number | null; source?: string | null; field?: string | null };

function checkUrl(raw: string, file: string, where: Where): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SourcesFileError(file, `"${raw}" is not an absolute address`, where);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new SourcesFileError(file, `"${raw}" is not an http or https address`, where);
  if (url.username || url.password) throw new SourcesFileError(file, 'must not carry a user name or password', where);
  return url.toString();
}

function optionalString(value: unknown, file: string, where: Where): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new SourcesFileError(file, 'must be text', where);
  return value.trim() || null;
}

const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** A duration as `500ms`, `30s`, `15m`, `1h`, `1d`, or a number of seconds, in milliseconds. */
export function parseDuration(value: unknown, file: string, where: Where, leastMs: number): number {
  let ms: number | null = null;
  if (typeof value === 'number' && Number.isFinite(value)) ms = value * 1000;
  else if (typeof value === 'string') {
    const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/.exec(value);
    if (match) ms = Number(match[1]) * (UNITS[match[2] ?? 's'] ?? 1000);
  }
  if (ms === null) throw new SourcesFileError(file, `"${String(value)}" is not a duration such as 30s, 15m, 1h or 1d`, where);
  if (ms < leastMs) throw new SourcesFileError(file, `${String(value)} is shorter than the least allowed, ${leastMs} ms`, where);
  return Math.round(ms);
}

/** A duration in the file's own words, for listings. */
export function formatDuration(ms: number): string {
  for (const [unit, size] of [
    ['d', UNITS.d],
    ['h', UNITS.h],
    ['m', UNITS.m],
    ['s', UNITS.s],
  ] as const)
    if (size !== undefined && ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  return `${ms}ms`;
}

/** What `sitrep sources add` writes: the fields as a user gives them. */
export interface SourceEntry {
  readonly id: string;
  readonly kind: SourceKind;
  readonly url?: string;
  readonly path?: string;
  readonly interval?: string;
  readonly outlet?: string;
  readonly language?: string;
  readonly notes?: string;
  readonly links?: string;
  readonly allowPrivate?: boolean;
}

/**
 * Adds a source to the file (made when missing), keeping its comments and layout; the result is checked before it
 * is written, so a bad entry leaves the file as it was.
 */
export function addSource(file: string, entry: SourceEntry): SourcesConfig {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const { document } = parseYaml(text, file);
  if (document.contents === null) document.contents = document.createNode({ sources: [] }) as never;
  if (!isMap(document.contents)) throw new SourcesFileError(file, 'must be a mapping with a "sources" list', { line: 1 });
  if (!document.has('sources')) document.set('sources', document.createNode([]));
  const sources = document.get('sources', true);
  if (!isSeq(sources)) throw new SourcesFileError(file, 'must be a list of sources', { field: 'sources' });
  if (sources.items.some((item) => isMap(item) && item.get('id') === entry.id))
    throw new SourcesFileError(file, 'is already listed: remove it first, or choose another id', { source: entry.id, field: 'id' });
  const fields = Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined));
  sources.add(document.createNode(fields));
  try {
    return writeChecked(file, document);
  } catch (error) {
    // The new entry's line is in text that was never written: the source and field say where.
    if (error instanceof SourcesFileError && error.source === entry.id)
      throw new SourcesFileError(file, error.reason, { source: error.source, field: error.field });
    throw error;
  }
}

/** Removes a source by id; an id not in the file is an error naming it. */
export function removeSource(file: string, id: string): SourcesConfig {
  if (!existsSync(file)) throw new SourcesFileError(file, 'no such sources file');
  const { document } = parseYaml(readFileSync(file, 'utf8'), file);
  const sources = document.get('sources', true);
  const index = isSeq(sources) ? sources.items.findIndex((item) => isMap(item) && item.get('id') === id) : -1;
  if (!isSeq(sources) || index === -1) throw new SourcesFileError(file, 'is not listed', { source: id, field: 'id' });
  sources.items.splice(index, 1);
  return writeChecked(file, document);
}

function writeChecked(file: string, document: YamlDocument): SourcesConfig {
  // A JSON file stays JSON; anything else is written as YAML, with its comments.
  const text = extname(file).toLowerCase() === '.json' ? `${JSON.stringify(document.toJS(), null, 2)}\n` : document.toString();
  const config = parseSources(text, file);
  writeFileSync(file, text);
  return config;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
