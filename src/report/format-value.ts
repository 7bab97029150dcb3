/** @module A figure in words, as the report, the brief and `sitrep facts` print it. */

/**
 * A number as `toLocaleString('en-US')` writes it ("1,400", "-12,500", "2.5"). Whole numbers are grouped here: the
 * first `toLocaleString` call in a process loads ICU's number formatting, about 40 ms, more than the rest of
 * `sitrep facts` takes to print its table. Other numbers go to `toLocaleString`.
 */
export function formatCount(x: number): string {
  if (!Number.isSafeInteger(x)) return x.toLocaleString('en-US');
  const digits = String(Math.abs(x));
  let grouped = digits.slice(0, digits.length % 3 || 3);
  for (let i = grouped.length; i < digits.length; i += 3) grouped += `,${digits.slice(i, i + 3)}`;
  return x < 0 ? `-${grouped}` : grouped;
}

/** "at least 14", "more than 1,400", "3–5", "about 2,500". */
export function formatValue(value: { low: number; high: number | null; qualifier: string }): string {
  const n = formatCount;
  switch (value.qualifier) {
    case 'at-least':
      return `at least ${n(value.low)}`;
    case 'more-than':
      return `more than ${n(value.low)}`;
    case 'about':
      return `about ${n(value.low)}`;
    case 'at-most':
      return `at most ${n(value.high ?? value.low)}`;
    case 'less-than':
      return `fewer than ${n(value.high ?? value.low)}`;
    default:
      return value.high === null ? `${n(value.low)} or more` : value.high === value.low ? n(value.low) : `${n(value.low)}–${n(value.high)}`;
  }
}
