/**
 * @module What the command line needs of the sources file before it reads one: the kinds of source, where the file
 * is, and the error a bad file gives. Apart from `sources-file.ts` so that registering the commands does not load the
 * YAML parser.
 */

/** What a source is: an RSS/Atom feed, an HTML listing page whose new article links are followed, or a drop folder. */
export const SOURCE_KINDS = ['feed', 'page', 'folder'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** A sources file that cannot be used: the message names the file, line, source and field. */
export class SourcesFileError extends Error {
  override readonly name = 'SourcesFileError';
  readonly file: string;
  readonly line: number | null;
  readonly source: string | null;
  readonly field: string | null;
  /** What was wrong, without where. */
  readonly reason: string;

  constructor(file: string, message: string, where: { line?: number | null; source?: string | null; field?: string | null } = {}) {
    const place = [
      `${file}${where.line ? `:${where.line}` : ''}`,
      where.source ? `source "${where.source}"` : null,
      where.field ? `field "${where.field}"` : null,
    ]
      .filter(Boolean)
      .join(': ');
    super(`${place}: ${message}`);
    this.reason = message;
    this.file = file;
    this.line = where.line ?? null;
    this.source = where.source ?? null;
    this.field = where.field ?? null;
  }
}

/** The sources file a command uses: `--sources`, else `SITREP_SOURCES`, else `./sitrep-sources.yaml`. */
export function sourcesFilePath(flag: string | undefined): string {
  return flag ?? (process.env.SITREP_SOURCES || './sitrep-sources.yaml');
}
