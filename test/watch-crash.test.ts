/**
 * Crash and restart: a real `sitrep watch` process is SIGKILLed at random moments while a feed and a listing page
 * grow, then restarted; at the end every item is stored exactly once and none is lost. The last run is stopped with
 * SIGTERM, which lets it finish and exit cleanly.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ANALYSIS_VERSION } from '../src/pipeline/analyse.ts';
import { openStore } from '../src/store/open-store.ts';
import { PROJECT_DIR, scratchDir } from './fixtures.ts';
import { articlePage, rssFeed, type SourceServer, startSourceServer } from './source-server.ts';

const KILLS = Number(process.env.SITREP_WATCH_KILLS ?? 5);
const TOWNS = ['Erbil', 'Kirkuk', 'Mosul', 'Ramadi', 'Fallujah', 'Tikrit', 'Samarra', 'Baqubah', 'Hit', 'Haditha', 'Qaim', 'Rutba'];

function feedItem(n: number) {
  const town = TOWNS[n % TOWNS.length];
  return {
    guid: `wire-${n}`,
    title: `Attack number ${n} near ${town}`,
    text: `Gunmen fired ${(n % 5) + 2} mortar rounds at a police post near ${town} on day ${n} of the month, wounding ${n % 4} officers, local officials said.`,
    date: new Date(Date.UTC(2023, 10, 1 + (n % 28), 8)).toISOString(),
  };
}

describe('sitrep watch killed and restarted', { timeout: 120_000 }, () => {
  let server: SourceServer;
  let items = 0;
  let grow: NodeJS.Timeout;
  const dir = scratchDir();
  const db = join(dir, 'watch.db');
  const sources = join(dir, 'sources.yaml');

  function publish() {
    const feed = Array.from({ length: items }, (_, i) => feedItem(i + 1)).reverse();
    server.routes.set('/wire.rss', { body: rssFeed('Desert Wire', feed) });
    const notices = Array.from({ length: Math.ceil(items / 2) }, (_, i) => i + 1);
    server.routes.set('/notices/', {
      body: `<html><body>${notices.map((k) => `<a href="/notices/${k}">Notice ${k}</a>`).join('')}</body></html>`,
      type: 'text/html',
    });
    for (const k of notices) {
      const town = TOWNS[k % TOWNS.length];
      server.routes.set(`/notices/${k}`, {
        body: articlePage(
          `Notice ${k}`,
          `The provincial council said in notice ${k} that a car bomb exploded at a market in ${town}, killing ${k + 1} people.\nThe council said repairs to the market would begin within the week and that the wounded were taken to the main hospital in ${town}.\nSecurity forces closed the roads around the market for several hours after the blast, the notice said.`,
          `2023-11-${String((k % 28) + 1).padStart(2, '0')}`,
        ),
        type: 'text/html',
      });
    }
  }

  before(async () => {
    server = await startSourceServer();
    publish();
    grow = setInterval(() => {
      if (items < 40) {
        items++;
        publish();
      }
    }, 120);
    writeFileSync(
      sources,
      `contact: test@example.org\nhostSpacing: 0s\nsources:\n  - {id: wire, kind: feed, url: "${server.origin}/wire.rss", interval: 200ms, allowPrivate: true}\n  - {id: council, kind: page, url: "${server.origin}/notices/", interval: 200ms, allowPrivate: true}\n`,
    );
  });
  after(async () => {
    clearInterval(grow);
    await server.close();
  });

  function startWatch(): { child: ChildProcess; stderr: () => string; exited: Promise<number | null> } {
    const child = spawn(process.execPath, [join(PROJECT_DIR, 'bin/sitrep.js'), '--db', db, 'watch', '--sources', sources], {
      env: { ...process.env, SITREP_DB: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return { child, stderr: () => stderr, exited };
  }

  it(`loses and duplicates nothing across ${KILLS} kills`, async () => {
    for (let kill = 0; kill < KILLS; kill++) {
      const run = startWatch();
      // Random moments: during start-up, during a poll, inside an ingest transaction, while analysing.
      await new Promise((resolve) => setTimeout(resolve, 500 + Math.random() * 4000));
      run.child.kill('SIGKILL');
      await run.exited;
    }
    while (items < 40) await new Promise((resolve) => setTimeout(resolve, 100));
    const last = startWatch();
    const expected = 40 + 20;
    const deadline = Date.now() + 60_000;
    for (;;) {
      const store = await openStore(db, { mode: 'read' }).catch(() => null);
      const count = store ? (await store.documents.list({ limit: 1000 })).length : 0;
      await store?.close();
      if (count >= expected || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    // SIGTERM only once the watch has started (its handler set, its first words written): a loaded machine may take a
    // while to boot it, and the items may all be in already.
    while (!/Watching \d+ source/.test(last.stderr()) && Date.now() < deadline + 30_000)
      await new Promise((resolve) => setTimeout(resolve, 100));
    last.child.kill('SIGTERM');
    assert.equal(await last.exited, 0, last.stderr());
    assert.match(last.stderr(), /SIGTERM: finishing the poll in hand/);
    assert.match(last.stderr(), /Stopped after \d+ polls/);

    const store = await openStore(db, { mode: 'read' });
    try {
      const documents = await store.documents.list({ limit: 1000 });
      const ids = documents.map((d) => d.externalId).sort();
      const wanted = [
        ...Array.from({ length: 40 }, (_, i) => `wire-${i + 1}`),
        ...Array.from({ length: 20 }, (_, k) => `${server.origin}/notices/${k + 1}`),
      ].sort();
      assert.deepEqual(ids, wanted, 'every item once: none lost, none twice');
      assert.equal((await store.watch.items()).length, 60);
      assert.equal((await store.documents.counts()).stored, 60);
      assert.equal(
        (await store.documents.pendingAnalysis(ANALYSIS_VERSION, 1000)).length,
        0,
        'a report stored before a kill is analysed after',
      );
      for (const path of wanted.filter((w) => w.startsWith('http')).map((w) => new URL(w).pathname))
        assert.ok(server.requests.filter((r) => r.path === path && r.status === 200).length <= 1 + KILLS, path);
    } finally {
      await store.close();
    }
  });
});
