/** @module Incidents: events from many documents about the same happening, fused, with every event and source kept. */

import type { EventActor, EventPlace, EventType } from './event.ts';
import type { DatePrecision } from './interval.ts';

/** A fused count: the range over every report and the one value chosen as best, with the rule that chose it. */
export interface FusedCount {
  readonly low: number;
  readonly best: number;
  /** Null when some report gives an open range ("more than 1,400") and none closes it. */
  readonly high: number | null;
  /** Why `best` is what it is: `fuse/single-report`, `fuse/most-reports`, `fuse/largest-tied` (a tie: the largest count) or `fuse/later-revision`. */
  readonly rule: string;
}

/** One actor's claim, blame or denial across an incident's events: who, who says so, and which events tell it. */
export interface IncidentResponsibility {
  readonly actor: EventActor;
  /** The accuser of a blame, or the speaker of a denial made for the actor; null where no event names one. */
  readonly by: EventActor | null;
  /** Ids of the events whose sentences say it (each event's `claimedBy`, `blamedOn` or `deniedBy` keeps the sentence). */
  readonly events: readonly string[];
}

/** The same happening told by one or more documents. */
export interface Incident {
  /** Stable id: the id of the first event that made it. */
  readonly id: string;
  readonly type: EventType;
  /** Every mode any event gave. */
  readonly modes: readonly string[];
  /** The narrowest interval the events agree on (their intersection when it is not empty, else their span). */
  readonly date: { readonly start: string; readonly end: string; readonly precision: DatePrecision } | null;
  /** The most precise place the events give (the most often given among equals). */
  readonly place: EventPlace | null;
  readonly initiator: readonly EventActor[];
  readonly target: readonly EventActor[];
  /** Every claim of its events, one entry per claimant. */
  readonly claimedBy: readonly IncidentResponsibility[];
  /** Every blame of its events, one entry per blamed actor and accuser. */
  readonly blamedOn: readonly IncidentResponsibility[];
  /** Every denial of its events, one entry per actor said not to have done it. */
  readonly deniedBy: readonly IncidentResponsibility[];
  readonly killed: FusedCount | null;
  readonly injured: FusedCount | null;
  /** Ids of the events joined here. */
  readonly events: readonly string[];
  /** Ids of the documents those events come from. */
  readonly documents: readonly string[];
  /** The outlets those documents come from (null sources left out). */
  readonly sources: readonly string[];
  /** Independent sources: distinct syndication groups (copies of one wire story count once). */
  readonly sourceCount: number;
  /** True for an aggregate of many happenings ("23 attacks"); aggregates join only aggregates. */
  readonly aggregate: boolean;
  /** Its reports' distinctive proper names, the most often given first (see `Event.names`). */
  readonly names: readonly string[];
  /** The blocking keys (`TYPE|country|week`) the incident is found by. */
  readonly blockKeys: readonly string[];
}
