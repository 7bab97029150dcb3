/** @module Character spans: where in a stored document a record came from. */

/** A half-open range of UTF-16 code units in a document's stored text: `text.slice(start, end)`. */
export interface Span {
  /** Offset of the first code unit, from 0. */
  readonly start: number;
  /** Offset just past the last code unit (exclusive). */
  readonly end: number;
}

/** A span tied to the document it belongs to. */
export interface DocumentSpan extends Span {
  readonly documentId: string;
}
