/** @module One happening told over several sentences of a report becomes one event: compatible drafts of a type merge. */
import type { CasualtyRange, EventActor, EventDate, EventModality, EventPlace } from '../../model/event.ts';
import { distanceKm } from '../../understand/places/distance-km.ts';
import { sameActor } from './assign-roles.ts';
import type { Draft } from './extract-events.ts';

// How long (days) after a shooting a report tells of its arrest or hearing, at most, as the same story's lead.
const FOLLOW_UP_DAYS = 31;
// Places this close (km) are one place for a report's own sentences.
const SAME_PLACE_KM = 30;

/**
 * Each draft merges into the latest draft before it that it fits (the same type, modality and event clarity, dates
 * that overlap and places that agree where both give one, no initiators of different sides, no figures that deny each
 * other) and that it is tied to: it refers back ("the shooting", "those strikes"), it says nothing new (no date,
 * place or initiator of its own), or both give the same place, the same day or the same actor. Compatible is not enough: a report of several attacks tells them apart by what it says, and one set apart in so many words
 * (`separated`: "in a separate incident") starts anew.
 */
export function mergeDrafts(
  drafts: readonly Draft[],
  anaphoric: (draft: Draft) => boolean,
  separated: (draft: Draft) => boolean = () => false,
): Draft[] {
  const kept: Draft[] = [];
  for (const draft of drafts) {
    const into = separated(draft)
      ? undefined
      : kept.findLast((k) => fits(k, draft) && (anaphoric(draft) || isBare(draft) || tied(k, draft)));
    if (!into) {
      kept.push(draft);
      continue;
    }
    into.triggers.push(...draft.triggers);
    for (const s of draft.sentences) into.sentences.add(s);
    for (const m of draft.modes) into.modes.add(m);
    add(into.initiator, draft.initiator);
    add(into.target, draft.target);
    add(into.deniedInitiator, draft.deniedInitiator);
    into.victims.push(...draft.victims);
    into.figures.push(...draft.figures);
    into.date ??= draft.date;
    into.place ??= draft.place;
    if (draft.aggregate && (!into.aggregate || draft.aggregate.low > into.aggregate.low)) into.aggregate = draft.aggregate;
  }
  return kept;
}

const ACCOUNTED: ReadonlySet<EventModality> = new Set(['asserted', 'reported-unconfirmed']);

/**
 * One shooting told twice in a report becomes one event: a single attack merges into the first earlier one of its
 * type whose place and date agree (or are not given) and whose casualties nest in its own, or who share a target,
 * unless its own words set it apart (`separated`: "in a separate incident", "later that day"). The sentence-by-sentence
 * merge keeps accounts apart that share nothing but their words; this pass joins them on what they count, so the
 * dateline's "left one dead and six wounded" and "killing one man and wounding six others" are one event, and their
 * figures two accounts of it (`accounts`), fused rather than added.
 */
export function mergeHappenings(
  drafts: readonly Draft[],
  casualties: (draft: Draft) => { killed: CasualtyRange | null; injured: CasualtyRange | null },
  separated: (draft: Draft) => boolean,
): Draft[] {
  const kept: Draft[] = [];
  for (const draft of drafts) {
    const into = isAccount(draft) && !separated(draft) ? kept.find((k) => isAccount(k) && oneHappening(k, draft, casualties)) : undefined;
    if (!into) {
      kept.push(draft);
      continue;
    }
    into.triggers.push(...draft.triggers);
    for (const s of draft.sentences) into.sentences.add(s);
    for (const m of draft.modes) into.modes.add(m);
    add(into.initiator, draft.initiator);
    add(into.target, draft.target);
    add(into.deniedInitiator, draft.deniedInitiator);
    into.victims.push(...draft.victims);
    into.accounts.push(...draft.accounts);
    // The shooting's own day over the day of its arrest or hearing that the lead told it with.
    if (!into.date || (draft.date && isFollowUp(into.date) && isOwnDayBefore(draft.date, into.date))) into.date = draft.date;
    into.place ??= draft.place;
    if (draft.modality === 'asserted') into.modality = 'asserted';
  }
  return kept;
}

/** A single attack told as happened or reported: what may be one account of a shooting. */
function isAccount(draft: Draft): boolean {
  return draft.type === 'ASSAULT' && draft.aggregate === null && ACCOUNTED.has(draft.modality);
}

function oneHappening(
  a: Draft,
  b: Draft,
  casualties: (draft: Draft) => { killed: CasualtyRange | null; injured: CasualtyRange | null },
): boolean {
  if (a.type !== b.type || conflict(statesOf(a.initiator), statesOf(b.initiator))) return false;
  // "Police were called to reports of shots fired" is the shooting told as happened; between states, a reported
  // strike and a confirmed one are as often two.
  if (a.modality !== b.modality && [a, b].some((d) => [...d.initiator, ...d.target].some((x) => x.country))) return false;
  if (a.date && b.date && !datesAgree(a.date, b.date)) return false;
  const pa = firmPlace(a);
  const pb = firmPlace(b);
  if (pa && pb && !samePlace(pa, pb)) return false;
  if (contradicts(a, b) || contradicts(b, a)) return false;
  if (sharesTarget(a, b)) return true;
  const x = casualties(a);
  const y = casualties(b);
  const ka = x.killed?.low ?? 0;
  const ia = x.injured?.low ?? 0;
  const kb = y.killed?.low ?? 0;
  const ib = y.injured?.low ?? 0;
  // Nested counts: one account tells part of what the other does, or nothing at all.
  if ((ka <= kb && ia <= ib) || (kb <= ka && ib <= ia)) return true;
  // "The toddler was shot" after "a boy shot and killed": who was shot, with no word of who died, may be any of them.
  const sa = onlyShot(a);
  const sb = onlyShot(b);
  return (sa !== null && sa <= kb + ib) || (sb !== null && sb <= ka + ia);
}

