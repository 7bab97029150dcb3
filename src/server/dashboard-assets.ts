/**
 * @module The dashboard's files, served by the API server: our own HTML, CSS and JavaScript modules (no build
 * step), the map's libraries (d3-geo, topojson-client) and world-atlas country shapes from node_modules, so the
 * page works with no internet. Everything is read once at start and served from memory.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One file the server answers with. */
export interface Asset {
  readonly body: Uint8Array<ArrayBuffer>;
  readonly type: string;
  /** True for third-party files that never change while the server runs. */
  readonly immutable: boolean;
}

/** The dashboard's own files. */
export const DASHBOARD_DIR = join(dirname(fileURLToPath(import.meta.url)), 'dashboard');

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
 * Loads the assets. The page's only inline script is its import map (browsers take no other kind for it); the
 * policy allows exactly that script by hash and nothing inline besides, so even a slip that put report text into
 * HTML could not run it.
 */
export function loadDashboardAssets(): DashboardAssets {
  const files = new Map<string, Asset>();
  const add = (url: string, path: string, immutable: boolean) =>
    files.set(url, { body: new Uint8Array(readFileSync(path)), type: TYPES[extname(path)] ?? 'application/octet-stream', immutable });

  for (const name of readdirSync(DASHBOARD_DIR)) {
    if (name === 'index.html' || !TYPES[extname(name)]) continue;
    add(`/assets/${name}`, join(DASHBOARD_DIR, name), false);
  }
  add('/', join(DASHBOARD_DIR, 'index.html'), false);

  const require = createRequire(import.meta.url);
  add('/vendor/d3-geo.mjs', require.resolve('d3-geo'), true);
  add('/vendor/d3-array.mjs', require.resolve('d3-array'), true);
  // d3-array's one dependency; its package entry is already an ES module.
  add('/vendor/internmap/index.js', require.resolve('internmap'), true);
  const topojson = join(dirname(require.resolve('topojson-client')), '../src');
  for (const name of readdirSync(topojson)) if (name.endsWith('.js')) add(`/vendor/topojson-client/${name}`, join(topojson, name), true);
  add('/atlas/countries-50m.json', require.resolve('world-atlas/countries-50m.json'), true);

  const html = new TextDecoder().decode(files.get('/')?.body);
  const importMap = /<script type="importmap">([\s\S]*?)<\/script>/.exec(html)?.[1];
  if (importMap === undefined) throw new Error(`${join(DASHBOARD_DIR, 'index.html')} has no import map; the dashboard's modules need one`);
  const hash = createHash('sha256').update(importMap).digest('base64');
  const contentSecurityPolicy = [
    "default-src 'none'",
    `script-src 'self' 'sha256-${hash}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return { files, contentSecurityPolicy };
}
