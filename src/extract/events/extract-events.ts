/**
 * @module Event extraction: one document's mentions in, its events out. A pure function of the document, its mentions
 * and the read-only event lexicon.
 *
 * Order: triggers first (everything hangs on them); per sentence and type, a draft with its roles, modes, modality,
 * own date and own place; casualty figures attach to the drafts they tell about; drafts of one happening told over
 * several sentences merge ("A man was shot on Elm Street. He died in hospital."), then accounts of one shooting the
 * report tells apart (the dateline's toll and the body's) whose casualties nest; only then are dates and places
 * filled in from the report as a whole, and salience is scored against every event of the report.
 */
import { createHash } from 'node:crypto';
import { parseIsoDay } from '../../model/day-number.ts';
import type { CasualtyRange, Event, EventActor, EventDate, EventModality, EventType, Responsibility } from '../../model/event.ts';
import type { DateInterval } from '../../model/interval.ts';
import type { Mention, PlaceValue } from '../../model/mention.ts';
import { distanceKm } from '../../understand/places/distance-km.ts';
import { words } from '../../understand/sentences/words.ts';
import { acledSubEvent, findCueSets } from './acled-sub-event.ts';
import { assignRoles, findParticipants, responsibleParties, sameActor } from './assign-roles.ts';
import { chooseDate, reportDate } from './choose-date.ts';
import type { NewsProfile } from '../../understand/places/news-profile.ts';
import { choosePlace, datelinePlace, documentPlace, type PlaceChoice, reportCountryPlace } from './choose-place.ts';
import { detectModality } from './detect-modality.ts';
import { createDocumentFrame, type DocumentFrame } from './document-frame.ts';
import { defaultEventLexicon, type EventLexicon } from './event-lexicon.ts';
import { type CasualtyFigure, findCasualties } from './find-casualties.ts';
import {
  attachResponsibility,
  findResponsibility,
  isRestatement,
  type ResponsibilityStatement,
  toResponsibility,
} from './find-responsibility.ts';
import { defaultTargetLexicon, findTargetPhrases } from './find-target-phrases.ts';
import { findHarmed } from './find-harmed.ts';
import { findTriggers, type Trigger } from './find-triggers.ts';
import { mergeDrafts, mergeHappenings } from './merge-drafts.ts';
import { nameKeys } from './name-keys.ts';
import { scoreSalience } from './score-salience.ts';

/** What event extraction needs of a document besides its mentions. */
export interface EventInput {
  readonly documentId: string;
  readonly text: string;
  readonly published: DateInterval | null;
  /** The report's news profile: national and international news gives an event no place its own sentences do not. */
  readonly profile?: NewsProfile;
  /** A country as a place by its ISO alpha-2 code (from the gazetteer): for the report's country when it names none. */
  readonly countryPlace?: (code: string) => PlaceValue | null;
}

/** An event while it is being built: the triggers of one sentence and type, then of every sentence merged into it. */
export interface Draft {
  readonly type: EventType;
  readonly triggers: Trigger[];
  readonly sentences: Set<number>;
  readonly modes: Set<string>;
  readonly initiator: EventActor[];
  readonly target: EventActor[];
  readonly deniedInitiator: EventActor[];
  /**
   * The targets of each trigger that tells a death ("killed two reporters"), one list per trigger: whom the text says
   * died. Lists are not added up: two sentences may tell of the same dead.
   */
  readonly victims: EventActor[][];
  /** Asserted wins over reported-unconfirmed when two accounts of one shooting merge. */
  modality: EventModality;
  aggregate: CasualtyRange | null;
  /** A date given in the draft's own sentences, or null. */
  date: EventDate | null;
  /** A place given in the draft's own sentences, or null. */
  place: PlaceChoice | null;
  readonly figures: CasualtyFigure[];
  /**
   * The casualty figures of each account of the happening the draft tells: first its own `figures` (the same array),
   * then those of drafts that told it again elsewhere in the report ("left one dead and six wounded" in the dateline
   * sentence, "killing one man and wounding six others" further down). Accounts are fused, never added.
   */
  readonly accounts: CasualtyFigure[][];
}

const AGGREGATE_NOUNS: ReadonlySet<string> = new Set(
  words('attacks strikes airstrikes times incidents shootings raids assaults bombings explosions clashes protests arrests killings'),
);
const SERIES_WORDS: ReadonlySet<string> = new Set(words('spate wave series string spike campaign barrage dozens hundreds scores'));
const MODED: ReadonlySet<EventType> = new Set(['ASSAULT', 'MOBILIZE', 'AID']);
const TROOP_MODES: ReadonlySet<string> = new Set(['troops', 'weapons']);

