// Jest's globalSetup: the checks that need ../shared/odahu-api (the official swagger.yaml and the
// cluster defaults, read at run time and never copied into the project). Without it they are
// skipped, and the run says so in one line; with CI=true that is a failure instead, so CI never
// passes without them. Plain JS, because Jest loads globalSetup outside its ESM transform; the
// .d.ts beside it types it for the test.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ODAHU_API_DIR = fileURLToPath(new URL('../../../shared/odahu-api', import.meta.url));

/** The checks that skip without each file of it. */
export const CHECKS = {
  'swagger.yaml': [
    'every emulator answer against swagger.yaml',
    "the contract checker's own tests",
    "the emulator's coverage of the spec's operations",
    "the shared kinds' fields and JSON types (shapes.ts, types.ts) against the spec",
  ],
  'REFERENCE.md': ['the id rule, the deployment id limit and the deployment defaults against REFERENCE.md'],
  'cluster-defaults': ['the cluster-defaults integrations'],
};

/** The line to print when checks skip (undefined when none do); throws when CI=true. */
export function odahuApiSkipLine(dir, env) {
  const missing = Object.keys(CHECKS).filter((name) => !existsSync(join(dir, name)));
  if (missing.length === 0) return undefined;
  const what = `${dir} lacks ${missing.join(', ')}`;
  const skipped = missing.flatMap((name) => CHECKS[name]).join('; ');
  if (env.CI === 'true') {
    throw new Error(`${what}, and CI=true: these checks may not be skipped in CI: ${skipped}.`);
  }
  return `Skipped (${what}): ${skipped}.`;
}

export default function checkOdahuApi() {
  const line = odahuApiSkipLine(ODAHU_API_DIR, process.env);
  if (line) console.log(`\n${line}`);
}
