/**
 * @module Scores event types against the CASE 2021 task 2 snippets (`case2021.dev.jsonl`): the most salient event of
 * each snippet, its ACLED sub-event type mapped to the task's class, as accuracy and macro-F1 over the gold classes.
 * Figures as `../shared/eval/scorers/score_events.py case2021` defines them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoredEvent } from '../../src/store/store.ts';
import { f1, normSub, ratio, salientEvents, roundFigure } from '../salient-events.ts';
import type { Score, Scorer } from '../scorer.ts';

interface CaseSnippet {
  readonly doc_id: string;
  readonly text: string;
  readonly gold: { readonly class: string };
}

/**
 * Each class: the sub-event type(s) an event must carry, the PLOVER types of the happening (`NONVIOLENT`: neither
 * ASSAULT nor PROTEST, with the catch-all "Other"), and whether no event at all counts as right (classes outside
 * ACLED's political violence).
 */
const CASE_MAP: Readonly<Record<string, readonly [readonly string[], readonly string[], boolean]>> = {
  ABDUCT_DISSAP: [['Abduction/forced disappearance'], ['ASSAULT'], false],
  AGREEMENT: [['Agreement'], ['AGREE'], false],
  AIR_STRIKE: [['Air/drone strike'], ['ASSAULT'], false],
  ARMED_CLASH: [['Armed clash'], ['ASSAULT'], false],
  ARREST: [['Arrests'], ['COERCE'], false],
  ART_MISS_ATTACK: [['Shelling/artillery/missile attack'], ['ASSAULT'], false],
  ATTACK: [['Attack'], ['ASSAULT'], false],
  CHANGE_TO_GROUP_ACT: [['Change to group/activity'], ['MOBILIZE', 'AGREE', 'SUPPORT', 'REJECT', 'RETREAT'], false],
  CHEM_WEAP: [['Chemical weapon'], ['ASSAULT'], false],
  DISR_WEAP: [['Disrupted weapons use'], ['COERCE', 'ASSAULT'], false],
  FORCE_AGAINST_PROTEST: [['Excessive force against protesters'], ['ASSAULT', 'COERCE'], false],
  GOV_REGAINS_TERIT: [['Government regains territory'], ['ASSAULT', 'COERCE'], false],
  GRENADE: [['Grenade'], ['ASSAULT'], false],
  HQ_ESTABLISHED: [['Headquarters or base established'], ['MOBILIZE'], false],
  MOB_VIOL: [['Mob violence'], ['ASSAULT', 'PROTEST'], false],
  NON_STATE_ACTOR_OVERTAKES_TER: [['Non-state actor overtakes territory'], ['ASSAULT', 'COERCE'], false],
  NON_VIOL_TERRIT_TRANSFER: [['Non-violent transfer of territory'], ['RETREAT'], false],
  OTHER: [['Other'], ['NONVIOLENT'], false],
  PEACE_PROTEST: [['Peaceful protest'], ['PROTEST'], false],
  PROPERTY_DISTRUCT: [['Looting/property destruction'], ['ASSAULT', 'COERCE'], false],
  PROTEST_WITH_INTER: [['Protest with intervention'], ['PROTEST', 'COERCE'], false],
  REM_EXPLOS: [['Remote explosive/landmine/IED'], ['ASSAULT'], false],
  SEX_VIOL: [['Sexual violence'], ['ASSAULT'], false],
  SUIC_BOMB: [['Suicide bomb'], ['ASSAULT'], false],
  VIOL_DEMONSTR: [['Violent demonstration'], ['PROTEST', 'ASSAULT'], false],
  ORG_CRIME: [[], ['NONVIOLENT'], true],
  NATURAL_DISASTER: [[], ['NONVIOLENT'], true],
  MAN_MADE_DISASTER: [[], ['NONVIOLENT'], true],
  DIPLO: [[], ['NONVIOLENT'], true],
  ATTRIB: [[], ['NONVIOLENT'], true],
};
const ORDER = Object.keys(CASE_MAP);
const VIOLENT = new Set(['ASSAULT', 'PROTEST']);

const isNonViolent = (e: StoredEvent) => !VIOLENT.has(e.type) && ['', 'other'].includes(normSub(e.subEventType));

