/**
 * The dashboard live, in a real headless Chromium: a watch's drop folder gets a new report while the page is open;
 * the watch stores and analyses it and evaluates the alert rules as `sitrep watch` does; the alert streams into the
 * alerts panel and the new incident into the incidents view, with no reload. And the picture as of a day: a shared
 * address with `asOf` restores the date control and lists the incidents known by then, every view keeps the day, and
 * going back to the present lists them all again. Screenshots under `test-output/dashboard-live/`.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';
import { alertEngine } from '../src/alerts/alert-engine.ts';
import { SAMPLES_DIR } from '../src/cli/main.ts';
import { ingest } from '../src/ingest/ingest.ts';
import { analyse } from '../src/pipeline/analyse.ts';
import { type RunningServer, startServer } from '../src/server/start-server.ts';
import type { Store } from '../src/store/store.ts';
import { loadLexicons } from '../src/understand/understand.ts';
import { parseSources } from '../src/watch/sources-file.ts';
import { watchSources } from '../src/watch/watch-sources.ts';
import { CHROMIUM, CHROMIUM_ARGS, NO_CHROMIUM, recordProblems } from './chromium-fixture.ts';
import { PROJECT_DIR, scratchStore, writeFiles } from './fixtures.ts';

const SHOTS = join(PROJECT_DIR, 'test-output/dashboard-live');
/** A day inside the samples' period: some of their incidents are known by then, not all. */
const PAST_DAY = '2024-01-20';

interface Listed {
  readonly items: ReadonlyArray<{ readonly id: string }>;
}

