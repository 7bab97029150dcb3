/**
 * @module Reported against counted: beside an official running count ("151 attacks since Oct. 17, the Pentagon
 * says"), how many incidents of that kind the store holds for the same countries and period, and the gap. No monitor
 * shows this today: it tells an analyst how much of the official picture the reporting they hold covers.
 */
import type { EventType } from '../model/event.ts';
import type { Fact } from '../model/fact.ts';
import type { Store } from '../store/store.ts';
import { claimUnit, valueAnchor } from '../resolve/facts/compare-claims.ts';

/** What the store counts against a reported figure. */
export interface CountedAgainst {
  /** The reported figure's number (its stated bound: "at least 151" is 151). */
  readonly reported: number;
  /** Incidents of `type` the store holds in `countries` from `start` to `end`. */
  readonly counted: number;
  /** `reported - counted`: how many the reporting held does not tell (negative when it holds more). */
  readonly gap: number;
  readonly type: EventType;
  readonly countries: readonly string[];
  readonly start: string;
  readonly end: string;
  /** How the scope was read, for the record. */
  readonly rule: string;
}

// The incidents a count of each category is compared with.
const COUNTED_TYPES: Partial<Record<Fact['category'], EventType>> = { attacks: 'ASSAULT', strikes: 'ASSAULT' };

/**
 * The incidents against a fact that counts happenings over a stated period in named countries ("14 attacks in Iraq
 * and 9 in Syria since October 17"); null for any other fact (a toll, a figure as of a report, a place without a country,
 * targets or facilities struck).
 */
export async function countedAgainst(store: Store, fact: Fact): Promise<CountedAgainst | null> {
  const type = COUNTED_TYPES[fact.category];
  // Strikes counted as targets or facilities hit ("85 targets") are not a count of strikes to set incidents against.
  if (fact.category === 'strikes' && claimUnit(fact.category, fact.noun) !== 'strikes:strikes') return null;
  const period = fact.period;
  const countries = fact.place?.countries ?? [];
  if (type === undefined || period === null || period.basis !== 'text' || countries.length === 0) return null;
  let counted = 0;
  for (const country of countries) counted += await store.events.countIncidents({ type, country, since: period.start, until: period.end });
  const reported = valueAnchor(fact.value);
  return {
    reported,
    counted,
    gap: reported - counted,
    type,
    countries,
    start: period.start,
    end: period.end,
    rule: 'counted/incidents-of-type-in-countries-and-period',
  };
}

/** One line for people: "sitrep holds 9 assault incidents in IQ, SY from 2023-10-17 to 2023-10-30: 14 fewer than reported". */
export function describeCounted(counted: CountedAgainst): string {
  const where = counted.countries.join(', ');
  const gap =
    counted.gap > 0 ? `${counted.gap} fewer than reported` : counted.gap < 0 ? `${-counted.gap} more than reported` : 'as many as reported';
  return `sitrep holds ${counted.counted} ${counted.type.toLowerCase()} incident${counted.counted === 1 ? '' : 's'} in ${where} from ${counted.start} to ${counted.end}: ${gap}`;
}
