// A workflow in a repository of its own that uses these actions as `<owner>/odahu-actions/<name>@<ref>`,
// run by the local runner (`npm run workflow`) against a test emulator: how another repository
// uses the actions, the composite pipeline above all.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestEmulator } from './emulator.js';
import type { CliRun } from './workflow-cli.js';
import { ROOT } from './run-action.js';

/** The emulator as the runner's --var and --secret flags. */
export function clusterFlags(cluster: TestEmulator): string[] {
  return [
    ...['--var', `ODAHU_API_URL=${cluster.apiUrl}`],
    ...['--var', `ODAHU_AUTH_URL=${cluster.authUrl}`],
    ...['--var', `ODAHU_CLIENT_ID=${cluster.clientId}`],
    ...['--secret', `ODAHU_CLIENT_SECRET=${cluster.clientSecret}`],
  ];
}

/** A repository of its own (a git working tree) with these files and one workflow; returns both paths. */
export function otherRepository(
  workflow: string,
  files: Record<string, string> = {},
): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'other-repo-'));
  execFileSync('git', ['init', '-q', dir]);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const file = join(dir, '.github', 'workflows', 'model.yml');
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, workflow);
  return { dir, file };
}

/**
 * A workflow of one job whose steps read the cluster's settings from vars and secrets, as on GitHub;
 * `on` its events (workflow_dispatch), `env` more of the job's variables. The job checks the
 * repository out first (its manifests are there) unless its steps do.
 */
export function workflow(
  steps: string,
  { on = 'workflow_dispatch', env = {} }: { on?: string; env?: Record<string, string> } = {},
): string {
  const more = Object.entries(env).map(([name, value]) => `      ${name}: ${value}\n`);
  return `name: model
on: ${on}
jobs:
  model:
    runs-on: ubuntu-latest
    env:
      ODAHU_API_URL: \${{ vars.ODAHU_API_URL }}
      ODAHU_AUTH_URL: \${{ vars.ODAHU_AUTH_URL }}
      ODAHU_CLIENT_ID: \${{ vars.ODAHU_CLIENT_ID }}
      ODAHU_CLIENT_SECRET: \${{ secrets.ODAHU_CLIENT_SECRET }}
${more.join('')}    steps:
${steps.includes('actions/checkout@') ? '' : '      - uses: actions/checkout@v4\n'}${steps}`;
}

/** The run's job summary (the path its last lines name). */
export function summaryOf(run: CliRun): string {
  const path = /job summary {2}(\S+)/.exec(run.stdout)?.[1];
  if (!path) throw new Error(`no job summary line in:\n${run.stdout}`);
  return readFileSync(resolve(ROOT, path), 'utf8');
}
