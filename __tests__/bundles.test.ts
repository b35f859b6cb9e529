// One smoke test per action: its bundle (dist/<name>/index.js, what GitHub runs) run as GitHub's
// runner runs it, a process on the node ODAHU_TEST_NODE names (.ci/run gives Node 24, the runtime of
// node24 actions; else this node), against the emulator (evaluate and report in one test, as a fork's
// pull request chains them): it starts, reads its inputs, does its one
// job over HTTP and sets its outputs. What each action does in every case is tested from its sources
// (actions-*.test.ts); npm run demo runs wine.yml through the runner with these bundles
// (workflow-demo.test.ts). Each step here stands alone: what it needs is made through the API first.

import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestEmulator } from './helpers/emulator.js';
import { startTestEmulator } from './helpers/emulator.js';
import { Api, fetchToken } from './helpers/emulator-http.js';
import { clusterFlags, otherRepository, workflow } from './helpers/other-repository.js';
import { emulatorEnv, runAction, trainingManifest } from './helpers/run-action.js';
import type { ModelDeployment, ModelTraining } from '../src/shared/odahu/types.js';
import { runWorkflowCli } from './helpers/workflow-cli.js';

let emulator: TestEmulator;
let api: Api;
let env: Record<string, string>;
const poll = { 'poll-interval': '0.1s' };
const TRAINING_SPEC = {
  model: { name: 'wine', version: '1.0' },
  toolchain: 'mlflow',
  algorithmSource: { objectStorage: { connection: 'models-output', path: 'code/wine' } },
};

beforeAll(async () => {
  emulator = await startTestEmulator();
  api = new Api(emulator, await fetchToken(emulator));
  env = emulatorEnv(emulator);
});

afterAll(() => emulator.close());

/** A training made through the API and stepped to its end on the held clock: its artifact. */
async function trainedArtifact(id: string): Promise<string> {
  return emulator.held(async () => {
    expect((await api.post('model/training', { id, spec: TRAINING_SPEC })).status).toBe(201);
    const done = await api.stepUntil<ModelTraining>(
      `model/training/${id}`,
      (training) => training.status?.state === 'succeeded',
    );
    return done.status!.artifacts![0]!.artifactName;
  });
}

test('connection', async () => {
  const run = await runAction(
    'connection',
    {
      connection:
        'kind: Connection\nid: smoke-code\nspec: {type: git, uri: git@github.com:odahu/odahu-examples.git}',
      'ssh-key': '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk\n-----END OPENSSH PRIVATE KEY-----',
    },
    { env },
  );
  expect(run.failure).toBeUndefined();
  expect(run.exitCode).toBe(0);
  expect(run.outputs['connection-id']).toBe('smoke-code');
  expect(run.summary).toContain('smoke-code');
});

test('train', async () => {
  const run = await runAction('train', { training: trainingManifest('smoke-train'), ...poll }, { env });
  expect(run.failure).toBeUndefined();
  expect(run.outputs).toMatchObject({ 'training-id': 'smoke-train', state: 'succeeded' });
  expect(run.outputs['artifact-name']).toMatch(/^wine-1\.0-/);
  expect(run.log).toContain('▸ Log of training smoke-train');
});

test('package', async () => {
  const artifact = await trainedArtifact('smoke-package');
  const run = await runAction(
    'package',
    {
      packaging:
        'kind: ModelPackaging\nid: smoke-package\nspec: {integrationName: docker-rest, targets: [{name: docker-push, connectionName: docker-ci}]}',
      'artifact-name': artifact,
      ...poll,
    },
    { env },
  );
  expect(run.failure).toBeUndefined();
  expect(run.outputs).toMatchObject({ 'packaging-id': 'smoke-package', state: 'succeeded' });
  expect(run.outputs.image).toMatch(/wine-1\.0:/);
});

test('deploy, then predict at its URL', async () => {
  const deploy = await runAction(
    'deploy',
    { id: 'smoke-deploy', image: 'ghcr.io/acme/wine:1', ...poll },
    { env },
  );
  expect(deploy.failure).toBeUndefined();
  expect(deploy.outputs).toMatchObject({ 'deployment-id': 'smoke-deploy', state: 'Ready' });
  const predict = await runAction(
    'predict',
    { url: deploy.outputs.url!, request: '{"columns": ["a", "b"], "data": [[1, 2], [3, 5]]}' },
    { env },
  );
  expect(predict.failure).toBeUndefined();
  expect(JSON.parse(predict.outputs.response!)).toEqual({ prediction: [1.5, 4], columns: ['prediction'] });
});

test('wait', async () => {
  await trainedArtifact('smoke-wait');
  const run = await runAction('wait', { 'training-id': 'smoke-wait', ...poll }, { env });
  expect(run.failure).toBeUndefined();
  expect(run.outputs).toMatchObject({ state: 'succeeded' });
  expect(run.outputs['artifact-name']).toMatch(/^wine-1\.0-/);
});

test('batch', async () => {
  const service = [
    'kind: InferenceService',
    'id: smoke-batch',
    'spec:',
    '  image: registry.odahu.local/odahu/wine-batch:1.0',
    '  command: [python, predict.py]',
    "  modelRegistry: {local: {meta: {name: wine, version: '1.0'}, modelPath: /opt/model}}",
    '  dataSource: {connection: models-output, path: batch/input/}',
    '  outputDestination: {connection: models-output, path: batch/output/}',
  ].join('\n');
  const run = await runAction('batch', { service, ...poll }, { env });
  expect(run.failure).toBeUndefined();
  expect(run.outputs).toMatchObject({ 'service-id': 'smoke-batch', state: 'succeeded' });
});

