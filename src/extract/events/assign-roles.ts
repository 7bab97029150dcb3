/** @module Who did it to whom: the initiator and target of a trigger, from voice, prepositions and support verbs. */
import speechVerbs from '../../../data/speech-verbs.json' with { type: 'json' };
import type { EventActor } from '../../model/event.ts';
import { words } from '../../understand/sentences/words.ts';
import type { DocumentFrame } from './document-frame.ts';
import type { EventLexicon } from './event-lexicon.ts';
import { defaultTargetLexicon, type TargetPhrase } from './find-target-phrases.ts';
import type { Trigger } from './find-triggers.ts';

/** Something that can take a role: an actor, a person, or a place standing for a state. */
export interface Participant {
  readonly start: number;
  readonly end: number;
  readonly sentence: number;
  readonly actor: EventActor;
  /** A place name ("Israel"), not a lexicon actor: a role only where grammar gives it one. */
  readonly isPlace: boolean;
  /** A demonym ("Israeli"): an initiator only right before a noun trigger ("Israeli strike"). */
  readonly demonym: boolean;
  /** A described target ("six Jesuit priests", "the embassy"): a target where grammar makes it one, never an initiator. */
  readonly targetOnly?: boolean;
  /** An actor inside a described target ("police" in "two police officers"): an initiator still, the phrase the target. */
  readonly shadowed?: boolean;
}

/** The roles a trigger gives. */
export interface Roles {
  readonly initiator: EventActor[];
  readonly target: EventActor[];
  /** Actors the text says did not do it ("rejected claims that U.S. jets carried it out"). */
  readonly deniedInitiator: EventActor[];
}

const SUPPORT_VERBS: ReadonlySet<string> = new Set(
  words(
    'carried carry carries carrying conducted conduct conducts launched launch launches staged stage mounted mount claimed claims ' +
      'undertook undertake perpetrated executed ordered unleashed getting providing provided provide sending sent delivering delivered ' +
      'supplying supplied giving gave gives imposed imposes announced held hold holds resumed resumes resume intensified intensifies ' +
      'began begun begin begins started starts planned plotted masterminded organized organised',
  ),
);
// Verbs that have someone else do the trigger: "Austin ordered 2,000 troops to be deployed".
const DIRECTIVES: ReadonlySet<string> = new Set(words('ordered orders order directed authorized authorised approved sent told'));
// Words between a name and a noun that still make the name its premodifier ("Hamas's attack", "Israeli air strike").
const PREMODIFIER_GAP: ReadonlySet<string> = new Set(words("'s ’s ' retaliatory deadly new latest fresh suspected alleged apparent"));
const UNDERGO_VERBS: ReadonlySet<string> = new Set(
  words('suffered suffer suffers endured faced faces face came come comes under survived'),
);
const DENIALS: ReadonlySet<string> = new Set(words('denied denies deny denying rejected rejects refuted'));
const TARGET_PREPOSITIONS: ReadonlySet<string> = new Set(words('on against targeting at upon'));
// Determiners and adjectives that may stand between a verb and its object ("attacked the base", "killed two").
const OBJECT_LEAD: ReadonlySet<string> = new Set(
  // "an attack on southern Israel": a compass word before a place is part of the object.
  words('the a an its their his her several two three some many northern southern eastern western central'),
);

const ARMED_GROUP_TYPES: ReadonlySet<string> = new Set(['armed-group', 'designated-terrorist-group']);
// Words for the members of a non-state armed group; the named group they stand for is the one last named before them.
const GROUP_WORDS: ReadonlySet<string> = new Set(
  words('guerrillas guerrilla rebels rebel insurgents militants terrorists commandos commando subversives fighters members'),
);
// Words that say the group is not known, or another one: "unidentified gunmen", "rival rebels".
const UNKNOWN_WORDS: ReadonlySet<string> = new Set(words('unidentified unknown masked suspected alleged rival other another'));

// Words between members and their group: "guerrillas of the so-called Army of National Liberation".
const OWNER_GAP: ReadonlySet<string> = new Set(
  words('of from the so called so-called self styled self-styled - pro leftist rightist maoist marxist group'),
);

const HEDGES: ReadonlySet<string> = new Set(words('presumably apparently probably possibly allegedly reportedly'));

/** The named armed group a members' phrase ending at `end` belongs to ("of the ELN"), when the next actor is one. */
function ownerGroup(
  keys: readonly string[],
  end: number,
  next: DocumentFrame['actors'][number] | undefined,
): DocumentFrame['actors'][number] | null {
  if (next === undefined || !next.mention.value.id || !ARMED_GROUP_TYPES.has(next.mention.value.type)) return null;
  // "guerrillas, presumably from the ELN": a hedge between says whose they are thought to be.
  let from = end;
  if (keys[from] === ',' && HEDGES.has(keys[from + 1] as string)) from += 2;
  if (keys[from] !== 'of' && keys[from] !== 'from') return null;
  if (next.start - from > 6) return null;
  for (let i = from; i < next.start; i++) if (!OWNER_GAP.has(keys[i] as string)) return null;
  return next;
}

// Words for a band of members after a members' word: "commando units", "guerrilla columns".
const BAND_WORDS: ReadonlySet<string> = new Set(words('unit units column columns squad squads cell cells'));

/**
 * Whether an unnamed group's words are a name for a known group's members ("the guerrillas", "Salvadoran rebels",
 * "urban commando units").
 */
function isGroupWord(text: string): boolean {
  const parts = text.toLowerCase().split(/\s+/);
  const head = BAND_WORDS.has(parts.at(-1) ?? '') ? parts.at(-2) : parts.at(-1);
  return GROUP_WORDS.has(head ?? '') && !parts.some((w) => UNKNOWN_WORDS.has(w));
}

/**
 * Every participant in the document, in text order: lexicon actors and people first where they overlap a place; then
 * the described targets (`findTargetPhrases`), which shadow the actors inside them for the target role.
 */
