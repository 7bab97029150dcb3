/**
 * @module `sitrep watch`: polls each source on its interval and sends what is new through `ingest` and `analyse`,
 * the same path and transactions as `sitrep ingest`, one source's news at a time.
 *
 * Why a restart loses and repeats nothing: the items a poll read, and the source's new validators, are written in
 * the ingest's own transaction (`beforeCommit`), so either the reports and the record of reading them both land or
 * neither does; analysis takes whatever is stored and not yet analysed, so a crash between the two is made good by
 * the next start. A failing source backs off (exponentially, with jitter, never sooner than a Retry-After) and keeps
 * its state; the others go on.
 */
import { formatOrigin } from '../ingest/ingest-error.ts';
import { ingestReports } from '../ingest/ingest.ts';
import type { SeenItem, SourceState, Store } from '../store/store.ts';
import type { Lexicons } from '../understand/understand.ts';
import { type PollOutcome, pollSource, type PolledUnit } from './poll-source.ts';
import { PoliteFetcher } from './polite-fetcher.ts';
import type { SourcesConfig, WatchSource } from './sources-file.ts';

/** What one poll did, for logs, tests and the bench. */
export interface PollEvent {
  readonly source: string;
  readonly at: string;
  readonly outcome: 'new' | 'nothing-new' | 'not-modified' | 'failed';
  /** Units read (feed items, articles, files) and what ingest made of their reports. */
  readonly units: number;
  readonly stored: number;
  /** Document ids written (stored, near-copies, duplicates, skipped). */
  readonly documents: readonly string[];
  readonly problems: readonly string[];
  /** Why it failed, and when it is polled next. */
  readonly reason: string | null;
  readonly nextPollAt: string;
}

export interface WatchOptions {
  /** Shared across sources so each host is asked politely; made from the config when not given. */
  readonly fetcher?: PoliteFetcher;
  /** Lexicons for analysis, loaded once. */
  readonly lexicons?: Lexicons;
  /** Stops the watch: the poll in hand finishes its transaction, nothing new starts. */
  readonly signal?: AbortSignal;
  /** Called after every poll. */
  readonly onPoll?: (event: PollEvent) => void;
  /** Called after each batch of new reports is analysed, with their document ids (alerts run here). */
  readonly onAnalysed?: (documentIds: readonly string[]) => Promise<void>;
  /** Sources polled at once (default 4); the store is written by one at a time. */
  readonly concurrency?: number;
  /** Stop after this many polls in all (tests, the bench); default: until stopped. */
  readonly maxPolls?: number;
  /** Longest back-off after failures (default 6 hours). */
  readonly maxBackoffMs?: number;
  /** Unit of randomness for jitter, 0..1 (tests pass a fixed one). */
  readonly random?: () => number;
}

export interface WatchSummary {
  readonly polls: number;
  readonly stored: number;
  readonly failures: number;
}

/** Watches the sources until the signal aborts (or `maxPolls` is reached). */
export async function watchSources(store: Store, config: SourcesConfig, options: WatchOptions = {}): Promise<WatchSummary> {
  const fetcher = options.fetcher ?? new PoliteFetcher({ contact: config.contact, hostSpacingMs: config.hostSpacingMs });
  const random = options.random ?? Math.random;
  const states = await store.watch.sourceStates();
  const due = new Map<string, number>();
  const start = Date.now();
  for (const source of config.sources) {
    const next = states.get(source.id)?.nextPollAt;
    due.set(source.id, next ? Math.min(Date.parse(next), start + source.intervalMs) : start);
  }
  // Reports stored by a run that stopped before analysing them are analysed (and alerted on) first.
  const writer = new Mutex();
  await writer.run(() => analyseNew(store, [], options));

  let polls = 0;
  let stored = 0;
  let failures = 0;
  const running = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  const concurrency = options.concurrency ?? 4;
  const stopped = () => options.signal?.aborted === true || (options.maxPolls !== undefined && polls >= options.maxPolls);

  while (!stopped() && config.sources.length > 0) {
    const now = Date.now();
    const ready = config.sources
      .filter((s) => !running.has(s.id) && (due.get(s.id) ?? 0) <= now)
      .sort((a, b) => (due.get(a.id) ?? 0) - (due.get(b.id) ?? 0));
    for (const source of ready) {
      if (inFlight.size >= concurrency || stopped()) break;
      polls++;
      running.add(source.id);
      // A store that cannot be written is no one source's problem: the rejection ends the watch, saying why.
      const task = pollOnce(store, source, fetcher, writer, options, random).then((event) => {
        due.set(source.id, Date.parse(event.nextPollAt));
        stored += event.stored;
        if (event.outcome === 'failed') failures++;
        options.onPoll?.(event);
      });
      const tracked = task.finally(() => {
        running.delete(source.id);
        inFlight.delete(tracked);
      });
      inFlight.add(tracked);
    }
    if (stopped()) break;
    const waits = config.sources.filter((s) => !running.has(s.id)).map((s) => (due.get(s.id) ?? now) - Date.now());
    const nextDue = waits.length > 0 ? Math.max(0, Math.min(...waits)) : Number.POSITIVE_INFINITY;
    if (inFlight.size >= concurrency || nextDue > 0) {
      const nap = sleep(Math.min(nextDue, 60_000), options.signal);
      await Promise.race([...inFlight, nap.done]);
      nap.cancel();
    }
  }
  await Promise.all(inFlight);
  return { polls, stored, failures };
}

