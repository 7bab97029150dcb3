/** @module How the text frames a trigger: asserted, denied, reported but unconfirmed, hypothetical or future. */
import type { EventModality } from '../../model/event.ts';
import { words } from '../../understand/sentences/words.ts';
import type { DocumentFrame } from './document-frame.ts';
import type { Trigger } from './find-triggers.ts';

/** A modality and the cue that set it (null for a plain assertion). */
export interface ModalityReading {
  readonly modality: EventModality;
  readonly cue: string | null;
}

const DENIAL: ReadonlySet<string> = new Set(
  words("denied denies deny denying no not n't never neither nor without false fabricated refuted dismissed"),
);
const UNCONFIRMED: ReadonlySet<string> = new Set(
  words(
    'reportedly allegedly alleged apparent apparently unconfirmed unverified purported purportedly rumoured rumored rumors rumours reports claims suspected possible',
  ),
);
const HYPOTHETICAL: ReadonlySet<string> = new Set(
  words(
    'if could might may unless potential risk risks threat fear fears feared prevent preventing avoid deter deterring whether would should',
  ),
);
const FUTURE: ReadonlySet<string> = new Set(
  words("will 'll shall tomorrow upcoming planned plans plan intends intend vowed vows pledged going"),
);
// "threatened to expel", "vowed to retaliate": what is meant to happen, not what happened.
const INTENT: ReadonlySet<string> = new Set(
  words('going continue threatened threatens threaten vowed vows pledged promised plans planned intends intend wants wanted seeks sought'),
);
// "no casualties were reported from the raid" denies the casualties, not the strikes: such words end the denial's reach.
const CASUALTY_WORDS: ReadonlySet<string> = new Set(words('casualties casualty injuries deaths'));
// How far back a cue reaches, in tokens, within the trigger's clause.
const REACH = 8;

/**
 * Reads the cues before the trigger in its clause (the nearest wins), then the attributions whose scope covers it,
 * then the date: an event dated after the report was published is in the future. `responsibilityDenied` is set when
 * the denial is of who did it, not of what happened ("rejected claims that U.S. jets carried out the raid").
 */
export function detectModality(
  frame: DocumentFrame,
  trigger: Trigger,
  options: { readonly responsibilityDenied: boolean; readonly dateStart: string | null },
): ModalityReading {
  const keys = frame.view.keys;
  let reading: ModalityReading | null = null;
  for (let i = trigger.start - 1; i >= Math.max(0, trigger.start - REACH); i--) {
    if (frame.clauseOf[i] !== trigger.clause) break;
    const key = keys[i] as string;
    if (DENIAL.has(key)) {
      if (options.responsibilityDenied || key === 'no' || key === 'not' || key === "n't" || key === 'without') {
        // "no one was hurt in the attack" is not a denial of the attack; "not responsible for" is handled as roles.
        if (options.responsibilityDenied || keys[i + 1] === 'one' || isCasualtyNegation(keys, i, trigger.start)) continue;
      }
      reading = { modality: 'denied', cue: key };
      break;
    }
    if (HYPOTHETICAL.has(key) && !(key === 'may' && frame.view.tokens[i + 1]?.kind === 'number')) {
      // "would continue to", "will": a plan, not a supposition.
      if (key === 'would' && (keys[i + 1] === 'continue' || keys[i + 1] === 'be')) reading = { modality: 'future', cue: key };
      else reading = { modality: 'hypothetical', cue: key };
      break;
    }
    if (FUTURE.has(key) || (key === 'to' && INTENT.has(keys[i - 1] ?? ''))) {
      if (key === 'going' && keys[i + 1] !== 'to') continue;
      reading = { modality: 'future', cue: key };
      break;
    }
    if (UNCONFIRMED.has(key)) {
      reading = { modality: 'reported-unconfirmed', cue: key };
      break;
    }
  }
  if (reading) return reading;
  if (reportedThat(frame, trigger)) return { modality: 'reported-unconfirmed', cue: 'reports that' };
  const at = frame.view.tokens[trigger.start]?.start ?? 0;
  for (const attribution of frame.attributions) {
    const { scope, stance } = attribution.mention.value;
    if (at >= scope.start && at < scope.end && stance !== 'asserted') return { modality: stance, cue: attribution.mention.value.cue };
  }
  if (options.dateStart && frame.published && options.dateStart > frame.published.end) return { modality: 'future', cue: 'date' };
  return { modality: 'asserted', cue: null };
}

const REPORT_NOUNS: ReadonlySet<string> = new Set(words('reports claims allegations rumors rumours accounts'));

/** "checking claims by residents that a U.S. outpost was shelled": a report, not yet a fact. */
function reportedThat(frame: DocumentFrame, trigger: Trigger): boolean {
  const keys = frame.view.keys;
  let sawThat = false;
  for (let i = trigger.start - 1; i >= Math.max(0, trigger.start - 25); i--) {
    if (frame.sentenceOf[i] !== trigger.sentence) return false;
    if (keys[i] === 'that') sawThat = true;
    else if (sawThat && REPORT_NOUNS.has(keys[i] as string)) return true;
  }
  return false;
}

/** Whether a negation at `i` bears on casualty words before the trigger ("no casualties from the strike"). */
function isCasualtyNegation(keys: readonly string[], i: number, end: number): boolean {
  for (let k = i + 1; k < end; k++) if (CASUALTY_WORDS.has(keys[k] as string)) return true;
  return false;
}
