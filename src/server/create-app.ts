/**
 * @module The HTTP application: the JSON API (routed from the endpoint declarations), its OpenAPI description,
 * and the dashboard's files. Every error leaves as JSON `{error: {status, message}}`; nothing internal leaks.
 */
import { Hono } from 'hono';
import { VERSION } from '../package-files.ts';
import type { Store } from '../store/store.ts';
import { type AlertStreamOptions, registerAlertRoutes } from './alert-stream.ts';
import { apiEndpoints } from './api-endpoints.ts';
import { AsOfStores } from './as-of-stores.ts';
import { registerFactHistoryRoute } from './fact-history-route.ts';
import { type DashboardAssets, loadDashboardAssets } from './dashboard-assets.ts';
import { type Endpoint, FileAnswer } from './endpoint.ts';
import { type ErrorBody, HttpError } from './http-error.ts';
import { openApiDocument } from './openapi.ts';
import { withPublicOrigins } from './public-origin.ts';
import { parseQuery } from './query-params.ts';
import { type RequestLimits, requestLimits } from './request-limits.ts';
import { requireWriteToken } from './write-token.ts';

export interface AppOptions extends RequestLimits {
  /** Endpoints to serve; default: every endpoint sitrep has. */
  readonly endpoints?: readonly Endpoint[];
  /** Where unexpected failures are logged (never sent to the client); default: stderr. */
  readonly log?: (message: string) => void;
  /** The token any request that writes must carry (see `write-token.ts`); null or absent: no writes at all. */
  readonly writeToken?: string | null;
  /** How the alert stream polls the store (`alert-stream.ts`). */
  readonly alerts?: AlertStreamOptions;
}

/** Sent with every answer, errors included. Answers that are not the dashboard's page allow nothing at all. */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
const API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Builds the application over an open store; the caller owns the store and closes it. */
export function createApp(store: Store, options: AppOptions = {}): Hono {
  const endpoints = options.endpoints ?? apiEndpoints;
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const assets: DashboardAssets = loadDashboardAssets();
  const openapi = JSON.stringify(openApiDocument(endpoints, VERSION));
  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
    if (!c.res.headers.has('Content-Security-Policy')) c.header('Content-Security-Policy', API_POLICY);
  });
  app.use('*', ...requestLimits(options));
  app.use('*', requireWriteToken(options.writeToken ?? null));

  app.get('/api/openapi.json', (c) => c.body(openapi, 200, { 'Content-Type': 'application/json' }));
  registerAlertRoutes(app, store, options.alerts);
  const asOf = new AsOfStores(store);
  registerFactHistoryRoute(app, asOf);
  for (const e of endpoints) {
    app.get(e.path.replace(/\{(\w+)\}/g, ':$1'), async (c) => {
      const params = new URL(c.req.url).searchParams;
      const view = await asOf.storeFor(params);
      const query = parseQuery(params, e.query);
      const answer = await e.handle({ store: view, query, path: c.req.param() as Record<string, string> });
      if (answer instanceof FileAnswer)
        return c.body(answer.body, 200, {
          'Content-Type': answer.type,
          'Content-Disposition': `attachment; filename="${answer.filename}"`,
          'Cache-Control': 'no-store',
        });
      const body = withPublicOrigins(answer);
      // The store changes under the server (another process ingests): answers are never cached.
      return c.json(body, 200, { 'Cache-Control': 'no-store' });
    });
  }
  const paths = endpoints.map((e) => new RegExp(`^${e.path.replace(/\{\w+\}/g, '[^/]+')}$`));
  app.all('/api/*', (c) => {
    const known = c.req.path === '/api/openapi.json' || paths.some((p) => p.test(c.req.path));
    if (known)
      return c.json(errorBody(405, `${c.req.method} is not allowed here; the API is read-only: use GET`), 405, { Allow: 'GET, HEAD' });
    return c.json(errorBody(404, `no endpoint at ${c.req.path.slice(0, 100)}; see /api/openapi.json for the ones there are`), 404);
  });

  app.get('*', (c) => {
    // The dashboard routes in the fragment (#/documents/…), so only the files themselves are ever asked for.
    const asset = assets.files.get(c.req.path);
    if (!asset) return c.json(errorBody(404, `no file at ${c.req.path.slice(0, 100)}`), 404);
    const headers: Record<string, string> = {
      'Content-Type': asset.type,
      'Cache-Control': asset.immutable ? 'public, max-age=86400' : 'no-cache',
    };
    if (c.req.path === '/') headers['Content-Security-Policy'] = assets.contentSecurityPolicy;
    return c.body(asset.body, 200, headers);
  });

  app.notFound((c) => c.json(errorBody(404, `nothing at ${c.req.method} ${c.req.path.slice(0, 100)}`), 404));
  app.onError((error, c) => {
    if (error instanceof HttpError) {
      // The rest of an oversized body is never read: the connection cannot carry another request, and a client
      // told so does not send its next one down a socket about to close.
      if (error.status === 413) c.header('Connection', 'close');
      return c.json(errorBody(error.status, error.message), error.status);
    }
    log(`sitrep serve: ${c.req.method} ${c.req.url} failed: ${error.stack ?? error.message}`);
    return c.json(errorBody(500, 'the server failed to answer this request; its log says why'), 500);
  });
  return app;
}

function errorBody(status: ErrorBody['error']['status'], message: string): ErrorBody {
  return { error: { status, message } };
}
