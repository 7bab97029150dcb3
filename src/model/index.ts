/** @module The records every stage speaks. */
export type * from './document.ts';
export type * from './interval.ts';
export type * from './mention.ts';
export type * from './span.ts';
