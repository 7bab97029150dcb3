/** @module One document as event extraction reads it: tokens, sentences, clauses and every mention placed on the tokens. */
import type { DateInterval } from '../../model/interval.ts';
import type { Mention, MentionKind, MentionOf } from '../../model/mention.ts';
import { createTokenView, type TokenView } from '../../understand/sentences/token-view.ts';
import { tokenize } from '../../understand/sentences/tokenize.ts';
import { words } from '../../understand/sentences/words.ts';

/** A mention with the tokens it covers: `tokens[start..end)`. */
export interface PlacedMention<K extends MentionKind = MentionKind> {
  readonly mention: MentionOf<K>;
  readonly start: number;
  readonly end: number;
  readonly sentence: number;
}

/** What the event extractors read of one document. */
export interface DocumentFrame {
  readonly documentId: string;
  readonly text: string;
  readonly published: DateInterval | null;
  readonly view: TokenView;
  /** Sentence index of each token. */
  readonly sentenceOf: Int32Array;
  /** Clause index of each token (clauses are numbered across the document). */
  readonly clauseOf: Int32Array;
  /** Each sentence's first token and the index just past its last. */
  readonly sentences: ReadonlyArray<{ readonly start: number; readonly end: number; readonly span: { start: number; end: number } }>;
  readonly dates: readonly PlacedMention<'date'>[];
  readonly quantities: readonly PlacedMention<'quantity'>[];
  readonly places: readonly PlacedMention<'place'>[];
  readonly actors: readonly PlacedMention<'actor'>[];
  readonly people: readonly PlacedMention<'person'>[];
  readonly attributions: readonly PlacedMention<'attribution'>[];
}

// Words that open a new clause: what comes after them has its own subject and its own frame.
const CLAUSE_WORDS: ReadonlySet<string> = new Set(
  words('but while whereas although though however because since when after before until unless which who whom whose'),
);
const CLAUSE_MARKS: ReadonlySet<string> = new Set([';', '—', '–', ':', '(', ')', '"', '“', '”', '--']);

/** Tokenizes the document once and places every mention on its tokens. */
export function createDocumentFrame(
  input: { readonly documentId: string; readonly text: string; readonly published: DateInterval | null },
  mentions: readonly Mention[],
): DocumentFrame {
  const view = createTokenView(input.text, tokenize(input.text));
  const tokens = view.tokens;
  const sentenceSpans = mentions
    .filter((m): m is MentionOf<'sentence'> => m.kind === 'sentence')
    .map((m) => m.span)
    .sort((a, b) => a.start - b.start);
  const sentenceOf = new Int32Array(tokens.length);
  const sentences: Array<{ start: number; end: number; span: { start: number; end: number } }> = [];
  let s = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as (typeof tokens)[number];
    while (s < sentenceSpans.length - 1 && token.start >= (sentenceSpans[s] as { end: number }).end) s++;
    sentenceOf[i] = s;
  }
  for (let i = 0; i < tokens.length; i++) {
    const index = sentenceOf[i] as number;
    const existing = sentences[index];
    if (existing) existing.end = i + 1;
    else {
      while (sentences.length < index) sentences.push({ start: i, end: i, span: sentenceSpans[sentences.length] ?? { start: 0, end: 0 } });
      sentences.push({
        start: i,
        end: i + 1,
        span: sentenceSpans[index] ?? { start: (tokens[i] as { start: number }).start, end: input.text.length },
      });
    }
  }
  const clauseOf = new Int32Array(tokens.length);
  let clause = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (
      i > 0 &&
      (sentenceOf[i] !== sentenceOf[i - 1] || CLAUSE_MARKS.has(view.keys[i] as string) || CLAUSE_WORDS.has(view.keys[i] as string))
    )
      clause++;
    clauseOf[i] = clause;
  }
  const place = <K extends MentionKind>(kind: K): PlacedMention<K>[] => {
    const placed: PlacedMention<K>[] = [];
    for (const mention of mentions) {
      if (mention.kind !== kind) continue;
      const start = firstTokenAt(view, mention.span.start);
      let end = start;
      while (end < tokens.length && (tokens[end] as { start: number }).start < mention.span.end) end++;
      if (end === start) continue;
      placed.push({ mention: mention as MentionOf<K>, start, end, sentence: sentenceOf[start] as number });
    }
    return placed.sort((a, b) => a.start - b.start);
  };
  return {
    documentId: input.documentId,
    text: input.text,
    published: input.published,
    view,
    sentenceOf,
    clauseOf,
    sentences,
    dates: place('date'),
    quantities: place('quantity'),
    places: place('place'),
    actors: place('actor'),
    people: place('person'),
    attributions: place('attribution'),
  };
}

/** The first token starting at or after `offset` (binary search). */
export function firstTokenAt(view: TokenView, offset: number): number {
  let low = 0;
  let high = view.tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((view.tokens[mid] as { end: number }).end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
