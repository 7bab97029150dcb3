/** @module Casualty figures: who was killed, injured or shot, counted from the words around each casualty word. */
import { words } from '../../understand/sentences/words.ts';
import type { DocumentFrame, PlacedMention } from './document-frame.ts';
import type { EventLexicon } from './event-lexicon.ts';
import { defaultTargetLexicon } from './find-target-phrases.ts';

/** What a figure counts: `shot` is killed or injured, not told apart; `suspect` a perpetrator who died. */
export type CasualtyCategory = 'killed' | 'injured' | 'shot' | 'suspect';

/** One casualty figure in a sentence. */
export interface CasualtyFigure {
  readonly category: CasualtyCategory;
  readonly low: number;
  readonly high: number | null;
  /** The casualty word's first token. */
  readonly at: number;
  readonly sentence: number;
  /** "no one was hurt", "caused no casualties as far as is known": the text says there were none. */
  readonly absent: boolean;
  /** "another man was shot", "a second victim": a person not counted by the figures before. */
  readonly additional: boolean;
  /** "a third victim": the place among the victims an additional person is said to have (3), where one is said. */
  readonly ordinal?: number;
  /** The words that carried the count ("three people", "A man"), for the record. */
  readonly rule: string;
  /** "he died", "one of them died": the subject is someone told of before, not a person first counted here. */
  readonly refersBack?: boolean;
  /** "Seven people, including the gunman, were killed": the count has the dead suspect in it. */
  readonly withSuspect?: boolean;
}

const NEGATIONS: ReadonlySet<string> = new Set(words("no not n't none nobody without never neither nor"));
const NEGATION_GLUE: ReadonlySet<string> = new Set(
  words(
    'one else other others people person was were is are been be being has have had did do does reported seriously appear appeared ' +
      'appears seem seemed to caused cause any further additional immediate immediately reports serious major officers officer deputies ' +
      'civilians bystanders students children injuries injured else believed thought of the them those these victims',
  ),
);
// A subject search stops at these: what precedes them is another clause's business.
const STOPS: ReadonlySet<string> = new Set(
  words('said says told according that after when while because before since until as ; : — – ( ) " “ ” but where'),
);
// Kinds of people a target may be that count a group, not its people ("a family").
const PERSON_GROUP_NOUNS: ReadonlySet<string> = new Set(words('family families'));
// The nouns below, and every kind of people a target may be ("priests", "peasants", "a judge": data/target-nouns.json).
const PERSON_NOUNS: ReadonlySet<string> = new Set([
  ...[...defaultTargetLexicon().people.keys()].filter((w) => !w.includes(' ') && !PERSON_GROUP_NOUNS.has(w)),
  ...words(
    'man men woman women boy boys girl girls teen teens teenager teenagers person people persons child children kid kids victim victims ' +
      'student students officer officers deputy deputies resident residents driver drivers passenger passengers bystander bystanders ' +
      'father mother son daughter brother sister wife husband girlfriend boyfriend friend friends infant baby toddler adult adults male males ' +
      'female females individual individuals civilian civilians soldier soldiers troops personnel worker workers contractor employee employees ' +
      'customer customers neighbor neighbors neighbour neighbours suspect suspects gunman gunmen shooter robber intruder juvenile juveniles ' +
      'others relative relatives guard clerk owner patron patrons pedestrian pedestrians motorist cousin uncle nephew niece grandmother grandfather ' +
      'old youth youths member members citizens citizen americans israelis palestinians fighters militants police trooper agent agents ' +
      'bodies deaths fatalities casualties militia militiamen insurgents rebels attackers combatants jihadists terrorists ' +
      'guards policemen servicemen servicemembers sailors marines pilots journalists refugees hostages detainees prisoners ' +
      'player players coach teacher pastor rapper singer veteran nurse doctor grandson granddaughter stepfather stepson mom dad ' +
      'newborn homeowner tenant roommate classmate classmates teammate cashier bouncer sergeant firefighter cop cops freshman sophomore ' +
      'sons daughters brothers sisters parents grandparents cousins grandchildren siblings',
  ),
]);
const HOSPITAL_VERBS: ReadonlySet<string> = new Set(words('sent sending put putting'));
const PERSON_GROUPS: ReadonlySet<string> = new Set(words('family group total'));
const PERPETRATORS: ReadonlySet<string> = new Set(words('suspect gunman shooter robber intruder attacker assailant perpetrator'));
const SINGULAR_DETERMINERS: ReadonlySet<string> = new Set(words('a an one the another this that his her their'));
const PRONOUNS: ReadonlySet<string> = new Set(words('he she him her'));
// Before "another", these make it a place or a thing ("into another room", "from another car"), not a person.
const THING_PREPOSITIONS: ReadonlySet<string> = new Set(words('into in inside to toward towards from at on onto through across'));
const ADDITIONAL: ReadonlySet<string> = new Set(words('another second third fourth fifth also'));
// "a fourth victim" is the fourth person counted, not one more than any count: its place among the victims.
const ORDINAL_PLACES: ReadonlyMap<string, number> = new Map([
  ['second', 2],
  ['third', 3],
  ['fourth', 4],
  ['fifth', 5],
]);
const ACTIVE_FORMS: ReadonlySet<string> = new Set(
  words(
    'killing kills killed kill injuring wounding injured wounded injures wounds grazed grazing leaving left fatal fatally deaths death killings shooting body claimed took ' +
      'hospitalized hospitalizing hurt',
  ),
);
// "fatal shootings of four people", "the death of a man": the count follows the noun's "of".
const OF_FORMS: ReadonlySet<string> = new Set(words('fatal deaths death killings shooting body'));
const INTRANSITIVE: ReadonlySet<string> = new Set(words('died dies dead succumbed'));
const AUXILIARIES: ReadonlySet<string> = new Set(words('was were is are be been being got'));
const CAPTION_WORDS: ReadonlySet<string> = new Set(words('image images photo photos picture slide page video gallery part'));
const AGE_BEFORE: ReadonlySet<string> = new Set(words('age ages aged'));
// How far back a subject may be, in tokens.
const SUBJECT_REACH = 14;

/** Every casualty figure in the document, in text order. */
export function findCasualties(frame: DocumentFrame, lexicon: EventLexicon): CasualtyFigure[] {
  const { view } = frame;
  const figures: CasualtyFigure[] = [];
  // The names of people told dead, by their last word.
  const dead = new Set<string>();
  let previousEnd = 0;
  for (let at = 0; at < view.tokens.length;) {
    const toll = tollPhraseAt(frame, at);
    if (toll) {
      figures.push(toll);
      previousEnd = at + 2;
      at += 2;
      continue;
    }
    const told = possessedDeathAt(frame, at) ?? bodyFoundAt(frame, at);
    if (told) {
      figures.push(told);
      at++;
      continue;
    }
    const murderSuicide = murderSuicideAt(frame, at);
    if (murderSuicide) {
      figures.push(murderSuicide);
      previousEnd = at + 3;
      at += 3;
      continue;
    }
    const multiple = multipleAt(frame, at);
    if (multiple) {
      figures.push(multiple);
      previousEnd = at + 2;
      at += 2;
      continue;
    }
    const match = lexicon.casualty.starts(view, at) ? lexicon.casualty.match(view, at) : null;
    const phrase =
      ownDeathAt(view.keys, at) ?? match ?? woundPhraseAt(view.keys, at) ?? transportAt(frame, at) ?? gunOnSelfAt(view.keys, at);
    // "to honor a slain friend": a word that describes someone already dead counts no one here, nor ends a subject.
    if (phrase === null || isAttributiveDeath(view.keys, at, phrase.end)) {
      at++;
      continue;
    }
    const read = readFigure(frame, phrase.value, at, phrase.end, previousEnd);
    // "165 people were murdered in the city last year": a tally over a period, not one attack's toll.
    // "Eight others were wounded in shootings across the city overnight": a toll summed over several attacks.
    const figure =
      read &&
      ((read.low >= TALLY_LEAST && sentenceTellsPeriod(frame, read.sentence)) ||
        (read.low >= 2 && sentenceTellsRoundup(frame, read.sentence)))
        ? null
        : read;
    const last = figures.at(-1);
    const named = figure ? subjectName(frame, figure) : null;
    if (figure?.category === 'killed' && named) {
      dead.add(named);
      // "Smith was critically wounded ... Smith died Sunday": the one named hurt is the one who died, shot.
      const hurt = figures.findIndex((f) => f.category === 'injured' && subjectName(frame, f) === named);
      if (hurt >= 0) figures[hurt] = { ...(figures[hurt] as CasualtyFigure), category: 'shot', rule: 'casualty/named-hurt-died' };
    }
    if (figure && named && figure.category !== 'killed' && dead.has(named)) {
      // "Felder died inside the home. Felder was wounded in the head": the one named dead is not one more hurt.
    } else if (figure && isWoundOfTheDead(frame, figure, last, phrase.end)) {
      // "was found dead with a gunshot wound": the wound is how the one counted died, not one more hurt.
    } else if (figure && isDeathSaidSelfInflicted(frame, figure, last)) {
      // "the self-inflicted gunshot death of a 3-year-old boy": the one death the suspect's cue told.
    } else if (figure && isSelfInflictedDeath(frame, figure, last)) {
      // "he died of a self-inflicted gunshot wound": the one who died is the suspect, counted once.
      figures[figures.length - 1] = figure;
    } else if (figure && last && isSameOneDied(figure, last)) {
      // "He was taken to a hospital in critical condition, where he died": the one hurt is the one who died.
      figures[figures.length - 1] = { ...last, category: 'killed', at: figure.at, rule: 'casualty/died-later' };
    } else if (figure && isOthersShot(frame, figure, last)) {
      // "Woman killed, four others shot": the others are the ones who lived, hurt.
      figures.push({ ...figure, category: 'injured', rule: 'casualty/others-shot' });
    } else if (figure && last && isAnotherOneKilled(frame, figure, last)) {
      // "Three women were shot and a baby boy was killed": the one killed is someone else; the shot lived.
      figures[figures.length - 1] = { ...last, category: 'injured', rule: 'casualty/shot-beside-another-killed' };
      figures.push(figure);
    } else if (figure && last && isOtherObjectHurt(frame, figure, last)) {
      // "He shot his girlfriend, then wounded an officer": each verb's object is another person, both shot.
      figures.push({ ...figure, category: 'shot', additional: true, rule: 'casualty/another-object-hurt' });
    } else if (figure && (othersBesideTheHurt(frame, figure, figures) || anotherBesideTheHurt(figure, figures))) {
      // "One man is in critical condition and three others were hurt", "Two suffered minor injuries and another is
      // critical": the others are more than the ones counted just before. One figure counts them all, so that a
      // larger count told elsewhere is not added to.
      const hurt = (othersBesideTheHurt(frame, figure, figures) ?? anotherBesideTheHurt(figure, figures)) as CasualtyFigure;
      const high = hurt.high === null || figure.high === null ? null : hurt.high + figure.high;
      figures[figures.lastIndexOf(hurt)] = { ...hurt, low: hurt.low + figure.low, high, rule: 'casualty/others-beside-hurt' };
    } else if (figure && isAnotherBesideTheDead(figure, figures)) {
      // "Three people were killed and another injured": the one more is more than the dead, and the first one hurt.
      figures.push({ ...figure, category: 'injured', additional: false, rule: 'casualty/another-beside-dead' });
    } else if (figure && byGunfire(frame, figure, phrase.end)) {
      // "Six people were hurt, five by gunfire": the attack's own toll is those the gunfire hurt.
      const gunfire = byGunfire(frame, figure, phrase.end) as Count;
      figures.push({ ...figure, low: gunfire.low, high: gunfire.high, rule: 'casualty/injured-by-gunfire' });
    } else if (figure) {
      figures.push(figure);
      const another = anotherLikewise(frame, figure, phrase.end);
      if (another) figures.push(another);
    } else if (phrase.value === 'killed' && last && diedLater(frame, last, at) && isOneOf(frame.view.keys, last.at)) {
      // "One of five people shot outside a bar has died": one of those counted died, the rest were hurt.
      figures.push({ ...last, category: 'killed', low: 1, high: 1, at, additional: false, refersBack: true, rule: 'casualty/one-of-died' });
    } else if (phrase.value === 'killed' && last && diedLater(frame, last, at)) {
      // "A teen who was shot at a party died Sunday", "An Opelousas teen hospitalized after a shooting has died": the
      // one counted as shot or hurt is the one who died, not one more.
      // "One of two men shot late Monday dies": only the one died.
      const one = isOneOfBefore(frame, last) ? { low: 1, high: 1 } : {};
      figures[figures.length - 1] = { ...last, ...one, category: 'killed', rule: 'casualty/died-later' };
    } else if (phrase.value === 'killed' && last && isShotThenKilled(frame, last, at)) {
      // "17-year-old shot, killed inside house", "was shot five times and killed": the one shot is the one killed.
      figures[figures.length - 1] = { ...last, category: 'killed', rule: 'casualty/shot-then-killed' };
    }
    // A carrying to hospital that counts no one leaves the subject to the death told after it ("was taken to a
    // hospital and later died").
    if (read !== null || phrase.value !== 'transported') previousEnd = phrase.end;
    at = phrase.end;
  }
  return figures;
}