describe('the dashboard, live and as of a day, in headless Chromium', { skip: NO_CHROMIUM }, () => {
  let server: RunningServer;
  let store: Store;
  let browser: Browser;
  let page: Page;
  let dir: string;
  const problems: string[] = [];

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ({ store, dir } = await scratchStore());
    mkdirSync(join(dir, 'inbox'));
    await ingest(store, [SAMPLES_DIR]);
    await analyse(store, { workers: 0 });
    server = await startServer(store, { port: 0, host: '127.0.0.1', writeToken: null, alerts: { pollMs: 100 } });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await context.route('**/*', (route) =>
      route.request().url().startsWith(server.url) || route.request().url().startsWith('data:') ? route.continue() : route.abort(),
    );
    page = await context.newPage();
    recordProblems(page, problems);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  async function open(route: string): Promise<void> {
    await page.goto(`${server.url}/${route}`);
    await page.waitForSelector('main[data-ready="true"]', { timeout: 30_000 });
  }
  const api = async <T>(path: string): Promise<T> => (await (await fetch(`${server.url}${path}`)).json()) as T;
  /** axe-core's serious and critical violations on the page as it is. */
  async function axeViolations(): Promise<string[]> {
    await page.evaluate(readFileSync(join(PROJECT_DIR, 'node_modules/axe-core/axe.min.js'), 'utf8'));
    return page.evaluate(async () => {
      type Result = { violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> };
      const axe = (window as unknown as { axe: { run: (context: Document) => Promise<Result> } }).axe;
      const { violations } = await axe.run(document);
      return violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.impact} ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
  }
  const shownIncidents = () => page.locator('ol.incidents li').evaluateAll((items) => items.map((li) => li.getAttribute('data-id')));

  it('shows a new alert and the new incident as soon as the watch raises it, without a reload', { timeout: 90_000 }, async () => {
    const config = parseSources(
      `sources:\n  - {id: inbox, kind: folder, path: inbox, interval: 1s}\nalerts:\n  rules:\n    - {id: any-incident, on: new-incident}\n`,
      join(dir, 'sources.yaml'),
    );
    await open('#/incidents');
    const panel = page.locator('#alerts');
    assert.equal(await panel.locator('ol.alerts').getAttribute('aria-live'), 'polite', 'new alerts are announced');
    await page.waitForFunction(() => /No alerts yet/.test(document.querySelector('#alerts .alerts-state')?.textContent ?? ''));
    const before = await shownIncidents();
    assert.ok(before.length > 0);
    // Set on this very page: a reload would lose it.
    await page.evaluate(() => ((window as unknown as { sameLoad: boolean }).sameLoad = true));

    writeFiles(dir, {
      'inbox/tikrit-police-post.txt':
        'Title: Police post attacked in Tikrit\nSource: Tigris Herald\nDate: 2024-03-05\n\nGunmen attacked a police post in Tikrit on Tuesday, killing three officers, police said.\n',
    });
    // A drop folder reads files once they have settled; this one was written long enough ago.
    const settled = new Date(Date.now() - 10_000);
    utimesSync(join(dir, 'inbox/tikrit-police-post.txt'), settled, settled);
    const engine = alertEngine(store, config, { out: () => {}, err: (text) => problems.push(text) });
    let raised: string[] = [];
    const summary = await watchSources(store, config, {
      lexicons: loadLexicons(),
      maxPolls: 1,
      onAnalysed: async () => {
        raised = [...raised, ...(await engine.evaluate())];
      },
    });
    assert.equal(summary.stored, 1, 'the watch stored the dropped report');
    assert.equal(raised.length, 1, `one alert raised: ${raised.join(', ')}`);
    const incidentId = (raised[0] ?? '').split(':').at(-1) ?? '';
    const started = Date.now();

    const alert = panel.locator(`ol.alerts li[data-kind="new-incident"][data-subject="${incidentId}"]`);
    await alert.waitFor({ timeout: 10_000 });
    const streamedMs = Date.now() - started;
    assert.match((await alert.locator('.alert-kind').textContent()) ?? '', /^New incident$/);
    assert.match(
      (await alert.locator('.alert-summary').textContent()) ?? '',
      /^New ASSAULT incident at Tikrit, IQ on 2024-03-0\d: 3 killed/,
    );
    assert.equal(await alert.locator('.alert-evidence a').textContent(), 'Tigris Herald', 'the report it comes from is linked');
    assert.match((await panel.locator('.alerts-state').textContent()) ?? '', /^Live:/);

    await page.waitForFunction((id) => !!document.querySelector(`ol.incidents li[data-id="${id}"]`), incidentId, { timeout: 10_000 });
    const after = await shownIncidents();
    assert.equal(after.length, Math.min(50, before.length + 1), 'the list grew by the new incident');
    assert.equal(after[0], incidentId, 'the latest incident is listed first');
    assert.equal(await page.evaluate(() => (window as unknown as { sameLoad?: boolean }).sameLoad), true, 'the page was not reloaded');
    await page.screenshot({ path: join(SHOTS, 'live-alert.png'), fullPage: false });
    assert.deepEqual(await axeViolations(), [], 'the alerts panel passes axe-core');

    await alert.locator('a.alert-subject').click();
    await page.waitForSelector('ol.tellings li', { timeout: 20_000 });
    assert.equal(await page.evaluate(() => location.hash), `#/incidents/${incidentId}`, 'the alert opens its incident');
    assert.match((await page.locator('ol.tellings').textContent()) ?? '', /killing three officers/);
    await page.screenshot({ path: join(SHOTS, 'alert-incident.png'), fullPage: false });
    assert.ok(streamedMs < 5000, `streamed within 5 s of being raised: ${streamedMs} ms`);
    assert.deepEqual(problems, []);
  });

  it(
    'restores the picture as of a day from a shared address, keeps it from view to view, and goes back to the present',
    { timeout: 120_000 },
    async () => {
      const present = await api<Listed>('/api/incidents?limit=50');
      const past = await api<Listed>(`/api/incidents?limit=50&asOf=${PAST_DAY}`);
      assert.ok(
        past.items.length > 0 && past.items.length < present.items.length,
        `${past.items.length} incidents known by ${PAST_DAY}, ${present.items.length} now`,
      );

      await open(`#/incidents?asOf=${PAST_DAY}&country=IQ`);
      assert.equal(await page.inputValue('#filter-asOf'), PAST_DAY, 'the date control holds the shared day');
      assert.equal(await page.inputValue('#filter-country'), 'IQ');
      const pastIraq = await api<Listed>(`/api/incidents?limit=50&asOf=${PAST_DAY}&country=IQ`);
      assert.deepEqual(
        await shownIncidents(),
        pastIraq.items.map((i) => i.id),
        'the view lists the incidents known by then',
      );
      assert.match(
        (await page.locator('#store-state .as-of-shown').textContent()) ?? '',
        new RegExp(`^As of ${PAST_DAY}: only reports published`),
      );
      await page.screenshot({ path: join(SHOTS, 'as-of.png'), fullPage: false });
      assert.deepEqual(await axeViolations(), [], 'the date control passes axe-core');
      const download = await page.locator('a.download.incidents-csv').getAttribute('href');
      assert.match(download ?? '', new RegExp(`asOf=${PAST_DAY}`), 'downloads hold the same past picture');

      await page.click('#nav a:has-text("Overview")');
      await page.waitForSelector('main[data-ready="true"]');
      await page.screenshot({ path: join(SHOTS, 'as-of-overview.png'), fullPage: true });
      await page.click('#nav a:has-text("Documents")');
      await page.waitForSelector('main[data-ready="true"]');
      assert.match(await page.evaluate(() => location.hash), new RegExp(`^#/documents\\?asOf=${PAST_DAY}$`), 'the day goes with the user');
      const pastDocuments = await api<Listed>(`/api/documents?limit=50&asOf=${PAST_DAY}`);
      assert.equal(await page.locator('main ul.documents li').count(), pastDocuments.items.length, 'the documents known by then');

      await page.click('#store-state .as-of-clear');
      await page.waitForFunction(() => !location.hash.includes('asOf'));
      await page.waitForSelector('main[data-ready="true"]');
      assert.equal(await page.locator('#store-state .as-of-shown').count(), 0);

      // Counted by the day reports were stored, not published: this store was filled today, so by then it held nothing.
      await open(`#/incidents?asOf=${PAST_DAY}&asOfBy=ingested`);
      assert.equal(await page.inputValue('#filter-asOfBy'), 'ingested');
      assert.match((await page.locator('#store-state .as-of-shown').textContent()) ?? '', /only reports stored by the end/);
      assert.equal((await api<Listed>(`/api/incidents?asOf=${PAST_DAY}&asOfBy=ingested`)).items.length, 0);
      assert.equal(await page.locator('main').getByText('No incidents match.').count(), 1);

      await open('#/incidents');
      assert.deepEqual(
        await shownIncidents(),
        present.items.map((i) => i.id),
      );
      await page.fill('#filter-asOf', PAST_DAY);
      await page.click('.filter-actions button[type=submit]');
      await page.waitForFunction((day) => location.hash.includes(`asOf=${day}`), PAST_DAY);
      await page.waitForSelector('main[data-ready="true"]');
      assert.deepEqual(
        await shownIncidents(),
        past.items.map((i) => i.id),
        'the control sets the day for the view',
      );
      await page.click('.as-of-now');
      await page.waitForFunction(() => !location.hash.includes('asOf'));
      await page.waitForSelector('main[data-ready="true"]');
      assert.deepEqual(
        await shownIncidents(),
        present.items.map((i) => i.id),
        'Now clears the day',
      );
      assert.deepEqual(problems, []);
    },
  );
});
