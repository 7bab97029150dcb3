/** @module Finds actors (lexicon names, named police forces, unnamed groups) and people in one report. */
import type { ActorValue, MentionOf } from '../../model/mention.ts';
import type { Span } from '../../model/span.ts';
import type { UnderstandInput } from '../context.ts';
import { sentenceOpeners } from '../sentences/abbreviations.ts';
import { createTokenView, SHAPE_CAPITALISED, type TokenView } from '../sentences/token-view.ts';
import type { Token } from '../sentences/tokenize.ts';
import { words } from '../sentences/words.ts';
import { type ActorLexicon, defaultActorLexicon, type LexiconActor } from './actor-lexicon.ts';
import { type FoundActor, findPeople } from './find-people.ts';
import { findUnnamedGroup } from './find-unnamed-group.ts';

interface ActorMatch extends FoundActor {
  readonly value: ActorValue;
  readonly rule: string;
  readonly confidence: number;
}

// A place name stands for its government only before one of these ("Tehran says", "Washington has") or a possessive.
const AGENT_NEXT: ReadonlySet<string> = new Set(
  words(
    'says said has have had is was will would could can may must should did does wants wanted blamed ' +
      'blames accused accuses denied denies warned warns urged urges announced insists insisted claims ' +
      'claimed believes hopes sees considers responded rejected rejects confirmed condemned condemns ' +
      'threatened threatens ordered sent launched struck retaliated vowed vows demanded demands supports ' +
      'backs backed reached reaching agreed',
  ),
);
const LOCATIVES: ReadonlySet<string> = new Set(
  words('in near at outside from to into across around toward towards via over inside through between of'),
);
const AGENT_DETERMINERS: ReadonlySet<string> = new Set(words("the its their our his her 's ’s"));
// Words for a body's members after its noun, which make the noun the body without a determiner ("armed forces personnel").
const MEMBER_WORDS: ReadonlySet<string> = new Set(words('personnel members elements troops units'));
// Agent nouns that are also adjectives, and the words after one that still leave it a noun ("the military said").
const ADJECTIVAL_AGENTS: ReadonlySet<string> = new Set(words('military paramilitary guerrilla infantry'));
const FOLLOWS_A_BODY =
  /^(?:\p{Ll}+ed|\p{Ll}+s|said|says|told|has|have|had|is|was|were|will|would|could|can|may|must|and|or|of|to|in|on|at|for|with|from|by|that|which|who|also|then|later|today|yesterday)$/u;

/**
 * The actors and people named in a report, in text order. Lexicon aliases match longest first ("Islamic State of Iraq
 * and the Levant" is one actor); a person's title or description takes in the actors inside it, so "Pentagon" in
 * "Pentagon spokesman Brig. Gen. Pat Ryder" is the person's affiliation, not a mention of its own. Pass `view` when
 * the caller has already tokenized the text; `lexicon` defaults to `data/actors.json`.
 */
export function extractActors(
  input: UnderstandInput,
  lexicon: ActorLexicon = defaultActorLexicon(),
  view: TokenView = createTokenView(input.text),
): Array<MentionOf<'actor'> | MentionOf<'person'>> {
  const actors = findActors(view, lexicon);
  const people = findPeople(view, lexicon, actors);
  const inPerson = new Uint8Array(view.tokens.length);
  for (const person of people) inPerson.fill(1, person.start, person.end);
  const mentions: Array<MentionOf<'actor'> | MentionOf<'person'>> = people.map((person) =>
    mention(view, 'person', person.start, person.end, person.value, person.rule, person.confidence),
  );
  for (const actor of actors) {
    if (inPerson[actor.start] === 1) continue;
    mentions.push(mention(view, 'actor', actor.start, actor.end, actor.value, actor.rule, actor.confidence));
  }
  return mentions.sort((a, b) => a.span.start - b.span.start);
}

function findActors(view: TokenView, lexicon: ActorLexicon): ActorMatch[] {
  const found: ActorMatch[] = [];
  for (let at = 0; at < view.tokens.length;) {
    // Most tokens start nothing: a token that starts no lexicon phrase can only open a name ("Chicago Police
    // Department", "Morazanist Patriotic Front"), which needs a capital then a small letter.
    const key = view.keys[at] as string;
    const startsActor = lexicon.actorStartKeys.has(key) && lexicon.actorStarts.has(view, at) && canContinue(view, at, key, lexicon);
    if (!startsActor && !isCapitalised(view, at)) {
      at++;
      continue;
    }
    const match = actorAt(view, at, lexicon, startsActor, found.at(-1)?.end === at);
    if (match === null) {
      at++;
      continue;
    }
    found.push(match);
    at = match.end;
  }
  return found;
}

/**
 * The longest actor starting at token `at`: a named police force, a lexicon alias, an unnamed group or an agent noun.
 * `startsActor`: some lexicon phrase starts with the token as written.
 */
