/** @module What a date in a report is said of: the violence itself ("was shot Friday"), or what followed it ("was arrested Friday", "police said Friday"). */
import { words } from '../../understand/sentences/words.ts';
import type { DocumentFrame, PlacedMention } from './document-frame.ts';

/** What a date is said of: the happening, what followed it (an arrest, a hearing, a statement), or nothing told. */
export type DateAttachment = 'happening' | 'follow-up' | null;

// What follows an attack in a report: statements, the hunt, the courts, the hospital, mourning, the page's own stamps.
const FOLLOW_UP: ReadonlySet<string> = new Set(
  words(
    'said says say told tells announced confirmed identified released arrested arrest charged indicted arraigned sentenced ' +
      'sentencing convicted pleaded pled testified appeared appearance court hearing trial bond custody booked jailed searching ' +
      'investigating condition remained remains vigil rally conference statement interviewed ruled posted updated published created',
  ),
);
// The attack itself, or its finding: "was shot Friday", "the shooting happened Friday", "were found Saturday".
const HAPPENING: ReadonlySet<string> = new Set(
  words(
    'shot shoot shooting shootings shootout killed killing wounded injured stabbed stabbing fired gunfire slain murdered ' +
      'happened occurred attack attacked died death found',
  ),
);
// Words that may sit between a date and what it dates: "on Friday", "Friday night's", "late Sunday".
const TIME_WORDS: ReadonlySet<string> = new Set(words("on early late 's night morning afternoon evening"));
const LOOK_BACK = 6;
const LOOK_AHEAD = 7;

/**
 * What `date` is said of, from the nearest telling word before it in its sentence ("arrested Friday", "was shot
 * Friday"), else the word right after it ("Friday's hearing"), else, for a date that opens its clause ("On Friday,
 * the prosecutor confirmed", "police on Sunday arrested"), the first telling word after it. A follow-up date bounds
 * the attack from above but does not date it.
 */
export function dateAttachment(frame: DocumentFrame, date: PlacedMention<'date'>): DateAttachment {
  const keys = frame.view.keys;
  const sentence = frame.sentences[date.sentence];
  if (!sentence) return null;
  const possessed = possessedBy(frame, date, sentence.end);
  if (possessed) return possessed;
  let next = date.end;
  while (next < sentence.end && TIME_WORDS.has(keys[next] as string)) next++;
  // The noun a date modifies comes first: "police said Thursday the July 15 death".
  const after = next < sentence.end ? telling(keys[next] as string) : null;
  if (after) return after;
  for (let i = date.start - 1; i >= Math.max(sentence.start, date.start - LOOK_BACK); i--) {
    const found = telling(keys[i] as string);
    if (found) return found;
  }
  if (!opensClause(frame, date)) return null;
  for (let i = next; i < Math.min(sentence.end, date.end + LOOK_AHEAD); i++) {
    const found = telling(keys[i] as string);
    if (found) return found;
  }
  return null;
}

/** What a possessive date names: "Friday's officer-involved shooting", "Monday night's hearing". */
function possessedBy(frame: DocumentFrame, date: PlacedMention<'date'>, sentenceEnd: number): DateAttachment {
  const keys = frame.view.keys;
  let next = date.end;
  while (next < sentenceEnd && keys[next] !== "'s" && TIME_WORDS.has(keys[next] as string)) next++;
  if (keys[next] !== "'s") return null;
  for (let i = next + 1; i < Math.min(sentenceEnd, next + 5); i++) {
    const found = telling(keys[i] as string);
    if (found) return found;
  }
  return null;
}

function telling(key: string): DateAttachment {
  if (HAPPENING.has(key)) return 'happening';
  if (FOLLOW_UP.has(key)) return 'follow-up';
  return null;
}

/** Whether only time words stand before the date in its clause ("Early Sunday, ..."), or "on" after the subject. */
function opensClause(frame: DocumentFrame, date: PlacedMention<'date'>): boolean {
  const keys = frame.view.keys;
  let before = date.start - 1;
  while (before >= 0 && keys[before] !== 'on' && TIME_WORDS.has(keys[before] as string)) before--;
  if (before < 0 || frame.sentenceOf[before] !== date.sentence || frame.clauseOf[before] !== frame.clauseOf[date.start]) return true;
  return keys[before] === 'on';
}
