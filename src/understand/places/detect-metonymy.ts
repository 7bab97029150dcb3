/** @module Tells when a country or capital name stands for its government ("Washington says", "Tehran's response") rather than for a location. */
import speechVerbs from '../../../data/speech-verbs.json' with { type: 'json' };
import type { PlaceToken } from './tokenize-for-places.ts';

// Verbs of acting that a government does as an agent; speech verbs come from data/speech-verbs.json.
const ACTION_VERBS =
  'agree agreed agrees accuse accused accuses announce announced threaten threatened threatens launch launched launches impose imposed imposes sanction sanctioned sanctions respond responded responds retaliate retaliated retaliates demand demanded demands condemn condemned condemns blame blamed blames want wants wanted refuse refused refuses vow vowed vows pledge pledged pledges urge urged urges call called calls insist insists sent sends struck strikes attacked attacks deploy deployed deploys order ordered orders approve approved approves sign signed signs seek seeks sought back backed backs support supports supported oppose opposed opposes recognize recognized recognizes recognised recognises expel expelled summon summoned summons recall recalled recalls hope hopes hoped believe believes believed consider considers considered fear fears feared plan plans planned intend intends intended decide decided decides push pushed pushes press pressed pressured ask asked asks offer offered offers propose proposed proposes promise promised promises negotiate negotiated negotiates welcome welcomed welcomes praise praised criticize criticized criticizes criticise criticised slammed protest protested appeal appealed request requested requests granted allow allowed allows ban banned bans block blocked blocks halt halted suspend suspended resume resumed withdrew withdraw withdraws evacuated mobilized mobilised invaded invade invades bombed shelled fired targeted targets hit hits shot retaliate vetoed vetoes has have had moved moves responded reacted reacts insisted hopes expects expected accepted accepts rejected rejects denied denies reach reached reaches'.split(
    ' ',
  );
const VERBS = new Set([...Object.keys(speechVerbs.verbs), ...ACTION_VERBS]);
// Words that may stand between the name and its verb: "Washington has repeatedly warned", "Moscow will respond".
const AUXILIARIES = new Set(
  'also has have had will would could can may might must should is was has been had been quickly repeatedly publicly officially firmly strongly later previously recently still already now then again reportedly swiftly immediately itself apparently formally'.split(
    ' ',
  ),
);
// After "Tehran's": nouns that make the possessor a government.
const GOVERNMENT_NOUNS = new Set(
  'response responses decision decisions position positions stance policy policies support demands demand strategy approach warning warnings threat threats refusal insistence objection objections offer offers proposal proposals plan plans reaction retaliation ambitions intentions allies ally proxies envoy envoys negotiators diplomats officials leadership regime rulers backing accusations accusation claims claim denial denials ultimatum veto sanctions condemnation'.split(
    ' ',
  ),
);
// "in Washington", "to Tehran": the name is where something happens.
const PREPOSITIONS = new Set(
  'in to from at near outside across into toward towards of around throughout within inside over on via through between against for by with beyond visit visited visiting'.split(
    ' ',
  ),
);

const CAUSE_WORDS = new Set(['due', 'owing', 'thanks']);

/**
 * True when the name between tokens `first` and `last` acts as a speaker or agent: followed (past
 * auxiliaries and adverbs) by a speech or action verb, or a possessive before a noun of policy.
 * "has been" is not agency ("Iraq has been hit"), and a preceding preposition makes it a location.
 */
export function detectMetonymy(text: string, tokens: readonly PlaceToken[], first: number, last: number): boolean {
  const before = tokens[first - 1];
  // "due to Washington reaching", "thanks to Moscow backing": "to" after a cause word says why, not where.
  const cause = before?.key === 'to' && CAUSE_WORDS.has(tokens[first - 2]?.key ?? '');
  if (before && PREPOSITIONS.has(before.key) && !before.isCapitalised && !cause) return false;
  const end = tokens[last];
  if (!end) return false;
  if (end.fullEnd > end.end && text.charCodeAt(end.end) !== 46) {
    const noun = tokens[last + 1];
    return noun !== undefined && !noun.isCapitalised && GOVERNMENT_NOUNS.has(noun.key);
  }
  for (let k = last + 1; k <= last + 4; k++) {
    const t = tokens[k];
    if (!t?.joinsPrevious || t.isCapitalised) return false;
    if (t.key === 'been') return false;
    const following = tokens[k + 1];
    if ((t.key === 'has' || t.key === 'have' || t.key === 'had') && following?.key === 'been') return false;
    // "due to Washington reaching an understanding", "Moscow seeking talks": a verb's -ing form acts too.
    if (t.key.endsWith('ing') && isVerbStem(t.key.slice(0, -3))) return true;
    if (
      VERBS.has(t.key) &&
      !(
        AUXILIARIES.has(t.key) &&
        following?.joinsPrevious &&
        !following.isCapitalised &&
        (VERBS.has(following.key) || AUXILIARIES.has(following.key))
      )
    ) {
      return true;
    }
    if (!AUXILIARIES.has(t.key)) return false;
  }
  return false;
}

/** "reach" of "reaching", "refus" of "refusing", "bomb" of "bombing", "sett" of "setting": a verb of `VERBS` once its -ing is off. */
function isVerbStem(stem: string): boolean {
  if (stem.length < 3) return false;
  return (
    VERBS.has(stem) ||
    VERBS.has(`${stem}e`) ||
    VERBS.has(`${stem}s`) ||
    VERBS.has(`${stem}ed`) ||
    (stem.at(-1) === stem.at(-2) && VERBS.has(stem.slice(0, -1)))
  );
}
