/** @module Expands the paths a user names (files, folders, `-` for stdin) into parsed reports, one input at a time. */
import { type FileHandle, open, readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Origin } from '../model/document.ts';
import { decodeText } from './decode-text.ts';
import { DEFAULT_MAX_BYTES } from './default-max-bytes.ts';
import { IngestError } from './ingest-error.ts';
import { looksLikeFeed, parseFeed } from './parse-feed.ts';
import { parseHtml } from './parse-html.ts';
import { parseJsonl, parseJsonlLine } from './parse-jsonl.ts';
import { parseMarkdown, parseText } from './parse-text.ts';
import { MAX_REPORT_CHARS } from './prepare-document.ts';
import type { ParsedItem } from './raw-report.ts';

export { DEFAULT_MAX_BYTES } from './default-max-bytes.ts';
/** Bytes read at a time from any input. */
const READ_CHUNK = 64 * 1024;
/** JSONL lines parsed before they are handed on: the file is streamed, never held whole. */
const JSONL_LINES_PER_RESULT = 200;

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
  /** Set for a file in a folder that was not read at all (an image, an archive): why, for the user to act on. */
  readonly passedOver?: string;
}

/** Files inside a folder that are read (by ingest and by a watched drop folder); others (images, archives) are passed over, each listed with the reason. */
export const KNOWN_EXTENSIONS: ReadonlySet<string> = new Set([
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
      for await (const file of walk(path)) {
        if (typeof file === 'string') yield* readFile(file, maxBytes);
        else yield { path: file.path, bytes: 0, items: [], passedOver: file.reason };
      }
    } else {
      yield* readFile(path, maxBytes);
    }
  }
}

/** The extensions read, for messages: `.txt, .text, .md, …`. */
const KNOWN_LIST = [...KNOWN_EXTENSIONS].join(', ');

/**
 * A folder's files to read, in name order, and those passed over with the reason. Hidden files and folders
 * (`.git`, `.DS_Store`) are tools' own and are left out without a word.
 */
async function* walk(folder: string): AsyncGenerator<string | { path: string; reason: string }> {
  const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    const extension = extname(entry.name).toLowerCase();
    if (entry.isDirectory()) yield* walk(path);
    else if (!entry.isFile()) yield { path, reason: 'not a regular file (a link, device or socket): name it directly to read it' };
    else if (KNOWN_EXTENSIONS.has(extension)) yield path;
    else
      yield {
        path,
        reason: `${extension ? `"${extension}" files are` : 'a file without an extension is'} not read; sitrep reads ${KNOWN_LIST} (rename the file if it is one of these)`,
      };
  }
}

/**
 * Reads one file. Its size is checked before reading, and again while reading, since a device or a pipe
 * (`/dev/zero`, a FIFO) has no size until it ends; JSONL is streamed a line at a time.
 */
async function* readFile(path: string, maxBytes: number): AsyncGenerator<InputResult> {
  const origin: Origin = { path };
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    const info = await handle.stat();
    if (info.isFile() && info.size > maxBytes) {
      yield failed(path, overLimit(origin, `is ${formatBytes(info.size)}`, maxBytes), info.size);
      return;
    }
    const extension = extname(path).toLowerCase();
    if (info.isFile() && (extension === '.txt' || extension === '.text' || extension === '.md' || extension === '.markdown')) {
      // One report a file, and a character takes at most four bytes: past this, it is over the report limit unread.
      if (info.size > MAX_REPORT_CHARS * 4) {
        yield failed(path, reportTooLong(origin, `is one report of ${formatBytes(info.size)}`), info.size);
        return;
      }
    }
    if (info.isFile() && (extension === '.jsonl' || extension === '.ndjson')) {
      yield* readJsonlLines(handle, path, basename(path, extname(path)), maxBytes);
      return;
    }
    const bytes = await readCapped(handle, maxBytes);
    if (bytes === null) {
      yield failed(path, overLimit(origin, 'is', maxBytes), maxBytes);
      return;
    }
    yield { path, bytes: bytes.length, items: parseBytes(bytes, origin, path) };
  } catch (cause) {
    if (cause instanceof IngestError) yield failed(path, cause);
    else yield failed(path, new IngestError('unreadable', origin, `cannot be read (${(cause as Error).message})`, { cause }));
  } finally {
    await handle?.close();
  }
}

