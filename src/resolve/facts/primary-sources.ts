/**
 * @module Primary sources: who first said a figure, as its claims attribute it. Five outlets quoting one ministry are
 * five reports from one primary source; "the Lebanese Health Ministry", "Lebanon's health ministry" and "the
 * country's Health Ministry" are that one source.
 */
import type { ClaimAttribution } from '../../model/claim.ts';

// Words that place or qualify a speaker without naming another one: "Hamas-run", "the country's", "Lebanese".
const QUALIFIER =
  /^(?:[\p{L}-]+-(?:run|controlled|led|based|backed|held)|[\p{L}.-]+['’]s?|(?:\p{Lu}[\p{L}-]*(?:ese|ian|ish|ean|an|i|ic)))$/u;
const DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her']);
// "the Ministry of Health" is "the Health Ministry".
const OF_FORM = /^(ministry|department|office|minister|ministers) of ([\p{L} ]+)$/u;

/** The key two attributions of one primary source share, or null for none ("it", "he", an unattributed figure). */
export function primarySourceKey(text: string): string | null {
  const words = text
    .replace(/[“”"(),]/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0);
  const named = words.filter((w) => !DETERMINERS.has(w.toLowerCase()));
  const plain = named.join(' ').toLowerCase();
  if (plain.length < 3 || GENERIC.test(plain)) return null;
  let key = named
    .filter((w, i) => !(i < named.length - 1 && QUALIFIER.test(w)))
    .join(' ')
    .toLowerCase();
  const of = OF_FORM.exec(key);
  if (of) key = `${of[2]} ${of[1]}`;
  // "Ukrainian officials" stays itself: without its qualifier it names nobody.
  return GENERIC.test(key) ? plain : key;
}

// Speakers that name nobody in particular.
const GENERIC = /^(?:it|he|she|they|we|officials?|sources?|reports?|data|figures|statement|authorities)$/;

/** The primary sources of a fact's claims (oldest report first): one name each, as first written, in first-said order. */
export function primarySources(claims: ReadonlyArray<{ readonly attribution: ClaimAttribution | null }>): string[] {
  const names = new Map<string, string>();
  for (const claim of claims) {
    if (claim.attribution === null || claim.attribution.kind === 'unattributed') continue;
    const key = primarySourceKey(claim.attribution.text);
    if (key !== null && !names.has(key)) names.set(key, claim.attribution.text.replace(/^(?:the|a|an)\s+/i, ''));
  }
  return [...names.values()];
}