/** Every event one document tells, in text order. */
export function extractEvents(input: EventInput, mentions: readonly Mention[], lexicon: EventLexicon = defaultEventLexicon()): Event[] {
  const frame = createDocumentFrame(input, mentions);
  const triggers = findTriggers(frame, lexicon);
  if (triggers.length === 0) return [];
  const participants = findParticipants(frame, findTargetPhrases(frame));
  const drafts: Draft[] = [];
  const byKey = new Map<string, Draft>();
  // The subject of the last active verb in each sentence, for the verbs coordinated with it.
  let shared: { sentence: number; actors: EventActor[] } = { sentence: -1, actors: [] };
  for (const trigger of triggers) {
    // One draft per clause and type: "blamed the attacks on X, and carried out strikes" tells two happenings.
    const key = `${trigger.clause}|${trigger.type}`;
    const roles = assignRoles(frame, trigger, participants, shared.sentence === trigger.sentence ? shared.actors : []);
    if (roles.initiator.length > 0 && !trigger.passive) shared = { sentence: trigger.sentence, actors: roles.initiator };
    const existing = byKey.get(key);
    if (existing) {
      existing.triggers.push(trigger);
      for (const mode of trigger.entry.modes) existing.modes.add(mode);
      addActors(existing.initiator, roles.initiator);
      addActors(existing.target, roles.target);
      addActors(existing.deniedInitiator, roles.deniedInitiator);
      if (tellsDead(frame, trigger)) existing.victims.push([...roles.target]);
      continue;
    }
    const sentences = new Set([trigger.sentence]);
    const figures: CasualtyFigure[] = [];
    const date = ownDate(frame, sentences, trigger.type, [charSpan(frame, trigger)], trigger.clause);
    const reading = detectModality(frame, trigger, {
      responsibilityDenied: roles.deniedInitiator.length > 0,
      dateStart: date?.start ?? null,
    });
    const draft: Draft = {
      type: trigger.type,
      triggers: [trigger],
      sentences,
      modes: new Set(trigger.entry.modes),
      initiator: roles.initiator.filter((a) => !roles.deniedInitiator.some((d) => sameActor(a, d))),
      target: roles.target,
      deniedInitiator: roles.deniedInitiator,
      victims: tellsDead(frame, trigger) ? [[...roles.target]] : [],
      modality: reading.modality,
      aggregate: null,
      date,
      place: choosePlace(frame, sentences, [trigger.start], null, [trigger.end], trigger.clause, input.profile?.scope === 'wide'),
      figures,
      accounts: [figures],
    };
    byKey.set(key, draft);
    drafts.push(draft);
  }
  for (const draft of drafts) {
    if (MODED.has(draft.type)) addModeCues(frame, lexicon, draft);
    draft.aggregate = aggregateOf(frame, draft) ?? (tellsWarToll(frame, draft) ? WAR_TOLL : null);
  }
  attachCasualties(frame, drafts, findCasualties(frame, lexicon));
  // Claims, blames and denials; an attack they name again ("X claimed the attack") is the one told before, not another.
  const statements = findResponsibility(frame, participants);
  const told = drafts.filter(
    (d) =>
      d.type !== 'ASSAULT' ||
      !isRestatement(frame, d, statements) ||
      !drafts.some((e) => e.type === 'ASSAULT' && Math.min(...e.sentences) < Math.min(...d.sentences)),
  );
  const merged = mergeHappenings(
    mergeDrafts(
      told,
      (draft) => refersBack(frame, draft),
      (draft) => isSeparated(frame, draft),
    ),
    (draft) => casualtiesOf(draft.accounts),
    (draft) => isSeparated(frame, draft),
  );
  // "X claimed responsibility for the attack" tells no event of its own: X did the nearest of the report's attacks
  // that name no one who did them.
  for (const party of responsibleParties(frame, participants, lexicon)) {
    // An event whose doers the text does not name ("gunmen") takes the name too.
    const open = merged.filter((d) => d.type === 'ASSAULT' && d.aggregate === null && d.initiator.every((a) => !a.id && !a.country));
    const distance = (d: Draft) => Math.min(...[...d.sentences].map((s) => Math.abs(s - party.sentence) + (s > party.sentence ? 0.5 : 0)));
    const nearest = open.sort((a, b) => distance(a) - distance(b))[0];
    if (nearest) addActors(nearest.initiator, party.actors);
  }
  // "Two vehicles were destroyed", "also injured were ...": what an attack hurt, told apart from its trigger.
  for (const harmed of findHarmed(frame, participants)) {
    const attack = attackTelling(merged, harmed.sentence);
    if (attack)
      addActors(
        attack.target,
        harmed.targets.map((p) => p.actor),
      );
  }
  // Local news is about one place, which its events share where their sentences name none; wide news is about many,
  // and the place it names most is a guess for an event whose sentences say nothing of where: only its dateline,
  // in the country it is about, says where it was filed from.
  // Where nothing in the report says where, the country it is about (at a country's precision) still does.
  const fallbackPlace =
    input.profile?.scope === 'wide' ? (datelinePlace(frame) ?? reportCountryPlace(frame, input.countryPlace)) : documentPlace(frame);
  // Sentences that tell violence: where a single attack's date is sought when its own sentences give none.
  const violent = new Set<number>();
  for (const d of merged)
    if ((d.type === 'ASSAULT' || d.type === 'DEATH') && d.aggregate === null) for (const s of d.sentences) violent.add(s);
  const names = nameKeys(frame.text);
  // Claims, blames and denials go to the attack they are about once the report's accounts of it are merged.
  const attached = attachResponsibility(statements, merged);
  const events = merged.map((draft, index) =>
    toEvent(
      frame,
      draft,
      fallbackPlace,
      violent,
      names,
      statements.filter((_, i) => attached[i] === index),
    ),
  );
  return scoreSalience(events, merged, frame.sentences.length);
}

// How many sentences back (or one ahead) a report's account of an attack's harm may stand from the attack it tells.
const HARM_REACH_BACK = 3;

/**
 * The single attack whose account a sentence continues: the one told in it, else the last told before it (within three
 * sentences), else the one told in the next sentence.
 */
function attackTelling(drafts: readonly Draft[], sentence: number): Draft | undefined {
  const attacks = drafts.filter((d) => d.type === 'ASSAULT' && d.aggregate === null);
  const here = attacks.find((d) => d.sentences.has(sentence));
  if (here) return here;
  const before = attacks
    .filter((d) => firstSentence(d) < sentence && sentence - lastBefore(d, sentence) <= HARM_REACH_BACK)
    .sort((a, b) => lastBefore(b, sentence) - lastBefore(a, sentence))[0];
  return before ?? attacks.find((d) => firstSentence(d) === sentence + 1);
}

/** The draft's last sentence before `sentence`. */
function lastBefore(draft: Draft, sentence: number): number {
  return Math.max(...[...draft.sentences].filter((s) => s < sentence));
}

const SEPARATORS: ReadonlySet<string> = new Set(words('separate separately unrelated similar'));
// "another shooting", "a previous attack": only right before the trigger, since "another man was shot" is one more victim.
const OTHER_HAPPENING: ReadonlySet<string> = new Set(words('another previous prior earlier'));

/**
 * Whether a draft's own words set it apart from what was told before: "In a separate incident", "an unrelated
 * shooting", "another shooting", "Later that day, ...". Read just before each trigger, within its sentence.
 */
function isSeparated(frame: DocumentFrame, draft: Draft): boolean {
  const keys = frame.view.keys;
  return draft.triggers.some((t) => {
    if (isBackground(frame, t.sentence)) return true;
    const start = Math.max(frame.sentences[t.sentence]?.start ?? 0, t.start - 8);
    for (let i = start; i < t.start; i++) {
      const key = keys[i] as string;
      if (SEPARATORS.has(key)) return true;
      if ((key === 'later' || key === 'earlier') && keys[i + 1] === 'that') return true;
      if (OTHER_HAPPENING.has(key) && t.start - i <= 2) return true;
    }
    return false;
  });
}

