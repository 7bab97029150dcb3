/**
 * @module Who says a figure and how: the innermost attribution whose scope holds it ("according to the Gaza health
 * ministry" belongs to the figure before it), its stance, and the hypothetical or future words of its own clause.
 */
import type { ClaimAttribution, ClaimModality } from '../../model/claim.ts';
import type { MentionOf } from '../../model/mention.ts';
import type { Span } from '../../model/span.ts';

type AttributionMention = MentionOf<'attribution'>;

// Within the figure's clause, before it: a condition or a possibility, or a plan.
const HYPOTHETICAL = /\b(?:if|unless|whether|could|might|may|would|should|potentially|possibly)\b/i;
const FUTURE = /\b(?:will|shall|won['’]t|plans? to|planning to|is to|are to|expected to|set to|going to|intends? to|aims? to)\b|['’]ll\b/i;
const CLAUSE_BREAK = /[.;:!?—–(“”"]|,\s+(?:and|but|while|which|who)\b/g;

/** The attributions whose scope holds `value`, innermost first. */
export function attributionsOver(attributions: readonly AttributionMention[], value: Span): AttributionMention[] {
  return attributions
    .filter((a) => a.value.scope.start <= value.start && value.end <= a.value.scope.end)
    .sort((a, b) => a.value.scope.end - a.value.scope.start - (b.value.scope.end - b.value.scope.start));
}

/** The speaker of the innermost attribution over the figure. */
export function figureAttribution(over: readonly AttributionMention[]): ClaimAttribution | null {
  const innermost = over[0];
  return innermost ? { text: innermost.value.speaker, kind: innermost.value.kind } : null;
}

/**
 * How the text frames the figure: a denial or a hedge over it wins (innermost first); then a condition or a plan in
 * its own clause before it; else asserted.
 */
export function figureModality(text: string, sentence: Span, value: Span, over: readonly AttributionMention[]): ClaimModality {
  const framed = over.find((a) => a.value.stance !== 'asserted');
  if (framed) return framed.value.stance;
  const before = text.slice(sentence.start, value.start);
  let from = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let match = CLAUSE_BREAK.exec(before); match !== null; match = CLAUSE_BREAK.exec(before)) from = match.index + match[0].length;
  const clause = before.slice(from);
  if (HYPOTHETICAL.test(clause)) return 'hypothetical';
  if (FUTURE.test(clause)) return 'future';
  return 'asserted';
}
