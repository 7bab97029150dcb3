/** @module Quotations with their speakers: from an attribution beside or around them, or carried over from the sentence before. */
import type { Mention, MentionOf, QuoteValue } from '../../model/mention.ts';
import type { Span } from '../../model/span.ts';
import { type ActorLexicon, defaultActorLexicon } from '../actors/actor-lexicon.ts';
import { firstTokenAt, indexMentions } from '../attributions/mention-tokens.ts';
import { type SpeakerMention, type SpeakerScan, speakerAfter, speakerMentions, speakerWords } from '../attributions/speaker-phrase.ts';
import type { UnderstandInput } from '../context.ts';
import { splitSentences } from '../sentences/split-sentences.ts';
import { createTokenView, startsUpper, type TokenView } from '../sentences/token-view.ts';
import { findQuoteSpans, type QuoteSpan } from './find-quote-spans.ts';

/** What the extractor may reuse instead of computing it again. */
export interface QuoteOptions {
  readonly lexicon?: ActorLexicon;
  readonly view?: TokenView;
  /** `splitSentences(input.text)`, when the caller has it. */
  readonly sentences?: readonly MentionOf<'sentence'>[];
}

interface SentenceRange {
  readonly span: Span;
  readonly paragraph: number;
}

interface Speaker {
  readonly value: Pick<QuoteValue, 'speaker' | 'speakerSpan' | 'affiliation'>;
  readonly rule: string;
  readonly confidence: number;
}

