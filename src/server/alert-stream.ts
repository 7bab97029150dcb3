/**
 * @module Alerts over HTTP: `GET /api/alerts` lists them, `GET /api/alerts/stream` sends each as a server-sent event
 * as `sitrep watch` raises it (the stream reads the store, so it works beside a watch in another process). An
 * event's id is the alert's sequence number: a client that reconnects with `Last-Event-ID` misses nothing.
 */
import type { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Store } from '../store/store.ts';
import { HttpError } from './http-error.ts';

export interface AlertStreamOptions {
  /** How often the stream looks for new alerts, in milliseconds (default 1000). */
  readonly pollMs?: number;
  /** A comment line is sent this often so proxies keep the connection (default 15000). */
  readonly heartbeatMs?: number;
}

/** Adds the alert routes to the app (before its catch-all for unknown API paths). */
export function registerAlertRoutes(app: Hono, store: Store, options: AlertStreamOptions = {}): void {
  const pollMs = options.pollMs ?? 1000;
  const heartbeatMs = options.heartbeatMs ?? 15_000;

  app.get('/api/alerts', async (c) => {
    const after = sequence(c.req.query('after') ?? '0', 'after');
    const limit = sequence(c.req.query('limit') ?? '100', 'limit');
    if (limit < 1 || limit > 1000) throw new HttpError(400, 'limit must be from 1 to 1000');
    const alerts = await store.watch.alerts(after, limit);
    return c.json({ alerts: alerts.map((a) => ({ seq: a.seq, ...(a.payload as object) })) }, 200, { 'Cache-Control': 'no-store' });
  });

  app.get('/api/alerts/stream', (c) => {
    let last = sequence(c.req.header('Last-Event-ID') ?? c.req.query('after') ?? '0', 'Last-Event-ID');
    c.header('Cache-Control', 'no-store');
    return streamSSE(c, async (stream) => {
      let quiet = 0;
      while (!stream.aborted && !stream.closed) {
        let alerts;
        try {
          alerts = await store.watch.alerts(last, 100);
        } catch {
          // The store is closing with the server: the stream ends and the client reconnects elsewhere.
          break;
        }
        for (const alert of alerts) {
          await stream.writeSSE({
            id: String(alert.seq),
            event: 'alert',
            data: JSON.stringify({ seq: alert.seq, ...(alert.payload as object) }),
          });
          last = alert.seq;
        }
        quiet = alerts.length > 0 ? 0 : quiet + pollMs;
        if (quiet >= heartbeatMs) {
          await stream.write(': still here\n\n');
          quiet = 0;
        }
        await stream.sleep(pollMs);
      }
    });
  });
}

function sequence(value: string, name: string): number {
  if (!/^\d{1,15}$/.test(value)) throw new HttpError(400, `${name} must be a whole number of 0 or more`);
  return Number(value);
}
