/**
 * @module The claim category vocabulary and the words that tell a figure's category: the verb that governs it
 * ("killed 1,400 people", "21 soldiers suffered injuries") or, failing that, the noun it counts ("23 attacks").
 */
import type { ClaimCategory } from '../../model/claim.ts';

export { CLAIM_CATEGORIES } from '../../model/claim.ts';

/** A category with the cue that gave it, for the rule name. */
export interface CategoryCue {
  readonly category: ClaimCategory;
  /** `verb-before`, `verb-after` or `noun`. */
  readonly cue: string;
}

// Head nouns (the last word of the counted noun phrase), singular and plural.
const NOUN_CATEGORIES: ReadonlyMap<string, ClaimCategory> = new Map(
  Object.entries({
    attacks: 'attacks attack assaults assault raids raid ambushes ambush bombings bombing incidents attempts offensives',
    strikes: 'strikes strike airstrikes airstrike sorties sortie bombs',
    killed: 'dead deaths death fatalities fatality bodies killings killed martyrs',
    injured: 'wounded injured injuries injury',
    casualties: 'casualties casualty',
    hostages: 'hostages hostage captives captive',
    arrested: 'arrests detainees detentions',
    missing: 'missing',
    displaced: 'refugees refugee displaced evacuees idps',
    troops: 'troops soldiers soldier personnel servicemembers members marines sailors airmen forces reservists guardsmen',
  }).flatMap(([category, nouns]) => nouns.split(' ').map((noun) => [noun, category as ClaimCategory] as const)),
);

// Nouns that count what was hit, not attacks: a strike verb earlier in the sentence makes them strikes.
const TARGET_NOUNS: ReadonlySet<string> = new Set(
  'targets target facilities facility sites site locations location positions position buildings depots compounds bunkers warehouses'.split(
    ' ',
  ),
);

// Units of time, money and measure: "three weeks", "ten days" are durations, not counts of anything reported.
const NOT_COUNTED: ReadonlySet<string> = new Set(
  (
    'second seconds minute minutes hour hours day days week weeks month months year years decade decades century centuries ' +
    'time percent per cent km kilometers kilometres miles mile meters metres feet foot kg tons tonnes pounds dollars ' +
    "o'clock am pm a.m. p.m. ways fronts point points"
  ).split(' '),
);

// A verb just before the figure (possibly with a short object: "attacked US forces 66 times").
const VERB_BEFORE: ReadonlyArray<readonly [RegExp, ClaimCategory]> = [
  [/\b(?:killed|killing|kills|kill|massacred|massacring|executed|gunned down|shot dead|murdered)\b/i, 'killed'],
  [/\b(?:wounded|wounding|injured|injuring|hurt|hurting)\b/i, 'injured'],
  [/\b(?:kidnapped|kidnapping|abducted|abducting|abducts|kidnaps|took hostage|taken hostage|seized)\b/i, 'kidnapped'],
  [/\b(?:captured|capturing|captures)\b/i, 'captured'],
  [/\b(?:arrested|arresting|arrests|detained|detaining|detains|rounded up)\b/i, 'arrested'],
  [/\b(?:displaced|displacing|uprooted|forced from their homes)\b/i, 'displaced'],
  [/\b(?:attacked|attacking|attacks|targeted|targeting|under attack|came under fire|come under fire)\b/i, 'attacks'],
  [/\b(?:struck|striking|strikes|hit|hitting|bombed|bombing|shelled|shelling|pounded)\b/i, 'strikes'],
];

// Words that may stand between a counted noun and its participle: auxiliaries, hedges and reporting words ("27
// people were reported dead", "16 are confirmed dead", "four were verified killed", "three were confirmed to have died").
const AUX =
  '(?:(?:were|was|have|has|had|are|is|been|being|be|now|also|already|currently|later|reportedly|reported|confirmed|verified|officially|thought|believed|said|feared|to|remain|remained|still|lightly|slightly|seriously|severely|critically|badly|fatally)\\s+)*';

