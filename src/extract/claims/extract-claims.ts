/**
 * @module Claims: every figure a report states, read from its mentions: what it counts, where, when, who says so and
 * how. Counts spread over a sentence belong together ("12 times in Iraq and seven in Syria, 19 in all"): the
 * total takes the places of its parts.
 *
 * Order: figures are found per sentence (quantities, then people counted by an implicit one); each takes its
 * category, then its place and period from its own segment of the sentence (between the figures around it), then
 * totals take their parts' places; attribution and modality come last, from the attributions over each figure.
 */
import { createHash } from 'node:crypto';
import type { Claim, ClaimCategory, ClaimPlace } from '../../model/claim.ts';
import type { DateInterval } from '../../model/interval.ts';
import type { Mention, MentionOf, QuantityValue } from '../../model/mention.ts';
import type { Span } from '../../model/span.ts';
import {
  categoryOfNoun,
  categoryOfPhraseBefore,
  categoryOfVerbAfter,
  categoryOfVerbBefore,
  hasStrikeVerb,
  headWord,
  isBreakdown,
  isStruckAfter,
  weaponCategory,
  weaponNounAfter,
  mixedSalvo,
  weaponOf,
  isNotCounted,
  isTargetNoun,
} from './claim-categories.ts';
import { attributionsOver, figureAttribution, figureModality } from './claim-modality.ts';
import { figurePeriod, periodCandidates } from './claim-period.ts';
import { countryWidePlace, figurePlace, ledePlace, mergePlaces, placeCandidates } from './claim-place.ts';
import { findImplicitOnes } from './find-implicit-ones.ts';

/** What claim extraction needs of a document besides its mentions. */
export interface ClaimInput {
  readonly documentId: string;
  readonly text: string;
  /** The publication interval: standing figures are as of it, and "since October 17" runs to it. */
  readonly published: DateInterval | null;
}

/** A figure found in a sentence, before its place and period. */
interface Figure {
  readonly value: Span;
  readonly quantity: Pick<QuantityValue, 'low' | 'high' | 'qualifier'>;
  readonly noun: string | null;
  /** Where the counted noun ends (or the figure, with none): verbs after it are read from here. */
  readonly nounEnd: number;
  readonly category: ClaimCategory;
  readonly cue: string;
}

// Categories whose verb decides whatever the noun: "killed three soldiers" is killed, not troops.
const PERSON_VERBS: ReadonlySet<ClaimCategory> = new Set([
  'killed',
  'injured',
  'kidnapped',
  'captured',
  'arrested',
  'displaced',
  'missing',
]);
// Nouns that count occurrences: "attacked 14 separate times" takes its category from the verb.
const OCCURRENCE = /^(?:times|occasions|instances)$/;
// Nouns that name what befell people ("206 wounded", "12 missing"): they say what a figure counts whatever verb precedes it.
// The verb that takes hostages, right before their count (with its qualifier): "took 251 hostage", "seizing some 240".
const TAKEN_BEFORE =
  /\b(?:took|taking|take|takes|taken|seized|seizing|abducted|abducting|kidnapped|kidnapping)\s+(?:(?:at least|more than|over|about|around|some|nearly|almost|up to|roughly|another)\s+)?$/i;
// "four were killed, ten were rescued": a figure after a comma with a passive verb of its own opens its own clause, and
// the verb of the clause before does not count it.
const OWN_CLAUSE_BEFORE = /,\s*$/;
const OWN_PASSIVE_AFTER = /^\s*(?:were|was|are|is|have been|has been|had been)\s+(?:\w+ly\s+)?\w+(?:ed|en)\b/i;
const STATE_NOUNS: ReadonlySet<ClaimCategory> = new Set(['killed', 'injured', 'casualties', 'missing', 'displaced', 'hostages']);
const TOTAL_BEFORE =
  /\b(?:total(?:l?ing)?(?:\s+of)?|bringing\s+the\s+(?:total|tally|count|number)\s+to|in\s+total|altogether|overall|combined|a\s+total\s+of)\s*$/i;
const TOTAL_AFTER = /^\s*(?:in\s+all|in\s+total|altogether|combined|overall|to\s+date)\b/i;
// Words before a number that are not a name: a capitalised qualifier or a sentence opener ("About 2,500", "Some 900").
const NOT_A_NAME =
  /^(?:About|Around|Approximately|Roughly|Nearly|Almost|Some|At|More|Over|Under|Up|Only|All|The|A|An|And|But|In|On|Of|By|Since|To|For|With|Least|Than|Fewer|Less|Just|Another|Additional|Further|Exactly|Precisely|Estimated|Killing|Wounding)$/;

