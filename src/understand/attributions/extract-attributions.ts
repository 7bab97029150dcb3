/** @module Who says what: speech verbs and frames with their speaker, stance and the clause they cover. */
import type { AttributionStance, Mention, MentionOf } from '../../model/mention.ts';
import type { Span } from '../../model/span.ts';
import { type ActorLexicon, defaultActorLexicon } from '../actors/actor-lexicon.ts';
import type { UnderstandInput } from '../context.ts';
import { splitSentences } from '../sentences/split-sentences.ts';
import { createTokenView, startsUpper, type TokenView } from '../sentences/token-view.ts';
import type { Token } from '../sentences/tokenize.ts';
import { words } from '../sentences/words.ts';
import { firstTokenAt, indexMentions } from './mention-tokens.ts';
import { type SpeakerPhrase, type SpeakerScan, speakerAfter, speakerBefore, speakerMentions } from './speaker-phrase.ts';
import { defaultSpeechCues, type SpeechCues } from './speech-cues.ts';

/** What the extractor may reuse instead of computing it again: the lexicon, the cues, the tokens, the sentences. */
export interface AttributionOptions {
  readonly lexicon?: ActorLexicon;
  readonly cues?: SpeechCues;
  readonly view?: TokenView;
  /** `splitSentences(input.text)`, when the caller has it. */
  readonly sentences?: readonly MentionOf<'sentence'>[];
}

/** A sentence as a token range `[first, last]`, with its paragraph. */
interface Sentence {
  readonly index: number;
  readonly first: number;
  readonly last: number;
}

/** An attribution before pronouns and definite descriptions are resolved. */
interface Draft {
  readonly sentence: number;
  /** The speaker phrase, or null when the cue speaks for itself ("reportedly"). */
  readonly speaker: SpeakerPhrase | null;
  readonly cueStart: number;
  readonly cueEnd: number;
  readonly scopeStart: number;
  /** Last token of the scope, inclusive. */
  readonly scopeLast: number;
  readonly stance: AttributionStance;
  readonly rule: string;
}

/** A resolved speaker, which later pronouns and definite descriptions can refer back to. */
interface Speaker {
  readonly text: string;
  readonly span: Span;
  readonly phrase: SpeakerPhrase | null;
  readonly kind: MentionOf<'attribution'>['value']['kind'];
  readonly sentence: number;
}

// Auxiliaries and adverbs between a speaker and its verb ("The Department had disclosed", "has repeatedly said").
const BETWEEN_SPEAKER_AND_VERB: ReadonlySet<string> = new Set(
  words(
    "has have had 'd 's also previously repeatedly later earlier further again already recently publicly " +
      'separately initially would will then quickly privately flatly',
  ),
);
// Words after a verb that say when or where it was said, not what ("said Monday", "said on Oct. 30 in a statement").
const WHEN_SAID: ReadonlySet<string> = new Set(
  words(
    'on monday tuesday wednesday thursday friday saturday sunday today yesterday tonight earlier later ' +
      'last this next week weekend month year morning afternoon evening night late early recently jan. feb. ' +
      'aug. sept. sep. oct. nov. dec. january february march april may june july august september october ' +
      'november december again also previously',
  ),
);
const STATEMENT_NOUNS: ReadonlySet<string> = new Set(words('statement briefing interview post email letter tweet speech report release'));
// A clause that follows the verb without saying what was said ("said while speaking ...", "said of its response").
const ADJUNCTS: ReadonlySet<string> = new Set(
  words(
    'while when in during after before at as according adding noting citing speaking without of to with ' +
      'from by and but because for through via',
  ),
);
const REPORTS_SAY: ReadonlySet<string> = new Set(['say', 'says', 'said', 'suggest', 'suggested', 'indicate', 'indicated']);
const TELL_VERBS: ReadonlySet<string> = new Set(['told', 'tells', 'tell', 'telling']);
const OPENING_QUOTES: ReadonlySet<string> = new Set(['“', '"', '‘']);
const CLOSING_MARKS: ReadonlySet<string> = new Set([',', '”', '"', '’', "'"]);
const TRAILING: ReadonlySet<string> = new Set(['.', ',', ';', ':']);
const DASHES: ReadonlySet<string> = new Set(['—', '–', '--']);
const RELATIVES: ReadonlySet<string> = new Set(['which', 'whose', 'who', 'where']);
const LEADING_CONJUNCTIONS: ReadonlySet<string> = new Set(['but', 'and', 'yet', 'so', 'however', 'meanwhile', '“', '"']);
// Hedges that make whatever the sentence reports unconfirmed; the first kind also reaches back one sentence.
const HEDGE_BACK =
  /\b(?:could not|cannot|can't|couldn't|can ?not) (?:be )?(?:independently )?(?:verified|confirmed|verify|confirm)|\bnot (?:been )?independently (?:verified|confirmed)/i;