test('apply', async () => {
  const manifests = [
    'kind: Connection',
    'id: smoke-applied',
    'spec: {type: git, uri: git@github.com:odahu/odahu-examples.git, keySecret: a2V5}',
    '---',
    'kind: ModelDeployment',
    'id: smoke-applied',
    'spec: {image: ghcr.io/acme/wine:1, predictor: odahu-ml-server}',
  ].join('\n');
  const run = await runAction('apply', { manifests, ...poll }, { env });
  expect(run.failure).toBeUndefined();
  expect(JSON.parse(run.outputs.resources!)).toEqual([
    expect.objectContaining({ kind: 'Connection', id: 'smoke-applied', action: 'created' }),
    expect.objectContaining({ kind: 'ModelDeployment', id: 'smoke-applied', action: 'created' }),
  ]);
  expect((await api.get<ModelDeployment>('model/deployment/smoke-applied')).status).toBe(200);
});

test("evaluate, on a fork's pull request: its report section saved; then report, on workflow_run", async () => {
  await emulator.held(async () => {
    for (const id of ['smoke-serving', 'smoke-candidate']) {
      const spec = { image: `ghcr.io/acme/${id}:1`, predictor: 'odahu-ml-server' };
      expect((await api.post('model/deployment', { id, spec })).status).toBe(201);
      await api.stepUntil<ModelDeployment>(`model/deployment/${id}`, (d) => d.status?.state === 'Ready');
    }
  });
  const temp = mkdtempSync(join(tmpdir(), 'smoke-evaluate-'));
  const event = (name: string, payload: unknown) => {
    writeFileSync(join(temp, name), JSON.stringify(payload));
    return join(temp, name);
  };
  const head = 'c'.repeat(40);
  const github = {
    RUNNER_TEMP: temp,
    GITHUB_REPOSITORY: 'acme/models',
    GITHUB_RUN_ID: '5',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'Models',
    GITHUB_WORKFLOW_REF: 'acme/models/.github/workflows/models.yml@refs/pull/7/merge',
  };
  const evaluate = await runAction(
    'evaluate',
    {
      candidate: 'smoke-candidate',
      baseline: 'smoke-serving',
      // Labelled by what the emulated model answers: both score perfectly.
      dataset: 'examples/data/wine-eval.csv',
      'label-column': 'quality',
      'slice-by': 'color',
      gates: 'rmse <= 0.001\nagreement >= 100%',
      'pr-comment': 'true',
      // No token, as on this machine: the section is saved as a fork's run saves it.
      'github-token': '',
    },
    {
      env: {
        ...env,
        ...github,
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: event('pr.json', {
          number: 7,
          pull_request: { number: 7, head: { ref: 'x', sha: head, repo: { full_name: 'someone/models' } } },
        }),
        GITHUB_JOB: 'evaluate',
        GITHUB_ACTION: 'evaluate',
      },
    },
  );
  expect(evaluate.failure).toBeUndefined();
  expect(evaluate.outputs).toMatchObject({ passed: 'true', rmse: '0', agreement: '1' });
  expect(evaluate.summary).toContain('```mermaid\nxychart-beta');
  expect(readdirSync(join(temp, 'odahu-report'))).toEqual([expect.stringMatching(/^evaluate-.*\.json$/)]);
  const report = await runAction(
    'report',
    { 'github-token': '' },
    {
      env: {
        ...github,
        GITHUB_RUN_ID: '6',
        GITHUB_JOB: 'report',
        GITHUB_EVENT_NAME: 'workflow_run',
        GITHUB_EVENT_PATH: event('run.json', {
          workflow_run: {
            html_url: 'https://github.com/acme/models/actions/runs/5',
            run_attempt: 1,
            path: '.github/workflows/models.yml',
            name: 'Models',
            event: 'pull_request',
            head_sha: head,
          },
        }),
      },
    },
  );
  expect(report.failure).toBeUndefined();
  expect(report.outputs.posted).toBe('0');
  expect(report.summary).toContain('#### ✅ Odahu evaluate');
});

test('pipeline (the composite, from another repository): its check and its training, then a cancel that reaches the training', async () => {
  // The runner as a process too: the composite's steps `exec node` the phases' bundles, so the
  // runner's SIGINT reaches the training's node, which deletes what it started.
  const slow = await startTestEmulator({ trainingSeconds: 30 });
  try {
    const { file } = otherRepository(
      workflow(`      - uses: someone/odahu-actions/pipeline@main
        with:
          training: odahu/training.yaml
          packaging: odahu/packaging.yaml
          poll-interval: 0.1s
`),
      {
        'odahu/training.yaml': trainingManifest('cancel-pipeline'),
        'odahu/packaging.yaml':
          'kind: ModelPackaging\nid: cancel-pipeline\nspec: {integrationName: docker-rest, targets: [{name: docker-push, connectionName: docker-ci}]}\n',
      },
    );
    let cancelledAt = 0;
    const run = await runWorkflowCli([file, ...clusterFlags(slow)], {
      onOutput: (stdout, kill) => {
        if (!cancelledAt && /training cancel-pipeline: (scheduling|running)/.test(stdout)) {
          cancelledAt = Date.now();
          kill('SIGINT');
        }
      },
    });
    expect(cancelledAt).toBeGreaterThan(0);
    expect(run.code).toBe(1);
    expect(run.lines).toContainEqual(expect.stringMatching(/^ {2}✓ Check the inputs /));
    // The signal reached the training's node process (exec), which cleaned up within the grace time.
    expect(run.stdout).toContain(
      'Deleting training cancel-pipeline, which this step started (on-cancel: delete).',
    );
    expect(run.stdout).not.toContain('▶ Package');
    const slowApi = new Api(slow, await fetchToken(slow));
    expect((await slowApi.get('model/training/cancel-pipeline')).status).toBe(404);
  } finally {
    await slow.close();
  }
});
