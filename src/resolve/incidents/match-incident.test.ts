import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Event } from '../../model/event.ts';
import { sampleEvent } from '../../store/events-repository.case.ts';
import { fuseIncident } from './fuse-incident.ts';
import { matchIncident } from './match-incident.ts';

// Names every report of one ministry's briefings gives: the minister's and the ministry's.
const NAMES = ['amal haddad', 'rafik hariri', 'civil defense'];

function account(id: string, doc: string, day: string, killed: number): Event {
  return sampleEvent(id, doc, {
    date: { start: day, end: day, precision: 'day', rule: 'date-in-sentence/date/explicit' },
    killed: { low: killed, high: killed },
    names: NAMES,
  });
}

describe('matchIncident: reports that share names', () => {
  const incident = fuseIncident('i', [
    { event: account('e1', 'a', '2024-09-17', 12), published: '2024-09-17', source: 'a', syndicationGroup: 'a' },
  ]);
  it('stretch the days for one toll told again', () => {
    assert.notEqual(matchIncident(account('e2', 'b', '2024-09-21', 14), incident), null);
  });
  it('but not for a toll of another size six days on: the same officials telling of another happening', () => {
    assert.equal(matchIncident(account('e3', 'c', '2024-09-23', 500), incident), null);
  });
  it('and a toll of another size within the usual days may still be one happening, counted anew', () => {
    assert.notEqual(matchIncident(account('e4', 'd', '2024-09-18', 30), incident), null);
  });
});
