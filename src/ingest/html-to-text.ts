/** @module Plain text from an HTML fragment or page: paragraphs kept apart, scripts and styles dropped, nothing run. */
import { parseHTML } from 'linkedom';
import type { Origin } from '../model/document.ts';
import { assertShallow } from './measure-nesting.ts';

/** Elements whose content never reaches the text. */
const DROPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'CANVAS', 'HEAD']);
/** Elements that end a paragraph. */
const BLOCKS = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'NAV',
  'MAIN',
  'BLOCKQUOTE',
  'FIGURE',
  'FIGCAPTION',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'UL',
  'OL',
  'LI',
  'TABLE',
  'TR',
  'PRE',
  'HR',
  'DL',
  'DT',
  'DD',
  'ADDRESS',
  'BODY',
]);

interface MinimalNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly firstChild: MinimalNode | null;
  readonly nextSibling: MinimalNode | null;
}

/**
 * Converts HTML to text with blank lines between blocks and single line breaks for `<br>`; throws a `too-deep`
 * IngestError naming `origin` for markup nested too deep to parse.
 */
export function htmlToText(html: string, origin: Origin): string {
  assertShallow(html, origin);
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return nodeToText(document.body as unknown as MinimalNode);
}

/** Text of a parsed DOM node (used on Readability's article content). */
export function nodeToText(root: MinimalNode): string {
  const parts: string[] = [];
  walk(root, parts);
  return parts
    .join('')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function walk(node: MinimalNode, parts: string[]): void {
  if (node.nodeType === 3) {
    parts.push((node.textContent ?? '').replace(/\s+/g, ' '));
    return;
  }
  if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
  const name = node.nodeName.toUpperCase();
  if (DROPPED.has(name)) return;
  if (name === 'BR') {
    parts.push('\n');
    return;
  }
  const isBlock = BLOCKS.has(name);
  if (isBlock) parts.push('\n\n');
  // Sibling links, not `childNodes[i]`: linkedom builds the child list anew on each access, which made a page of
  // 10,000 elements take 18 s.
  for (let child = node.firstChild; child; child = child.nextSibling) walk(child, parts);
  if (isBlock) parts.push('\n\n');
}