export function findParticipants(frame: DocumentFrame, phrases: readonly TargetPhrase[] = []): Participant[] {
  const taken = new Set<number>();
  const found: Participant[] = [];
  const inPhrase = new Uint8Array(frame.view.keys.length);
  for (const p of phrases) inPhrase.fill(1, p.start, p.end);
  const shadow = (start: number, end: number) => (inPhrase.subarray(start, end).includes(1) ? { shadowed: true } : {});
  let lastGroup: { id: string; country: string | null } | null = null;
  const keys = frame.view.keys;
  for (const [index, a] of frame.actors.entries()) {
    const v = a.mention.value;
    // "guerrillas of the ELN", "a commando of the MRTA", "terrorists from the FPMR": the members are the group.
    const whole = !v.id && isGroupWord(a.mention.text) ? ownerGroup(keys, a.end, frame.actors[index + 1]) : null;
    if (whole) {
      const w = whole.mention.value;
      found.push({
        start: a.start,
        end: a.end,
        sentence: a.sentence,
        actor: { name: w.name, id: w.id as string, ...(w.country ? { country: w.country } : {}) },
        isPlace: false,
        demonym: false,
      });
      for (let i = a.start; i < a.end; i++) taken.add(i);
      continue;
    }
    if (v.id && ARMED_GROUP_TYPES.has(v.type)) lastGroup = { id: v.id, country: v.country };
    // "guerrillas" after the report has named the FMLN are the FMLN's: the text's word, the group's id.
    const group =
      lastGroup !== null && !v.id && isGroupWord(a.mention.text) && (v.country === null || v.country === lastGroup.country)
        ? lastGroup
        : null;
    found.push({
      ...shadow(a.start, a.end),
      start: a.start,
      end: a.end,
      sentence: a.sentence,
      actor: group
        ? { name: v.name, id: group.id, ...(group.country ? { country: group.country } : {}) }
        : { name: v.name, ...(v.id ? { id: v.id } : {}), ...(v.country ? { country: v.country } : {}) },
      isPlace: false,
      demonym: false,
    });
    for (let i = a.start; i < a.end; i++) taken.add(i);
  }
  for (const p of frame.people) {
    if (taken.has(p.start)) continue;
    found.push({
      start: p.start,
      end: p.end,
      sentence: p.sentence,
      actor: { name: p.mention.value.name, kind: 'person', count: 1 },
      isPlace: false,
      demonym: false,
    });
    for (let i = p.start; i < p.end; i++) taken.add(i);
  }
  for (const p of frame.places) {
    if (taken.has(p.start)) continue;
    const v = p.mention.value;
    // Only a state (or a place speaking for one) acts; a town does not.
    if (!v.metonymic && v.precision < 5) continue;
    found.push({
      ...shadow(p.start, p.end),
      start: p.start,
      end: p.end,
      sentence: p.sentence,
      actor: { name: v.name, ...(v.country ? { country: v.country } : {}) },
      isPlace: !v.metonymic,
      demonym: p.mention.rule === 'place/demonym',
    });
  }
  for (const p of phrases) found.push({ ...p, isPlace: false, demonym: false, targetOnly: true });
  return found.sort((a, b) => a.start - b.start);
}

/** The roles of one trigger, read from the participants of its sentence. */
export function assignRoles(
  frame: DocumentFrame,
  trigger: Trigger,
  participants: readonly Participant[],
  sharedSubject: readonly EventActor[] = [],
): Roles {
  const keys = frame.view.keys;
  // "Hamas invaded Israel and killed ...", "visited Jordan to meet with ...": the verb shares the subject before it.
  const coordinated = keys[trigger.start - 1] === 'and' || keys[trigger.start - 1] === 'to';
  const inSentence = participants.filter((p) => p.sentence === trigger.sentence && !(p.start < trigger.end && trigger.start < p.end));
  // Who may act (described targets never do) and who may be hit (a described target, not the actor inside it).
  const actors = inSentence.filter((p) => !p.targetOnly);
  const hit = inSentence.filter((p) => !p.shadowed);
  const inClause = (p: Participant) => frame.clauseOf[p.start] === trigger.clause;
  const roles: Roles = { initiator: [], target: [], deniedInitiator: [] };
  const targets: Participant[] = [];
  const add = (list: EventActor[], p: Participant | undefined) => {
    if (p && !list.some((a) => sameActor(a, p.actor))) list.push(p.actor);
  };
  const addTarget = (p: Participant | undefined) => {
    if (p && !targets.includes(p)) targets.push(p);
  };
  const after = inSentence.filter((p) => p.start >= trigger.end && p.start - trigger.end <= 10);
  // "by X": the agent of a passive verb or of a noun ("the attack by Hamas").
  for (const p of after) {
    const by = indexBefore(keys, p.start, trigger.end, 'by', 5);
    if (by >= 0 && !p.demonym && !p.targetOnly && !byOfAnotherVerb(keys, by, trigger.end)) add(roles.initiator, p);
  }
  // "an attack with very powerful explosives perpetrated by members of the ELN": a participle that says who did it
  // carries the agent further than a bare "by".
  if (roles.initiator.length === 0) add(roles.initiator, agentOfParticiple(keys, trigger, inSentence));
  // "carried out by the Shining Path or the MRTA": names set beside the agent are agents too.
  for (const agent of [...roles.initiator]) {
    const p = after.find((q) => q.actor === agent);
    if (p) for (const q of alternativesAfter(keys, inSentence, p)) add(roles.initiator, q);
  }
  // "blamed X for the attack", "attributed the murder to X", "for which they hold X responsible".
  if (roles.initiator.length === 0) for (const p of blamedFor(frame, trigger, inSentence)) add(roles.initiator, p);
  // "on X", "against X": the target of a noun or a verb ("strikes on IRGC facilities", "fired at the crowd").
  for (const p of after) {
    if (roles.initiator.includes(p.actor) || p.shadowed) continue;
    const prep = precedingWord(keys, p.start, trigger.end, TARGET_PREPOSITIONS, 3);
    // "massacred six priests at the university", "were murdered on the road": a described place after "at", or after
    // "on" a passive or killing verb, is where, not what was hit; "the attack on the port" hit the port.
    const where =
      keys[prep] === 'at'
        ? !isBlast(trigger)
        : keys[prep] === 'on' && trigger.pos === 'verb' && (trigger.passive || isKilling(keys, trigger));
    if (prep >= 0 && p.targetOnly && where) continue;
    if (prep >= 0 && !p.demonym && isObjectPosition(keys, prep + 1, p.start)) addTarget(p);
  }
  // "An airstrike hit a depot", "attacked a bus, killing five passengers": what the happening went on to hit.
  const outcome = outcomeVerbAfter(frame, trigger);
  if (outcome >= 0) addTarget(hit.find((p) => p.start > outcome && isObjectPosition(keys, outcome + 1, p.start) && !p.demonym));
  // "a bomb exploded in a restaurant", "went off near the embassy", "in front of a bank": what a blast goes off in or
  // beside is what it hits.
  if (isBlast(trigger))
    for (const p of after) {
      const prep = blastPreposition(keys, p.start, trigger.end);
      if (prep >= 0 && p.targetOnly && p.actor.kind === 'object' && isObjectPosition(keys, prep + 1, p.start)) addTarget(p);
    }
  if (trigger.pos === 'noun') {
    // "attacks from Iranian-backed groups": an actor (not a place: "from Gaza" is where it came from).
    for (const p of after)
      if (!p.isPlace && !p.demonym && !p.targetOnly && indexBefore(keys, p.start, trigger.end, 'from', 3) >= 0) add(roles.initiator, p);
    // "assassination of a militant leader", "the killing of X".
    for (const p of after) if (!p.demonym && !p.shadowed && indexBefore(keys, p.start, trigger.end, 'of', 2) === trigger.end) addTarget(p);
    // "the senator's murder", "the embassy bombing": the victim or the thing hit before the noun.
    const victim = victimBefore(frame, trigger, hit.filter(inClause));
    if (victim) addTarget(victim);
    // "Hamas attack", "Israeli strike", "Hamas's assault": the word right before the noun.
    const premodifier = actors.filter((p) => p.end <= trigger.start && inClause(p)).at(-1);
    if (premodifier && premodifier !== victim && roles.initiator.length === 0 && isPremodifier(keys, premodifier.end, trigger.start))
      add(roles.initiator, premodifier);
    // "the FMLN decreed a suspension of its attacks": "its" or "their" is the group named last before it.
    if (roles.initiator.length === 0 && isPossessivePronoun(keys, trigger.start)) {
      const owner = actors.filter((p) => p.end <= trigger.start && !p.demonym && !p.isPlace && (p.actor.id ?? p.actor.country)).at(-1);
      if (owner) add(roles.initiator, owner);
    }
    // "X carried out a targeted assassination", "X launched strikes", "X was responsible for an airstrike".
    const support = supportVerbBefore(frame, trigger);
    if (support >= 0) {
      const subject =
        attemptBy(keys, support, actors) ??
        agentSubject(frame, actors, support, trigger.clause) ??
        relativeAntecedent(frame, actors, support, trigger.clause);
      const responsible = keys[support] === 'responsible';
      if (keys[support - 1] === 'and' && sharedSubject.length > 0 && roles.initiator.length === 0) roles.initiator.push(...sharedSubject);
      else if (subject) {
        if (responsible && hasDenialBefore(frame, subject.start)) add(roles.deniedInitiator, subject);
        else if (roles.initiator.length === 0) for (const p of withCoordinated(frame, inSentence, subject)) add(roles.initiator, p);
      }
      // "getting Israel the military capabilities": who receives it stands between the verb and the noun.
      if (!responsible) for (const p of hit) if (p.start > support && p.end <= trigger.start && !p.demonym) addTarget(p);
    }
    const undergo = undergoVerbBefore(frame, trigger);
    if (undergo >= 0) addTarget(hit.filter((p) => p.end <= undergo && inClause(p)).at(-1));
    return withoutVictims(withTargets(keys, roles, targets, inSentence));
  }
  const undergoer = hit.filter((p) => p.end <= trigger.start && inClause(p) && !p.demonym).at(-1);
  if (trigger.passive) {
    addTarget(undergoer ?? relativeHead(frame, trigger, hit));
    const directive = precedingWord(keys, undergoer?.start ?? trigger.start, Math.max(0, trigger.start - 12), DIRECTIVES, 6);
    if (directive >= 0 && roles.initiator.length === 0) add(roles.initiator, actors.filter((p) => p.end <= directive && !p.demonym).at(-1));
  } else if (trigger.type === 'DEATH') {
    addTarget(undergoer);
  } else if (undergoer?.end === trigger.start - 1 && keys[trigger.start - 1] === ',' && isReducedPassive(keys, trigger)) {
    // "the senator, kidnapped on 9 February": a participle set after a name tells what was done to it.
    addTarget(undergoer);
  } else {
    if (coordinated && sharedSubject.length > 0) {
      if (roles.initiator.length === 0) roles.initiator.push(...sharedSubject);
    } else if (roles.initiator.length === 0) {
      // "army troops foiled an attempt by the FMLN to kidnap": the attempt's agent before the subject of another verb.
      const agent =
        attemptBy(keys, trigger.start, actors) ??
        agentSubject(frame, actors, trigger.start, trigger.clause) ??
        relativeAntecedent(frame, actors, trigger.start, trigger.clause);
      for (const p of withCoordinated(frame, actors, agent)) add(roles.initiator, p);
    }
    const object = after.find((p) => isObjectPosition(keys, trigger.end, p.start) && !p.demonym && !p.shadowed);
    if (object && !roles.initiator.includes(object.actor)) addTarget(object);
    // "the former minister murdered in Washington": a participle right after a noun, with no object, is passive.
    else if (!object && undergoer?.end === trigger.start && isReducedPassive(keys, trigger)) addTarget(undergoer);
  }
  // "the ELN is still holding the senator, kidnapped on 9 February": who holds or frees a hostage took them.
  if (roles.initiator.length === 0 && trigger.entry.modes.includes('abduction')) add(roles.initiator, captor(frame, trigger, actors));
  // "an attempt by the FMLN to kidnap the envoy": who attempted it.
  if (roles.initiator.length === 0) add(roles.initiator, attemptBy(keys, trigger.start, actors));
  return withoutVictims(withTargets(keys, roles, targets, inSentence));
}

