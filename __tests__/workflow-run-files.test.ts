// What a run keeps in its folder, so a failed run can be read after the terminal is gone: log.txt
// (the console as shown, secrets masked), outputs.json (every job's and step's outputs), and a
// summary that opens with the jobs' table (result, duration, the failing step and its error), then a
// Mermaid gantt of the jobs and their steps, then the steps' own summaries.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { ROOT } from './helpers/run-action.js';
import { runWorkflowInProcess } from './helpers/workflow-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'wf-files-'));
const WORKFLOW = join(dir, 'files.yml');
writeFileSync(
  WORKFLOW,
  [
    'name: Files',
    'on: workflow_dispatch',
    'jobs:',
    '  build:',
    '    runs-on: ubuntu-latest',
    '    outputs:',
    '      image: ${{ steps.make.outputs.image }}',
    '    steps:',
    '      - id: make',
    '        name: Make',
    '        run: |',
    '          echo "image=wine:1" >> "$GITHUB_OUTPUT"',
    '          echo "the secret is ${{ secrets.TOKEN }}"',
    '          echo "### built wine:1" >> "$GITHUB_STEP_SUMMARY"',
    '  test:',
    '    needs: build',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - name: Check it',
    '        run: |',
    '          echo "::error::the model answered 500 | twice"',
    '          exit 1',
  ].join('\n'),
);

test("log.txt, outputs.json and a summary with the jobs, a gantt, then the steps' summaries", async () => {
  const run = await runWorkflowInProcess([WORKFLOW, '--secret', 'TOKEN=hunter22']);
  expect(run.code).toBe(1);
  const summaryPath = resolve(ROOT, /job summary {2}(\S+)/.exec(run.stdout)?.[1] ?? '');
  const runDir = dirname(summaryPath);

  const log = readFileSync(join(runDir, 'log.txt'), 'utf8');
  expect(log).toBe(run.stdout);
  expect(log).toContain('the secret is ***');
  expect(log).not.toContain('hunter22');

  const outputs = JSON.parse(readFileSync(join(runDir, 'outputs.json'), 'utf8')) as {
    jobs: Record<
      string,
      {
        result: string;
        outputs: Record<string, string>;
        steps: Record<string, { outputs: Record<string, string>; outcome: string }>;
      }
    >;
  };
  expect(outputs.jobs.build).toMatchObject({
    result: 'succeeded',
    outputs: { image: 'wine:1' },
    steps: { make: { outcome: 'success', outputs: { image: 'wine:1' } } },
  });
  expect(outputs.jobs.test?.result).toBe('failed');

  const summary = readFileSync(summaryPath, 'utf8');
  const [head = '', chart = '', ...rest] = summary.split('```');
  expect(head.split('\n').slice(0, 8)).toEqual([
    '# Files',
    '',
    expect.stringMatching(/^✗ run failed in [\d.]+s: succeeded build; failed test$/),
    '',
    '| job | result | duration | failing step | error |',
    '| --- | --- | ---: | --- | --- |',
    expect.stringMatching(/^\| build \| ✅ succeeded \| [\d.]+s \| {2}\| {2}\|$/),
    expect.stringMatching(
      /^\| test \| ❌ failed \| [\d.]+s \| Check it \| the model answered 500 \\\| twice \|$/,
    ),
  ]);
  expect(chart).toMatch(/^mermaid\ngantt\n {2}dateFormat x\n/);
  expect(chart).toMatch(/ {2}section build\n {2}job build :done, \d+, \d+\n {2}Make :\d+, \d+\n/);
  expect(chart).toMatch(/ {2}section test\n {2}job test :crit, \d+, \d+\n {2}Check it :crit, \d+, \d+\n/);
  expect(rest.join('```')).toContain('## build\n\n### built wine:1');
});
