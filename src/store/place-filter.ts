/**
 * @module A filter by place name: the text typed, contained in the stored name in any case ("kamal"), or another
 * spelling of a place the gazetteer knows ("Al-Bukamal", "Dayr Az Zawr"), matched as the stored name. The gazetteer
 * loads on the first such filter only.
 */

/** Lower-case names a place filter matches whole, besides the names that contain the text typed. */
export async function placeSpellings(text: string): Promise<string[]> {
  const { placeNamesFor } = await import('../understand/places/place-spellings.ts');
  return placeNamesFor(text).map((name) => name.toLowerCase());
}

/** The LIKE pattern (escape character '!') of names containing `text`, in lower case. */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`;
}
