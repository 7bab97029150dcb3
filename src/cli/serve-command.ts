/** @module `sitrep serve`: the JSON API and the dashboard over the store, until interrupted. */
import { readFileSync } from 'node:fs';
import { type Command, InvalidArgumentError } from 'commander';
import { DEFAULT_HOST, DEFAULT_PORT, isLoopback } from '../server/default-address.ts';
import { checkWriteToken } from '../server/write-token.ts';
import type { CommandContext } from './command-context.ts';

/** Adds `serve` to the CLI. */
export function registerServeCommand(program: Command, context: CommandContext): void {
  program
    .command('serve')
    .description('Serve the JSON API (/api, described at /api/openapi.json) and the web dashboard (/) over the store.')
    .option('--port <n>', 'the port to listen on (0: any free port)', port, DEFAULT_PORT)
    .option(
      '--host <address>',
      'the address to listen on; anything but 127.0.0.1 or ::1 lets other machines in, and needs a write token',
      DEFAULT_HOST,
    )
    .option(
      '--token-file <path>',
      'a file holding the token requests that write must carry (Authorization: Bearer); default: SITREP_API_TOKEN',
    )
    .action(async (options: { port: number; host: string; tokenFile?: string }, command: Command) => {
      const writeToken = readWriteToken(options.tokenFile, command);
      if (!isLoopback(options.host) && writeToken === null)
        command.error(
          `error: refusing to listen on ${options.host} without a write token: other machines could reach the store. ` +
            'Set SITREP_API_TOKEN or give --token-file, or listen on 127.0.0.1.',
          { exitCode: 2, code: 'sitrep.no-token' },
        );
      const store = await context.openStore(command);
      try {
        const { startServer } = await import('../server/start-server.ts');
        const server = await startServer(store, { port: options.port, host: options.host, writeToken });
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

/** The write token from --token-file, else SITREP_API_TOKEN, else null; a bad one is a usage error. */
function readWriteToken(file: string | undefined, command: Command): string | null {
  let token: string | null = process.env.SITREP_API_TOKEN?.trim() || null;
  if (file !== undefined) {
    try {
      token = readFileSync(file, 'utf8').trim();
    } catch (error) {
      command.error(`error: cannot read the write token from ${file}: ${(error as Error).message}`, { exitCode: 2, code: 'sitrep.token' });
    }
  }
  if (token === null) return null;
  try {
    checkWriteToken(token);
  } catch (error) {
    command.error(`error: ${(error as Error).message}`, { exitCode: 2, code: 'sitrep.token' });
  }
  return token;
}
