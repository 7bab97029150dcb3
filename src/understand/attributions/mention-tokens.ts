/** @module Where earlier mentions sit among the tokens, so phrase scanners can step over a whole name at once. */
import type { Span } from '../../model/span.ts';
import type { TokenView } from '../sentences/token-view.ts';

/** A mention with the tokens it covers: `tokens[start..end)`. */
export interface MentionTokens<M> {
  readonly mention: M;
  readonly start: number;
  readonly end: number;
}

/** Mentions by their first and by their last token. */
export interface MentionIndex<M> {
  readonly all: readonly MentionTokens<M>[];
  /** `byStart[i]`: the mention whose first token is `i`. */
  readonly byStart: ReadonlyArray<MentionTokens<M> | undefined>;
  /** `byLast[i]`: the mention whose last token is `i`. */
  readonly byLast: ReadonlyArray<MentionTokens<M> | undefined>;
}

/** Indexes mentions by token; a mention that does not start and end on token edges is left out. */
export function indexMentions<M extends { readonly span: Span }>(view: TokenView, mentions: readonly M[]): MentionIndex<M> {
  const byStart = new Array<MentionTokens<M> | undefined>(view.tokens.length);
  const byLast = new Array<MentionTokens<M> | undefined>(view.tokens.length);
  const all: MentionTokens<M>[] = [];
  for (const mention of mentions) {
    const start = firstTokenAt(view, mention.span.start);
    const end = firstTokenAt(view, mention.span.end);
    if (view.tokens[start]?.start !== mention.span.start || view.tokens[end - 1]?.end !== mention.span.end) continue;
    const entry = { mention, start, end };
    all.push(entry);
    byStart[start] ??= entry;
    byLast[end - 1] ??= entry;
  }
  return { all, byStart, byLast };
}

/** The index of the first token starting at or after `offset` (the token count when none). */
export function firstTokenAt(view: TokenView, offset: number): number {
  let low = 0;
  let high = view.tokens.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((view.tokens[middle]?.start ?? Number.POSITIVE_INFINITY) < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}