/** Every claim in one document, in text order. */
export function extractClaims(input: ClaimInput, mentions: readonly Mention[]): Claim[] {
  const { text } = input;
  const sentences = ofKind(mentions, 'sentence');
  const quantities = ofKind(mentions, 'quantity');
  const dates = ofKind(mentions, 'date');
  const places = ofKind(mentions, 'place');
  const attributions = ofKind(mentions, 'attribution');
  const speakerSpans = attributions.flatMap((a) => [a.span, a.value.speakerSpan]);
  const candidates = placeCandidates(text, places, speakerSpans);
  const lede = ledePlace(
    text,
    candidates,
    sentences.map((s) => s.span),
  );
  const memory: FigureMemory = { nouns: new Map(), last: null };
  const claims: Claim[] = [];
  for (const sentence of sentences) {
    const figures = sentenceFigures(text, sentence.span, quantities, speakerSpans, memory);
    if (figures.length === 0) continue;
    const periods = periodCandidates(
      text,
      dates,
      sentence.span,
      attributions.map((a) => a.span),
      input.published,
    );
    const clauses = clauseSpans(text, sentence.span);
    // First each figure's own place and segment, then totals take their parts' places.
    const placed = figures.map((figure, i) => {
      const clause = clauses.find((c) => c.start <= figure.value.start && figure.value.start < c.end) ?? sentence.span;
      const segment = {
        start: Math.max(figures[i - 1]?.value.end ?? sentence.span.start, clause.start),
        end: Math.min(figures[i + 1]?.value.start ?? sentence.span.end, clause.end),
      };
      return { figure, clause, segment, found: figurePlace(text, candidates, clause, segment, figure.value) };
    });
    placed.forEach(({ figure, clause, segment, found }, i) => {
      const parts = totalParts(text, figures, i);
      let place = found?.place ?? null;
      let placeRule = found?.rule ?? '';
      if (parts !== null && found?.rule !== 'place-after') {
        const merged = mergePlaces(
          parts.flatMap((p) => placed[p]?.found?.values ?? []),
          'text',
        );
        if (merged !== null) {
          place = merged;
          placeRule = 'place-of-parts';
        }
      }
      const countryWide = place === null ? countryWidePlace(text, sentence.span, lede, places) : null;
      if (countryWide !== null) {
        place = countryWide;
        placeRule = 'place-country-wide';
      }
      if (place === null) {
        const authority = authorityPlace(places, figure.value, attributions);
        if (authority) {
          place = authority;
          placeRule = 'place-of-speaker';
        } else if (lede) {
          place = lede;
          placeRule = 'place-from-lede';
        } else placeRule = 'no-place';
      }
      const segmentForPeriod = parts !== null ? { start: sentence.span.start, end: segment.end } : segment;
      const { period, rule: periodRule } = figurePeriod(periods, segmentForPeriod, clause, figure.value, input.published);
      const over = attributionsOver(attributions, figure.value);
      claims.push({
        id: claimId(input.documentId, figure),
        documentId: input.documentId,
        category: figure.category,
        noun: figure.noun,
        value: figure.quantity,
        place,
        period,
        attribution: figureAttribution(over),
        modality: figureModality(text, sentence.span, figure.value, over),
        span: sentence.span,
        text: sentence.text,
        valueSpan: figure.value,
        rule: `claims/${figure.cue}${parts !== null ? '+total' : ''}+${placeRule}+${periodRule}`,
      });
    });
  }
  return claims;
}

/** What earlier figures of a document tell later ones: a head noun's category, and the last count ("the figure was ..."). */
interface FigureMemory {
  /** A head noun's category carries to later figures of it without a verb ("struck seven facilities ... four in Syria"). */
  readonly nouns: Map<string, ClaimCategory>;
  last: Figure | null;
}

// Clause breaks inside a sentence: a semicolon, a dash between spaces, or a comma before a conjunction.
const CLAUSE_BREAK = /;|\s[—–]\s|,\s+(?:and|but|while|whereas)\s/g;

