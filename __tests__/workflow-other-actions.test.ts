// Actions from other repositories in a workflow the runner is given: not refused, but skipped with one
// line each (even inside a composite action), their outputs '' unless given by --step-output or a stub
// file, and the run's last line counting them; actions/setup-node and setup-python played with this
// machine's own; a stub for a step that is not there is one line before anything runs.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runWorkflowInProcess } from './helpers/workflow-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'wf-other-'));

function write(name: string, lines: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

mkdirSync(join(dir, 'cached'), { recursive: true });
write('cached/action.yml', [
  'name: cached',
  'description: a composite that restores a cache',
  'outputs:',
  '  hit:',
  '    value: ${{ steps.cache.outputs.cache-hit }}',
  'runs:',
  '  using: composite',
  '  steps:',
  '    - id: cache',
  '      uses: actions/cache@v4',
  '      with:',
  '        path: ~/.cache',
  '        key: k',
]);

const WORKFLOW = write('other.yml', [
  'name: other',
  'on: workflow_dispatch',
  'jobs:',
  '  build:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - uses: actions/checkout@v4',
  '      - id: auth',
  '        uses: google-github-actions/auth@v2',
  '        with:',
  '          workload_identity_provider: projects/1/locations/global/workloadIdentityPools/p/providers/gh',
  '      - uses: aws-actions/configure-aws-credentials@v4',
  "        if: github.event_name == 'push'",
  '      - id: node',
  '        uses: actions/setup-node@v4',
  '        with:',
  "          node-version: '1'",
  '      - id: cached',
  '        uses: ./cached',
  '      - run: |',
  '          echo "project=[${{ steps.auth.outputs.project_id }}]"',
  '          echo "node=${{ steps.node.outputs.node-version }}"',
  '          echo "hit=[${{ steps.cached.outputs.hit }}]"',
]);

test("another repository's action is skipped with one line, its outputs '' and counted at the end", async () => {
  const run = await runWorkflowInProcess([WORKFLOW, '--workspace', dir]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.lines).toContain(
    '– Run google-github-actions/auth@v2  not run here: google-github-actions/auth@v2',
  );
  // Under an `if:` that is false here it is skipped as any step, and not counted.
  expect(run.lines).toContain('– Run aws-actions/configure-aws-credentials@v4  skipped');
  expect(run.lines).toContain('  – Run actions/cache@v4  not run here: actions/cache@v4');
  expect(run.stdout).toContain('project=[]');
  expect(run.stdout).toContain(`node=v${process.versions.node}`);
  expect(run.stdout).toMatch(
    /Warning: actions\/setup-node: node-version 1 asked for; the steps run on this machine's Node/,
  );
  expect(run.lines.at(-2)).toMatch(
    /^✓ run succeeded in [\d.]+s, 2 steps not run \(google-github-actions\/auth, actions\/cache\): succeeded build$/,
  );
});

test('--step-output and a stub file give a skipped step its outputs', async () => {
  const stubs = write('stubs.yml', [
    'actions/cache:',
    "  cache-hit: 'true'",
    'auth:',
    '  project_id: from-file',
  ]);
  const run = await runWorkflowInProcess([
    WORKFLOW,
    '--workspace',
    dir,
    '--stub-file',
    stubs,
    '--step-output',
    'auth.project_id=acme',
  ]);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('project=[acme]');
  expect(run.stdout).toContain('hit=[true]');
  expect(run.lines).toContain(
    '– Run google-github-actions/auth@v2  not run here: google-github-actions/auth@v2 (outputs given: project_id)',
  );
});

test('a stub for a step that is not there, or a malformed one, is one line before anything runs', async () => {
  const typo = await runWorkflowInProcess([
    WORKFLOW,
    '--workspace',
    dir,
    '--step-output',
    'auht.project_id=x',
  ]);
  expect(typo.code).toBe(2);
  expect(typo.stdout).toBe('');
  expect(typo.stderr).toBe(
    'workflow: stub outputs for auht (--step-output, --stub-file): no step auht among the steps not run here (auth, node, cache, google-github-actions/auth, aws-actions/configure-aws-credentials, actions/setup-node, actions/cache)\n',
  );
  const bad = await runWorkflowInProcess([WORKFLOW, '--step-output', 'project_id']);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toBe(
    'workflow: --step-output wants STEP.OUTPUT=VALUE (a step id, then an output name), not "project_id"\n',
  );
});

test("setup-python is this machine's python when it has one, else a step not run", async () => {
  const file = write('python.yml', [
    'on: workflow_dispatch',
    'jobs:',
    '  py:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - id: py',
    '        uses: actions/setup-python@v5',
    '        with:',
    "          python-version: '3.x'",
    '      - run: echo "python=[${{ steps.py.outputs.python-version }}]"',
  ]);
  const withPython = await runWorkflowInProcess([file, '--workspace', dir]);
  expect(withPython.code).toBe(0);
  expect(withPython.stdout).toMatch(/this machine's Python 3\.\d+\.\d+ \(.*python3?\) is the job's python/);
  expect(withPython.stdout).toMatch(/python=\[3\.\d+/);
  expect(withPython.lines.at(-2)).toMatch(/^✓ run succeeded in [\d.]+s: succeeded py$/);

  // A PATH with bash and nothing else.
  const bin = join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  symlinkSync(execFileSync('sh', ['-c', 'command -v bash'], { encoding: 'utf8' }).trim(), join(bin, 'bash'));
  const withoutPython = await runWorkflowInProcess([file, '--workspace', dir], { env: { PATH: bin } });
  expect(withoutPython.code).toBe(0);
  expect(withoutPython.stdout).toContain('not run here: actions/setup-python@v5');
  expect(withoutPython.lines.at(-2)).toMatch(/1 step not run \(actions\/setup-python\)/);
});
