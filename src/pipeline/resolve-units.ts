/**
 * @module Team mode's resolution: units whose documents are all analysed are resolved one at a time, in the order they
 * were queued, each in one transaction under the store's resolution lock. Each unit's claims and events go through
 * exactly the calls one `sitrep analyse` process makes for one batch, so the facts and incidents are the same whatever
 * the number of workers, their speed or the order they finish jobs in.
 */
import { resolveFacts } from '../resolve/facts/resolve-facts.ts';
import { resolveIncidents } from '../resolve/incidents/resolve-incidents.ts';
import type { TeamUnit } from '../store/postgres/team-writes.ts';
import type { Store, StoreTransaction } from '../store/store.ts';

/** What one `resolveUnits` call did, and where its time went (milliseconds). */
export interface UnitsResolved {
  /** Units this call resolved. */
  readonly units: number;
  /**
   * The transactions that resolved a unit, as one `sitrep analyse` process spends them on a batch: beginning, taking
   * the lock, saving events and resolving facts and incidents, committing.
   */
  readonly resolutionMs: number;
  /**
   * Team mode's share, which one process does not spend: looking for a ready unit (transactions that found none
   * included), reading back what was kept for it, and dropping that once it is resolved.
   */
  readonly bookkeepingMs: number;
}

/**
 * Resolves every unit that is ready, in order, unless another process holds the resolution lock (it then resolves
 * them).
 */
export async function resolveUnits(store: Store): Promise<UnitsResolved> {
  const started = performance.now();
  let units = 0;
  let resolutionMs = 0;
  for (;;) {
    const began = performance.now();
    let bookkeepingMs = 0;
    const outcome = await store.transaction(async (tx) => {
      if (!(await tx.tryLock('resolution'))) return 'busy';
      const looked = performance.now();
      const unit = await tx.team.nextUnit();
      bookkeepingMs += performance.now() - looked;
      if (!isReady(unit)) return 'waiting';
      bookkeepingMs += await resolveUnit(tx, unit.unit);
      return 'resolved';
    });
    if (outcome === 'busy') break;
    if (outcome === 'resolved') {
      units++;
      resolutionMs += performance.now() - began - bookkeepingMs;
    }
    // Read again now the lock is released: the next unit may be ready, or a worker that finished a unit while this one
    // held the lock found the lock taken and left the unit to this one (it would otherwise wait for a worker's tick).
    if (!isReady(await store.team.nextUnit())) break;
  }
  return { units, resolutionMs, bookkeepingMs: performance.now() - started - resolutionMs };
}

function isReady(unit: TeamUnit | null): unit is TeamUnit {
  return unit !== null && unit.analysed === unit.documents;
}

/**
 * One unit, as `analyse` resolves one batch: facts from its claims, then incidents from its events. Resolves to the
 * milliseconds spent reading back what was kept for it and dropping that (the rest is resolution proper).
 */
async function resolveUnit(tx: StoreTransaction, unit: number): Promise<number> {
  const readBack = performance.now();
  const staged = await tx.team.staged(unit);
  const readMs = performance.now() - readBack;
  const documentIds = staged.map((s) => s.documentId);
  await resolveFacts(
    tx.claims,
    documentIds,
    staged.flatMap((s) => s.claims),
  );
  const dirty = await tx.events.save(staged.map((s) => ({ documentId: s.documentId, events: s.events })));
  await resolveIncidents(tx.events, await tx.events.memberEvents(documentIds), dirty);
  const dropped = performance.now();
  await tx.team.finishUnit(unit);
  return readMs + performance.now() - dropped;
}