/** The clauses of a sentence, as spans. */
function clauseSpans(text: string, sentence: Span): Span[] {
  const spans: Span[] = [];
  const body = text.slice(sentence.start, sentence.end);
  let start = sentence.start;
  CLAUSE_BREAK.lastIndex = 0;
  for (let match = CLAUSE_BREAK.exec(body); match !== null; match = CLAUSE_BREAK.exec(body)) {
    spans.push({ start, end: sentence.start + match.index });
    start = sentence.start + match.index + match[0].length;
  }
  spans.push({ start, end: sentence.end });
  return spans;
}

function ofKind<K extends Mention['kind']>(mentions: readonly Mention[], kind: K): MentionOf<K>[] {
  return (mentions.filter((m) => m.kind === kind) as unknown as MentionOf<K>[]).sort((a, b) => a.span.start - b.span.start);
}

/** The figures of one sentence in text order: quantities that count something, and people counted by an implicit one. */
function sentenceFigures(
  text: string,
  sentence: Span,
  quantities: readonly MentionOf<'quantity'>[],
  speakerSpans: readonly Span[],
  memory: FigureMemory,
): Figure[] {
  const figures: Figure[] = [];
  for (const quantity of quantities) {
    if (quantity.span.start < sentence.start || quantity.span.end > sentence.end) continue;
    // "Two Iraqi security officials said": a count of speakers, not of anything reported.
    if (speakerSpans.some((s) => s.start <= quantity.span.start && quantity.span.end <= s.end)) continue;
    if (!isCount(text, quantity)) continue;
    // The quantity stage borrows a noun for a bare number from an earlier one; the words right after it may name its own.
    // "2 million crossing into Chad": a verb in -ing after a figure is what the counted did, not what is counted.
    const gerund = quantity.value.noun !== null && /^[a-z]+ing$/.test(quantity.value.noun);
    const read =
      quantity.value.noun === null || quantity.rule === 'quantity/elided-noun' ? nounAfter(text, quantity.span.end, sentence.end) : null;
    // "728 Shahed and decoy drones", "52 of 72 drones": a drone or missile named a few words on (or the whole a share is of).
    const weapon =
      read === null && (quantity.value.noun === null || weaponOf(quantity.value.noun) === null)
        ? weaponNamed(text.slice(quantity.span.end, sentence.end), quantity.value.noun)
        : null;
    const noun = read?.noun ?? weapon?.noun ?? (gerund ? null : quantity.value.noun);
    // A noun borrowed from an earlier figure ("killed 35 people and injured 129") ends before this one: read on from the figure.
    const nounEnd = Math.max(
      read?.end ??
        (weapon && !weapon.share ? quantity.span.end + weapon.end : null) ??
        (gerund ? null : quantity.value.nounSpan?.end) ??
        quantity.span.end,
      quantity.span.end,
    );
    const previous = figures[figures.length - 1];
    const found = categorise(text, sentence, quantity, noun, nounEnd, previous, memory);
    if (found === null) continue;
    // A casualty verb says nothing of what its noun counts elsewhere ("killed three" does not make facilities deaths).
    if (noun !== null && found.category !== 'other' && !PERSON_VERBS.has(found.category)) memory.nouns.set(headWord(noun), found.category);
    const figure: Figure = {
      value: quantity.span,
      quantity: qualified(text, quantity, nounEnd),
      // A mixed salvo's noun takes in the second weapon ("drones and missiles").
      noun: found.cue === 'weapon-salvo' ? found.noun : (noun ?? found.noun),
      nounEnd,
      category: found.category,
      cue: read !== null && found.cue !== 'tally' ? `${found.cue}+noun-read` : found.cue,
    };
    figures.push(figure);
    if (figure.category !== 'other') memory.last = figure;
  }
  for (const one of findImplicitOnes(text, sentence.start, sentence.end)) {
    if (figures.some((f) => f.value.start < one.span.end && one.span.start < f.value.end)) continue;
    figures.push({
      value: one.span,
      quantity: { low: 1, high: 1, qualifier: 'exact' },
      noun: one.noun,
      nounEnd: one.span.end,
      category: one.category,
      cue: 'implicit-one',
    });
  }
  return figures.sort((a, b) => a.value.start - b.value.start);
}

// Words that end a noun phrase read after a bare number: verbs, prepositions, determiners.
const NOT_IN_NOUN: ReadonlySet<string> = new Set(
  (
    'were was are is be been being had have has will would could may might said say says in at on from to for with by since ' +
    'during after before near into over under than as that which who whose when where while because but or the a an this ' +
    'these those its their his her our times of'
  ).split(' '),
);
const MAX_NOUN_WORDS = 6;

