// What stops the local runner before anything runs (exit 2, nothing on stdout, no job's first step
// started): each unsupported feature of every job with one line naming it and its file:line, a matrix
// GitHub would refuse, the parser's errors, an unknown --job, bad flags and bad --env-file lines.

import { jest } from '@jest/globals';
import * as core from './helpers/core-mock.js';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { CliOptions } from './helpers/workflow-cli.js';
import { runWorkflowInProcess } from './helpers/workflow-cli.js';

jest.unstable_mockModule('@actions/core', () => core);
const { inProcessStages } = await import('./helpers/in-process.js');

/** The runner's command line in this process, each odahu step from its sources on the embedded emulator's clock. */
function runInProcess(args: string[], options: CliOptions = {}) {
  return runWorkflowInProcess(args, { ...options, stages: inProcessStages() });
}

const dir = mkdtempSync(join(tmpdir(), 'wf-preflight-'));
const marker = join(dir, 'ran');

/** A workflow whose first step would leave a marker file; `job` and `steps` are YAML lines. */
function workflow(name: string, job: string[], steps: string[] = []): string {
  const file = join(dir, `${name}.yml`);
  writeFileSync(
    file,
    [
      'on: workflow_dispatch',
      'jobs:',
      '  build:',
      ...job.map((line) => `    ${line}`),
      '    steps:',
      `      - run: touch ${marker}`,
      ...steps.map((line) => `      ${line}`),
    ].join('\n'),
  );
  return file;
}

const UBUNTU = ['runs-on: ubuntu-latest'];

const CASES: [string, string, RegExp][] = [
  [workflow('container', [...UBUNTU, 'container: node:20']), ':5: ', /not supported: container:/],
  [
    workflow('services', [...UBUNTU, 'services:', '  redis:', '    image: redis']),
    ':5: ',
    /not supported: services:/,
  ],
  [
    workflow('empty-matrix', [...UBUNTU, 'strategy:', '  matrix:', '    version: []', '    os: [a]']),
    ':6: ',
    /: jobs\.build: matrix\.version has no values$/,
  ],
  [
    workflow('matrix-runs-on', [
      'runs-on: ${{ matrix.os }}',
      'strategy:',
      '  matrix:',
      '    os: [ubuntu-latest, windows-latest]',
    ]),
    ':4: ',
    /not supported: runs-on: windows-latest \(only ubuntu-\*/,
  ],
  [
    workflow('windows', ['runs-on: windows-latest']),
    ':4: ',
    /not supported: runs-on: windows-latest \(only ubuntu-\*/,
  ],
  [
    workflow('docker-action', UBUNTU, ['- uses: docker://alpine:3']),
    ':7: ',
    /not supported: docker actions \(docker:\/\/alpine:3\)/,
  ],
  [
    workflow('shell', UBUNTU, ['- run: Write-Host hi', '  shell: pwsh']),
    ':8: ',
    /not supported: shell: pwsh/,
  ],
];

describe.each(CASES)('%s', (file, place, feature) => {
  test('stops before anything runs, with one line naming the feature at file:line', async () => {
    const run = await runInProcess([file]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`workflow: ${file}${place}`);
    expect(lines[0]).toMatch(feature);
    expect(existsSync(marker)).toBe(false);
  });
});

test("every job's unsupported features, one line each, before any job runs", async () => {
  const file = join(dir, 'several.yml');
  writeFileSync(
    file,
    [
      'on: workflow_dispatch',
      'jobs:',
      '  first:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      `      - run: touch ${marker}`,
      '  call:',
      '    needs: first',
      '    uses: ./.github/workflows/other.yml',
      '  db:',
      '    runs-on: ubuntu-latest',
      '    services:',
      '      redis:',
      '        image: redis',
      '    steps:',
      '      - run: echo hi',
      '  build:',
      '    runs-on: ubuntu-latest',
      '    container: node:20',
      '    steps:',
      '      - run: echo hi',
    ].join('\n'),
  );
  const run = await runInProcess([file]);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n')).toEqual([
    `workflow: ${file}:9: not supported: reusable workflows (jobs.call.uses)`,
    `workflow: ${file}:12: not supported: services: (service containers)`,
    `workflow: ${file}:19: not supported: container: (jobs in a container; this runner runs steps on this machine)`,
  ]);
  expect(existsSync(marker)).toBe(false);
});