// Openings of a sentence that tells background, not the happening reported: "Also last month, ...", "Earlier this
// year, ...", "So far this year, ...", "In 2012, ...".
const BACKGROUND_OPENINGS: readonly (readonly string[])[] = [
  'also',
  'earlier this',
  'last year',
  'last month',
  'so far this',
  'so far in',
  'this year',
  'since january',
  'in a separate',
  'in another',
  'in an unrelated',
  'in previous',
  'in recent',
  'over the past',
  'in the past',
  // Teasers for other stories a page carries: "Related: Man shot dead in ...", "Previous story: ...".
  'related :',
  'related stories',
  'related story',
  'related coverage',
  'related articles',
  'related content',
  'previous story',
  'read more :',
  'more :',
  'see also',
  'also read',
].map((cue) => cue.split(' '));

/** Whether a sentence opens with a background cue ("Also last month, four children were shot in separate incidents"). */
function isBackground(frame: DocumentFrame, sentence: number): boolean {
  let start = frame.sentences[sentence]?.start;
  if (start === undefined) return false;
  const keys = frame.view.keys;
  // "► Related: ...": a bullet or mark before the words.
  while (start < (frame.sentences[sentence]?.end ?? start) && !/^[\p{L}\p{N}]/u.test(keys[start] as string)) start++;
  if (/^(19|20)\d\d$/.test(keys[start + 1] ?? '') && keys[start] === 'in') return true;
  // "In December, a woman drove ...", "Last December, ...": a month with no day is a time before the happening reported.
  if (MONTHS.has(keys[start + 1] as string)) {
    if (keys[start] === 'last') return true;
    if (keys[start] === 'in' && (keys[start + 2] === ',' || /^(19|20)\d\d$/.test(keys[start + 2] ?? ''))) return true;
  }
  return BACKGROUND_OPENINGS.some((cue) => cue.every((word, i) => keys[start + i] === word));
}

// What makes a toll a running total: counted since a time (not since one attack), over a war, by a campaign, or in total.
const RUNNING_TOTAL = new RegExp(
  [
    String.raw`\bsince\b(?!\s+(?:the\s+|that\s+|this\s+)?(?:[\p{L}'’-]+\s+)?(?:attacks?|strikes?|shooting|explosions?|blasts?|bombing|incident|raid|then)\b)`,
    String.raw`\b(?:in|during|of|throughout|over)\s+(?:the|this|a|its|their|[\p{Lu}][\p{L}'’]*)\s+(?:[\p{L}\d'’-]+\s+){0,2}?(?:war|conflict|fighting|offensive|hostilities)\b`,
    String.raw`\b(?:war|conflict)[’']s\b`,
    String.raw`\b(?:months?|years?|weeks?)\s+of\s+(?:war|fighting|conflict|hostilities)\b`,
    String.raw`\b(?:war|conflict|offensive|campaign|fighting|hostilities|operations|attacks|strikes|airstrikes)\s+(?:on\s+[\p{L}'’-]+\s+)?(?:has|have|had)\s+(?:killed|claimed|left)\b`,
    String.raw`\b(?:a total of|in total|overall|cumulative|so far|to date)\b`,
  ].join('|'),
  'iu',
);

const MONTH_NAME = String.raw`(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|march|mar\.|april|apr\.|may|june|july|aug(?:ust|\.)?|sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)`;
const WAR_WORD = String.raw`(?:war|conflict|invasion|offensive|campaign|fighting|hostilities|assault|onslaught|bombardment)`;
// What a war's running toll is counted over: since a war began or a day months back ("since October 7", "since the
// start of the war", "since Russia invaded"), or over the war itself ("in the 21-month war", "the offensive has killed").
const WAR_SPAN = new RegExp(
  [
    String.raw`\bsince\s+(?:the\s+)?(?:start|beginning|outbreak|onset)\s+of\s+(?:the\s+|a\s+|its\s+)?(?:[\p{L}'’-]+\s+){0,2}?${WAR_WORD}`,
    String.raw`\bsince\s+(?:the\s+)?(?:[\p{L}'’-]+\s+){0,2}?${WAR_WORD}\s+(?:began|started|broke\s+out|erupted)`,
    String.raw`\bsince\s+[\p{Lu}][\p{L}'’-]+\s+(?:invaded|launched|began|started)\b`,
    String.raw`\b(?:in|during|over|throughout)\s+(?:the|its|their|a)\s+(?:[\p{L}\d'’]+[\s-]+){0,2}?(?:months?|years?|weeks?|days?)[\s-]+(?:long\s+|old\s+)?${WAR_WORD}`,
    String.raw`\b${WAR_WORD}\s+(?:on\s+[\p{L}'’-]+\s+)?(?:has|have)\s+(?:so\s+far\s+)?(?:killed|claimed|left)\b`,
  ].join('|'),
  'iu',
);
// A toll counted over the last week or more ("over the past 12 days", "in the last three weeks"), or told beside a war
// of so many days or months ("606 killed as ceasefire halts 12-day war"): a day or two may still be one massacre's
// ("within 48 hours", "over two days"). Only beside a count of the dead: "the worst attack in the last few months" is
// one attack measured against others.
const PAST_SPAN = new RegExp(
  [
    String.raw`\b(?:in|over|during|throughout)\s+the\s+(?:past|last|previous)\s+(?:(?:[7-9]|[1-9]\d+|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)\s+days|(?:\d+|two|three|four|five|six|several|few)\s+(?:weeks|months|years)|(?:week|month|year))\b`,
    String.raw`\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-](?:days?|weeks?|months?|years?)[\s-](?:long[\s-]+|old[\s-]+)?(?:war|conflict|offensive|campaign)\b`,
  ].join('|'),
  'iu',
);
const DEAD_COUNT =
  /\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-[a-z]+)?|hundreds|dozens)\b[^.;]{0,60}?\b(?:killed|dead|deaths|died|fatalities)\b|\b(?:killed|killing|kills|claimed)\s+(?:[a-z]+\s+){0,2}?\d[\d,]*\b|\bdeath\s+toll\b/i;
// "killed since October 7": a toll counted since a day, which speaks of a war only with a war's count of the dead or
// wounded ("attacks since October 17" count a campaign's strikes, beside which a strike of its own is still one).
const SINCE_DAY = new RegExp(
  String.raw`\bsince\s+(?:the\s+)?(?:\d{1,2}\s+${MONTH_NAME}|${MONTH_NAME}\s+\d{1,2}\b|${MONTH_NAME}\s+\d{4})`,
  'iu',
);
const WAR_DEAD =
  /\b\d{1,3}(?:,\d{3})+\b[^.;]{0,60}\b(?:killed|dead|deaths|died|wounded|injured)\b|\b(?:killed|deaths of|death toll of)\s+(?:at\s+least\s+|more\s+than\s+|over\s+)?\d{1,3}(?:,\d{3})+\b/i;
