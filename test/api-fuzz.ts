/**
 * @module A fuzzer for the API: every endpoint the OpenAPI document lists, asked with values of the wrong type,
 * huge and negative numbers, unknown ids, traversal strings, long Unicode, malformed percent-escapes and dates at
 * and past the edges of the calendar, against a real `sitrep serve` process on 127.0.0.1 over a real SQLite store
 * holding our own reports. Seeded, so a run can be repeated request for request. Each answer must come in time,
 * be no 5xx, carry the security headers, and show no stack trace and no path of this machine; the server must
 * still be running at the end. `npm test` runs a slice; `npm run fuzz` runs the full count.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { SAMPLES_DIR } from '../src/cli/main.ts';
import { ingest } from '../src/ingest/ingest.ts';
import { analyse } from '../src/pipeline/analyse.ts';
import { PROJECT_DIR, scratchStore, writeFiles } from './fixtures.ts';
import { HOSTILE_REPORT } from './hostile-report.ts';

const BIN = join(PROJECT_DIR, 'bin/sitrep.js');
/** Unanswered requests after which the server is taken for dead and the run ends. */
const MAX_UNANSWERED = 20;

/** What to run. */
export interface FuzzOptions {
  /** Requests to send, spread over every endpoint. */
  readonly requests: number;
  /** The PRNG's seed; the same seed sends the same requests. */
  readonly seed: number;
  /** Stop sending after this long, in milliseconds, even if fewer requests were sent. */
  readonly budgetMs: number;
  /** Longest wait for one answer, in milliseconds; a longer one is a failure. */
  readonly answerTimeoutMs?: number;
  /** Requests in flight at once. */
  readonly concurrency?: number;
  /** Called with progress lines; default: silent. */
  readonly log?: (line: string) => void;
}

/** One request that broke a promise. */
export interface FuzzFailure {
  readonly method: string;
  readonly path: string;
  readonly status: number | null;
  readonly problem: string;
}

/** What a run found. */
export interface FuzzReport {
  readonly seed: number;
  readonly sent: number;
  /** Requests per endpoint (its OpenAPI path), plus `other` for paths outside the API. */
  readonly perEndpoint: Readonly<Record<string, number>>;
  /** Answers per status code. */
  readonly statuses: Readonly<Record<string, number>>;
  readonly serverErrors: number;
  /** Answers that did not come within the answer timeout, or connections refused or reset. */
  readonly noAnswer: number;
  /** Times the server process exited during the run. */
  readonly crashes: number;
  /** Answers showing a stack trace or a path of this machine, or lacking the security headers. */
  readonly leaks: number;
  readonly failures: readonly FuzzFailure[];
  /** Lines the server logged about unexpected failures. */
  readonly serverLog: string;
  readonly elapsedMs: number;
}

/** Mulberry32: a small, fast, seeded PRNG; plenty for choosing test inputs. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Values of every wrong kind, sent raw (percent-encoded) in place of any parameter. */
const HOSTILE: readonly string[] = [
  '',
  ' ',
  '-1',
  '-0',
  '0',
  '1.5',
  '1e3',
  '1e309',
  '-9007199254740993',
  '9007199254740993',
  '99999999999999999999999999',
  '0x1F',
  'NaN',
  'Infinity',
  'true',
  'null',
  'undefined',
  '[]',
  '{}',
  '{"$gt":""}',
  "' OR 1=1 --",
  '"; DROP TABLE documents; --',
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '....//....//etc/hosts',
  '%2e%2e%2f%2e%2e%2f',
  '\u0000',
  'a\u0000b',
  '\r\nSet-Cookie: x=1',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '\u202Eevil\u202C',
  '\uFEFF',
  '\uD800',
  'Ω≈ç√∫˜µ≤≥÷',
  '田中さんにあげて下さい',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  'ﷺ'.repeat(100),
  '𝕏'.repeat(3000),
  'é'.repeat(10_000),
  'x'.repeat(1001),
  '*',
  '"',
  'NEAR(a b)',
  'a AND OR NOT b',
  '^drone',
  'drone*',
  'ZZ',
  'iq',
  'I Q',
];

