/**
 * @module Scores events against the MUC-3/4 terrorism reports (`muc.dev.jsonl`, in capitals): per report that tells an
 * incident, the salient event's type, the perpetrator organisations among all events' initiators, the victims and
 * physical targets among their targets, and the main event's country, killed and date. Figures as
 * `../shared/eval/scorers/score_events.py muc` defines them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoredEvent } from '../../src/store/store.ts';
import { normSub, ratio, salientEvents, roundFigure } from '../salient-events.ts';
import type { Score, Scorer } from '../scorer.ts';

interface MucIncident {
  readonly type: readonly string[];
  readonly stage: readonly string[];
  readonly date_start: string | null;
  readonly date_end: string | null;
}

interface MucReport {
  readonly doc_id: string;
  readonly text: string;
  readonly dct?: string | null;
  readonly gold: {
    readonly relevant: boolean;
    readonly incidents: readonly MucIncident[];
    readonly countries: readonly string[];
    readonly perp_orgs: ReadonlyArray<readonly string[]>;
    readonly hum_targets: ReadonlyArray<readonly string[]>;
    readonly phys_targets: ReadonlyArray<readonly string[]>;
    readonly killed: ReadonlyArray<{ readonly low: number; readonly exact?: boolean } | null>;
  };
}

/** What a sitrep event must be for each MUC incident type. */
const MUC_MAP: Readonly<
  Record<
    string,
    {
      plover: readonly string[];
      sub?: readonly string[];
      modes?: readonly string[];
      notSub?: readonly string[];
      alsoSub?: readonly string[];
    }
  >
> = {
  ATTACK: { plover: ['ASSAULT'], notSub: ['Abduction/forced disappearance'] },
  BOMBING: { plover: ['ASSAULT'], sub: ['Remote explosive/landmine/IED', 'Suicide bomb', 'Grenade'], modes: ['explosives', 'suicide'] },
  KIDNAPPING: { plover: ['ASSAULT'], sub: ['Abduction/forced disappearance'], modes: ['abduction'] },
  ARSON: { plover: ['ASSAULT'], notSub: ['Abduction/forced disappearance'], alsoSub: ['Looting/property destruction'] },
  ROBBERY: { plover: ['ASSAULT', 'COERCE'], alsoSub: ['Looting/property destruction'] },
  'FORCED WORK STOPPAGE': { plover: ['COERCE', 'THREATEN', 'PROTEST'] },
};

const has = (list: readonly string[] | undefined, sub: string) => (list ?? []).some((s) => normSub(s) === sub);

function typeFits(e: StoredEvent | undefined, type: string, stages: readonly string[]): boolean {
  const m = MUC_MAP[type];
  if (!m || !e) return false;
  const sub = normSub(e.subEventType);
  if (has(m.alsoSub, sub)) return true;
  if (stages.length > 0 && stages.every((s) => s === 'THREATENED') && e.type === 'THREATEN') return true;
  if (!m.plover.includes(e.type)) return false;
  if (has(m.notSub, sub)) return false;
  if (m.sub) return has(m.sub, sub) || e.modes.some((mode) => (m.modes ?? []).includes(mode));
  return true;
}

const reportTypeFits = (e: StoredEvent | undefined, gold: MucReport['gold']) =>
  gold.incidents.some((inc) => inc.type.some((t) => typeFits(e, t, inc.stage)));

const STOP = new Set(['the', 'of', 'a', 'an', 'and', 'de', 'del', 'la', 'el', 'los', 'las', 'in', 'for', 'to']);
const words = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter(Boolean);

/** Gold and predicted names match: the same words, one inside the other, an acronym of the other, or half the content words. */
export function namesOverlap(goldName: string, predicted: string): boolean {
  const a = words(goldName);
  const b = words(predicted);
  if (a.length === 0 || b.length === 0) return false;
  const sa = ` ${a.join(' ')} `;
  const sb = ` ${b.join(' ')} `;
  if (sa === sb || sa.includes(sb) || sb.includes(sa)) return true;
  const ca = a.filter((w) => !STOP.has(w));
  const cb = b.filter((w) => !STOP.has(w));
  const initials = (ws: readonly string[]) => ws.map((w) => w[0]).join('');
  if (b.length === 1 && ca.length > 1 && b[0] === initials(ca)) return true;
  if (a.length === 1 && cb.length > 1 && a[0] === initials(cb)) return true;
  if (ca.length > 0 && cb.length > 0) {
    const setA = new Set(ca);
    const setB = new Set(cb);
    const inter = [...setA].filter((w) => setB.has(w)).length;
    if (inter > 0 && inter / new Set([...ca, ...cb]).size >= 0.5) return true;
  }
  return false;
}

function actorStrings(events: readonly StoredEvent[], role: 'initiator' | 'target'): string[] {
  return events.flatMap((e) => e[role].flatMap((a) => [a.name, (a.id ?? '').replace(/-/g, ' ')])).filter(Boolean);
}

const dayOf = (s: string | null | undefined): number | null => {
  if (!s || !/^\d{4}-\d{2}-\d{2}/.test(s)) return null;
  const t = Date.parse(s.slice(0, 10));
  return Number.isNaN(t) ? null : t / 86_400_000;
};

