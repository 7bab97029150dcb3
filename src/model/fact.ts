/** @module Facts: the same figure across documents, with its status and the ledger of every claim behind it. */
import type { ClaimAttribution, ClaimCategory, ClaimModality, ClaimPeriod, ClaimPlace, ClaimValue } from './claim.ts';
import type { Span } from './span.ts';

/**
 * - `corroborated`: two or more independent sources agree (near-copies in one syndication group, and documents of one
 *   outlet, count once; "at least 14" and "14" agree);
 * - `single-source`: one independent source says it;
 * - `conflicting`: independent sources give incompatible values for one scope; each side keeps its sources.
 */
export const FACT_STATUSES = ['corroborated', 'single-source', 'conflicting'] as const;
export type FactStatus = (typeof FACT_STATUSES)[number];

/** Claims of a fact that give one value, with who gives it. */
export interface FactSide {
  readonly value: ClaimValue;
  /** Claim ids. */
  readonly claims: readonly string[];
  /** Independent sources (outlet names; a document without one stands for itself by its external id). */
  readonly sources: readonly string[];
}

/** Claims about the same thing across reports: same category, compatible place, overlapping period. */
export interface Fact {
  /** Stable while the fact lives: a hash of the claim that founded it. */
  readonly id: string;
  readonly category: ClaimCategory;
  /** The counted noun most of its claims use, or null. */
  readonly noun: string | null;
  /** The value of the best-supported side (most independent sources, then the latest). */
  readonly value: ClaimValue;
  /** The most specific place its claims agree on. */
  readonly place: ClaimPlace | null;
  readonly period: ClaimPeriod | null;
  readonly status: FactStatus;
  /** Claim ids, oldest document first. */
  readonly claims: readonly string[];
  /** External ids of the documents its claims come from. */
  readonly documents: readonly string[];
  /** Independent sources, as in `FactSide.sources`. */
  readonly sources: readonly string[];
  /**
   * Who first said it, as its claims attribute it ("the Lebanese Health Ministry", "a senior US defense official"), in
   * first-said order: five outlets quoting one ministry are one primary source.
   */
  readonly primarySources: readonly string[];
  /** Sides by value: one for an agreeing fact, two or more for a conflicting one. */
  readonly sides: readonly FactSide[];
  /** Earlier facts of the same growing count that this one supersedes, latest first. */
  readonly updates: readonly string[];
  /** Later facts that supersede this one, earliest first. */
  readonly updatedBy: readonly string[];
}

/** One line of a fact's ledger: a claim with where it comes from and the sentence that states it. */
export interface LedgerEntry {
  readonly claimId: string;
  readonly documentId: string;
  readonly externalId: string;
  /** The outlet, or null when the document names none. */
  readonly source: string | null;
  readonly published: string | null;
  readonly attribution: ClaimAttribution | null;
  readonly value: ClaimValue;
  readonly modality: ClaimModality;
  readonly place: ClaimPlace | null;
  readonly period: ClaimPeriod | null;
  readonly span: Span;
  /** The sentence, as stored. */
  readonly text: string;
  readonly rule: string;
}