test("a docker action in the workspace, and a composite action's unsupported step, are found before the run", async () => {
  const actions = mkdtempSync(join(tmpdir(), 'wf-actions-'));
  writeFileSync(
    join(actions, 'action.yml'),
    'name: d\ndescription: d\nruns:\n  using: docker\n  image: Dockerfile\n',
  );
  const composite = mkdtempSync(join(tmpdir(), 'wf-composite-'));
  writeFileSync(
    join(composite, 'action.yml'),
    'name: c\ndescription: c\nruns:\n  using: composite\n  steps:\n    - uses: docker://alpine:3\n',
  );
  const file = workflow('nested', UBUNTU, [
    `- uses: ./${relative(dir, actions)}`,
    `- uses: ./${relative(dir, composite)}`,
  ]);
  const run = await runInProcess([file, '--workspace', dir]);
  expect(run.code).toBe(2);
  expect(run.stderr.trimEnd().split('\n')).toEqual([
    expect.stringMatching(new RegExp(`^workflow: .*nested\\.yml:7: not supported: docker actions \\(\\./`)),
    expect.stringMatching(
      /^workflow: .*\/action\.yml:6: not supported: docker actions \(docker:\/\/alpine:3\)/,
    ),
  ]);
  expect(existsSync(marker)).toBe(false);
});

test("the parser's errors, one line each with file:line", async () => {
  const file = join(dir, 'invalid.yml');
  writeFileSync(
    file,
    [
      'on: workflow_dispatch',
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: echo ${{ nope.value }}',
      '      - uses: ./x',
      '        run: both',
    ].join('\n'),
  );
  const run = await runInProcess([file]);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n')).toEqual([
    `workflow: ${file}:6: Unrecognized named-value: 'nope'`,
    `workflow: ${file}:8: Unexpected value 'run'`,
  ]);

  // A YAML syntax error: its first line only, not the code frame under it.
  writeFileSync(file, 'on: push\njobs:\n  build:\n    steps:\n      - run: echo "a: b"  and: c\n');
  const syntax = await runInProcess([file]);
  expect(syntax.code).toBe(2);
  for (const line of syntax.stderr.trimEnd().split('\n')) {
    expect(line).toMatch(
      new RegExp(
        `^workflow: ${file}:5: Nested mappings are not allowed in compact mappings at line 5, column \\d+$`,
      ),
    );
  }
});

test('an unknown --job names the jobs', async () => {
  const file = join(dir, 'two-jobs.yml');
  const job = ['    runs-on: ubuntu-latest', '    steps:', '      - run: echo hi'];
  writeFileSync(file, ['on: push', 'jobs:', '  test:', ...job, '  deploy:', ...job].join('\n'));
  const unknown = await runInProcess([file, '--job', 'lint']);
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toBe(`workflow: ${file} has no job lint (its jobs: test, deploy)\n`);
});

test('bad usage exits 2: unknown flags, flags without values, events, inputs, env-file lines', async () => {
  const file = workflow('usage', UBUNTU);
  const envFile = join(dir, 'bad.env');
  writeFileSync(
    envFile,
    ['# settings', 'GOOD=1', 'junk', 'ALSO="good"', "Q='never closed", 'X="a"b', ''].join('\n'),
  );
  const expectations: [string[], string][] = [
    [[], 'workflow: which workflow? (see --help)\n'],
    [[file, '--frobnicate', 'x'], 'workflow: unknown flag --frobnicate (see --help)\n'],
    [[file, '-x'], 'workflow: unknown flag -x (see --help)\n'],
    [[file, '--job'], 'workflow: --job needs a value\n'],
    [[file, '--job', '--var', 'A=1'], 'workflow: --job needs a value\n'],
    [[file, file], `workflow: one workflow at a time (${file}, then ${file})\n`],
    [
      [file, '--secret', 'NOT_IN_THE_ENVIRONMENT'],
      'workflow: --secret NOT_IN_THE_ENVIRONMENT: $NOT_IN_THE_ENVIRONMENT is not set\n',
    ],
    [
      [file, '--env-file', envFile],
      [
        `workflow: ${envFile}:3: not a NAME=VALUE line`,
        `workflow: ${envFile}:5: the ' quote of Q is never closed`,
        `workflow: ${envFile}:6: text after the closing ": a value cannot hold its own quote (quote it with another kind)`,
        '',
      ].join('\n'),
    ],
    [[file, '--var', 'novalue'], 'workflow: --var wants NAME=VALUE, not "novalue"\n'],
    [[file, '--event', 'push'], `workflow: ${file} does not run on push (it runs on: workflow_dispatch)\n`],
    [[file, '--input', 'x=1'], 'workflow: --input x: the workflow has no such input (its inputs: none)\n'],
  ];
  for (const [args, stderr] of expectations) {
    const run = await runInProcess(args);
    expect([args, run.code, run.stderr]).toEqual([args, 2, stderr]);
  }
  expect(existsSync(marker)).toBe(false);
});
