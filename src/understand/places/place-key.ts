/** @module The lookup key of a place name: how gazetteer names and text phrases are compared. */

/** Letters NFD does not split into a base letter and a mark. */
const FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss',
  ø: 'o',
  Ø: 'o',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
};

const MARKS = /[\u0300-\u036f]/g;
// Apostrophes, transliteration hamza and ayn marks, and periods vanish: "Ma'an" = "Maan", "U.S." = "US".
const DROPPED = /['’‘ʼʻʿʾ`´.]/g;
const SEPARATORS = /[\s\-‐‑‒–—_/]+/g;

/**
 * The key a place name is stored and looked up under: diacritics folded, lower case, apostrophes and
 * periods dropped, hyphens and runs of white space made one space. "Deir ez-Zor" and "Deir Ez Zor"
 * share `deir ez zor`; "U.S." is `us`.
 */
export function placeKey(name: string): string {
  let s = name;
  // Most words are plain ASCII letters and digits: lower-case them (no new string when they already are) and be done.
  const plain = plainWord(s);
  if (plain === PLAIN_LOWER) return s;
  if (plain === PLAIN_MIXED) return s.toLowerCase();
  if (!isAscii(s)) {
    s = s.normalize('NFD').replace(MARKS, '');
    let folded = '';
    for (const ch of s) folded += FOLDS[ch] ?? ch;
    s = folded;
  }
  return s.toLowerCase().replace(DROPPED, '').replace(SEPARATORS, ' ').trim();
}

const NOT_PLAIN = 0;
const PLAIN_LOWER = 1;
const PLAIN_MIXED = 2;

/** Whether `s` is only ASCII letters and digits (`PLAIN_LOWER` with no capital, `PLAIN_MIXED` with one), else `NOT_PLAIN`. */
function plainWord(s: string): number {
  if (s.length === 0) return NOT_PLAIN;
  let kind = PLAIN_LOWER;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) kind = PLAIN_MIXED;
    else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return NOT_PLAIN;
  }
  return kind;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}
