/**
 * The hostile corpus in the dashboard, in a real headless Chromium: every stored report of it is opened, and none of
 * the markup, handlers or `javascript:` addresses it carries runs or becomes an element.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';
import { ingest } from '../../src/ingest/ingest.ts';
import { analyse } from '../../src/pipeline/analyse.ts';
import { type RunningServer, startServer } from '../../src/server/start-server.ts';
import type { Store } from '../../src/store/store.ts';
import { CHROMIUM, CHROMIUM_ARGS as ARGS, NO_CHROMIUM } from '../chromium-fixture.ts';
import { scratchStore } from '../fixtures.ts';
import { writeHostileCorpus } from './hostile-corpus.ts';

const skip = NO_CHROMIUM;

describe('the hostile corpus in the dashboard', { skip }, () => {
  let store: Store;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  let ids: string[] = [];

  before(async () => {
    let dir: string;
    ({ store, dir } = await scratchStore());
    writeHostileCorpus(join(dir, 'corpus'));
    await ingest(store, [join(dir, 'corpus')]);
    await analyse(store, { workers: 0 });
    ids = (await store.documents.list({ limit: 500 })).map((d) => d.id);
    server = await startServer(store, { port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 60_000 });
    const context = await browser.newContext();
    await context.route('**/*', (route) =>
      route.request().url().startsWith(server.url) || route.request().url().startsWith('data:') ? route.continue() : route.abort(),
    );
    page = await context.newPage();
    page.on('dialog', (dialog) => {
      problems.push(`a dialog opened: ${dialog.message()}`);
      void dialog.dismiss();
    });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  it('opens the list and every stored report, and nothing of them runs', { timeout: 300_000 }, async () => {
    assert.ok(ids.length >= 25, `${ids.length} reports stored`);
    for (const route of ['', '#/documents', ...ids.map((id) => `#/documents/${id}`)]) {
      await page.goto(`${server.url}/${route}`);
      await page.waitForSelector('main[data-ready="true"]', { timeout: 20_000 });
      const pwned = await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null);
      assert.equal(pwned, null, `${route}: injected script ran`);
      assert.equal(
        await page.locator('main script, main img, main svg[onload], main iframe').count(),
        0,
        `${route}: report markup became elements`,
      );
      const links = await page.locator('main a[href^="javascript:" i]').count();
      assert.equal(links, 0, `${route}: a javascript: address became a link`);
    }
    assert.deepEqual(problems, []);
  });
});