// A verb just after the counted noun: "21 soldiers suffered minor injuries", "11 citizens were among those killed".
const VERB_AFTER: ReadonlyArray<readonly [RegExp, ClaimCategory]> = [
  [
    new RegExp(
      `^${AUX}(?:among (?:those|the)\\s+)?(?:killed|dead|died|dies|die|slain|executed|shot dead|(?:shot|stabbed|beaten|burned|burnt|hacked|crushed)\\s+(?:and\\s+killed|to\\s+death)|massacred|murdered|eliminated|gunned down|martyred|perished|lost their lives)\\b`,
      'i',
    ),
    'killed',
  ],
  [new RegExp(`^${AUX}(?:among (?:those|the)\\s+)?(?:wounded|injured|hurt)\\b`, 'i'), 'injured'],
  [
    new RegExp(
      `^${AUX}(?:suffered|sustained|received|had|sustaining|suffering)\\s+(?:\\w+\\s+){0,2}(?:injuries|wounds|injury|wound)\\b`,
      'i',
    ),
    'injured',
  ],
  [/^as\s+(?:wounded|injured)\b/i, 'injured'],
  [new RegExp(`^${AUX}attacked\\b`, 'i'), 'attacks'],
  [/^as\s+(?:dead|killed)\b/i, 'killed'],
  [new RegExp(`^${AUX}(?:kidnapped|abducted|taken hostage|taken captive|seized)\\b`, 'i'), 'kidnapped'],
  [/^(?:(?:were|was|are|is)\s+)(?:still\s+)?(?:held|being held)\s+(?:hostage|captive)\b/i, 'hostages'],
  [/^(?:(?:were|was|have been|had been|has been|are|been)\s+)*captured\b/i, 'captured'],
  [/^(?:(?:were|was|have been|had been|has been|are|been)\s+)*(?:arrested|detained)\b/i, 'arrested'],
  [new RegExp(`^${AUX}(?:missing|unaccounted for)\\b`, 'i'), 'missing'],
  [
    new RegExp(
      `^${AUX}(?:(?:internally\\s+)?displaced|uprooted|forced to flee|driven (?:from their homes|abroad|out))\\b|^(?:have\\s+|had\\s+)?fled\\b|^to\\s+flee\\b|^crossing (?:into|borders)\\b`,
      'i',
    ),
    'displaced',
  ],
];

// An aside between a counted noun and its verb: ", including nine children,", " — among them 35 children —", "(PoK)",
// ", a seven-year-old girl,". The verb after it still governs the figure.
const ASIDE =
  /^\s*(?:,\s*(?:including|among them|amongst them|among whom|most of them|many of them|mostly|the vast majority of them|representing|a|an|the)\b[^,;.]{0,80},|\s*[—–]\s*[^—–;.]{0,80}\s*[—–]|\s*\([^)]{0,80}\)|\s+(?:more|other|additional|further)(?:\s+(?!(?:were|was|are|is|have|has|had|remain|remained)\b)[a-z-]+){0,2}(?=\s)|\s+and\s+(?:(?:[\d,.]+|their|other|another)\s+)?(?:(?!(?:were|was|are|is|have|has|had|died|remain|remained|killed|dead|wounded|injured|missing|displaced)\b)[a-z-]+\s*){1,3}|\s+(?:[a-z-]+\s+){1,2}(?=(?:were|was|are|is|have|has|had|remain|remained)\b))\s*/i;

// A phrase before a figure that says what it counts, further back than a verb reaches: "the death toll from the
// strike on the market has risen to 28", "the deaths of 19 people", "claimed the lives of 224", "injuries to 140".
const PHRASE_BEFORE: ReadonlyArray<readonly [RegExp, ClaimCategory]> = [
  [
    /\b(?:death toll|toll of (?:the )?dead|number of (?:those |people |\w+ )?(?:killed|dead)|(?:number|count) of fatalities|fatalit(?:y|ies) (?:toll|count)|(?:deaths?|killing|killings|massacre|murder) of|lives of|dead (?:also )?includ\w*|among the (?:[\d,]+ )?dead|the dead (?:are|were)|toll (?:also )?includ\w*|toll of|victims? (?:also )?includ\w*|number of victims|(?:those|people) (?:killed|dead)\b[^.;:!?\d]{0,30}\binclud\w*|bringing the total number of \w+ killed)\b[^.;:!?]{0,90}$/i,
    'killed',
  ],
  [/\b(?:injuries (?:to|at|of)|wounding of|number of (?:the )?(?:injured|wounded))\b[^.;:!?]{0,40}$/i, 'injured'],
  [/\bdisplacement of\b[^.;:!?]{0,40}$/i, 'displaced'],
];

