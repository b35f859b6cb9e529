// Every workflow of examples/workflows/ runs green with `npm run demo -- <name>`, the one command its
// header gives, on the embedded emulator: placeholder secrets, inputs with defaults, the runs it
// depends on first on the same emulator. In this process, each odahu step from its sources on the
// emulator's held clock (the bundles' own run is workflow-demo.test.ts). The canary shows a first
// release, then a promotion, in one command.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import * as core from './helpers/core-mock.js';
import { ROOT } from './helpers/run-action.js';
import { runToolInProcess } from './helpers/workflow-cli.js';

jest.unstable_mockModule('@actions/core', () => core);
const { inProcessStages } = await import('./helpers/in-process.js');

const EXAMPLES = readdirSync(join(ROOT, 'examples', 'workflows'))
  .filter((name) => name.endsWith('.yml'))
  .map((name) => name.replace(/\.yml$/, ''))
  .sort();

const demo = (args: string[]) => runToolInProcess('demo', args, { stages: inProcessStages() });

test.each(EXAMPLES)('%s: its header gives `npm run demo -- <name>`, and that runs green', async (name) => {
  const header = readFileSync(join(ROOT, 'examples', 'workflows', `${name}.yml`), 'utf8');
  const command = name === 'wine' ? /npm run demo(?: -- wine)?\b/ : new RegExp(`npm run demo -- ${name}\\b`);
  expect(
    header
      .split('\n')
      .filter((line) => line.startsWith('#'))
      .join('\n'),
  ).toMatch(command);
  const run = await demo([name]);
  expect(run.stderr).toBe('');
  if (run.code !== 0) throw new Error(run.lines.filter((line) => /✗|Error/.test(line)).join('\n'));
  expect(run.lines.filter((line) => /^✗ run /.test(line))).toEqual([]);
  if (name === 'wine-canary') {
    expect(run.stdout).toMatch(/promoted=true: \S+ serves wine-[0-9a-f]{6} \(replacing nothing\)/);
    expect(run.stdout).toMatch(/Promoted wine-[0-9a-f]{6}: the stable URL serves it alone\./);
  }
});

test('an example that is not there: one line with the nearest one, naming them all', async () => {
  const run = await demo(['wine-canry']);
  expect(run.code).toBe(2);
  expect(run.stderr).toBe(
    `demo: no example wine-canry: did you mean wine-canary? choose one of wine, wine-jobs, wine-canary, wine-fire-and-forget, airflow-migration, pr-preview, wine-evaluate, pr-evaluate, odahu-report, wine-no-secrets, wine-park, wine-resume, wine-continue, evaluate, park\n`,
  );
});