const ATTEMPT_NOUNS: ReadonlySet<string> = new Set(
  words('attempt attempts plan plans plot plots effort efforts bid decision decisions order orders'),
);
// Participles between a decision and its maker: "decisions made by the high command to carry out bombings".
const DECIDED: ReadonlySet<string> = new Set(words('made taken given issued'));

/**
 * The agent of an attempt or a decision whose infinitive starts at `verb` (the trigger, or its support verb): "an
 * attempt by the FMLN terrorist groups to kidnap", "decisions made by the high command to carry out bombings".
 */
function attemptBy(keys: readonly string[], verb: number, actors: readonly Participant[]): Participant | undefined {
  if (keys[verb - 1] !== 'to') return undefined;
  const agent = actors.filter((p) => p.end <= verb - 1 && verb - p.end <= 6 && !p.demonym && !p.isPlace).at(-1);
  if (agent === undefined) return undefined;
  const lead = leadIndex(keys, agent.start);
  const noun = DECIDED.has(keys[lead - 1] as string) ? lead - 2 : lead - 1;
  return keys[lead] === 'by' && ATTEMPT_NOUNS.has(keys[noun] as string) ? agent : undefined;
}

const CAPTOR_VERBS: ReadonlySet<string> = new Set(words('holding holds held releasing released releases freed freeing'));

/**
 * The named group a kidnapping's sentence says holds or freed its hostage: the subject of "is holding" or "released",
 * or the agent of "was released by". Only a group with a name: "the police freed him" is no captor's doing, so
 * forces of a state are left out.
 */
function captor(frame: DocumentFrame, trigger: Trigger, actors: readonly Participant[]): Participant | undefined {
  const keys = frame.view.keys;
  const named = actors.filter((p) => p.actor.id !== undefined && isArmedGroupId(frame, p) && !p.demonym && !p.isPlace);
  for (const p of named) {
    if (keys[p.start - 1] === 'by' || (keys[p.start - 1] === 'the' && keys[p.start - 2] === 'by')) {
      const by = keys[p.start - 1] === 'by' ? p.start - 1 : p.start - 2;
      for (let i = by - 1; i >= by - 4; i--) if (/^(released|freed)$/.test(keys[i] ?? '')) return p;
      continue;
    }
    // "the ELN is also still holding", "the ELN released Mesa".
    for (let i = p.end; i < Math.min(p.end + 4, keys.length); i++) {
      if (frame.sentenceOf[i] !== trigger.sentence) break;
      if (CAPTOR_VERBS.has(keys[i] as string) && !(keys[i] === 'held' && keys[i - 1] !== 'has' && keys[i - 1] !== 'have')) return p;
      if (!/^(is|are|was|were|has|have|had|also|still|now|later|then)$/.test(keys[i] as string)) break;
    }
  }
  return undefined;
}