/** Whether "slain" describes one person already dead ("a slain friend"), not what befell a subject. */
function isAttributiveDeath(keys: readonly string[], at: number, end: number): boolean {
  return end - at === 1 && keys[at] === 'slain' && /^(a|an)$/.test(keys[at - 1] ?? '') && PERSON_NOUNS.has(keys[end] ?? '');
}

/** The last word of the name a figure of one counts ("Antrez Felder died" gives "felder"), where it counts a name. */
function subjectName(frame: DocumentFrame, figure: CasualtyFigure): string | null {
  if (figure.absent || figure.low !== 1 || !/-(capitalised|name)$/.test(figure.rule)) return null;
  const keys = frame.view.keys;
  let i = figure.at - 1;
  while (i >= 0 && (AUXILIARIES.has(keys[i] as string) || VERB_GLUE.has(keys[i] as string) || (keys[i] as string).endsWith('ly'))) i--;
  return i >= 0 && isCapitalised(frame, i) ? (keys[i] as string) : null;
}

// What may stand between a possessive and "death": "the boy's accidental shooting death".
const DEATH_ADJECTIVES: ReadonlySet<string> = new Set(
  words('accidental apparent shooting tragic untimely violent sudden suspicious unexpected gun gunshot firearm'),
);
// "the man's death sentence", "her death threats": not a death.
const NOT_A_DEATH: ReadonlySet<string> = new Set(words('penalty row sentence sentences threat threats certificate wish'));

/** "the boy's death", "a 4-year-old's shooting death": one person's death, told by whose it was. */
function possessedDeathAt(frame: DocumentFrame, at: number): CasualtyFigure | null {
  const keys = frame.view.keys;
  if (keys[at] !== 'death' || NOT_A_DEATH.has(keys[at + 1] ?? '')) return null;
  let i = at - 1;
  while (i > at - 4 && DEATH_ADJECTIVES.has(keys[i] ?? '')) i--;
  if (keys[i] !== "'s") return null;
  const owner = keys[i - 1] ?? '';
  const person = isSingularPerson(owner) || owner === 'old' || (isCapitalised(frame, i - 1) && isUnplacedName(frame, i - 1));
  if (!person || frame.sentenceOf[i - 1] !== frame.sentenceOf[at]) return null;
  const sentence = frame.sentenceOf[at] as number;
  return { category: 'killed', low: 1, high: 1, at, sentence, absent: false, additional: false, rule: 'casualty/possessed-death' };
}

const BODY_STATES: ReadonlySet<string> = new Set(words('unidentified lifeless decomposed burned charred'));
const FINDING: ReadonlySet<string> = new Set(words('found discovered located recovered find finds discover'));

/** "A body was found", "deputies discovered a body": someone dead, however the report goes on to name them. */
function bodyFoundAt(frame: DocumentFrame, at: number): CasualtyFigure | null {
  const keys = frame.view.keys;
  // Asked at every token: the word itself first.
  if (keys[at] !== 'body') return null;
  const lead = BODY_STATES.has(keys[at - 1] ?? '') ? at - 1 : at;
  const opens = lead === frame.sentences[frame.sentenceOf[at] as number]?.start;
  // "Hambrick's body was discovered", "a resident found his body": whose body it was, found.
  const owned = keys[lead - 1] === "'s" || POSSESSIVES.has(keys[lead - 1] ?? '');
  if (!(opens || owned || /^(a|an|the)$/.test(keys[lead - 1] ?? ''))) return null;
  // "the body was found", "an unidentified body has been located", "found a body".
  const after = keys.slice(at + 1, at + 4);
  const found = (AUXILIARIES.has(after[0] ?? '') || after[0] === 'has') && after.some((k) => FINDING.has(k));
  if (!found && !(opens && FINDING.has(after[0] ?? '')) && !FINDING.has(keys[lead - 2] ?? '')) return null;
  const sentence = frame.sentenceOf[at] as number;
  return { category: 'killed', low: 1, high: 1, at, sentence, absent: false, additional: false, rule: 'casualty/body-found' };
}

// "the death toll rose to 54", "the number of dead has increased to 54", "the injury toll stands at 297".
const TOLL_NOUNS: Readonly<Record<string, 'killed' | 'injured'>> = { death: 'killed', injury: 'injured', casualty: 'killed' };
const COUNTED_DEAD: ReadonlySet<string> = new Set(words('dead deaths fatalities killed victims'));
const COUNTED_HURT: ReadonlySet<string> = new Set(words('injured wounded injuries'));
const TOLL_LEADS: ReadonlySet<string> = new Set(words('to at of reached hit passed surpassed topped exceeded'));
/** Tokens between a toll's noun and its figure: "the death toll from the strike on the city has risen to 54". */
const TOLL_REACH = 12;

/** A toll stated as such: "the death toll rose to 54", "the number of dead has increased to 54". */
function tollPhraseAt(frame: DocumentFrame, at: number): CasualtyFigure | null {
  const keys = frame.view.keys;
  let category: 'killed' | 'injured' | undefined;
  let end = at;
  if (keys[at + 1] === 'toll' && TOLL_NOUNS[keys[at] as string] !== undefined) {
    category = TOLL_NOUNS[keys[at] as string];
    end = at + 2;
  } else if (keys[at] === 'number' && keys[at + 1] === 'of') {
    const counted = keys[at + 2] === 'those' || keys[at + 2] === 'people' ? keys[at + 3] : keys[at + 2];
    category = COUNTED_DEAD.has(counted ?? '') ? 'killed' : COUNTED_HURT.has(counted ?? '') ? 'injured' : undefined;
    end = at + (keys[at + 2] === 'those' || keys[at + 2] === 'people' ? 4 : 3);
  }
  if (category === undefined) return null;
  const sentence = frame.sentenceOf[at] as number;
  const figure = frame.quantities.find(
    (q) => q.sentence === sentence && q.start >= end && q.start - end <= TOLL_REACH && TOLL_LEADS.has(keys[q.start - 1] ?? ''),
  );
  if (figure === undefined) return null;
  const { low, high } = figure.mention.value;
  return { category, low, high, at, sentence, absent: false, additional: false, rule: 'casualty/toll-phrase' };
}

const MULTIPLES: Readonly<Record<string, number>> = { double: 2, triple: 3, quadruple: 4, quintuple: 5 };
const KILLINGS: ReadonlySet<string> = new Set(words('homicide homicides murder murders killing killings slaying slayings'));

/** Whether a token opens "murder-suicide" ("murders-suicide", "murder suicide"). */
function isMurderSuicide(keys: readonly string[], at: number): boolean {
  return /^murders?$/.test(keys[at] ?? '') && (keys[at + 1] === 'suicide' || (keys[at + 1] === '-' && keys[at + 2] === 'suicide'));
}

/**
 * "a murder-suicide", "an apparent double murder-suicide": someone killed (two for a double) and the one who did it,
 * who died by his own hand; a count with the suspect in it, so that "then shot himself" adds no one.
 */
function murderSuicideAt(frame: DocumentFrame, at: number): CasualtyFigure | null {
  const keys = frame.view.keys;
  if (!isMurderSuicide(keys, at)) return null;
  const n = MULTIPLES[keys[at - 1] ?? ''];
  const sentence = frame.sentenceOf[at] as number;
  return {
    category: 'killed',
    low: (n ?? 1) + 1,
    high: n === undefined ? null : n + 1,
    at,
    sentence,
    absent: false,
    additional: false,
    rule: 'casualty/killed-murder-suicide',
    withSuspect: true,
  };
}

/** Whether a sentence tells of a murder-suicide: a count of the dead there has the one who did it in it. */
function sentenceTellsMurderSuicide(frame: DocumentFrame, sentence: number): boolean {
  const span = frame.sentences[sentence];
  if (!span) return false;
  for (let i = span.start; i < span.end; i++) if (isMurderSuicide(frame.view.keys, i)) return true;
  return false;
}

/** "a triple homicide", "a double shooting": the count the word tells, killed or shot. */
function multipleAt(frame: DocumentFrame, at: number): CasualtyFigure | null {
  const keys = frame.view.keys;
  const n = MULTIPLES[keys[at] ?? ''];
  const next = keys[at + 1] ?? '';
  // "a double fatal shooting": as many killed.
  const fatal = /^(fatal|deadly)$/.test(next) && keys[at + 2] === 'shooting';
  if (fatal && n !== undefined) {
    const sentence = frame.sentenceOf[at] as number;
    return { category: 'killed', low: n, high: n, at, sentence, absent: false, additional: false, rule: 'casualty/killed-multiple' };
  }
  if (n === undefined || !(KILLINGS.has(next) || next === 'shooting')) return null;
  // "a double murder-suicide": the one who killed himself is told apart.
  if (keys[at + 2] === '-' && keys[at + 3] === 'suicide') return null;
  const category = next === 'shooting' ? 'shot' : 'killed';
  const sentence = frame.sentenceOf[at] as number;
  return { category, low: n, high: n, at, sentence, absent: false, additional: false, rule: `casualty/${category}-multiple` };
}

// What may stand between "with" and "gunshot wounds": "with non-life threatening gunshot wounds", "suffering from
// apparent gunshot wounds".
const WOUND_LEADS: ReadonlySet<string> = new Set(words('with suffering suffered sustained sustaining suffer sustain'));
const WOUND_GLUE: ReadonlySet<string> = new Set(
  words(
    'from non - life threatening life-threatening apparent multiple serious minor critical single several possible what appeared to be a an',
  ),
);

/** "with non-life threatening gunshot wounds": a wound phrase the lexicon's fixed phrases miss, read as one shot. */
function woundPhraseAt(keys: readonly string[], at: number): { value: 'shot'; end: number } | null {
  if (!WOUND_LEADS.has(keys[at] ?? '')) return null;
  for (let i = at + 1; i < Math.min(keys.length, at + 8); i++) {
    const key = keys[i] as string;
    if ((key === 'gunshot' || key === 'gunshots') && /^wounds?$/.test(keys[i + 1] ?? '')) return { value: 'shot', end: i + 2 };
    if (!WOUND_GLUE.has(key)) return null;
  }
  return null;
}

const WEAPONS: ReadonlySet<string> = new Set(words('gun weapon rifle shotgun handgun pistol revolver firearm'));

/** "before turning the gun on himself", "turned his rifle on herself": the one who fired killed himself. */
function gunOnSelfAt(keys: readonly string[], at: number): { value: 'suspectDied'; end: number } | null {
  if (!/^(turn|turns|turned|turning)$/.test(keys[at] ?? '') || !/^(the|his|her|a)$/.test(keys[at + 1] ?? '')) return null;
  if (!WEAPONS.has(keys[at + 2] ?? '') || keys[at + 3] !== 'on' || !/^(himself|herself)$/.test(keys[at + 4] ?? '')) return null;
  return { value: 'suspectDied', end: at + 5 };
}

/**
 * A headline's "then fatally shoots self", "then kills self": after killing others, the one who did it killed himself.
 * Not "Teen accidentally shoots, kills self", where the one who fired is the only one hurt.
 */
function ownDeathAt(keys: readonly string[], at: number): { value: 'suspectDied'; end: number } | null {
  if (keys[at - 1] !== 'then') return null;
  if (/^(kills|killed|killing)$/.test(keys[at] ?? '') && keys[at + 1] === 'self') return { value: 'suspectDied', end: at + 2 };
  if (keys[at] === 'fatally' && /^(shoots|shot|shooting)$/.test(keys[at + 1] ?? '') && keys[at + 2] === 'self')
    return { value: 'suspectDied', end: at + 3 };
  return null;
}

const TRANSPORT_VERBS: ReadonlySet<string> = new Set(words('rushed taken transported driven flown airlifted'));

/** "were rushed to the hospital", "were taken to Mercy Medical Center": people carried to a hospital, read as hurt. */
function transportAt(frame: DocumentFrame, at: number): { value: 'transported'; end: number } | null {
  const keys = frame.view.keys;
  if (!TRANSPORT_VERBS.has(keys[at] ?? '') || keys[at + 1] !== 'to' || !AUXILIARIES.has(keys[at - 1] ?? '')) return null;
  const sentenceEnd = frame.sentences[frame.sentenceOf[at] as number]?.end ?? 0;
  for (let i = at + 2; i < Math.min(sentenceEnd, at + 9); i++) {
    const key = keys[i] as string;
    if (key === 'hospital' || key === 'hospitals' || (key === 'medical' && keys[i + 1] === 'center'))
      return { value: 'transported', end: at + 1 };
    if (STOPS.has(key) || key === '.') return null;
  }
  return null;
}

