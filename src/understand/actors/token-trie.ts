/** @module A trie over token keys: finds the longest lexicon phrase starting at a token in one pass, with sitrep's case rule. */
import type { TokenView } from '../sentences/token-view.ts';
import { foldTypography, tokenize } from '../sentences/tokenize.ts';

/** A phrase found at a token: `tokens[start..end)` and the value it was added with. */
export interface TrieMatch<T> {
  readonly start: number;
  /** Index just past the last token matched. */
  readonly end: number;
  readonly value: T;
}

interface Entry<T> {
  /** The phrase's tokens, folded but with their case. */
  readonly words: readonly string[];
  readonly value: T;
}

interface TrieNode<T> {
  readonly children: Map<string, TrieNode<T>>;
  readonly entries: Entry<T>[];
}

/**
 * Phrases keyed by their tokens. Case rule: a phrase word written in lower case also matches with a capital first
 * letter ("police" matches "Police"); a word with any capital matches only as written ("Hamas", not "hamas").
 */
export class TokenTrie<T> {
  readonly #root: TrieNode<T> = { children: new Map(), entries: [] };

  /** Adds a phrase; later additions of the same phrase keep the first value. */
  add(phrase: string, value: T): void {
    const tokens = tokenize(phrase);
    const words = tokens.map((token) => foldTypography(token.text));
    if (words.length === 0) throw new Error(`An empty phrase cannot go into a lexicon (got ${JSON.stringify(phrase)}).`);
    let node = this.#root;
    for (const token of tokens) {
      const key = token.norm;
      let child = node.children.get(key);
      if (child === undefined) {
        child = { children: new Map(), entries: [] };
        node.children.set(key, child);
      }
      node = child;
    }
    if (!node.entries.some((entry) => entry.words.join(' ') === words.join(' '))) node.entries.push({ words, value });
  }

  /** The longest phrase starting at token `start` whose case fits, not crossing a line break; null when none. */
  match(view: TokenView, start: number): TrieMatch<T> | null {
    let node: TrieNode<T> | undefined = this.#root;
    let best: TrieMatch<T> | null = null;
    for (let i = start; i < view.keys.length; i++) {
      if (i > start && view.breaks[i] === 1) break;
      node = node.children.get(view.keys[i] as string);
      if (node === undefined) break;
      for (const entry of node.entries) {
        if (fitsCase(view, start, entry.words)) {
          best = { start, end: i + 1, value: entry.value };
          break;
        }
      }
    }
    return best;
  }

  /** Whether the phrase's first token is a key at all: a cheap test before `match`. */
  starts(view: TokenView, start: number): boolean {
    return this.#root.children.has(view.keys[start] as string);
  }

  /** The keys phrases start with, to build one cheap test for several tries. */
  firstKeys(): IterableIterator<string> {
    return this.#root.children.keys();
  }
}

function fitsCase(view: TokenView, start: number, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) {
    const word = words[k] as string;
    const written = foldTypography(view.tokens[start + k]?.text ?? '');
    if (written === word) continue;
    // Only the first letter may differ, and only for a phrase word written in lower case.
    if (word !== word.toLowerCase() || written.slice(1) !== word.slice(1)) return false;
  }
  return true;
}
