/** @module Everything sitrep reads out of one document on its own: a pure function, run in-process or on a worker thread. */
import { extractClaims } from '../extract/claims/extract-claims.ts';
import { eventId, extractEvents } from '../extract/events/extract-events.ts';
import { mainViolentEvent } from '../extract/events/score-salience.ts';
import type { Claim } from '../model/claim.ts';
import type { CasualtyRange, Event } from '../model/event.ts';
import type { DateInterval } from '../model/interval.ts';
import type { Mention, MentionOf, PlaceValue } from '../model/mention.ts';
import type { Span } from '../model/span.ts';
import { type Lexicons, understand, understandReport } from '../understand/understand.ts';
import { extractPlaces } from '../understand/places/extract-places.ts';
import type { NewsProfile } from '../understand/places/news-profile.ts';
import { addressPlace, headlinePlace, scenePlace, outletPlace, titleOutletTown } from '../extract/events/choose-place.ts';
import { namesakeNear, outletTowns } from '../understand/places/outlet-towns.ts';
import { caseProfile } from '../understand/case/case-profile.ts';
import { countryPlaceValue } from '../understand/places/place-values.ts';

/** What the per-document stages need of a document. */
export interface DocumentInput {
  readonly id: string;
  readonly text: string;
  /** The headline, where the document has one apart from its text. */
  readonly title?: string | null;
  /** The outlet's web host ("example-city-news.com"), where known. */
  readonly source?: string | null;
  readonly published: DateInterval | null;
}

/** What the per-document stages found in one document. */
export interface DocumentAnalysis {
  readonly documentId: string;
  readonly mentions: readonly Mention[];
  /** Every figure the document states, read from its mentions. */
  readonly claims: readonly Claim[];
  /** Every happening the document tells (type, actors, place, date, casualties), read from its mentions. */
  readonly events: readonly Event[];
  /** What kind of news the document is (US local news, or national and international news): which readings ran. */
  readonly profile: NewsProfile;
}

/**
 * Runs the per-document stages (understand, then extract) on one document. A report in capitals is read through its
 * re-cased copy (`caseProfile`), whose offsets are the stored text's; the records then quote the stored text.
 */
export function analyseDocument(stored: DocumentInput, lexicons: Lexicons): DocumentAnalysis {
  const profile = caseProfile(stored, lexicons.gazetteer);
  if (!profile.capitals) return analyseText(stored, lexicons);
  const analysis = analyseText({ ...stored, text: profile.text, title: profile.title }, lexicons);
  return withStoredText(analysis, stored);
}

/** The records of a re-cased reading with their `text` fields quoting the stored text (and headline) again. */
function withStoredText(analysis: DocumentAnalysis, stored: DocumentInput): DocumentAnalysis {
  const quote = <T extends { readonly span: Span; readonly text: string }>(record: T, field: string = stored.text): T => ({
    ...record,
    text: field.slice(record.span.start, record.span.end),
  });
  return {
    ...analysis,
    mentions: analysis.mentions.map((m) => quote(m)),
    claims: analysis.claims.map((c) => quote(c)),
    events: analysis.events.map((e) => {
      const field = e.field === 'title' ? (stored.title ?? '') : stored.text;
      const requote = (list: Event['claimedBy']) => list.map((r) => quote(r, field));
      return { ...quote(e, field), claimedBy: requote(e.claimedBy), blamedOn: requote(e.blamedOn), deniedBy: requote(e.deniedBy) };
    }),
  };
}

function analyseText(document: DocumentInput, lexicons: Lexicons): DocumentAnalysis {
  const { mentions, profile } = understandReport({ text: document.text, published: document.published }, lexicons, {
    source: document.source ?? null,
  });
  const claims = extractClaims({ documentId: document.id, text: document.text, published: document.published }, mentions);
  const countryPlace = (code: string) => countryPlaceValue(lexicons.gazetteer, code);
  const events = extractEvents(
    { documentId: document.id, text: document.text, published: document.published, profile, countryPlace },
    mentions,
  );
  const headline = headlineEvents(document, events, lexicons, profile);
  const all = headline.length > 0 ? [...events, ...headline] : withHeadlineToll(document, events, lexicons, profile);
  // The US local-news readings of the main attack's place run only on US local news.
  const local = profile.readings;
  const placed = local.has('outlet-town') || local.has('headline-town') ? withHeadlinePlace(document, all, lexicons, profile) : all;
  return {
    documentId: document.id,
    mentions,
    claims,
    events: local.has('address-town') ? withAddressPlace(document, placed, mentions) : placed,
    profile,
  };
}

