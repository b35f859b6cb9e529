// The local runner (its command line in this process; its steps real processes), on fixture
// workflows: env, outputs, GITHUB_ENV and GITHUB_PATH from step to step, --env-file, masks, a
// composite action, pre and post stages with pre-if and post-if, a step timeout, and a cancel (the
// runner itself a process, node build/workflow/index.js, for Ctrl-C).

import { jest } from '@jest/globals';
import * as core from './helpers/core-mock.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  return readFileSync(join(import.meta.dirname, '..', path), 'utf8');
}

test('env, outputs, GITHUB_ENV, GITHUB_PATH, --env-file and --input reach the later steps', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wf-env-'));
  const envFile = join(dir, 'fixture.env');
  writeFileSync(
    envFile,
    'FROM_FILE="quoted # kept"\nexport PLAIN=plain # a comment\n# a comment line\n\nLEVEL=env-file\n',
  );
  const run = await runInProcess([
    `${FIXTURES}/propagation.yml`,
    '--input',
    'greeting=hi',
    '--env-file',
    envFile,
  ]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(stepLines(run, 'Second sees them')).toEqual([
    '▶ Second sees them',
    // Step env over job env over workflow env over the env file; GITHUB_ENV from the first step.
    '  level=step workflow=from the workflow first=set by first',
    '  tool on the path',
    '  answer=42, lines=one',
    '  two',
    '  context: step, set by first',
    '  dotenv: quoted # kept|plain',
    expect.stringMatching(/^✓ Second sees them {2}\d+\.\ds$/),
  ]);
  expect(stepLines(run, 'Working directory and sh')).toContain('  in fixtures');
  // shell: bash (here from defaults.run) means pipefail; continue-on-error keeps the job going.
  expect(stepLines(run, 'Pipefail with shell bash')).toEqual([
    '▶ Pipefail with shell bash',
    '  Error: Process completed with exit code 1.',
    expect.stringMatching(/^✗ Pipefail with shell bash .*\(continue-on-error\)$/),
  ]);
  expect(run.lines).toContain('  pipe failure/success, job success');
  expect(run.lines).toContain('  input=hi event=workflow_dispatch job=propagate workspace=same');
  expect(run.lines).toContainEqual(expect.stringMatching(/^✓ job propagate succeeded in /));
  // One summary per run: every step's, in order, under the job's name.
  expect(jobSections(summaryOf(run))).toBe('## propagate\n\n### first step\n\n### second step\n');
});

test('secrets and ::add-mask:: values never reach the log or the summary', async () => {
  // --secret NAME takes the value of $NAME.
  const run = await runInProcess(
    [`${FIXTURES}/masks.yml`, '--secret', 'FIXTURE_SECRET', '--secret', 'MULTI_LINE=line one\nline two'],
    { env: { FIXTURE_SECRET: 'fixture-secret-value' } },
  );
  expect(run.code).toBe(0);
  const everything = `${run.stdout}${run.stderr}${summaryOf(run)}`;
  for (const secret of ['fixture-secret-value', 'line one', 'line two'])
    expect(everything).not.toContain(secret);
  expect(run.lines).toEqual(
    expect.arrayContaining([
      '▶ Uses *** in its name',
      '  plain: ***',
      '  stderr: ***',
      '  Warning: warned about ***',
      '  later: ***',
      '  next step: *** and ***',
      '  ▸ group with ***',
      '    inside: ***',
    ]),
  );
  // Once registered, an ::add-mask:: value is hidden everywhere after (not in the line that registers it).
  const registered = run.lines.findIndex((line) => line.includes('::add-mask::'));
  expect(run.lines.slice(registered + 1).join('\n')).not.toContain('runtime-token-123');
  expect(jobSections(summaryOf(run))).toBe('## masks\n\nsummary has ***\n');
});

