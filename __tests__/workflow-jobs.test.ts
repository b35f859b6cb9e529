// Whole workflows under the local runner (its command line in this process, no --job; Ctrl-C with the
// runner a process, node build/workflow/index.js): jobs in needs order
// with job outputs and needs.<job>.result, job-level if: with the status functions over the needs,
// skipped jobs, matrices (include/exclude, names, merged outputs, fail-fast, max-parallel), jobs that
// run at once, environments, continue-on-error, Ctrl-C, --job with needs, one summary file for the
// run, and a matrix of trainings green end to end against the embedded emulator.

import { jest } from '@jest/globals';
import * as core from './helpers/core-mock.js';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './helpers/run-action.js';
import type { CliRun } from './helpers/workflow-cli.js';
import type { CliOptions } from './helpers/workflow-cli.js';
import { runWorkflowCli, runWorkflowInProcess, stepLines, stepSeconds } from './helpers/workflow-cli.js';

jest.unstable_mockModule('@actions/core', () => core);
const { inProcessStages } = await import('./helpers/in-process.js');

/** The runner's command line in this process, each odahu step from its sources on the embedded emulator's clock. */
function runInProcess(args: string[], options: CliOptions = {}) {
  return runWorkflowInProcess(args, { ...options, stages: inProcessStages() });
}

const FIXTURES = '__tests__/fixtures/workflow';

