/**
 * @module Responsibility: who claims an attack, who is blamed for it and by whom, who denies it; each statement read
 * from one sentence with its rule, then attached to the attack it is about (its own sentence's, or the one it refers
 * back to: a claim often follows the attack it claims).
 */
import type { EventActor, Responsibility, ResponsibilityKind } from '../../model/event.ts';
import { words } from '../../understand/sentences/words.ts';
import { sameActor, type Participant } from './assign-roles.ts';
import type { DocumentFrame } from './document-frame.ts';

/** One statement of responsibility in a document, before it is attached to an event. */
export interface ResponsibilityStatement {
  readonly kind: ResponsibilityKind;
  readonly actor: EventActor;
  readonly by: EventActor | null;
  readonly sentence: number;
  /** The token of the cue word ("claimed", "blamed", "denied"). */
  readonly cue: number;
  readonly rule: string;
}

// What is claimed, blamed or denied: an attack, named by a noun ("claimed the drone attack").
const ATTACK_NOUNS: ReadonlySet<string> = new Set(
  words(
    'attack attacks strike strikes airstrike airstrikes bombing bombings blast blasts explosion explosions assault assaults raid raids ' +
      'ambush ambushes killing killings assassination assassinations shooting shootings operation operations massacre abduction kidnapping ' +
      'barrage shelling incident incidents rocket rockets missile missiles drone drones',
  ),
);
// Determiners and numbers that may open the object noun phrase ("claimed the attack", "claimed two attacks").
const OBJECT_OPENERS: ReadonlySet<string> = new Set(
  words(
    'the a an its their this these those both two three four five several multiple monday tuesday wednesday thursday friday saturday sunday',
  ),
);
// Acts one says one's side did ("said its fighters carried out", "claimed to have launched").
const ACTS: ReadonlySet<string> = new Set(
  words(
    'carried carry conducted conduct launched launch staged stage mounted mount targeted target attacked attack struck strike hit ' +
      'fired fire shelled shell bombed bomb ambushed ambush downed detonated executed killed kill',
  ),
);
// Gerunds an accusation names an attack by ("accused X of attacking the convoy", "of killing the priests").
const ACCUSED_ATTACKS: ReadonlySet<string> = new Set(
  words('attacking targeting bombing shelling striking firing killing ambushing assassinating murdering kidnapping abducting'),
);
// Words an accusation names the act by, then the attack ("of carrying out the attack", "of involvement in the bombing").
const ACCUSED_ACTS: ReadonlySet<string> = new Set(
  words(
    'carrying conducting launching staging mounting orchestrating perpetrating plotting organising organizing ordering being behind ' +
      'out involvement responsibility complicity role in for',
  ),
);
// Where a bare "X blamed Y" ends: the blame is then of the attack told.
const CLAUSE_ENDS: ReadonlySet<string> = new Set(words('. , ; and but on over after in as'));
const CLAIM_VERBS: ReadonlySet<string> = new Set(words('claimed claims claim claiming'));
const TAKE_VERBS: ReadonlySet<string> = new Set(words('took take takes taking accepted accept accepts assumed assume assumes'));
const SAY_VERBS: ReadonlySet<string> = new Set(
  words('said says say saying announced announces stated states confirmed confirms acknowledged admitted'),
);
const BLAME_VERBS: ReadonlySet<string> = new Set(words('blamed blames blame blaming'));
const ACCUSE_VERBS: ReadonlySet<string> = new Set(words('accused accuses accuse accusing'));
const ATTRIBUTE_VERBS: ReadonlySet<string> = new Set(words('attributed attributes attribute attributing'));
const HOLD_VERBS: ReadonlySet<string> = new Set(words('held holds hold holding'));
const DENY_VERBS: ReadonlySet<string> = new Set(words('denied denies deny denying rejected rejects reject rejecting'));
// What a denial of responsibility denies ("denied involvement", "rejected any role"); "denied entry" is no such denial.
const DENIED_THINGS: ReadonlySet<string> = new Set(
  words('involvement responsibility role part participation link links connection connections hand complicity culpability'),
);
// "denied being behind", "denied carrying out": a denial of the act itself.
const DENIED_ACTS: ReadonlySet<string> = new Set(words('being having carrying launching conducting staging firing ordering'));
// Reports a denial rejects: only where they say the denier did it ("denied reports that it fired the rockets").
const DENIED_REPORTS: ReadonlySet<string> = new Set(words('reports claims allegations accusations suggestions charges'));
// Words that make a statement none: "no group has claimed", "has yet to claim", "did not deny".
const NEGATIONS: ReadonlySet<string> = new Set(words("no not n't never nobody none neither yet without"));
// Words that may stand between a subject and its verb ("Hezbollah has also denied", "X quickly claimed").
const VERB_LEAD: ReadonlySet<string> = new Set(
  words('has have had also later quickly swiftly immediately then again officially publicly formally promptly'),
);
const OWN_SIDE: ReadonlySet<string> = new Set(words('it they its their we our'));
const BE: ReadonlySet<string> = new Set(words('was were is are been being be had has have'));
const PASSIVE_BE: ReadonlySet<string> = new Set(words('was were is are been being be'));
// What may come between "said" and the clause it reports: "said in a statement", "said on Telegram late Sunday".
const SAID_LEADS: ReadonlySet<string> = new Set(words('in on via through late early later earlier overnight today yesterday'));
// Words no object noun phrase of an attack holds: "claimed the lives of", "claimed that", "claimed it was".
const NOT_IN_OBJECT: ReadonlySet<string> = new Set(words('that to of lives life it they he she we what victory'));
const POSSESSIVES: ReadonlySet<string> = new Set(["'s", '’s', "'", '’']);
// What stands between a preposition and its name: "on a U.S. convoy", "in eastern Lebanon".
const PLACE_LEAD: ReadonlySet<string> = new Set(
  words(
    'the a an eastern western northern southern central north south east west northeastern northwestern southeastern southwestern occupied neighbouring neighboring',
  ),
);
const QUOTE_MARKS: ReadonlySet<string> = new Set(['"', '“', '”', "'", '‘', '’']);
const RELATIVES: ReadonlySet<string> = new Set(words('who which that'));
const PREPOSITIONS: ReadonlySet<string> = new Set(
  words('on against of for to from by at in with near into onto upon toward towards about'),
);
// How far back a subject may stand from its verb, in tokens.
const SUBJECT_REACH = 12;

