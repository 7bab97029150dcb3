/**
 * @module The understanding stage: one document's text in, every mention out, sorted by span.
 *
 * Order: sentences and tokens first (everything else reads them); dates and quantities need only the text;
 * places and actors need the lexicons; attributions need actors, people and places (a metonymic "Washington"
 * speaks); quotes need attributions (a quote with no speaker takes the one its paragraph gives).
 */
import type { Mention } from '../model/mention.ts';
import { type ActorLexicon, defaultActorLexicon } from './actors/actor-lexicon.ts';
import { extractActors } from './actors/extract-actors.ts';
import { extractAttributions } from './attributions/extract-attributions.ts';
import type { UnderstandInput } from './context.ts';
import { extractDates } from './dates/extract-dates.ts';
import { readPlaces } from './places/extract-places.ts';
import type { NewsProfile } from './places/news-profile.ts';
import type { Gazetteer } from './places/gazetteer.ts';
import { loadGazetteer } from './places/load-gazetteer.ts';
import { extractQuantities } from './quantities/extract-quantities.ts';
import { extractQuotes } from './quotes/extract-quotes.ts';
import { splitSentences } from './sentences/split-sentences.ts';
import { createTokenView } from './sentences/token-view.ts';
import { tokenize } from './sentences/tokenize.ts';

/** Read-only data every document is read against; load once per process or worker. */
export interface Lexicons {
  readonly gazetteer: Gazetteer;
  readonly actors: ActorLexicon;
}

/** Loads the lexicons (the gazetteer index is built on first use and cached). */
export function loadLexicons(): Lexicons {
  return { gazetteer: loadGazetteer(), actors: defaultActorLexicon() };
}

/** Every mention in one document, ordered by span start (then longest first). */
export function understand(input: UnderstandInput, lexicons: Lexicons, report: ReportContext = {}): Mention[] {
  return understandReport(input, lexicons, report).mentions;
}

/** What is known of a report beyond its text: its outlet, and its profile where already chosen. */
export interface ReportContext {
  /** The outlet's web host or name. */
  readonly source?: string | null;
  /** The profile chosen for the report when its body was read, for a second reading (its headline above its body). */
  readonly profile?: NewsProfile;
}

/** Every mention in one document (as `understand`) and the report's news profile, chosen once while its places are read. */
export function understandReport(
  input: UnderstandInput,
  lexicons: Lexicons,
  report: ReportContext = {},
): { mentions: Mention[]; profile: NewsProfile } {
  const tokens = tokenize(input.text);
  const view = createTokenView(input.text, tokens);
  const sentences = splitSentences(input.text, tokens);
  const places = readPlaces(input, lexicons.gazetteer, {
    ...(report.source !== undefined ? { source: report.source } : {}),
    ...(report.profile ? { profile: report.profile } : {}),
  });
  const mentions: Mention[] = [
    ...sentences,
    ...extractDates(input),
    ...extractQuantities(input),
    ...places.mentions,
    ...extractActors(input, lexicons.actors, view),
  ];
  const attributions = extractAttributions(input, mentions, { view, sentences, lexicon: lexicons.actors });
  mentions.push(...attributions);
  mentions.push(...extractQuotes(input, mentions, { view, sentences, lexicon: lexicons.actors }));
  return { mentions: mentions.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end), profile: places.profile };
}