// "the deadliest attack since October 7": a single happening measured against the war, not the war's toll.
const SINGLE_AGAINST_WAR = /\b(?:deadliest|worst|largest|biggest|bloodiest|heaviest|first|most\s+\w+)\b[^.;]{0,60}\bsince\b/i;
/** What a war told as one draft sums: many happenings, how many unknown. */
const WAR_TOLL: CasualtyRange = { low: 2, high: null };

/**
 * Whether a draft tells a war's course, not one happening: every sentence it comes from counts over the war
 * ("60,000 killed since October 7", "Israel's offensive has killed"). Such a draft is an aggregate, so it never
 * becomes an incident with the war's dead.
 */
function tellsWarToll(frame: DocumentFrame, draft: Draft): boolean {
  if (draft.type !== 'ASSAULT' && draft.type !== 'DEATH') return false;
  return [...draft.sentences].every((index) => {
    const sentence = frame.sentences[index];
    if (sentence === undefined) return false;
    const text = frame.text.slice(sentence.span.start, sentence.span.end);
    const overWar = WAR_SPAN.test(text) || (SINCE_DAY.test(text) && WAR_DEAD.test(text)) || (PAST_SPAN.test(text) && DEAD_COUNT.test(text));
    return overWar && !SINGLE_AGAINST_WAR.test(text);
  });
}

/** Days a dated toll may span and still be one happening's: a massacre over several days, clashes over a fortnight. */
const HAPPENING_SPAN_DAYS = 31;
/** Dead that, told over a longer span, are a campaign's toll. */
const PERIOD_TOLL_MIN = 100;

/** Whether a violent event's own date spans weeks and its dead are many: a campaign's toll over a period. */
function isPeriodToll(date: EventDate | null, killed: CasualtyRange | null): boolean {
  if (date === null || killed === null || killed.low < PERIOD_TOLL_MIN) return false;
  const start = parseIsoDay(date.start);
  const end = parseIsoDay(date.end);
  return start !== null && end !== null && end - start > HAPPENING_SPAN_DAYS;
}

/**
 * A toll this large is a war's or a campaign's: the deadliest single attacks of recent wars (7 October 2023: about
 * 1,200 dead) stay far below it.
 */
const HAPPENING_MAX_TOLL = 5000;

/** Whether a casualty figure is a running total (a war's or a campaign's), which no single happening holds. */
function isRunningTotal(frame: DocumentFrame, figure: CasualtyFigure): boolean {
  if (figure.low >= HAPPENING_MAX_TOLL) return true;
  const sentence = frame.sentences[figure.sentence];
  if (sentence === undefined) return false;
  const text = frame.text.slice(sentence.span.start, sentence.span.end);
  return RUNNING_TOTAL.test(text) && !SINGLE_AGAINST_WAR.test(text);
}

const MONTHS: ReadonlySet<string> = new Set(words('january february march april may june july august september october november december'));

const BACK_REFERENCES: ReadonlySet<string> = new Set(words('the that those this these such same its their his her'));

/** Whether a draft's trigger refers back to something told ("the shooting", "those airstrikes", "He died"). */
function refersBack(frame: DocumentFrame, draft: Draft): boolean {
  const keys = frame.view.keys;
  return draft.triggers.some((t) => {
    for (let i = t.start - 1; i >= Math.max(0, t.start - 3); i--) if (BACK_REFERENCES.has(keys[i] as string)) return true;
    return t.pos === 'verb' && t.passive && /^(he|she|they|the)$/.test(keys[frame.sentences[t.sentence]?.start ?? 0] ?? '');
  });
}

function addActors(into: EventActor[], from: readonly EventActor[]): void {
  for (const actor of from) if (!into.some((a) => sameActor(a, actor))) into.push(actor);
}

function ownDate(
  frame: DocumentFrame,
  sentences: ReadonlySet<number>,
  type: EventType,
  triggerSpans: ReadonlyArray<{ start: number; end: number }>,
  clause: number,
): EventDate | null {
  const date = chooseDate(frame, sentences, type, triggerSpans, clause);
  return date && date.rule !== 'date-from-published' ? date : null;
}

function charSpan(frame: DocumentFrame, trigger: Trigger): { start: number; end: number } {
  return { start: frame.view.tokens[trigger.start]?.start ?? 0, end: frame.view.tokens[trigger.end - 1]?.end ?? 0 };
}

/** Mode cues in the clauses of the draft's triggers ("airstrikes with F-16s", "a mix of drones and rockets"). */
function addModeCues(frame: DocumentFrame, lexicon: EventLexicon, draft: Draft): void {
  const { view } = frame;
  const clauses = new Set(draft.triggers.map((t) => t.clause));
  const sentence = frame.sentences[draft.triggers[0]?.sentence ?? 0];
  if (!sentence) return;
  for (let i = sentence.start; i < sentence.end;) {
    if (!clauses.has(frame.clauseOf[i] as number) || !lexicon.modeCues.starts(view, i)) {
      i++;
      continue;
    }
    const match = lexicon.modeCues.match(view, i);
    if (!match) {
      i++;
      continue;
    }
    // Troops and weapons say what was mobilised; an attack's modes say how it was done.
    if (TROOP_MODES.has(match.value) === (draft.type === 'MOBILIZE')) draft.modes.add(match.value);
    i = match.end;
  }
}

/** How many happenings a draft sums ("23 attacks", "at least 14 separate times"), or null for a single one. */
function aggregateOf(frame: DocumentFrame, draft: Draft): CasualtyRange | null {
  if (draft.type !== 'ASSAULT' && draft.type !== 'PROTEST') return null;
  const keys = frame.view.keys;
  let best: CasualtyRange | null = null;
  const consider = (low: number, high: number | null) => {
    if (low >= 2 && (best === null || low > best.low)) best = { low, high };
  };
  for (const q of frame.quantities) {
    if (!draft.sentences.has(q.sentence)) continue;
    const v = q.mention.value;
    const noun = v.noun?.toLowerCase().split(/[\s,-]+/) ?? [];
    if (noun.some((w) => AGGREGATE_NOUNS.has(w))) consider(v.low, v.high);
    else if (
      v.noun === null &&
      draft.triggers.some((t) => t.pos === 'noun' && q.start >= t.end && q.start - t.end <= 2 && (keys[t.end - 1] ?? '').endsWith('s'))
    )
      consider(v.low, v.high);
  }
  if (best) return best;
  for (const t of draft.triggers) {
    if (t.pos !== 'noun' || !(keys[t.end - 1] ?? '').endsWith('s')) continue;
    for (let i = Math.max(0, t.start - 4); i < t.start; i++) if (SERIES_WORDS.has(keys[i] as string)) return { low: 2, high: null };
  }
  return null;
}

