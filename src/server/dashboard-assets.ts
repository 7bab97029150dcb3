/**
 * @module The dashboard's files, served by the API server: our own HTML, CSS and JavaScript modules (no build
 * step), the map's libraries (d3-geo, topojson-client) and world-atlas country shapes from node_modules, so the
 * page works with no internet. Everything is read once at start and served from memory.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { DASHBOARD_DIR } from '../package-files.ts';

/** One file the server answers with. */
export interface Asset {
  readonly body: Uint8Array<ArrayBuffer>;
  readonly type: string;
  /** True for third-party files that never change while the server runs. */
  readonly immutable: boolean;
}

/** The dashboard's own files. */
export { DASHBOARD_DIR };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** Every asset by URL path, and the Content-Security-Policy the page is served with. */
export interface DashboardAssets {
  readonly files: ReadonlyMap<string, Asset>;
  readonly contentSecurityPolicy: string;
}

/**
 * Where the browser finds each library the dashboard's modules and the libraries themselves import by bare name.
 * Bare names are rewritten to these paths as the files are loaded, so the page needs no import map: an import map
 * is an inline script, and the page's policy allows none.
 */
const VENDOR_MODULES: Readonly<Record<string, string>> = {
  'd3-geo': '/vendor/d3-geo.mjs',
  'd3-array': '/vendor/d3-array.mjs',
  'topojson-client': '/vendor/topojson-client/index.js',
};

/** Loads the assets. The page runs only scripts from this server: no inline script at all, so even a slip that put report text into HTML could not run it. */
export function loadDashboardAssets(): DashboardAssets {
  const files = new Map<string, Asset>();
  const add = (url: string, path: string, immutable: boolean) =>
    files.set(url, { body: linkModules(path), type: TYPES[extname(path)] ?? 'application/octet-stream', immutable });

  for (const name of readdirSync(DASHBOARD_DIR)) {
    if (name === 'index.html' || !TYPES[extname(name)]) continue;
    add(`/assets/${name}`, join(DASHBOARD_DIR, name), false);
  }
  add('/', join(DASHBOARD_DIR, 'index.html'), false);

  const require = createRequire(import.meta.url);
  add('/vendor/d3-geo.mjs', require.resolve('d3-geo'), true);
  // d3-array's ES module bundles its one dependency (internmap).
  add('/vendor/d3-array.mjs', require.resolve('d3-array'), true);
  const topojson = join(dirname(require.resolve('topojson-client')), '../src');
  for (const name of readdirSync(topojson)) if (name.endsWith('.js')) add(`/vendor/topojson-client/${name}`, join(topojson, name), true);
  add('/atlas/countries-50m.json', require.resolve('world-atlas/countries-50m.json'), true);

  const html = new TextDecoder().decode(files.get('/')?.body);
  if (/<script(?![^>]*\ssrc=)[^>]*>/i.test(html))
    throw new Error(`${join(DASHBOARD_DIR, 'index.html')} has an inline script; the page's policy runs none: load it from a file`);
  const contentSecurityPolicy = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return { files, contentSecurityPolicy };
}

/** A file's bytes, with bare-name imports of JavaScript modules pointed at the paths this server serves them at. */
function linkModules(path: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(readFileSync(path));
  if (!/\.m?js$/.test(path)) return bytes;
  const source = new TextDecoder().decode(bytes);
  // Import and export statements only: each starts a line, in our files and in the libraries' ES modules alike.
  const statement = /^(\s*(?:import|export)\b[^'";]*?(?:\bfrom\s*|\bimport\s*))(["'])([^"'./\s][^"'\s]*)\2/gm;
  const linked = source.replace(statement, (_whole, lead: string, quote: string, name: string) => {
    const url = VENDOR_MODULES[name];
    if (url === undefined) throw new Error(`${path} imports "${name}", which the dashboard does not serve; add it to VENDOR_MODULES`);
    return `${lead}${quote}${url}${quote}`;
  });
  return linked === source ? bytes : new Uint8Array(new TextEncoder().encode(linked));
}