/** Whether a participant is one of the lexicon's armed groups (no state force, no police). */
function isArmedGroupId(frame: DocumentFrame, p: Participant): boolean {
  const mention = frame.actors.find((a) => a.start === p.start);
  return mention !== undefined && ARMED_GROUP_TYPES.has(mention.mention.value.type);
}

// Verbs after a trigger that tell what it hit: "an airstrike destroyed a depot", "opened fire, wounding two guards".
const OUTCOME_VERBS: ReadonlySet<string> = new Set(
  words('hit hits struck destroyed destroying damaged damaging razed wrecked killed killing kills injured injuring wounded wounding'),
);
const OUTCOME_REACH = 10;

/** The outcome verb after a trigger in its sentence ("An airstrike hit ...", "..., killing ..."), or -1. */
function outcomeVerbAfter(frame: DocumentFrame, trigger: Trigger): number {
  const keys = frame.view.keys;
  for (let i = trigger.end; i < Math.min(keys.length, trigger.end + OUTCOME_REACH); i++) {
    if (frame.sentenceOf[i] !== trigger.sentence || CLAUSE_BREAKS.has(keys[i] as string)) return -1;
    const key = keys[i] as string;
    // A noun trigger hits with a finite verb right after it; any trigger with a participle after a comma.
    if (
      OUTCOME_VERBS.has(key) &&
      ((trigger.pos === 'noun' && i - trigger.end <= 3 && !key.endsWith('ing')) || (key.endsWith('ing') && keys[i - 1] === ','))
    )
      return i;
  }
  return -1;
}
const CLAUSE_BREAKS: ReadonlySet<string> = new Set(words('; : and but while which who that said'));

/** Whether a trigger is a killing verb ("killed", "murdered"): "on the road" after it is where. */
function isKilling(keys: readonly string[], trigger: Trigger): boolean {
  return defaultTargetLexicon().lethal.has(keys[trigger.start] as string);
}

// What follows a participle that has no object: "murdered in Washington", "killed by guerrillas", "kidnapped, police said".
const AFTER_PARTICIPLE: ReadonlySet<string> = new Set(words('in on at near by during after outside inside last yesterday today , . ; :'));

/** Whether an active-looking "-ed" verb is a participle telling what was done to the noun before it. */
function isReducedPassive(keys: readonly string[], trigger: Trigger): boolean {
  return (
    trigger.end - trigger.start === 1 && (keys[trigger.start] as string).endsWith('ed') && AFTER_PARTICIPLE.has(keys[trigger.end] ?? '.')
  );
}

const BLAST_PREPOSITIONS: ReadonlySet<string> = new Set(words('in inside at near outside beside'));

/** The last word of the preposition a blast's place follows ("in", "near", the "of" of "in front of"), or -1. */
function blastPreposition(keys: readonly string[], at: number, from: number): number {
  const prep = precedingWord(keys, at, from, BLAST_PREPOSITIONS, 4);
  for (let i = at - 1; i > prep && i >= from + 1; i--) if (keys[i] === 'of' && keys[i - 1] === 'front') return i;
  return prep;
}

/** Whether a trigger tells a blast or a fire set ("exploded", "car bomb", "torched"), which hits what it goes off in. */
function isBlast(trigger: Trigger): boolean {
  return trigger.entry.modes.includes('explosives') || trigger.entry.modes.includes('property');
}

/**
 * The person a relative clause tells of: "the leader Ana Ruiz, who was kidnapped on Monday" has her as what the
 * passive verb's clause is about, where the clause names no one before the verb; "the rector of the seminary, who
 * ..." has the rector.
 */
function relativeHead(frame: DocumentFrame, trigger: Trigger, hit: readonly Participant[]): Participant | undefined {
  const keys = frame.view.keys;
  let opener = trigger.start - 1;
  while (opener > 0 && frame.clauseOf[opener] === trigger.clause) opener--;
  opener++;
  if (!/^(who|which|that)$/.test(keys[opener] ?? '') || keys[opener - 1] !== ',') return undefined;
  const comma = opener - 1;
  // "the rector of the seminary, who ...": the head before its "of" phrase.
  return hit.find((p) => !p.isPlace && (p.end === comma || (keys[p.end] === 'of' && comma - p.end <= 3)));
}

// What may stand between coordinated or appositive targets: "the rector, Ignacio Ellacuria, and five other priests",
// "ten people, including a judge", "the bishop along with his assistant" ("with" only after "along" or "together").
const JOINERS: ReadonlySet<string> = new Set(words(', and or ( ) as well including along together'));

/**
 * The roles with the targets found and every participant coordinated with one or set beside it ("the Jesuits, their
 * cook and her daughter"); a victim is never an initiator.
 */
function withTargets(keys: readonly string[], roles: Roles, found: readonly Participant[], inSentence: readonly Participant[]): Roles {
  const hit = inSentence.filter((p) => !p.shadowed && !p.demonym);
  const all = [...found];
  const joined = (a: Participant, b: Participant) => {
    if (b.start < a.end) return false;
    let joiner = false;
    for (let i = a.end; i < b.start; i++) {
      const key = keys[i] as string;
      const companion = key === 'with' && (keys[i - 1] === 'along' || keys[i - 1] === 'together');
      if (JOINERS.has(key) || companion) joiner = true;
      else if (!joiner || !OBJECT_LEAD.has(key)) return false;
    }
    return b.start - a.end <= 4;
  };
  for (let k = 0; k < all.length; k++) {
    const p = all[k] as Participant;
    // Places are left out: "Roberto Navas, Honduras" is a person and where he is from.
    const joins = (q: Participant) => q.targetOnly || q.actor.kind === 'person' || q.actor.id !== undefined;
    for (const q of hit) if (!all.includes(q) && joins(q) && (joined(p, q) || joined(q, p))) all.push(q);
  }
  // "airstrikes on IRGC facilities": the lexicon actor whose facilities they are is hit too.
  for (const p of [...all]) {
    if (!p.targetOnly) continue;
    for (const q of inSentence) if (q.shadowed && q.actor.id !== undefined && q.start >= p.start && q.end <= p.end) all.push(q);
  }
  const target = [...roles.target];
  for (const p of all.sort((a, b) => a.start - b.start)) if (!target.some((a) => sameActor(a, p.actor))) target.push(p.actor);
  return { ...roles, target, initiator: roles.initiator.filter((a) => !target.some((t) => sameActor(a, t))) };
}

/**
 * The victim or thing hit named right before a noun trigger: a described target ("the embassy bombing", "the six
 * priests' murder"), or anyone whose possessive stands before a noun whose possessor is its victim ("the senator's
 * murder"), not before one whose possessor did it ("Hamas's attack").
 */
function victimBefore(frame: DocumentFrame, trigger: Trigger, hit: readonly Participant[]): Participant | undefined {
  const keys = frame.view.keys;
  const before = hit.filter((p) => p.end <= trigger.start).at(-1);
  if (!before) return undefined;
  const gap = keys.slice(before.end, trigger.start);
  const possessive = gap.length === 1 && (gap[0] === "'s" || gap[0] === "'");
  if (before.targetOnly && (gap.length === 0 || possessive)) return before;
  const noun = keys[trigger.end - 1] as string;
  return possessive && defaultTargetLexicon().victimPossessor.has(noun) && !before.isPlace ? before : undefined;
}