/**
 * A figure goes to the draft of its sentence (a death with a cause of its own to the DEATH beside it, the rest to the
 * nearest attack), else to the last attack told before it (within four sentences), else to the next one.
 */
function attachCasualties(frame: DocumentFrame, drafts: readonly Draft[], figures: readonly CasualtyFigure[]): void {
  const assaults = drafts.filter((d) => d.type === 'ASSAULT');
  for (const figure of figures) {
    const death = drafts.find(
      (d) =>
        d.type === 'DEATH' &&
        figure.category === 'killed' &&
        d.triggers.some((t) => t.sentence === figure.sentence && Math.abs(t.start - figure.at) <= 8),
    );
    if (death) {
      death.figures.push(figure);
      continue;
    }
    const here = assaults.filter((d) => d.sentences.has(figure.sentence));
    let target: Draft | undefined;
    // "Also last month, four people died in shootings": a background toll belongs to no attack told elsewhere.
    if (here.length === 0 && isBackground(frame, figure.sentence)) continue;
    // "40,005 killed since 7 October", "60,000 killed in the 21-month war": a war's toll is a figure, not a happening's.
    if (isRunningTotal(frame, figure)) continue;
    // "around 3,440 of those killed were elderly": a part of a count told before adds no one to any attack.
    if (isPartOfCount(frame, figure)) continue;
    if (here.length > 0) {
      target = here.reduce((a, b) => (distance(a, figure.at) <= distance(b, figure.at) ? a : b));
    } else {
      target =
        assaults.filter((d) => firstSentence(d) < figure.sentence && figure.sentence - firstSentence(d) <= 4).at(-1) ??
        assaults.find((d) => firstSentence(d) > figure.sentence && firstSentence(d) - figure.sentence <= 2);
    }
    target?.figures.push(figure);
  }
}

// The words that name the counted whole a part is of, by the category the part counts.
const COUNTED_WHOLE: Readonly<Record<string, RegExp>> = { killed: /^(?:killed|dead)$/, injured: /^(?:injured|wounded|hurt)$/ };

/**
 * Whether a figure counts a part of people counted before as it does: "3,440 of those killed", "nine among the dead".
 * ("One of the wounded died" is a new death, and "one of them died" refers back: neither is such a part.)
 */
function isPartOfCount(frame: DocumentFrame, figure: CasualtyFigure): boolean {
  const keys = frame.view.keys;
  const whole = COUNTED_WHOLE[figure.category];
  return (
    whole !== undefined &&
    whole.test(keys[figure.at] ?? '') &&
    /^(?:of|among)$/.test(keys[figure.at - 2] ?? '') &&
    /^(?:those|the)$/.test(keys[figure.at - 1] ?? '')
  );
}

function distance(draft: Draft, at: number): number {
  return Math.min(...draft.triggers.map((t) => Math.abs(t.start - at)));
}

function firstSentence(draft: Draft): number {
  return Math.min(...draft.sentences);
}

/**
 * Killed and injured from the figures of each account of one happening. Within an account, the largest count of each
 * category plus people said to be additional ("another man was shot"); across accounts, the largest of each: the
 * total a report states beats a partial count, and two accounts of one shooting count the same people. The injured are
 * at least the most people any account counts as hurt, less the killed: the shot are counted once.
 */
export function casualtiesOf(accounts: ReadonlyArray<readonly CasualtyFigure[]>): {
  killed: CasualtyRange | null;
  injured: CasualtyRange | null;
} {
  let killed: CasualtyRange | null = null;
  let suspects: CasualtyRange | null = null;
  let told: CasualtyRange | null = null;
  let everyone = 0;
  for (const figures of accounts) {
    const k = accountTotal(figures, 'killed');
    const i = accountTotal(figures, 'injured');
    const s = accountTotal(figures, 'suspect');
    const shot = accountTotal(figures, 'shot');
    killed = larger(killed, k);
    suspects = larger(suspects, s);
    const hurtDied = k && i ? Math.min(k.low, diedOfTheHurt(figures)) : 0;
    if (k && i && hurtDied > 0) {
      // "Three men were wounded. One of them died": the dead are among the hurt, who are the rest.
      const low = Math.max(0, i.low - hurtDied);
      told = larger(told, { low, high: i.high === null ? null : Math.max(low, i.high - hurtDied) });
      everyone = Math.max(everyone, i.low, k.low, shot?.low ?? 0);
      continue;
    }
    told = larger(told, i);
    // Everyone an account counts as hurt: "four were shot" and "one died" is four, of whom three were injured.
    everyone = Math.max(everyone, Math.max((k?.low ?? 0) + (i?.low ?? 0) + shotBeyond(figures), shot?.low ?? 0));
  }
  let injured = told;
  // Everyone shot who did not die was injured, even where the text names only one of them as injured ("a 12-year-old
  // was in critical condition"); across accounts the shot are counted once, so "The toddler was shot" in one sentence
  // and "a boy shot and killed" in another are one person, not one killed and one injured.
  const rest = everyone - (killed?.low ?? 0);
  if (rest > (injured?.low ?? 0)) injured = { low: rest, high: null };
  if (injured && injured.high === null && !accounts.flat().some((f) => f.high === null)) injured = { low: injured.low, high: injured.low };
  // "A shooting left one man dead and three others injured": the report's own toll, told in its lead, counts the hurt
  // apart from the dead; a larger count later ("Four men were rushed to the hospital") has the dead in it.
  const toll = leadToll(accounts.flat());
  if (toll) injured = toll;
  // "Seven people, including the gunman, were killed": the largest count of the dead has the suspect in it already.
  // "shot a woman and a child ... the three dead" beside "turned the gun on himself": where the victims are counted
  // apart and the largest count of the dead is those and the suspect, it has him in it.
  const dead = killed?.low ?? 0;
  const withSuspect =
    killed !== null &&
    accounts
      .flat()
      .some(
        (f) =>
          (f.withSuspect && f.low === dead) ||
          (suspects !== null &&
            !f.absent &&
            (f.category === 'killed' || f.category === 'shot') &&
            f.low > 1 &&
            f.low === dead - suspects.low),
      );
  if (suspects && !withSuspect) {
    killed = killed
      ? { low: killed.low + suspects.low, high: killed.high === null || suspects.high === null ? null : killed.high + suspects.high }
      : { low: suspects.low, high: suspects.high };
  }
  return { killed, injured };
}

