// The event a run is for: a valid payload by default for each event (a pull request has a number, a
// head ref and a sha, so `wine-pr-${{ github.event.number }}` is an id), and --event-payload FILE
// merged over it, the github context following what it says.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runWorkflowInProcess } from './helpers/workflow-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'wf-event-'));
execFileSync('git', ['init', '-q', '-b', 'feature', dir]);
execFileSync('git', [
  '-C',
  dir,
  '-c',
  'user.name=t',
  '-c',
  'user.email=t@t',
  'commit',
  '-q',
  '--allow-empty',
  '-m',
  'one',
]);
const sha = execFileSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
const WORKFLOW = join(dir, 'pr.yml');
writeFileSync(
  WORKFLOW,
  [
    'on: [pull_request, push]',
    'jobs:',
    '  show:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - run: |',
    '          echo "number=${{ github.event.number }} head=${{ github.event.pull_request.head.ref }} sha=${{ github.event.pull_request.head.sha }}"',
    '          echo "ref=${{ github.ref }} head_ref=${{ github.head_ref }} base_ref=${{ github.base_ref }} env=$GITHUB_HEAD_REF"',
    '          echo "after=${{ github.event.after }} label=${{ github.event.pull_request.labels[0].name }}"',
  ].join('\n'),
);

test('a pull_request run has a pull request: number 1, the branch as its head, the commit as its sha', async () => {
  const run = await runWorkflowInProcess([WORKFLOW, '--event', 'pull_request']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toContain(`number=1 head=feature sha=${sha}`);
  expect(run.stdout).toContain('ref=refs/pull/1/merge head_ref=feature base_ref=main env=feature');
});

test('a push has its before and after', async () => {
  const run = await runWorkflowInProcess([WORKFLOW, '--event', 'push']);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain(`after=${sha}`);
});

test('--event-payload is merged over the default payload', async () => {
  const payload = join(dir, 'event.json');
  writeFileSync(
    payload,
    JSON.stringify({ number: 42, pull_request: { number: 42, labels: [{ name: 'preview' }] } }),
  );
  const run = await runWorkflowInProcess([WORKFLOW, '--event', 'pull_request', '--event-payload', payload]);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain(`number=42 head=feature sha=${sha}`);
  expect(run.stdout).toContain('ref=refs/pull/42/merge');
  expect(run.stdout).toContain('label=preview');

  writeFileSync(payload, '[1]');
  const array = await runWorkflowInProcess([WORKFLOW, '--event-payload', payload]);
  expect(array.code).toBe(2);
  expect(array.stderr).toBe(
    `workflow: --event-payload ${payload}: a JSON object, as GitHub's event payloads are\n`,
  );
  writeFileSync(payload, '{');
  const broken = await runWorkflowInProcess([WORKFLOW, '--event-payload', payload]);
  expect(broken.stderr).toMatch(/^workflow: --event-payload .*: not JSON \(/);
});