test('a composite action: inputs with defaults, caller env, its steps indented, outputs, a nested node action', async () => {
  const run = await runInProcess([`${FIXTURES}/composite.yml`]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const greet = './__tests__/fixtures/workflow/actions/greet';
  expect(stepLines(run, `Run ${greet}`)).toEqual([
    `▶ Run ${greet}`,
    expect.stringMatching(/^ {2}▶ Run echo "text=hello/),
    '    caller env: from the caller',
    expect.stringMatching(/^ {2}✓ Run echo "text=hello/),
    // Inside a composite action, failure() answers for its own steps.
    '  – Run echo never  skipped',
    expect.stringMatching(/^ {2}▶ Run echo "job/),
    '    job composite, said hello odahu!, in greet',
    expect.stringMatching(/^ {2}✓ Run echo "job/),
    '  ▶ Run ./__tests__/fixtures/workflow/actions/recorder',
    '    main: who=nested state from pre=',
    expect.stringMatching(/^ {2}✓ Run \.\/__tests__\/fixtures\/workflow\/actions\/recorder/),
    expect.stringMatching(new RegExp(`^✓ Run ${greet.replace(/[./]/g, '\\$&')} `)),
  ]);
  expect(run.lines).toEqual(
    expect.arrayContaining(['  greeting=hello odahu!', '  composite env: yes', '  path=true']),
  );
  // The nested action's post runs at the end of the job.
  expect(run.lines).toContain('  post: who=nested state=/main-nested');
});

test('pre and post stages: pre-if, post-if, state, reverse order, none for a step that did not run', async () => {
  const run = await runInProcess([`${FIXTURES}/posts.yml`]);
  expect(run.code).toBe(1);
  const shown = run.lines.filter((line) => /^(▶|–|✗ Fail)|^ {2}(pre|main|post):/.test(line));
  expect(shown).toEqual([
    '▶ Pre First recorder',
    '  pre: who=first',
    '▶ Pre Second recorder',
    '  pre: who=second',
    '– Pre Without pre  skipped', // pre-if: inputs.who != 'nobody'
    '▶ Pre Never runs',
    '  pre: who=never',
    '▶ Run actions/checkout@v4',
    '▶ First recorder',
    '  main: who=first state from pre=first',
    '▶ Second recorder',
    '  main: who=second state from pre=second',
    '▶ Without pre',
    '  main: who=nobody state from pre=',
    '▶ Fail the job',
    expect.stringMatching(/^✗ Fail the job /),
    '– Never runs  skipped',
    '▶ Post Without pre', // post-if defaults to always()
    '  post: who=nobody state=/main-nobody',
    '– Post Second recorder  skipped', // post-if: success(), and the job failed
    '▶ Post First recorder',
    '  post: who=first state=first/main-first',
  ]);
  expect(run.lines).toContainEqual(
    expect.stringMatching(/^✗ job posts failed in .*: step Fail the job failed$/),
  );
});

test('timeout-minutes cancels the step; the job fails and runs its if: failure() steps', async () => {
  const run = await runInProcess([`${FIXTURES}/timeout.yml`]);
  expect(run.code).toBe(1);
  expect(stepLines(run, 'Sleeps past its timeout')).toEqual([
    '▶ Sleeps past its timeout',
    '  going to sleep',
    '  Error: The step has timed out after 0.02 minutes.',
    expect.stringMatching(/^✗ Sleeps past its timeout {2}\d+\.\ds$/),
  ]);
  // Stopped at its timeout (1.2 s), not when its 30 s sleep would have ended.
  expect(stepSeconds(run, 'Sleeps past its timeout')).toBeGreaterThanOrEqual(1.2);
  expect(stepSeconds(run, 'Sleeps past its timeout')).toBeLessThan(30);
  expect(run.lines).toContain('  after the timeout, job failure');
  expect(run.lines).toContain('– Skipped  skipped');
});

test('SIGINT cancels the job: the running step stops, cancelled() and always() steps run', async () => {
  const run = await runWorkflowCli([`${FIXTURES}/cancel.yml`], {
    onOutput: (stdout, kill) => {
      if (stdout.includes('  waiting\n') && !stdout.includes('(cancelled)')) kill('SIGINT');
    },
  });
  expect(run.code).toBe(1);
  expect(run.lines).toContainEqual(expect.stringMatching(/^✗ Waits to be cancelled .*\(cancelled\)$/));
  // Cut short, not waited for: its sleep is 30 s.
  expect(stepSeconds(run, 'Waits to be cancelled')).toBeLessThan(30);
  expect(run.lines).toEqual(
    expect.arrayContaining(['– Skipped  skipped', '  cancelled, job cancelled', '  always runs']),
  );
  expect(run.lines).toContainEqual(expect.stringMatching(/^✗ job cancel was cancelled after /));
});
