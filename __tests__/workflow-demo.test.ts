// `npm run demo` (node build/demo/index.js): an example workflow end to end on the embedded emulator,
// finishing with where the model answers, its info's title, its prediction and the run's summary.
// Without an argument it is wine.yml (one job): the one test that runs a whole example workflow
// through the runner with the actions' bundles, processes on the node of ODAHU_TEST_NODE (.ci/run:
// Node 24), as a user runs it, and so the wine chain end to end. `npm run demo -- wine-jobs` runs the
// six-job version, and `npm run demo -- evaluate` evaluates three candidates (one passing, two failing
// their gates), both with the demo's command line in this process and each step from its sources.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import * as core from './helpers/core-mock.js';
import { ROOT } from './helpers/run-action.js';
import type { CliRun } from './helpers/workflow-cli.js';
import { runTool, runToolInProcess } from './helpers/workflow-cli.js';

jest.unstable_mockModule('@actions/core', () => core);
const { inProcessStages } = await import('./helpers/in-process.js');

function expectAnswered(run: CliRun): void {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const ending = run.stdout.trimEnd().split('\n').slice(-5);
  expect(ending).toEqual([
    'The wine model was deployed and answered:',
    expect.stringMatching(/^ {2}url {10}http:\/\/127\.0\.0\.1:\d+\/model\/wine$/),
    '  model        wine 1.0',
    expect.stringMatching(
      /^ {2}prediction {3}\{"prediction":\[[\d.]+,[\d.]+\],"columns":\["prediction"\]\}$/,
    ),
    expect.stringMatching(/^ {2}job summary {2}\.tmp\/runs\/\d+\/summary\.md$/),
  ]);
  const summary = /job summary {2}(\S+)$/.exec(ending[4] ?? '')?.[1] ?? '';
  expect(existsSync(join(ROOT, summary))).toBe(true);
  // Nothing failed or was skipped.
  expect(run.lines.filter((line) => /^[✗–]/.test(line))).toEqual([]);
}

test('npm run demo: exit 0, and it ends with the URL, the model wine, the prediction and the summary', async () => {
  const run = await runTool('demo', []);
  expectAnswered(run);
  // Every step of the one job, the job, and the run succeeded.
  expect(run.lines.filter((line) => line.startsWith('✓ '))).toHaveLength(13);
  expect(run.lines).toContainEqual(expect.stringMatching(/^✓ run succeeded in .*: succeeded wine$/));
});

test('npm run demo -- wine-jobs: the DAGs as six jobs, deploy behind production, info and predict at once', async () => {
  const run = await runToolInProcess('demo', ['wine-jobs'], { stages: inProcessStages() });
  expectAnswered(run);
  expect(run.lines).toContainEqual(
    expect.stringMatching(
      /^✓ run succeeded in .*: succeeded Data and connections, train, package, deploy, info, predict$/,
    ),
  );
  expect(run.lines).toContain(
    'environment  production: its protection rules (required reviewers, wait timer, branch rules) are not emulated; the job runs at once',
  );
});

test('npm run demo -- evaluate: one candidate passes its gates, two worse ones fail theirs', async () => {
  const run = await runToolInProcess('demo', ['evaluate'], { stages: inProcessStages() });
  expect([run.code, run.stderr]).toEqual([0, '']);
  expect(run.stdout.trimEnd().split('\n').slice(-5)).toEqual([
    'Three candidates were evaluated against the version serving, on the same rows:',
    '  wine-candidate  passed its gates (rmse 0)',
    '  wine-offset     failed its gates (rmse 0.5)',
    expect.stringMatching(/^ {2}wine-flipped {4}failed its gates \(accuracy 0\.\d+\)$/),
    expect.stringMatching(/^ {2}job summary {5}\.tmp\/runs\/\d+\/summary\.md$/),
  ]);
  expect(run.lines).toContainEqual('  ✗ rmse 0.5 > 0.1 (baseline 0)');
  expect(run.lines).toContainEqual(expect.stringMatching(/^ {2}✗ accuracy 0\.\d+ < 0\.95 \(baseline 1\)$/));
});

test('npm run demo -- an unknown example: one line naming the examples, exit 2', async () => {
  const run = await runToolInProcess('demo', ['nope']);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toBe(
    'demo: no example nope: choose one of wine, wine-jobs, wine-canary, wine-fire-and-forget, airflow-migration, pr-preview, wine-evaluate, pr-evaluate, odahu-report, wine-no-secrets, wine-park, wine-resume, wine-continue, evaluate, park\n',
  );
});