/**
 * Whether two accounts' dates may be of one shooting: within a day of each other, or, where one is the day of a
 * follow-up ("a man was arrested Friday in the killing"), the other no later than it: a shooting comes before its
 * arrest, however long before.
 */
function datesAgree(a: EventDate, b: EventDate): boolean {
  const followUpA = isFollowUp(a);
  const followUpB = isFollowUp(b);
  if (followUpA && followUpB) return true;
  if (followUpA) return daysBetween(a.end, b.start) <= 1 && daysBetween(b.end, a.start) <= FOLLOW_UP_DAYS;
  if (followUpB) return daysBetween(b.end, a.start) <= 1 && daysBetween(a.end, b.start) <= FOLLOW_UP_DAYS;
  return daysBetween(a.end, b.start) <= 1 && daysBetween(b.end, a.start) <= 1;
}

/** Whether a date is the day of something that followed the happening (an arrest, a hearing), not its own. */
function isFollowUp(date: EventDate): boolean {
  return date.rule.startsWith('date-follow-up/');
}

/** Whether a date is a happening's own day, not after the follow-up's. */
function isOwnDayBefore(date: EventDate, followUp: EventDate): boolean {
  return date.precision === 'day' && !isFollowUp(date) && date.end <= followUp.start;
}

/** How many a draft counts as shot, where it tells no one killed or injured; null where it does. */
function onlyShot(draft: Draft): number | null {
  // A suspect who killed himself is no victim: "shot his wife and children before killing himself" counts who he shot.
  const figures = draft.accounts.flat().filter((f) => !f.absent && f.category !== 'suspect');
  if (figures.length === 0 || figures.some((f) => f.category !== 'shot')) return null;
  return Math.max(...figures.map((f) => f.low));
}

/** Initiators tied to a state: "a gunman" and "the victims" are no sides. */
function statesOf(actors: readonly EventActor[]): EventActor[] {
  return actors.filter((a) => a.country);
}

/** Days from the end of one interval to the start of a later one (negative where they overlap). */
function daysBetween(end: string, start: string): number {
  return (Date.parse(start) - Date.parse(end)) / 86_400_000;
}

/**
 * A draft's place, unless it is a guess: a street whose town is unknown carries a point from anywhere, a county's
 * point is far from most of its towns, and a place read inside a name ("Miami Valley Hospital") says nothing of where
 * the shooting was.
 */
function firmPlace(draft: Draft): EventPlace | null {
  const choice = draft.place;
  if (!choice || /street|county|organisation-name/.test(choice.rule)) return null;
  return choice.place;
}

function fits(a: Draft, b: Draft): boolean {
  if (a.type !== b.type || a.modality !== b.modality) return false;
  if ((a.aggregate === null) !== (b.aggregate === null)) return false;
  if (a.date && b.date && (a.date.start > b.date.end || b.date.start > a.date.end)) return false;
  if (a.place && b.place && !samePlace(a.place.place, b.place.place)) return false;
  if (conflict(a.initiator, b.initiator)) return false;
  // "strikes that caused no casualties as far as is known" and "a bombardment that killed hundreds" are not one happening.
  if (contradicts(a, b) || contradicts(b, a)) return false;
  if (a.deniedInitiator.some((d) => b.initiator.some((i) => sameActor(d, i)))) return false;
  if (b.deniedInitiator.some((d) => a.initiator.some((i) => sameActor(d, i)))) return false;
  return true;
}

/** Two initiator lists name different sides: both given, none shared, and no country in common. */
export function conflict(a: readonly EventActor[], b: readonly EventActor[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  if (a.some((x) => b.some((y) => sameActor(x, y)))) return false;
  if (a.some((x) => x.country && b.some((y) => y.country === x.country))) return false;
  return true;
}

/** A draft with no date, place or initiator of its own ("the victim was shot in the chest") continues the story. */
function isBare(draft: Draft): boolean {
  if (draft.initiator.length > 0) return false;
  // A single attack that gives a date or a place, not both, adds to the one before rather than telling another.
  return draft.date === null || (draft.place === null && draft.aggregate === null);
}

function tied(a: Draft, b: Draft): boolean {
  if (a.place && b.place && a.place.place.name === b.place.place.name && a.place.place.precision <= 4) return true;
  if (a.date && b.date && a.date.precision === 'day' && b.date.precision === 'day') return true;
  if (a.initiator.some((x) => b.initiator.some((y) => sameActor(x, y)))) return true;
  return sharesTarget(a, b);
}

/** A target both name: a described one ("a man", "the bus") tells too little to join two happenings on. */
function sharesTarget(a: Draft, b: Draft): boolean {
  return a.target.some((x) => !x.described && b.target.some((y) => sameActor(x, y)));
}

function contradicts(a: Draft, b: Draft): boolean {
  const absent = a.accounts
    .flat()
    .filter((f) => f.absent)
    .map((f) => f.category);
  return absent.length > 0 && b.accounts.flat().some((f) => !f.absent && (absent.includes(f.category) || f.category === 'killed'));
}

function samePlace(
  a: { name: string; country: string | null; precision: number; lat: number; lon: number },
  b: { name: string; country: string | null; precision: number; lat: number; lon: number },
): boolean {
  if (a.name === b.name) return true;
  if ((a.precision >= 5 || b.precision >= 5) && a.country !== null && a.country === b.country) return true;
  return distanceKm(a.lat, a.lon, b.lat, b.lon) <= SAME_PLACE_KM;
}

function add(into: EventActor[], from: readonly EventActor[]): void {
  for (const actor of from) if (!into.some((a) => sameActor(a, actor))) into.push(actor);
}
