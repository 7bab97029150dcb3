/** @module What kind of news a report is: local news of a US town or region, or national and international news. */

/**
 * The rule families that read a report as US local news: the town of the outlet's web address, the town its headline
 * names, the town after a street address or a scene's "in", and the report's own town whose parts and neighbours it
 * names without their state ("shot in Germantown" from Philadelphia), with namesakes chosen by the state the other
 * names cluster in.
 */
export type LocalReading = 'outlet-town' | 'headline-town' | 'address-town' | 'report-town-parts' | 'namesake-focus';

const LOCAL_READINGS: readonly LocalReading[] = ['outlet-town', 'headline-town', 'address-town', 'report-town-parts', 'namesake-focus'];

/** A report's profile, chosen once per report before its places are resolved, and kept with what is read of it. */
export interface NewsProfile {
  /** `local`: news of a US town or region; `wide`: national or international news. */
  readonly scope: 'local' | 'wide';
  /** ISO alpha-2 country the report is local news of (`US`), or null for wide news. */
  readonly country: string | null;
  /** The local-news rule families that run on this report; none for wide news. */
  readonly readings: ReadonlySet<LocalReading>;
  /** Why: the signals counted. */
  readonly reason: string;
}

/** What a report shows of its kind, counted from its names before they are resolved and from its outlet. */
export interface NewsSignals {
  /** US states (named or abbreviated after a town), counties, towns whose likeliest place is in the US (not its capital). */
  readonly usLocal: number;
  /** The outlet's web address or name spells a US city ("orlandosentinel.com"). */
  readonly usOutlet: boolean;
  /** Unambiguous names of countries other than the US and of their regions and big cities; a demonym counts a half. */
  readonly foreign: number;
  /** How many distinct countries other than the US those names are in. */
  readonly foreignCountries: number;
  /** Words of war the text uses ("air strike", "shelling", "missiles"): news from a war, whatever the outlet's town. */
  readonly war: number;
}

// Words of war: air strikes, shelling, missiles and drones are news from a war, not from an outlet's town.
const WAR_WORDS =
  /\b(?:air ?strikes?|airstrikes?|air raids?|shelling|shelled|missiles?|drone (?:strikes?|attacks?)|artillery|rocket (?:fire|attacks?)|bombardment|warplanes?|fighter jets?)\b/gi;

/** How many words of war `text` uses. */
export function countWarWords(text: string): number {
  return text.match(WAR_WORDS)?.length ?? 0;
}

/**
 * US local news unless the report's names abroad outweigh its US local signals (with its outlet's town), or its words of
 * war outweigh the text's own US local signals: a report that names no country abroad and no war
 * is read as local news (sitrep's local readings need a place in the US to act on, so they are harmless elsewhere); one
 * that names places abroad more often than US states, counties and streets is national or international news, where
 * an outlet's town, a small namesake near another, or a street says nothing about where anything happened.
 */
export function chooseNewsProfile(signals: NewsSignals): NewsProfile {
  const { usLocal, usOutlet, foreign, foreignCountries, war } = signals;
  const local = usLocal + (usOutlet ? 2 : 0);
  const reason = `us-local ${usLocal}, us-outlet ${usOutlet}, foreign ${foreign} in ${foreignCountries} countries, war words ${war}`;
  // The outlet says where the report is published, not what it is about: words of war outweigh only the text's own signals.
  const abroad = foreignCountries > 0 && foreign >= 1 && foreign > local;
  if (!abroad && war <= usLocal) return { scope: 'local', country: 'US', readings: new Set(LOCAL_READINGS), reason };
  return { scope: 'wide', country: null, readings: new Set(), reason };
}

/** The profile of a report read as US local news whatever it says: for callers that know no better (tests, single phrases). */
export const LOCAL_NEWS: NewsProfile = { scope: 'local', country: 'US', readings: new Set(LOCAL_READINGS), reason: 'assumed' };
