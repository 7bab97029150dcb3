/** @module Starts the API and dashboard on a port (127.0.0.1 unless told otherwise) and stops them cleanly. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Store } from '../store/store.ts';
import { type AppOptions, createApp } from './create-app.ts';
import { DEFAULT_HOST, DEFAULT_PORT } from './default-address.ts';

export { DEFAULT_HOST, DEFAULT_PORT } from './default-address.ts';

export interface ServeOptions extends AppOptions {
  /** 0 picks a free port. */
  readonly port?: number;
  readonly host?: string;
}

/** A listening server. */
export interface RunningServer {
  /** Where it answers, e.g. `http://127.0.0.1:8080`. */
  readonly url: string;
  readonly port: number;
  /** Stops listening and drops open connections; the store stays open. */
  close(): Promise<void>;
}

/** Serves `store` until `close` is called. */
export async function startServer(store: Store, options: ServeOptions = {}): Promise<RunningServer> {
  const app = createApp(store, options);
  const host = options.host ?? DEFAULT_HOST;
  const server = await new Promise<Server>((resolve, reject) => {
    const created = serve({ fetch: app.fetch, port: options.port ?? DEFAULT_PORT, hostname: host }, () =>
      resolve(created as Server),
    ) as Server;
    created.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Browsers keep connections open; without this, close waits for them to time out.
        server.closeAllConnections();
      }),
  };
}