/** Polls one source, then ingests and analyses what it found, recording what was read in the ingest's transaction. */
async function pollOnce(
  store: Store,
  source: WatchSource,
  fetcher: PoliteFetcher,
  writer: Mutex,
  options: WatchOptions,
  random: () => number,
): Promise<PollEvent> {
  const previous = (await store.watch.sourceStates()).get(source.id) ?? emptyState(source.id);
  let outcome: PollOutcome;
  try {
    outcome = await pollSource(source, fetcher, {
      etag: previous.etag,
      lastModified: previous.lastModified,
      seen: async (keys) => new Map([...(await store.watch.seenItems(source.id, keys))].map(([key, item]) => [key, item.contentHash])),
    });
  } catch (error) {
    outcome = { kind: 'failed', reason: `could not be polled: ${(error as Error).message}`, retryAfterMs: null, permanent: false };
  }
  const at = new Date().toISOString();
  if (outcome.kind === 'failed') {
    const failuresInRow = previous.failures + 1;
    const wait = Math.max(
      backoff(source.intervalMs, failuresInRow, options.maxBackoffMs ?? 6 * 3_600_000, random),
      outcome.retryAfterMs ?? 0,
    );
    const nextPollAt = new Date(Date.now() + wait).toISOString();
    // The validators and the items read stay as they were: the next good poll goes on from them.
    const state: SourceState = {
      ...previous,
      failures: failuresInRow,
      polls: previous.polls + 1,
      nextPollAt,
      lastPolledAt: at,
      lastError: outcome.reason,
    };
    await writer.run(() => store.transaction((tx) => tx.watch.saveSourceState(state)));
    return {
      source: source.id,
      at,
      outcome: 'failed',
      units: 0,
      stored: 0,
      documents: [],
      problems: [],
      reason: outcome.reason,
      nextPollAt,
    };
  }
  const nextPollAt = new Date(Date.now() + source.intervalMs).toISOString();
  const state: SourceState = {
    ...previous,
    etag: outcome.etag,
    lastModified: outcome.lastModified,
    failures: 0,
    polls: previous.polls + 1,
    nextPollAt,
    lastPolledAt: at,
    lastOkAt: at,
    lastError: null,
  };
  const base = { source: source.id, at, problems: outcome.problems, reason: null, nextPollAt };
  if (outcome.units.length === 0) {
    await writer.run(() => store.transaction((tx) => tx.watch.saveSourceState(state)));
    return { ...base, outcome: outcome.notModified ? 'not-modified' : 'nothing-new', units: 0, stored: 0, documents: [] };
  }
  return writer.run(async () => {
    const documents: string[] = [];
    const summary = await ingestReports(
      store,
      outcome.units.flatMap((u) => u.items),
      {
        beforeCommit: async (tx, results) => {
          const byOrigin = new Map(results.map((r) => [formatOrigin(r.origin), r]));
          const seen: SeenItem[] = outcome.units.map((unit) => ({
            sourceId: source.id,
            itemKey: unit.key,
            contentHash: unit.contentHash,
            documentId: firstDocument(unit, byOrigin),
            seenAt: at,
          }));
          await tx.watch.markSeen(seen);
          await tx.watch.saveSourceState(state);
          for (const r of results) if (r.documentId && r.outcome !== 'unchanged') documents.push(r.documentId);
        },
      },
    );
    await analyseNew(store, documents, options);
    return {
      ...base,
      outcome: 'new',
      units: outcome.units.length,
      stored: summary.counts.stored + summary.counts['near-duplicate'],
      documents,
    };
  });
}

function firstDocument(unit: PolledUnit, byOrigin: ReadonlyMap<string, { documentId: string | null }>): string | null {
  for (const item of unit.items) {
    const origin = item instanceof Error ? null : item.origin;
    const id = origin ? byOrigin.get(formatOrigin(origin))?.documentId : null;
    if (id) return id;
  }
  return null;
}

/** Analyses what is stored and not analysed (this poll's reports, or a crashed run's), then lets alerts look. */
async function analyseNew(store: Store, documents: readonly string[], options: WatchOptions): Promise<void> {
  const { analyse } = await import('../pipeline/analyse.ts');
  const summary = await analyse(store, { workers: 0, ...(options.lexicons ? { lexicons: options.lexicons } : {}) });
  if (summary.documents > 0 || documents.length > 0) await options.onAnalysed?.(documents);
}

/**
 * Milliseconds before a failed source is polled again: its interval doubled per failure in a row, capped, with
 * "equal jitter" (half fixed, half random) so sources failing together do not all come back at once.
 */
export function backoff(intervalMs: number, failures: number, capMs: number, random: () => number): number {
  const full = Math.min(capMs, intervalMs * 2 ** Math.min(failures, 30));
  return Math.round(full / 2 + random() * (full / 2));
}

function emptyState(sourceId: string): SourceState {
  return {
    sourceId,
    etag: null,
    lastModified: null,
    failures: 0,
    polls: 0,
    nextPollAt: null,
    lastPolledAt: null,
    lastOkAt: null,
    lastError: null,
  };
}

/** One writer at a time: ingest and analysis of one source's news, then the next. */
class Mutex {
  #tail: Promise<unknown> = Promise.resolve();
  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(work);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}

/** A wait that ends after `ms`, on abort, or when cancelled (so no timer outlives the watch). */
function sleep(ms: number, signal: AbortSignal | undefined): { done: Promise<void>; cancel: () => void } {
  let cancel = () => {};
  const done = new Promise<void>((resolve) => {
    const timer = setTimeout(finish, ms);
    function finish() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', finish);
      resolve();
    }
    cancel = finish;
    if (signal?.aborted) finish();
    else signal?.addEventListener('abort', finish, { once: true });
  });
  return { done, cancel };
}
