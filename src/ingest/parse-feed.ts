/** @module RSS 2.0, RSS 1.0 and Atom feeds: one report per item; entity declarations are refused, never expanded. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Origin } from '../model/document.ts';
import { htmlToText } from './html-to-text.ts';
import { IngestError } from './ingest-error.ts';
import type { ParsedItem, RawReport } from './raw-report.ts';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Only the five XML entities and character references are decoded; declarations are refused before parsing.
  processEntities: true,
  htmlEntities: false,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

type Node = Record<string, unknown>;

/** True when a text looks like a feed rather than an HTML page. */
export function looksLikeFeed(text: string): boolean {
  return /<(rss|feed|rdf:RDF)[\s>]/.test(text.slice(0, 2000));
}

/**
 * Reads every item of a feed. A feed that cannot be read at all throws; an item without text is
 * returned as an error for that item, and the other items go on.
 */
export function parseFeed(xml: string, origin: Origin): ParsedItem[] {
  // Entity declarations are how billion-laughs and external-entity attacks start: no feed needs them.
  if (/<!ENTITY/i.test(xml))
    throw new IngestError('unsafe-xml', origin, 'declares XML entities (<!ENTITY>); refused to prevent entity expansion');
  if (/<!DOCTYPE[^>]*\bSYSTEM\b/i.test(xml)) throw new IngestError('unsafe-xml', origin, 'refers to an external DTD; refused');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new IngestError('bad-feed', { ...origin, line: valid.err.line }, `is not well-formed XML: ${valid.err.msg}`);
  }
  const root = parser.parse(xml) as Node;
  const rss = root.rss as Node | undefined;
  if (rss) {
    const channel = (rss.channel ?? {}) as Node;
    return asArray(channel.item).map((item, i) => readRssItem(item as Node, outletOf(textOf(channel.title)), { ...origin, item: i + 1 }));
  }
  const rdf = root['rdf:RDF'] as Node | undefined;
  if (rdf) {
    const channel = (rdf.channel ?? {}) as Node;
    return asArray(rdf.item).map((item, i) => readRssItem(item as Node, outletOf(textOf(channel.title)), { ...origin, item: i + 1 }));
  }
  const feed = root.feed as Node | undefined;
  if (feed)
    return asArray(feed.entry).map((entry, i) => readAtomEntry(entry as Node, outletOf(textOf(feed.title)), { ...origin, item: i + 1 }));
  throw new IngestError('bad-feed', origin, 'is XML but neither an RSS nor an Atom feed (no <rss>, <rdf:RDF> or <feed> root)');
}

function readRssItem(item: Node, feedTitle: string | null, origin: Origin): ParsedItem {
  const link = asArray(item.link).map(textOf).find(Boolean) ?? null;
  const guid = textOf(item.guid);
  const body = textOf(item['content:encoded']) ?? textOf(item.description);
  return report(origin, 'rss', {
    externalId: guid ?? link,
    title: textOf(item.title),
    url: link ?? (guid && /^https?:/.test(guid) ? guid : null),
    source: textOf(item.source) ?? feedTitle,
    byline: textOf(item['dc:creator']) ?? textOf(item.author),
    published: textOf(item.pubDate) ?? textOf(item['dc:date']),
    html: body,
  });
}

function readAtomEntry(entry: Node, feedTitle: string | null, origin: Origin): ParsedItem {
  const links = asArray(entry.link) as Node[];
  const alternate = links.find((l) => l['@rel'] === undefined || l['@rel'] === 'alternate') ?? links[0];
  const url = alternate ? textOf(alternate['@href']) : null;
  const content = (entry.content ?? entry.summary) as unknown;
  const type = typeof content === 'object' && content !== null ? (content as Node)['@type'] : undefined;
  const body = textOf(content);
  return report(origin, 'atom', {
    externalId: textOf(entry.id) ?? url,
    title: textOf(entry.title),
    url,
    source: feedTitle,
    byline: textOf((entry.author as Node | undefined)?.name),
    published: textOf(entry.published) ?? textOf(entry.updated),
    html: type === 'text' ? null : body,
    text: type === 'text' ? body : null,
  });
}

interface ItemFields {
  externalId: string | null;
  title: string | null;
  url: string | null;
  source: string | null;
  byline: string | null;
  published: string | null;
  html: string | null;
  text?: string | null;
}

function report(origin: Origin, format: 'rss' | 'atom', fields: ItemFields): ParsedItem {
  let text: string;
  try {
    text = fields.text ?? (fields.html ? htmlToText(fields.html, origin) : '');
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
  if (!fields.externalId)
    return new IngestError('bad-field', origin, 'has no guid, id or link to know it by', { field: format === 'rss' ? 'guid' : 'id' });
  if (!text.trim()) {
    return new IngestError('empty', origin, 'has no text (no content, description or summary)', {
      field: format === 'rss' ? 'description' : 'content',
    });
  }
  const report: RawReport = {
    origin,
    format,
    text,
    externalId: fields.externalId,
    title: fields.title,
    url: fields.url,
    source: fields.source,
    byline: fields.byline,
    published: fields.published,
  };
  return report;
}

/** A feed's title names its outlet, often with a section after it: "Levant Monitor: Iraq and Syria". */
function outletOf(feedTitle: string | null): string | null {
  return feedTitle?.split(/\s+[-–—|:]\s+|:\s+/)[0]?.trim() || null;
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** The text of a parsed node: a string, or an element's `#text`, or an Atom `xhtml` div flattened. */
function textOf(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === 'object') {
    const node = value as Node;
    if ('#text' in node) return textOf(node['#text']);
    if ('div' in node) return textOf(node.div);
  }
  return null;
}