function actorAt(view: TokenView, at: number, lexicon: ActorLexicon, startsActor: boolean, afterActor: boolean): ActorMatch | null {
  let best: ActorMatch | null = namedPoliceAt(view, at, lexicon);
  if (startsActor) {
    const alias = lexicon.aliases.match(view, at);
    if (alias !== null && (best === null || alias.end > best.end) && (!alias.value.metonymic || isAgent(view, at, alias.end))) {
      best = lexiconMatch(alias.value.actor, at, alias.end, alias.value.metonymic ? 'actor/metonym' : 'actor/lexicon');
    }
  }
  const group = startsActor ? findUnnamedGroup(view, at, lexicon) : null;
  // "Hamas militants" are Hamas: an unnamed-group word right after a named actor adds nothing.
  if (group !== null && (best === null || group.end > best.end) && !(afterActor && group.country === null)) {
    best = {
      start: at,
      end: group.end,
      actor: null,
      value: { id: null, name: spanText(view, at, group.end).replace(/\s+/g, ' '), type: group.type, country: group.country },
      rule: group.rule,
      confidence: group.country === null ? 0.7 : 0.85,
    };
  }
  const agent = startsActor ? agentAt(view, at, lexicon) : null;
  if (agent !== null && (best === null || agent.end > best.end) && !(afterActor && agent.value.country === null)) best = agent;
  if (best === null) best = namedBodyAt(view, at, lexicon);
  return best;
}

/**
 * "the army", "Salvadoran armed forces", "treasury police": an agent noun of the dictionaries, with the nationality
 * word before it giving its country. The name is the text's own words; no id, as no one actor is named.
 */
function agentAt(view: TokenView, at: number, lexicon: ActorLexicon): ActorMatch | null {
  const nationality = lexicon.nationalities.match(view, at);
  const agent = lexicon.agents.match(view, nationality?.end ?? at);
  if (agent === null) return null;
  // "Colombian Army of National Liberation": a longer lexicon name after the nationality is the group, not an army.
  const named = nationality === null ? null : lexicon.aliases.match(view, nationality.end);
  if (named !== null && named.end > agent.end) return null;
  // Without a nationality, a body is named only after a determiner or before its members' word: "the army", "army
  // troops", not "more troops" or "two soldiers".
  const members = MEMBER_WORDS.has(view.keys[agent.end] ?? '');
  if (nationality === null && !AGENT_DETERMINERS.has(view.keys[at - 1] ?? '') && !members) return null;
  // "the military base", "a guerrilla attack": an adjective before a noun of its own.
  const next = view.tokens[agent.end]?.text ?? '';
  if (ADJECTIVAL_AGENTS.has(view.keys[agent.end - 1] as string) && /^\p{Ll}/u.test(next) && !FOLLOWS_A_BODY.test(next)) return null;
  const country = nationality?.value ?? null;
  return {
    start: at,
    end: agent.end,
    actor: null,
    value: { id: null, name: spanText(view, at, agent.end).replace(/\s+/g, ' '), type: agent.value.type, country },
    rule: 'actor/agent',
    confidence: country === null ? 0.7 : 0.85,
  };
}

// The words of a body's name after its proper name ("Zarate Willka Armed Forces of Liberation"), and the heads it
// ends on, with the kind each head gives.
const BODY_WORDS: ReadonlySet<string> = new Set(
  words(
    "people's people 's peoples popular patriotic revolutionary national liberation armed forces army youth workers socialist " +
      'communist democratic republican nationalist united guerrilla urban special front movement commandos command ' +
      'brigade brigades battalion alliance party cartel corps of the',
  ),
);
const BODY_HEADS: ReadonlyMap<string, ActorValue['type']> = new Map([
  ...words('front movement army forces commandos command cartel').map((w) => [w, 'armed-group'] as const),
  ...words('brigade brigades battalion corps').map((w) => [w, 'state-forces'] as const),
  ...words('alliance party').map((w) => [w, 'political-party'] as const),
]);
// A name's last word may be one of these after "of": "Armed Forces of Liberation", "Army of the People".
const OF_TAILS: ReadonlySet<string> = new Set(words('liberation resistance people chile colombia'));

/**
 * A body the lexicons do not know, by the shape of its name: one to three proper-name words, then words of a body's
 * name ending on a head ("Morazanist Patriotic Front", "Atlacatl Battalion", "Cinchonero People's Liberation Front").
 * Not after a nationality ("Colombian Army" is the country's) or where a lexicon name starts inside it. No id.
 */
