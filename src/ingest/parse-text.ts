/** @module Plain-text and Markdown reports: a header block of `Key: value` lines and a headline, when present, become metadata. */
import type { Origin } from '../model/document.ts';
import type { RawReport } from './raw-report.ts';

const HEADER_KEYS: Readonly<Record<string, 'title' | 'source' | 'published' | 'url' | 'byline'>> = {
  title: 'title',
  headline: 'title',
  source: 'source',
  outlet: 'source',
  publisher: 'source',
  date: 'published',
  published: 'published',
  'published at': 'published',
  url: 'url',
  link: 'url',
  by: 'byline',
  byline: 'byline',
  author: 'byline',
};

type Meta = { title: string | null; source: string | null; published: string | null; url: string | null; byline: string | null };

/** Reads a plain-text report. */
export function parseText(text: string, origin: Origin, externalId: string): RawReport {
  const { meta, body } = readHeaderBlock(text);
  return { origin, format: 'text', text: body, externalId, ...meta, title: meta.title ?? headline(body) };
}

/** Reads a Markdown report: YAML-like front matter as metadata, markup stripped, the first heading as title. */
export function parseMarkdown(markdown: string, origin: Origin, externalId: string): RawReport {
  let source = markdown;
  let meta: Meta = { title: null, source: null, published: null, url: null, byline: null };
  const front = /^---\n([\s\S]*?)\n---\n/.exec(source);
  if (front) {
    meta = readHeaderBlock(`${front[1]}\n\n`).meta;
    source = source.slice(front[0].length);
  } else {
    const header = readHeaderBlock(source);
    meta = header.meta;
    source = header.body;
  }
  const firstHeading = /^#{1,6}\s+(.+?)\s*#*\s*$/m.exec(source);
  const text = stripMarkdown(source);
  return {
    origin,
    format: 'markdown',
    text,
    externalId,
    ...meta,
    title: meta.title ?? (firstHeading?.[1] ? stripInline(firstHeading[1]) : headline(text)),
  };
}

/** Leading `Key: value` lines up to the first blank line, when every line of the block is one. */
function readHeaderBlock(text: string): { meta: Meta; body: string } {
  const meta: Meta = { title: null, source: null, published: null, url: null, byline: null };
  const end = text.indexOf('\n\n');
  if (end <= 0) return { meta, body: text };
  const lines = text.slice(0, end).split('\n');
  const fields: Array<[keyof Meta, string]> = [];
  for (const line of lines) {
    const match = /^\s*([A-Za-z][A-Za-z ]{0,20}?)\s*:\s*(.+?)\s*$/.exec(line);
    const key = match?.[1] ? HEADER_KEYS[match[1].toLowerCase()] : undefined;
    if (!match?.[2] || !key) return { meta, body: text };
    fields.push([key, match[2].replace(/^["']|["']$/g, '')]);
  }
  for (const [key, value] of fields) meta[key] = value;
  return { meta, body: text.slice(end + 2).trim() };
}

/** A first line that reads as a headline: short, not ending a sentence. */
function headline(text: string): string | null {
  const first = text.split('\n', 1)[0]?.trim() ?? '';
  if (first.length === 0 || first.length > 200 || /[.:;,]$/.test(first) || first.split(/\s+/).length < 3) return null;
  return first;
}

function stripMarkdown(markdown: string): string {
  return markdown
    .replace(/^```.*$/gm, '')
    .replace(/^#{1,6}\s+(.+?)\s*#*\s*$/gm, '$1')
    .replace(/^\s{0,3}>\s?/gm, '')
    .replace(/^\s*[-*+]\s+/gm, '- ')
    .replace(/^\s*([-*_])(\s*\1){2,}\s*$/gm, '')
    .split('\n')
    .map(stripInline)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function stripInline(line: string): string {
  return line
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|\W)[*_](\S(?:.*?\S)?)[*_](?=\W|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1');
}
