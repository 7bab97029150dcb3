import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadLexicons, understand } from '../../understand/understand.ts';
import { type DateAttachment, dateAttachment } from './date-attachment.ts';
import { createDocumentFrame } from './document-frame.ts';

const lexicons = loadLexicons();
const published = { start: '2024-03-12', end: '2024-03-12' };

/** What the first date mention of a sentence we write is said of. */
function attachmentOf(text: string): { date: string; attachment: DateAttachment } {
  const frame = createDocumentFrame({ documentId: 'doc', text, published }, understand({ text, published }, lexicons));
  const date = frame.dates[0];
  assert.ok(date, `no date in: ${text}`);
  return { date: date.mention.text, attachment: dateAttachment(frame, date) };
}

describe('what a date is said of', () => {
  const cases: Array<[string, string, DateAttachment]> = [
    ['A teen was shot Friday night near the park.', 'Friday', 'happening'],
    ['The shooting happened about 9 p.m. Saturday at a gas station.', 'Saturday', 'happening'],
    ["Neighbours heard Saturday's shooting from their porch.", 'Saturday', 'happening'],
    ["Detectives described Friday's officer-involved shooting to reporters.", 'Friday', 'happening'],
    ['Their bodies were found Sunday by a relative.', 'Sunday', 'happening'],
    ['A man was arrested Monday in the killing of his cousin.', 'Monday', 'follow-up'],
    ['The gunman fled before officers arrived, police said Monday.', 'Monday', 'follow-up'],
    ['On Monday, the county prosecutor confirmed the boy had died.', 'Monday', 'follow-up'],
    ['Detectives on Monday identified the woman as a nurse.', 'Monday', 'follow-up'],
    ["He is due back for Monday's hearing at the county courthouse.", 'Monday', 'follow-up'],
    ['The girl remained in critical condition Monday at the children’s hospital.', 'Monday', 'follow-up'],
    ['Storm damage closed roads Posted: Monday, March 11, 2024 6:10 PM', 'Monday, March 11, 2024', 'follow-up'],
  ];
  for (const [text, date, attachment] of cases) {
    it(`${attachment}: ${text}`, () => assert.deepEqual(attachmentOf(text), { date, attachment }));
  }

  // Negative: a date with no telling word near it, and a statement that comes after the date's own clause.
  const negatives: Array<[string, string, DateAttachment]> = [
    ['Around noon Monday, a crowd gathered outside the old mill.', 'Monday', null],
    ['A woman was wounded in her car on Friday, and detectives said they had few leads.', 'Friday', 'happening'],
  ];
  for (const [text, date, attachment] of negatives) {
    it(`not a follow-up: ${text}`, () => assert.deepEqual(attachmentOf(text), { date, attachment }));
  }
});