/** The summary's job sections: what follows its table of jobs and its chart. */
function jobSections(summary: string): string {
  return summary.slice(summary.search(/^## /m));
}

function summaryOf(run: CliRun): string {
  const path = /job summary {2}(\S+)/.exec(run.stdout)?.[1];
  if (!path) throw new Error(`no job summary line in:\n${run.stdout}`);
  return readFileSync(resolve(ROOT, path), 'utf8');
}

/** The jobs' first and last lines, in the order the log shows them. */
const jobLines = (run: CliRun) => run.lines.filter((line) => /^(━━ job |[✓✗] job |– job )/.test(line));

const lastLine = (run: CliRun) => run.lines.filter((line) => line !== '').at(-1);

test('jobs in needs order: outputs, a matrix from an output, skipped jobs, an environment, one summary', async () => {
  const run = await runInProcess([`${FIXTURES}/jobs.yml`]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.lines[0]).toBe(
    'Jobs  __tests__/fixtures/workflow/jobs.yml › 7 jobs: setup, train, report, on-push, after-push, always, release (workflow_dispatch)',
  );
  // Each job's log is one block; jobs that need nothing in common run at once, and show in start order.
  expect(jobLines(run)).toEqual([
    '━━ job setup',
    expect.stringMatching(/^✓ job setup succeeded in /),
    // fromJSON(needs.setup.outputs.sizes) × [wine, beer], minus {FULL, beer}, plus {huge, wine}.
    '━━ job train (lite, wine)',
    expect.stringMatching(/^✓ job train \(lite, wine\) succeeded in /),
    "– job on-push skipped: its if: success() && (github.event_name == 'push') is false",
    '– job after-push skipped: its if: success() is false (on-push skipped)',
    '━━ job always',
    expect.stringMatching(/^✓ job always succeeded in /),
    '━━ job train (lite, beer)',
    expect.stringMatching(/^✓ job train \(lite, beer\) succeeded/),
    '━━ job train (full, wine)',
    expect.stringMatching(/^✓ job train \(full, wine\) succeeded/),
    '━━ job train (huge, wine)',
    expect.stringMatching(/^✓ job train \(huge, wine\) succeeded/),
    '━━ job report',
    expect.stringMatching(/^✓ job report succeeded/),
    '━━ job Release after success report',
    expect.stringMatching(/^✓ job Release after success report succeeded/),
  ]);
  expect(run.lines).toEqual(
    expect.arrayContaining([
      '  job 0 of 4, max-parallel 1, train, workflow',
      '  job 3 of 4, max-parallel 1, train, workflow',
      '  after-push was skipped',
      '  greeting hello, train success',
      // Only the release job's direct needs are in its needs context.
      "  setup is not a need of this job: ''",
      'environment  staging: its protection rules (required reviewers, wait timer, branch rules) are not emulated; the job runs at once',
      'environment  staging  https://staging.example.com/release',
    ]),
  );
  // The matrix's outputs merged: each job's non-empty values; the last one to finish wins `last`.
  const outputs = run.lines.indexOf('  outputs {');
  expect(JSON.parse(`{${run.lines.slice(outputs + 1, outputs + 6).join('')}}`)).toEqual({
    'lite-wine': 'trained in 1 epochs',
    'lite-beer': 'trained in 1 epochs',
    'full-wine': 'trained in default epochs',
    'huge-wine': 'trained in default epochs',
    last: 'huge',
  });
  // One summary file: every job's under its name, in the order the jobs started; jobs without one left out.
  expect(jobSections(summaryOf(run))).toBe(
    [
      '## setup\n\n### setup\n',
      '## train (lite, wine)\n\n### trained lite wine\n',
      '## train (lite, beer)\n\n### trained lite beer\n',
      '## train (full, wine)\n\n### trained full wine\n',
      '## train (huge, wine)\n\n### trained huge wine\n',
    ].join('\n'),
  );
  expect(run.lines.at(-3)).toMatch(/^job summary {2}\.tmp\/runs\/\d+\/summary\.md$/);
  expect(lastLine(run)).toMatch(
    /^✓ run succeeded in \d+\.\ds: succeeded setup, train \(lite, wine\), train \(lite, beer\), train \(full, wine\), train \(huge, wine\), report, always, Release after success report; skipped on-push, after-push$/,
  );
});

test('a failing job: fail-fast cancels its matrix, dependants are skipped, if: failure() runs; continue-on-error', async () => {
  const run = await runInProcess([`${FIXTURES}/jobs-failing.yml`]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(1);
  expect(stepLines(run, 'Run shard 2')).toEqual([
    '▶ Run shard 2',
    '  shard 2 waiting',
    expect.stringMatching(/^✗ Run shard 2 {2}\d+\.\ds \(cancelled\)$/),
  ]);
  // Shard 2 sleeps 30 s unless fail-fast cancels it.
  expect(stepSeconds(run, 'Run shard 2')).toBeLessThan(30);
  expect(run.lines).toEqual(
    expect.arrayContaining([
      '  shard 2 cleans up after the cancel',
      expect.stringMatching(/^✗ job test \(1\) failed in .*: step Run shard 1 failed$/),
      expect.stringMatching(/^✗ job test \(2\) was cancelled after /),
      '– job test (3) cancelled before it started: fail-fast, after test (1) failed',
      // The failed job with continue-on-error counts as success for the jobs after it.
      expect.stringMatching(/^✗ job lint failed in .*: step Run exit 3 failed \(continue-on-error\)$/),
      '  lint was success',
      '– job deploy skipped: its if: success() is false (test failed)',
      // failure() looks at every job before it, through the skipped deploy.
      '  deploy was skipped; a job before it failed',
      '– job success-only skipped: its if: success() || cancelled() is false (test failed)',
      // A matrix read from the needs that GitHub would refuse, and a name whose expression fails,
      // fail their jobs before they start.
      '✗ job bad-matrix failed: strategy: matrix.size has no values',
      "✗ job bad-name failed: name: __tests__/fixtures/workflow/jobs-failing.yml:64: Error parsing JSON when evaluating fromJson in format('Named {0}', fromJSON('not json'))",
    ]),
  );
  expect(run.lines).not.toContain('  never');
  expect(lastLine(run)).toMatch(
    /^✗ run failed in \d+\.\ds: succeeded build, after-lint, notify; failed test \(1\), lint \(continue-on-error\), bad-name, bad-matrix; cancelled test \(2\), test \(3\); skipped deploy, success-only$/,
  );
});

test('jobs without common needs run at once; max-parallel: 1 runs a matrix one job at a time', async () => {
  const run = await runInProcess([`${FIXTURES}/jobs-parallel.yml`]);
  expect(run.stderr).toBe('');
  expect(run.lines).toEqual(
    expect.arrayContaining([
      '  ping saw pong',
      '  pong saw ping',
      '  job 1 saw all three',
      '  job 3 saw all three',
      '  job 1 alone',
      '  job 2 alone',
      '  job 3 alone',
    ]),
  );
  expect(run.code).toBe(0);
});

test('Ctrl-C cancels every running job; an if: always() job after them still runs', async () => {
  const run = await runWorkflowCli([`${FIXTURES}/jobs-cancel.yml`], {
    onOutput: (stdout, kill) => {
      if (stdout.includes('  first waiting\n') && !stdout.includes('(cancelled)')) kill('SIGINT');
    },
  });
  expect(run.code).toBe(1);
  // Both jobs were cut short: each sleeps 30 s.
  for (const job of ['first', 'second']) {
    const line = run.lines.find((l) => l.startsWith(`✗ job ${job} was cancelled after `)) ?? '';
    expect(Number(/after (\d+\.\d)s/.exec(line)?.[1])).toBeLessThan(30);
  }
  expect(run.lines).toEqual(
    expect.arrayContaining([
      '  first cancelled',
      expect.stringMatching(/^✗ job first was cancelled after /),
      '– job next skipped: its if: success() is false (first cancelled, second cancelled, the run was cancelled)',
      '  first was cancelled, second was cancelled',
    ]),
  );
  expect(lastLine(run)).toMatch(
    /^✗ run was cancelled after \d+\.\ds: succeeded finally; cancelled first, second; skipped next$/,
  );
});

test('--job runs one job: the needs outputs it reads are given by --needs-output, or named before it runs', async () => {
  const missing = await runInProcess([`${FIXTURES}/jobs.yml`, '--job', 'report']);
  expect(missing.code).toBe(2);
  expect(missing.stdout).toBe('');
  expect(missing.stderr).toBe(
    'workflow: --job report reads needs.setup.outputs.greeting, which job setup would give: run the whole workflow, or give it with --needs-output setup.greeting=VALUE\n',
  );
  const typo = await runInProcess([
    `${FIXTURES}/jobs.yml`,
    '--job',
    'report',
    '--needs-output',
    'stup.greeting=hi',
  ]);
  expect(typo.stderr).toContain(
    'workflow: --needs-output stup.*: job report does not need stup (its needs: setup, train)\n',
  );

  const run = await runInProcess([
    `${FIXTURES}/jobs.yml`,
    '--job',
    'report',
    '--needs-output',
    'setup.greeting=hello',
  ]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.lines[0]).toBe('Jobs  __tests__/fixtures/workflow/jobs.yml › job report (workflow_dispatch)');
  expect(run.lines).toContain(
    "note       --job report: its needs (setup, train) were not run: needs.<job>.result and outputs read as '' but those given by --needs-output (setup)",
  );
  expect(run.lines).toContain('  greeting hello, train ');
  expect(jobLines(run)).toEqual(['━━ job report', expect.stringMatching(/^✓ job report succeeded/)]);
  expect(lastLine(run)).toMatch(/^✓ run succeeded in \d+\.\ds: succeeded report$/);
});

test('a matrix of trainings and job outputs, green end to end against the embedded emulator', async () => {
  const run = await runInProcess([`${FIXTURES}/wine-matrix.yml`]);
  expect(run.stderr).toBe('');
  expect(run.lines[1]).toMatch(/^cluster {4}the embedded Odahu emulator at /);
  expect(run.lines).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/ training wine-alpha-0: succeeded /),
      expect.stringMatching(/ training wine-alpha-1: succeeded /),
      expect.stringMatching(/^ {2}alpha 0\.5: wine-1\.0-[\w-]+\.zip$/),
      expect.stringMatching(/^ {2}alpha 1\.0: wine-1\.1-[\w-]+\.zip$/),
      expect.stringMatching(/^ {2}packaged: \S+\/wine-1\.1:\S+$/),
    ]),
  );
  expect(lastLine(run)).toMatch(
    /^✓ run succeeded in .*: succeeded train \(0\.5\), train \(1\.0\), package, report$/,
  );
  expect(run.code).toBe(0);
});
