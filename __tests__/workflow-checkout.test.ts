// The workspace a job sees, as on GitHub: without actions/checkout an empty folder (a step reading the
// repository's files fails here as it would there), with it the working tree as it is, its
// uncommitted changes used and said once per run.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runWorkflowInProcess, stepLines } from './helpers/workflow-cli.js';

const repo = mkdtempSync(join(tmpdir(), 'wf-checkout-'));
const git = (...args: string[]) =>
  execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
    stdio: 'ignore',
  });
git('init', '-q');
writeFileSync(join(repo, 'committed.yaml'), 'kind: committed\n');
git('add', '.');
git('commit', '-qm', 'first');
writeFileSync(join(repo, 'manifest.yaml'), 'kind: uncommitted\n');
mkdirSync(join(repo, '.github', 'workflows'), { recursive: true });
const WORKFLOW = join(repo, '.github', 'workflows', 'checkout.yml');
writeFileSync(
  WORKFLOW,
  [
    'on: workflow_dispatch',
    'jobs:',
    '  with-checkout:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - uses: actions/checkout@v4',
    '      - run: cat manifest.yaml',
    '  without:',
    '    needs: with-checkout',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - name: Read the manifest',
    '        run: cat manifest.yaml',
  ].join('\n'),
);

test('without actions/checkout the job starts in an empty folder; with it the working tree, its changes said once', async () => {
  const run = await runWorkflowInProcess([WORKFLOW]);
  expect(run.code).toBe(1);
  // Two uncommitted files: the workflow itself and the manifest.
  const notes = run.lines.filter((line) => line.includes('uncommitted change'));
  expect(notes).toEqual([
    expect.stringMatching(
      /^ {2}its 2 uncommitted changes are used \(git status\); on GitHub the job gets commit [0-9a-f]{7,} without them$/,
    ),
  ]);
  expect(run.stdout).toContain('  kind: uncommitted');
  expect(run.lines).toContain(
    'workspace    empty: the job has no actions/checkout step, so on GitHub its steps start in an empty folder, and here too',
  );
  expect(stepLines(run, 'Read the manifest').join('\n')).toMatch(/No such file or directory/);
  expect(run.lines.at(-2)).toMatch(/^✗ run failed in .*: succeeded with-checkout; failed without$/);
});
