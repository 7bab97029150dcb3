/**
 * @module Team mode's resolution: units whose documents are all analysed are resolved one at a time, in the order they
 * were queued, each in one transaction under the store's resolution lock. Each unit's claims and events go through
 * exactly the calls one `sitrep analyse` process makes for one batch, so the facts and incidents are the same whatever
 * the number of workers, their speed or the order they finish jobs in.
 */
import { resolveFacts } from '../resolve/facts/resolve-facts.ts';
import { resolveIncidents } from '../resolve/incidents/resolve-incidents.ts';
import type { Store, StoreTransaction } from '../store/store.ts';

/**
 * Resolves every unit that is ready, in order, unless another process holds the resolution lock (it then resolves
 * them). Resolves to the number of units this call resolved.
 */
export async function resolveUnits(store: Store): Promise<number> {
  let resolved = 0;
  for (;;) {
    const outcome = await store.transaction(async (tx) => {
      if (!(await tx.tryLock('resolution'))) return 'busy';
      const unit = await tx.team.nextUnit();
      if (unit === null || unit.analysed < unit.documents) return 'waiting';
      await resolveUnit(tx, unit.unit);
      return 'resolved';
    });
    if (outcome === 'busy') return resolved;
    if (outcome === 'resolved') {
      resolved++;
      continue;
    }
    // A worker that finished a unit while this one held the lock found the lock taken and left the unit to this one:
    // read again now the lock is released, or that unit would wait for the next job.
    const next = (await store.team.progress()).next;
    if (next === null || next.analysed < next.documents) return resolved;
  }
}

/** One unit, as `analyse` resolves one batch: facts from its claims, then incidents from its events. */
async function resolveUnit(tx: StoreTransaction, unit: number): Promise<void> {
  const staged = await tx.team.staged(unit);
  const documentIds = staged.map((s) => s.documentId);
  await resolveFacts(
    tx.claims,
    documentIds,
    staged.flatMap((s) => s.claims),
  );
  const dirty = await tx.events.save(staged.map((s) => ({ documentId: s.documentId, events: s.events })));
  await resolveIncidents(tx.events, await tx.events.memberEvents(documentIds), dirty);
  await tx.team.finishUnit(unit);
}