/** Every statement of responsibility in the document, in text order. */
export function findResponsibility(frame: DocumentFrame, participants: readonly Participant[]): ResponsibilityStatement[] {
  const keys = frame.view.keys;
  const found: ResponsibilityStatement[] = [];
  const push = (kind: ResponsibilityKind, actor: Participant | undefined, by: Participant | undefined, cue: number, rule: string) => {
    if (!actor) return;
    if (by && sameActor(by.actor, actor.actor)) by = undefined;
    if (isNegated(frame, cue)) return;
    const sentence = frame.sentenceOf[cue] as number;
    if (found.some((s) => s.sentence === sentence && s.kind === kind && sameActor(s.actor, actor.actor))) return;
    found.push({ kind, actor: actor.actor, by: by?.actor ?? null, sentence, cue, rule: `responsibility/${rule}` });
  };
  const subject = (cue: number) => subjectBefore(frame, participants, cue);
  const objectAfter = (at: number) => participantAt(frame, participants, at, 3);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (CLAIM_VERBS.has(key)) {
      const next = keys[i + 1] ?? '';
      if (next === 'responsibility' || next === 'credit') push('claim', subject(i), undefined, i, 'claimed-responsibility');
      else if (next === 'by' && isPassive(keys, i)) push('claim', objectAfter(i + 2), undefined, i, 'claimed-by');
      else if (next === 'to' && (keys[i + 2] === 'have' || keys[i + 2] === 'be') && ACTS.has(keys[i + 3] ?? ''))
        push('claim', subject(i), undefined, i, 'claimed-to-have');
      else if (!isPassive(keys, i) && namesAttack(keys, i + 1) && !isClause(keys, i + 1))
        push('claim', subject(i), undefined, i, 'claimed-attack');
    } else if (TAKE_VERBS.has(key) && keys[i + 1] === 'responsibility' && keys[i + 2] === 'for') {
      push('claim', subject(i), undefined, i, 'took-responsibility');
    } else if (SAY_VERBS.has(key)) {
      const act = ownSideAct(frame, i);
      if (act === 'claim') push('claim', subject(i), undefined, i, 'said-it-carried-out');
      else if (act === 'denial') push('denial', subject(i), undefined, i, 'said-not-responsible');
    } else if (BLAME_VERBS.has(key)) {
      if (isPassive(keys, i)) {
        // "The attack was blamed on X"; "X was blamed for the attack".
        const on = indexOf(keys, 'on', i + 1, 5, frame, i);
        if (on >= 0) push('blame', objectAfter(on + 1), undefined, i, 'blamed-on');
        else if (keys[i + 1] === 'for' && namesAttack(keys, i + 2)) push('blame', subject(i), undefined, i, 'blamed-for');
        continue;
      }
      const object = objectAfter(i + 1);
      const on = indexOf(keys, 'on', i + 1, 6, frame, i);
      // "blamed the attack on X"; "explosions that Hezbollah blamed on Israel" (the attack told before the verb).
      if (on >= 0 && (on === i + 1 || namesAttackOrIt(keys, i + 1))) push('blame', objectAfter(on + 1), subject(i), i, 'blamed-on');
      // "blamed the Houthis' campaign of piracy": what is blamed is a thing of theirs, not an attack.
      else if (object && !POSSESSIVES.has(keys[object.end] ?? '')) {
        const forAt = indexOf(keys, 'for', object.end, 8, frame, i);
        // "blamed X for the rise in prices" is no blame for an attack; "blamed X." alone is, where an attack is told.
        if (forAt >= 0 ? namesAttack(keys, forAt + 1) : CLAUSE_ENDS.has(keys[object.end] ?? '.'))
          push('blame', object, subject(i), i, 'blamed');
      }
    } else if (ACCUSE_VERBS.has(key)) {
      const passive = isPassive(keys, i);
      const accused = passive ? subject(i) : objectAfter(i + 1);
      if (!accused) continue;
      const of = indexOf(keys, 'of', passive ? i + 1 : accused.end, 3, frame, i);
      if (of >= 0 && accusesOfAttack(keys, of + 1)) push('blame', accused, passive ? undefined : subject(i), i, 'accused-of');
    } else if (ATTRIBUTE_VERBS.has(key)) {
      const to = indexOf(keys, 'to', i + 1, 6, frame, i);
      if (to >= 0 && (isPassive(keys, i) || namesAttackOrIt(keys, i + 1)))
        push('blame', objectAfter(to + 1), isPassive(keys, i) ? undefined : subject(i), i, 'attributed-to');
    } else if (HOLD_VERBS.has(key)) {
      const object = objectAfter(i + 1);
      if (object && keys[object.end] === 'responsible') push('blame', object, subject(i), i, 'held-responsible');
    } else if (DENY_VERBS.has(key) && !isPassive(keys, i)) {
      let at = i + 1;
      while (keys[at] === 'any' || keys[at] === 'all' || keys[at] === 'its' || keys[at] === 'their' || keys[at] === 'the') at++;
      const what = keys[at] ?? '';
      if (DENIED_THINGS.has(what)) push('denial', subject(i), undefined, i, 'denied-involvement');
      else if (DENIED_ACTS.has(what) || (what === 'that' && ownSideAct(frame, at - 1) === 'claim'))
        push('denial', subject(i), undefined, i, 'denied-carrying-out');
      else if (DENIED_REPORTS.has(what) && (keys[at + 1] === 'that' || keys[at + 1] === 'of') && OWN_SIDE.has(keys[at + 2] ?? ''))
        push('denial', subject(i), undefined, i, 'denied-reports');
    }
  }
  return found;
}