/** Days at and past the edges: real ones, impossible ones, and ones in other shapes. */
const DAYS: readonly string[] = [
  '0001-01-01',
  '9999-12-31',
  '2024-02-29',
  '2023-10-30',
  '1970-01-01',
  '0000-01-01',
  '0000-00-00',
  '2023-99-99',
  '2023-02-29',
  '2023-13-01',
  '2023-04-31',
  '10000-01-01',
  '+010000-01-01',
  '-000001-01-01',
  '99999-99-99',
  '2023-1-1',
  '2023-10-30T00:00:00Z',
  '30/10/2023',
  'yesterday',
  '2023-10-30 ',
];

/** Path segments that must never reach a file or leak one. */
const IDS: readonly string[] = [
  'no-such-record',
  '..',
  '.',
  '%2e%2e',
  '..%2f..%2f..%2fetc%2fpasswd',
  '..%252f..%252fetc%252fpasswd',
  '%00',
  '%E0%A4%A',
  '%',
  '%zz',
  '%C0%AE%C0%AE',
  '-1',
  '0',
  '99999999999999999999',
  encode('𝕏'.repeat(400)),
  'd'.repeat(1000),
  'd'.repeat(1001),
  'd'.repeat(5000),
  encode("' OR 1=1 --"),
  encode('<img src=x onerror=alert(1)>'),
];

/** Raw query-string pieces a careful client would never send. */
const RAW_QUERIES: readonly string[] = ['%', '%zz', '%E0%A4%A', '=x', '&&&', '=', 'a=1&a=2', '%00=1', 'limit', 'limit=%FF%FE', '?'];

interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query';
  readonly schema: {
    type?: string;
    enum?: string[];
    minimum?: number;
    maximum?: number;
    format?: string;
    pattern?: string;
    maxLength?: number;
  };
}

/** Starts `sitrep serve` on a free loopback port and resolves with its address. */
function serve(dbPath: string): Promise<{ child: ChildProcess; url: string; log: () => string }> {
  const child = spawn(process.execPath, [BIN, '--db', dbPath, 'serve', '--port', '0'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, SITREP_API_TOKEN: '' },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sitrep serve printed no address in 60 s: ${stderr}`)), 60_000);
    child.stderr?.on('data', () => {
      const match = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(stderr);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1], log: () => stderr });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sitrep serve exited with ${code} before listening: ${stderr}`));
    });
  });
}

/** Builds a store of our own reports (the bundled samples, a hostile one, and reports dated at the calendar's edges). */
async function buildStore(): Promise<{ dbPath: string; dir: string }> {
  const { store, path, dir } = await scratchStore();
  const story =
    'Two rockets struck near a logistics hub in western Iraq late on Tuesday, the regional command said, and ' +
    'air defences intercepted a third rocket. Nobody was hurt, a spokesman told reporters at a briefing.';
  writeFiles(dir, {
    'own/harbour-alert.txt': HOSTILE_REPORT,
    'own/edges.jsonl': [
      JSON.stringify({ id: 'last-day', published: '9999-12-31', text: `${story} The command gave no more details.` }),
      JSON.stringify({
        id: 'first-day',
        published: '0001-01-01',
        text: `Militia fighters fired a drone at a garrison in eastern Syria. ${story}`,
      }),
    ].join('\n'),
  });
  const summary = await ingest(store, [SAMPLES_DIR, join(dir, 'own')]);
  if (summary.counts.failed > 0)
    throw new Error(`the fuzz store's reports failed to ingest: ${JSON.stringify(summary.items.filter((i) => i.outcome === 'failed'))}`);
  await analyse(store, { workers: 0 });
  await store.close();
  return { dbPath: path, dir };
}