/**
 * The people an account says were shot besides those it counted as dead or hurt before: "Two men were wounded. Another
 * man was shot in the foot" is three. Only where the account counts no one shot but them.
 */
function shotBeyond(figures: readonly CasualtyFigure[]): number {
  const present = figures.filter((f) => !f.absent);
  const shot = present.filter((f) => f.category === 'shot');
  const counted = present.filter((f) => f.category === 'killed');
  if (present.some((f) => f.category === 'injured')) return 0;
  if (shot.length === 0 || counted.length === 0 || shot.some((f) => !f.additional || f.refersBack || f.ordinal !== undefined)) return 0;
  const firstCounted = Math.min(...counted.map((f) => f.at));
  return shot.every((f) => f.at > firstCounted) ? shot.reduce((n, f) => n + f.low, 0) : 0;
}

// The sentences of a report's lead, where it states its toll.
const TOLL_SENTENCES = 6;

/** The hurt the lead's first sentence with figures tells beside its dead, or null where it tells not both. */
function leadToll(figures: readonly CasualtyFigure[]): CasualtyRange | null {
  const present = figures.filter((f) => !f.absent);
  const first = Math.min(...present.map((f) => f.sentence));
  if (first >= TOLL_SENTENCES) return null;
  // Only the first sentence that counts anyone: a later one may tell another shooting ("in retaliation for a triple
  // shooting that killed one and injured two"), and "one of the wounded has died" tells of people counted before.
  const here = present.filter((f) => f.sentence === first && !f.refersBack);
  const hurt = here.filter((f) => f.category === 'injured');
  if (hurt.length === 0 || !here.some((f) => f.category === 'killed' && !f.additional)) return null;
  const top = hurt.reduce((a, b) => (b.low > a.low ? b : a));
  return { low: top.low, high: top.high };
}

/**
 * How many of the deaths an account tells are of someone it counted as hurt before. Where every death refers back
 * ("he later died", "one of them died" after "was critically injured"), all of them; else those told in the sentence
 * that tells the hurt ("was rushed to hospital in critical condition, where she died"): a death told with a subject of
 * its own ("a girl has died") makes a later "she died" hers.
 */
function diedOfTheHurt(figures: readonly CasualtyFigure[]): number {
  const hurt = figures.filter((f) => f.category === 'injured' && !f.absent);
  const firstHurt = Math.min(...hurt.map((f) => f.at));
  const deaths = figures.filter((f) => f.category === 'killed' && !f.absent);
  const back = deaths.filter((f) => f.refersBack === true && !f.additional && f.at > firstHurt);
  const all = back.length === deaths.length;
  const told = back
    .filter((f) => all || hurt.some((h) => h.sentence === f.sentence && h.at < f.at))
    .reduce((n, f) => Math.max(n, f.low), 0);
  // "The 2-year-old who was shot has died" and "Kendal was critically injured": one person, told hurt then dead.
  const diedLater = deaths.some((f) => f.rule === 'casualty/died-later' && !f.additional);
  return diedLater && hurt.every((h) => h.low === 1 && h.high === 1 && !h.additional) ? Math.max(told, 1) : told;
}

function larger(a: CasualtyRange | null, b: CasualtyRange | null): CasualtyRange | null {
  return b && (a === null || b.low > a.low) ? b : a;
}

/** One account's count of a category: its largest base figure plus the people said to be additional. */
function accountTotal(figures: readonly CasualtyFigure[], category: CasualtyFigure['category']): CasualtyRange | null {
  const present = figures.filter((f) => f.category === category && !f.absent);
  if (present.length === 0) return null;
  // A suspect who died is told again and again ("was killed by police", "the dead suspect"): one figure says how many.
  if (category === 'suspect') return present.reduce((a, b) => (b.low > a.low ? b : a));
  let low = 0;
  let high: number | null = 0;
  // "Three people were killed and another injured": one more than the dead, not than the hurt, where no count of the
  // hurt is told before it; it is the first of them.
  const first = present.reduce((a, b) => (b.at < a.at ? b : a));
  const isBase = (f: CasualtyFigure) => !f.additional || f === first;
  const base = present.filter(isBase);
  if (base.length > 0) {
    const top = base.reduce((a, b) => (b.low > a.low ? b : a));
    low = top.low;
    high = base.some((f) => f.high === null) ? null : Math.max(...base.map((f) => f.high as number));
  }
  // "the wounding of three men" then "Three men were also wounded": the same count told again, not three more.
  const restated = (f: CasualtyFigure) => f.low >= 2 && base.some((b) => b.low === f.low && b.at < f.at);
  for (const f of present.filter((x) => !isBase(x) && !restated(x)).sort((a, b) => a.at - b.at)) {
    // "Four men were shot ... A third victim was taken to ...": the third of the four, not a fifth.
    if (f.ordinal !== undefined && f.low === 1) {
      if (high !== null) high = Math.max(high, f.ordinal);
      low = Math.max(low, f.ordinal);
      continue;
    }
    low += f.low;
    high = high === null || f.high === null ? null : high + f.high;
  }
  return { low, high };
}

