/** @module Counting what a report names most: the key with the largest count, the first counted among equals. */

/** The key of `counts` with the largest positive count, the first inserted among equals; undefined when none counts. */
export function mostCounted<K>(counts: ReadonlyMap<K, number>): K | undefined {
  let best: K | undefined;
  let most = 0;
  for (const [key, count] of counts) {
    if (count > most) {
      best = key;
      most = count;
    }
  }
  return best;
}