/**
 * The body's main attack takes the toll its headline states: "2 dead, 3 hurt in ..." is the count the report leads
 * with, where the body spreads its victims over sentences, tells them twice or mixes in other shootings. Only the
 * figures the headline gives are taken; its count of the hurt only beside a count of the dead or where the body tells
 * no death, since "4 shot" counts the dead with the hurt.
 */
function withHeadlineToll(document: DocumentInput, body: readonly Event[], lexicons: Lexicons, profile: NewsProfile): readonly Event[] {
  const title = document.title?.trim();
  const main = mainViolentEvent(body);
  if (!title || !main) return body;
  const input = { documentId: document.id, text: title, published: document.published, profile };
  // "Man arrested in deadly shooting" says someone died, not how many: its count is taken only over a body that tells
  // no death, and then as one more than the body's hurt, who are not said to have died.
  const bodyTellsDeath = (main.killed?.low ?? 0) > 0;
  const toll = extractEvents(input, understand(input, lexicons, { profile })).find(
    (e) =>
      (e.type === 'ASSAULT' || e.type === 'DEATH') &&
      // A war's toll in the headline ("606 killed as ceasefire halts 12-day war") is no one attack's.
      e.aggregate === null &&
      ((e.killed !== null && (isDefinite(e.killed) || !bodyTellsDeath)) || e.injured !== null),
  );
  if (!toll) return body;
  // "700 killed during M23 rebels' Goma capture" over a body whose other attack tells those 700: the body has the toll
  // already, on the happening that had it; the main event keeps its own.
  // Only a count too large to recur by chance: "one killed" may be told of several attacks.
  if (toll.killed !== null && toll.killed.low >= 10 && body.some((e) => e !== main && sameCasualties(e.killed, toll.killed))) return body;
  // A headline that tells a murder-suicide ("Two boys killed, father commits suicide") often leaves the killer out of
  // its count, where the body counts him.
  const leavesKillerOut = SUICIDE.test(title) && main.killed !== null && toll.killed !== null && main.killed.low > toll.killed.low;
  const definite = toll.killed !== null && isDefinite(toll.killed);
  const someDead = toll.killed !== null && !definite && !bodyTellsDeath;
  // "US kills over 60 people" over a body's "killed at least 68": a headline's lower bound the body's count meets is
  // the body's count rounded down, not another count.
  const bodyMeetsBound = toll.killed !== null && toll.killed.high === null && main.killed !== null && main.killed.low > toll.killed.low;
  const killed = ((definite && !leavesKillerOut) || someDead) && !bodyMeetsBound ? toll.killed : main.killed;
  const injured =
    toll.injured !== null && (toll.killed !== null || !bodyTellsDeath) ? toll.injured : someDead ? main.injured : hurtLeft(main, killed);
  if (killed === main.killed && injured === main.injured) return body;
  return body.map((e) => (e === main ? { ...e, killed, injured, rule: `${e.rule}+headline-toll` } : e));
}

const SUICIDE = /\bsuicides?\b/i;

function sameCasualties(a: CasualtyRange | null, b: CasualtyRange | null): boolean {
  return a !== null && b !== null && a.low === b.low && a.high === b.high;
}

/**
 * The body's hurt, less those the headline says died where it counts more dead than the body: "Girl dies after
 * being shot" over a body that tells her shot is one dead, not one dead and one hurt.
 */
function hurtLeft(main: Event, killed: CasualtyRange | null): CasualtyRange | null {
  const more = (killed?.low ?? 0) - (main.killed?.low ?? 0);
  if (more <= 0 || !main.injured) return main.injured;
  const low = Math.max(0, main.injured.low - more);
  return { low, high: main.injured.high === null ? null : Math.max(low, main.injured.high - more) };
}

