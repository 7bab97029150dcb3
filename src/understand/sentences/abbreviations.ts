/** @module Abbreviations that end in a period without ending a sentence, by how the splitter must treat them. */
import { words } from './words.ts';

/**
 * How a period-final abbreviation behaves at a possible sentence end:
 * - `title`: always followed by a name ("Gen.", "Dr."), never ends a sentence;
 * - `before-number`: does not end a sentence before a number ("Oct. 17", "No. 3"), otherwise behaves as `ambiguous`;
 * - `ambiguous`: ends a sentence only when the next word is one that usually opens a sentence ("in the U.S. The ...").
 */
export type AbbreviationClass = 'title' | 'before-number' | 'ambiguous';

const TITLES = words(
  'Mr Mrs Ms Messrs Dr Prof Gen Gens Lt Col Maj Capt Cpt Sgt Cpl Pvt Spc Adm Brig Cmdr Cdr Gov Sen Sens ' +
    'Rep Reps Rev Hon Pres Supt Det Insp Ofc Dep Atty Amb Fr Mt Ft Sheik',
);

const BEFORE_NUMBER = words('No Nos Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Vol Art Fig Rt Hwy Ste Apt');

// Words that also end sentences often enough ("Smith Jr.", "Acme Inc.", "in Atlanta, Ga.") to need the next word.
const AMBIGUOUS = words(
  'Inc Ltd Co Corp Jr Sr Bros St Ave Blvd Rd Ln Pl etc vs approx est dept Dept govt Govt Ala Ariz Ark ' +
    'Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev Okla Ore Pa ' +
    'Penn Tenn Tex Va Vt Wash Wis Wisc Wyo',
);

/** Period-final abbreviations (without the period), case-sensitive, with how each behaves. */
export const abbreviations: ReadonlyMap<string, AbbreviationClass> = new Map<string, AbbreviationClass>([
  ...AMBIGUOUS.map((word): [string, AbbreviationClass] => [word, 'ambiguous']),
  ...BEFORE_NUMBER.map((word): [string, AbbreviationClass] => [word, 'before-number']),
  ...TITLES.map((word): [string, AbbreviationClass] => [word, 'title']),
]);

/**
 * Capitalised words that usually open a sentence, so that an ambiguous abbreviation before one ends the sentence
 * ("attacks on the U.S. The official said") while one before a name does not ("the U.S. Central Command").
 */
export const sentenceOpeners: ReadonlySet<string> = new Set(
  words(
    'The A An He She It They We I You His Her Its Their Our My Your This That These Those There Here In ' +
      'On At But And Or So If When While After Before As Since Although Though However Meanwhile What Who ' +
      'Why How Where No Not One Some Many Most All Both Each Several Earlier Later According Also Still Yet ' +
      'Then For From By With To During Under Last Next Police Officials Authorities Witnesses Residents',
  ),
);
