/** A report in capitals reads as the same report in mixed case: the same events, places and figures. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseDocument } from '../src/pipeline/analyse-document.ts';
import { loadLexicons } from '../src/understand/understand.ts';

const lexicons = loadLexicons();
const published = { start: '1990-03-14', end: '1990-03-14' };

// Reports of our own, in the manner of wire copy.
const reports: string[] = [
  'SAN SALVADOR, 14 MAR 90 -- Guerrillas of the FMLN attacked an army post in San Miguel on Tuesday, killing three soldiers and wounding five. ' +
    'The army said the rebels withdrew toward the Honduran border after a two-hour clash.',
  'LIMA, 14 MAR 90 -- A car bomb exploded outside a police station in the Miraflores district of Lima on Monday night, ' +
    'injuring seven people. Police blamed the Shining Path for the bombing.',
  'BOGOTA, 14 MAR 90 -- Unidentified gunmen kidnapped a judge in Medellin on Wednesday. ' +
    'The judge was abducted as he left his home, the police said.',
];

/** What a reader compares: each event's type, sub-event type, place, date, casualties and span text. */
function reading(text: string) {
  const { events, mentions, claims } = analyseDocument({ id: 'doc', text, published }, lexicons);
  return {
    events: events.map((e) => ({
      type: e.type,
      sub: e.subEventType,
      place: e.place?.name ?? null,
      country: e.place?.country ?? null,
      date: e.date?.start ?? null,
      killed: e.killed,
      injured: e.injured,
      span: [e.span.start, e.span.end],
    })),
    places: mentions.filter((m) => m.kind === 'place').map((m) => [m.span.start, m.span.end, (m.value as { name: string }).name]),
    quantities: mentions.filter((m) => m.kind === 'quantity').map((m) => [m.span.start, m.span.end, JSON.stringify(m.value)]),
    claims: claims.map((c) => [c.category, c.value, c.span.start]),
  };
}

describe('capital-letter copy', () => {
  for (const text of reports) {
    const upper = text.toUpperCase();
    it(`reads ${text.slice(0, 30)}… in capitals as in mixed case`, () => {
      const mixed = reading(text);
      assert.ok(mixed.events.length > 0, 'the mixed-case report tells an event');
      assert.deepEqual(reading(upper), mixed);
    });
    it(`quotes the stored capitals in its records: ${text.slice(0, 30)}…`, () => {
      const { events, mentions } = analyseDocument({ id: 'doc', text: upper, published }, lexicons);
      for (const record of [...events, ...mentions]) assert.equal(record.text, upper.slice(record.span.start, record.span.end));
    });
  }
  it('leaves a mixed-case report as it is', () => {
    const text = reports[0] as string;
    const { events } = analyseDocument({ id: 'doc', text, published }, lexicons);
    for (const e of events) assert.equal(e.text, text.slice(e.span.start, e.span.end));
  });
});
