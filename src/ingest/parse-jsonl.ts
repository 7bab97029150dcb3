/** @module JSONL batches: one report a line, `{id?, url?, title?, source?, published?, text | html}`; a bad line is reported with its number. */
import type { Origin } from '../model/document.ts';
import { htmlToText } from './html-to-text.ts';
import { IngestError } from './ingest-error.ts';
import type { ParsedItem } from './raw-report.ts';

const STRING_FIELDS = ['url', 'title', 'source', 'published', 'text', 'html', 'byline'] as const;

/** Reads every line; blank lines are passed over, a bad line becomes an error for that line only. */
export function parseJsonl(content: string, origin: Origin, fileStem: string): ParsedItem[] {
  const items: ParsedItem[] = [];
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]?.trim() ?? '';
    if (!line) continue;
    items.push(parseJsonlLine(line, { path: origin.path, line: i + 1 }, `${fileStem}:${i + 1}`));
  }
  return items;
}

/** Reads one line (without its line end) into a report, or the error that names what was wrong with it. */
export function parseJsonlLine(line: string, origin: Origin, fallbackId: string): ParsedItem {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (cause) {
    return new IngestError('bad-json', origin, `is not valid JSON (${(cause as Error).message})`, { cause });
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return new IngestError('bad-json', origin, `must be a JSON object, found ${Array.isArray(record) ? 'an array' : typeof record}`);
  }
  const fields = record as Record<string, unknown>;
  for (const field of STRING_FIELDS) {
    const value = fields[field];
    if (value !== undefined && value !== null && typeof value !== 'string') {
      return new IngestError('bad-field', origin, `must be a string, found ${typeof value}`, { field });
    }
  }
  const id = fields.id;
  if (id !== undefined && id !== null && typeof id !== 'string' && typeof id !== 'number') {
    return new IngestError('bad-field', origin, `must be a string or a number, found ${typeof id}`, { field: 'id' });
  }
  const str = (field: (typeof STRING_FIELDS)[number]): string | null => {
    const value = fields[field] as string | null | undefined;
    return value?.trim() ? value.trim() : null;
  };
  const published = str('published');
  if (published && Number.isNaN(Date.parse(published)) && !/^\d{4}-\d{2}-\d{2}/.test(published)) {
    return new IngestError('bad-field', origin, `"${published}" is not a date (use ISO 8601, e.g. 2023-10-30)`, { field: 'published' });
  }
  const html = str('html');
  let text: string | null;
  try {
    text = str('text') ?? (html ? htmlToText(html, origin) : null);
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
  if (!text) {
    const empty = fields.text !== undefined || fields.html !== undefined;
    return new IngestError(empty ? 'empty' : 'bad-field', origin, empty ? 'is empty' : 'is missing: give "text" or "html"', {
      field: 'text',
    });
  }
  return {
    origin,
    format: 'jsonl',
    text,
    externalId: id === undefined || id === null || id === '' ? fallbackId : String(id),
    title: str('title'),
    url: str('url'),
    source: str('source'),
    byline: str('byline'),
    published,
  };
}