/** Runs the fuzzer: builds a store, starts a server, sends the requests and checks every answer. */
export async function fuzzApi(options: FuzzOptions): Promise<FuzzReport> {
  const log = options.log ?? (() => {});
  const answerTimeoutMs = options.answerTimeoutMs ?? 15_000;
  const { dbPath, dir } = await buildStore();
  const server = await serve(dbPath);
  let crashes = 0;
  server.child.once('exit', () => crashes++);
  const started = performance.now();
  try {
    const openapi = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
      paths: Record<string, { get: { parameters: Parameter[]; responses: Record<string, { content?: Record<string, unknown> }> } }>;
    };
    // A stream of server-sent events never ends, so it is never an answer to wait for; `asOf` and `asOfBy` are
    // references to shared parameters (no `in`), left out: each day asked builds a store of its own.
    const endpoints = Object.entries(openapi.paths)
      .filter(([, item]) => !item.get.responses['200']?.content?.['text/event-stream'])
      .map(([path, item]) => ({ path, parameters: item.get.parameters }));
    const ids = await knownIds(server.url);
    const random = prng(options.seed);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

    const forbidden = [dir, PROJECT_DIR, homedir(), dbPath].filter((p) => p.length > 1);
    const stackTrace = /\bat [\w$.<>]+ \(|node:internal|\.[cm]?[jt]s:\d+:\d+|\bError: [^"]*\n\s+at /;

    const perEndpoint: Record<string, number> = {};
    const statuses: Record<string, number> = {};
    const failures: FuzzFailure[] = [];
    let serverErrors = 0;
    let noAnswer = 0;
    let leaks = 0;
    let sent = 0;

    const value = (parameter: Parameter): string => {
      const roll = random();
      if (roll < 0.35) return encode(pick(HOSTILE));
      if (roll < 0.5) return encode(pick(DAYS));
      const s = parameter.schema;
      if (s.enum) return encode(random() < 0.8 ? pick(s.enum) : pick(s.enum).toLowerCase());
      if (s.type === 'integer') {
        const min = s.minimum ?? 0;
        const max = s.maximum ?? 1000;
        return String(pick([min, max, min - 1, max + 1, Math.floor(min + random() * (max - min + 1)), -(2 ** 53), 2 ** 53, 2 ** 31]));
      }
      if (s.format === 'date') return encode(pick(DAYS));
      if (s.pattern) return pick(['IQ', 'sy', 'US', 'ZZ', 'I', 'IRQ', '12']);
      return encode(
        pick(['drone', 'Erbil', 'attack*', 'Levant Monitor', 'rockets drone', 'x'.repeat((s.maxLength ?? 100) + 1), pick(HOSTILE)]),
      );
    };

    const buildRequest = (): { method: string; path: string; endpoint: string } => {
      const chosen = pick(endpoints);
      let path = chosen.path.replace(/\{(\w+)\}/g, (_w, name: string) => {
        const known = ids[name === 'id' ? (chosen.path.split('/')[2] ?? '') : ''] ?? [];
        return random() < 0.3 && known.length > 0 ? encode(pick(known)) : pick(IDS);
      });
      const pairs: string[] = [];
      for (const parameter of chosen.parameters.filter((p) => p.in === 'query')) {
        if (random() < 0.55) pairs.push(`${parameter.name}=${value(parameter)}`);
        if (random() < 0.03) pairs.push(`${parameter.name}=${value(parameter)}`);
      }
      if (random() < 0.08)
        pairs.push(`${pick(['sort', 'LIMIT', 'id', '__proto__', 'constructor', 'q[]', 'x'.repeat(300)])}=${encode(pick(HOSTILE))}`);
      if (random() < 0.08) pairs.push(pick(RAW_QUERIES));
      if (pairs.length > 0) path += `?${pairs.join('&')}`;
      const method = random() < 0.06 ? pick(['POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']) : 'GET';
      return { method, path, endpoint: chosen.path };
    };

    const sendOne = async (): Promise<void> => {
      const { method, path, endpoint } = buildRequest();
      perEndpoint[endpoint] = (perEndpoint[endpoint] ?? 0) + 1;
      sent++;
      const fail = (status: number | null, problem: string) => {
        if (failures.length < 50) failures.push({ method, path: path.slice(0, 200), status, problem });
      };
      let response: Response;
      try {
        response = await fetch(`${server.url}${path}`, {
          method,
          signal: AbortSignal.timeout(answerTimeoutMs),
          ...(method === 'GET' || method === 'HEAD' || method === 'OPTIONS' ? {} : { body: pick(HOSTILE) }),
        });
      } catch (error) {
        noAnswer++;
        fail(null, `no answer: ${(error as Error).message}`);
        return;
      }
      const text = await response.text();
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      if (response.status >= 500) {
        serverErrors++;
        fail(response.status, text.slice(0, 300));
      }
      // Node's HTTP parser answers 431, with no body, to headers past 64 KiB before the app sees them.
      const fromParser = response.status === 431 && text === '';
      const leaked = forbidden.find((p) => text.includes(p));
      const problems = [
        leaked ? `shows the path ${leaked}` : null,
        stackTrace.test(text) ? 'shows a stack trace' : null,
        !fromParser && response.headers.get('x-content-type-options') !== 'nosniff' ? 'lacks X-Content-Type-Options' : null,
        !fromParser && !/frame-ancestors 'none'/.test(response.headers.get('content-security-policy') ?? '')
          ? 'lacks frame-ancestors'
          : null,
        method !== 'HEAD' && text !== '' && (response.headers.get('content-type') ?? '').includes('json') && !isJson(text)
          ? 'sends JSON that does not parse'
          : null,
      ].filter((p) => p !== null);
      if (problems.length > 0) {
        leaks++;
        fail(response.status, problems.join('; '));
      }
    };

    const concurrency = options.concurrency ?? 4;
    const worker = async () => {
      // A server that died or stopped answering ends the run: every later request would only time out.
      while (sent < options.requests && performance.now() - started < options.budgetMs && crashes === 0 && noAnswer < MAX_UNANSWERED)
        await sendOne();
    };
    const progress = setInterval(() => log(`fuzz: ${sent} requests sent, ${serverErrors} 5xx, ${noAnswer} unanswered`), 10_000);
    try {
      await Promise.all(Array.from({ length: concurrency }, worker));
    } finally {
      clearInterval(progress);
    }
    // The server must still answer after everything it was sent.
    try {
      const status = await fetch(`${server.url}/api/status`, { signal: AbortSignal.timeout(answerTimeoutMs) });
      if (status.status !== 200) fail2(failures, 'GET', '/api/status', status.status, 'the server no longer answers its status');
    } catch (error) {
      noAnswer++;
      fail2(failures, 'GET', '/api/status', null, `the server no longer answers: ${(error as Error).message}`);
    }
    return {
      seed: options.seed,
      sent,
      perEndpoint,
      statuses,
      serverErrors,
      noAnswer,
      crashes,
      leaks,
      failures,
      serverLog: server
        .log()
        .split('\n')
        .filter((line) => /failed/.test(line))
        .slice(0, 20)
        .join('\n'),
      elapsedMs: Math.round(performance.now() - started),
    };
  } finally {
    const exited = new Promise<void>((resolve) =>
      server.child.exitCode !== null ? resolve() : server.child.once('exit', () => resolve()),
    );
    server.child.kill('SIGTERM');
    // A server whose event loop is stuck never runs its SIGTERM handler.
    const stuck = setTimeout(() => server.child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(stuck);
  }
}

function fail2(failures: FuzzFailure[], method: string, path: string, status: number | null, problem: string): void {
  failures.push({ method, path, status, problem });
}

/** Percent-encodes a value; a lone surrogate, which has no UTF-8, is sent as the bytes a careless client would send. */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return value.replace(/[\uD800-\uDFFF]/g, '%ED%A0%80').replace(/[^%\w.~-]/g, (c) => encodeURIComponent(c));
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Ids of real records, so that some requests reach a record's own answer: documents, facts and incidents. */
async function knownIds(url: string): Promise<Record<string, string[]>> {
  const items = async (path: string) => ((await (await fetch(`${url}${path}`)).json()) as { items: Array<Record<string, string>> }).items;
  const documents = await items('/api/documents?limit=50');
  return {
    documents: documents.flatMap((d) => [d.id as string, d.externalId as string]),
    facts: (await items('/api/facts?limit=20')).map((f) => f.id as string),
    incidents: (await items('/api/incidents?limit=20')).map((i) => i.id as string),
  };
}
