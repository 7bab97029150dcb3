/**
 * @module How deeply an HTML page's elements nest, measured by a linear scan before any parser sees it: the DOM
 * parser and Readability take time that grows with the square of the depth, and recurse, so a page nested
 * thousands deep must be refused up front rather than parsed.
 */

import type { Origin } from '../model/document.ts';
import { IngestError } from './ingest-error.ts';

/**
 * The deepest element nesting read: far beyond any real page (they stay under a hundred), short of where parsing
 * takes seconds.
 */
export const MAX_NESTING = 400;

/** Throws a `too-deep` error, naming the input, for markup nested deeper than `MAX_NESTING`. */
export function assertShallow(html: string, origin: Origin): void {
  if (measureNesting(html, MAX_NESTING) > MAX_NESTING)
    throw new IngestError('too-deep', origin, `nests its markup over ${MAX_NESTING} elements deep: refused, as no real page does`);
}

/** Elements that never hold others. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements a parser closes by itself when a sibling opens (`<p>a<p>b`, `<li>a<li>b`): they add no depth when left open. */
const SELF_CLOSING_SIBLINGS = new Set([
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'option',
  'optgroup',
  'thead',
  'tbody',
  'tfoot',
  'rp',
  'rt',
]);
/** Elements whose content is text, not markup. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript']);

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*?(\/?)>|<!--[\s\S]*?-->/g;

/** Elements counted in a page up to which Readability picks its article; past it, the page's whole text is read. */
export const MAX_READABLE_ELEMENTS = 10_000;

/** How many elements a page opens (void ones included), counting stopped at `limit`. */
export function countElements(html: string, limit: number): number {
  let count = 0;
  for (let at = html.indexOf('<'); at !== -1 && count <= limit; at = html.indexOf('<', at + 1)) {
    const next = html.charCodeAt(at + 1);
    // A letter opens an element; '/', '!' and '?' close one or start a comment or declaration.
    if ((next >= 65 && next <= 90) || (next >= 97 && next <= 122)) count++;
  }
  return count;
}

/**
 * The deepest nesting of elements in `html`, stopping as soon as it passes `limit` (so a hostile page costs one
 * pass at most). Unclosed elements a parser would close itself are not counted as nesting.
 */
export function measureNesting(html: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(html); match; match = TAG.exec(html)) {
    const name = match[2]?.toLowerCase();
    if (!name) continue;
    if (match[1]) {
      if (!SELF_CLOSING_SIBLINGS.has(name)) depth = Math.max(0, depth - 1);
      continue;
    }
    if (RAW_TEXT.has(name)) {
      const closing = new RegExp(`</${name}`, 'gi');
      closing.lastIndex = TAG.lastIndex;
      TAG.lastIndex = closing.exec(html)?.index ?? html.length;
      continue;
    }
    if (match[3] || VOID.has(name) || SELF_CLOSING_SIBLINGS.has(name)) continue;
    depth++;
    if (depth > deepest) {
      deepest = depth;
      if (deepest > limit) break;
    }
  }
  return deepest;
}
