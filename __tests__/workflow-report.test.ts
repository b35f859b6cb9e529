// The fork's report path rehearsed by the local runner, as a user runs it: a pull_request run from a
// fork (--pull-request N --fork) whose steps save their report sections, uploaded with
// actions/upload-artifact, then a workflow on workflow_run (--event workflow_run finds that run)
// that downloads them with actions/download-artifact and hands them to the report action, which,
// without a GitHub token here, shows in its job summary what it would post. The runner runs in this
// process, each odahu step from its sources on the emulator's clock.

import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import * as core from './helpers/core-mock.js';
import type { TestEmulator } from './helpers/emulator.js';
import { clusterFlags, otherRepository, summaryOf } from './helpers/other-repository.js';
import { runWorkflowInProcess, stepLines } from './helpers/workflow-cli.js';
import type { CliRun } from './helpers/workflow-cli.js';

jest.unstable_mockModule('@actions/core', () => core);
const { startTestEmulator } = await import('./helpers/emulator.js');
const { inProcessStages } = await import('./helpers/in-process.js');

let emulator: TestEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});

afterAll(() => emulator.close());

function runWorkflowCli(args: string[]): Promise<CliRun> {
  return runWorkflowInProcess(args, { stages: inProcessStages({ emulator }) });
}

// Runs of every test share .tmp/runs: a name of its own finds this test's run.
const NAME = `Evaluation ${randomUUID().slice(0, 8)}`;

const ENV = `    env:
      ODAHU_API_URL: \${{ vars.ODAHU_API_URL }}
      ODAHU_AUTH_URL: \${{ vars.ODAHU_AUTH_URL }}
      ODAHU_CLIENT_ID: \${{ vars.ODAHU_CLIENT_ID }}
      ODAHU_CLIENT_SECRET: \${{ secrets.ODAHU_CLIENT_SECRET }}
`;

const PULL_REQUEST = `name: ${NAME}
on: pull_request
jobs:
  evaluate:
    runs-on: ubuntu-latest
${ENV}    steps:
      - uses: actions/checkout@v4
      - uses: odahu/odahu-actions/apply@v1
        with:
          manifests: models.yaml
      - id: evaluate
        uses: odahu/odahu-actions/evaluate@v1
        with:
          candidate: wine-pr-\${{ github.event.pull_request.number }}
          baseline: wine
          dataset: data/eval.csv
          label-column: y
          gates: rmse <= 0.1
          pr-comment: true
      - if: always()
        uses: actions/upload-artifact@v4
        with:
          name: odahu-report-\${{ github.job }}
          path: \${{ runner.temp }}/odahu-report/
          if-no-files-found: ignore
`;

const REPORT = `name: Report
on:
  workflow_run:
    workflows: [${NAME}]
    types: [completed]
jobs:
  report:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/download-artifact@v4
        with:
          pattern: odahu-report-*
          merge-multiple: true
          path: \${{ runner.temp }}/odahu-report
          run-id: \${{ github.event.workflow_run.id }}
      - id: report
        uses: odahu/odahu-actions/report@v1
        with:
          path: \${{ runner.temp }}/odahu-report
`;

const MODELS = ['wine', 'wine-pr-7']
  .map((id) => `kind: ModelDeployment\nid: ${id}\nspec: {image: "ghcr.io/acme/${id}:1", minReplicas: 1}\n`)
  .join('---\n');
const DATA = ['a,b,y', ...Array.from({ length: 30 }, (_, i) => `${i},${i % 4},${(i + (i % 4)) / 2}`)].join(
  '\n',
);

test("a fork's pull request saves its section; the workflow_run workflow finds, downloads and shows it", async () => {
  const repo = otherRepository(PULL_REQUEST, {
    'models.yaml': MODELS,
    'data/eval.csv': DATA,
    '.github/workflows/report.yml': REPORT,
  });
  const pr = await runWorkflowCli([repo.file, '--pull-request', '7', '--fork', ...clusterFlags(emulator)]);
  expect(pr.stderr).toBe('');
  expect(pr.code).toBe(0);
  expect(stepLines(pr, 'Run odahu/odahu-actions/evaluate@v1')).toContainEqual(
    expect.stringMatching(
      /^ {2}pr-comment: this pull request comes from a fork, and there is no token to comment with: the report section is saved in \S+\/odahu-report for the report action/,
    ),
  );
  expect(pr.lines).toContainEqual(
    expect.stringMatching(/^ {2}Uploaded 1 file as artifact odahu-report-evaluate \(\S+\)\.$/),
  );
  const runId = /^run {8}(\d+) in /m.exec(pr.stdout)![1]!;

  const report = await runWorkflowCli([
    `${repo.dir}/.github/workflows/report.yml`,
    '--event',
    'workflow_run',
    ...clusterFlags(emulator),
  ]);
  expect(report.stderr).toBe('');
  expect(report.code).toBe(0);
  expect(report.lines).toContainEqual(
    expect.stringMatching(
      new RegExp(
        `^ {2}1 artifact of run ${runId} \\(odahu-report-evaluate\\) downloaded to \\S+, merged\\.$`,
      ),
    ),
  );
  expect(report.lines).toContain(
    "  github-token is empty (as github.token is outside GitHub's runners): nothing is posted; the 1 section(s) that would be are in the job summary.",
  );
  const summary = summaryOf(report);
  expect(summary).toContain(
    '<b>#7</b> · <code>wine-pr-7</code> · step <code>evaluate</code>: not posted: no github-token',
  );
  expect(summary).toContain('#### ✅ Odahu evaluate');
  expect(summary).toContain('```mermaid\nxychart-beta');
  expect(summary).toContain(
    `<a href="https://github.com/local/${repo.dir.split('/').pop()}/actions/runs/${runId}/attempts/1">${NAME}</a>`,
  );

  // Another run can be named; one that is not there is one line.
  const missing = await runWorkflowCli([
    `${repo.dir}/.github/workflows/report.yml`,
    '--event',
    'workflow_run',
    '--workflow-run',
    '1',
  ]);
  expect([missing.code, missing.stderr]).toEqual([
    2,
    expect.stringMatching(/^workflow: --workflow-run 1: no finished run 1 in \S+\n$/),
  ]);
});

test('--fork without --pull-request, and --pull-request on another event: one line each', async () => {
  const repo = otherRepository(PULL_REQUEST);
  const fork = await runWorkflowCli([repo.file, '--fork']);
  expect([fork.code, fork.stderr]).toEqual([2, 'workflow: --fork goes with --pull-request NUMBER\n']);
  const push = await runWorkflowCli([repo.file, '--pull-request', '7', '--event', 'push']);
  expect([push.code, push.stderr]).toEqual([
    2,
    expect.stringMatching(/^workflow: \S+ does not run on push \(it runs on: pull_request\)\n$/),
  ]);
});
