/** @module Mentions: what the understanding stage finds in one document, each with its span and rule. */
import type { DateInterval, DatePrecision } from './interval.ts';
import type { Span } from './span.ts';

/** How a count is qualified in the text. */
export type Qualifier = 'exact' | 'at-least' | 'more-than' | 'about' | 'at-most' | 'less-than' | 'range';

/** A count as a closed range with its qualifier: "at least 14" is `{low: 14, high: null, qualifier: 'at-least'}`. */
export interface QuantityValue {
  readonly low: number;
  /** Upper bound; null when open-ended ("at least", "more than", "dozens"). */
  readonly high: number | null;
  readonly qualifier: Qualifier;
  /** The noun phrase it counts ("separate times", "American troops"), or null. */
  readonly noun: string | null;
  readonly nounSpan: Span | null;
}

export interface DateValue extends DateInterval {
  readonly precision: DatePrecision;
}

/** UCDP-like geographic precision: 1 exact place, 2 near a place, 3 second-level region, 4 first-level region, 5 country, 6 water body or wider region. */
export type GeoPrecision = 1 | 2 | 3 | 4 | 5 | 6;

export interface PlaceValue {
  readonly name: string;
  /** ISO 3166-1 alpha-2, or null for a region spanning countries (Middle East, Red Sea). */
  readonly country: string | null;
  readonly admin1: string | null;
  readonly lat: number;
  readonly lon: number;
  readonly precision: GeoPrecision;
  /** GeoNames id where the place came from GeoNames. */
  readonly geonameId: number | null;
  /** True when the name stands for a government speaking ("Washington says"): an actor, not a location. */
  readonly metonymic: boolean;
  /** The US county a town lies in, or a county itself, as "Name, State" after the Census ("Smith, Texas"). */
  readonly usCounty?: string;
}

export type ActorType =
  | 'state-forces'
  | 'government'
  | 'armed-group'
  | 'designated-terrorist-group'
  | 'political-party'
  | 'international-organisation'
  | 'think-tank'
  | 'media'
  | 'ngo'
  | 'police'
  | 'civilians'
  | 'individual'
  | 'unidentified-armed-group';

export interface ActorValue {
  /** Lexicon id (`hamas`, `us-forces`), or null for an unnamed group found by pattern. */
  readonly id: string | null;
  readonly name: string;
  readonly type: ActorType;
  readonly country: string | null;
}

export interface PersonValue {
  readonly name: string;
  readonly title: string | null;
  readonly affiliation: string | null;
  /** Lexicon id of the affiliation, where known. */
  readonly actorId: string | null;
}

export type AttributionKind = 'official' | 'statistics' | 'report' | 'media' | 'ngo' | 'expert' | 'witness' | 'unattributed';

export type AttributionStance = 'asserted' | 'denied' | 'reported-unconfirmed';

export interface AttributionValue {
  /** Who says so, as written ("a senior defense official", "the Gaza health ministry"). */
  readonly speaker: string;
  readonly speakerSpan: Span;
  readonly kind: AttributionKind;
  /** The verb or frame ("said", "according to", "denied"). */
  readonly cue: string;
  readonly stance: AttributionStance;
  /** The text the attribution covers (the reported clause), which claims inside it inherit. */
  readonly scope: Span;
}

export interface QuoteValue {
  readonly speaker: string | null;
  readonly speakerSpan: Span | null;
  readonly affiliation: string | null;
  /** The quoted words without the quote marks. */
  readonly quote: string;
}

export interface SentenceValue {
  readonly index: number;
}

export interface MoneyValue {
  readonly amount: number;
  readonly currency: string;
}

export interface PercentValue {
  readonly percent: number;
}

/** The value each kind of mention carries. */
export interface MentionValues {
  sentence: SentenceValue;
  date: DateValue;
  quantity: QuantityValue;
  money: MoneyValue;
  percent: PercentValue;
  place: PlaceValue;
  actor: ActorValue;
  person: PersonValue;
  attribution: AttributionValue;
  quote: QuoteValue;
}

export type MentionKind = keyof MentionValues;

/** One thing found in a document: its kind, where, the normalised value, and the rule that found it. */
export interface MentionOf<K extends MentionKind> {
  readonly kind: K;
  readonly span: Span;
  /** `text.slice(span.start, span.end)`. */
  readonly text: string;
  readonly value: MentionValues[K];
  /** The rule that made it, e.g. `quantity/at-least-n`. */
  readonly rule: string;
  /** 0 to 1. */
  readonly confidence: number;
}

export type Mention = { [K in MentionKind]: MentionOf<K> }[MentionKind];
