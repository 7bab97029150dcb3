/**
 * @module The sentence behind each casualty figure an incident fuses: for every report's count of killed or
 * injured, the claim that states it (its sentence, its speaker and the fact it joined), or, where no claim
 * matches, the event's own sentence.
 */
import type { ClaimAttribution, ClaimCategory } from '../model/claim.ts';
import type { CasualtyRange, Event } from '../model/event.ts';
import type { Span } from '../model/span.ts';
import type { StoredClaim } from '../store/store.ts';

/** What a casualty figure counts. */
export type CasualtyKind = 'killed' | 'injured';

/** One report's casualty figure for an incident, with the sentence it was read from. */
export interface CasualtyEvidence {
  readonly what: CasualtyKind;
  readonly value: CasualtyRange;
  /** The sentence in the document's text (or its title, for a happening only the headline tells). */
  readonly field: Event['field'];
  readonly span: Span;
  readonly text: string;
  /** Who says so, when a claim in that sentence names a speaker. */
  readonly attribution: ClaimAttribution | null;
  /** The fact the matching claim joined: its ledger holds every report of that figure. Null when no claim matches. */
  readonly factId: string | null;
  /** `claim` when a claim states the figure; `event` when the event's own sentence is the best there is. */
  readonly basis: 'claim' | 'event';
}

/** Claim categories that can state each casualty count. */
const CATEGORIES: Readonly<Record<CasualtyKind, readonly ClaimCategory[]>> = {
  killed: ['killed', 'casualties'],
  injured: ['injured', 'casualties'],
};

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/**
 * The evidence for each casualty figure `event` gives. A claim matches when it is in the event's document, its
 * sentence is one of the event's evidence sentences, it counts that kind and its lowest value is the event's.
 */
export function casualtyEvidence(event: Event, documentClaims: readonly StoredClaim[]): CasualtyEvidence[] {
  const found: CasualtyEvidence[] = [];
  for (const what of ['killed', 'injured'] as const) {
    const value = event[what];
    if (!value) continue;
    const claim =
      event.field === 'text'
        ? documentClaims.find(
            (c) =>
              c.documentId === event.documentId &&
              CATEGORIES[what].includes(c.category) &&
              c.value.low === value.low &&
              event.evidence.some((sentence) => overlaps(sentence, c.span)),
          )
        : undefined;
    found.push(
      claim
        ? {
            what,
            value,
            field: 'text',
            span: claim.span,
            text: claim.text,
            attribution: claim.attribution,
            factId: claim.factId,
            basis: 'claim',
          }
        : { what, value, field: event.field, span: event.span, text: event.text, attribution: null, factId: null, basis: 'event' },
    );
  }
  return found;
}

/** What each fusing rule of `fuse-incident.ts` means, for people. */
export const FUSE_RULES: Readonly<Record<string, string>> = {
  'fuse/single-report': 'one report gives a figure: its figure',
  'fuse/most-reports': 'the figure most independent reports give (copies of one wire story count once)',
  'fuse/largest-tied': 'reports split evenly: the largest figure, as tolls grow and partial counts fall short',
};