// Between a quotation and the attribution that follows or precedes it ("...,” the official said", "said: “...").
const GAP_AFTER = /^[\s,.;:–—]*$/;
const GAP_BEFORE = /^[\s,:]*(?:that\s*)?$/;
const ONLY_MARKS = /^[\s.,;:!?"“”'’‘()[\]\-–—…]*$/;
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
// A short quotation inside a sentence is a scare quote unless someone is said to have said it.
const MAX_SCARE_WORDS = 3;

/**
 * The quotations in a report with their speakers, in text order. A quotation takes its speaker from an attribution right
 * after or before it, or whose scope covers it; a quotation that is a sentence of its own takes the speaker of the
 * quotation or attribution in the sentence before it in the same paragraph or the one before; a quotation inside a
 * sentence whose subject is a speaker ("The official described the strikes as “...”") takes that subject. A speaker
 * that is a person is given by name, with the person's affiliation.
 */
export function extractQuotes(input: UnderstandInput, found: readonly Mention[], options: QuoteOptions = {}): MentionOf<'quote'>[] {
  const text = input.text;
  const spans = findQuoteSpans(text);
  if (spans.length === 0) return [];
  const view = options.view ?? createTokenView(text);
  const speakers = speakerMentions(found);
  const attributions = found.filter((mention): mention is MentionOf<'attribution'> => mention.kind === 'attribution');
  const scan: SpeakerScan = {
    view,
    lexicon: options.lexicon ?? defaultActorLexicon(),
    mentions: indexMentions(view, speakers),
  };
  const sentences = sentenceRanges(view, options.sentences ?? splitSentences(view.text, view.tokens));
  const quotes: MentionOf<'quote'>[] = [];
  let previous: { readonly mention: MentionOf<'quote'>; readonly sentence: number; readonly paragraph: number } | null = null;
  for (const span of spans) {
    const quote = quotedWords(text, span);
    if (quote === '') continue;
    const first = sentenceAt(sentences, span.start);
    const last = sentenceAt(sentences, Math.max(span.start, span.end - 1));
    const sentence = sentences[first];
    if (sentence === undefined) continue;
    const standsAlone = isOwnSentence(text, sentences, first, last, span);
    let speaker = attributedSpeaker(text, span, attributions, sentences, first, last, speakers);
    if (speaker === null && standsAlone && !isHeadline(text, sentences, first, last)) {
      const carried = previous !== null && previous.mention.value.speaker !== null && first - previous.sentence <= 1;
      speaker =
        carried && previous !== null ? continued(previous.mention) : precedingSpeaker(span, attributions, sentences, first, speakers);
    }
    if (speaker === null && !standsAlone) speaker = subjectSpeaker(scan, text, span, sentence, first, sentences, attributions, speakers);
    const wordCount = quote.match(WORD)?.length ?? 0;
    if (speaker === null && !standsAlone && wordCount <= MAX_SCARE_WORDS) continue;
    const mention: MentionOf<'quote'> = {
      kind: 'quote',
      span: { start: span.start, end: span.end },
      text: text.slice(span.start, span.end),
      value: { speaker: null, speakerSpan: null, affiliation: null, ...speaker?.value, quote },
      rule: speaker?.rule ?? 'quote/unattributed',
      confidence: (speaker?.confidence ?? 0.6) * (span.closed ? 1 : 0.8),
    };
    quotes.push(mention);
    previous = { mention, sentence: last, paragraph: sentence.paragraph };
  }
  return quotes;
}

/** An attribution right after the quotation, right before it, or whose scope covers most of it, in its sentences. */
function attributedSpeaker(
  text: string,
  span: QuoteSpan,
  attributions: readonly MentionOf<'attribution'>[],
  sentences: readonly SentenceRange[],
  first: number,
  last: number,
  speakers: readonly SpeakerMention[],
): Speaker | null {
  let covering: MentionOf<'attribution'> | null = null;
  for (const attribution of attributions) {
    const at = sentenceAt(sentences, attribution.span.start);
    if (at < first || at > last) continue;
    if (attribution.span.start >= span.end && GAP_AFTER.test(text.slice(span.end, attribution.span.start))) {
      return fromAttribution(attribution, speakers, 'quote/attributed-after', 0.95);
    }
    if (attribution.span.end <= span.start && GAP_BEFORE.test(text.slice(attribution.span.end, span.start))) {
      return fromAttribution(attribution, speakers, 'quote/attributed-before', 0.95);
    }
    const scope = attribution.value.scope;
    const overlap = Math.min(scope.end, span.innerEnd) - Math.max(scope.start, span.innerStart);
    if (overlap * 2 >= span.innerEnd - span.innerStart && (covering === null || isNarrower(scope, covering.value.scope))) {
      covering = attribution;
    }
  }
  if (covering !== null) return fromAttribution(covering, speakers, 'quote/attributed-scope', 0.9);
  // The nearest attribution in the same sentences: "Alterman said ..., noting that deterrence “requires ...”"; inside
  // a quotation whose closing mark is missing, the speaker it names.
  let nearest: MentionOf<'attribution'> | null = null;
  for (const attribution of attributions) {
    const at = sentenceAt(sentences, attribution.span.start);
    if (at < first || at > last) continue;
    const inside = attribution.span.start >= span.innerStart && attribution.span.end <= span.innerEnd;
    if (inside ? !span.closed : attribution.span.end <= span.start) nearest = attribution;
  }
  return nearest === null ? null : fromAttribution(nearest, speakers, 'quote/same-sentence', 0.8);
}

/** The last attribution in the sentence before, or earlier in the same paragraph. */
function precedingSpeaker(
  span: QuoteSpan,
  attributions: readonly MentionOf<'attribution'>[],
  sentences: readonly SentenceRange[],
  first: number,
  speakers: readonly SpeakerMention[],
): Speaker | null {
  const paragraph = sentences[first]?.paragraph;
  let best: MentionOf<'attribution'> | null = null;
  for (const attribution of attributions) {
    if (attribution.span.start >= span.start) break;
    const at = sentenceAt(sentences, attribution.span.start);
    if (at === first - 1 || sentences[at]?.paragraph === paragraph) best = attribution;
  }
  return best === null ? null : fromAttribution(best, speakers, 'quote/continued', 0.8);
}

/** "The official described those strikes as “...”": the sentence's subject, when it is a speaker and no cue names one. */
function subjectSpeaker(
  scan: SpeakerScan,
  text: string,
  span: QuoteSpan,
  sentence: SentenceRange,
  index: number,
  sentences: readonly SentenceRange[],
  attributions: readonly MentionOf<'attribution'>[],
  speakers: readonly SpeakerMention[],
): Speaker | null {
  const first = firstTokenAt(scan.view, sentence.span.start);
  const last = firstTokenAt(scan.view, span.start) - 1;
  const subject = speakerAfter(scan, first, last, false);
  const verb = subject === null ? undefined : scan.view.tokens[subject.end];
  if (subject === null || verb === undefined || verb.kind !== 'word' || startsUpper(verb.text)) return null;
  if (subject.reference === 'pronoun' || (subject.head === null && subject.person === null && subject.affiliation === null)) {
    return null;
  }
  const own = spanOfTokens(scan.view, subject.start, subject.end);
  // "The official" is whoever the report introduced earlier as an official: the latest speaker with those words.
  if (subject.reference === 'definite') {
    for (let k = attributions.length - 1; k >= 0; k--) {
      const attribution = attributions[k] as MentionOf<'attribution'>;
      if (attribution.span.start >= span.start || sentenceAt(sentences, attribution.span.start) > index) continue;
      const words = speakerWords(attribution.value.speaker);
      if (subject.words.every((word) => words.includes(word))) {
        return fromAttribution(attribution, speakers, 'quote/subject', 0.75);
      }
    }
  }
  const person = subject.person;
  return {
    value: {
      speaker: person?.name ?? text.slice(own.start, own.end),
      speakerSpan: own,
      affiliation: person?.affiliation ?? subject.affiliation,
    },
    rule: 'quote/subject',
    confidence: 0.75,
  };
}

function fromAttribution(
  attribution: MentionOf<'attribution'>,
  speakers: readonly SpeakerMention[],
  rule: string,
  confidence: number,
): Speaker {
  const { speaker, speakerSpan } = attribution.value;
  const person = speakers.find(
    (mention) => mention.kind === 'person' && mention.span.start === speakerSpan.start && mention.span.end <= speakerSpan.end,
  );
  const actor = speakers.find(
    (mention) => mention.kind === 'actor' && mention.span.start >= speakerSpan.start && mention.span.end <= speakerSpan.end,
  );
  const affiliation = person?.kind === 'person' ? person.value.affiliation : actor?.kind === 'actor' ? actor.value.name : null;
  return {
    value: { speaker: person?.kind === 'person' ? person.value.name : speaker, speakerSpan, affiliation },
    rule,
    confidence: confidence * Math.min(1, attribution.confidence + 0.1),
  };
}

function continued(quote: MentionOf<'quote'>): Speaker {
  const { speaker, speakerSpan, affiliation } = quote.value;
  return { value: { speaker, speakerSpan, affiliation }, rule: 'quote/continued', confidence: 0.8 };
}

/** The quoted words without marks, and without the comma a quotation ends on before its attribution. */
function quotedWords(text: string, span: QuoteSpan): string {
  return text
    .slice(span.innerStart, span.innerEnd)
    .trim()
    .replace(/[\s,]+$/, '');
}

/** Whether the quotation makes up its sentences, apart from punctuation. */
function isOwnSentence(text: string, sentences: readonly SentenceRange[], first: number, last: number, span: QuoteSpan): boolean {
  const start = sentences[first]?.span.start ?? span.start;
  const end = sentences[last]?.span.end ?? span.end;
  return ONLY_MARKS.test(text.slice(start, span.start)) && ONLY_MARKS.test(text.slice(span.end, end));
}

/** A line of its own without final punctuation (a headline or a subheading) carries nobody's words over. */
function isHeadline(text: string, sentences: readonly SentenceRange[], first: number, last: number): boolean {
  const sentence = sentences[last];
  const previous = sentences[first - 1];
  const next = sentences[last + 1];
  if (sentence === undefined) return false;
  const alone = previous?.paragraph !== sentences[first]?.paragraph && next?.paragraph !== sentence.paragraph;
  return alone && !/[.!?…]["”’']?$/.test(text.slice(sentence.span.start, sentence.span.end));
}

function isNarrower(a: Span, b: Span): boolean {
  return a.end - a.start < b.end - b.start;
}

function sentenceRanges(view: TokenView, sentences: readonly MentionOf<'sentence'>[]): SentenceRange[] {
  let paragraph = 0;
  return sentences.map((sentence, index) => {
    if (index > 0 && view.breaks[firstTokenAt(view, sentence.span.start)] === 1) paragraph++;
    return { span: sentence.span, paragraph };
  });
}

/** The index of the sentence holding `offset` (or the last one starting before it). */
function sentenceAt(sentences: readonly SentenceRange[], offset: number): number {
  let low = 0;
  let high = sentences.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if ((sentences[middle]?.span.start ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

function spanOfTokens(view: TokenView, start: number, end: number): Span {
  return { start: view.tokens[start]?.start ?? 0, end: view.tokens[end - 1]?.end ?? 0 };
}