const muc: Scorer = {
  name: 'muc',
  description: 'events against the MUC-3/4 terrorism reports in capitals (muc.dev.jsonl): type, perpetrators, targets, country, killed',
  async run({ sharedDir, workDir, limit }) {
    const gold = readFileSync(join(sharedDir, 'eval', 'muc.dev.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as MucReport)
      .slice(0, limit);
    const events = await salientEvents(
      workDir,
      'muc',
      gold.map((g) => ({ id: g.doc_id, text: g.text, ...(g.dct ? { published: g.dct } : {}) })),
    );
    const c: Record<string, number> = {};
    const add = (key: string, n: number | boolean = 1) => (c[key] = (c[key] ?? 0) + Number(n));
    const misses: string[] = [];
    for (const g of gold) {
      const gd = g.gold;
      const list = events.get(g.doc_id) ?? [];
      const top = list[0];
      add('docs');
      add('withEvent', list.length > 0);
      if (!gd.relevant) {
        add('irrelevant');
        add(
          'irrelevantWithAssault',
          list.some((e) => e.type === 'ASSAULT'),
        );
        continue;
      }
      add('relevant');
      const ok = reportTypeFits(top, gd);
      add('typeOk', ok);
      if (!ok)
        misses.push(
          `${g.doc_id}: ${gd.incidents.map((i) => i.type.join('/')).join(', ')} got ${top ? `${top.type} ${top.subEventType}` : 'none'}`,
        );
      add(
        'typeAny',
        list.some((e) => reportTypeFits(e, gd)),
      );
      const main = list.find((e) => reportTypeFits(e, gd)) ?? top;
      const initiators = actorStrings(list, 'initiator');
      const targets = actorStrings(list, 'target');
      for (const [key, preds, name] of [
        ['perp_orgs', initiators, 'perp'],
        ['hum_targets', targets, 'hum'],
        ['phys_targets', targets, 'phys'],
      ] as const)
        for (const entity of gd[key]) {
          add(`${name}Gold`);
          add(
            `${name}Hit`,
            entity.some((alt) => preds.some((p) => namesOverlap(alt, p))),
          );
        }
      if (gd.countries.length > 0) {
        add('countryGold');
        add('countryOk', !!main?.place?.country && gd.countries.includes(main.place.country));
      }
      const exact = new Set(gd.killed.filter((k) => k?.exact).map((k) => k?.low));
      if (exact.size > 0) {
        add('killedGold');
        const k = main?.killed;
        add('killedOk', !!k && k.low === k.high && exact.has(k.low));
      }
      const days = gd.incidents
        .filter((i) => i.date_start && i.date_start === i.date_end && i.date_start.length === 10)
        .map((i) => dayOf(i.date_start))
        .filter((d): d is number => d !== null);
      if (days.length > 0) {
        add('dateGold');
        const d = dayOf(main?.date?.start);
        add('dateOk', d !== null && days.some((x) => Math.abs(d - x) <= 1));
      }
    }
    const r = (a: string, b: string) => ratio(c[a] ?? 0, c[b] ?? 0);
    const detail = (a: string, b: string) => `${c[a] ?? 0}/${c[b] ?? 0}`;
    const scores: Score[] = [
      {
        metric: 'incident type',
        value: roundFigure(r('typeOk', 'relevant')),
        target: { value: 0.8, higherIsBetter: true },
        detail: detail('typeOk', 'relevant'),
      },
      { metric: 'incident type, any event', value: roundFigure(r('typeAny', 'relevant')), detail: detail('typeAny', 'relevant') },
      {
        metric: 'perpetrator organisations',
        value: roundFigure(r('perpHit', 'perpGold')),
        target: { value: 0.6, higherIsBetter: true },
        detail: detail('perpHit', 'perpGold'),
      },
      {
        metric: 'victims and targets',
        value: roundFigure(ratio((c.humHit ?? 0) + (c.physHit ?? 0), (c.humGold ?? 0) + (c.physGold ?? 0))),
        target: { value: 0.5, higherIsBetter: true },
        detail: `victims ${detail('humHit', 'humGold')}, physical ${detail('physHit', 'physGold')}`,
      },
      {
        metric: 'country',
        value: roundFigure(r('countryOk', 'countryGold')),
        target: { value: 0.85, higherIsBetter: true },
        detail: detail('countryOk', 'countryGold'),
      },
      {
        metric: 'killed exact',
        value: roundFigure(r('killedOk', 'killedGold')),
        target: { value: 0.6, higherIsBetter: true },
        detail: detail('killedOk', 'killedGold'),
      },
      { metric: 'date within one day', value: roundFigure(r('dateOk', 'dateGold')), detail: detail('dateOk', 'dateGold') },
      {
        metric: 'an assault in reports with no incident',
        value: roundFigure(r('irrelevantWithAssault', 'irrelevant')),
        detail: detail('irrelevantWithAssault', 'irrelevant'),
      },
      { metric: 'reports with an event', value: roundFigure(r('withEvent', 'docs')), detail: detail('withEvent', 'docs') },
    ];
    return { scores, notes: [`type misses: ${misses.slice(0, 25).join('; ')}`] };
  },
};

export default muc;
