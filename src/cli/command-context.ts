/** @module What a command registered from its own file gets from the CLI: the store it names, and where to write. */
import type { Command } from 'commander';
import type { OpenMode } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';

export interface CommandContext {
  /**
   * Opens the store the command line names (`--db`, else `SITREP_DB`, else the default); `read` by default, so a
   * store that does not exist is an error naming it.
   */
  readonly openStore: (command: Command, mode?: OpenMode) => Promise<Store>;
  /** Machine-readable output. */
  readonly out: (text: string) => void;
  /** Messages for people. */
  readonly err: (text: string) => void;
}