const HEDGE_HERE = /\bunverified\b|\bunconfirmed\b|\ballegedly\b/i;
const PRONOUN_REACH = 3;

/**
 * The attributions in a report: every speech verb or frame with a speaker, in text order. `found` holds the mentions
 * found so far; actors, people and places among them name speakers (others are ignored). Pronouns ("she said") and
 * definite descriptions ("the official said") take the speaker they refer back to, so the speaker text is the first,
 * fullest description ("a senior defense official") and `speakerSpan` points at it.
 */
export function extractAttributions(
  input: UnderstandInput,
  found: readonly Mention[],
  options: AttributionOptions = {},
): MentionOf<'attribution'>[] {
  const view = options.view ?? createTokenView(input.text);
  const scan: SpeakerScan = {
    view,
    lexicon: options.lexicon ?? defaultActorLexicon(),
    mentions: indexMentions(view, speakerMentions(found)),
  };
  const cues = options.cues ?? defaultSpeechCues();
  const sentences = sentenceRanges(view, options.sentences ?? splitSentences(view.text, view.tokens));
  const drafts: Draft[] = [];
  for (const sentence of sentences) {
    for (let at = sentence.first; at <= sentence.last; at++) {
      if (cues.frames.starts(view, at)) {
        const frame = cues.frames.match(view, at);
        if (frame !== null) {
          const draft = frameAt(scan, sentence, at, frame.end, frame.value.frame, frame.value.stance);
          if (draft !== null) drafts.push(draft);
          at = frame.end - 1;
          continue;
        }
      }
      const stance = cues.verbs.get(view.keys[at] as string);
      if (stance === undefined || startsUpper(view.tokens[at]?.text ?? '')) continue;
      const draft = verbAt(scan, sentence, at, stance);
      if (draft !== null) drafts.push(draft);
    }
  }
  return resolve(view, sentences, drafts);
}

/** "X said (that) CLAUSE", "CLAUSE, X said", "CLAUSE, said X", "X told Y that CLAUSE". */
function verbAt(scan: SpeakerScan, sentence: Sentence, at: number, stance: AttributionStance): Draft | null {
  const { keys, tokens } = scan.view;
  const { first, last } = sentence;
  const base = { sentence: sentence.index, cueStart: at, cueEnd: at + 1, stance };
  let before = at - 1;
  while (CLOSING_MARKS.has(keys[before] ?? '') && before >= first) before--;
  const afterMarks = before < at - 1;
  if (afterMarks) {
    const speaker = speakerAfter(scan, at + 1, last, false);
    if (speaker !== null) {
      return { ...base, speaker, scopeStart: first, scopeLast: trimBack(keys, at - 1, first), rule: 'attribution/clause-said-speaker' };
    }
  }
  let end = at;
  while (end - 1 >= first && BETWEEN_SPEAKER_AND_VERB.has(keys[end - 1] as string)) end--;
  let speaker = speakerBefore(scan, end, first);
  // "Jon Alterman, director of ..., said": a described person before the comma is the subject.
  if (speaker === null && keys[end - 1] === ',') {
    const subject = scan.mentions.byLast[end - 2];
    if (subject !== undefined && subject.mention.kind === 'person') speaker = speakerBefore(scan, end - 1, first);
  }
  if (speaker === null) return null;
  let next = at + 1;
  if (TELL_VERBS.has(keys[at] as string)) next = skipObject(keys, tokens, next, last);
  next = skipWhenSaid(keys, tokens, next, last);
  const explicit = keys[next] === 'that' || keys[next] === ':';
  if (explicit) next++;
  const token = tokens[next];
  const hasClause =
    explicit ||
    (next <= last &&
      token !== undefined &&
      (token.kind !== 'punct' || OPENING_QUOTES.has(token.text)) &&
      !ADJUNCTS.has(keys[next] as string));
  if (hasClause) {
    const scopeLast = clauseEnd(keys, tokens, next, last);
    if (scopeLast < next) return null;
    return { ...base, speaker, scopeStart: next, scopeLast, rule: 'attribution/speaker-said-clause' };
  }
  const scopeLast = trimBack(keys, speaker.start - 1, first);
  if (scopeLast < first) return null;
  return { ...base, speaker, scopeStart: first, scopeLast, rule: 'attribution/clause-speaker-said' };
}

