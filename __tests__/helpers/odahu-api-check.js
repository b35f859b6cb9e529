// Jest's globalSetup: the checks that need ../shared/odahu-api (the official swagger.yaml and the
// cluster defaults, read at run time and never copied into the project). Without it they are
// skipped, and the run says so in one line; with CI=true that is a failure instead, so CI never
// passes without them. Plain JS, because Jest loads globalSetup outside its ESM transform; the
// .d.ts beside it types it for the test.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ODAHU_API_DIR = fileURLToPath(new URL('../../../shared/odahu-api', import.meta.url));

/** What skips without it. */
export const CHECKS = [
  'every emulator answer against swagger.yaml',
  "the contract checker's own tests",
  "the emulator's coverage of the spec's operations",
  'the cluster-defaults integrations',
];

/** The line to print when checks skip (undefined when none do); throws when CI=true. */
export function odahuApiSkipLine(dir, env) {
  const missing = ['swagger.yaml', 'cluster-defaults'].filter((name) => !existsSync(join(dir, name)));
  if (missing.length === 0) return undefined;
  const what = `${dir} lacks ${missing.join(' and ')}`;
  if (env.CI === 'true') {
    throw new Error(`${what}, and CI=true: these checks may not be skipped in CI: ${CHECKS.join('; ')}.`);
  }
  return `Skipped (${what}): ${CHECKS.join('; ')}.`;
}

export default function checkOdahuApi() {
  const line = odahuApiSkipLine(ODAHU_API_DIR, process.env);
  if (line) console.log(`\n${line}`);
}