function toEvent(
  frame: DocumentFrame,
  draft: Draft,
  fallbackPlace: PlaceChoice | null,
  violent: ReadonlySet<number>,
  names: readonly string[],
  statements: readonly ResponsibilityStatement[],
): Event {
  const first = draft.triggers[0] as Trigger;
  const sentence = frame.sentences[first.sentence];
  const span = sentence ? sentence.span : { start: 0, end: 0 };
  const own =
    draft.date ??
    chooseDate(
      frame,
      draft.sentences,
      draft.type,
      draft.triggers.map((t) => charSpan(frame, t)),
    );
  const { killed, injured } = casualtiesOf(draft.accounts);
  // Only a single violent happening is refined to a town and dated from the report: an aggregate spans places and
  // days, and aid or talks are between states.
  const violentOne = draft.aggregate === null && (draft.type === 'ASSAULT' || draft.type === 'DEATH');
  const date = violentOne && draft.modality === 'asserted' ? reportDate(frame, own, draft.sentences, violent) : own;
  // "3,924 civilians killed between 24 February and 15 May": hundreds dead over more than a month are a campaign's
  // toll, many happenings summed, never one incident.
  const aggregate = draft.aggregate ?? (violentOne && isPeriodToll(date, killed) ? WAR_TOLL : null);
  const single = aggregate === null && violentOne;
  const place = single ? refinePlace(draft.place, fallbackPlace) : (draft.place ?? fallbackPlace);
  const modes = [...draft.modes].sort();
  const evidence = [...draft.sentences]
    .sort((a, b) => a - b)
    .map((s) => frame.sentences[s]?.span)
    .filter((s): s is { start: number; end: number } => s !== undefined);
  const stated = responsibilityOf(frame, draft, statements);
  const { claimedBy, blamedOn, deniedBy, fromClaim } = stated;
  // A victim is never who did it; a stateless group told both is an attacker who died, no victim.
  const groups = armedGroupIds(frame);
  const initiator = stated.initiator.filter((a) => !isVictim(a, draft.target, groups));
  const target = draft.type === 'DEATH' ? draft.target : draft.target.filter((t) => !isDeadAttacker(t, draft.initiator, groups));
  const explicit = (draft.date ? 1 : 0) + (draft.place ? 1 : 0) + (draft.initiator.length + draft.target.length > 0 ? 1 : 0);
  return {
    id: eventId(frame.documentId, draft.type, frame.view.tokens[first.start]?.start ?? 0),
    documentId: frame.documentId,
    type: draft.type,
    modes,
    subEventType: acledSubEvent({
      type: draft.type,
      modes,
      initiator,
      target: draft.target,
      cues: findCueSets(frame, draft.sentences, first.start),
    }),
    // A death no attack caused has no one who did it.
    initiator: draft.type === 'DEATH' ? [] : initiator,
    target,
    claimedBy,
    blamedOn,
    deniedBy,
    place: place?.place ?? null,
    ...(place ? {} : { placeReason: noPlaceReason(frame) }),
    date,
    killed:
      draft.type === 'ASSAULT' || draft.type === 'DEATH'
        ? (withVictims(killed, victimsCounted(frame, draft)) ?? assassinated(frame, draft))
        : null,
    injured: draft.type === 'ASSAULT' ? injured : null,
    modality: draft.modality,
    salience: 0,
    aggregate,
    field: 'text',
    span,
    text: frame.text.slice(span.start, span.end),
    triggers: draft.triggers.map((t) => charSpan(frame, t)),
    evidence,
    names,
    rule: `event/${first.type === first.entry.type ? first.entry.id : 'death-with-cause'}${place && !draft.place ? `+${place.rule}` : ''}${fromClaim ? '+initiator-from-claim' : ''}`,
    confidence: Math.round((0.55 + 0.12 * explicit) * 100) / 100,
  };
}

/**
 * The claims, blames and denials of one event, and its initiator in their light: where the text names no initiator,
 * the first claimant is it (as ACLED codes claimed attacks); an actor blamed is accused, not shown to have done it,
 * so one named as the initiator only inside the accusation ("accused Hamas of carrying out the attack") is no
 * initiator; an actor said not to have done it never is.
 */
function responsibilityOf(
  frame: DocumentFrame,
  draft: Draft,
  statements: readonly ResponsibilityStatement[],
): { claimedBy: Responsibility[]; blamedOn: Responsibility[]; deniedBy: Responsibility[]; initiator: EventActor[]; fromClaim: boolean } {
  const of = (kind: ResponsibilityStatement['kind']) => statements.filter((s) => s.kind === kind);
  const deniedBy = of('denial').map((s) => toResponsibility(frame, s));
  // "rejected claims that U.S. jets carried out the raid": a denial read as the trigger's roles, in that trigger's sentence.
  for (const actor of draft.deniedInitiator) {
    if (deniedBy.some((d) => sameActor(d.actor, actor))) continue;
    const spans = draft.triggers.map((t) => frame.sentences[t.sentence]?.span ?? { start: 0, end: 0 });
    const span = spans.find((x) => frame.text.slice(x.start, x.end).toLowerCase().includes(actor.name.toLowerCase())) ??
      spans[0] ?? { start: 0, end: 0 };
    deniedBy.push({ actor, by: null, span, text: frame.text.slice(span.start, span.end), rule: 'responsibility/denied-carrying-out' });
  }
  const denied = (actor: EventActor) => deniedBy.some((d) => sameActor(d.actor, actor));
  const claimedBy = of('claim')
    .filter((s) => !denied(s.actor))
    .map((s) => toResponsibility(frame, s));
  const blames = of('blame');
  const blamedOn = blames.map((s) => toResponsibility(frame, s));
  const onlyInAccusation = (actor: EventActor) =>
    blames.some((b) => sameActor(b.actor, actor) && draft.triggers.every((t) => t.sentence === b.sentence && t.start > b.cue));
  let initiator = draft.initiator.filter((a) => !onlyInAccusation(a) && !denied(a));
  let fromClaim = false;
  const claimant = claimedBy[0]?.actor;
  if (initiator.length === 0 && claimant && draft.type === 'ASSAULT') {
    initiator = [claimant];
    fromClaim = true;
  }
  return { claimedBy, blamedOn, deniedBy, initiator, fromClaim };
}

/** Why an event has no place: a guess is not an answer, so the report's silence is told instead. */
function noPlaceReason(frame: DocumentFrame): NonNullable<Event['placeReason']> {
  if (frame.places.length === 0) return 'no-place-named';
  const located = frame.places.some(
    (p) => !p.mention.value.metonymic && p.mention.rule !== 'place/demonym' && p.mention.value.precision < 5,
  );
  return located ? 'no-place-told' : 'places-only-as-actors';
}

/**
 * The event's own place, unless it is only a region or a country and the report's main place is a town inside it
 * ("a shooting in Mississippi" in a report datelined Starkville); the report's place where the event has none.
 */
