/** @module Whether the words just before a date say it lies ahead ("will visit on Friday"), since a report otherwise talks about the past. */

// A modal or a plan word among the few words before the date, in the same clause.
const FUTURE_CUE =
  /\b(?:will|shall|would|won['’]t|going to|plans? to|planning to|planned for|scheduled|expected to|set to|set for|due to (?:be|visit|meet|arrive|begin|start|hold|take)|is to|are to|intends? to|upcoming)\b|['’]ll\b/i;
// Words that pin the date to the past even after a modal ("would be looking into ... earlier on Monday").
const PAST_CUE = /\b(?:earlier|ago|last|previously|already|had|was|were|did)\b/i;
const CLAUSE_END = /[.;!?\n:—–(“"]/g;
const WINDOW = 48;

/** True when the clause before `offset` carries a future cue within a few words and no past cue after it. */
export function isFutureTense(text: string, offset: number): boolean {
  let from = Math.max(0, offset - WINDOW);
  const window = text.slice(from, offset);
  CLAUSE_END.lastIndex = 0;
  for (let match = CLAUSE_END.exec(window); match !== null; match = CLAUSE_END.exec(window)) {
    from = Math.max(from, offset - window.length + match.index + 1);
  }
  const clause = text.slice(from, offset);
  const future = FUTURE_CUE.exec(clause);
  if (future === null) return false;
  return !PAST_CUE.test(clause.slice(future.index + future[0].length));
}
