/** @module `sitrep sources check`: each source fetched once, politely, saying what it would read or why it cannot. */
import type { RawReport } from '../ingest/raw-report.ts';
import { pollSource } from './poll-source.ts';
import { PoliteFetcher, type PoliteFetcherOptions } from './polite-fetcher.ts';
import type { SourcesConfig, WatchSource } from './sources-file.ts';

/** What checking one source found. */
export interface SourceCheck {
  readonly source: string;
  readonly ok: boolean;
  /** One line: how many reports it would read, or why it cannot be read. */
  readonly summary: string;
  /** The first few reports' headlines, and what could not be read. */
  readonly items: readonly string[];
}

/** Shown per source. */
const SHOWN = 5;

/** Checks sources one after another (one fetcher, so each host is asked politely); nothing is stored. */
export async function* checkSources(
  config: SourcesConfig,
  sources: readonly WatchSource[],
  options: Omit<PoliteFetcherOptions, 'contact' | 'hostSpacingMs'> = {},
): AsyncGenerator<SourceCheck> {
  const fetcher = new PoliteFetcher({ ...options, contact: config.contact, hostSpacingMs: config.hostSpacingMs });
  for (const source of sources) {
    const outcome = await pollSource(source, fetcher, {
      etag: null,
      lastModified: null,
      seen: async () => new Map(),
      maxArticles: SHOWN,
      settleMs: 0,
    });
    if (outcome.kind === 'failed') {
      yield { source: source.id, ok: false, summary: outcome.reason, items: [] };
      continue;
    }
    const reports = outcome.units.flatMap((u) => u.items).filter((i): i is RawReport => !(i instanceof Error));
    const failures = outcome.units.flatMap((u) => u.items).filter((i): i is Error => i instanceof Error);
    const noun = source.kind === 'feed' ? 'item' : source.kind === 'page' ? 'article link' : 'file';
    const what = `${noun}${outcome.listed === 1 ? '' : 's'}`;
    const summary =
      source.kind === 'page'
        ? `${outcome.listed} ${what}; read ${reports.length} of the first ${outcome.units.length + outcome.problems.length} as a sample`
        : `${outcome.listed} ${what}, ${reports.length} report${reports.length === 1 ? '' : 's'}`;
    yield {
      source: source.id,
      ok: reports.length > 0 || (outcome.listed === 0 && failures.length === 0 && outcome.problems.length === 0),
      summary,
      items: [
        ...reports
          .slice(0, SHOWN)
          .map((r) => `${r.published ?? 'undated'}  ${r.title ?? r.text.slice(0, 80)}${r.url ? `  <${r.url}>` : ''}`),
        ...failures.slice(0, SHOWN).map((e) => `cannot read: ${e.message}`),
        ...outcome.problems.slice(0, SHOWN).map((p) => `cannot read: ${p}`),
      ],
    };
  }
}