function refinePlace(own: PlaceChoice | null, report: PlaceChoice | null): PlaceChoice | null {
  if (!own) return report;
  if (!report) return own;
  // A street whose town is unknown, or a county: the report's town in the same state says where.
  const wide = own.rule.endsWith('place/street') || own.rule.endsWith('place/county');
  // "in the Englewood neighborhood" of a report about Chicago: the town the neighbourhood lies in is the place.
  if (own.rule.endsWith('/neighbourhood') && report.place.precision === 1 && report.place.name !== own.place.name) {
    if (distanceKm(own.place.lat, own.place.lon, report.place.lat, report.place.lon) <= 30)
      return { place: { ...report.place, rule: 'place-from-document/refines' }, rule: 'place-from-document/refines' };
  }
  if (wide && report.place.precision === 1 && report.place.admin1 === own.place.admin1 && report.place.country === own.place.country)
    return { place: { ...report.place, rule: 'place-from-document/refines' }, rule: 'place-from-document/refines' };
  if (own.place.precision < 4 || report.place.precision > 3) return own;
  const inside = own.place.precision === 4 ? report.place.admin1 === own.place.admin1 : report.place.country === own.place.country;
  return inside ? { place: { ...report.place, rule: 'place-from-document/refines' }, rule: 'place-from-document/refines' } : own;
}

/**
 * Whether an actor one sentence makes the initiator and another the target is the victim: a state, a state's force or
 * a person ("Israeli attacks on Lebanon have killed ..." does not make Lebanon an attacker). A victim is never an
 * initiator. A non-state armed group is no victim by being hit: it fights ("guerrillas hurled bombs at the garrison
 * ... six guerrillas were killed in the clashes").
 */
function isVictim(actor: EventActor, target: readonly EventActor[], groups: ReadonlySet<string>): boolean {
  if (actor.id !== undefined && groups.has(actor.id)) return false;
  return target.some((t) => sameActor(t, actor)) && (actor.country !== undefined || actor.kind !== undefined);
}

/**
 * Whether a target is an attacker told dead: a group with no state, or a non-state armed group, that another sentence
 * makes the initiator ("the gunmen opened fire ... two of the gunmen were killed"). Dead attackers are not victims.
 */
function isDeadAttacker(target: EventActor, initiator: readonly EventActor[], groups: ReadonlySet<string>): boolean {
  if (!initiator.some((a) => sameActor(a, target))) return false;
  return (target.id !== undefined && groups.has(target.id)) || (target.country === undefined && target.kind === undefined);
}

const ARMED_GROUP_TYPES: ReadonlySet<string> = new Set(['armed-group', 'designated-terrorist-group']);

/** The lexicon ids of the non-state armed groups a report names. */
function armedGroupIds(frame: DocumentFrame): Set<string> {
  const ids = new Set<string>();
  for (const a of frame.actors) if (a.mention.value.id && ARMED_GROUP_TYPES.has(a.mention.value.type)) ids.add(a.mention.value.id);
  return ids;
}

/**
 * Whether a trigger tells that its targets died ("killed", "massacred", "the murder of") in a happening: not in a
 * sentence of background or one that counts a war's dead ("have killed 4,047 people since October").
 */
function tellsDead(frame: DocumentFrame, trigger: Trigger): boolean {
  const lethal = defaultTargetLexicon().lethal;
  const keys = frame.view.keys.slice(trigger.start, trigger.end);
  if (!lethal.has(keys.join(' ')) && !lethal.has(keys[0] as string)) return false;
  const sentence = frame.sentences[trigger.sentence];
  if (sentence === undefined || isBackground(frame, trigger.sentence)) return false;
  return !RUNNING_TOTAL.test(frame.text.slice(sentence.span.start, sentence.span.end));
}

/**
 * The dead a happening's victims count: "massacred six priests and two women" is eight, "the murder of Judge Ana Ruiz"
 * one. The largest count one trigger's victims give; null where a victim is not counted ("killed peasants") or no
 * trigger that tells a death names whom, and for a happening told as not done or only planned.
 */
function victimsCounted(frame: DocumentFrame, draft: Draft): CasualtyRange | null {
  if (!isCarriedOut(frame, draft)) return null;
  let most = 0;
  for (const victims of draft.victims) most = Math.max(most, countOf(victims) ?? 0);
  return most > 0 && most < HAPPENING_MAX_TOLL ? { low: most, high: most } : null;
}

/** How many people a list of victims counts, or null where one of them is not counted. */
function countOf(victims: readonly EventActor[]): number | null {
  let dead = 0;
  for (const v of victims) {
    if (v.kind !== 'person' && v.kind !== 'group') {
      if (v.kind === undefined) return null;
      continue;
    }
    // A name set beside a description that counts it ("two reporters, Ana Ruiz and Luis Paz") is counted there.
    if (v.count === undefined && !v.described) continue;
    if (v.count === undefined) return null;
    dead += v.count;
  }
  return dead;
}

/**
 * The casualty figures' dead, or the victims' count where it is more than they say: "six Jesuits and two women were
 * killed" is eight where the figures read only one of the two counts.
 */
function withVictims(killed: CasualtyRange | null, counted: CasualtyRange | null): CasualtyRange | null {
  if (counted === null) return killed;
  if (killed === null) return counted;
  return killed.high !== null && counted.low > killed.high ? counted : killed;
}

// Words that make an assassination one that failed or was only planned.
const NOT_CARRIED_OUT: ReadonlySet<string> = new Set(
  words('attempt attempts attempted plot plots plotting planned foiled failed thwarted survived survives escaped'),
);

/**
 * One dead for an assassination told as done whose text gives no count ("the assassination of the senator", "was
 * assassinated on Monday"): the word itself says someone died. Null for an attempt, a plot or an unasserted one.
 */
function assassinated(frame: DocumentFrame, draft: Draft): CasualtyRange | null {
  return draft.modes.has('targeted-killing') && isCarriedOut(frame, draft) ? { low: 1, high: 1 } : null;
}

/** Whether a happening is told as done: asserted or reported, and no attempt, plot or escape in its sentences. */
function isCarriedOut(frame: DocumentFrame, draft: Draft): boolean {
  if (draft.modality !== 'asserted' && draft.modality !== 'reported-unconfirmed') return false;
  for (const t of draft.triggers) {
    const sentence = frame.sentences[t.sentence];
    if (!sentence) continue;
    for (let i = sentence.start; i < sentence.end; i++) if (NOT_CARRIED_OUT.has(frame.view.keys[i] as string)) return false;
  }
  return true;
}

/** A stable id: the same document, type and trigger offset give the same id on every analysis. */
export function eventId(documentId: string, type: EventType, offset: number): string {
  return createHash('sha1').update(`${documentId}|${type}|${offset}`).digest('hex').slice(0, 16);
}