function namedBodyAt(view: TokenView, at: number, lexicon: ActorLexicon): ActorMatch | null {
  if (!isCapitalised(view, at) || !bodyWordAhead(view, at)) return null;
  if (BODY_WORDS.has(view.keys[at] as string) || sentenceOpeners.has(view.tokens[at]?.text ?? '')) return null;
  // "Mr. Smith", "Gen. Ochoa": a title makes the name a person's.
  if (lexicon.titleStarts.has(view.keys[at - 1] ?? '') || view.keys[at - 1] === '.') return null;
  let i = at;
  while (i < at + 3 && isCapitalised(view, i) && !BODY_WORDS.has(view.keys[i] as string) && view.breaks[i + 1] !== 1) {
    // "Mr. Smith Front": an abbreviation is a title, not a name.
    if ((view.tokens[i]?.text ?? '').endsWith('.') || view.keys[i + 1] === '.') return null;
    i++;
  }
  // Most capitalised words start no body: the name must run on into a body's words. Only then are the lexicons asked.
  if (i === at || !BODY_WORDS.has(view.keys[i] ?? '')) return null;
  if (lexicon.nationalities.match(view, at) !== null || lexicon.countryNames.match(view, at) !== null) return null;
  // A capital at a sentence's start tells nothing: "Members of the armed forces" needs a second name word.
  const opens = at === 0 || view.breaks[at] === 1 || ['.', '!', '?', '"', '“', ':', '--'].includes(view.keys[at - 1] ?? '');
  if (opens && i - at < 2) return null;
  let end = -1;
  let type: ActorValue['type'] | undefined;
  for (let j = i; j < i + 6 && j < view.tokens.length && view.breaks[j] !== 1; j++) {
    const key = view.keys[j] as string;
    if (!BODY_WORDS.has(key)) break;
    if (lexicon.aliases.starts(view, j) && lexicon.aliases.match(view, j) !== null) return null;
    const head = BODY_HEADS.get(key);
    if (head !== undefined) {
      end = j + 1;
      type = head;
    } else if (key !== 'of' && key !== 'the' && view.keys[j - 1] === 'of' && OF_TAILS.has(key)) end = j + 1;
  }
  if (end < 0 || type === undefined || i === at) return null;
  return {
    start: at,
    end,
    actor: null,
    value: { id: null, name: spanText(view, at, end).replace(/\s+/g, ' '), type, country: null },
    rule: 'actor/named-body',
    confidence: 0.6,
  };
}

/** Whether the next word may continue a name its token starts ("the Taliban"; not "the town"), where only a name of several words starts so. */
function canContinue(view: TokenView, at: number, key: string, lexicon: ActorLexicon): boolean {
  const seconds = lexicon.startsOnlyBefore.get(key);
  return seconds === undefined || (view.breaks[at + 1] !== 1 && seconds.has(view.keys[at + 1] ?? ''));
}

/** Whether a body's word follows within the three words a name may run to: most capitalised words start no body. */
function bodyWordAhead(view: TokenView, at: number): boolean {
  for (let k = at + 1; k <= at + 3 && k < view.keys.length; k++) if (BODY_WORDS.has(view.keys[k] as string)) return true;
  return false;
}

function lexiconMatch(actor: LexiconActor, start: number, end: number, rule: string): ActorMatch {
  return {
    start,
    end,
    actor,
    value: { id: actor.id, name: actor.name, type: actor.type, country: actor.country },
    rule,
    confidence: rule === 'actor/metonym' ? 0.7 : 0.95,
  };
}

/** "Chicago Police Department", "Pierce County Sheriff's Office": capitalised words, then a police head. */
function namedPoliceAt(view: TokenView, at: number, lexicon: ActorLexicon): ActorMatch | null {
  if (!isCapitalised(view, at) || sentenceOpeners.has(view.tokens[at]?.text ?? '')) return null;
  for (let next = at + 1; next <= at + 3 && next < view.tokens.length; next++) {
    if (view.breaks[next] === 1) return null;
    const head = lexicon.policeHeads.starts(view, next) ? lexicon.policeHeads.match(view, next) : null;
    if (head !== null) {
      const police = lexicon.actors.get('police');
      return {
        start: at,
        end: head.end,
        actor: police ?? null,
        value: { id: 'police', name: spanText(view, at, head.end), type: 'police', country: police?.country ?? null },
        rule: 'actor/named-police',
        confidence: 0.9,
      };
    }
    if (!isCapitalised(view, next)) return null;
  }
  return null;
}

/** A capital then a small letter ("Gaza", not "US"), from the view's shapes. */
function isCapitalised(view: TokenView, at: number): boolean {
  return ((view.shapes[at] ?? 0) & SHAPE_CAPITALISED) !== 0;
}

/** Whether a place name acts: followed by a possessive, or by a verb and not after a preposition of place. */
function isAgent(view: TokenView, start: number, end: number): boolean {
  const next = view.keys[end] ?? '';
  if (next === "'s") return true;
  return AGENT_NEXT.has(next) && !LOCATIVES.has(view.keys[start - 1] ?? '');
}

function mention<K extends 'actor' | 'person'>(
  view: TokenView,
  kind: K,
  start: number,
  end: number,
  value: MentionOf<K>['value'],
  rule: string,
  confidence: number,
): MentionOf<K> {
  const span: Span = { start: (view.tokens[start] as Token).start, end: (view.tokens[end - 1] as Token).end };
  return { kind, span, text: view.text.slice(span.start, span.end), value, rule, confidence } as MentionOf<K>;
}

function spanText(view: TokenView, from: number, to: number): string {
  return view.text.slice((view.tokens[from] as Token).start, (view.tokens[to - 1] as Token).end);
}
