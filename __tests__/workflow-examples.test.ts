// Every workflow in examples/workflows/ runs green under the local runner (npm run workflow's command
// line, in this process, each odahu step from its sources on the emulator's clock; npm run demo runs
// wine.yml with the bundles: workflow-demo.test.ts) against an emulator, and a failing variant fails
// at the right step. One contract-checked emulator serves them all (wine-fire-and-forget.yml,
// airflow-migration.yml, pr-preview.yml and pr-evaluate.yml train with the connections wine.yml
// creates; pr-evaluate.yml judges its preview against wine.yml's model, and odahu-report.yml follows
// it), given to the runner in each way a user can: --var/--secret, the
// environment, an env file, and the Airflow connection secret alone. wine-jobs.yml runs its six jobs
// on it too.

import { chmodSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { jest } from '@jest/globals';
import * as core from './helpers/core-mock.js';
import type { TestEmulator } from './helpers/emulator.js';
import { fetchToken } from './helpers/emulator-http.js';
import { ROOT } from './helpers/run-action.js';
import type { CliOptions, CliRun } from './helpers/workflow-cli.js';
import { runWorkflowInProcess, stepLines } from './helpers/workflow-cli.js';

jest.unstable_mockModule('@actions/core', () => core);
const { startTestEmulator } = await import('./helpers/emulator.js');
const { inProcessStages } = await import('./helpers/in-process.js');

const GCP_KEY = JSON.stringify({
  type: 'service_account',
  project_id: 'wine-project',
  private_key_id: 'abc123def456',
  private_key: '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n',
  client_email: 'trainer@wine-project.iam.gserviceaccount.com',
});
const SSH_KEY =
  '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----';

let emulator: TestEmulator;
/** The emulator as --var and --secret flags. */
let cluster: string[];
/** The emulator as ODAHU_* settings. */
let settings: Record<string, string>;
/** wine.yml copies its data with gsutil when it finds one: stand-ins keep the fake key off Google. */
let env: Record<string, string>;

beforeAll(async () => {
  emulator = await startTestEmulator();
  settings = {
    ODAHU_API_URL: emulator.apiUrl,
    ODAHU_AUTH_URL: emulator.authUrl,
    ODAHU_CLIENT_ID: emulator.clientId,
    ODAHU_CLIENT_SECRET: emulator.clientSecret,
  };
  cluster = [
    ...['--var', `ODAHU_API_URL=${emulator.apiUrl}`],
    ...['--var', `ODAHU_AUTH_URL=${emulator.authUrl}`],
    ...['--var', `ODAHU_CLIENT_ID=${emulator.clientId}`],
    ...['--secret', `ODAHU_CLIENT_SECRET=${emulator.clientSecret}`],
  ];
  const bin = mkdtempSync(join(tmpdir(), 'wf-gcloud-'));
  for (const tool of ['gcloud', 'gsutil']) {
    writeFileSync(join(bin, tool), `#!/bin/sh\necho "(test) ${tool} $*"\n`);
    chmodSync(join(bin, tool), 0o755);
  }
  env = { PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` };
});

afterAll(() => emulator.close());

/** The runner on the test emulator (given by flags, the environment, an env file or a connection). */
function runWorkflowCli(args: string[], options: CliOptions = {}): Promise<CliRun> {
  return runWorkflowInProcess(args, { ...options, stages: inProcessStages({ emulator }) });
}

/** A wine workflow with the emulator as --var/--secret, the data secrets and vars, the stand-in gsutil. */
function runWithWineSettings(workflow: string): Promise<CliRun> {
  return runWorkflowCli(
    [
      workflow,
      ...cluster,
      ...['--secret', `GCP_SA_KEY=${GCP_KEY}`, '--secret', `EXAMPLES_SSH_KEY=${SSH_KEY}`],
      ...['--var', 'WINE_BUCKET=wine-bucket', '--var', 'GCP_PROJECT=wine-project'],
    ],
    { env },
  );
}

function expectGreen(run: CliRun, job: string): void {
  expect(run.stderr).toBe('');
  expect(run.lines.filter((line) => line.trimStart().startsWith('✗'))).toEqual([]);
  expect(run.lines).toContainEqual(expect.stringMatching(new RegExp(`^✓ job ${job} succeeded in `)));
  expect(run.code).toBe(0);
}

// The long phases' three (wine-park, wine-resume, wine-continue) talk to GitHub's API, which the
// runner does not play yet: examples.test.ts checks them, actions-park.test.ts runs their loop.
test("the examples are the ones this file runs, and the long phases' three", () => {
  expect(readdirSync(join(ROOT, 'examples', 'workflows')).sort()).toEqual([
    'airflow-migration.yml',
    'odahu-report.yml',
    'pr-evaluate.yml',
    'pr-preview.yml',
    'wine-canary.yml',
    'wine-continue.yml',
    'wine-evaluate.yml',
    'wine-fire-and-forget.yml',
    'wine-jobs.yml',
    'wine-no-secrets.yml',
    'wine-park.yml',
    'wine-resume.yml',
    'wine.yml',
  ]);
});

test('wine-no-secrets.yml: trains, packages and deploys with no secret and no flag, each job by its GitHub OIDC token', async () => {
  // The embedded emulator, as a user's first dry run: it trusts each job's subject. The workflow sets
  // no client id or secret, so a grant with the job's GitHub token is the only way in.
  const run = await runWorkflowInProcess(['examples/workflows/wine-no-secrets.yml'], {
    stages: inProcessStages(),
  });
  expectGreen(run, 'deploy');
  expect(run.lines).toContainEqual(
    expect.stringMatching(/^oidc {7}GitHub's token service at \S+ for build, deploy \(id-token: write\)/),
  );
  expect(stepLines(run, 'Train')).toContainEqual(
    expect.stringMatching(/ training wine-no-secrets: succeeded /),
  );
  expect(stepLines(run, 'Package')).toContainEqual(
    expect.stringMatching(/ packaging wine-no-secrets: succeeded /),
  );
  expect(stepLines(run, 'Deploy')).toContainEqual(
    expect.stringMatching(/ deployment wine-no-secrets: Ready /),
  );
  expect(stepLines(run, 'Predict')).toContainEqual(
    expect.stringMatching(/^ {2}Prediction: \{"prediction":\[/),
  );
});

test('wine.yml: the whole DAG, connections to prediction', async () => {
  const run = await runWithWineSettings('examples/workflows/wine.yml');
  expectGreen(run, 'wine');
  expect(run.lines[1]).toBe(`cluster    ${emulator.apiUrl} (ODAHU_API_URL from --var ODAHU_API_URL)`);
  expect(stepLines(run, 'Data extraction')).toContain(
    '  (test) gsutil -m cp gs://wine-bucket/input/*.csv gs://wine-bucket/data/',
  );
  expect(stepLines(run, 'Connect the wine bucket')).toContain('  Connection wine (gcs) created.');
  expect(stepLines(run, 'Train')).toContainEqual(expect.stringMatching(/ training wine: succeeded /));
  expect(stepLines(run, 'Deploy')).toContainEqual(expect.stringMatching(/ deployment wine: Ready /));
  expect(stepLines(run, 'Show the prediction')).toContainEqual(
    expect.stringMatching(
      /^ {2}Model wine predicted \{"prediction":\[[\d.]+,[\d.]+\],"columns":\["prediction"\]\}$/,
    ),
  );
  // The secrets the workflow was given never show.
  for (const secret of [
    emulator.clientSecret,
    'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC',
    'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ',
  ]) {
    expect(run.stdout).not.toContain(secret);
  }
});

test('wine-fire-and-forget.yml and airflow-migration.yml, on the cluster wine.yml leaves', async () => {
  const host = new URL(emulator.apiUrl).host;
  const airflowConnection =
    `http://:${encodeURIComponent(emulator.clientSecret)}@${host}/http` +
    `?auth_url=${encodeURIComponent(emulator.authUrl)}&client_id=${encodeURIComponent(emulator.clientId)}`;
  const [fireAndForget, airflow] = await Promise.all([
    // The settings in the environment, as a shell that exported them.
    runWorkflowCli(['examples/workflows/wine-fire-and-forget.yml'], { env: { ...env, ...settings } }),
    // Only the Airflow connection secret: no ODAHU_* at all.
    runWorkflowCli(
      [
        'examples/workflows/airflow-migration.yml',
        '--secret',
        `AIRFLOW_CONN_ODAHUFLOW_API=${airflowConnection}`,
      ],
      {
        env,
      },
    ),
  ]);

  expectGreen(fireAndForget, 'wine');
  expect(fireAndForget.lines[1]).toBe(`cluster    ${emulator.apiUrl} (ODAHU_API_URL from the environment)`);
  expect(stepLines(fireAndForget, 'Meanwhile, other work')).toContainEqual(
    expect.stringMatching(/^ {2}training wine-\d+ is \w+; testing other things meanwhile$/),
  );
  expect(stepLines(fireAndForget, 'Show the image')).toContainEqual(
    expect.stringMatching(/^ {2}image \S+wine-1\.0:\S+$/),
  );

  expectGreen(airflow, 'deploy');
  expect(airflow.lines[1]).toMatch(/^cluster {4}the embedded Odahu emulator at /);
  expect(airflow.lines).toContain(
    "note       vars.ODAHU_MODEL_CLIENT_ID is not set (--var ODAHU_MODEL_CLIENT_ID=...): it reads as ''",
  );
  expect(stepLines(airflow, 'Predict')).toContainEqual(
    expect.stringMatching(/^ {2}Prediction: \{"prediction":/),
  );
  expect(airflow.stdout).not.toContain(emulator.clientSecret);
});

test('wine-jobs.yml: the DAGs as jobs, job outputs from train to predict, deploy behind production', async () => {
  const run = await runWithWineSettings('examples/workflows/wine-jobs.yml');
  for (const job of ['Data and connections', 'train', 'package', 'deploy', 'info', 'predict'])
    expectGreen(run, job);
  expect(run.lines[0]).toBe(
    'Wine model, job by job  examples/workflows/wine-jobs.yml › 6 jobs: prepare, train, package, deploy, info, predict (workflow_dispatch)',
  );
  // package got train's artifact through needs.train.outputs, deploy package's image, predict the deployment.
  expect(stepLines(run, 'Package')).toContainEqual(expect.stringMatching(/ packaging wine: succeeded /));
  expect(run.lines).toContain(`environment  production  ${emulator.apiUrl}/model/wine`);
  expect(stepLines(run, 'Model info')).toContain('  Model info: wine 1.0');
  expect(stepLines(run, 'Predict')).toContainEqual(expect.stringMatching(/^ {2}Prediction: \{"prediction":/));
  expect(run.lines.filter((line) => line !== '').at(-1)).toMatch(
    /^✓ run succeeded in .*: succeeded Data and connections, train, package, deploy, info, predict$/,
  );
  for (const secret of [emulator.clientSecret, 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC']) {
    expect(run.stdout).not.toContain(secret);
  }
});

test("pr-preview.yml: the preview job deploys the pull request's model, the teardown job deletes all it made", async () => {
  const pr = ['--input', 'pr=41'];
  const preview = await runWorkflowCli([
    'examples/workflows/pr-preview.yml',
    '--job',
    'preview',
    ...pr,
    ...cluster,
  ]);
  expectGreen(preview, 'preview');
  // Run by hand: no pull request to comment on, and no GitHub token for the deployment record.
  const notAPullRequest =
    '  pr-comment: this run is for a workflow_dispatch event, not a pull request: no report comment.';
  expect(stepLines(preview, 'Deploy the preview')).toEqual(
    expect.arrayContaining([
      "  Warning: github-environment: github-token is empty (as github.token is outside GitHub's runners): nothing is told to GitHub",
      notAPullRequest,
    ]),
  );
  expect(stepLines(preview, 'Try it')).toContain(notAPullRequest);
  expect(stepLines(preview, 'Say where')).toContainEqual(
    expect.stringMatching(/^ {2}Preview of pull request 41 at http:\/\/\S+\/model\/wine-pr-41$/),
  );
  const teardown = await runWorkflowCli([
    'examples/workflows/pr-preview.yml',
    ...['--job', 'teardown', '--input', 'teardown=true'],
    ...pr,
    ...cluster,
  ]);
  expectGreen(teardown, 'teardown');
  expect(stepLines(teardown, 'Tear the preview down')).toEqual(
    expect.arrayContaining([
      '  Deployment wine-pr-41 is gone.',
      '  Packaging wine-pr-41 is gone.',
      '  Training wine-pr-41 is gone.',
    ]),
  );
  const token = await fetchToken(emulator);
  for (const path of ['model/deployment', 'model/packaging', 'model/training']) {
    const answer = await fetch(`${emulator.apiUrl}/api/v1/${path}/wine-pr-41`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(answer.status).toBe(404);
  }
});

test('pr-evaluate.yml from a fork, then odahu-report.yml on workflow_run: the preview judged against production, its report saved and found', async () => {
  // wine.yml (above) left the production model wine and the connections the preview trains with.
  const pr = await runWorkflowCli([
    'examples/workflows/pr-evaluate.yml',
    ...['--pull-request', '42', '--fork'],
    ...cluster,
  ]);
  expectGreen(pr, 'evaluate');
  const evaluate = stepLines(pr, 'Evaluate against production');
  expect(evaluate).toEqual(
    expect.arrayContaining([
      '  ✓ rmse regression 0 ≤ 0.05 (0 against baseline 0)',
      '  ✓ rmse regression <= 0.1 per slice: every slice passes (2)',
      '  ✓ failed-rows 0 ≤ 0 (baseline 0)',
      expect.stringMatching(
        /^ {2}pr-comment: this pull request comes from a fork, and there is no token to comment with: the report section is saved in /,
      ),
    ]),
  );
  // Train, deploy and evaluate each saved a section.
  expect(stepLines(pr, 'Keep the report for the report workflow')).toContainEqual(
    expect.stringMatching(/^ {2}Uploaded 3 files as artifact odahu-report-evaluate /),
  );
  const report = await runWorkflowCli([
    'examples/workflows/odahu-report.yml',
    ...['--event', 'workflow_run'],
    ...cluster,
  ]);
  expectGreen(report, 'report');
  expect(stepLines(report, "Download the run's report sections")).toContainEqual(
    expect.stringMatching(/^ {2}1 artifact of run \d+ \(odahu-report-evaluate\) downloaded to /),
  );
  expect(stepLines(report, 'Post them')).toContain(
    "  github-token is empty (as github.token is outside GitHub's runners): nothing is posted; the 3 section(s) that would be are in the job summary.",
  );
});

test('wine-evaluate.yml: one candidate passes its gates, two worse ones fail theirs', async () => {
  const run = await runWorkflowCli(['examples/workflows/wine-evaluate.yml', ...cluster]);
  expect(run.code).toBe(0);
  expect(stepLines(run, 'Say what the gates said')).toContain(
    '  Gates passed? wine-candidate true, wine-offset false, wine-flipped false',
  );
  expect(stepLines(run, 'Evaluate a candidate whose predictions are off')).toContain(
    '  ✗ rmse regression 0.5 > 0 (0.5 against baseline 0)',
  );
});

test('wine-canary.yml: a first release at the stable URL, then a new version promoted by canary', async () => {
  const release = (image: string) =>
    runWorkflowCli([
      'examples/workflows/wine-canary.yml',
      ...['--input', `image=${image}`, '--input', 'model=wine-canary', '--input', 'interval=0.3s'],
      ...cluster,
    ]);
  const first = await release('ghcr.io/acme/wine:1.0');
  expectGreen(first, 'release');
  const url = `${emulator.edgeUrl}/custom/wine-canary`;
  expect(stepLines(first, 'Say what serves')).toContainEqual(
    expect.stringMatching(
      new RegExp(`^ {2}promoted=true: ${url} serves wine-canary-[0-9a-f]{6} \\(replacing nothing\\)$`),
    ),
  );
  const second = await release('ghcr.io/acme/wine:2.0');
  expectGreen(second, 'release');
  expect(stepLines(second, 'Release by canary')).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^ {2}Weight 10%: \d+ probes, 0 failed, .*agreement 100%: passed\.$/),
      expect.stringMatching(/^ {2}Promoted wine-canary-[0-9a-f]{6}: the stable URL serves it alone\./),
    ]),
  );
  expect(stepLines(second, 'Ask the stable URL')).toContainEqual(expect.stringMatching(/^ {2}Prediction: /));
  expect(stepLines(second, 'Say what serves')).toContainEqual(
    expect.stringMatching(
      new RegExp(
        `^ {2}promoted=true: ${url} serves wine-canary-[0-9a-f]{6} \\(replacing wine-canary-[0-9a-f]{6}\\)$`,
      ),
    ),
  );
});

test('a failing training: the job fails at Train, runs its if: failure() step, skips the rest', async () => {
  const envFile = join(mkdtempSync(join(tmpdir(), 'wf-env-')), 'odahu.env');
  writeFileSync(
    envFile,
    Object.entries(settings)
      .map(([name, value]) => `${name}=${value}\n`)
      .join(''),
  );
  const run = await runWorkflowCli(['__tests__/fixtures/workflow/wine-failing.yml', '--env-file', envFile]);
  expect(run.code).toBe(1);
  expect(run.lines[1]).toBe(`cluster    ${emulator.apiUrl} (ODAHU_API_URL from --env-file)`);
  expect(stepLines(run, 'Train')).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/ training wine-failing: failed /),
      expect.stringMatching(/^ {2}Error: training wine-failing failed: /),
      expect.stringMatching(/^✗ Train /),
    ]),
  );
  expect(run.lines).toEqual(
    expect.arrayContaining([
      '– Package  skipped',
      '▶ Report the failure',
      '  training wine-failing ended failed (failure)',
      '– Deploy  skipped',
    ]),
  );
  expect(run.lines).toContainEqual(expect.stringMatching(/^✗ job wine failed in .*: step Train failed$/));
});