/** Whether a verb is passive: a form of "be" right before it ("was blamed", "has been claimed"). */
function isPassive(keys: readonly string[], at: number): boolean {
  for (let i = at - 1; i >= Math.max(0, at - 3); i--) {
    const key = keys[i] as string;
    if (key === 'was' || key === 'were' || key === 'been' || key === 'is' || key === 'are' || key === 'being') return true;
    if (!VERB_LEAD.has(key) && key !== 'widely' && key !== 'reportedly') return false;
  }
  return false;
}

/** Whether what an accusation says at `at` is an attack: "of killing", "of carrying out the attack", "of the bombing". */
function accusesOfAttack(keys: readonly string[], at: number): boolean {
  if (ACCUSED_ATTACKS.has(keys[at] as string)) return true;
  let i = at;
  while (i < at + 4 && ACCUSED_ACTS.has(keys[i] as string)) i++;
  return namesAttackOrIt(keys, i);
}

/** Whether the noun phrase at `at` names an attack: "the attack", "Sunday's drone strike", "two attacks". */
function namesAttack(keys: readonly string[], at: number): boolean {
  let i = at;
  // "blamed Israel for “this criminal attack”": quote marks around the phrase.
  while (QUOTE_MARKS.has(keys[i] as string)) i++;
  // "that attack", but not "that the attack was ..." (speech).
  if ((keys[i] === 'that' || keys[i] === 'those') && ATTACK_NOUNS.has(keys[i + 1] as string)) return true;
  while (OBJECT_OPENERS.has(keys[i] as string) || keys[i] === "'s" || keys[i] === '’s') i++;
  for (let n = 0; n < 4 && i < keys.length; n++, i++) {
    const key = keys[i] as string;
    if (ATTACK_NOUNS.has(key)) return true;
    if (!/^[\p{L}\d-]+$/u.test(key) || BE.has(key) || NOT_IN_OBJECT.has(key)) return false;
  }
  return false;
}