// Lexicon actors that name those an event befell, never who did it.
const VICTIM_IDS: ReadonlySet<string> = new Set(['victims', 'civilians']);

/** The roles without a victim among the initiators: a victim is never who did it. */
function withoutVictims(roles: Roles): Roles {
  if (!roles.initiator.some((a) => a.id !== undefined && VICTIM_IDS.has(a.id))) return roles;
  return { ...roles, initiator: roles.initiator.filter((a) => a.id === undefined || !VICTIM_IDS.has(a.id)) };
}

const SPEECH_VERBS: ReadonlySet<string> = new Set(Object.keys(speechVerbs.verbs));
const PRONOUNS: ReadonlySet<string> = new Set(words('it they we he she'));
// Prepositions whose object is no subject ("on Israel", "in Yemen"); "of" is left out: "members of the ELN attacked".
const NOT_SUBJECT_AFTER: ReadonlySet<string> = new Set(
  words('on against at in into to from with for over near toward towards upon onto across inside outside about via by like'),
);
const BLAME_VERBS: ReadonlySet<string> = new Set(
  words(
    'blamed blames blame blaming accused accuses accusing held hold holds holding attributed attributes attributing ascribed ' +
      'implicated implicates implicating',
  ),
);

/**
 * The actor that did what the verb (or support verb) at `verb` says: the last participant before it in its clause (or
 * joined to it by a bracket: "the FPMR (Manuel Rodriguez Patriotic Front) claimed") that is no demonym, no object of
 * a preposition ("attack on Israel by deploying"), no source ("according to the Houthis, killed") and no speaker
 * ("Hamas said Israeli strikes killed"; but "the army said it attacked" keeps the army). An unnamed group in
 * apposition to a named one stands for it ("the FPL, a guerrilla group, attacked").
 */
function agentSubject(frame: DocumentFrame, inSentence: readonly Participant[], verb: number, clause: number): Participant | undefined {
  const keys = frame.view.keys;
  const before = inSentence.filter((p) => p.end <= verb && reachesClause(frame, p, clause) && !p.demonym);
  for (let k = before.length - 1; k >= 0; k--) {
    const p = before[k] as Participant;
    if (NOT_SUBJECT_AFTER.has(keys[leadIndex(keys, p.start)] ?? '') || isSourceOf(keys, p.start)) continue;
    const speech = speechVerbBetween(keys, p.end, verb);
    if (speech >= 0 && !PRONOUNS.has(keys[speech + 1] === 'that' ? (keys[speech + 2] ?? '') : (keys[speech + 1] ?? ''))) return undefined;
    const named = before[k - 1];
    const unnamed = (!p.actor.id && !p.actor.country) || p.actor.id === named?.actor.id;
    if (unnamed && named?.actor.id && keys[leadIndex(keys, p.start)] === ',' && keys[named.end] === ',') return named;
    return p;
  }
  return speakerOfRelative(frame, inSentence, verb, clause);
}

// How far back an apposition between a name and its "who" may reach: "the Extraditables -- drug kingpins wanted by
// several courts -- who said".
const APPOSITION_REACH = 16;

/**
 * The name a relative clause of speech tells of where the speaker says it acted: "the Extraditables -- Colombian drug
 * kingpins -- who said they were responsible", "the ELN, which said it carried out". Only where "who" or "which" opens
 * the clause, a speech verb follows it and "it", "they" or "we" stands right before the verb.
 */
function speakerOfRelative(
  frame: DocumentFrame,
  inSentence: readonly Participant[],
  verb: number,
  clause: number,
): Participant | undefined {
  const keys = frame.view.keys;
  let opener = verb;
  while (opener > 0 && frame.clauseOf[opener - 1] === clause) opener--;
  if (!RELATIVE_PRONOUNS.has(keys[opener] as string) || !SPEECH_VERBS.has(keys[opener + 1] as string)) return undefined;
  let pronoun = opener + 2;
  if (keys[pronoun] === 'that') pronoun++;
  if (!PRONOUNS.has(keys[pronoun] as string) || verb - pronoun > 2) return undefined;
  let end = opener;
  while (end > opener - 3 && CLOSERS.has(keys[end - 1] as string)) end--;
  const named = (at: number) => inSentence.find((p) => p.end === at && !p.demonym && !p.isPlace && !p.targetOnly);
  const direct = named(end);
  if (direct || (keys[end] !== '--' && keys[opener - 1] !== '--' && keys[opener - 1] !== ',')) return direct;
  // Past an apposition set off by dashes or commas: the name before its opening mark.
  const mark = keys[opener - 1] as string;
  for (let i = opener - 2; i >= Math.max(0, opener - APPOSITION_REACH); i--) {
    if (frame.sentenceOf[i] !== frame.sentenceOf[verb]) return undefined;
    if (keys[i] === mark) return named(i);
  }
  return undefined;
}

const RELATIVE_PRONOUNS: ReadonlySet<string> = new Set(words('which who'));
const CLOSERS: ReadonlySet<string> = new Set(words(') ] , "'));
const CLEFT_NOUNS: ReadonlySet<string> = new Set(words('one ones'));

/**
 * The actor a relative clause with no subject of its own tells of: "the ELN, which has staged several attacks", "it
 * was members of the ELN who murdered", and in a cleft "army personnel were the ones who murdered". Only where the
 * clause opens with "which" or "who" right before the verb's words, and the name ends right before it (past a comma or
 * a closing bracket).
 */
function relativeAntecedent(
  frame: DocumentFrame,
  candidates: readonly Participant[],
  verb: number,
  clause: number,
): Participant | undefined {
  const keys = frame.view.keys;
  let opener = verb - 1;
  while (opener > 0 && frame.clauseOf[opener - 1] === clause) opener--;
  if (!RELATIVE_PRONOUNS.has(keys[opener] as string) || verb - opener > 6) return undefined;
  let end = opener;
  while (end > opener - 3 && CLOSERS.has(keys[end - 1] as string)) end--;
  // "were the ones who": the subject of the copula before "the ones", with a noun of its own ("army personnel").
  if (CLEFT_NOUNS.has(keys[end - 1] as string) && keys[end - 2] === 'the' && /^(was|were|are|is)$/.test(keys[end - 3] ?? '')) {
    const copula = end - 3;
    return candidates.find((p) => !p.demonym && !p.isPlace && (p.end === copula || p.end === copula - 1));
  }
  return candidates.find((p) => !p.demonym && !p.isPlace && p.end === end && p.sentence === frame.sentenceOf[verb]);
}

/** The index of the word that leads a name, past a determiner or two ("on the base" → "on"). */
function leadIndex(keys: readonly string[], start: number): number {
  let i = start - 1;
  for (let n = 0; n < 2 && OBJECT_LEAD.has(keys[i] as string); n++) i--;
  return i;
}

