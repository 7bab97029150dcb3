/** @module Expands the paths a user names (files, folders, `-` for stdin) into parsed reports, one input at a time. */
import { open, readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Origin } from '../model/document.ts';
import { decodeText } from './decode-text.ts';
import { DEFAULT_MAX_BYTES } from './default-max-bytes.ts';
import { IngestError } from './ingest-error.ts';
import { looksLikeFeed, parseFeed } from './parse-feed.ts';
import { parseHtml } from './parse-html.ts';
import { parseJsonl } from './parse-jsonl.ts';
import { parseMarkdown, parseText } from './parse-text.ts';
import type { ParsedItem } from './raw-report.ts';

export { DEFAULT_MAX_BYTES } from './default-max-bytes.ts';

export interface ReadInputsOptions {
  readonly maxBytes?: number;
  /** Where `-` reads from; standard input by default. */
  readonly stdin?: NodeJS.ReadableStream;
}

/** One input file and what came of reading it: its reports, or the reason it could not be read. */
export interface InputResult {
  readonly path: string;
  readonly bytes: number;
  readonly items: readonly ParsedItem[];
}

/** Files inside a folder that are read; others (images, archives) are passed over without complaint. */
const KNOWN_EXTENSIONS = new Set([
  '.txt',
  '.text',
  '.md',
  '.markdown',
  '.html',
  '.htm',
  '.xhtml',
  '.xml',
  '.rss',
  '.atom',
  '.jsonl',
  '.ndjson',
]);

/** Yields each input file's reports in a stable order (folders sorted by name). */
export async function* readInputs(paths: readonly string[], options: ReadInputsOptions = {}): AsyncGenerator<InputResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  for (const path of paths) {
    if (path === '-') {
      yield await readStdin(options.stdin ?? process.stdin, maxBytes);
      continue;
    }
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'not-found' : 'unreadable';
      yield failed(
        path,
        new IngestError(code, { path }, code === 'not-found' ? 'no such file or folder' : `cannot be read (${(cause as Error).message})`, {
          cause,
        }),
      );
      continue;
    }
    if (info.isDirectory()) {
      for await (const file of walk(path)) yield await readFile(file, maxBytes);
    } else {
      yield await readFile(path, maxBytes);
    }
  }
}

async function* walk(folder: string): AsyncGenerator<string> {
  const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile() && KNOWN_EXTENSIONS.has(extname(entry.name).toLowerCase())) yield path;
  }
}

async function readFile(path: string, maxBytes: number): Promise<InputResult> {
  const origin: Origin = { path };
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, 'r');
    const { size } = await handle.stat();
    if (size > maxBytes) {
      return failed(
        path,
        new IngestError(
          'too-large',
          origin,
          `is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit (raise it with --max-bytes)`,
        ),
        size,
      );
    }
    const bytes = await handle.readFile();
    return { path, bytes: bytes.length, items: parseBytes(bytes, origin, path) };
  } catch (cause) {
    if (cause instanceof IngestError) return failed(path, cause);
    return failed(path, new IngestError('unreadable', origin, `cannot be read (${(cause as Error).message})`, { cause }));
  } finally {
    await handle?.close();
  }
}

async function readStdin(stream: NodeJS.ReadableStream, maxBytes: number): Promise<InputResult> {
  const parts: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += buffer.length;
    if (total > maxBytes) {
      return failed(
        '-',
        new IngestError(
          'too-large',
          { path: '-' },
          `standard input is over the ${formatBytes(maxBytes)} limit (raise it with --max-bytes)`,
        ),
        total,
      );
    }
    parts.push(buffer);
  }
  const bytes = Buffer.concat(parts);
  try {
    return { path: '-', bytes: bytes.length, items: parseBytes(bytes, { path: '-' }, 'stdin') };
  } catch (cause) {
    if (cause instanceof IngestError) return failed('-', cause, bytes.length);
    throw cause;
  }
}

/** Decodes and parses one input by its extension, or by its content when the extension says nothing. */
function parseBytes(bytes: Uint8Array, origin: Origin, name: string): ParsedItem[] {
  if (bytes.length === 0) throw new IngestError('empty', origin, 'is empty');
  const text = decodeText(bytes, origin);
  if (!text.trim()) throw new IngestError('empty', origin, 'has only blank space');
  const extension = extname(name).toLowerCase();
  const stem = name === 'stdin' ? 'stdin' : basename(name, extname(name));
  switch (extension) {
    case '.jsonl':
    case '.ndjson':
      return parseJsonl(text, origin, stem);
    case '.md':
    case '.markdown':
      return [parseMarkdown(text, origin, stem)];
    case '.rss':
    case '.atom':
      return parseFeed(text, origin);
    case '.xml':
      return looksLikeFeed(text) ? parseFeed(text, origin) : [parseHtml(text, origin, stem)];
    case '.html':
    case '.htm':
    case '.xhtml':
      return [parseHtml(text, origin, stem)];
    case '.txt':
    case '.text':
      return [parseText(text, origin, stem)];
    default:
      return sniff(text, origin, stem);
  }
}

/** Standard input and unknown extensions: tell the format from the first characters. */
function sniff(text: string, origin: Origin, stem: string): ParsedItem[] {
  const head = text.trimStart().slice(0, 2000);
  if (looksLikeFeed(head)) return parseFeed(text, origin);
  if (/^<(!doctype html|html|head|body|article)\b/i.test(head)) return [parseHtml(text, origin, stem)];
  if (head.startsWith('{')) return parseJsonl(text, origin, stem);
  return [parseText(text, origin, stem)];
}

function failed(path: string, error: IngestError, bytes = 0): InputResult {
  return { path, bytes, items: [error] };
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

/** The files a set of paths names, with their sizes, for a progress bar's total. */
export async function listInputFiles(paths: readonly string[]): Promise<Array<{ path: string; bytes: number }>> {
  const files: Array<{ path: string; bytes: number }> = [];
  for (const path of paths) {
    if (path === '-') continue;
    try {
      const info = await stat(path);
      if (!info.isDirectory()) files.push({ path, bytes: info.size });
      else for await (const file of walk(path)) files.push({ path: file, bytes: (await stat(file)).size });
    } catch {
      // Missing inputs are reported by the ingest itself.
    }
  }
  return files;
}
