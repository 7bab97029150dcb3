/**
 * @module What the API shows of where a report came from: the file's name, never the folders of the machine that
 * ingested it (`/home/analyst/leaks/…`), which may name people, clients or the layout of a private disk.
 */

/** The last part of a path, for either separator; `-` (standard input) stays `-`. */
export function fileName(path: string): string {
  const parts = path.split(/[\\/]+/).filter((part) => part !== '');
  return parts[parts.length - 1] ?? path;
}

/**
 * A copy of an answer with every `origin.path` cut to its file name, at any depth, so that no endpoint (now or
 * added later: documents, search hits, ledgers, events) can serve an absolute path by forgetting to.
 */
export function withPublicOrigins<T>(value: T): T {
  return cut(value) as T;
}

function cut(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cut);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (key === 'origin' && isOrigin(field)) out[key] = { ...field, path: fileName(field.path) };
    else out[key] = cut(field);
  }
  return out;
}

function isOrigin(value: unknown): value is { path: string } {
  return typeof value === 'object' && value !== null && typeof (value as { path?: unknown }).path === 'string';
}