/**
 * The counted noun after a number the quantity stage left without one ("21 US personnel suffered", "About 350 US Army
 * and Air Force personnel", "Four of the facilities"): the words up to the first that names a category.
 */
/**
 * The drone or missile a figure counts when named a few words on: after a figure the quantity stage left without a
 * noun ("728 Shahed and decoy drones"), or after one whose noun is only the first word of the weapon's name ("two
 * Iskander-M/KN-23 ballistic missiles"), never across a list ("two children and five missiles").
 */
function weaponNamed(after: string, noun: string | null): ReturnType<typeof weaponNounAfter> {
  const weapon = weaponNounAfter(after);
  if (weapon === null || noun === null) return weapon;
  const named = weapon.noun.trim();
  return !weapon.share && named.startsWith(noun) && !/,|\b(?:and|or)\b/i.test(named) ? weapon : null;
}

function nounAfter(text: string, from: number, to: number): { noun: string; end: number } | null {
  const rest = text.slice(from, Math.min(to, from + 120));
  const partitive = /^\s+of\s+(?:the|these|those|them|its|their)\s+/i.exec(rest);
  const start = partitive ? partitive[0].length : 0;
  const words = [...rest.slice(start).matchAll(/[A-Za-z][\w.'’-]*|\S/g)];
  let phrase = '';
  for (const [at, match] of words.slice(0, MAX_NOUN_WORDS).entries()) {
    // A sentence's full stop is not part of its last word; an initialism's is ("U.S.").
    const word = /^(?:[A-Za-z]\.)+$/.test(match[0]) ? match[0] : match[0].replace(/\.$/, '');
    if (!/^[A-Za-z]/.test(word) || NOT_IN_NOUN.has(word.toLowerCase())) return null;
    // "killed 66 and injured 113": a noun phrase never opens with a conjunction.
    if (at === 0 && /^(?:and|or|but)$/i.test(word)) return null;
    phrase = at === 0 ? word : `${phrase} ${word}`;
    if (word.toLowerCase() !== 'and' && (categoryOfNoun(phrase) !== null || (partitive !== null && isTargetNoun(phrase)))) {
      return { noun: phrase, end: from + start + (match.index ?? 0) + word.length };
    }
  }
  return null;
}

// "passed 100", "topped 40": more than the number; "151 or more": at least it.
const MORE_THAN_BEFORE = /\b(?:passed|topped|exceeded|surpassed|crossed)\s+$/i;
const OR_MORE_AFTER = /^\s+or\s+more\b/i;

/** A quantity's value, with a qualifier the words around it add. */
function qualified(text: string, quantity: MentionOf<'quantity'>, nounEnd: number): Figure['quantity'] {
  const { low, high, qualifier } = quantity.value;
  if (qualifier === 'exact' && MORE_THAN_BEFORE.test(text.slice(Math.max(0, quantity.span.start - 20), quantity.span.start)))
    return { low, high: null, qualifier: 'more-than' };
  if (
    qualifier === 'exact' &&
    (OR_MORE_AFTER.test(text.slice(quantity.span.end, quantity.span.end + 12)) || OR_MORE_AFTER.test(text.slice(nounEnd, nounEnd + 12)))
  )
    return { low, high: null, qualifier: 'at-least' };
  return { low, high, qualifier };
}

/** Whether a quantity counts something reported: not a unit of time, a designator ("F-16"), a name ("Tower 22"), an age or a year. */
function isCount(text: string, quantity: MentionOf<'quantity'>): boolean {
  const noun = quantity.value.noun;
  if (noun !== null && isNotCounted(noun)) return false;
  // "Two US F-16 fighter jets" leaves the noun cut at the designator's letter.
  if (noun !== null && /(?:^|\s)[A-Z]$/.test(noun)) return false;
  const before = text.slice(Math.max(0, quantity.span.start - 30), quantity.span.start);
  const after = text.slice(quantity.span.end, quantity.span.end + 12);
  const digits = /^\d/.test(quantity.text);
  const word = /([A-Z][\w’'.-]*)\s+$/.exec(before)?.[1];
  if (digits && word !== undefined && !NOT_A_NAME.test(word)) return false;
  if (digits && /[-–]$/.test(before)) return false;
  // "Moffett, 23, of Savannah": an age between commas after a name.
  if (noun === null && /[A-Z][\w’'-]*,\s*$/.test(before) && /^\s*(?:,|of\b)/.test(after) && quantity.value.low < 120) return false;
  if (noun === null && digits && quantity.value.low >= 1900 && quantity.value.low <= 2100 && /^\d{4}$/.test(quantity.text)) return false;
  return true;
}

/** The category of a quantity and the cue that gave it, or null when it counts nothing sitrep reports. */
function categorise(
  text: string,
  sentence: Span,
  quantity: MentionOf<'quantity'>,
  noun: string | null,
  nounEnd: number,
  previous: Figure | undefined,
  memory: FigureMemory,
): { category: ClaimCategory; cue: string; noun: string | null } | null {
  const nounCategory = noun === null ? null : categoryOfNoun(noun);
  const before = text.slice(sentence.start, quantity.span.start);
  const after = text.slice(nounEnd, Math.min(sentence.end, nounEnd + 80));
  const isActionNoun = nounCategory === 'attacks' || nounCategory === 'strikes';
  // "over 16,000 deaths, displaced nearly 10 million": a noun naming what befell people is not overruled by the verb
  // of the next item of a list.
  const nounBeforeList = nounCategory !== null && STATE_NOUNS.has(nounCategory) && /^\s*,/.test(after);
  if (!isActionNoun && !nounBeforeList) {
    const passive = categoryOfVerbAfter(after);
    if (passive !== null) return { category: passive, cue: 'verb-after', noun };
  }
  const weapon = weaponOf(noun);
  // A mixed salvo counts neither weapon: it stays a figure of its own noun.
  const salvo = weapon === null ? null : mixedSalvo(weapon, noun as string, after);
  if (salvo !== null) return { category: 'other', cue: 'weapon-salvo', noun: salvo };
  if (weapon !== null) return { category: weaponCategory(weapon, before, after), cue: 'weapon', noun };
  // "took 251 hostage", "taking around 250 hostages": hostages taken count a kidnapping, not those still held.
  if (nounCategory === 'hostages' && TAKEN_BEFORE.test(before)) return { category: 'kidnapped', cue: 'verb-before', noun };
  // "killed and 206 wounded": a noun naming what befell people is what the figure counts, whatever verb precedes it.
  if (nounCategory !== null && STATE_NOUNS.has(nounCategory)) return { category: nounCategory, cue: 'noun', noun };
  const clause = before.split(/[;:]|\s[—–]\s/).pop() ?? before;
  const ownClause = OWN_CLAUSE_BEFORE.test(before) && OWN_PASSIVE_AFTER.test(after);
  const verbBefore = ownClause ? null : categoryOfVerbBefore(before);
  const personVerb = verbBefore !== null && PERSON_VERBS.has(verbBefore);
  // "at least 492 people, including 35 children": a breakdown counts what the figure before it counts.
  if (!personVerb && isBreakdown(clause)) {
    const whole = previous ?? memory.last;
    if (whole !== null && whole !== undefined && PERSON_VERBS.has(whole.category) && (noun === null || nounCategory === null))
      return { category: whole.category, cue: 'breakdown', noun };
  }
  const phrase = categoryOfPhraseBefore(clause);
  if (phrase !== null && !personVerb && !isActionNoun && !(noun !== null && isTargetNoun(noun)))
    return { category: phrase, cue: 'phrase-before', noun };
  const verb = verbBefore;
  const head = noun === null ? null : headWord(noun);
  if (verb !== null) {
    // "killed or hurt at the two sites": people are killed, not sites.
    if (PERSON_VERBS.has(verb) && !(noun !== null && isTargetNoun(noun))) return { category: verb, cue: 'verb-before', noun };
    // "targeting nine sites": places aimed at are struck, whichever verb aims at them.
    if (verb === 'attacks' && noun !== null && isTargetNoun(noun)) return { category: 'strikes', cue: 'target-of-strike', noun };
    if (!PERSON_VERBS.has(verb) && (noun === null || OCCURRENCE.test(head ?? '') || isTargetNoun(noun) || isActionNoun))
      return { category: isActionNoun ? (nounCategory as ClaimCategory) : verb, cue: 'verb-before', noun };
  }
  if (nounCategory !== null) return { category: nounCategory, cue: 'noun', noun };
  if (noun !== null && isTargetNoun(noun) && (hasStrikeVerb(before) || isStruckAfter(after)))
    return { category: 'strikes', cue: 'target-of-strike', noun };
  const remembered = head === null ? undefined : memory.nouns.get(head);
  if (remembered !== undefined) return { category: remembered, cue: 'noun-as-before', noun };
  if (noun === null || OCCURRENCE.test(head ?? '')) {
    // "at least 12 in Iraq and seven in Syria": a bare figure beside another takes its category.
    if (
      previous !== undefined &&
      /^[\s,]*(?:(?:were|was|are|is)\s+)?(?:(?:in|at|near)\s+[^,;.]{1,40}?)?[\s,]*(?:and|or|,)\s+$/i.test(
        text.slice(previous.nounEnd, quantity.span.start),
      )
    )
      return { category: previous.category, cue: 'coordinated', noun: previous.noun };
    const elided = elidedCategory(before);
    if (elided !== null) return { category: elided.category, cue: 'elided-noun', noun: elided.noun };
    // "By November 7 the figure was around 40": a running count named again takes the last count's category.
    if (memory.last !== null && TALLY_BEFORE.test(before)) return { category: memory.last.category, cue: 'tally', noun: memory.last.noun };
    return null;
  }
  return { category: 'other', cue: 'other-noun', noun };
}

const TALLY_BEFORE =
  /(?:\b(?:figure|count|tally|total|number|toll|it)\s+(?:had\s+|has\s+)?|\band\s+)(?:was|is|stood at|stands at|reached|rose to|climbed to|passed|topped|exceeded|surpassed|hit|grew to|jumped to)\s+$/i;

/** "drone and rocket strikes — at least 12 in Iraq": the nearest category noun before a bare figure. */
function elidedCategory(before: string): { category: ClaimCategory; noun: string } | null {
  const words = before
    .slice(-80)
    .split(/[^\w’'-]+/)
    .filter(Boolean);
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i] as string;
    const category = categoryOfNoun(word);
    if (category !== null) return { category, noun: word };
  }
  return null;
}

/**
 * The figures a total adds up, by index, or null when `figures[i]` is no total: a total cue ("a total of 23", "13
 * attacks in all") after figures of its category, or the sum of the figures of its category just before or just
 * after it ("66 times since Oct. 17, 32 times in Iraq and 34 times in Syria").
 */
function totalParts(text: string, figures: readonly Figure[], i: number): number[] | null {
  const figure = figures[i] as Figure;
  const same = (j: number) => figures[j]?.category === figure.category;
  const before = figures.map((_, j) => j).filter((j) => j < i && same(j));
  const after: number[] = [];
  for (let j = i + 1; j < figures.length && same(j); j++) after.push(j);
  const cue =
    TOTAL_BEFORE.test(text.slice(Math.max(0, figure.value.start - 40), figure.value.start)) ||
    TOTAL_AFTER.test(text.slice(figure.nounEnd, figure.nounEnd + 20));
  if (cue && before.length > 0) return before;
  const sum = (parts: readonly number[]) => parts.reduce((n, j) => n + (figures[j]?.quantity.low ?? 0), 0);
  if (before.length >= 2 && sum(before) === figure.quantity.low) return before;
  if (after.length >= 2 && sum(after) === figure.quantity.low) return after;
  return null;
}

// A health authority counts the dead and wounded of where it governs, by whatever kind of source it is read as.
const HEALTH_AUTHORITY = /\b(?:health\s+(?:ministry|minister|authorit(?:y|ies)|department|officials?)|ministry\s+of\s+health)\b/i;

/**
 * A health ministry or statistics office counts for where it governs: the place in its name stands for the figure's
 * ("the Gaza health ministry", "Israel's Health Ministry").
 */
function authorityPlace(
  places: readonly MentionOf<'place'>[],
  value: Span,
  attributions: readonly MentionOf<'attribution'>[],
): ClaimPlace | null {
  const over = attributionsOver(attributions, value).filter((a) => a.value.kind === 'statistics' || HEALTH_AUTHORITY.test(a.value.speaker));
  const inSpeaker = places.filter(
    (p) =>
      !p.value.metonymic &&
      p.rule !== 'place/demonym' &&
      over.some((a) => a.value.speakerSpan.start <= p.span.start && p.span.end <= a.value.speakerSpan.end),
  );
  return mergePlaces(
    inSpeaker.map((p) => p.value),
    'text',
  );
}

function claimId(documentId: string, figure: Figure): string {
  return createHash('sha256')
    .update(`${documentId}\u0000${figure.value.start}\u0000${figure.value.end}\u0000${figure.category}`)
    .digest('hex')
    .slice(0, 16);
}