/** The gold classes an event (or none) is compatible with, in table order. */
function candidates(e: StoredEvent | undefined): string[] {
  if (!e) return ORDER.filter((c) => CASE_MAP[c]?.[2]);
  const sub = normSub(e.subEventType);
  const found = ORDER.filter((c) => (CASE_MAP[c]?.[0] ?? []).some((s) => normSub(s) === sub));
  if (isNonViolent(e)) for (const c of ORDER) if (CASE_MAP[c]?.[1].includes('NONVIOLENT') && !found.includes(c)) found.push(c);
  return found;
}

/** Macro-F1 over the gold labels (predictions outside them cost recall only), and the per-label counts. */
function macroF1(pairs: ReadonlyArray<readonly [string, string]>): { value: number; per: Map<string, [number, number, number]> } {
  const labels = [...new Set(pairs.map(([g]) => g))].sort();
  const per = new Map<string, [number, number, number]>();
  let sum = 0;
  for (const l of labels) {
    const tp = pairs.filter(([g, p]) => g === l && p === l).length;
    const fp = pairs.filter(([g, p]) => g !== l && p === l).length;
    const fn = pairs.filter(([g, p]) => g === l && p !== l).length;
    per.set(l, [tp, fp, fn]);
    sum += f1(tp, fp, fn);
  }
  return { value: labels.length ? sum / labels.length : 0, per };
}

const case2021: Scorer = {
  name: 'case2021',
  description: 'event types against the CASE 2021 task 2 snippets (case2021.dev.jsonl): ACLED class of the salient event',
  async run({ sharedDir, workDir, limit }) {
    const gold = readFileSync(join(sharedDir, 'eval', 'case2021.dev.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as CaseSnippet)
      .slice(0, limit);
    const events = await salientEvents(
      workDir,
      'case2021',
      gold.map((g) => ({ id: g.doc_id, text: g.text })),
    );
    const pairs: Array<[string, string]> = [];
    const seen: Array<[string, string]> = [];
    let covered = 0;
    for (const g of gold) {
      const cls = g.gold.class;
      const top = events.get(g.doc_id)?.[0];
      const cands = candidates(top);
      const pred = cands.includes(cls)
        ? cls
        : top && cands.length > 0
          ? (cands[0] as string)
          : top
            ? `unmapped:${top.subEventType || top.type}`
            : 'none';
      pairs.push([cls, pred]);
      if ((CASE_MAP[cls]?.[0].length ?? 0) > 0) seen.push([cls, pred]);
      if (top) covered++;
    }
    const acc = ratio(pairs.filter(([g, p]) => g === p).length, pairs.length);
    const macro = macroF1(pairs);
    const seenMacro = macroF1(seen);
    const scores: Score[] = [
      { metric: 'accuracy', value: roundFigure(acc), target: { value: 0.75, higherIsBetter: true }, detail: `n ${pairs.length}` },
      {
        metric: 'macro-F1',
        value: roundFigure(macro.value),
        target: { value: 0.65, higherIsBetter: true },
        detail: `${macro.per.size} classes`,
      },
      {
        metric: 'accuracy, ACLED classes',
        value: roundFigure(ratio(seen.filter(([g, p]) => g === p).length, seen.length)),
        detail: `macro-F1 ${seenMacro.value.toFixed(3)}, n ${seen.length}`,
      },
      { metric: 'snippets with an event', value: roundFigure(ratio(covered, pairs.length)), detail: `${covered}/${pairs.length}` },
    ];
    const wrong = new Map<string, Map<string, number>>();
    for (const [g, p] of pairs) if (g !== p) wrong.set(g, new Map([...(wrong.get(g) ?? []), [p, (wrong.get(g)?.get(p) ?? 0) + 1]]));
    const notes = [...macro.per].map(([l, [tp, fp, fn]]) => {
      const top = [...(wrong.get(l) ?? [])].sort((a, b) => b[1] - a[1]).slice(0, 2);
      return `${l}: n ${tp + fn} tp ${tp} fp ${fp} F1 ${f1(tp, fp, fn).toFixed(2)}${top.length ? `; wrong as ${top.map(([k, v]) => `${k} ${v}`).join(', ')}` : ''}`;
    });
    return { scores, notes };
  },
};

export default case2021;
