/**
 * @module Who and what a report says an attack hurt or damaged beyond its trigger's own roles: "two vehicles were
 * destroyed", "the explosion injured a passerby", "also wounded were Ana Ruiz and Luis Paz", "the wounded include a
 * child". Such verbs tell an attack's outcome, not an attack of their own, so they make no event: what they name is a
 * target of the attack the report tells there.
 */
import { words } from '../../understand/sentences/words.ts';
import type { Participant } from './assign-roles.ts';
import type { DocumentFrame } from './document-frame.ts';

/** The people or things one sentence says were hurt or damaged. */
export interface Harmed {
  readonly sentence: number;
  /** The token of the harm verb. */
  readonly at: number;
  readonly targets: readonly Participant[];
}

// Verbs of harm done to people or things that are no trigger of their own.
const HARM_VERBS: ReadonlySet<string> = new Set(
  words(
    'wounded wounding injured injuring hurt maimed maiming destroyed destroying damaged damaging burned burning burnt gutted ' +
      'torched dynamited machinegunned machine-gunned riddled shattered',
  ),
);
// Nouns for the harmed that a list of them follows ("the wounded include a child and a woman").
const HARMED_NOUNS: ReadonlySet<string> = new Set(words('wounded injured dead victims casualties'));
const LIST_VERBS: ReadonlySet<string> = new Set(words('include included including are were was'));
const COPULAS: ReadonlySet<string> = new Set(words('was were been being be is are'));
// Words between a copula and its participle ("were seriously wounded", "was partially destroyed").
const DEGREE: ReadonlySet<string> = new Set(
  words(
    'also seriously slightly badly critically gravely severely heavily partially completely totally fully reportedly ' +
      'allegedly mortally lightly all both later',
  ),
);
const OBJECT_LEAD: ReadonlySet<string> = new Set(words('the a an its their his her several two three four five some many about'));
const JOINERS: ReadonlySet<string> = new Set(words(', and or as well including along together with'));
const MAX_GAP = 4;

/** Every sentence's harmed people and things, in text order; a sentence with none gives nothing. */
export function findHarmed(frame: DocumentFrame, participants: readonly Participant[]): Harmed[] {
  const keys = frame.view.keys;
  const out: Harmed[] = [];
  const hit = participants.filter((p) => !p.shadowed && !p.demonym && !p.isPlace);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const sentence = frame.sentenceOf[i] as number;
    const inSentence = hit.filter((p) => p.sentence === sentence);
    let targets: Participant[] = [];
    if (HARMED_NOUNS.has(key) && keys[i - 1] === 'the' && LIST_VERBS.has(keys[i + 1] ?? '')) targets = listAfter(keys, inSentence, i + 2);
    else if (HARM_VERBS.has(key)) targets = harmedBy(frame, inSentence, i);
    if (targets.length > 0) out.push({ sentence, at: i, targets });
  }
  return out;
}

/** What the harm verb at `verb` tells was harmed: the subject of its passive, or its object. */
function harmedBy(frame: DocumentFrame, inSentence: readonly Participant[], verb: number): Participant[] {
  const keys = frame.view.keys;
  let copula = verb - 1;
  while (copula > verb - 3 && DEGREE.has(keys[copula] as string)) copula--;
  // "Also injured were Ana Ruiz and Luis Paz": the harmed come after.
  if ((keys[verb - 1] === 'also' || isSentenceStart(frame, verb)) && (keys[verb + 1] === 'were' || keys[verb + 1] === 'was'))
    return listAfter(keys, inSentence, verb + 2);
  if (COPULAS.has(keys[copula] as string)) {
    // "Two vehicles were destroyed": the last participant of the clause before the copula, with those joined to it.
    const subject = inSentence.filter((p) => p.end <= copula && frame.clauseOf[p.start] === frame.clauseOf[copula]).at(-1);
    if (subject === undefined || !isBefore(keys, subject.end, copula)) return [];
    return listBefore(keys, inSentence, subject);
  }
  // "The explosion injured a passerby", ", destroying the branch offices of two banks".
  return listAfter(keys, inSentence, verb + 1);
}

/** Whether only a word or two of degree, or "had", "have" and "has", stand between a subject and its copula. */
function isBefore(keys: readonly string[], end: number, copula: number): boolean {
  for (let i = end; i < copula; i++) if (!/^(had|have|has)$/.test(keys[i] as string)) return false;
  return true;
}

function isSentenceStart(frame: DocumentFrame, at: number): boolean {
  return frame.sentences[frame.sentenceOf[at] as number]?.start === at;
}

/** The participant right after `from` (past a determiner or two) and those joined after it ("a child and a woman"). */
function listAfter(keys: readonly string[], inSentence: readonly Participant[], from: number): Participant[] {
  let i = from;
  while (i < from + 2 && OBJECT_LEAD.has(keys[i] as string)) i++;
  const first = inSentence.find((p) => p.start >= from && p.start <= i);
  if (first === undefined) return [];
  const out = [first];
  let last = first;
  for (const p of inSentence) {
    if (p.start < last.end) continue;
    if (!isJoined(keys, last.end, p.start)) break;
    out.push(p);
    last = p;
  }
  return out;
}

/** The subject and the participants joined before it ("two pylons and a substation were destroyed"). */
function listBefore(keys: readonly string[], inSentence: readonly Participant[], subject: Participant): Participant[] {
  const out = [subject];
  let head = subject;
  for (let k = inSentence.indexOf(subject) - 1; k >= 0; k--) {
    const p = inSentence[k] as Participant;
    if (p.end > head.start || !isJoined(keys, p.end, head.start)) break;
    out.unshift(p);
    head = p;
  }
  return out;
}

/** Whether only joining words (a comma, "and", a determiner) stand between two participants. */
function isJoined(keys: readonly string[], end: number, start: number): boolean {
  if (start - end > MAX_GAP || start === end) return false;
  let joiner = false;
  for (let i = end; i < start; i++) {
    const key = keys[i] as string;
    if (JOINERS.has(key)) joiner = true;
    else if (!OBJECT_LEAD.has(key)) return false;
  }
  return joiner;
}