/**
 * Whether what follows a verb at `at` is a clause, not its object: "claiming the strike targeted a command centre"
 * says what the strike was, as "claimed that" does; "claimed the strike" owns it.
 */
function isClause(keys: readonly string[], at: number): boolean {
  for (let i = at; i < at + 7 && i < keys.length; i++) {
    if (!ATTACK_NOUNS.has(keys[i] as string)) continue;
    // "the drone attack": the head is the last noun of the compound.
    while (ATTACK_NOUNS.has(keys[i + 1] as string)) i++;
    const next = keys[i + 1] ?? '';
    return BE.has(next) || ACTS.has(next) || next === 'targeted' || next === 'aimed' || next === 'came';
  }
  return false;
}

function namesAttackOrIt(keys: readonly string[], at: number): boolean {
  return keys[at] === 'it' || keys[at] === 'them' || namesAttack(keys, at);
}

/** The index of `word` among the `reach` tokens from `from` in the clause of `cue`, or -1. */
function indexOf(keys: readonly string[], word: string, from: number, reach: number, frame: DocumentFrame, cue: number): number {
  for (let i = from; i < Math.min(keys.length, from + reach); i++) {
    if (frame.sentenceOf[i] !== frame.sentenceOf[cue]) return -1;
    if (keys[i] === word) return i;
  }
  return -1;
}

/**
 * What a speaker says its own side did or did not: "said its fighters carried out", "said in a statement that it had
 * targeted" (a claim); "said it was not involved", "said it had nothing to do with" (a denial). Null for anything else.
 */
function ownSideAct(frame: DocumentFrame, say: number): 'claim' | 'denial' | null {
  const keys = frame.view.keys;
  const sentence = frame.sentenceOf[say];
  let i = say + 1;
  // "said on Telegram that", "said in a statement it": a few words of where or when before the clause, no more.
  if (SAID_LEADS.has(keys[i] as string)) {
    for (let n = 0; n < 6 && i < keys.length && !OWN_SIDE.has(keys[i] as string) && keys[i] !== 'that'; n++) i++;
    if (keys[i] === ',') i++;
  }
  if (frame.sentenceOf[i] !== sentence) return null;
  if (keys[i] === 'that') i++;
  if (!OWN_SIDE.has(keys[i] as string)) return null;
  // "its fighters", "their drone unit": the speaker's own men.
  if (keys[i] === 'its' || keys[i] === 'their' || keys[i] === 'our') {
    i++;
    for (let n = 0; n < 2 && /^[\p{L}-]+$/u.test(keys[i] ?? '') && !BE.has(keys[i] as string) && !ACTS.has(keys[i] as string); n++) i++;
  } else i++;
  let negated = false;
  let passive = false;
  while (BE.has(keys[i] as string) || keys[i] === 'not' || keys[i] === "n't" || keys[i] === 'also' || keys[i] === 'successfully') {
    if (keys[i] === 'not' || keys[i] === "n't") negated = true;
    // "said its soldiers were killed" tells what was done to them, not what they did.
    if (PASSIVE_BE.has(keys[i] as string)) passive = true;
    i++;
  }
  const key = keys[i] ?? '';
  // "said they were responsible for the action", not "for the inquiry" or "for security".
  if (key === 'responsible' && keys[i + 1] === 'for' && !namesAttackOrAct(keys, i + 2)) return null;
  if (!negated && passive && (key === 'responsible' || key === 'behind')) return 'claim';
  if (negated && (key === 'involved' || key === 'responsible' || key === 'behind')) return 'denial';
  if (key === 'nothing' && keys[i + 1] === 'to' && keys[i + 2] === 'do') return 'denial';
  if (negated || passive) return null;
  if (ACTS.has(key)) return 'claim';
  return null;
}

