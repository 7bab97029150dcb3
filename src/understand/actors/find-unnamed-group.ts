/** @module Groups the text does not name: "Iran-backed militias" (an armed group with a country) or "unidentified gunmen". */
import type { ActorType } from '../../model/mention.ts';
import type { TokenView } from '../sentences/token-view.ts';
import type { ActorLexicon } from './actor-lexicon.ts';

/** An unnamed group found at a token: `tokens[start..end)`. */
export interface UnnamedGroupMatch {
  readonly start: number;
  readonly end: number;
  readonly type: ActorType;
  readonly country: string | null;
  readonly rule: string;
}

/** The unnamed group starting at token `at`, or null. */
export function findUnnamedGroup(view: TokenView, at: number, lexicon: ActorLexicon): UnnamedGroupMatch | null {
  return backedGroupAt(view, at, lexicon) ?? unidentifiedGroupAt(view, at, lexicon);
}

/** "Iran-backed groups", "Iranian-backed militant groups", "pro-Iranian militias", "Iran's proxies", "Iranian proxies". */
function backedGroupAt(view: TokenView, at: number, lexicon: ActorLexicon): UnnamedGroupMatch | null {
  let start = at;
  let from = at;
  const isPro = view.keys[at] === 'pro' && view.keys[at + 1] === '-';
  if (isPro) from = at + 2;
  const patron = lexicon.patrons.match(view, from);
  if (patron === null) return null;
  let next = patron.end;
  if (isPro) return groupHeadAfter(view, next, lexicon, start, patron.value);
  if (view.keys[next] === "'s") next++;
  const proxies = lexicon.proxyHeads.match(view, next);
  if (proxies !== null) return group(start, proxies.end, patron.value);
  if (view.keys[next] === '-' && view.tokens[next]?.start === view.tokens[next - 1]?.end) next++;
  if (!lexicon.backing.has(view.keys[next] ?? '')) return null;
  start = at;
  return groupHeadAfter(view, next + 1, lexicon, start, patron.value);
}

function groupHeadAfter(view: TokenView, from: number, lexicon: ActorLexicon, start: number, country: string): UnnamedGroupMatch | null {
  let next = from;
  for (let modifiers = 0; modifiers < 3 && view.breaks[next] !== 1; modifiers++) {
    if (lexicon.groupHeads.match(view, next) !== null) break;
    if (!lexicon.groupModifiers.has(view.keys[next] ?? '')) return null;
    next++;
  }
  let end = -1;
  // Heads chain ("militia coalition", "militia groups"): the last one names the group.
  for (let head = lexicon.groupHeads.match(view, next); head !== null; head = lexicon.groupHeads.match(view, head.end)) {
    end = head.end;
  }
  return end < 0 ? null : group(start, end, country);
}

function group(start: number, end: number, country: string): UnnamedGroupMatch {
  return { start, end, type: 'armed-group', country, rule: 'actor/unnamed-group' };
}

/** "militants", "unidentified gunmen", "armed men", "an unidentified gunman" (without the article). */
function unidentifiedGroupAt(view: TokenView, at: number, lexicon: ActorLexicon): UnnamedGroupMatch | null {
  let next = at;
  for (let modifiers = 0; modifiers <= 3; modifiers++) {
    if (modifiers > 0 && view.breaks[next] === 1) return null;
    const head = lexicon.unidentifiedHeads.match(view, next);
    if (head !== null && (!head.value || next > at)) {
      return { start: at, end: head.end, type: 'unidentified-armed-group', country: null, rule: 'actor/unnamed-group' };
    }
    if (!lexicon.unidentifiedModifiers.has(view.keys[next] ?? '')) return null;
    next++;
  }
  return null;
}