// A toll this large told beside a period is a city's or a year's tally.
const TALLY_LEAST = 10;
const PERIOD_UNITS: ReadonlySet<string> = new Set(words('year years month months decade decades'));
const PERIOD_BEFORE: ReadonlySet<string> = new Set(words('this last per each every past recent'));

/** Whether a sentence counts over a period: "this year", "since 2000", "in 2014", "so far", "in November alone". */
function sentenceTellsPeriod(frame: DocumentFrame, sentence: number): boolean {
  const span = frame.sentences[sentence];
  if (!span) return false;
  const keys = frame.view.keys;
  for (let i = span.start; i < span.end; i++) {
    const key = keys[i] as string;
    if (key === 'annually' || key === 'alone' || (key === 'so' && keys[i + 1] === 'far')) return true;
    if (PERIOD_UNITS.has(key) && PERIOD_BEFORE.has(keys[i - 1] ?? '')) return true;
    // "in the past 17 months".
    if (PERIOD_UNITS.has(key) && /^\d+$/.test(keys[i - 1] ?? '') && /^(past|last)$/.test(keys[i - 2] ?? '')) return true;
    if ((key === 'since' || key === 'in') && /^(19|20)\d\d$/.test(keys[i + 1] ?? '')) return true;
  }
  return false;
}

/** Whether a death told of "he" or "she" is that of the one person its sentence just counted as shot or hurt. */
function isSameOneDied(figure: CasualtyFigure, last: CasualtyFigure): boolean {
  return (
    figure.category === 'killed' &&
    figure.refersBack === true &&
    figure.low === 1 &&
    !figure.additional &&
    last.sentence === figure.sentence &&
    (last.category === 'injured' || last.category === 'shot') &&
    last.low === 1 &&
    !last.absent &&
    !last.additional
  );
}

/** Whether the words after a shooting's object tell it killed: "to death", "dead". */
function isToDeath(keys: readonly string[], at: number): boolean {
  return (keys[at] === 'to' && keys[at + 1] === 'death') || keys[at] === 'dead';
}

