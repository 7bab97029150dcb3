/** @module HTML pages: the article's main text and metadata, by Mozilla Readability over linkedom; nothing runs. */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Origin } from '../model/document.ts';
import { nodeToText } from './html-to-text.ts';
import { assertShallow, countElements, MAX_READABLE_ELEMENTS } from './measure-nesting.ts';
import type { RawReport } from './raw-report.ts';

type LinkedDocument = ReturnType<typeof parseHTML>['document'];

/** Reads an HTML page: Readability picks the article; the page's own metadata fills what it misses. */
export function parseHtml(html: string, origin: Origin, externalId: string): RawReport {
  assertShallow(html, origin);
  const { document } = parseHTML(html);
  // Scripts and styles go before Readability sees the page, so no code or CSS can reach the text.
  for (const element of document.querySelectorAll('script, style, noscript, template, iframe')) element.remove();
  const meta = readMeta(document);
  // Readability's time over linkedom grows with the square of the element count (10,000 empty spans took over a
  // minute): a page past the bound is read whole instead, menus and all, in time that grows with its length.
  const readable = countElements(html, MAX_READABLE_ELEMENTS) <= MAX_READABLE_ELEMENTS;
  const article = readable ? new Readability(document.cloneNode(true) as unknown as Document, { charThreshold: 200 }).parse() : null;
  let text = '';
  if (article?.content) {
    const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
    text = nodeToText(content.body as never);
  }
  if (text.length < 200 && document.body) {
    const fallback = nodeToText(document.body as never);
    if (fallback.length > text.length) text = fallback;
  }
  return {
    origin,
    format: 'html',
    text,
    externalId,
    title: clean(article?.title) ?? meta.title,
    url: meta.url,
    source: clean(article?.siteName) ?? meta.siteName,
    byline: clean(article?.byline) ?? meta.byline,
    published: clean(article?.publishedTime) ?? meta.published,
  };
}

function readMeta(document: LinkedDocument) {
  const content = (selector: string): string | null => clean(document.querySelector(selector)?.getAttribute('content'));
  return {
    title: content('meta[property="og:title"]') ?? clean(document.querySelector('title')?.textContent),
    url: clean(document.querySelector('link[rel="canonical"]')?.getAttribute('href')) ?? content('meta[property="og:url"]'),
    siteName: content('meta[property="og:site_name"]') ?? content('meta[name="application-name"]'),
    byline: content('meta[name="author"]') ?? content('meta[property="article:author"]'),
    published:
      content('meta[property="article:published_time"]') ??
      content('meta[name="pubdate"]') ??
      content('meta[name="date"]') ??
      content('meta[name="dc.date"]') ??
      content('meta[itemprop="datePublished"]') ??
      clean(document.querySelector('time[datetime]')?.getAttribute('datetime')),
  };
}

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : null;
}
