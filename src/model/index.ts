/** @module The records every stage speaks. */
export type * from './claim.ts';
export type * from './document.ts';
export type * from './event.ts';
export type * from './fact.ts';
export type * from './incident.ts';
export type * from './interval.ts';
export type * from './mention.ts';
export type * from './span.ts';
