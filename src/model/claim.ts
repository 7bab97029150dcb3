/** @module Claims: one attributed figure in one document, with what it counts, where, when, who says so and how. */
import type { AttributionKind, GeoPrecision, Qualifier } from './mention.ts';
import type { Span } from './span.ts';

/**
 * What a claim counts. The vocabulary is documented in `docs/claims-and-facts.md`; `other` keeps the counted noun in
 * `Claim.noun` ("precision munitions").
 */
/** Every claim category, in the order `docs/claims-and-facts.md` lists them. */
export const CLAIM_CATEGORIES = [
  'attacks',
  'strikes',
  'killed',
  'injured',
  'casualties',
  'kidnapped',
  'hostages',
  'captured',
  'arrested',
  'missing',
  'displaced',
  'troops',
  'drones-launched',
  'drones-downed',
  'missiles-launched',
  'missiles-downed',
  'other',
] as const;
export type ClaimCategory = (typeof CLAIM_CATEGORIES)[number];

/**
 * How the text frames the figure: `asserted` (stated, or reported from a named speaker), `denied` (a speaker denies
 * it), `reported-unconfirmed` (hedged: "could not be independently confirmed"), `hypothetical` ("if", "could") or
 * `future` ("will deploy").
 */
export type ClaimModality = 'asserted' | 'denied' | 'reported-unconfirmed' | 'hypothetical' | 'future';

/** A figure as a closed range with its qualifier: "at least 14" is `{low: 14, high: null, qualifier: 'at-least'}`. */
export interface ClaimValue {
  readonly low: number;
  /** Upper bound; null when open-ended ("at least", "more than"). */
  readonly high: number | null;
  readonly qualifier: Qualifier;
}

/**
 * Where the figure is about (not where the speaker stands). A figure spread over several places ("in Iraq and Syria")
 * has one place named for all of them, with `country` null and every country in `countries`.
 */
export interface ClaimPlace {
  /** As sitrep names it: a gazetteer name, or the names joined ("Iraq and Syria"). */
  readonly name: string;
  /** ISO 3166-1 alpha-2, or null when the place spans countries (or is a region such as the Middle East). */
  readonly country: string | null;
  /**
   * The first-level region it lies in (shared by all its places), or null: tells a city inside a province from one
   * outside. Absent in places written before it was kept (read as null).
   */
  readonly admin1?: string | null;
  readonly lat: number;
  readonly lon: number;
  /** UCDP-like: 1 exact place … 5 country, 6 several countries or a wider region. */
  readonly precision: GeoPrecision;
  /** Every country the place covers, sorted; empty for a region without one (the Red Sea). */
  readonly countries: readonly string[];
  /**
   * `text`: a place the figure's own clause names; `lede`: no place in its sentence, so the places the report opens
   * with (a weaker reading, which resolution treats as such).
   */
  readonly basis: 'text' | 'lede';
  /**
   * For a lede place: every country the report names (sorted), which a figure without a place of its own may be
   * about. Absent on text places and on places written before it was kept.
   */
  readonly reportCountries?: readonly string[];
}

/** What time the figure covers: a closed interval of ISO days. */
export interface ClaimPeriod {
  readonly start: string;
  readonly end: string;
  /**
   * `text`: a date in the figure's sentence ("since October 17" runs to the publication date); `published`: none, so
   * the figure stands as of the publication date ("roughly 2,500 troops in Iraq").
   */
  readonly basis: 'text' | 'published';
}

/** Who says so, from the attribution whose scope holds the figure. */
export interface ClaimAttribution {
  /** The speaker as written ("a senior defense official", "the Gaza health ministry"). */
  readonly text: string;
  readonly kind: AttributionKind;
}

/** One quantitative statement in one document. */
export interface Claim {
  /** Stable id: a hash of the document id, the figure's span and the category. */
  readonly id: string;
  readonly documentId: string;
  readonly category: ClaimCategory;
  /** The counted noun as written ("separate times", "American troops"), or null when the text gives none. */
  readonly noun: string | null;
  readonly value: ClaimValue;
  readonly place: ClaimPlace | null;
  /** Null only when the document has no publication date and its sentence no date. */
  readonly period: ClaimPeriod | null;
  readonly attribution: ClaimAttribution | null;
  readonly modality: ClaimModality;
  /** The sentence (or clause) the figure is stated in. */
  readonly span: Span;
  /** `text.slice(span.start, span.end)`. */
  readonly text: string;
  /** Where the figure itself is written ("at least 14", "a contractor"). */
  readonly valueSpan: Span;
  /** The rule that made it, e.g. `claims/count-after-verb`; place, period and total rules follow after `+`. */
  readonly rule: string;
}
