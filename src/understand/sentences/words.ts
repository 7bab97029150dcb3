/** @module Word lists written as one space-separated string, so long lexicons in code stay readable. */

/** The words of a space-separated list: `words('a an the')` is `['a', 'an', 'the']`. */
export function words(list: string): string[] {
  return list.split(' ').filter((word) => word !== '');
}