/** "according to X", "citing X", "reports from X that ...", "reportedly", "unconfirmed reports". */
function frameAt(scan: SpeakerScan, sentence: Sentence, at: number, end: number, frame: string, stance: AttributionStance): Draft | null {
  const { keys, tokens } = scan.view;
  const { first, last } = sentence;
  const rule = `attribution/${frame.replace(/\s+/g, '-')}`;
  const base = { sentence: sentence.index, cueStart: at, cueEnd: end, stance, rule };
  const wholeSentence = { scopeStart: first, scopeLast: trimBack(keys, last, first) };
  if (frame === 'reportedly') return { ...base, speaker: null, ...wholeSentence };
  if (frame === 'unconfirmed reports' && keys[end] !== 'from') {
    // "unconfirmed reports (say) that CLAUSE" cover the clause; otherwise the whole sentence.
    let said = end;
    if (REPORTS_SAY.has(keys[said] ?? '')) said++;
    if (keys[said] === 'that') said++;
    const scope = said === end ? wholeSentence : { scopeStart: said, scopeLast: clauseEnd(keys, tokens, said, last) };
    return { ...base, speaker: null, ...scope };
  }
  let from = frame === 'unconfirmed reports' ? end + 1 : end;
  // "according to to the report": a doubled word in the source.
  if (keys[from] === keys[from - 1]) from++;
  const speaker = speakerAfter(scan, from, last, true);
  if (speaker === null) return null;
  if (frame === 'reports from' || frame === 'unconfirmed reports') {
    if (keys[speaker.end] !== 'that') return { ...base, speaker, ...wholeSentence };
    return { ...base, speaker, scopeStart: speaker.end + 1, scopeLast: clauseEnd(keys, tokens, speaker.end + 1, last) };
  }
  const opensSentence = at === first || (at === first + 1 && LEADING_CONJUNCTIONS.has(keys[first] as string));
  if (opensSentence) {
    const scopeStart = keys[speaker.end] === ',' ? speaker.end + 1 : speaker.end;
    const scopeLast = clauseEnd(keys, tokens, scopeStart, last);
    return scopeLast < scopeStart ? null : { ...base, speaker, scopeStart, scopeLast };
  }
  const scopeLast = trimBack(keys, at - 1, first);
  if (scopeLast < first) return null;
  return { ...base, speaker, scopeStart: relativeClauseStart(keys, first, scopeLast), scopeLast };
}

/** Resolves pronouns and definite descriptions to earlier speakers, applies hedges, and builds the mentions. */
function resolve(view: TokenView, sentences: readonly Sentence[], drafts: readonly Draft[]): MentionOf<'attribution'>[] {
  const hedged = hedgedSentences(view, sentences, drafts);
  const speakers: Speaker[] = [];
  const mentions: MentionOf<'attribution'>[] = [];
  for (const draft of drafts) {
    const speaker = resolveSpeaker(view, draft, speakers);
    if (draft.speaker !== null && draft.speaker.reference !== 'pronoun') speakers.push(speaker);
    const start = Math.min(draft.cueStart, draft.speaker?.start ?? draft.cueStart);
    const end = Math.max(draft.cueEnd, draft.speaker?.end ?? draft.cueEnd);
    const span = spanOf(view, start, end);
    const stance = draft.stance === 'asserted' && hedged.has(draft.sentence) ? 'reported-unconfirmed' : draft.stance;
    const cueSpan = spanOf(view, draft.cueStart, draft.cueEnd);
    mentions.push({
      kind: 'attribution',
      span,
      text: view.text.slice(span.start, span.end),
      value: {
        speaker: speaker.text,
        speakerSpan: speaker.span,
        kind: speaker.kind,
        cue: view.text.slice(cueSpan.start, cueSpan.end),
        stance,
        scope: spanOf(view, draft.scopeStart, draft.scopeLast + 1),
      },
      rule: draft.rule,
      confidence: confidenceOf(draft, speaker),
    });
  }
  return mentions;
}

