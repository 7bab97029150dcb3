/** @module The Chromium the browser tests drive: Debian's, through playwright-core, with nothing fetched at run time. */
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.SITREP_CHROMIUM ?? '/usr/bin/chromium';
/** Headless, and quiet: without the background-networking flags Chromium keeps calling hosts this machine cannot reach. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
/** Set in CI, where a missing Chromium is a failure, not a skip. */
const REQUIRED = process.env.SITREP_REQUIRE_CHROMIUM === '1';

if (!existsSync(CHROMIUM) && REQUIRED)
  throw new Error(`Chromium is required (SITREP_REQUIRE_CHROMIUM=1) but ${CHROMIUM} is missing: apt-get install -y chromium`);

/** `skip` for a suite that needs Chromium: false when it is there, else why the suite was skipped. */
export const NO_CHROMIUM: string | false = existsSync(CHROMIUM)
  ? false
  : `skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set SITREP_CHROMIUM)`;

/** Records a page's script errors and console errors in `problems`, for a test to assert none. */
export function recordProblems(
  page: {
    on(event: 'pageerror', listener: (error: Error) => void): unknown;
    on(event: 'console', listener: (message: { type(): string; text(): string }) => void): unknown;
  },
  problems: string[],
): void {
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
}