// Words that refer back to an attack told ("responsible for the action", "for this crime").
const REFERRING_ACTS: ReadonlySet<string> = new Set(words('action actions act acts crime crimes deed deeds'));

/** Whether an attack, or a word that refers back to one, is what one is responsible for ("for it", "for the action"). */
function namesAttackOrAct(keys: readonly string[], at: number): boolean {
  if (namesAttackOrIt(keys, at)) return true;
  const i = OBJECT_OPENERS.has(keys[at] as string) ? at + 1 : at;
  return REFERRING_ACTS.has(keys[i] as string);
}

/** Whether a negation stands before the cue in its clause ("no group has claimed", "has yet to claim", "did not deny"). */
function isNegated(frame: DocumentFrame, cue: number): boolean {
  const keys = frame.view.keys;
  for (let i = cue - 1; i >= Math.max(0, cue - 5); i--) {
    if (frame.clauseOf[i] !== frame.clauseOf[cue]) return false;
    if (NEGATIONS.has(keys[i] as string)) return true;
  }
  return false;
}

/**
 * Who makes the statement: the nearest actor before the verb in its sentence, over an apposition set off by commas
 * ("the Islamic Resistance in Iraq, an umbrella group of militias, claimed ..."). A demonym is no subject.
 */
function subjectBefore(frame: DocumentFrame, participants: readonly Participant[], cue: number): Participant | undefined {
  const keys = frame.view.keys;
  const sentence = frame.sentenceOf[cue];
  let end = cue;
  while (end > 0 && VERB_LEAD.has(keys[end - 1] as string)) end--;
  const inSentence = (p: Participant) => p.sentence === sentence && !p.demonym;
  // "X, who said ...", "the group, which claimed ...": the relative's antecedent, right before it, or none.
  if (RELATIVES.has(keys[end - 1] as string)) {
    const at = keys[end - 2] === ',' ? end - 2 : end - 1;
    return participants.find((p) => inSentence(p) && p.end === at);
  }
  // "X, an umbrella group ..., claimed": the subject stands before the apposition's first comma.
  if (keys[end - 1] === ',') {
    for (let i = end - 2; i >= Math.max(0, cue - SUBJECT_REACH * 2) && frame.sentenceOf[i] === sentence; i--) {
      if (keys[i] !== ',') continue;
      const before = participants.find((p) => p.end === i && inSentence(p));
      if (before) return before;
      break;
    }
  }
  // A name after a preposition ("an attack on a U.S. convoy ... claimed") is no subject, but "guerrillas of the
  // Tupac Amaru Revolutionary Movement" is that movement.
  return ofNamed(
    keys,
    participants,
    participants.filter((p) => inSentence(p) && p.end <= end && end - p.end <= SUBJECT_REACH && !isPrepositionObject(keys, p.start)).at(-1),
  );
}

/** The named group a description stands for ("guerrillas of the X", "members of X"), or the description itself. */
function ofNamed(keys: readonly string[], participants: readonly Participant[], p: Participant | undefined): Participant | undefined {
  if (!p || p.actor.id !== undefined || keys[p.end] !== 'of') return p;
  const at = keys[p.end + 1] === 'the' ? p.end + 2 : p.end + 1;
  return participants.find((x) => x.start === at && x.actor.id !== undefined && !x.demonym) ?? p;
}

/** Whether a name is the object of a preposition: "on a U.S. convoy", "against the army", "of Hamas". */
function isPrepositionObject(keys: readonly string[], start: number): boolean {
  let i = start - 1;
  while (i >= 0 && PLACE_LEAD.has(keys[i] as string)) i--;
  return PREPOSITIONS.has(keys[i] as string);
}

/** The actor starting within `reach` tokens of `at` with only determiners before it ("blamed the Houthis"). */
function participantAt(frame: DocumentFrame, participants: readonly Participant[], at: number, reach: number): Participant | undefined {
  const keys = frame.view.keys;
  const p = participants.find((x) => x.start >= at && x.start - at < reach && !x.demonym);
  if (!p) return undefined;
  for (let i = at; i < p.start; i++) if (keys[i] !== 'the' && keys[i] !== 'a' && keys[i] !== 'an') return undefined;
  // "the Iran-backed group Hezbollah": a description, then the name it describes.
  const named = participants.find((x) => x.start === p.end && x.actor.id !== undefined && !x.demonym);
  return p.actor.id === undefined && named ? named : p;
}

