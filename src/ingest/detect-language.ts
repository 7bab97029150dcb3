/**
 * @module Tells whether a report is in English, from script and function words.
 *
 * Our own rather than franc or cld: the only question ingest asks is "English or not, and if not,
 * roughly what", and counting function words over the first few thousand characters answers it in
 * microseconds where trigram models take a millisecond and mistake short English texts for Scots.
 */

/** The most frequent function words of each language we name; a text is the language whose words it uses most. */
const FUNCTION_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: [
    'the',
    'and',
    'of',
    'to',
    'in',
    'is',
    'that',
    'for',
    'on',
    'with',
    'was',
    'as',
    'by',
    'said',
    'it',
    'from',
    'at',
    'have',
    'has',
    'are',
    'were',
    'this',
    'be',
    'not',
    'an',
    'its',
    'their',
    'which',
    'after',
  ],
  fr: [
    'le',
    'la',
    'les',
    'des',
    'et',
    'est',
    'une',
    'dans',
    'pour',
    'que',
    'qui',
    'du',
    'sur',
    'pas',
    'par',
    'avec',
    'au',
    'ont',
    'sont',
    'été',
    'selon',
    'il',
    'elle',
  ],
  es: [
    'el',
    'los',
    'las',
    'del',
    'que',
    'por',
    'una',
    'con',
    'para',
    'según',
    'fue',
    'como',
    'pero',
    'sus',
    'más',
    'al',
    'han',
    'ha',
    'está',
    'este',
    'es',
    'y',
  ],
  de: [
    'der',
    'die',
    'das',
    'und',
    'ist',
    'nicht',
    'ein',
    'eine',
    'mit',
    'den',
    'dem',
    'von',
    'zu',
    'auf',
    'für',
    'sich',
    'wurde',
    'auch',
    'im',
    'sind',
    'nach',
  ],
  it: ['il', 'della', 'che', 'gli', 'per', 'una', 'sono', 'con', 'del', 'non', 'nel', 'alla', 'anche', 'dopo', 'stato', 'secondo', 'è'],
  pt: ['os', 'das', 'não', 'uma', 'com', 'para', 'que', 'do', 'da', 'em', 'foi', 'pelo', 'pela', 'segundo', 'são', 'ao'],
  nl: ['het', 'een', 'van', 'en', 'niet', 'zijn', 'op', 'voor', 'met', 'dat', 'werd', 'ook', 'naar', 'bij'],
  tr: ['ve', 'bir', 'bu', 'için', 'ile', 'da', 'de', 'olarak', 'olan', 'göre', 'sonra'],
  id: ['yang', 'dan', 'di', 'dengan', 'untuk', 'ini', 'dari', 'dalam', 'tidak', 'itu', 'akan'],
};

const WORD_LANGUAGES = new Map<string, string[]>();
for (const [language, words] of Object.entries(FUNCTION_WORDS)) {
  for (const word of words) WORD_LANGUAGES.set(word, [...(WORD_LANGUAGES.get(word) ?? []), language]);
}

/** Scripts that name a language (or a family) on their own. */
const SCRIPTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\p{Script=Arabic}/u, 'ar'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Cyrillic}/u, 'ru'],
  [/\p{Script=Han}/u, 'zh'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
  [/\p{Script=Hangul}/u, 'ko'],
  [/\p{Script=Greek}/u, 'el'],
  [/\p{Script=Devanagari}/u, 'hi'],
  [/\p{Script=Thai}/u, 'th'],
];

const LETTER = /\p{L}/u;
const SAMPLE_CHARS = 2000;

export interface LanguageGuess {
  /** ISO 639-1, or `und` when the sample is too short or mixed to tell. */
  readonly language: string;
  /** Share of words that are function words of that language, or of letters in that script. */
  readonly confidence: number;
}

/** Guesses a text's language from its first few thousand characters. */
export function detectLanguage(text: string): LanguageGuess {
  const sample = text.slice(0, SAMPLE_CHARS);
  let letters = 0;
  let nonLatin = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) letters++;
    else if (code >= 0xc0 && LETTER.test(sample[i] as string)) {
      letters++;
      if (code >= 0x250) nonLatin++;
    }
  }
  if (letters === 0) return { language: 'und', confidence: 0 };
  // Scripts are counted only when many letters are outside Latin: most reports never pay for it.
  for (const [pattern, language] of nonLatin / letters > 0.3 ? SCRIPTS : []) {
    const inScript = sample.match(new RegExp(pattern.source, 'gu'))?.length ?? 0;
    if (inScript / letters > 0.3) return { language, confidence: inScript / letters };
  }
  const counts = new Map<string, number>();
  let words = 0;
  for (const match of sample.toLowerCase().matchAll(/\p{L}+/gu)) {
    words++;
    for (const language of WORD_LANGUAGES.get(match[0]) ?? []) counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  let best = 'und';
  let bestCount = 0;
  for (const [language, count] of counts) {
    if (count > bestCount) {
      best = language;
      bestCount = count;
    }
  }
  // Below a handful of words, or when function words are rare (lists, tables), say we cannot tell.
  if (words < 5 || bestCount / words < 0.08) return { language: 'und', confidence: words === 0 ? 0 : bestCount / words };
  return { language: best, confidence: bestCount / words };
}