/** Whether the name at `start` is a source: "according to (the) X", "reports by X", "told X". */
function isSourceOf(keys: readonly string[], start: number): boolean {
  const lead = leadIndex(keys, start);
  if (keys[lead] === 'told') return true;
  for (let i = lead; i >= Math.max(0, lead - 4); i--) {
    if (keys[i] === ',') return false;
    if (keys[i] === 'according' || keys[i] === 'citing') return true;
  }
  return false;
}

/** The index of a speech verb between a name and the verb it might be the subject of ("X said ... killed"), or -1. */
function speechVerbBetween(keys: readonly string[], from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const key = keys[i] as string;
    if (!SPEECH_VERBS.has(key)) continue;
    // "claimed responsibility for", "claimed the attack": claiming the act is doing it.
    if ((key === 'claimed' || key === 'claims') && !['that', 'to'].includes(keys[i + 1] ?? '')) continue;
    return i;
  }
  return -1;
}

// Participles whose "by" still names who did the trigger ("the attack, perpetrated by X").
const AGENT_PARTICIPLES: ReadonlySet<string> = new Set(
  words('perpetrated committed carried conducted launched staged executed claimed ordered mounted'),
);

// How far after the trigger its agent participle may stand, and its agent after the participle's "by".
const PARTICIPLE_REACH = 8;
const PARTICIPLE_AGENT_REACH = 5;
const QUOTES: ReadonlySet<string> = new Set(['"', '“', '”', "'"]);
const NAMING_VERBS: ReadonlySet<string> = new Set(words('called named dubbed codenamed code-named baptized christened'));
const PARTICIPLE_STOPS: ReadonlySet<string> = new Set(words('. ; : , and or but which who that while'));

/**
 * The agent of a participle after the trigger that says who did it, past words a bare "by" would not reach: "an
 * attack with very powerful explosives" perpetrated by "members of the ELN" (quote marks may stand between).
 */
function agentOfParticiple(keys: readonly string[], trigger: Trigger, inSentence: readonly Participant[]): Participant | undefined {
  for (let i = trigger.end; i < Math.min(keys.length, trigger.end + PARTICIPLE_REACH); i++) {
    const key = keys[i] as string;
    // "homes set on fire, and forced displacements carried out by ...": a participle past a joint tells of another noun.
    if (key === 'by' || PARTICIPLE_STOPS.has(key)) return undefined;
    if (!AGENT_PARTICIPLES.has(key) || key === 'claimed' || key === 'ordered') continue;
    let by = i + 1;
    if (keys[by] === 'out') by++;
    while (QUOTES.has(keys[by] as string)) by++;
    if (keys[by] !== 'by') return undefined;
    return inSentence.find(
      (p) =>
        p.start > by && p.start - by <= PARTICIPLE_AGENT_REACH && !p.demonym && !p.targetOnly && !p.isPlace && p.actor.kind !== 'person',
    );
  }
  return undefined;
}

/**
 * Whether the "by" at `by` belongs to another participle than the trigger: "held by Hamas", "controlled by Houthi
 * forces", "described by authorities", "brokered by the US" name who holds, controls or describes, not who struck.
 */
function byOfAnotherVerb(keys: readonly string[], by: number, triggerEnd: number): boolean {
  const before = keys[by - 1] ?? '';
  return by - 1 >= triggerEnd && (/(?:ed|en|wn)$/.test(before) || IRREGULAR_PARTICIPLES.has(before)) && !AGENT_PARTICIPLES.has(before);
}

// Participles without a regular ending whose "by" names their own agent: "decisions made by", "the town held by".
const IRREGULAR_PARTICIPLES: ReadonlySet<string> = new Set(words('made held kept run set sent built brought told found paid led'));

/** Whether a participant is in the clause, or joined to it by a bracket after or around it. */
function reachesClause(frame: DocumentFrame, p: Participant, clause: number): boolean {
  if (frame.clauseOf[p.start] === clause) return true;
  const keys = frame.view.keys;
  // 'the Maoist "Shining Path" group attacked': a name in quote marks belongs to the clause the marks stand in; not a
  // name given to something else ('an operation called "Black September" that will be carried out').
  const quoted = QUOTES.has(keys[p.start - 1] as string) && QUOTES.has(keys[p.end] as string);
  if (quoted && !NAMING_VERBS.has(keys[p.start - 2] as string) && frame.clauseOf[p.end + 1] === clause) return true;
  let i = p.end;
  if (keys[i] === '(') {
    const close = keys.indexOf(')', i);
    if (close < 0 || close - i > 12) return false;
    i = close;
  }
  return keys[i] === ')' && frame.clauseOf[i] === clause;
}

/** The subject and the names coordinated before it: "the FMLN and ERP guerrillas", "Hamas, PIJ and Hezbollah". */
function withCoordinated(frame: DocumentFrame, inSentence: readonly Participant[], subject: Participant | undefined): Participant[] {
  if (subject === undefined) return [];
  const keys = frame.view.keys;
  const out = [subject];
  let head = subject;
  for (let k = inSentence.indexOf(subject) - 1; k >= 0; k--) {
    const p = inSentence[k] as Participant;
    const between = keys.slice(p.end, head.start).filter((key) => key !== 'the');
    if (between.length !== 1 || (between[0] !== 'and' && between[0] !== ',') || p.demonym || p.isPlace) break;
    out.unshift(p);
    head = p;
  }
  return out;
}

const CLAIM_VERBS: ReadonlySet<string> = new Set(words('claimed claims claim claiming accepted assumed took takes admitted'));
const COPULAS: ReadonlySet<string> = new Set(words('is was are were be been being'));
const HOLD_VERBS: ReadonlySet<string> = new Set(words('hold holds held holding'));

/**
 * Who a sentence says is responsible for a happening it names without telling it ("the FPMR claimed responsibility
 * for the attack", "the police hold the MRTA responsible for the bombing", "the FMLN was responsible for it"): such
 * sentences make no event of their own, so the party is an initiator of the event the report tells. Denials ("was not
 * responsible", "denied responsibility") name no one.
 */
