// What stops the local runner before anything runs (exit 2, nothing on stdout, the job's first step
// never started): each unsupported feature with one line naming it and its file:line, the parser's
// errors, a workflow with several jobs and no --job, and bad flags.

import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { runWorkflowCli } from './helpers/workflow-cli.js';

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
    workflow('matrix', [...UBUNTU, 'strategy:', '  matrix:', '    version: [1, 2]']),
    ':5: ',
    /not supported: strategy: \(matrix jobs/,
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
    workflow('other-repository', UBUNTU, ['- uses: actions/setup-node@v4']),
    ':7: ',
    /not supported: actions from other repositories \(actions\/setup-node@v4\)/,
  ],
  [
    workflow('shell', UBUNTU, ['- run: Write-Host hi', '  shell: pwsh']),
    ':8: ',
    /not supported: shell: pwsh/,
  ],
];

describe.each(CASES)('%s', (file, place, feature) => {
  test('stops before anything runs, with one line naming the feature at file:line', async () => {
    const run = await runWorkflowCli([file]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`workflow: ${file}${place}`);
    expect(lines[0]).toMatch(feature);
    expect(existsSync(marker)).toBe(false);
  });
});

test('a reusable workflow job stops the run with its line', async () => {
  const file = join(dir, 'reusable.yml');
  writeFileSync(file, 'on: workflow_dispatch\njobs:\n  call:\n    uses: ./.github/workflows/other.yml\n');
  const run = await runWorkflowCli([file]);
  expect(run.code).toBe(2);
  expect(run.stderr).toBe(`workflow: ${file}:4: not supported: reusable workflows (jobs.call.uses)\n`);
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
    'name: c\ndescription: c\nruns:\n  using: composite\n  steps:\n    - uses: actions/cache@v4\n',
  );
  const file = workflow('nested', UBUNTU, [
    `- uses: ./${relative(dir, actions)}`,
    `- uses: ./${relative(dir, composite)}`,
  ]);
  const run = await runWorkflowCli([file, '--workspace', dir]);
  expect(run.code).toBe(2);
  expect(run.stderr.trimEnd().split('\n')).toEqual([
    expect.stringMatching(new RegExp(`^workflow: .*nested\\.yml:7: not supported: docker actions \\(\\./`)),
    expect.stringMatching(
      /^workflow: .*\/action\.yml:6: not supported: actions from other repositories \(actions\/cache@v4\)/,
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
  const run = await runWorkflowCli([file]);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n')).toEqual([
    `workflow: ${file}:6: Unrecognized named-value: 'nope'`,
    `workflow: ${file}:8: Unexpected value 'run'`,
  ]);

  // A YAML syntax error: its first line only, not the code frame under it.
  writeFileSync(file, 'on: push\njobs:\n  build:\n    steps:\n      - run: echo "a: b"  and: c\n');
  const syntax = await runWorkflowCli([file]);
  expect(syntax.code).toBe(2);
  for (const line of syntax.stderr.trimEnd().split('\n')) {
    expect(line).toMatch(
      new RegExp(
        `^workflow: ${file}:5: Nested mappings are not allowed in compact mappings at line 5, column \\d+$`,
      ),
    );
  }
});

test('several jobs and no --job: one line listing them; an unknown --job names the jobs', async () => {
  const file = join(dir, 'two-jobs.yml');
  const job = ['    runs-on: ubuntu-latest', '    steps:', '      - run: echo hi'];
  writeFileSync(file, ['on: push', 'jobs:', '  test:', ...job, '  deploy:', ...job].join('\n'));
  const none = await runWorkflowCli([file]);
  expect(none.code).toBe(2);
  expect(none.stderr).toBe(`workflow: ${file} has 2 jobs (test, deploy): choose one with --job ID\n`);
  const unknown = await runWorkflowCli([file, '--job', 'lint']);
  expect(unknown.stderr).toBe(`workflow: ${file} has no job lint (its jobs: test, deploy)\n`);
});

test('bad usage exits 2: unknown flags, events and inputs', async () => {
  const file = workflow('usage', UBUNTU);
  const expectations: [string[], string][] = [
    [[], 'workflow: which workflow? (see --help)\n'],
    [[file, '--frobnicate', 'x'], 'workflow: unknown flag --frobnicate (see --help)\n'],
    [[file, '--var', 'novalue'], 'workflow: --var wants NAME=VALUE, not "novalue"\n'],
    [[file, '--event', 'push'], `workflow: ${file} does not run on push (it runs on: workflow_dispatch)\n`],
    [[file, '--input', 'x=1'], 'workflow: --input x: the workflow has no such input (its inputs: none)\n'],
  ];
  for (const [args, stderr] of expectations) {
    const run = await runWorkflowCli(args);
    expect([args, run.code, run.stderr]).toEqual([args, 2, stderr]);
  }
  expect(existsSync(marker)).toBe(false);
});
