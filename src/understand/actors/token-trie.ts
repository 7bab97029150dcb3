/** @module A trie over token keys: finds the longest lexicon phrase starting at a token in one pass, with sitrep's case rule. */
import type { TokenView } from '../sentences/token-view.ts';
import { foldTypography, type Token, tokenize } from '../sentences/tokenize.ts';

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

/** How a key's token may be written to start a phrase: any way (a lower-case phrase word), or as one of these forms. */
type StartForms = 'any' | Set<string>;

/**
 * Phrases keyed by their tokens. Case rule: a phrase word written in lower case also matches with a capital first
 * letter ("police" matches "Police"); a word with any capital matches only as written ("Hamas", not "hamas").
 */
export class TokenTrie<T> {
  readonly #root: TrieNode<T> = { children: new Map(), entries: [] };
  /** Per first key, how the first token must be written for some phrase to fit its case. */
  readonly #starts = new Map<string, StartForms>();

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
    addStartForm(this.#starts, (tokens[0] as Token).norm, words[0] as string);
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

  /** Whether some phrase starts with token `start` as written (key and case): a cheap test before `match`. */
  starts(view: TokenView, start: number): boolean {
    return startsWith(this.#starts, view, start);
  }

  /** The keys phrases start with, to build one cheap test for several tries. */
  firstKeys(): IterableIterator<string> {
    return this.#root.children.keys();
  }

  /** Per first key, the keys a phrase's second word may have, or null where a phrase of that one word exists. */
  secondKeys(): Map<string, ReadonlySet<string> | null> {
    const seconds = new Map<string, ReadonlySet<string> | null>();
    for (const [key, node] of this.#root.children) seconds.set(key, node.entries.length > 0 ? null : new Set(node.children.keys()));
    return seconds;
  }

  /** Per first key, the forms a phrase's first token must be written in ('any' for a lower-case word). */
  startForms(): ReadonlyMap<string, StartForms> {
    return this.#starts;
  }
}

/**
 * One cheap test of whether any of several tries (and plain key sets, which ignore case) can match at a token, with the
 * tries' case rule: most tokens of a text start nothing, and a lower-case "the" or "who" starts no "The Hague" or "WHO".
 */
export class TokenStarts {
  readonly #starts = new Map<string, StartForms>();

  constructor(tries: ReadonlyArray<{ startForms(): ReadonlyMap<string, StartForms> }>, anyCaseKeys: Iterable<string> = []) {
    for (const trie of tries) {
      for (const [key, forms] of trie.startForms()) {
        if (forms === 'any') this.#starts.set(key, 'any');
        else for (const form of forms) addStartForm(this.#starts, key, form);
      }
    }
    for (const key of anyCaseKeys) this.#starts.set(key, 'any');
  }

  /** Whether token `at` can start a phrase of one of the tries or is one of the plain keys. */
  has(view: TokenView, at: number): boolean {
    return startsWith(this.#starts, view, at);
  }
}

function addStartForm(starts: Map<string, StartForms>, key: string, word: string): void {
  const forms = starts.get(key);
  if (forms === 'any') return;
  if (word === word.toLowerCase()) starts.set(key, 'any');
  else if (forms === undefined) starts.set(key, new Set([word]));
  else forms.add(word);
}

function startsWith(starts: ReadonlyMap<string, StartForms>, view: TokenView, at: number): boolean {
  const forms = starts.get(view.keys[at] as string);
  if (forms === undefined) return false;
  return forms === 'any' || forms.has(foldTypography(view.tokens[at]?.text ?? ''));
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