export function responsibleParties(
  frame: DocumentFrame,
  participants: readonly Participant[],
  lexicon: EventLexicon,
): Array<{ sentence: number; actors: EventActor[] }> {
  const keys = frame.view.keys;
  const out: Array<{ sentence: number; actors: EventActor[] }> = [];
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i] as string;
    if (REFERRING_NOUNS.has(key)) {
      const sentence = frame.sentenceOf[i] as number;
      const party = doerOfReferredAct(
        frame,
        i,
        participants.filter((p) => p.sentence === sentence),
      );
      if (party && !(party.actor.id !== undefined && VICTIM_IDS.has(party.actor.id))) out.push({ sentence, actors: [party.actor] });
      continue;
    }
    if (key !== 'responsibility' && key !== 'credit' && key !== 'responsible') continue;
    const sentence = frame.sentenceOf[i] as number;
    const inSentence = participants.filter((p) => p.sentence === sentence);
    // "this incident, for which the FMLN guerrillas are being held responsible": the party between "which" and its verb.
    const which = forWhichBefore(keys, i);
    const ofHappening =
      which >= 0 &&
      (REFERRING_NOUNS.has(keys[which - 3] as string) ||
        REFERRING_NOUNS.has(keys[which - 2] as string) ||
        assaultNear(frame, lexicon, Math.max(0, which - 5)));
    if (key === 'responsible' && ofHappening && keys[i - 1] === 'held') {
      const party = inSentence.find((p) => p.start > which && p.end < i && !p.demonym && !p.targetOnly && !p.isPlace);
      if (party) out.push({ sentence, actors: [party.actor] });
      continue;
    }
    // Responsible for an attack, not "responsible for security".
    if (keys[i + 1] !== 'for' || !assaultNear(frame, lexicon, i + 2)) continue;
    let party: Participant | undefined;
    if (key === 'responsible') {
      const hold = precedingWord(keys, i, Math.max(0, i - 8), HOLD_VERBS, 8);
      if (keys[i - 1] === 'not' || keys[i - 1] === 'those') continue;
      if (hold >= 0 && !COPULAS.has(keys[hold - 1] as string) && !COPULAS.has(keys[hold - 2] as string))
        party = inSentence.find((p) => p.start > hold && p.end <= i && !p.demonym);
      else if (COPULAS.has(keys[i - 1] as string) || hold >= 0)
        party = agentSubject(frame, inSentence, hold >= 0 ? hold : i - 1, frame.clauseOf[hold >= 0 ? hold : i - 1] as number);
    } else {
      const verb = precedingWord(keys, i, Math.max(0, i - 3), CLAIM_VERBS, 3);
      if (verb < 0) continue;
      party = agentSubject(frame, inSentence, verb, frame.clauseOf[verb] as number);
    }
    if (party === undefined || hasDenialBefore(frame, party.end + 1) || DENIALS.has(keys[party.end] as string)) continue;
    const actors = withCoordinated(frame, inSentence, party).map((p) => p.actor);
    if (actors.every((a) => a.id === undefined || !VICTIM_IDS.has(a.id))) out.push({ sentence, actors });
  }
  return out;
}

/** The "which" of a "for which" among the eight tokens before `at`, or -1. */
function forWhichBefore(keys: readonly string[], at: number): number {
  for (let i = at - 1; i >= Math.max(1, at - 8); i--) if (keys[i] === 'which' && keys[i - 1] === 'for') return i;
  return -1;
}

const BACK_REFERENCES: ReadonlySet<string> = new Set(words('the this that these those such'));
const REFERRING_NOUNS: ReadonlySet<string> = new Set(
  words('action actions act acts crime crimes deed deeds operation incident incidents aggression'),
);
// Verbs whose object, a word that refers back to a happening ("committed this crime"), makes their subject its doer.
const DOING_VERBS: ReadonlySet<string> = new Set(words('committed perpetrated staged directed masterminded executed'));
// Words before a doer that leave it unasserted: "does not know if the army committed the crime".
const UNASSERTED: ReadonlySet<string> = new Set(words('if whether not never'));

/**
 * Who did a happening a sentence refers back to without telling it: "this ridiculous action by the FMLN", "an act of
 * desperation by the FMLN", "this FMLN aggression", "members of the armed forces committed this crime". The word that
 * refers back ("action", "crime", "aggression") must follow a determiner, so "military actions by the army" in general
 * names no doer; a doer the text questions or denies ("if the army committed the crime") names none either.
 */
function doerOfReferredAct(frame: DocumentFrame, at: number, inSentence: readonly Participant[]): Participant | undefined {
  const keys = frame.view.keys;
  let det = at - 1;
  const isLead = (key: string) => BACK_REFERENCES.has(key) || key === 'a' || key === 'an';
  while (det > at - 3 && det > 0 && /^\p{Ll}+$/u.test(keys[det] as string) && !isLead(keys[det] as string)) det--;
  const lead = keys[det] as string;
  const doer = (p: Participant) => !p.demonym && !p.isPlace && !p.targetOnly && p.actor.kind === undefined;
  // "this FMLN aggression", "the FMLN's action".
  const before = inSentence.find((p) => doer(p) && (p.end === at || (p.end === at - 1 && keys[at - 1] === "'s")));
  if (before && BACK_REFERENCES.has(keys[before.start - 1] as string) && keys[before.start - 1] !== 'the') return before;
  if (!isLead(lead)) return undefined;
  // "this action by the FMLN", "an act of desperation by the FMLN".
  let by = at + 1;
  if (keys[by] === 'of' && /^\p{Ll}+$/u.test(keys[by + 1] ?? '')) by += 2;
  if (keys[by] === 'by') {
    const agent = inSentence.find((p) => p.start > by && p.start - by <= 2 && doer(p));
    return agent && !hasUnassertedBefore(keys, agent.start) ? agent : undefined;
  }
  // "members of the armed forces committed this crime", "a member of ETA directed the operation".
  if (lead === 'a' || lead === 'an' || !DOING_VERBS.has(keys[det - 1] as string)) return undefined;
  const verb = det - 1;
  const subject = agentSubject(frame, inSentence, verb, frame.clauseOf[verb] as number);
  if (subject === undefined || !doer(subject) || hasUnassertedBefore(keys, verb)) return undefined;
  return subject;
}

/** Whether "if", "whether", "not" or "never" stands among the six tokens before `at` in its clause. */
function hasUnassertedBefore(keys: readonly string[], at: number): boolean {
  for (let i = at - 1; i >= Math.max(0, at - 6); i--) {
    if (keys[i] === '.' || keys[i] === ';') return false;
    if (UNASSERTED.has(keys[i] as string)) return true;
  }
  return false;
}

/** Whether an assault's word ("attack", "bombing", "murder") stands among the four tokens from `from`. */
function assaultNear(frame: DocumentFrame, lexicon: EventLexicon, from: number): boolean {
  // "responsible for the action", "for this crime": a word that refers back to a happening told, which is an attack
  // wherever the report tells one (the party goes to an attack only).
  const keys = frame.view.keys;
  if (BACK_REFERENCES.has(keys[from] as string) && REFERRING_NOUNS.has(keys[from + 1] as string)) return true;
  for (let i = from; i < Math.min(from + 4, keys.length); i++) {
    const hit = lexicon.triggers.starts(frame.view, i) ? lexicon.triggers.match(frame.view, i) : null;
    if (hit?.value.kind === 'trigger' && hit.value.options.some((o) => o.entry.type === 'ASSAULT')) return true;
  }
  return false;
}

const IMPLICATE_REACH = 20;
const INVOLVEMENT_NOUNS: ReadonlySet<string> = new Set(words('participation involvement complicity hand role'));

/**
 * Who a sentence says took part in the trigger: "the participation of the FMLN in the murders", "evidence of
 * involvement by the CIA in the bombing".
 */
function involvedIn(keys: readonly string[], trigger: Trigger, inSentence: readonly Participant[]): Participant | undefined {
  let i = trigger.start - 1;
  while (i > trigger.start - 3 && OBJECT_LEAD.has(keys[i] as string)) i--;
  if (keys[i] !== 'in') return undefined;
  const p = inSentence.filter((q) => q.end <= i && i - q.end <= 1 && !q.targetOnly && !q.isPlace && !q.demonym).at(-1);
  if (p === undefined) return undefined;
  const lead = leadIndex(keys, p.start);
  const ok = (keys[lead] === 'of' || keys[lead] === 'by') && INVOLVEMENT_NOUNS.has(keys[lead - 1] as string);
  return ok ? p : undefined;
}

