/**
 * Who claims, is blamed for and denies an attack, end to end: reports in our own words ingested into a real SQLite
 * store and analysed; the API on a real HTTP server (filters, one incident with its sentences, downloads in every
 * format), the situation report, and the dashboard's incident view in a real headless Chromium (skipped without it).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Browser, chromium } from 'playwright-core';
import { describeIncident } from '../src/cli/incident-commands.ts';
import { ingestReports } from '../src/ingest/ingest.ts';
import { analyse } from '../src/pipeline/analyse.ts';
import { situationReport } from '../src/report/situation-report.ts';
import { type RunningServer, startServer } from '../src/server/start-server.ts';
import type { Store } from '../src/store/store.ts';
import { CHROMIUM, CHROMIUM_ARGS, NO_CHROMIUM, recordProblems } from './chromium-fixture.ts';
import { scratchStore, textReport } from './fixtures.ts';

const CLAIM = 'The Islamic Resistance in Iraq claimed the attack in a statement on Telegram.';
const BLAME = "The Pentagon blamed Kata'ib Hezbollah for the strike.";
const DENIAL = 'Hezbollah denied involvement.';
const REPORTS = [
  textReport(
    'north-wire-erbil',
    'North Wire',
    '2024-03-11',
    `A drone attack struck the airbase near Erbil on Sunday, wounding three soldiers. ${CLAIM}`,
  ),
  textReport(
    'river-post-erbil',
    'River Post',
    '2024-03-11',
    `A drone attack hit the airbase near Erbil on Sunday and wounded three soldiers. ${BLAME} ${DENIAL}`,
  ),
  // An attack no one claims, and speech that is no claim.
  textReport(
    'gulf-wire-mosul',
    'Gulf Wire',
    '2024-03-11',
    'A roadside bomb exploded near Mosul on Saturday, killing two soldiers. Hamas claimed that the blockade must end. No group has claimed responsibility for the bombing.',
  ),
];

describe('responsibility from reports to the API, the report and the dashboard', () => {
  let store: Store;
  let server: RunningServer;
  const get = async (path: string) => (await fetch(`${server.url}${path}`)).json();

  before(async () => {
    ({ store } = await scratchStore());
    await ingestReports(store, REPORTS);
    await analyse(store, { workers: 0 });
    server = await startServer(store, { port: 0 });
  });

  after(async () => {
    await server?.close();
    await store?.close();
  });

  it('keeps each statement on its attack with its sentence and rule, and the claimant as initiator', async () => {
    const events = (await get('/api/events?type=ASSAULT&limit=100')).items;
    const erbil = events.filter((e: { text: string }) => e.text.includes('Erbil'));
    assert.equal(erbil.length, 2, JSON.stringify(events.map((e: { text: string }) => e.text)));
    const [claimed, blamed] = ['north-wire-erbil', 'river-post-erbil'].map((id) =>
      erbil.find((e: { externalId: string }) => e.externalId === id),
    );
    assert.deepEqual(
      claimed.claimedBy.map((r: { actor: { name: string }; text: string; rule: string }) => [r.actor.name, r.text, r.rule]),
      [['Islamic Resistance in Iraq', CLAIM, 'responsibility/claimed-attack']],
    );
    assert.deepEqual(
      claimed.initiator.map((a: { name: string }) => a.name),
      ['Islamic Resistance in Iraq'],
    );
    assert.match(claimed.rule, /\+initiator-from-claim/);
    assert.deepEqual(
      blamed.blamedOn.map((r: { actor: { name: string }; by: { name: string } }) => [r.actor.name, r.by.name]),
      [["Kata'ib Hezbollah", 'Department of Defense']],
    );
    assert.deepEqual(blamed.initiator, [], 'a blamed actor is no initiator');
    assert.deepEqual(
      blamed.deniedBy.map((r: { actor: { name: string }; text: string }) => [r.actor.name, r.text]),
      [['Hezbollah', DENIAL]],
    );
    const mosul = events.find((e: { text: string }) => e.text.includes('Mosul'));
    assert.deepEqual([mosul.claimedBy, mosul.blamedOn, mosul.deniedBy], [[], [], []], 'speech and "no group has claimed" are no claims');
  });

  it('finds events and incidents by claimant, blamed actor and denier, and fuses them over the incident', async () => {
    const claimed = (await get('/api/events?claimedBy=islamic%20resistance%20in%20iraq')).items;
    assert.deepEqual(
      claimed.map((e: { externalId: string }) => e.externalId),
      ['north-wire-erbil'],
    );
    assert.deepEqual((await get('/api/events?deniedBy=Hamas')).items, []);
    const incidents = (await get(`/api/incidents?blamedOn=${encodeURIComponent("Kata'ib Hezbollah")}`)).items;
    assert.equal(incidents.length, 1);
    const [incident] = incidents;
    assert.deepEqual(
      [incident.claimedBy, incident.blamedOn, incident.deniedBy].map((list) => list.map((r: { actor: { name: string } }) => r.actor.name)),
      [['Islamic Resistance in Iraq'], ["Kata'ib Hezbollah"], ['Hezbollah']],
    );
    assert.equal(incident.blamedOn[0].by.name, 'Department of Defense');
    const detail = await get(`/api/incidents/${incident.id}`);
    const eventIds = new Set(detail.events.map((e: { id: string }) => e.id));
    for (const list of [incident.claimedBy, incident.blamedOn, incident.deniedBy])
      for (const r of list)
        assert.ok(
          r.events.every((id: string) => eventIds.has(id)),
          'each names events of the incident',
        );
    assert.equal((await get('/api/incidents?claimedBy=hezbollah')).items.length, 0, 'a denier is not a claimant');
  });

  it('downloads them in every format, with the filters of the list', async () => {
    const file = async (format: string) => (await fetch(`${server.url}/api/export/incidents?format=${format}&deniedBy=hezbollah`)).text();
    const jsonl = (await file('jsonl'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.equal(jsonl.length, 1);
    assert.equal(jsonl[0].claimedBy[0].actor.name, 'Islamic Resistance in Iraq');
    const csv = await file('csv');
    assert.match(csv.split('\n')[0] ?? '', /,claimedBy,blamedOn,deniedBy,/);
    assert.match(csv, /Islamic Resistance in Iraq/);
    const geojson = JSON.parse(await file('geojson'));
    assert.equal(geojson.features[0].properties.blamedOn[0].actor.name, "Kata'ib Hezbollah");
    const acled = (await file('acled')).trim().split('\n');
    assert.match(acled[0] ?? '', /sitrep_claimed_by,sitrep_blamed_on,sitrep_denied_by$/);
    assert.match(acled[1] ?? '', /Islamic Resistance in Iraq,Kata'ib Hezbollah \(by Department of Defense\),Hezbollah$/);
  });

  it('names them in the situation report and quotes the sentences', async () => {
    const md = await situationReport(store, {}, 'md');
    assert.match(md, /claimed by Islamic Resistance in Iraq; blamed on Kata'ib Hezbollah by Department of Defense; denied by Hezbollah/);
    assert.ok(md.includes(`  - claim (Islamic Resistance in Iraq): “${CLAIM}” (north-wire-erbil)`), md);
    assert.ok(md.includes(`  - denial (Hezbollah): “${DENIAL}” (river-post-erbil)`));
  });

  it('names them in `sitrep incident`, each sentence under the report that says it', async () => {
    const [incident] = await store.events.incidents({ claimedBy: 'Islamic Resistance in Iraq' });
    assert.ok(incident);
    assert.equal((await store.events.incidents({ claimedBy: 'hamas' })).length, 0);
    const detail = await store.events.incident(incident.id);
    assert.ok(detail);
    const text = describeIncident(detail);
    assert.match(
      text,
      /\n {2}claimed: {2}Islamic Resistance in Iraq\n {2}blamed: {3}Kata'ib Hezbollah \(by Department of Defense\)\n {2}denied: {3}Hezbollah\n/,
    );
    assert.ok(text.includes(`   claimed: Islamic Resistance in Iraq: "${CLAIM}"  [responsibility/claimed-attack]`), text);
  });

  describe('the dashboard', { skip: NO_CHROMIUM }, () => {
    let browser: Browser;
    before(async () => {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
    });
    after(async () => {
      await browser?.close();
    });

    it("shows who claims, blames and denies an incident, each a click from its report's sentence", { timeout: 60_000 }, async () => {
      const incident = (await get('/api/incidents?claimedBy=islamic%20resistance%20in%20iraq')).items[0];
      const page = await browser.newPage();
      const problems: string[] = [];
      recordProblems(page, problems);
      await page.goto(`${server.url}/#/incidents/${incident.id}`);
      await page.waitForSelector('main[data-ready="true"]', { timeout: 20_000 });
      assert.equal(await page.locator('dd[data-responsibility="claimedBy"]').textContent(), 'Islamic Resistance in Iraq');
      assert.equal(await page.locator('dd[data-responsibility="blamedOn"]').textContent(), "Kata'ib Hezbollah (by Department of Defense)");
      assert.equal(await page.locator('dd[data-responsibility="deniedBy"]').textContent(), 'Hezbollah');
      const items = page.locator('ol.responsibility li');
      assert.deepEqual(await items.evaluateAll((li) => li.map((x) => x.getAttribute('data-kind')).sort()), ['blame', 'claim', 'denial']);
      const claim = page.locator('ol.responsibility li[data-kind="claim"]');
      assert.equal(await claim.locator('blockquote').textContent(), CLAIM);
      await claim.locator('a').click();
      await page.waitForSelector('.evidence', { timeout: 20_000 });
      assert.equal((await page.locator('.evidence').allTextContents()).join(''), CLAIM, 'the claim, highlighted in its report');
      assert.deepEqual(problems, []);
      await page.close();
    });
  });
});