/** Whether a sentence sums several attacks: "in separate shootings", "in shootings across the city", "citywide". */
function sentenceTellsRoundup(frame: DocumentFrame, sentence: number): boolean {
  const span = frame.sentences[sentence];
  if (!span) return false;
  const keys = frame.view.keys;
  for (let i = span.start; i < span.end; i++) {
    const key = keys[i] as string;
    if (key === 'citywide' || (key === 'separate' && /^(shootings|incidents|attacks)$/.test(keys[i + 1] ?? ''))) return true;
    // Not "the shootings", "Saturday's shootings that killed two": shots told of one attack.
    if (key === 'shootings' && !/^(the|these|those|both|'s|’s|s)$/.test(keys[i - 1] ?? '') && !/^(that|which)$/.test(keys[i + 1] ?? ''))
      return true;
  }
  return false;
}

/** Whether a count of people shot is of others than those just counted as killed in its sentence. */
function isOthersShot(frame: DocumentFrame, figure: CasualtyFigure, last: CasualtyFigure | undefined): boolean {
  if (figure.category !== 'shot' || figure.absent || !last || last.absent || last.category !== 'killed') return false;
  if (last.sentence !== figure.sentence) return false;
  const keys = frame.view.keys;
  // Not "he and four others were shot", which counts him too.
  for (let i = figure.at - 1; i >= Math.max(last.at + 1, figure.at - 4); i--)
    if (keys[i] === 'others' || keys[i] === 'other') return !(keys[i - 2] === 'and' && PRONOUNS.has(keys[i - 3] ?? ''));
  return false;
}

/**
 * Whether a death told in the sentence of a count of the shot, of a subject of its own that is new ("and a baby boy
 * was killed"), is of someone other than the shot. Not "one of them died", "he died", nor a count that may be part.
 */
function isAnotherOneKilled(frame: DocumentFrame, figure: CasualtyFigure, last: CasualtyFigure): boolean {
  if (figure.category !== 'killed' || figure.absent || figure.refersBack || figure.low !== 1) return false;
  if (last.category !== 'shot' || last.absent || last.additional || last.sentence !== figure.sentence || last.low < 2) return false;
  const keys = frame.view.keys;
  // The new subject follows "and": "... were shot during the robbery and a man was killed".
  for (let i = figure.at - 1; i > last.at; i--) {
    if (/^(a|an)$/.test(keys[i] ?? '')) return keys[i - 1] === 'and';
  }
  return false;
}

/**
 * Whether a count of the hurt read as a verb's object is of other people than the one shot just before in its
 * sentence, also read as an object: "shot his girlfriend, then wounded a police officer". Not "shot him, wounding
 * him" (a pronoun tells one already counted), nor "shot and wounded" (one verb).
 */
function isOtherObjectHurt(frame: DocumentFrame, figure: CasualtyFigure, last: CasualtyFigure): boolean {
  if (figure.rule !== 'casualty/injured-object' || last.rule !== 'casualty/shot-object') return false;
  if (figure.absent || last.absent || last.additional || figure.sentence !== last.sentence) return false;
  const keys = frame.view.keys;
  // Only the verb: "the girl's shooting ... wounding his daughter" tells one person twice.
  if (!/^(shot|shoots)$/.test(keys[last.at] ?? '')) return false;
  // The shot's object stands between the two verbs: a bare "shot and wounded" has none.
  return figure.at - last.at > 3 && !/^(him|her|them)$/.test(keys[figure.at + 1] ?? '');
}

/** The figure of the hurt or shot just before an "another" hurt or shot in its sentence, which it is one more than. */
function anotherBesideTheHurt(figure: CasualtyFigure, figures: readonly CasualtyFigure[]): CasualtyFigure | null {
  if (figure.absent || !figure.additional || (figure.category !== 'injured' && figure.category !== 'shot')) return null;
  const nearest = figures.filter((f) => f.sentence === figure.sentence && f.at < figure.at).at(-1);
  if (!nearest || nearest.absent || nearest.additional || (nearest.category !== 'injured' && nearest.category !== 'shot')) return null;
  return nearest;
}

const GUNFIRE_HARM: ReadonlySet<string> = new Set(words('gunfire gunshot gunshots bullet bullets'));

/**
 * The part of a count of the hurt that a breakdown right after it says the gunfire hurt: "six injured, five by
 * gunfire", "five people were hurt, four from gunshots and one from flying glass". Null where none is told.
 */
function byGunfire(frame: DocumentFrame, figure: CasualtyFigure, end: number): Count | null {
  if (figure.category !== 'injured' || figure.absent || figure.low < 2) return null;
  const keys = frame.view.keys;
  const limit = Math.min(frame.sentences[figure.sentence]?.end ?? end, end + 12);
  // The breakdown follows a pause: a comma, a dash or a bracket.
  const pause = keys.slice(end, limit).findIndex((k) => k === ',' || k === '—' || k === '–' || k === '(' || k === '-');
  if (pause < 0) return null;
  const q = frame.quantities.find((x) => x.start === end + pause + 1);
  if (!q || q.mention.value.low >= figure.low) return null;
  const after = keys.slice(q.end, q.end + 4);
  return after.some((k) => GUNFIRE_HARM.has(k)) && /^(by|with|from|suffering|had)$/.test(after[0] ?? '') ? q.mention.value : null;
}

const COUNT_WORDS: ReadonlySet<string> = new Set(words('two three four five six seven eight nine ten eleven twelve several'));

/**
 * The figure of the hurt or shot that a count of "others" told after it in its sentence is more than: "A man was shot
 * and two others were wounded" counts three. Only the nearest figure before it, and only where that one counts the
 * hurt or shot: after "one man died", the others are the ones who lived.
 */
function othersBesideTheHurt(frame: DocumentFrame, figure: CasualtyFigure, figures: readonly CasualtyFigure[]): CasualtyFigure | null {
  if (figure.absent || figure.additional || (figure.category !== 'injured' && figure.category !== 'shot')) return null;
  const before = figures.filter((f) => f.sentence === figure.sentence && f.at < figure.at);
  const nearest = before.at(-1);
  if (!nearest || nearest.absent || (nearest.category !== 'injured' && nearest.category !== 'shot')) return null;
  const keys = frame.view.keys;
  // "three others", "two other men", not "the other" (one told of before) nor "he and three others" (read as one count).
  for (let i = figure.at - 1; i > Math.max(nearest.at, figure.at - 5); i--) {
    if (keys[i] !== 'others' && keys[i] !== 'other') continue;
    const count = keys[i - 1] ?? '';
    // "the five others who were shot": people told of before, not more of them.
    if (!(COUNT_WORDS.has(count) || /^\d+$/.test(count)) || /^(the|those|these|of)$/.test(keys[i - 2] ?? '')) return null;
    if (keys[i - 2] === 'and' && PRONOUNS.has(keys[i - 3] ?? '')) return null;
    // "three victims were rushed to hospital, where one is critical and two others were treated": the others are
    // more than a count told after the figure, not than the figure.
    if (keys.slice(nearest.at + 1, i - 1).some((k) => k === 'one' || COUNT_WORDS.has(k) || /^\d+$/.test(k))) return null;
    return nearest;
  }
  return null;
}

/**
 * Whether "another" hurt or shot is one more than the dead just counted in its sentence, with no one counted as hurt
 * before it there: "a man was killed and another wounded" tells one hurt, not one more than some other count of hurt.
 */
function isAnotherBesideTheDead(figure: CasualtyFigure, figures: readonly CasualtyFigure[]): boolean {
  if (!figure.additional || figure.absent || (figure.category !== 'injured' && figure.category !== 'shot')) return false;
  const before = figures.filter((f) => f.sentence === figure.sentence && !f.absent);
  return before.some((f) => f.category === 'killed') && !before.some((f) => f.category === 'injured' || f.category === 'shot');
}

const NOT_LIKEWISE: ReadonlySet<string> = new Set(words('custody jail critical serious stable fair good grave hospital surgery police'));

/**
 * "One man was shot in the leg and another in the arm": a second person the same verb tells of, with no verb of its
 * own, is one more. Only after a figure of one: "Two men were shot, one in the leg and another in the arm" are two.
 */
function anotherLikewise(frame: DocumentFrame, figure: CasualtyFigure, end: number): CasualtyFigure | null {
  const keys = frame.view.keys;
  if (figure.absent || figure.low !== 1 || figure.category === 'suspect') return null;
  const limit = Math.min(frame.sentences[figure.sentence]?.end ?? end, end + 10);
  for (let i = end; i < limit; i++) {
    const key = keys[i] as string;
    if (STOPS.has(key) && key !== ',') return null;
    // Not "one dead, another in custody", "another in critical condition": a state, not the same harm.
    if (
      key === 'another' &&
      (keys[i - 1] === 'and' || keys[i - 1] === ',') &&
      /^(in|to|on|at|through)$/.test(keys[i + 1] ?? '') &&
      !NOT_LIKEWISE.has(keys[i + 2] ?? '')
    )
      return { ...figure, at: i, additional: true, rule: 'casualty/another-likewise' };
  }
  return null;
}

/** Whether a wound ("with a gunshot wound", "her injuries") is that of one just counted in its sentence. */
function isWoundOfTheDead(frame: DocumentFrame, figure: CasualtyFigure, last: CasualtyFigure | undefined, end: number): boolean {
  const keys = frame.view.keys;
  if (last === undefined || last.absent || last.sentence !== figure.sentence || figure.at - last.at > 12) return false;
  if (figure.category === 'shot') return /^wounds?$/.test(keys[end - 1] ?? '');
  // "She died as a result of her injuries": the injuries are those of the one who died.
  return (
    figure.category === 'injured' &&
    last.category === 'killed' &&
    figure.low === 1 &&
    /^(injuries|injury|wounds)$/.test(keys[end - 1] ?? '') &&
    /^(his|her|their)$/.test(keys[figure.at - 1] ?? '')
  );
}

/** Whether a casualty phrase is one death of someone: "death of", "shooting death of", "fatal shooting of"; not "deaths of". */
function isSingularDeathOf(keys: readonly string[], start: number, end: number): boolean {
  return keys[end - 1] === 'of' && (keys[end - 2] === 'death' || (keys[end - 2] === 'shooting' && keys[start] === 'fatal'));
}

/** Whether a suspect's death ("self-inflicted") tells how the one just counted as killed in its sentence died. */
function isSelfInflictedDeath(frame: DocumentFrame, figure: CasualtyFigure, last: CasualtyFigure | undefined): boolean {
  return (
    figure.rule === 'casualty/suspect-died' &&
    last !== undefined &&
    !last.absent &&
    last.category === 'killed' &&
    last.low === 1 &&
    // Not "shot and killed his wife before turning the gun on himself": one more, who died after the one killed.
    !isAfterward(frame.view.keys, figure.at) &&
    last.sentence === figure.sentence &&
    figure.at - last.at <= 8
  );
}

/** Whether a suspect's death is told as what came next: "before turning the gun on himself", "and then shot himself". */
function isAfterward(keys: readonly string[], at: number): boolean {
  return /^(before|then|after|and)$/.test(keys[at - 1] ?? '') || (keys[at - 1] === 'he' && /^(before|then)$/.test(keys[at - 2] ?? ''));
}

/** Whether a death ("death of a boy") is the one a "self-inflicted" just before it already counted. */
function isDeathSaidSelfInflicted(frame: DocumentFrame, figure: CasualtyFigure, last: CasualtyFigure | undefined): boolean {
  return (
    figure.category === 'killed' &&
    figure.low === 1 &&
    last !== undefined &&
    last.rule === 'casualty/suspect-died' &&
    last.sentence === figure.sentence &&
    figure.at - last.at <= 6 &&
    (frame.view.keys[last.at] ?? '').startsWith('self')
  );
}

/** Whether the count before a casualty word is a part of it: "one of five people shot", "one of the four victims wounded". */
function isOneOf(keys: readonly string[], at: number): boolean {
  for (let i = at - 1; i >= Math.max(1, at - 6); i--) if (keys[i] === 'of' && keys[i - 1] === 'one') return true;
  return false;
}

/** Whether a subjectless death word tells of the people an earlier figure of its sentence counted as shot or hurt. */
function diedLater(frame: DocumentFrame, last: CasualtyFigure, at: number): boolean {
  const keys = frame.view.keys;
  // Not "one of the victims in a double shooting has died": a multiple counts several, and only one of them died.
  if (last.absent || (last.category !== 'shot' && last.category !== 'injured') || last.rule.endsWith('-multiple')) return false;
  if (last.sentence !== frame.sentenceOf[at] || at - last.at > 16) return false;
  // Only a death word said of a subject ("has died", "died Sunday"), not "the death of" nor "killing".
  const key = keys[at] as string;
  return key === 'died' || key === 'dies' || key === 'succumbed' || (key === 'dead' && AUXILIARIES.has(keys[at - 1] ?? ''));
}

const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(words('in on at near during after by while outside inside'));
const CHARGE_VERBS: ReadonlySet<string> = new Set(
  words('charged arrested accused indicted convicted sentenced held jailed suspected wanted sought booked detained'),
);

/** Whether a death noun follows a charge: "charged in killing", "arrested for the deaths", "indicted in the murder". */
function isChargedOver(keys: readonly string[], at: number): boolean {
  let i = at - 1;
  if (/^(the|a|an)$/.test(keys[i] ?? '')) i--;
  return /^(in|for|with|over)$/.test(keys[i] ?? '') && CHARGE_VERBS.has(keys[i - 1] ?? '');
}

/** Whether "one of" opens the clause a figure's count is read in: "One of two men shot late Monday". */
function isOneOfBefore(frame: DocumentFrame, figure: CasualtyFigure): boolean {
  const keys = frame.view.keys;
  const start = frame.sentences[figure.sentence]?.start ?? 0;
  for (let i = figure.at - 1; i >= Math.max(start, figure.at - SUBJECT_REACH); i--) {
    if (STOPS.has(keys[i] as string)) return false;
    if (keys[i] === 'one' && keys[i + 1] === 'of') return true;
  }
  return false;
}

/** Whether a subjectless "killed" right after a comma or "and" tells that the people just counted as shot died. */
function isShotThenKilled(frame: DocumentFrame, last: CasualtyFigure, at: number): boolean {
  const keys = frame.view.keys;
  return (
    keys[at] === 'killed' &&
    (keys[at - 1] === ',' || keys[at - 1] === 'and') &&
    last.category === 'shot' &&
    !last.absent &&
    !last.rule.endsWith('-multiple') &&
    last.sentence === frame.sentenceOf[at] &&
    at - last.at <= 10
  );
}

const CHILD_NOUNS: ReadonlySet<string> = new Set(words('child toddler infant baby kid preschooler kindergartner'));
// Below this age a person who shot himself did so by accident, a child at play.
const CHILD_AGE = 13;

/** Whether the words before a casualty word, within its clause, tell of a young child: "a 4-year-old boy", "the toddler". */
function isChildBefore(keys: readonly string[], from: number, to: number): boolean {
  for (let i = to - 1; i >= from; i--) {
    const key = keys[i] as string;
    // "One of three suspects held in the shooting of a 3-year-old took his own life": the subject is a suspect.
    if (STOPS.has(key) || PERPETRATORS.has(key.replace(/s$/, ''))) return false;
    // "kills 3-year-old, then fatally shoots self": a child the one who fired killed is no subject of his death.
    if (key === 'then' || ACTIVE_FORMS.has(key)) return false;
    if (CHILD_NOUNS.has(key)) return true;
    const aged = keys[i + 1] === '-' && /^(year|month)$/.test(keys[i + 2] ?? '');
    if (aged && /^\d+$/.test(key) && (keys[i + 2] === 'month' || Number(key) < CHILD_AGE)) return true;
  }
  return false;
}

function readFigure(
  frame: DocumentFrame,
  cue: 'killed' | 'injured' | 'shot' | 'suspectDied' | 'any' | 'transported',
  start: number,
  end: number,
  previousEnd: number,
): CasualtyFigure | null {
  const keys = frame.view.keys;
  const sentence = frame.sentenceOf[start] as number;
  const sentenceStart = frame.sentences[sentence]?.start ?? 0;
  const from = Math.max(sentenceStart, previousEnd, start - SUBJECT_REACH);
  const base = { at: start, sentence };
  if (negated(keys, Math.max(sentenceStart, start - 6), start)) {
    const category = cue === 'any' || cue === 'suspectDied' ? 'killed' : cue === 'transported' ? 'injured' : cue;
    return { ...base, category, low: 0, high: 0, absent: true, additional: false, rule: 'casualty/absent' };
  }
  if (cue === 'any') return null;
  // "near Dead River Road": a capitalised casualty word inside running text is part of a name.
  if (
    start > sentenceStart &&
    isCapitalised(frame, start) &&
    /^[a-z]/.test(frame.view.tokens[start - 1]?.text ?? '') &&
    isCapitalised(frame, end)
  )
    return null;
  // "Five people were rushed to the hospital": a count carried there was hurt; one person may have died there.
  if (cue === 'transported') {
    if (sentenceHas(frame, sentence, CRASH_WORDS) && !sentenceHas(frame, sentence, GUNFIRE_WORDS)) return null;
    const subject = countBefore(frame, from, start);
    return subject && (subject.how === 'count' || subject.how === 'both') && !subject.perpetrator && subject.low >= 2
      ? {
          ...base,
          category: 'injured',
          low: subject.low,
          high: subject.high,
          absent: false,
          additional: subject.additional,
          ...ordinalOf(subject),
          rule: 'casualty/transported',
        }
      : null;
  }
  if (isHypothetical(keys, sentenceStart, start) || isChargeName(keys, start, end) || isObjectNegated(keys, end)) return null;
  // "A child was hurt in a rollover", "suffered minor injuries in the struggle", "trampled as the crowd fled": hurt by
  // a crash or something else, where no gunfire is told. Not the dead: a chase or a shot driver that ends in a crash
  // is the archive's too.
  if (
    cue === 'injured' &&
    (sentenceHas(frame, sentence, CRASH_WORDS) || sentenceHas(frame, sentence, OTHER_HARM_WORDS)) &&
    !sentenceHas(frame, sentence, GUNFIRE_WORDS) &&
    !keys.slice(start, end).some(isGunWord)
  )
    return null;
  // "an officer injured his hand", "a deputy hurt her knee": a body part hurt, not a person wounded by the attack.
  if (
    /^(injured|hurt|injures|hurts)$/.test(key0(keys, start, end)) &&
    /^(his|her|their)$/.test(keys[end] ?? '') &&
    BODY_PARTS.has(keys[end + 1] ?? '')
  )
    return null;
  // "treated for smoke inhalation", "treated for dog bites": hurt by something other than the attack.
  if (keys[start] === 'treated' && keys[start + 1] === 'for' && keys.slice(end, end + 4).some((k) => OTHER_HARMS.has(k))) return null;
  // "sent four people to the hospital", "put two in the hospital": injured only where a hospital follows.
  if (HOSPITAL_VERBS.has(keys[start] as string)) {
    const object = countAfter(frame, end);
    const hospital = keys.slice(end, end + 8).some((k) => k === 'hospital' || k === 'hospitals');
    return object && hospital
      ? { ...base, category: 'injured', ...object, absent: false, additional: false, rule: 'casualty/sent-to-hospital' }
      : null;
  }
  // "Police say it was self-inflicted" of a child shot in the hand: a self-inflicted wound is a death only where
  // the sentence tells one.
  // "A boy suffered a self-inflicted gunshot wound": one shot, counted by the subject.
  if (cue === 'suspectDied' && keys[start]?.startsWith('self') && !sentenceHas(frame, sentence, DEATH_WORDS)) {
    const subject = countBefore(frame, from, start);
    return subject
      ? {
          ...base,
          category: 'shot',
          low: subject.low,
          high: subject.high,
          absent: false,
          additional: false,
          rule: 'casualty/self-inflicted-wound',
        }
      : null;
  }
  // "fatally injuring a man": a death, told by "fatally".
  if (cue === 'injured' && keys[start - 1] === 'fatally') return null;
  // "a 4-year-old boy who fatally shot himself": a child who shot himself is the one the shooting killed, not a suspect.
  // The child may be the subject of the death word before ("3-year-old girl dies in self-inflicted accident").
  if (cue === 'suspectDied' && isChildBefore(keys, Math.max(sentenceStart, start - SUBJECT_REACH), start))
    return { ...base, category: 'killed', low: 1, high: 1, absent: false, additional: false, rule: 'casualty/killed-self' };
  if (cue === 'suspectDied')
    return { ...base, category: 'suspect', low: 1, high: 1, absent: false, additional: true, rule: 'casualty/suspect-died' };
  const key = keys[start] as string;
  // "a non-fatal shooting": no one died.
  if ((key === 'fatal' || key === 'deadly') && (keys[start - 1] === 'non' || (keys[start - 1] === '-' && keys[start - 2] === 'non')))
    return null;
  // "investigating a deadly shooting": someone died, however many the rest of the report says.
  if (cue === 'killed' && (key === 'deadly' || key === 'fatal') && keys[end - 1] === 'shooting' && end - start === 2)
    return { ...base, category: 'killed', low: 1, high: null, absent: false, additional: false, rule: 'casualty/deadly-shooting' };
  const passive = AUXILIARIES.has(keys[start - 1] ?? '') || AUXILIARIES.has(keys[start - 2] ?? '');
  // "He also shot at the crowd", "the man who shot Williams": the subject of an active "shot" is the one who fired;
  // only an object counts, and "shot at" has none.
  const shooterSubject = !passive && (key === 'shot' || key === 'shoots') && end - start === 1 && isShooterBefore(keys, start);
  if (shooterSubject && !/^(himself|herself)$/.test(keys[end] ?? '')) {
    if (keys[end] === 'at') return null;
    const object = countAfter(frame, end);
    if (!object || object.perpetrator) return null;
    const category = isToDeath(keys, object.end) ? 'killed' : 'shot';
    return { ...base, category, low: object.low, high: object.high, absent: false, additional: false, rule: `casualty/${category}-object` };
  }
  // "the bodies of a man and a woman": the dead follow "of".
  if (key === 'bodies' && keys[end] === 'of' && end - start === 1) {
    const object = countAfter(frame, end + 1);
    if (object)
      return {
        ...base,
        category: 'killed',
        low: object.low,
        high: object.high,
        absent: false,
        additional: false,
        rule: 'casualty/bodies-of',
      };
  }
  // "the bullets struck the four men": struck counts its object where the sentence tells of gunfire, never its subject
  // ("the man was struck by a car").
  // "Two men were hit in the legs": a passive "hit" counts its subject where the sentence tells of gunfire and no car.
  if (key === 'hit' && end - start === 1) {
    const subject =
      passive && sentenceHas(frame, sentence, GUNFIRE_WORDS) && !sentenceHas(frame, sentence, VEHICLE_WORDS)
        ? countBefore(frame, from, start)
        : null;
    return subject && !subject.perpetrator
      ? {
          ...base,
          category: 'shot',
          low: subject.low,
          high: subject.high,
          absent: false,
          additional: subject.additional,
          ...ordinalOf(subject),
          rule: `casualty/hit-${subject.how}`,
        }
      : null;
  }
  if (key === 'struck' && end - start === 1) {
    const object = passive || !sentenceHas(frame, sentence, GUNFIRE_WORDS) ? null : countAfter(frame, end);
    return object && !object.perpetrator
      ? { ...base, category: 'shot', low: object.low, high: object.high, absent: false, additional: false, rule: 'casualty/struck-object' }
      : null;
  }
  // "killing three", "shot and killed Veondus Dennis and Antwan Wheeler", "he shot two people": an active verb counts
  // its object. Police who "shot and killed the suspect" killed the one who did it, whom the archive counts.
  // "Two people were shooting at each other", "the boys were shooting at crows": the ones who fired, not the shot.
  if (key === 'shooting' && end - start === 1 && keys[end] === 'at') return null;
  // "A shooting wounded four": the verb after the noun counts its object, not the noun.
  if (key === 'shooting' && end - start === 1 && VERBS_AFTER_SHOOTING.has(keys[end] ?? '')) return null;
  if (!passive && (ACTIVE_FORMS.has(key) || key === 'shot' || key === 'shoots')) {
    // "the shooting of a 15-year-old boy": the one shot follows "of".
    // "fatally injuring a man", "fatally striking two": the dead follow the verb after "fatally".
    const objectAt =
      (key === 'shooting' && keys[end] === 'of' && end - start === 1) ||
      (key === 'fatally' && end - start === 1 && /ing$/.test(keys[end] ?? ''))
        ? end + 1
        : end;
    const object = countAfter(frame, objectAt);
    if (object) {
      // "shot four people to death", "shot two men dead": the shot died.
      const died = cue === 'shot' && isToDeath(keys, object.end);
      // "Shooting wounds 4, kills 1": the verb after the noun says the four were hurt, apart from the dead.
      const hurt = key === 'shooting' && end - start === 1 && /^(wounds|injures)$/.test(keys[end] ?? '');
      const told = died ? 'killed' : hurt ? 'injured' : cue;
      const category = object.perpetrator && told === 'killed' ? 'suspect' : told;
      return {
        ...base,
        category,
        low: object.low,
        high: object.high,
        absent: false,
        additional: category === 'suspect',
        rule: `casualty/${category}-object`,
      };
    }
    // "the father shot them": people counted elsewhere, and the subject is the one who shot, not one more hurt.
    if (keys[end] === 'them') return null;
    // "killed one person and injured several others": an object that says no number counts no one here.
    if (/^(several|many|multiple|numerous|dozens|scores|others)$/.test(keys[end] ?? '') && keys[end + 1] !== 'times') return null;
    // "the person who killed these men": the subject of a relative clause's active verb is the one who did it.
    if (/^(who|that)$/.test(keys[start - 1] ?? '') && !/^(himself|herself)$/.test(keys[end] ?? '')) return null;
    // "shot him": one, unless "him" is the suspect ("officers fired on the suspect, killing him").
    if ((keys[end] === 'him' || keys[end] === 'her') && !keys.slice(from, start).some((k) => PERPETRATORS.has(k)))
      return { ...base, category: cue, low: 1, high: 1, absent: false, additional: false, rule: `casualty/${cue}-pronoun-object` };
    // "claimed the life of a sheriff's deputy": one life, whoever it was.
    if (keys[end - 2] === 'life' && keys[end - 1] === 'of')
      return { ...base, category: cue, low: 1, high: 1, absent: false, additional: false, rule: `casualty/${cue}-life` };
    // "the shooting death of a Maumee senior", "the fatal shooting of Tre": one death, where the one who died goes unread.
    if (isSingularDeathOf(keys, start, end))
      return { ...base, category: 'killed', low: 1, high: null, absent: false, additional: false, rule: 'casualty/death-of' };
    if (OF_FORMS.has(key) && key !== 'fatally') return null;
    // "Two men fired shots, killing one and wounding ...", ", injuring several": the subject of a participle after a
    // pause is the one who fired, not the people hurt.
    if (key.endsWith('ing') && keys[start - 1] === ',') return null;
  }
  // "Four shooting victims were found": the count is read with the casualty word inside its noun.
  if (key === 'shooting' && /^victims?$/.test(keys[end] ?? '')) {
    const q = frame.quantities.find((x) => x.start < start && x.end > start && countsPeople(frame, x));
    if (q)
      return {
        ...base,
        category: 'shot',
        low: q.mention.value.low,
        high: q.mention.value.high,
        absent: false,
        additional: false,
        rule: 'casualty/shot-victims',
      };
  }
  // "2 teens charged in killing", "men arrested for the deaths": those charged are not the dead.
  if (cue === 'killed' && isChargedOver(keys, start)) return null;
  // "Four people are recovering after being shot": the subject is the main clause's, before "after".
  const after = keys[start - 1] === 'being' && /^(after|before|from)$/.test(keys[start - 2] ?? '');
  // "Randy Jones, 21, Killed; Three Injured": a headline's participle with no object after it is passive.
  const headlinePassive =
    end - start === 1 && key === 'killed' && (!/^[a-z]/.test(keys[end] ?? '.') || PLACE_PREPOSITIONS.has(keys[end] ?? ''));
  const intransitive = passive || after || headlinePassive || INTRANSITIVE.has(key);
  const subject = after
    ? countBefore(frame, Math.max(sentenceStart, previousEnd, start - 2 - SUBJECT_REACH), start - 2, intransitive)
    : countBefore(frame, from, start, intransitive);
  if (!subject) {
    // "where David McCray, 22, was shot to death": a singular verb says one, where the subject went unread.
    const verb = keys[start - 1] === 'fatally' ? keys[start - 2] : keys[start - 1];
    if (verb === 'was' && cue !== 'shot')
      return { ...base, category: cue, low: 1, high: 1, absent: false, additional: false, rule: `casualty/${cue}-singular-verb` };
    // "Nathaniel Griego, who lived with his grandparents, died Monday": the sentence's subject, past its aside, died.
    if (cue === 'killed' && (key === 'died' || key === 'dies') && verb === ',' && opensWithPerson(frame, sentence))
      return { ...base, category: cue, low: 1, high: 1, absent: false, additional: false, rule: 'casualty/killed-after-aside' };
    return null;
  }
  const category: CasualtyCategory = subject.perpetrator && cue === 'killed' ? 'suspect' : cue;
  return {
    ...base,
    category,
    low: subject.low,
    high: subject.high,
    absent: false,
    additional: subject.additional || category === 'suspect',
    ...ordinalOf(subject),
    rule: `casualty/${category}-${subject.how}`,
    refersBack: REFERRING_SUBJECTS.has(subject.how),
    // "Two dead in murder-suicide": the dead the sentence counts are the victim and the one who did it.
    withSuspect:
      category === 'killed' &&
      (subject.withSuspect || suspectIncludedAfter(keys, end) || (subject.low >= 2 && sentenceTellsMurderSuicide(frame, sentence))),
  };
}

/** Whether the suspect is named among the dead just after the casualty word: "Seven people died, including the gunman". */
function suspectIncludedAfter(keys: readonly string[], end: number): boolean {
  for (let i = end; i < Math.min(keys.length, end + 12); i++) {
    if (keys[i] === 'including') return keys.slice(i + 1, i + 4).some((k) => PERPETRATORS.has(k));
    if (STOPS.has(keys[i] as string) || keys[i] === '.') return false;
  }
  return false;
}

// How a subject was read where it stands for people told of before: "he", "one of them", "two of the four victims".
const REFERRING_SUBJECTS: ReadonlySet<string> = new Set(['pronoun', 'one-of', 'part']);

/** Whether a sentence opens with one person: a name, or "a"/"the" and a person noun. */
function opensWithPerson(frame: DocumentFrame, sentence: number): boolean {
  const start = frame.sentences[sentence]?.start ?? 0;
  const keys = frame.view.keys;
  if (frame.people.some((p) => p.start === start)) return true;
  return (
    SINGULAR_DETERMINERS.has(keys[start] ?? '') &&
    isPersonAhead(keys, start + 1, start + 5) &&
    !keys.slice(start, start + 5).some((k) => k.endsWith('s') && PERSON_NOUNS.has(k))
  );
}

// Casualty verbs read on their own after "shooting": "a shooting injured two men" (not "wounds", which is no casualty word).
const VERBS_AFTER_SHOOTING: ReadonlySet<string> = new Set(words('killed kills killing injured wounded hurt injuring wounding'));

const DEATH_WORDS: ReadonlySet<string> = new Set(words('died dies dead death deaths killed killing fatal fatally suicide slain'));

const GUNFIRE_WORDS: ReadonlySet<string> = new Set(words('bullet bullets gunfire shots rounds gunman gunmen shooter fired shooting'));

const CRASH_WORDS: ReadonlySet<string> = new Set(words('crash crashed crashes wreck collision collided rollover overturned'));
// What else a person is treated for: not the wounds the archive counts.
const OTHER_HARMS: ReadonlySet<string> = new Set(
  words('shock smoke inhalation bites bite cuts cut broken exhaustion anxiety pains pain burns abrasions scrapes bruises dehydration'),
);

const BODY_PARTS: ReadonlySet<string> = new Set(
  words('hand hands arm arms leg legs knee knees ankle ankles back wrist wrists shoulder shoulders foot feet finger fingers neck'),
);
const OTHER_HARM_WORDS: ReadonlySet<string> = new Set(words('struggle scuffle tussle trampled stampede fall glass debris'));

/** The casualty phrase's one word, or nothing where it has more. */
function key0(keys: readonly string[], start: number, end: number): string {
  return end - start === 1 ? (keys[start] ?? '') : '';
}

/** Whether a sentence has any of these words. */
function sentenceHas(frame: DocumentFrame, sentence: number, keys: ReadonlySet<string>): boolean {
  const span = frame.sentences[sentence];
  return span !== undefined && frame.view.keys.slice(span.start, span.end).some((k) => keys.has(k));
}

/** A word of the gun itself: "shot", "gunshot", "shooting". */
function isGunWord(key: string): boolean {
  return /^(shot|shots|shoots|gunshot|gunshots|shooting|gunfire|bullet|bullets)$/.test(key);
}

const VEHICLE_WORDS: ReadonlySet<string> = new Set(words('car vehicle truck suv van train bus motorcycle driver'));

/**
 * A negation bears on the casualty word only with nothing but glue words between ("no one else was hurt", "no
 * injuries were reported", "caused no casualties as far as is known"), not across a clause ("don't blame the boy
 * who shot their child").
 */
function negated(keys: readonly string[], from: number, to: number): boolean {
  for (let i = to - 1; i >= from; i--) {
    const key = keys[i] as string;
    if (NEGATIONS.has(key)) return true;
    if (!NEGATION_GLUE.has(key)) return false;
  }
  return false;
}

// Words that make what follows a possibility, not a happening: "could have been killed", "he will hurt me".
const MODALS: ReadonlySet<string> = new Set(words('would could will should can might'));
const MODAL_GLUE: ReadonlySet<string> = new Set([...words('have be been not never also easily'), "'ve", '’ve', 've']);

/** Whether a casualty word is only a possibility: "could have been killed", "afraid he would hurt her", "threatened to hurt". */
function isHypothetical(keys: readonly string[], sentenceStart: number, at: number): boolean {
  if (keys[at] === 'hurt' && keys[at - 1] === 'to') return true;
  let i = at - 1;
  while (i >= sentenceStart && i >= at - 3 && MODAL_GLUE.has(keys[i] as string)) i--;
  return i < at - 1 || keys[at] === 'hurt' ? i >= sentenceStart && MODALS.has(keys[i] as string) : false;
}

/** Whether an injury word names a crime one is charged with: "injury to a child", "serious bodily injury". */
function isChargeName(keys: readonly string[], start: number, end: number): boolean {
  if (!/^(injury|injuries)$/.test(keys[start] ?? '') || end - start !== 1) return false;
  if (keys[start - 1] === 'bodily') return true;
  const after = keys.slice(end, end + 3);
  return after[0] === 'to' && (/^(child|minor|children|minors)$/.test(after[1] ?? '') || /^(child|minor)$/.test(after[2] ?? ''));
}

/** Whether an active casualty word has nobody for its object: "never hurt anybody", "hurt no one". */
function isObjectNegated(keys: readonly string[], end: number): boolean {
  return /^(nobody|anybody|anyone|noone)$/.test(keys[end] ?? '') || (keys[end] === 'no' && keys[end + 1] === 'one');
}

// Who fires a shot, where they stand right before an active "shot": "he shot", "the gunman who shot".
const SHOOTERS: ReadonlySet<string> = new Set(words('he she they who i we'));

/** Whether the word before an active "shot" (past an adverb) is one who fires: "he also shot", "who shot". */
function isShooterBefore(keys: readonly string[], at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (/ly$/.test(keys[i] as string) || /^(also|then|just|later|first)$/.test(keys[i] as string))) i--;
  return SHOOTERS.has(keys[i] ?? '');
}

interface Count {
  readonly low: number;
  readonly high: number | null;
}

/** The object of an active casualty verb: "killing three people", "killed more than 1,400", "wounding a man". */
function countAfter(frame: DocumentFrame, from: number): (Count & { readonly perpetrator: boolean; readonly end: number }) | null {
  const keys = frame.view.keys;
  const object = objectAfter(frame, from);
  if (!object) return null;
  // "killed four classmates and himself": the one who did it died too.
  // "kills daughter, himself", "shoots 3 musicians, self": a headline's comma stands for the "and".
  // "kills wife, son, daughter, then himself".
  const then = keys[object.end + 1] === 'then' ? 1 : 0;
  const self =
    (keys[object.end] === 'and' || keys[object.end] === ',') && /^(himself|herself|self)$/.test(keys[object.end + 1 + then] ?? '') ? 1 : 0;
  const perpetrator = PERPETRATORS.has(keys[object.end - 1] ?? '');
  return { low: object.low + self, high: object.high === null ? null : object.high + self, perpetrator, end: object.end };
}

function objectAfter(frame: DocumentFrame, from: number): (Count & { readonly end: number }) | null {
  const keys = frame.view.keys;
  // "In the aftermath of the shooting, a dozen family members gathered": an object follows its verb with no pause,
  // and within its sentence.
  if (!/^[a-z0-9]/.test(keys[from] ?? '') || frame.sentenceOf[from] !== frame.sentenceOf[from - 1]) return null;
  const list = headlineList(frame, from);
  if (list) return list;
  // Not "two critically injured and 22 others": a count after "and" is another subject, not the object.
  // Nor "shot while 2 were playing": a count after a clause word is the next clause's subject.
  const quantity = frame.quantities.find(
    (q) => q.start >= from && q.start - from <= 1 && keys[from] !== 'and' && !(q.start > from && STOPS.has(keys[from] ?? '')),
  );
  if (quantity && countsPeople(frame, quantity)) {
    const noun = quantity.mention.value.nounSpan;
    const end = noun ? tokenAtOrAfter(frame, noun.end) : quantity.end;
    const more = noun ? personJoinedAfter(frame, end) : null;
    if (more)
      return {
        low: quantity.mention.value.low + more.low,
        high: quantity.mention.value.high === null || more.high === null ? null : quantity.mention.value.high + more.high,
        end: more.end,
      };
    return { low: quantity.mention.value.low, high: quantity.mention.value.high, end };
  }
  // "killing Sarah Davidson", "injuring Leanne Smith and Dustin Grey", "killed 13-year-old Eddie Holmes".
  let at = from;
  while (at < from + 6 && /^(\d+|-|year|years|old|a|an|the|his|her|their)$/.test(keys[at] ?? '')) at++;
  const names = frame.people.filter((p) => p.start >= at && p.start - at <= 1);
  if (names.length > 0) {
    let n = 1;
    let last = names[0] as PlacedMention;
    for (const p of frame.people) {
      if (p.start > last.end && joinedByAnd(keys, last.end, p.start)) {
        n++;
        last = p;
      }
    }
    return { low: n, high: n, end: last.end };
  }
  // "killing 16-year-old Shakur Franklin" where the name went unread: an age before a capitalised word is a person.
  if (keys[at - 1] === 'old' && isCapitalised(frame, at)) return { low: 1, high: 1, end: at + 1 };
  // "Shotgun blast kills 11-year-old in hunting trip": an age standing alone is a person.
  const past = keys[at] ?? '.';
  if (keys[at - 1] === 'old' && at > from && (!/^[a-z]/.test(past) || FUNCTION_WORDS.has(past))) return { low: 1, high: 1, end: at };
  if (SINGULAR_DETERMINERS.has(keys[from] ?? '') && keys[from] !== 'the') {
    // "killed his wife and son", "wounding a man and a woman".
    const nouns = singularNouns(keys, from, from + 16);
    if (nouns.count > 0) {
      // "killed a police officer and three other people": a count joined after the singular ones adds to them.
      const more =
        keys[nouns.end] === 'and'
          ? frame.quantities.find(
              // "his girlfriend and her three children".
              (q) =>
                (q.start === nouns.end + 1 || (q.start === nouns.end + 2 && POSSESSIVES.has(keys[nouns.end + 1] ?? ''))) &&
                countsPeople(frame, q),
            )
          : undefined;
      if (more) {
        const low = nouns.count + more.mention.value.low;
        const high = more.mention.value.high === null ? null : nouns.count + more.mention.value.high;
        return { low, high, end: quantityEnd(frame, more) };
      }
      return { low: nouns.count, high: nouns.count, end: nouns.end };
    }
  }
  if (isSingularPerson(keys[at] ?? '')) {
    // "kills mother, stepfather and grandmother".
    const n = 1 + bareNounsAfter(keys, at + 1, keys.length);
    return { low: n, high: n, end: listEnd(keys, at, n) };
  }
  // "a shooting that killed one and injured three others".
  if (keys[from] === 'one' && !/^[a-z]/.test(keys[from + 1] ?? '.')) return { low: 1, high: 1, end: from + 1 };
  // "killed four and wounded another": one more person, whatever follows ("another in the leg").
  if (keys[from] === 'another' && !isPersonAhead(keys, from + 1, from + 3)) return { low: 1, high: 1, end: from + 1 };
  if (keys[from] === 'one' && keys[from + 1] === 'and') return { low: 1, high: 1, end: from + 1 };
  // "killing one of them", "killing one visitor".
  if (keys[from] === 'one' && /^[a-z]+$/.test(keys[from + 1] ?? '')) return { low: 1, high: 1, end: from + 2 };
  // "killing Selmon and injuring three": a capitalised word the name finder missed, where no place, date or group is.
  // Not in a headline's title case ("Four Injured In Shooting"), where every word is capitalised.
  if (
    isCapitalised(frame, from) &&
    !isCapitalised(frame, from - 1) &&
    isUnplacedName(frame, from) &&
    /^[a-z]+$/.test(keys[from] ?? '') &&
    !PERSON_NOUNS.has(keys[from] ?? '') &&
    !FUNCTION_WORDS.has(keys[from] ?? '')
  )
    return { low: 1, high: 1, end: from + 1 };
  return null;
}

/**
 * People joined by "and" right after an object's count: "wounding three adults and a child" is four, "killing two men
 * and three women" five. Only a person phrase: "injuring two people and damaging a car" adds no one.
 */
function personJoinedAfter(frame: DocumentFrame, at: number): (Count & { readonly end: number }) | null {
  const keys = frame.view.keys;
  if (keys[at] !== 'and' || frame.sentenceOf[at + 1] !== frame.sentenceOf[at]) return null;
  const quantity = frame.quantities.find((q) => q.start === at + 1 && countsPeople(frame, q) && q.mention.value.nounSpan !== null);
  if (quantity) return { low: quantity.mention.value.low, high: quantity.mention.value.high, end: quantityEnd(frame, quantity) };
  if (!/^(a|an)$/.test(keys[at + 1] ?? '')) return null;
  const nouns = singularNouns(keys, at + 1, at + 8);
  return nouns.count > 0 ? { low: nouns.count, high: nouns.count, end: nouns.end } : null;
}

// What may stand before a listed person: "her son", "2 young children", "his estranged wife".
const LIST_ITEM_LEADS: ReadonlySet<string> = new Set(words('his her their young little teenage estranged pregnant elderly adult infant'));

/**
 * A headline's list of the people an active verb killed, its commas standing for "and": "kills woman, her son,
 * himself" are three, "killing wife, 2 young children" three, "killing officer, 3 others" four. Only a list of two
 * items or more, where no item opens with "a" or "the": "killed his wife, a nurse" is one woman, named twice.
 */
function headlineList(frame: DocumentFrame, from: number): (Count & { readonly end: number }) | null {
  const keys = frame.view.keys;
  let items = 0;
  let count = 0;
  let i = from;
  for (;;) {
    let k = i;
    for (;;) {
      if (LIST_ITEM_LEADS.has(keys[k] ?? '')) k++;
      // "his 2-year-old son": an age, not a count.
      else if (/^\d+$/.test(keys[k] ?? '') && keys[k + 1] === '-' && /^(year|month)$/.test(keys[k + 2] ?? '')) k += 5;
      else break;
    }
    const quantity = frame.quantities.find((q) => q.start === k && (countsPeople(frame, q) || isPeopleNoun(q.mention.value.noun)));
    if (/^(himself|herself|self)$/.test(keys[k] ?? '') && items > 0) {
      count++;
      k++;
    } else if (quantity && quantity.mention.value.high === quantity.mention.value.low && quantity.mention.value.noun !== null) {
      count += quantity.mention.value.low;
      k = quantityEnd(frame, quantity);
    } else if (isSingularPerson(keys[k] ?? '')) {
      count++;
      k++;
      while (isSingularPerson(keys[k] ?? '')) k++;
    } else break;
    items++;
    i = k;
    let gap = i;
    while (gap < i + 3 && /^(,|and|then)$/.test(keys[gap] ?? '')) gap++;
    if (gap === i) break;
    i = gap;
  }
  return items >= 2 && frame.sentenceOf[i - 1] === frame.sentenceOf[from] ? { low: count, high: count, end: lastItemEnd(keys, i) } : null;
}

/** Whether a quantity's noun names people in the plural: "four daughters", "two sons". */
function isPeopleNoun(noun: string | null): boolean {
  const last =
    noun
      ?.toLowerCase()
      .split(/[\s-]+/)
      .at(-1) ?? '';
  return PERSON_NOUNS.has(last) || isSingularPerson(last.replace(/s$/, ''));
}

/** Where a list ends: before the joining words the walk stepped over after its last item. */
function lastItemEnd(keys: readonly string[], at: number): number {
  let i = at;
  while (i > 0 && /^(,|and|then)$/.test(keys[i - 1] ?? '')) i--;
  return i;
}

const FUNCTION_WORDS: ReadonlySet<string> = new Set(words('in on at of for to by with and or the a an after before during near'));

/** Singular person phrases from `from`, joined by "and" ("his wife and son", "a man and a woman"): how many, and where they end. */
function singularNouns(keys: readonly string[], from: number, limit: number): { count: number; end: number } {
  let count = 0;
  let end = from;
  for (let i = from; i < Math.min(limit, keys.length); i++) {
    const key = keys[i] as string;
    if (isSingularPerson(key)) {
      count++;
      // "a police officer": one person named by two nouns.
      while (isSingularPerson(keys[i + 1] ?? '')) i++;
      end = i + 1;
      // "an 8-year-old child, a man and a woman": a comma before another singular phrase joins it as "and" does.
      // "his mother, stepfather, and grandmother": so does a comma before a bare one, or before "and".
      const next = keys[i + 2] ?? '';
      const commaJoins =
        keys[i + 1] === ',' &&
        ((/^(a|an)$/.test(next) && isPersonAhead(keys, i + 3, i + 8)) ||
          isSingularPerson(next) ||
          (next === 'and' && isSingularPerson(keys[i + 3] ?? '')));
      if (keys[i + 1] !== 'and' && !commaJoins) break;
      i += keys[i + 1] === ',' && next === 'and' ? 2 : 1;
    } else if (!/^[a-z0-9-]+$/.test(key) || STOPS.has(key) || key.endsWith('ing')) break;
  }
  return { count, end };
}

/** The token just past a quantity and its noun: "four victims" ends after "victims". */
function quantityEnd(frame: DocumentFrame, quantity: PlacedMention<'quantity'>): number {
  const noun = quantity.mention.value.nounSpan;
  return noun ? Math.max(quantity.end, tokenAtOrAfter(frame, noun.end)) : quantity.end;
}

/**
 * Capitalised names back from `head`, each perhaps after an age, joined by commas and "and": "61-year-old Joe Wills,
 * 29-year-old Bryan Wills and Kevin Perry" are three.
 */
function namesBefore(frame: DocumentFrame, head: number, start: number): number {
  const keys = frame.view.keys;
  let n = 1;
  let i = head;
  for (;;) {
    while (i > start && isCapitalised(frame, i - 1)) i--;
    let k = i - 1;
    while (k >= start && /^(\d+|-|year|years|old)$/.test(keys[k] as string)) k--;
    // A list ends with "and": "Wren" after "Medical Examiners," is one, and so is "Charles McDonald, Jr.".
    if (k < start || !(keys[k] === 'and' || (keys[k] === ',' && n > 1))) return n;
    k--;
    while (k >= start && /^(\d+|-|year|years|old)$/.test(keys[k] as string)) k--;
    if (k < start || !isCapitalised(frame, k) || !isUnplacedName(frame, k)) return n;
    n++;
    i = k;
  }
}

/** Whether no place, date, group or count mention covers a token. */
function isUnplacedName(frame: DocumentFrame, at: number): boolean {
  const covers = (m: { start: number; end: number }) => m.start <= at && m.end > at;
  return ![frame.places, frame.dates, frame.actors, frame.quantities].some((list) => list.some(covers));
}

function isCapitalised(frame: DocumentFrame, at: number): boolean {
  return /^\p{Lu}/u.test(frame.view.tokens[at]?.text ?? '');
}

function tokenAtOrAfter(frame: DocumentFrame, offset: number): number {
  const tokens = frame.view.tokens;
  let i = 0;
  while (i < tokens.length && (tokens[i] as { start: number }).start < offset) i++;
  return i;
}

/** The subject of a casualty word, counted: quantities ("two men and a woman"), a singular phrase ("A man"), a name or "he". */
function countBefore(
  frame: DocumentFrame,
  from: number,
  to: number,
  intransitive = false,
):
  | (Count & {
      readonly additional: boolean;
      readonly ordinal?: number | undefined;
      readonly perpetrator: boolean;
      readonly withSuspect: boolean;
      readonly how: string;
    })
  | null {
  const keys = frame.view.keys;
  let start = from;
  for (let i = to - 1; i >= from; i--) {
    // "The victim (Timothy Echols) died": an aside in brackets right before the verb names the subject before it.
    if (keys[i] === ')' && i === subjectEnd(keys, from, to)) {
      const open = keys.lastIndexOf('(', i);
      if (open > from) {
        i = open;
        continue;
      }
    }
    // "he has since died": "since" after "has" is an adverb, not the start of another clause.
    if (STOPS.has(keys[i] as string) && !(keys[i] === 'since' && /^(has|have|had)$/.test(keys[i - 1] ?? ''))) {
      start = i + 1;
      break;
    }
  }
  if (start >= to) return null;
  let additional = false;
  let ordinal: number | undefined;
  let perpetrator = false;
  for (let i = start; i < to; i++) {
    const key = keys[i] as string;
    // "another man", "a second victim", "was also shot": not "for the fourth time", nor a rank ("the second student
    // to be killed this year").
    // "the fourth teenager killed in 2017": an ordinal beside a period ranks the dead of a year, it adds no one here.
    const ranked = isRank(keys, i, to) || (keys[i - 1] === 'the' && sentenceTellsPeriod(frame, frame.sentenceOf[i] as number));
    if (ADDITIONAL.has(key) && (key === 'also' ? i >= to - 2 : isPersonAhead(keys, i + 1, Math.min(to, i + 3)) && !ranked)) {
      additional = true;
      ordinal = ORDINAL_PLACES.get(key) ?? ordinal;
    }
    if (PERPETRATORS.has(key)) perpetrator = true;
  }
  // "Seven people, including the shooter": a count with the suspect among it, not the suspect alone.
  const including = keys.slice(start, to).indexOf('including');
  const withSuspect = perpetrator && including > 0 && keys.slice(start + including, to).some((k) => PERPETRATORS.has(k));
  if (withSuspect) perpetrator = false;
  const head = subjectEnd(keys, start, to);
  // "One dead in ...", "one injured", "and one was later pronounced dead".
  if (head >= start && keys[head] === 'one' && !frame.quantities.some((q) => q.end === head + 1))
    return { low: 1, high: 1, additional, ordinal, perpetrator, withSuspect, how: 'one' };
  // A bare number counts only right before the casualty word ("two dead", "one fatally"): elsewhere it is an age or a time.
  const quantities = frame.quantities.filter(
    (q) =>
      q.start >= start &&
      q.end <= to &&
      countsPeople(frame, q, to) &&
      ((q.mention.value.noun !== null && q.end !== to) ||
        to - q.end <= 1 ||
        // "Five more officers": a number whose noun the quantity missed past "more".
        (/^(more|other)$/.test(keys[q.end] ?? '') && PERSON_NOUNS.has(keys[q.end + 1] ?? '')) ||
        keys[q.end] === 'of' ||
        (keys[q.start - 1] === 'of' && PERSON_GROUPS.has(keys[q.start - 2] ?? ''))),
  );
  // "Five members of a family, including three children": the count before "including" is the whole.
  if (including > 0) {
    const whole = quantities.filter((q) => q.end <= start + including);
    if (whole.length > 0) quantities.splice(0, quantities.length, ...whole);
  }
  // "two of the four victims had died": the part, not the whole.
  // Only where the whole is the subject's end: "four of the five people found shot dead" counts the five.
  const part = quantities.find(
    (q) => keys[q.end] === 'of' && quantities.some((w) => w.start > q.end && w.start - q.end <= 2 && quantityEnd(frame, w) === head + 1),
  );
  if (part)
    return { low: part.mention.value.low, high: part.mention.value.high, additional, ordinal, perpetrator, withSuspect, how: 'part' };
  if (quantities.length > 0) {
    // The nearest count, and the counts joined to it by "and" ("two men and three women").
    let low = 0;
    let high: number | null = 0;
    let last = quantities.at(-1) as PlacedMention<'quantity'>;
    const closest = last;
    low += last.mention.value.low;
    high = last.mention.value.high;
    for (let k = quantities.length - 2; k >= 0; k--) {
      const q = quantities[k] as PlacedMention<'quantity'>;
      if (!joinedByAnd(keys, q.end, last.start)) break;
      // "13 people, 11 males and two females": a breakdown set off by a comma restates the count before it; a
      // breakdown has parts joined by "and" ("2 Girls, 2 Men Shot" is four).
      const between = keys.slice(q.end, last.start);
      if (q.mention.value.low === low && low !== closest.mention.value.low && between.includes(',') && !between.includes('and')) break;
      low += q.mention.value.low;
      high = high === null || q.mention.value.high === null ? null : high + q.mention.value.high;
      last = q;
    }
    // "two men, three women and a child": a singular phrase after the counts is one more.
    const nearest = quantities.at(-1) as PlacedMention<'quantity'>;
    // "three other women and a man": "other" or "more" before the noun.
    const tail = /^(other|more)$/.test(keys[nearest.end] ?? '') ? nearest.end + 1 : nearest.end;
    const and = keys.indexOf('and', tail);
    if (and >= tail && and - tail <= 1 && /^(a|an|one)$/.test(keys[and + 1] ?? '') && isPersonAhead(keys, and + 2, Math.min(to, and + 4))) {
      low += 1;
      if (high !== null) high += 1;
    }
    // "Man, 3 girls shot", "4 women, man shot": a bare noun listed beside the counts is one more each.
    const listed =
      listedBefore(keys, last.start, start) +
      bareNounsAfter(keys, quantityEnd(frame, nearest), head + 1) +
      singularBefore(keys, last.start, start);
    low += listed;
    if (high !== null) high += listed;
    // "he and three others were shot".
    if (keys[last.start - 1] === 'and' && PRONOUNS.has(keys[last.start - 2] ?? '')) {
      low += 1;
      if (high !== null) high += 1;
    }
    return { low, high, additional, ordinal, perpetrator, withSuspect, how: 'count' };
  }
  if (keys.slice(start, to).includes('both')) return { low: 2, high: 2, additional, ordinal, perpetrator, withSuspect, how: 'both' };
  const names = frame.people.filter((p) => p.start >= start && p.end <= to);
  if (names.length > 0) {
    let n = 1;
    for (let k = names.length - 1; k > 0; k--) {
      if (!joinedByAnd(keys, (names[k - 1] as PlacedMention).end, (names[k] as PlacedMention).start)) break;
      n++;
    }
    return { low: n, high: n, additional, ordinal, perpetrator, withSuspect, how: 'name' };
  }
  for (let i = to - 1; i >= start; i--) {
    const key = keys[i] as string;
    // "One of them died", "one of the victims".
    if (key === 'one' && keys[i + 1] === 'of') return { low: 1, high: 1, additional, ordinal, perpetrator, withSuspect, how: 'one-of' };
    // Not "the victims", "their children": a plural noun after "the" counts no one in particular.
    if (SINGULAR_DETERMINERS.has(key) && isPersonAhead(keys, i + 1, to) && !isPluralAhead(keys, i + 1, to)) {
      // "the 7-year-old girl and her father": each singular phrase joined by "and" is one more.
      let n = 1;
      // Only an "and" right before the phrase: "officers arrived and found a woman" is one.
      // Not "Her son was with her throughout, and the boy was wounded": ", and the" after a word that names no one
      // joins clauses; the one after it is told of again.
      const joinsClauses =
        keys[i] === 'the' &&
        keys[i - 2] === ',' &&
        !PERSON_NOUNS.has(keys[i - 3] ?? '') &&
        /^[a-z]+$/.test(frame.view.tokens[i - 3]?.text ?? '');
      if (keys[i - 1] === 'and' && i - 1 > start && !joinsClauses && isPersonAhead(keys, Math.max(start, i - 9), i - 1)) n++;
      // "An 18-year-old girl and 3-year-old were hurt": a bare age or person after "and" is one more.
      else n += andAgeAtSubjectEnd(keys, nounEnd(keys, i + 1, to), to);
      return { low: n, high: n, additional, ordinal, perpetrator, withSuspect, how: 'singular' };
    }
  }
  // A headline's bare noun: "3-year-old child shot and killed", "Teen dies after shooting".
  const personHead = pastAsides(frame, head, start);
  const noun = keys[personHead] ?? '';
  if (personHead >= start && isSingularPerson(noun)) {
    // "Man, toddler found dead", "Mother, father, son killed": a headline lists its people without articles.
    const n = bareNounsBefore(keys, personHead, start);
    return { low: n, high: n, additional, ordinal, perpetrator, withSuspect, how: n > 1 ? 'bare-nouns' : 'bare-noun' };
  }
  for (let i = to - 1; i >= start; i--)
    if (PRONOUNS.has(keys[i] as string)) return { low: 1, high: 1, additional, ordinal, perpetrator, withSuspect, how: 'pronoun' };
  // "Watford died at the scene": a capitalised word that names no place, date or group is a person's name, where the
  // casualty word has no object ("Braud shot them" names the one who shot).
  // "Calvin Ames, 24 was shot": the name stands before its age.
  const nameHead = /^\d+$/.test(keys[personHead] ?? '') && keys[personHead - 1] === ',' ? personHead - 2 : personHead;
  if (intransitive && nameHead >= start && isCapitalised(frame, nameHead) && isUnplacedName(frame, nameHead)) {
    const n = namesBefore(frame, nameHead, start);
    return { low: n, high: n, additional, ordinal, perpetrator, withSuspect, how: 'capitalised' };
  }
  // "One teenager is dead and another is being treated": another on its own is one more person.
  // Not "took the gun into another room": "another" after a preposition is a place or thing, no one.
  if (keys.slice(start, to).some((k, i) => k === 'another' && !THING_PREPOSITIONS.has(keys[start + i - 1] ?? '')))
    return { low: 1, high: 1, additional: true, perpetrator, withSuspect, how: 'another' };
  return null;
}

/**
 * The subject's head past what is said of it between commas or after "of": "Boy, 14, fatally shot" is the boy's,
 * "Jahleel Munnings of Quincy died" and "Lee Wren of Akron, was shot" are the named man's.
 */
function pastAsides(frame: DocumentFrame, head: number, start: number): number {
  const keys = frame.view.keys;
  let at = head;
  const comma = keys[at] === ',' && at > start;
  if (comma) at--;
  const home = frame.places.find((p) => p.end === at + 1 && p.start > start + 1);
  // "Damon Sochko, 16, of Morgantown, died": the age may stand before the home town.
  // "Dronald Washington, of Labadieville, was shot": a comma may set the home town off.
  if (home && keys[home.start - 1] === 'of') {
    const before = keys[home.start - 2] === ',' && home.start - 3 >= start ? home.start - 3 : home.start - 2;
    return before === head ? head : pastAsides(frame, before, start);
  }
  if (comma && /^\d+$/.test(keys[at] ?? '') && keys[at - 1] === ',') return at - 2;
  return head;
}

// What stands between a subject and its casualty word: "one was later pronounced dead", "a man has since died".
const VERB_GLUE: ReadonlySet<string> = new Set(words('has have had later since then also reportedly found'));

/** The subject's last token before `to`, past auxiliaries and adverbs; below `start` where there is none. */
function subjectEnd(keys: readonly string[], start: number, to: number): number {
  let i = to - 1;
  while (i >= start && (AUXILIARIES.has(keys[i] as string) || VERB_GLUE.has(keys[i] as string) || (keys[i] as string).endsWith('ly'))) i--;
  return i;
}

const PLURALS_WITHOUT_S: ReadonlySet<string> = new Set(words('people men women children police personnel militia'));

/** A person noun that counts one: "man", "teen", "3-year-old"; not "people" or "police". */
function isSingularPerson(key: string): boolean {
  const singular = defaultTargetLexicon().people.get(key);
  if (singular !== undefined && !PERSON_GROUP_NOUNS.has(key)) return singular;
  return PERSON_NOUNS.has(key) && !key.endsWith('s') && !PLURALS_WITHOUT_S.has(key);
}

// Between the people of a headline's list: "Man, toddler", "mother, father and son".
const LIST_GLUE: ReadonlySet<string> = new Set(words(', and'));
const AGE_TOKENS = /^(\d+|-|year|years|old)$/;

/**
 * How many bare singular person nouns end at `head`, each set off from the one before by a comma or "and" (an age may
 * stand before each): "Mother, father, 2-year-old son" are three. At least one: the noun at `head`.
 */
function bareNounsBefore(keys: readonly string[], head: number, start: number): number {
  if (!isSingularPerson(keys[head] ?? '')) return 1;
  let n = 1;
  let i = head - 1;
  for (;;) {
    while (i >= start && AGE_TOKENS.test(keys[i] as string)) i--;
    if (i < start || !LIST_GLUE.has(keys[i] as string)) return n;
    while (i >= start && LIST_GLUE.has(keys[i] as string)) i--;
    while (i >= start && AGE_TOKENS.test(keys[i] as string) && keys[i] !== 'old') i--;
    if (i < start || !isSingularPerson(keys[i] as string) || SINGULAR_DETERMINERS.has(keys[i - 1] ?? '')) return n;
    n++;
    i--;
  }
}

/** How many bare singular person nouns are listed before a count at `at`, set off from it by a comma or "and". */
function listedBefore(keys: readonly string[], at: number, start: number): number {
  let i = at - 1;
  if (!LIST_GLUE.has(keys[i] ?? '')) return 0;
  while (i >= start && LIST_GLUE.has(keys[i] as string)) i--;
  if (i < start || !isSingularPerson(keys[i] as string) || SINGULAR_DETERMINERS.has(keys[i - 1] ?? '')) return 0;
  return bareNounsBefore(keys, i, start);
}

/** One where "a boy, 15, and" stands before a count: a singular phrase, perhaps with its age, listed with "and". */
function singularBefore(keys: readonly string[], at: number, start: number): number {
  let i = at - 1;
  if (keys[i] !== 'and') return 0;
  i--;
  while (i >= start && (keys[i] === ',' || /^\d+$/.test(keys[i] as string))) i--;
  if (i < start || !isSingularPerson(keys[i] as string)) return 0;
  let k = i - 1;
  while (k >= start && AGE_TOKENS.test(keys[k] as string)) k--;
  return /^(a|an)$/.test(keys[k] ?? '') && k >= start ? 1 : 0;
}

/** How many bare singular person nouns follow `from`, each after a comma or "and": ", stepfather and grandmother" are two. */
function bareNounsAfter(keys: readonly string[], from: number, limit: number): number {
  let n = 0;
  let i = from;
  for (;;) {
    if (i >= limit || !LIST_GLUE.has(keys[i] as string)) return n;
    while (i < limit && LIST_GLUE.has(keys[i] as string)) i++;
    while (i < limit && AGE_TOKENS.test(keys[i] as string)) i++;
    // "and 3-year-old": the age stands for the person.
    if (keys[i - 1] === 'old' && !isSingularPerson(keys[i] ?? '')) {
      n++;
      continue;
    }
    if (i >= limit || !isSingularPerson(keys[i] as string)) return n;
    n++;
    i++;
  }
}

/** Just past the `n`th bare person noun from `at`: where "wife, son, daughter" ends, so that ", then himself" is seen. */
function listEnd(keys: readonly string[], at: number, n: number): number {
  let seen = 0;
  for (let i = at; i < keys.length; i++) if (isSingularPerson(keys[i] as string) && ++seen === n) return i + 1;
  return at + 1;
}

const POSSESSIVES: ReadonlySet<string> = new Set(words('his her their'));

/**
 * One where "and" and a bare age or person end the subject right before its verb: "a girl and 3-year-old were hurt",
 * not "being around his brother and sister, was shot", where the list is an aside's.
 */
function andAgeAtSubjectEnd(keys: readonly string[], from: number, to: number): number {
  if (keys[from] !== 'and') return 0;
  let i = from + 1;
  while (i < to && AGE_TOKENS.test(keys[i] as string)) i++;
  const aged = keys[i - 1] === 'old';
  if (isSingularPerson(keys[i] ?? '')) i++;
  else if (!aged) return 0;
  return subjectEnd(keys, i, to) < i ? 1 : 0;
}

/** Just past the first person noun from `from` (and the nouns joined to it: "police officer"); `from` where none is. */
function nounEnd(keys: readonly string[], from: number, to: number): number {
  for (let i = from; i < to; i++) {
    if (!PERSON_NOUNS.has(keys[i] as string)) continue;
    let k = i + 1;
    while (k < to && PERSON_NOUNS.has(keys[k] as string)) k++;
    return k;
  }
  return from;
}

/** The ordinal place a subject gives its person ("a third victim"), as a figure's field, or nothing. */
function ordinalOf(subject: { readonly ordinal?: number | undefined }): { ordinal?: number } {
  return subject.ordinal === undefined ? {} : { ordinal: subject.ordinal };
}

const GALLERY_WORDS: ReadonlySet<string> = new Set(words('image images photo photos picture pictures slide slides'));

/** Whether an ordinal ranks rather than adds: "the second student to be killed this year", "the third person to die". */
function isRank(keys: readonly string[], at: number, to: number): boolean {
  return keys[at - 1] === 'the' && keys.slice(at + 2, Math.min(to, at + 5)).includes('to');
}

/** A person noun within a few tokens ("a man", "a 17-year-old boy", "one teenage girl"). */
function isPersonAhead(keys: readonly string[], from: number, to = from + 7): boolean {
  for (let i = from; i < Math.min(to, from + 7); i++) if (PERSON_NOUNS.has(keys[i] as string)) return true;
  return false;
}

/** Whether the first person phrase ahead ends in a plural noun: "the victims", "the two brothers"; not "the police officer". */
function isPluralAhead(keys: readonly string[], from: number, to: number): boolean {
  for (let i = from; i < Math.min(to, from + 7); i++) {
    if (!PERSON_NOUNS.has(keys[i] as string)) continue;
    let head = i;
    while (head + 1 < to && PERSON_NOUNS.has(keys[head + 1] as string)) head++;
    return !isSingularPerson(keys[head] as string);
  }
  return false;
}

/** Whether two phrases are joined by "and" or a comma: "two men and three women", not "killed two men and left two others". */
function joinedByAnd(keys: readonly string[], from: number, to: number): boolean {
  if (to - from > 3) return false;
  const between = keys.slice(from, to);
  if (between.some((k) => ACTIVE_FORMS.has(k) || INTRANSITIVE.has(k))) return false;
  return between.some((k) => k === 'and' || k === ',');
}

/** Whether a number is one of the ages after "ages" or "aged": "ages 54, 33 and 26". */
function isAgeListed(keys: readonly string[], at: number): boolean {
  for (let i = at - 1; i >= Math.max(0, at - 8); i--) {
    const key = keys[i] as string;
    if (AGE_BEFORE.has(key)) return true;
    // "between the ages of 21 and 58".
    if (key === 'of' && keys[i - 1] === 'ages') return true;
    if (key !== ',' && key !== 'and' && !/^\d+$/.test(key)) return false;
  }
  return false;
}

/** Whether an age follows a number: "16-year-old", "two year-old", "16 year old", "20 years old". */
function isAgeAfter(keys: readonly string[], at: number): boolean {
  const k = keys[at] === '-' ? at + 1 : at;
  if (keys[k] === 'year') return true;
  // "13 and 17 years of age".
  if (keys[k] === 'years' && keys[k + 1] === 'of' && keys[k + 2] === 'age') return true;
  return keys[k] === 'years' && (keys[k + 1] === 'old' || (keys[k + 1] === '-' && keys[k + 2] === 'old'));
}

/** Whether a quantity counts people: a person noun, or no noun right before the casualty word ("two dead"); never an age. */
const AMMUNITION: ReadonlySet<string> = new Set(words('rounds round shots bullets shells casings'));

/** Whether a bare number stands in a list of ages after people and a comma: "two men, 18 and 20". */
function isAgeListAfterPeople(keys: readonly string[], at: number): boolean {
  let i = at - 1;
  while ((keys[i] === 'and' || keys[i] === ',') && /^\d+$/.test(keys[i - 1] ?? '')) i -= 2;
  return keys[i] === ',' && PERSON_NOUNS.has(keys[i - 1] ?? '') && !isSingularPerson(keys[i - 1] ?? '');
}

function countsPeople(frame: DocumentFrame, quantity: PlacedMention<'quantity'>, cue = -1): boolean {
  const keys = frame.view.keys;
  if (isAgeListed(keys, quantity.start)) return false;
  // "father of four", "a mother of two": the children someone has, not the people hurt.
  if (keys[quantity.start - 1] === 'of' && isSingularPerson(keys[quantity.start - 2] ?? '')) return false;
  // "called 911": a number dialled.
  if (
    quantity.mention.value.noun === null &&
    /^(call|calls|called|calling|dial|dials|dialed|dialled|dialing)$/.test(keys[quantity.start - 1] ?? '')
  )
    return false;
  // "Image 2 of 9", "Photo 3 of 12": a gallery caption's count of pictures.
  if (
    keys[quantity.start - 1] === 'of' &&
    /^\d+$/.test(keys[quantity.start - 2] ?? '') &&
    GALLERY_WORDS.has(keys[quantity.start - 3] ?? '')
  )
    return false;
  // "a boy younger than 12".
  if (keys[quantity.start - 1] === 'than' && /^(younger|older)$/.test(keys[quantity.start - 2] ?? '')) return false;
  if (isAgeAfter(keys, quantity.end)) return false;
  // "13 and 16 years of age", "ages 13 to 17 years old": the first of two ages.
  if (/^(and|to|or)$/.test(keys[quantity.end] ?? '') && /^\d+$/.test(keys[quantity.end + 1] ?? '') && isAgeAfter(keys, quantity.end + 2))
    return false;
  const value = quantity.mention.value;
  const numberAt = frame.view.tokens[quantity.start]?.start ?? 0;
  // "her father, 56, dead", "one female, 27, is in serious condition": a number set off by commas, with no noun of
  // its own after it, is an age.
  if (keys[quantity.start - 1] === ',' && keys[quantity.end] === ',' && (value.noun === null || (value.nounSpan?.start ?? 0) < numberAt))
    return false;
  if (value.low > 100000 || !Number.isInteger(value.low)) return false;
  // "leaves child, 2": a number after a person and a comma, with no noun of its own, is an age.
  if (keys[quantity.start - 1] === ',' && isSingularPerson(keys[quantity.start - 2] ?? '') && value.noun === null) return false;
  // "Two men, 18 and 20, and a woman": numbers listed after people and a comma are their ages.
  const ownNoun = value.noun !== null && (value.nounSpan?.start ?? 0) >= numberAt;
  if (!ownNoun && isAgeListAfterPeople(keys, quantity.start)) return false;
  // "Image 2 of 8", "Photo 3 of 12": a caption's place in a gallery.
  if (CAPTION_WORDS.has(keys[quantity.start - 1] ?? '') && keys[quantity.end] === 'of') return false;
  // "shot three more times": shots, not people.
  if (keys[quantity.end] === 'more' && keys[quantity.end + 1] === 'times') return false;
  // "Calvin Ames, 24 was shot": a number after a name and a comma, with no noun of its own, is an age.
  // Not a headline's "4 Shot, 2 Killed", where every word is capitalised.
  if (
    keys[quantity.start - 1] === ',' &&
    value.noun === null &&
    isCapitalised(frame, quantity.start - 2) &&
    isCapitalised(frame, quantity.start - 3) &&
    /^[a-z]/.test(frame.view.tokens[quantity.end]?.text ?? '')
  )
    return false;
  // "a shooting that wounded three more", "four others": more of the people just told of.
  if (keys[quantity.end] === 'more' || keys[quantity.end] === 'others') return true;
  // "two dead", "one fatally": the casualty word read as the number's noun leaves a bare count.
  if (value.noun === null || quantity.end === cue) return true;
  const nounWords = value.noun.toLowerCase().split(/[\s-]+/);
  // "a total of five rounds were fired": shots, not people.
  if (nounWords.some((w) => AMMUNITION.has(w))) return false;
  // "a family of five".
  if (keys[quantity.start - 1] === 'of' && PERSON_GROUPS.has(keys[quantity.start - 2] ?? '')) return true;
  return nounWords.some((w) => PERSON_NOUNS.has(w));
}
