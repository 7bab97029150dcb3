/** @module `GET /api/facts/{id}/history`: when each outlet said a fact's figure, how it changed, and the earlier counts it updates. */
import type { Hono } from 'hono';
import { factHistory } from '../report/fact-history.ts';
import type { AsOfStores } from './as-of-stores.ts';
import { HttpError } from './http-error.ts';

/** Adds the history route; `asOf` applies as on every endpoint. */
export function registerFactHistoryRoute(app: Hono, stores: AsOfStores): void {
  app.get('/api/facts/:id/history', async (c) => {
    const store = await stores.storeFor(new URL(c.req.url).searchParams);
    const id = c.req.param('id');
    const history = await factHistory(store, id);
    if (!history) throw new HttpError(404, `no fact with id "${id.slice(0, 64)}"`);
    return c.json(history, 200, { 'Cache-Control': 'no-store' });
  });
}
