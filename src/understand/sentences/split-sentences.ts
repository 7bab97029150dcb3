/** @module Splits a report into sentences: at final punctuation unless an abbreviation holds it, and at every line break. */
import type { MentionOf } from '../../model/mention.ts';
import { abbreviations, sentenceOpeners } from './abbreviations.ts';
import { type Token, tokenize } from './tokenize.ts';

const TERMINAL = new Set(['.', '!', '?', '…', '...', '....']);
// Marks that close a quotation or bracket and stay with the sentence they end (`."`, `.”`, `?)`).
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»']);
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '«']);
const UPPER_START = /^\p{Lu}/u;
const SINGLE_INITIAL = /^\p{Lu}\.$/u;

/**
 * The sentences of `text`, in order, each trimmed of surrounding white space.
 * A sentence ends at `.`, `!`, `?` or `…` (with any closing quote or bracket after it) before a capital, a digit or an
 * opening quote; a line break always ends one, so a headline without a final period is a sentence of its own. Pass
 * `tokens` when the caller has already tokenized the text.
 */
export function splitSentences(text: string, tokens: readonly Token[] = tokenize(text)): MentionOf<'sentence'>[] {
  const sentences: MentionOf<'sentence'>[] = [];
  let first = 0;
  const close = (last: number, rule: string, confidence: number): void => {
    const from = tokens[first];
    const to = tokens[last];
    if (from === undefined || to === undefined || last < first) return;
    sentences.push({
      kind: 'sentence',
      span: { start: from.start, end: to.end },
      text: text.slice(from.start, to.end),
      value: { index: sentences.length },
      rule,
      confidence,
    });
    first = last + 1;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const next = tokens[i + 1];
    if (next === undefined) break;
    if (hasLineBreak(text, token.end, next.start)) {
      close(i, 'sentence/line-break', 1);
      continue;
    }
    const end = sentenceEndAt(text, tokens, i);
    if (end !== null) {
      close(end.last, end.rule, end.confidence);
      i = end.last;
    }
  }
  close(tokens.length - 1, 'sentence/end-of-text', 1);
  return sentences;
}

interface SentenceEnd {
  /** Index of the sentence's last token. */
  readonly last: number;
  readonly rule: string;
  readonly confidence: number;
}

/** Whether the sentence ends with token `i` (or the closing marks glued to it), and where. */
function sentenceEndAt(text: string, tokens: readonly Token[], i: number): SentenceEnd | null {
  const token = tokens[i] as Token;
  const isAbbreviation = token.kind === 'word' && token.text.endsWith('.');
  if (!isAbbreviation && !(token.kind === 'punct' && TERMINAL.has(token.text))) return null;
  let last = i;
  while (isClosingMark(tokens, last + 1)) last++;
  const next = tokens[last + 1];
  if (next === undefined) return null;
  const lastToken = tokens[last] as Token;
  if (next.start === lastToken.end) return footnoteEnd(text, tokens, i, last);
  const opensSentence = UPPER_START.test(next.text) || OPENERS.has(next.text);
  if (!isAbbreviation) {
    if (opensSentence || next.kind === 'number') return { last, rule: 'sentence/punctuation', confidence: 1 };
    return null;
  }
  const word = token.text.slice(0, -1);
  const kind = SINGLE_INITIAL.test(token.text) || word.includes('.') ? 'ambiguous' : abbreviations.get(word);
  if (kind === undefined) return opensSentence ? { last, rule: 'sentence/punctuation', confidence: 1 } : null;
  if (kind === 'title' || (kind === 'before-number' && next.kind === 'number')) return null;
  const isOpener = sentenceOpeners.has(next.text) || (OPENERS.has(next.text) && next.text !== '(');
  return isOpener ? { last, rule: 'sentence/after-abbreviation', confidence: 0.8 } : null;
}

/** A footnote number glued to the period ("in the long term.68 The ...") ends the sentence after the number. */
function footnoteEnd(text: string, tokens: readonly Token[], i: number, last: number): SentenceEnd | null {
  const before = tokens[i - 1];
  const number = tokens[last + 1];
  const after = tokens[last + 2];
  if (tokens[i]?.text !== '.' || last !== i || before?.kind !== 'word' || before.end !== tokens[i]?.start) return null;
  if (number?.kind !== 'number' || number.text.length > 3 || after === undefined) return null;
  if (after.start === number.end || !UPPER_START.test(after.text) || hasLineBreak(text, number.end, after.start)) {
    return null;
  }
  return { last: last + 1, rule: 'sentence/footnote', confidence: 0.7 };
}

function isClosingMark(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i];
  const before = tokens[i - 1];
  return token !== undefined && before !== undefined && token.start === before.end && CLOSERS.has(token.text);
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let at = from; at < to; at++) if (text.charCodeAt(at) === 10 || text.charCodeAt(at) === 13) return true;
  return false;
}
