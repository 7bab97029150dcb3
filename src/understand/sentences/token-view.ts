/** @module A document's tokens with the lookup keys and line breaks every lexicon match needs, computed once. */
import { foldTypography, type Token, tokenize } from './tokenize.ts';

/** The tokens of one text, with a case-folded key per token and where lines break. */
export interface TokenView {
  readonly text: string;
  readonly tokens: readonly Token[];
  /** `tokens[i].norm`: lower case, curly apostrophes and dashes folded. */
  readonly keys: readonly string[];
  /** 1 where a line break separates token `i` from token `i - 1`: no phrase spans it. */
  readonly breaks: Uint8Array;
  /** Each token's capitals as `SHAPE_*` bits, read once here instead of by a regular expression in every finder. */
  readonly shapes: Uint8Array;
}

/** The token starts with a capital letter (`startsUpper`). */
export const SHAPE_UPPER = 1;
/** A capital then a small letter: "Gaza", "McCarthy", not "US" or "3rd". */
export const SHAPE_CAPITALISED = 2;

const CAPITALISED = /^\p{Lu}\p{Ll}/u;

/** The key a token is looked up by: `Token.norm` for any text. */
export function tokenKey(text: string): string {
  return foldTypography(text).toLowerCase();
}

/** Tokenizes `text` and computes each token's key and line-break flag. */
export function createTokenView(text: string, tokens: readonly Token[] = tokenize(text)): TokenView {
  const keys = new Array<string>(tokens.length);
  const breaks = new Uint8Array(tokens.length);
  const shapes = new Uint8Array(tokens.length);
  let previousEnd = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    keys[i] = token.norm;
    shapes[i] = shapeOf(token.text);
    for (let at = previousEnd; at < token.start; at++) {
      const code = text.charCodeAt(at);
      if (code === 10 || code === 13) {
        breaks[i] = 1;
        break;
      }
    }
    previousEnd = token.end;
  }
  return { text, tokens, keys, breaks, shapes };
}

/** The `SHAPE_*` bits of one token's text; ASCII is decided without a regular expression. */
export function shapeOf(text: string): number {
  const first = text.charCodeAt(0);
  // ASCII, and the quotes and dashes of U+2000-U+206F, without a regular expression.
  if (first < 128 ? first < 65 || first > 90 : (first >= 0x2000 && first <= 0x206f) || !UPPER_FIRST.test(text)) return 0;
  const second = text.charCodeAt(1);
  if (second < 128) return second >= 97 && second <= 122 ? SHAPE_UPPER | SHAPE_CAPITALISED : SHAPE_UPPER;
  return CAPITALISED.test(text) ? SHAPE_UPPER | SHAPE_CAPITALISED : SHAPE_UPPER;
}

const UPPER_FIRST = /^\p{Lu}/u;

/** Whether a token starts with a capital letter; ASCII is decided without a regular expression. */
export function startsUpper(text: string): boolean {
  const code = text.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return UPPER_FIRST.test(text);
}
