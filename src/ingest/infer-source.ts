/** @module Which outlet a report comes from: metadata first, then the URL's domain, then a credit line in the text. */

/** Credit lines, tried in order; each captures the outlet's name. */
const CREDIT_LINES: readonly RegExp[] = [
  // A headline, then the outlet alone on its line, then a blank line: the outlet that published this copy.
  /^[^\n]{10,200}\n([A-Z][\w&.'-]*(?: (?:[A-Z&][\w&.'-]*|of|for|the|and|on)){0,6})\n\n/,
  // A masthead line near the top: "Defense Press Office | Press Release | November 8, 2023".
  /^(?:[^\n]*\n){0,3}\s*([A-Z][\w&.' -]{2,60}?)\s*\|[^\n]*$/m,
  // A wire dateline: "BAGHDAD, Jan. 4 (Gulf Wire Service) -"
  /^[A-Z][A-Z .,'-]{2,60}(?:[A-Za-z.]+ \d{1,2}(?:, \d{4})?)?\s*\(([A-Z][\w&.' -]{1,40})\)\s*[-–—]/m,
  /\bAll content (?:produced|published) by (?:the )?([A-Z][\w&.' -]{2,60}?)(?:,|\.| is\b)/,
  /^(?:Source|Credit|Published by|Copyright|©)\s*:?\s*(?:©\s*)?(?:\d{4}\s+)?([A-Z][\w&.' -]{2,60}?)\.?\s*$/im,
  /^\(?([A-Z][\w&.' -]{2,40}?) (?:press release|news release|staff report)\)?\s*$/im,
];

/** The outlet's name, or null when nothing names it. */
export function inferSource(text: string, metadataSource: string | null, url: string | null): string | null {
  const given = metadataSource?.trim();
  if (given) return given;
  if (url) {
    try {
      return new URL(url).hostname.replace(/^www\./, '');
    } catch {
      // Not a URL we can read: fall through to the text.
    }
  }
  for (const pattern of CREDIT_LINES) {
    const name = pattern.exec(text)?.[1]?.trim();
    if (name) return name;
  }
  return null;
}
