/**
 * @module Page furniture out of quoted text: footnote markers ("[1]", "[citation needed]", "¹"), and the words a web
 * page puts between paragraphs ("Advertisement", "Story continues below", "Read more"), which extraction keeps and a
 * reader of a report should never see inside a quotation.
 */

/** Markers and page words, each removed where it stands. */
const FURNITURE: readonly RegExp[] = [
  // Footnote and citation markers: [1], [12], [a], [note 3], [citation needed], and superscript digits.
  /\s*\[(?:\d{1,3}|[a-z]|note \d{1,3}|citation needed|update|edit)\]/giu,
  /[\u00b9\u00b2\u00b3\u2070-\u2079]+/gu,
  // Words a page shows between paragraphs, as pages write them (capitalised or in capitals: "the advertisement
  // campaign" and "we read more" are the report's own words).
  /\s*\b(?:Advertisement|ADVERTISEMENT|Sponsored content|SPONSORED CONTENT|Story continues below(?: advertisement)?|STORY CONTINUES BELOW(?: ADVERTISEMENT)?|Continue reading(?: below)?|CONTINUE READING|Read more:[^.”"]*|READ MORE|Scroll to continue|Skip advert(?:isement)?)\b\s*[-–—|:]?/gu,
];

/** `text` without footnote markers and page furniture, with its spacing tidied. */
export function cleanQuote(text: string): string {
  let cleaned = text;
  for (const pattern of FURNITURE) cleaned = cleaned.replace(pattern, ' ');
  return cleaned
    .replace(/\s+([,.;:!?”’)])/gu, '$1')
    .replace(/([“‘(])\s+/gu, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
