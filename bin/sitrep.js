#!/usr/bin/env node
// The `sitrep` command. Installed from the package, it runs the compiled code in dist/. In a checkout (src/ beside
// bin/), it runs dist/ only when the last `npm run build` began after every source was last changed; otherwise it
// runs the sources through tsx (a development dependency), so an edit is never silently ignored and never waits for
// a build. `npm run build` (or `npm ci`, which builds) makes it start fast again. SITREP_RUN_SOURCES=1 runs the
// sources in a checkout even when the build is current (the bench profiles them: a bundle's frames name no stage).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const checkout = existsSync(new URL('../src/cli/main.ts', import.meta.url));
const asked = checkout && process.env.SITREP_RUN_SOURCES === '1';
let fromSources = asked;
if (checkout && !asked) {
  const { compiledIsCurrent } = await import('./compiled-is-current.js');
  fromSources = !compiledIsCurrent(root);
}

let main;
if (fromSources) {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    process.stderr.write('sitrep: src/ has changed since the last build and tsx is not installed: run `npm run build` (or `npm ci`).\n');
    process.exit(2);
  }
  register();
  if (process.stderr.isTTY && !asked)
    process.stderr.write('sitrep: running the sources through tsx (src/ changed since the last build; `npm run build` starts faster)\n');
  main = await import('../src/cli/main.ts');
} else {
  main = await import('../dist/cli/main.js');
}
process.exitCode = await main.runCli(process.argv.slice(2));
