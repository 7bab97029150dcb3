/** @module `sitrep serve`: the JSON API and the dashboard over the store, until interrupted. */
import { type Command, InvalidArgumentError } from 'commander';
import { DEFAULT_HOST, DEFAULT_PORT } from '../server/default-address.ts';
import type { CommandContext } from './command-context.ts';

/** Adds `serve` to the CLI. */
export function registerServeCommand(program: Command, context: CommandContext): void {
  program
    .command('serve')
    .description('Serve the JSON API (/api, described at /api/openapi.json) and the web dashboard (/) over the store.')
    .option('--port <n>', 'the port to listen on (0: any free port)', port, DEFAULT_PORT)
    .option('--host <address>', 'the address to listen on; anything but 127.0.0.1 or ::1 lets other machines in', DEFAULT_HOST)
    .action(async (options: { port: number; host: string }, command: Command) => {
      const store = await context.openStore(command);
      try {
        const { startServer } = await import('../server/start-server.ts');
        const server = await startServer(store, { port: options.port, host: options.host });
        context.err(`Serving ${store.location} at ${server.url}/ (API: ${server.url}/api/openapi.json). Press Ctrl-C to stop.\n`);
        await new Promise<void>((resolve) => {
          const stop = () => {
            process.off('SIGINT', stop).off('SIGTERM', stop);
            resolve();
          };
          process.on('SIGINT', stop).on('SIGTERM', stop);
        });
        await server.close();
        context.err('Stopped.\n');
      } finally {
        await store.close();
      }
    });
}

function port(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new InvalidArgumentError(`"${value}" is not a port (0 to 65535).`);
  return n;
}