/** Whether a count says how many: "2 dead in fatal shooting" does, "deadly shooting" alone (at least one) does not. */
function isDefinite(range: CasualtyRange): boolean {
  return range.high !== null || range.low > 1;
}

/**
 * The violent happenings only the headline tells: a page whose body is a sign-in form, a video player or a paywall
 * still says "5 people injured in northwest Atlanta shooting Monday" in its title. Read only when the body tells no
 * attack or death, so a headline never doubles the body's account; the events point into the title (`field`).
 */
function headlineEvents(document: DocumentInput, body: readonly Event[], lexicons: Lexicons, profile: NewsProfile): Event[] {
  const title = document.title?.trim();
  if (!title || body.some((e) => e.type === 'ASSAULT' || e.type === 'DEATH')) return [];
  // The headline is read above the body, so that the body's datelines and states still place its towns; only what
  // lies in the headline is kept, and its offsets are the title's own.
  const input = { documentId: document.id, text: `${title}\n\n${document.text}`, published: document.published, profile };
  const inTitle = (span: Span) => span.end <= title.length;
  return extractEvents(input, understand(input, lexicons, { profile }))
    .filter((e) => (e.type === 'ASSAULT' || e.type === 'DEATH') && inTitle(e.span))
    .map((e) => ({
      ...e,
      id: eventId(`${document.id}#title`, e.type, e.span.start),
      field: 'title' as const,
      triggers: e.triggers.filter(inTitle),
      evidence: e.evidence.filter(inTitle),
      // Only what the headline itself says: the body's sentences are not in the field the event points into.
      claimedBy: e.claimedBy.filter((r) => inTitle(r.span)),
      blamedOn: e.blamedOn.filter((r) => inTitle(r.span)),
      deniedBy: e.deniedBy.filter((r) => inTitle(r.span)),
      rule: `${e.rule}+headline`,
    }));
}

/**
 * On US local news: the headline's town (`headlinePlace`), else the city of the outlet's web address (`outletPlace`),
 * for the report's main attack where the body places it no better. The headline is read above the body, so that the
 * body's datelines and states resolve its names.
 */
function withHeadlinePlace(document: DocumentInput, events: readonly Event[], lexicons: Lexicons, profile: NewsProfile): readonly Event[] {
  const main = mainViolentEvent(events);
  if (!main) return events;
  const title = document.title?.trim() ?? '';
  const hostTowns = profile.readings.has('outlet-town') ? outletTowns(document.source, lexicons.gazetteer) : [];
  if (!title && hostTowns.length === 0) return events;
  const text = title ? `${title}\n\n${document.text}` : document.text;
  const places = extractPlaces({ text, published: document.published }, lexicons.gazetteer, { profile });
  const inTitle = title ? places.filter((m) => m.span.end <= title.length) : [];
  const inBody = title ? places.filter((m) => m.span.start > title.length) : places;
  const fromHeadline = title ? headlinePlace(title, inTitle, inBody, main.place) : null;
  // Without a city in its address, the outlet's town is the one its headline names after the dash.
  const suffix = hostTowns.length === 0 ? titleOutletTown(title, inTitle) : undefined;
  const near = (name: string, town: PlaceValue) => namesakeNear(name, town, lexicons.gazetteer);
  const place = outletPlace(suffix ? [suffix] : hostTowns, inBody, fromHeadline ?? main.place, near) ?? fromHeadline;
  if (!place) return events;
  return events.map((e) => (e === main ? { ...e, place } : e));
}

/** The town the body names after a street address (`addressPlace`), for the report's main attack. */
function withAddressPlace(document: DocumentInput, events: readonly Event[], mentions: readonly Mention[]): readonly Event[] {
  const main = mainViolentEvent(events);
  if (!main || main.field === 'title') return events;
  // The body's places as understanding read them: the same text, so no second reading.
  const places = mentions.filter((m): m is MentionOf<'place'> => m.kind === 'place');
  const place = addressPlace(document.text, places, main.place) ?? scenePlace(document.text, places, main.place);
  if (!place) return events;
  return events.map((e) => (e === main ? { ...e, place } : e));
}