/**
 * Who the text blames for the trigger: "blamed X for the attack", "held X responsible for the murder", "accused X of
 * the killing", "attributed the murder to X", and after it "the attack, for which they hold X responsible" or "for
 * which X guerrillas are being held responsible". The one who blames is not an initiator by that.
 */
function blamedFor(frame: DocumentFrame, trigger: Trigger, inSentence: readonly Participant[]): Participant[] {
  const keys = frame.view.keys;
  const involved = involvedIn(keys, trigger, inSentence);
  if (involved) return [involved];
  for (let i = trigger.start - 1; i >= Math.max(0, trigger.start - IMPLICATE_REACH); i--) {
    if (frame.sentenceOf[i] !== trigger.sentence) break;
    if (!BLAME_VERBS.has(keys[i] as string)) continue;
    // "implicated four officers and five members of the armed forces in the murder": a list may stand between.
    const implicates = (keys[i] as string).startsWith('implicat');
    if (!implicates && trigger.start - i > 8) continue;
    if ((keys[i] as string).startsWith('attribut') || keys[i] === 'ascribed') {
      const to = keys.indexOf('to', trigger.end);
      if (to < 0 || to - trigger.end > 4) return [];
      const agent = inSentence.find((p) => p.start > to && p.start - to <= 3 && !p.demonym);
      return agent ? [agent] : [];
    }
    const blamed = inSentence.filter((p) => p.start > i && p.end <= trigger.start && !p.demonym && !p.isPlace && !p.targetOnly);
    const link = keys.slice(i + 1, trigger.start);
    // Implicated "in the murder", not "in the cover-up after the murder".
    const implicatedIn = link.slice(-3).includes('in');
    if (blamed.length > 0 && (implicates ? implicatedIn : link.includes('for') || link.includes('of'))) return blamed;
    return [];
  }
  const which = keys.slice(trigger.end, trigger.end + 3).join(' ');
  if (!which.includes('for which')) return [];
  const responsible = keys.indexOf('responsible', trigger.end);
  if (responsible < 0 || responsible - trigger.end > 14) return [];
  const agent = inSentence.filter((p) => p.start > trigger.end && p.end <= responsible && !p.demonym).at(-1);
  return agent ? [agent] : [];
}

// Words that may stand between an agent and another set beside it: 'the Maoist "Shining Path" group or the MRTA'.
const ALTERNATIVE_GAP: ReadonlySet<string> = new Set(words('the group groups " \' , so-called'));

/** The agents after `first` joined to it by "or" or "and" ("by the Shining Path group or the Tupac Amaru movement"). */
function alternativesAfter(keys: readonly string[], after: readonly Participant[], first: Participant): Participant[] {
  const out: Participant[] = [];
  let last = first;
  for (const q of after) {
    if (q.start < last.end) continue;
    const gap = keys.slice(last.end, q.start);
    const joiner = gap.includes('or') || gap.includes('and');
    // One word of description besides ("the Guevarist MRTA").
    const others = gap.filter((k) => k !== 'or' && k !== 'and' && !ALTERNATIVE_GAP.has(k));
    if (!joiner || others.length > 1 || gap.length > 6 || q.targetOnly || q.isPlace || q.demonym) break;
    out.push(q);
    last = q;
  }
  return out;
}

const POSSESSIVE_PRONOUNS: ReadonlySet<string> = new Set(words('its their'));

/** Whether "its" or "their" stands before a noun trigger, right before it or with a word between ("its latest attacks"). */
function isPossessivePronoun(keys: readonly string[], start: number): boolean {
  return POSSESSIVE_PRONOUNS.has(keys[start - 1] as string) || POSSESSIVE_PRONOUNS.has(keys[start - 2] as string);
}

/** Whether the name ending at `end` modifies the noun at `start`: adjacent, or with a possessive or an adjective between. */
function isPremodifier(keys: readonly string[], end: number, start: number): boolean {
  for (let i = end; i < start; i++) if (!PREMODIFIER_GAP.has(keys[i] as string)) return false;
  return start - end <= 2;
}

/** Whether two role entries name the same actor: the same lexicon id, or the same name. */
export function sameActor(a: EventActor, b: EventActor): boolean {
  if (a.id && b.id) return a.id === b.id;
  return a.name.toLowerCase() === b.name.toLowerCase();
}

/** The index of `word` among the `reach` tokens before `at` (not before `from`), or -1. */
function indexBefore(keys: readonly string[], at: number, from: number, word: string, reach: number): number {
  for (let i = at - 1; i >= Math.max(from, at - reach); i--) if (keys[i] === word) return i;
  return -1;
}

function precedingWord(keys: readonly string[], at: number, from: number, set: ReadonlySet<string>, reach: number): number {
  for (let i = at - 1; i >= Math.max(from, at - reach); i--) if (set.has(keys[i] as string)) return i;
  return -1;
}

/** A direct object: right after the verb, or after a determiner or two ("attacked the base", "invaded Israel"). */
function isObjectPosition(keys: readonly string[], verbEnd: number, start: number): boolean {
  for (let i = verbEnd; i < start; i++) if (!OBJECT_LEAD.has(keys[i] as string)) return false;
  return start - verbEnd <= 2;
}

function supportVerbBefore(frame: DocumentFrame, trigger: Trigger): number {
  const keys = frame.view.keys;
  for (let i = trigger.start - 1; i >= Math.max(0, trigger.start - 7); i--) {
    if (frame.clauseOf[i] !== trigger.clause) return -1;
    const key = keys[i] as string;
    // "the FMLN claimed responsibility for", not "the minister claimed that troops carried out".
    if (SUPPORT_VERBS.has(key) && !(SPEECH_VERBS.has(key) && keys[i + 1] === 'that')) return i;
    // "X was responsible for", "held X responsible for"; not "hold all those responsible accountable".
    if (key === 'behind' || (key === 'responsible' && keys[i - 1] !== 'those')) return i;
  }
  return -1;
}

function undergoVerbBefore(frame: DocumentFrame, trigger: Trigger): number {
  const keys = frame.view.keys;
  for (let i = trigger.start - 1; i >= Math.max(0, trigger.start - 3); i--) {
    if (frame.clauseOf[i] !== trigger.clause) return -1;
    if (UNDERGO_VERBS.has(keys[i] as string)) return i;
  }
  return -1;
}

/** A denial verb before `at` in its sentence ("A spokesman rejected claims that U.S. jets ..."). */
function hasDenialBefore(frame: DocumentFrame, at: number): boolean {
  const keys = frame.view.keys;
  const sentence = frame.sentenceOf[at];
  for (let i = at - 1; i >= Math.max(0, at - 6); i--) {
    if (frame.sentenceOf[i] !== sentence) return false;
    if (DENIALS.has(keys[i] as string)) return true;
  }
  return false;
}
