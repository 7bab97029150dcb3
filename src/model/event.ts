/** @module Events: one happening as one document tells it (PLOVER type, modes, actors, place, date, casualties, modality). */
import type { DatePrecision } from './interval.ts';
import type { GeoPrecision } from './mention.ts';
import type { Span } from './span.ts';

/**
 * PLOVER event types sitrep reads, plus DEATH for a death no attack caused (an illness, an accident).
 * See `docs/events-and-incidents.md` for what each covers.
 */
/** Every event type, in the order the docs list them. */
export const EVENT_TYPES = [
  'ASSAULT',
  'MOBILIZE',
  'AID',
  'CONSULT',
  'THREATEN',
  'ACCUSE',
  'COERCE',
  'PROTEST',
  'RETREAT',
  'SANCTION',
  'AGREE',
  'REQUEST',
  'SUPPORT',
  'REJECT',
  'DEATH',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** How the text frames the happening. */
export const EVENT_MODALITIES = ['asserted', 'denied', 'reported-unconfirmed', 'hypothetical', 'future'] as const;
export type EventModality = (typeof EVENT_MODALITIES)[number];

/** An actor in a role: a lexicon actor (with its id), a named person, or a group named only by a noun phrase. */
export interface EventActor {
  readonly name: string;
  /** Lexicon id (`hamas`, `us-forces`), when the actor is in the actor lexicon. */
  readonly id?: string;
  /** ISO 3166-1 alpha-2 of the state the actor belongs to, where known: used to tell actors apart or alike. */
  readonly country?: string;
  /**
   * What the actor is, where the text says: `person` (one person, named or described: "a judge"), `group` (people
   * counted together: "six Jesuit priests", "peasants"), `object` (a building, vehicle or installation: "the U.S.
   * embassy", "two power towers"). Absent for lexicon actors and states.
   */
  readonly kind?: TargetKind;
  /** How many the text counts ("six Jesuit priests": 6, "a bus": 1), where it says. */
  readonly count?: number;
  /** True where the text describes the target ("a judge", "the embassy") rather than names it. */
  readonly described?: boolean;
}

/** What a target is: one person, people counted together, or a physical thing. */
export const TARGET_KINDS = ['person', 'group', 'object'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/** What a sentence says of who is responsible for an attack: who claims it, who is blamed, who denies. */
export const RESPONSIBILITY_KINDS = ['claim', 'blame', 'denial'] as const;
export type ResponsibilityKind = (typeof RESPONSIBILITY_KINDS)[number];

/**
 * One statement of responsibility for an event, as one sentence of the document makes it: "the Islamic Resistance in
 * Iraq claimed the attack" (a claim), "the Pentagon blamed Kata'ib Hezbollah" (a blame), "Hezbollah denied
 * involvement" (a denial). The sentence is often not the event's own: a claim follows the attack it refers back to.
 */
export interface Responsibility {
  /** Who claims it, who is blamed, or who is said not to have done it. */
  readonly actor: EventActor;
  /**
   * Who says so where it is another actor: the accuser of a blame ("the Pentagon"), the speaker of a denial made for
   * the actor ("a US spokesman rejected claims that US jets did it"). Null where the text names no one else
   * ("the attack was blamed on X", "Hezbollah denied involvement").
   */
  readonly by: EventActor | null;
  /** The sentence that says it, in the document field the event's `span` points into. */
  readonly span: Span;
  /** `text.slice(span.start, span.end)` of that field. */
  readonly text: string;
  /** The rule that read it: `responsibility/claimed-attack`, `responsibility/blamed-on`, `responsibility/denied-involvement`, ... */
  readonly rule: string;
}

/** Where an event happened: the target's location, never the speaker's capital. */
export interface EventPlace {
  readonly name: string;
  /** ISO 3166-1 alpha-2, or null for a region spanning countries. */
  readonly country: string | null;
  readonly admin1: string | null;
  readonly lat: number;
  readonly lon: number;
  /** UCDP-like: 1 exact place … 5 country, 6 wider region. */
  readonly precision: GeoPrecision;
  readonly geonameId: number | null;
  /** How it was chosen: a place in the event's sentences (`place-in-sentence/...`) or the report's main place (`place-from-document`). */
  readonly rule: string;
}

/** When an event happened: a closed interval of ISO days and how finely it is known. */
export interface EventDate {
  readonly start: string;
  readonly end: string;
  readonly precision: DatePrecision;
  /** The rule that chose it: a date mention in the event's sentence, or the document's publication date. */
  readonly rule: string;
}

/** A count of people as a closed range: `{low: 3, high: 3}`; `high` null when open ("more than 1,400"). */
export interface CasualtyRange {
  readonly low: number;
  readonly high: number | null;
}

/** One happening as one document tells it. */
export interface Event {
  /** Stable id: a hash of the document id, the type and the trigger's offset. */
  readonly id: string;
  readonly documentId: string;
  readonly type: EventType;
  /** How it was done (for ASSAULT: aerial, drone, rocket, missile, heavy-weapons, firearms, explosives, suicide, abduction, targeted-killing; for MOBILIZE: troops, weapons, ...). */
  readonly modes: readonly string[];
  /** The ACLED sub-event type this maps to ("Air/drone strike", "Attack", "Peaceful protest"), for ACLED users. */
  readonly subEventType: string;
  readonly initiator: readonly EventActor[];
  readonly target: readonly EventActor[];
  /**
   * Who claims the event ("X claimed responsibility for the bombing", "in a statement, X said its fighters carried out
   * the attack"). Where the text names no initiator, the first claimant is the initiator too, as ACLED codes it, and
   * the event's `rule` ends in `+initiator-from-claim`.
   */
  readonly claimedBy: readonly Responsibility[];
  /** Who is blamed for it, and by whom ("the Pentagon blamed Kata'ib Hezbollah"): an accusation, never an initiator. */
  readonly blamedOn: readonly Responsibility[];
  /**
   * Who is said not to have done it ("Hezbollah denied involvement", "rejected claims that U.S. jets carried it out"):
   * never an initiator of the event.
   */
  readonly deniedBy: readonly Responsibility[];
  readonly place: EventPlace | null;
  /**
   * Why `place` is null, where it is: `no-place-named` (the report names no place), `places-only-as-actors` (it names
   * countries only as whose forces or strikes, who spoke or did it: "US strikes", "Israeli jets"), `no-place-told` (its
   * places are not where this happened). Absent where the event has a place.
   */
  readonly placeReason?: 'no-place-named' | 'places-only-as-actors' | 'no-place-told';
  readonly date: EventDate | null;
  /** People killed in this event (suspects who died count too); null when the text gives no figure. */
  readonly killed: CasualtyRange | null;
  readonly injured: CasualtyRange | null;
  readonly modality: EventModality;
  /** 0 to 1: how central the event is to the report (position, how often it is told, figures). */
  readonly salience: number;
  /**
   * Set for an aggregate ("23 attacks between 17 and 30 October"): how many happenings it sums, where the text says.
   * Null for a single happening (UCDP's event clarity).
   */
  readonly aggregate: CasualtyRange | null;
  /**
   * The document field `span`, `text`, `triggers` and `evidence` point into: its body (`text`), or its `title` for a
   * happening only the headline tells (a page whose body is a sign-in form or a video player).
   */
  readonly field: 'text' | 'title';
  /** The sentence of the first trigger: the span users read as "why". */
  readonly span: Span;
  /** `text.slice(span.start, span.end)` of the document. */
  readonly text: string;
  /** The trigger words ("airstrike", "were shot") in the document. */
  readonly triggers: readonly Span[];
  /** Every sentence that told part of the event (the first is `span`). */
  readonly evidence: readonly Span[];
  /** The report's distinctive proper names ("jeremy mardis"), lowercase: other reports sharing them tell the same happening. */
  readonly names: readonly string[];
  /** The rule that made it: `event/` + the trigger entry, e.g. `event/assault-firearms`. */
  readonly rule: string;
  /** 0 to 1. */
  readonly confidence: number;
}
