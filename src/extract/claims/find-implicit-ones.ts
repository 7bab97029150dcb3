/**
 * @module Figures counted by an implicit one: "a contractor died" is one killed, "a soldier was wounded" one injured.
 * Only a person counted by "a", "an" or "one" with a casualty verb right after it qualifies.
 */
import type { ClaimCategory } from '../../model/claim.ts';
import type { Span } from '../../model/span.ts';

/** A person counted as one, with the category its verb gives. */
export interface ImplicitOne {
  readonly category: ClaimCategory;
  /** The counted person phrase ("A U.S. citizen contractor"). */
  readonly span: Span;
  /** The noun without the article ("U.S. citizen contractor"). */
  readonly noun: string;
}

const PERSON =
  'contractor|soldier|service ?member|servicemember|marine|sailor|airman|civilian|man|woman|child|boy|girl|person|officer|policeman|' +
  'journalist|reporter|worker|guard|resident|citizen|national|tourist|pilot|diplomat|commander|fighter|militant|volunteer|doctor|nurse|teacher|student';
const VERBS: ReadonlyArray<readonly [string, ClaimCategory]> = [
  ['died|(?:was|has been|had been) (?:killed|shot dead|slain)', 'killed'],
  ['(?:was|has been|had been) (?:wounded|injured|hurt)|suffered (?:\\w+ )?(?:injuries|wounds)', 'injured'],
  ['(?:was|has been|had been) (?:kidnapped|abducted|taken hostage)', 'kidnapped'],
  ['(?:was|has been|had been) (?:arrested|detained)', 'arrested'],
  ['(?:was|has been|had been) captured', 'captured'],
  ['(?:went|is|was|remains) missing', 'missing'],
];
const PATTERN = new RegExp(
  String.raw`(?<![\w-])(?:an?|one)\s+((?:[A-Za-z][\w.'’]*\s+){0,3}?(?:${PERSON}))\s+(?:who\s+)?(${VERBS.map(([v]) => `(?:${v})`).join('|')})\b`,
  'gid',
);

/** Every implicit one in `[from, to)` of `text`. */
export function findImplicitOnes(text: string, from: number, to: number): ImplicitOne[] {
  const found: ImplicitOne[] = [];
  const slice = text.slice(from, to);
  PATTERN.lastIndex = 0;
  for (let match = PATTERN.exec(slice); match !== null; match = PATTERN.exec(slice)) {
    const noun = match[1] as string;
    const verb = match[2] as string;
    // "one-way attack drones" and "one of the ..." are not people counted.
    if (/^one\b/i.test(match[0]) && /^one[-\s]+(?:way|of)\b/i.test(match[0])) continue;
    const category = VERBS.find(([v]) => new RegExp(`^(?:${v})$`, 'i').test(verb))?.[1];
    if (category === undefined) continue;
    const nounEnd = match.indices?.[1]?.[1] ?? match.index + match[0].length;
    found.push({ category, span: { start: from + match.index, end: from + nounEnd }, noun: noun.trim() });
  }
  return found;
}
