/** @module The case part of a document's profile, decided once: capital-letter copy, and the re-cased text its rules read. */
import type { Gazetteer } from '../places/gazetteer.ts';
import { caseLexiconFor } from './case-lexicon.ts';
import { isCapitalCopy, restoreCase } from './restore-case.ts';

/** How a document is written, and the text (and headline) the rules that key on capitals read. */
export interface CaseProfile {
  /** True for a report written mostly in capitals (wire copy, old feeds, MUC). */
  readonly capitals: boolean;
  /** The text the rules read: the stored text, or its re-cased copy of the same length (every offset holds). */
  readonly text: string;
  readonly title: string | null;
}

/** Decides once whether a report is capital-letter copy, and re-cases its text and headline if so. */
export function caseProfile(document: { readonly text: string; readonly title?: string | null }, gazetteer: Gazetteer): CaseProfile {
  const title = document.title ?? null;
  if (!isCapitalCopy(document.text)) return { capitals: false, text: document.text, title };
  const lexicon = caseLexiconFor(gazetteer);
  // The headline of a report in capitals is read like it, whatever its length.
  return { capitals: true, text: restoreCase(document.text, lexicon), title: title === null ? null : restoreCase(title, lexicon) };
}
