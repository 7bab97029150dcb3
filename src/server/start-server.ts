/** @module Starts the API and dashboard on a port (127.0.0.1 unless told otherwise) and stops them cleanly. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Store } from '../store/store.ts';
import { type AppOptions, createApp } from './create-app.ts';
import { DEFAULT_HOST, DEFAULT_PORT, isLoopback } from './default-address.ts';

export { DEFAULT_HOST, DEFAULT_PORT, isLoopback } from './default-address.ts';

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

/**
 * Serves `store` until `close` is called. Listening beyond this machine needs a write token (`writeToken`): a
 * server others can reach must be able to tell who may change the store, even while every endpoint only reads.
 */
export async function startServer(store: Store, options: ServeOptions = {}): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST;
  if (!isLoopback(host) && !options.writeToken)
    throw new Error(
      `Refusing to listen on ${host} without a write token: other machines could reach the store. ` +
        'Set SITREP_API_TOKEN (or give --token-file), or listen on 127.0.0.1.',
    );
  const app = createApp(store, options);
  const server = await new Promise<Server>((resolve, reject) => {
    const created = serve(
      {
        fetch: app.fetch,
        port: options.port ?? DEFAULT_PORT,
        hostname: host,
        // A client that sends its headers or body slowly is cut off rather than holding a connection. Headers up to
        // 64 KiB reach the app, which refuses a long address with a JSON 414; past that Node answers 431 itself.
        serverOptions: { headersTimeout: 10_000, requestTimeout: 30_000, maxHeaderSize: 65_536 },
      },
      () => resolve(created as Server),
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