// A breakdown of the figure before it: "at least 492 people, including 35 children", "This includes 35 children".
const BREAKDOWN_BEFORE =
  /\b(?:including|includes?|included|among them|among whom|of whom|among those)\b[^.;:!?\d]{0,40}(?:\d[\d,.]*\s+[^.;:!?\d]{1,30}\s+and\s+)?$/i;

// A short phrase that may stand between the counted noun and its verb: "21 soldiers [in the region] had suffered".
const PHRASE_START = /^[\s,]*(?:in|at|on|from|of|near|across|inside|based)\s+/i;
const RELATIVE = /^[\s,]*(?:who|that|which)\s+/i;
const PHRASE_WORDS = 8;

// How far back a governing verb may be: the figure's own words plus a short object.
const VERB_REACH = /(?:^|[\s(])((?:\S+\s+){0,3}\S+)\s*$/;

/** The last word of a noun phrase, lower case ("drone, rocket and missile strikes" → "strikes"). */
export function headWord(noun: string): string {
  const words = noun
    .toLowerCase()
    .replace(/[.,;:!?]+$/, '')
    .split(/[\s-]+/)
    .filter(Boolean);
  return words[words.length - 1] ?? '';
}

/** Whether a counted noun is a unit of time or measure ("weeks", "km"): such figures are not claims. */
export function isNotCounted(noun: string): boolean {
  return NOT_COUNTED.has(headWord(noun));
}

/** The category a counted noun names on its own ("attacks", "troops"), or null. */
export function categoryOfNoun(noun: string): ClaimCategory | null {
  const head = headWord(noun);
  if (head === 'members' && !/\bservice\b/i.test(noun)) return null;
  if (head === 'forces' && !/\b(?:troops|us|u\.s\.|american|coalition|security|government|special)\b/i.test(noun)) return null;
  return NOUN_CATEGORIES.get(head) ?? null;
}

/** Whether a counted noun names things struck ("facilities", "targets"): strikes when a strike verb precedes them. */
export function isTargetNoun(noun: string): boolean {
  return TARGET_NOUNS.has(headWord(noun));
}

/**
 * The category of a governing verb in `before`: the few words just before the figure, within its clause ("and
 * kidnapped", "has killed", "attacked US forces").
 */
export function categoryOfVerbBefore(before: string): ClaimCategory | null {
  const reach = VERB_REACH.exec(before)?.[1] ?? '';
  // The verb must be in the figure's clause: nothing after a clause break counts.
  const clause = reach.split(/[;:—–()]|,\s/).pop() ?? '';
  for (const [pattern, category] of VERB_BEFORE) {
    const match = pattern.exec(clause);
    if (match === null) continue;
    // "attacked US forces 66 times" may carry an object; a bare noun verb form needs to be the last word.
    const after = clause.slice(match.index + match[0].length);
    if (after.trim().split(/\s+/).filter(Boolean).length <= 2) return category;
  }
  return null;
}

/** The category of a verb just after the counted noun (`after` starts right after the noun), or null. */
export function categoryOfVerbAfter(after: string): ClaimCategory | null {
  const direct = verbAfter(after);
  if (direct !== null) return direct;
  const phrase = PHRASE_START.exec(after);
  if (phrase === null) return null;
  // Skip the phrase a word at a time: the verb may follow any of its words.
  let rest = after.slice(phrase[0].length);
  for (let words = 0; words < PHRASE_WORDS; words++) {
    const word = /^\S+\s+/.exec(rest);
    if (word === null || /[.;:]$/.test(word[0].trim())) return null;
    rest = rest.slice(word[0].length);
    const found = verbAfter(rest);
    if (found !== null) return found;
  }
  return null;
}

function verbAfter(text: string): ClaimCategory | null {
  const aside = ASIDE.exec(text) ?? LIST_AFTER.exec(text);
  const body = aside ? text.slice(aside[0].length) : text;
  const relative = RELATIVE.exec(body);
  let rest = body.slice(relative?.[0].length ?? 0).replace(/^[\s,]+/, '');
  // "the 12 people who the ministry said were killed": a speaker inside the relative clause.
  if (relative !== null) rest = rest.slice(SPEAKER_IN_RELATIVE.exec(rest)?.[0].length ?? 0);
  for (const [pattern, category] of VERB_AFTER) if (pattern.test(rest)) return category;
  return null;
}

// "six health workers, four doctors, a nurse and a pharmacist were abducted": counted items listed up to the verb.
const LIST_AFTER =
  /^(?:\s*,\s*(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d[\d,]*)\s+[a-z-]+(?:\s+[a-z-]+)?)*\s*,?\s+and\s+(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d[\d,]*)\s+[a-z-]+(?:\s+[a-z-]+)?(?=\s+(?:were|was|had|have|are)\b)/i;

// A speaker told inside a relative clause, before its verb: "who the ministry said", "that officials say".
const SPEAKER_IN_RELATIVE = /^(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,2}(?:said|says|say|reported|reports|confirmed)\s+/i;

/** A strike verb anywhere in `text` (the sentence before a figure of targets or facilities). */
export function hasStrikeVerb(text: string): boolean {
  return /\b(?:struck|strikes? on|raids? on|hit|hitting|bombed|targeted|destroyed|pounded|shelled)\b/i.test(text);
}

/** The category a phrase before a figure names ("the death toll ... rose to", "the deaths of"), within its sentence. */
export function categoryOfPhraseBefore(before: string): ClaimCategory | null {
  // The nearest phrase governs: "the death of 36 and injuries to 140": 140 are injured.
  let best: { at: number; category: ClaimCategory } | null = null;
  for (const [pattern, category] of PHRASE_BEFORE) {
    const match = pattern.exec(before);
    if (match !== null && (best === null || match.index > best.at)) best = { at: match.index, category };
  }
  return best?.category ?? null;
}

/** Whether a figure breaks down the one before it ("including 35 children", "among them 12 women"). */
export function isBreakdown(before: string): boolean {
  return BREAKDOWN_BEFORE.test(before);
}

// Weapons counted as launched or downed: drones (and the decoys flown with them) and missiles.
const DRONE_HEADS = new Set(['drones', 'drone', 'uavs', 'uav', 'shaheds', 'shahed', 'decoys', 'decoy']);
const MISSILE_HEADS = new Set(['missiles', 'missile']);
// "shot down 296 drones", "intercepted 87", "destroyed 26 out of the 38": the figure counts what was downed.
const DOWN_BEFORE =
  /\b(?:shot down|shooting down|shoots down|downed|downing|intercepted|intercepting|intercepts|destroyed|destroying|neutrali[sz]ed|repelled|jammed|suppressed|took down)\b(?:\s+(?:and|or)\s+\w+)?(?:\s+[\d,]+(?:\s+[\w’'/-]+){1,4}\s+(?:and|as well as))?(?:\s+(?:at least|more than|over|about|some|nearly|almost|up to|all))*\s*$/i;
const DOWN_AFTER =
  /^[^.;]{0,60}?\b(?:were|was|have been|had been|has been|are)\s+(?:\w+\s+)?(?:shot down|downed|intercepted|destroyed|neutrali[sz]ed|repelled|jammed)\b/i;
// "26 out of the 38 drones", "52 of 72": the whole the downed share is taken from was launched.
const SHARE_WHOLE_BEFORE = /\b(?:out\s+of|of)\s+(?:the\s+|all\s+)?$/i;

/** What a drone or missile is, by the head of the counted noun: `drones`, `missiles` or null for anything else. */
export function weaponOf(noun: string | null): 'drones' | 'missiles' | null {
  if (noun === null) return null;
  const head = headWord(noun);
  if (DRONE_HEADS.has(head) || (head === 'vehicles' && /\bunmanned\b/i.test(noun))) return 'drones';
  if (MISSILE_HEADS.has(head)) return 'missiles';
  return null;
}

// "300 drones and missiles", "missiles and attack drones": one count of a mixed salvo, not of either weapon.
const OTHER_WEAPON_AFTER = /^\s+(?:and|or|&)\s+(?:[a-z-]+\s+){0,2}?(drones?|UAVs?|missiles?)\b/i;

/**
 * The noun of a mixed salvo: a count of drones coordinated with missiles, or of missiles with drones, with no figure
 * of its own for the second ("300 drones and missiles"; not "728 drones and 13 missiles"). Null for one weapon.
 */
export function mixedSalvo(weapon: 'drones' | 'missiles', noun: string, after: string): string | null {
  const other = OTHER_WEAPON_AFTER.exec(after);
  if (other === null || weaponOf(other[1] as string) === weapon) return null;
  return `${noun}${other[0]}`;
}

/** Whether a counted noun is a mixed salvo: both weapons ("drones and missiles"), or "projectiles", a word for all. */
export function isSalvoNoun(noun: string): boolean {
  const words = noun
    .trim()
    .toLowerCase()
    .split(/[\s-]+/);
  if (words.length === 1) return words[0] === 'projectiles' || words[0] === 'projectile';
  const weapons = new Set(words.map((w) => weaponOf(w)));
  return weapons.has('drones') && weapons.has('missiles');
}

/**
 * The category of a count of drones or missiles: downed when a verb of air defence governs it ("shot down 296 drones",
 * "87 drones were intercepted"), else launched ("fired 728 drones", "two ballistic missiles struck the city"); the whole
 * a downed share is taken from ("26 out of the 38 drones") was launched.
 */
export function weaponCategory(weapon: 'drones' | 'missiles', before: string, after: string): ClaimCategory {
  const clause = before.split(/[;:]|,\s/).pop() ?? before;
  const downed = !SHARE_WHOLE_BEFORE.test(clause) && (DOWN_BEFORE.test(clause) || DOWN_AFTER.test(after));
  return `${weapon}-${downed ? 'downed' : 'launched'}`;
}

// A drone or missile noun a few words after a figure the quantity stage left without a noun: "728 Shahed and decoy
// drones", "26 Shahed-136/131 attack UAVs", "52 of 72 drones" (a share of a whole), "two out of three Russia-launched
// Shahed drones". Not past a verb or a clause's start: "50 die as Russian missiles hit" counts the dead.
const WEAPON_NOUN_AFTER =
  /^(\s+(?:out\s+)?of\s+(?:the\s+|all\s+)?(?:[\d,]+|two|three|four|five|six|seven|eight|nine|ten|dozens)\s+)?\s*((?:(?!(?:were|was|are|is|had|have|has|in|at|on|from|by|over|into|toward|towards|against|said|fired|launched|die|died|dies|dead|killed|wounded|injured|as|when|after)\b)[\w’'/.-]+\s+){0,4}?(?:drones?|UAVs?|missiles?|unmanned aerial vehicles))\b/i;

/** The drone or missile noun right after a figure, with where it ends (relative to `after`'s start), or null. */
export function weaponNounAfter(after: string): { noun: string; end: number; share: boolean } | null {
  const match = WEAPON_NOUN_AFTER.exec(after);
  if (match === null || !match[2]) return null;
  return { noun: match[2].trim(), end: match[0].length, share: match[1] !== undefined };
}

// "nine sites have been targeted", "800 targets hit": places struck, said after them.
const STRUCK_AFTER = new RegExp(`^${AUX}(?:targeted|hit|struck|bombed|shelled)\\b`, 'i');

/** Whether the words after a target noun say it was struck ("six locations were targeted"). */
export function isStruckAfter(after: string): boolean {
  return STRUCK_AFTER.test(after.replace(/^[\s,]+/, ''));
}