function resolveSpeaker(view: TokenView, draft: Draft, earlier: readonly Speaker[]): Speaker {
  const phrase = draft.speaker;
  if (phrase === null) {
    const span = spanOf(view, draft.cueStart, draft.cueEnd);
    return { text: view.text.slice(span.start, span.end), span, phrase, kind: 'unattributed', sentence: draft.sentence };
  }
  const span = spanOf(view, phrase.start, phrase.end);
  const own: Speaker = {
    text: phrase.person?.name ?? view.text.slice(span.start, span.end),
    span,
    phrase,
    kind: phrase.kind,
    sentence: draft.sentence,
  };
  for (let k = earlier.length - 1; k >= 0; k--) {
    const candidate = earlier[k] as Speaker;
    const previous = candidate.phrase;
    if (previous === null) continue;
    if (phrase.reference === 'pronoun') {
      if (draft.sentence - candidate.sentence > PRONOUN_REACH) break;
      const fits = phrase.personal ? previous.personal : phrase.head === 'it' ? !previous.personal : true;
      if (fits) return { ...candidate, sentence: draft.sentence };
    } else if (phrase.reference === 'definite' && candidate.kind === phrase.kind) {
      if (phrase.words.every((word) => previous.words.includes(word))) return { ...candidate, sentence: draft.sentence };
    }
  }
  return own;
}

/** Sentences whose attributions are unconfirmed: a hedge in the sentence, or in the next one when it has none of its own. */
function hedgedSentences(view: TokenView, sentences: readonly Sentence[], drafts: readonly Draft[]): Set<number> {
  const hedged = new Set<number>();
  if (!HEDGE_HERE.test(view.text) && !HEDGE_BACK.test(view.text)) return hedged;
  const attributed = new Set(drafts.map((draft) => draft.sentence));
  for (const sentence of sentences) {
    const text = view.text.slice((view.tokens[sentence.first] as Token).start, (view.tokens[sentence.last] as Token).end);
    if (HEDGE_HERE.test(text) || HEDGE_BACK.test(text)) hedged.add(sentence.index);
    if (!attributed.has(sentence.index) && sentence.index > 0 && HEDGE_BACK.test(text)) hedged.add(sentence.index - 1);
  }
  return hedged;
}

function confidenceOf(draft: Draft, speaker: Speaker): number {
  if (draft.speaker === null) return 0.6;
  if (draft.speaker.reference === 'pronoun') return speaker.phrase === draft.speaker ? 0.4 : 0.7;
  if (draft.speaker.reference === 'definite') return 0.8;
  return draft.speaker.kind === 'unattributed' ? 0.6 : 0.9;
}

/** Skips the object of "told" up to "that" or a mark ("told reporters that"); without either, nothing is skipped. */
function skipObject(keys: readonly string[], tokens: readonly Token[], from: number, last: number): number {
  for (let at = from; at <= last && at - from < 8; at++) {
    if (keys[at] === 'that') return at;
    if (tokens[at]?.kind === 'punct') return at;
  }
  return from;
}

function skipWhenSaid(keys: readonly string[], tokens: readonly Token[], from: number, last: number): number {
  let at = from;
  while (at <= last) {
    const key = keys[at] as string;
    if (WHEN_SAID.has(key) || (tokens[at]?.kind === 'number' && at > from)) at++;
    else if (key === 'in' && STATEMENT_NOUNS.has(keys[at + 2] ?? '')) at += 3;
    else break;
  }
  return at;
}

/** The last token of the clause starting at `from`: up to a dash closing an aside, or the sentence's end. */
function clauseEnd(keys: readonly string[], tokens: readonly Token[], from: number, last: number): number {
  let end = last;
  for (let at = from; at <= last; at++) {
    if (DASHES.has(keys[at] as string) && tokens[at]?.start !== tokens[at - 1]?.end) {
      end = at - 1;
      break;
    }
  }
  return trimBack(keys, end, from);
}

/** Steps back over trailing punctuation that belongs to the sentence, not the clause. */
function trimBack(keys: readonly string[], at: number, floor: number): number {
  let end = at;
  while (end >= floor && TRAILING.has(keys[end] as string)) end--;
  return end;
}

/** In "X, whose bombardment has killed 8,300, according to Y", Y covers the relative clause: start it there. */
function relativeClauseStart(keys: readonly string[], first: number, last: number): number {
  for (let at = last; at > first; at--) {
    if (keys[at - 1] === ',' && RELATIVES.has(keys[at] as string)) return at;
  }
  return first;
}

function sentenceRanges(view: TokenView, sentences: readonly MentionOf<'sentence'>[]): Sentence[] {
  return sentences.map((sentence) => ({
    index: sentence.value.index,
    first: firstTokenAt(view, sentence.span.start),
    last: firstTokenAt(view, sentence.span.end) - 1,
  }));
}

function spanOf(view: TokenView, start: number, end: number): Span {
  return { start: (view.tokens[start] as Token).start, end: (view.tokens[end - 1] as Token).end };
}
