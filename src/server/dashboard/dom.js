/**
 * @module Building the page from data without ever parsing it as HTML: every string becomes a text node, every
 * attribute is set one by one, and links from reports are kept only when they are plain http(s).
 */

const SVG = 'http://www.w3.org/2000/svg';

/**
 * Creates an HTML element. `props` sets attributes (`class`, `href`, `data-*`, `aria-*`), `on*` functions become
 * listeners; children are nodes or strings (always text), nested arrays flattened, null and false skipped.
 */
export function el(tag, props = {}, ...children) {
  return build(document.createElement(tag), props, children);
}

/** Creates an SVG element the same way. */
export function svg(tag, props = {}, ...children) {
  return build(document.createElementNS(SVG, tag), props, children);
}

function build(node, props, children) {
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else if (child instanceof Node) node.append(child);
    else node.append(document.createTextNode(String(child)));
  }
}

/** Replaces everything inside `node` with `children`. */
export function replace(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** `url` when it is an absolute http(s) address; null otherwise (`javascript:`, `data:` and the like are never linked). */
export function safeUrl(url) {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A dashboard link: `route` is a hash route such as `#/documents/abc`, built with `href()`. */
export function link(route, ...children) {
  return el('a', { href: route }, ...children);
}

/** The parameters that set the day the picture is shown as of (`asOf`, `asOfBy`); they travel with every link. */
export const PICTURE_DATE_KEYS = ['asOf', 'asOfBy'];

/** The day the address shows the picture as of: `{asOf, asOfBy}` as set in the route's query, or `{}` for the present. */
export function pictureDate() {
  const query = new URLSearchParams(location.hash.split('?')[1] ?? '');
  const asOf = query.get('asOf');
  if (!asOf) return {};
  const by = query.get('asOfBy');
  return by ? { asOf, asOfBy: by } : { asOf };
}

/**
 * A hash route with encoded path parts and query: `href(['documents', id], {span: '3-9'})`. The picture's date in
 * the current address goes with the link unless `query` sets `asOf` itself (to '' to go back to the present), so a
 * user who picked a day stays on it from view to view.
 */
export function href(parts, query = {}) {
  const path = parts.map((p) => encodeURIComponent(String(p))).join('/');
  const params = new URLSearchParams();
  const carried = 'asOf' in query ? {} : pictureDate();
  for (const [name, value] of Object.entries({ ...query, ...carried }))
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  const search = params.toString();
  return `#/${path}${search ? `?${search}` : ''}`;
}

/** A number with thousands separators. */
export function formatCount(n) {
  return Number(n).toLocaleString('en-US');
}

/** A publication interval for people: one day, or `start – end`; `*` marks one inferred from the text. */
export function formatPublished(published) {
  if (!published) return 'undated';
  const days = published.start === published.end ? published.start : `${published.start} – ${published.end}`;
  return published.inferred ? `${days}*` : days;
}

/** A message box for a failed request, with the server's reason as text. */
export function errorBox(error) {
  return el('p', { class: 'error', role: 'alert' }, error instanceof Error ? error.message : String(error));
}