/** All of a file's bytes, or null once they pass `maxBytes`. */
async function readCapped(handle: FileHandle, maxBytes: number): Promise<Buffer | null> {
  const parts: Buffer[] = [];
  let total = 0;
  for (;;) {
    const buffer = Buffer.allocUnsafe(READ_CHUNK);
    const { bytesRead } = await handle.read(buffer, 0, READ_CHUNK, null);
    if (bytesRead === 0) break;
    total += bytesRead;
    if (total > maxBytes) return null;
    parts.push(bytesRead === READ_CHUNK ? buffer : buffer.subarray(0, bytesRead));
  }
  return Buffer.concat(parts, total);
}

/**
 * A JSONL file a batch of lines at a time, so memory holds the longest line, not the file. A line is decoded on
 * its own (JSON text is UTF-8), so one bad line is refused with its number and the rest go on. A file that starts
 * with a UTF-16 byte-order mark cannot be split on bytes: it is read whole, as before.
 */
async function* readJsonlLines(handle: FileHandle, path: string, stem: string, maxBytes: number): AsyncGenerator<InputResult> {
  const lineLimit = MAX_REPORT_CHARS * 4;
  let items: ParsedItem[] = [];
  let bytes = 0;
  let totalBytes = 0;
  let lineNumber = 0;
  let reports = 0;
  let carry: Buffer[] = [];
  let carried = 0;
  /** The current line grew past any report's length: the rest of it is passed over, and it is refused. */
  let overlong = false;

  const take = (line: Buffer) => {
    lineNumber++;
    const origin: Origin = { path, line: lineNumber };
    if (overlong) {
      overlong = false;
      items.push(reportTooLong(origin, `is a line of over ${formatBytes(lineLimit)}`));
      return;
    }
    try {
      const text = decodeText(line, origin).trim();
      if (!text) return;
      reports++;
      items.push(parseJsonlLine(text, origin, `${stem}:${lineNumber}`));
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
      items.push(error);
    }
  };

  for (;;) {
    const buffer = Buffer.allocUnsafe(READ_CHUNK);
    const { bytesRead } = await handle.read(buffer, 0, READ_CHUNK, null);
    if (bytesRead === 0) break;
    const chunk = buffer.subarray(0, bytesRead);
    if (totalBytes === 0 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))) {
      const rest = await readCapped(handle, maxBytes - bytesRead);
      const whole = rest === null ? null : Buffer.concat([chunk, rest]);
      if (whole === null) yield failed(path, overLimit({ path }, 'is', maxBytes), maxBytes);
      else yield { path, bytes: whole.length, items: parseBytes(whole, { path }, path) };
      return;
    }
    bytes += bytesRead;
    totalBytes += bytesRead;
    let start = 0;
    for (let newline = chunk.indexOf(10); newline !== -1; newline = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, newline);
      take(carry.length > 0 ? Buffer.concat([...carry, piece]) : piece);
      carry = [];
      carried = 0;
      start = newline + 1;
    }
    if (start < bytesRead && !overlong) {
      carry.push(Buffer.from(chunk.subarray(start)));
      carried += bytesRead - start;
      if (carried > lineLimit) {
        overlong = true;
        carry = [];
        carried = 0;
      }
    }
    if (items.length >= JSONL_LINES_PER_RESULT) {
      yield { path, bytes, items };
      items = [];
      bytes = 0;
    }
  }
  if (carry.length > 0 || overlong) take(Buffer.concat(carry));
  if (reports === 0 && items.length === 0)
    items.push(new IngestError('empty', { path }, totalBytes === 0 ? 'is empty' : 'has only blank space'));
  yield { path, bytes, items };
}

async function readStdin(stream: NodeJS.ReadableStream, maxBytes: number): Promise<InputResult> {
  const parts: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += buffer.length;
    if (total > maxBytes) return failed('-', overLimit({ path: '-' }, 'standard input is', maxBytes), total);
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

function overLimit(origin: Origin, what: string, maxBytes: number): IngestError {
  return new IngestError('too-large', origin, `${what} over the ${formatBytes(maxBytes)} limit (raise it with --max-bytes)`);
}

function reportTooLong(origin: Origin, what: string): IngestError {
  return new IngestError(
    'too-large',
    origin,
    `${what}, over the ${MAX_REPORT_CHARS.toLocaleString('en')}-character limit for one report: split it into reports`,
  );
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
      else for await (const file of walk(path)) if (typeof file === 'string') files.push({ path: file, bytes: (await stat(file)).size });
    } catch {
      // Missing inputs are reported by the ingest itself.
    }
  }
  return files;
}