// Words that make a noun refer back to an attack told before ("claimed the attack", "blamed X for Sunday's bombing").
const BACK_REFERENCES: ReadonlySet<string> = new Set(words("the that this these those its 's ’s"));
// How far after its cue a statement names what it is about, in tokens ("accused the Houthis of carrying out the attack").
const OBJECT_REACH = 9;

/**
 * Whether a draft only names again, as what a statement is about, an attack told before: "The group claimed the
 * attack", "Israel accused the Houthis of carrying out the attack". Such a draft tells no happening of its own.
 * One that counts casualties ("claimed the bombing that killed 12") is kept.
 */
export function isRestatement(
  frame: DocumentFrame,
  draft: { readonly triggers: ReadonlyArray<{ readonly start: number; readonly sentence: number }>; readonly figures: readonly unknown[] },
  statements: readonly ResponsibilityStatement[],
): boolean {
  if (draft.figures.length > 0) return false;
  const keys = frame.view.keys;
  return draft.triggers.every(
    (t) =>
      statements.some((s) => s.sentence === t.sentence && s.cue < t.start && t.start - s.cue <= OBJECT_REACH) &&
      [1, 2, 3].some((back) => BACK_REFERENCES.has(keys[t.start - back] as string)),
  );
}

/** An event being built, as attachment sees it: its type, sentences, triggers and roles. */
export interface AttachableDraft {
  readonly type: string;
  readonly sentences: ReadonlySet<number>;
  readonly triggers: ReadonlyArray<{ readonly start: number; readonly sentence: number }>;
  readonly modality: string;
  readonly aggregate: unknown;
}

// How many sentences back a statement may refer to its attack ("the attack" in a sentence four paragraphs on).
const REFER_BACK_SENTENCES = 8;

/**
 * The attack each statement is about: one told in the statement's own sentence (the nearest trigger), else the
 * latest told before it, within a few sentences; a headline's claim may come before the body tells it, so else the
 * first told within two sentences after. Statements about no attack are left out. Returns the draft index per
 * statement (or -1).
 */
export function attachResponsibility(statements: readonly ResponsibilityStatement[], drafts: readonly AttachableDraft[]): number[] {
  const attacks = drafts
    .map((d, index) => ({ d, index }))
    .filter(({ d }) => d.type === 'ASSAULT' && d.modality !== 'hypothetical' && d.modality !== 'future');
  return statements.map((s) => {
    const here = attacks.filter(({ d }) => d.sentences.has(s.sentence));
    if (here.length > 0) {
      // The attack the statement names after its cue ("accused Israel of launching an air strike") before one
      // told around it ("Iran launched drones after it accused ...").
      const distance = ({ d }: { d: AttachableDraft }) =>
        Math.min(
          ...d.triggers
            .filter((t) => t.sentence === s.sentence)
            .map((t) => (t.start > s.cue && t.start - s.cue <= OBJECT_REACH ? 0 : Math.abs(t.start - s.cue) + OBJECT_REACH)),
        );
      return here.reduce((a, b) => (distance(b) < distance(a) ? b : a)).index;
    }
    const last = (d: AttachableDraft) => Math.max(...[...d.sentences].filter((x) => x < s.sentence), -1);
    const before = attacks.filter(({ d }) => last(d) >= 0 && s.sentence - last(d) <= REFER_BACK_SENTENCES);
    if (before.length > 0) return before.reduce((a, b) => (last(b.d) > last(a.d) ? b : a)).index;
    const after = attacks.find(({ d }) => Math.min(...d.sentences) > s.sentence && Math.min(...d.sentences) - s.sentence <= 2);
    return after ? after.index : -1;
  });
}

/** A statement as the event keeps it: its actor, who says so, its sentence and its rule. */
export function toResponsibility(frame: DocumentFrame, statement: ResponsibilityStatement): Responsibility {
  const span = frame.sentences[statement.sentence]?.span ?? { start: 0, end: 0 };
  return { actor: statement.actor, by: statement.by, span, text: frame.text.slice(span.start, span.end), rule: statement.rule };
}
