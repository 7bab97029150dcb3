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
import { extractPlaces } from './places/extract-places.ts';
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
export function understand(input: UnderstandInput, lexicons: Lexicons): Mention[] {
  const tokens = tokenize(input.text);
  const view = createTokenView(input.text, tokens);
  const sentences = splitSentences(input.text, tokens);
  const mentions: Mention[] = [
    ...sentences,
    ...extractDates(input),
    ...extractQuantities(input),
    ...extractPlaces(input, lexicons.gazetteer),
    ...extractActors(input, lexicons.actors, view),
  ];
  const attributions = extractAttributions(input, mentions, { view, sentences, lexicon: lexicons.actors });
  mentions.push(...attributions);
  mentions.push(...extractQuotes(input, mentions, { view, sentences, lexicon: lexicons.actors }));
  return mentions.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
}
