/**
 * @module Other names of a place typed in a filter: "Al-Bukamal" and "Albu Kamal" are Abu Kamal, "Dayr Az Zawr" is
 * Deir ez-Zor, "Ayn al-Asad" is Al Asad Air Base, by GeoNames' alternate names and the gazetteer's spellings.
 */
import { ALIAS_FLAG, type Gazetteer } from './gazetteer.ts';
import { loadGazetteer } from './load-gazetteer.ts';
import { placeKey } from './place-key.ts';

// The likeliest places of a name: more would let a common name ("San Jose") match towns no one meant.
const MAX_PLACES = 3;

/** The names, as the gazetteer writes them, of the likeliest places `text` names (the text itself aside); [] for none. */
export function placeNamesFor(text: string, gazetteer: Gazetteer = loadGazetteer()): string[] {
  const key = placeKey(text);
  if (key.length < 3) return [];
  const names: string[] = [];
  for (const posting of gazetteer.lookup(key)) {
    const name = gazetteer.name(posting & ~ALIAS_FLAG);
    if (name.toLowerCase() !== text.trim().toLowerCase() && !names.includes(name)) names.push(name);
    if (names.length >= MAX_PLACES) break;
  }
  return names;
}
