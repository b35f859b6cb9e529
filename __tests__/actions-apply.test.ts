// The apply action (odahuflowctl bulk apply / bulk delete) against the emulator: manifests in any
// order are applied in dependency order, a re-apply of what the cluster already holds writes nothing,
// a change writes only what changed, bad input and unresolved references fail the step before the
// first write, and delete: true removes everything in reverse order, waiting until it is gone.

import { jest } from '@jest/globals';
import * as core from './helpers/core-mock.js';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestEmulator } from './helpers/emulator.js';
import { Api, fetchToken } from './helpers/emulator-http.js';
import { emulatorEnv } from './helpers/run-action.js';

jest.unstable_mockModule('@actions/core', () => core);
const { startTestEmulator } = await import('./helpers/emulator.js');
const { runInProcess } = await import('./helpers/in-process.js');

let emulator: TestEmulator;
let env: Record<string, string>;
let api: Api;
let workspace: string;
const poll = { 'poll-interval': '0.1s' };

beforeAll(async () => {
  emulator = await startTestEmulator();
  env = emulatorEnv(emulator);
  api = new Api(emulator, await fetchToken(emulator));
  workspace = mkdtempSync(join(tmpdir(), 'odahu-apply-'));
});

afterAll(() => emulator.close());

function writeFiles(files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(workspace, path, '..'), { recursive: true });
    writeFileSync(join(workspace, path), text);
  }
}

/** The `resources` output. */
function resultsOf(run: { outputs: Record<string, string> }): { kind: string; id: string; action: string }[] {
  return JSON.parse(run.outputs.resources!) as { kind: string; id: string; action: string }[];
}

const KEY = Buffer.from('{"type": "service_account"}').toString('base64');

/**
 * A model's whole life in one file, written the wrong way round: the route before its deployment,
 * the training before the connections and toolchain it uses. `{v}` names the resources.
 */
function wholeModel(v: string): string {
  return `
kind: ModelRoute
id: ${v}-route
spec:
  urlPrefix: /custom/${v}
  modelDeployments: [{mdName: ${v}}]
---
kind: ModelDeployment
id: ${v}
spec:
  image: registry.odahu.local/odahu/${v}:1.0
  minReplicas: 1
---
kind: ModelPackaging
id: ${v}
spec:
  artifactName: ${v}.zip
  integrationName: docker-rest
  arguments: {imageName: "${v}:1.0"}
  targets: [{name: docker-push, connectionName: docker-ci}]
---
kind: ModelTraining
id: ${v}
spec:
  model: {name: ${v}, version: "1.0", artifactNameTemplate: ${v}.zip}
  toolchain: ${v}-toolchain
  algorithmSource:
    objectStorage: {connection: ${v}-code, path: code/}
  data:
    - {connection: ${v}-data, localPath: data.csv}
  hyperParameters: {alpha: "0.5"}
---
kind: Connection
id: ${v}-data
spec: {type: gcs, uri: "gs://${v}/data.csv", region: europe-west1, keySecret: ${KEY}}
---
kind: Connection
id: ${v}-code
spec: {type: gcs, uri: "gs://${v}/code", region: europe-west1, keySecret: ${KEY}}
---
kind: ToolchainIntegration
id: ${v}-toolchain
spec: {entrypoint: /opt/run.sh, defaultImage: "registry.odahu.local/odahu/${v}-trainer:1.0"}
---
kind: InferenceService
id: ${v}-batch
spec:
  image: registry.odahu.local/odahu/${v}-batch:1.0
  command: [python, predict.py]
  modelRegistry: {local: {meta: {name: ${v}, version: "1.0"}, modelPath: /opt/model}}
  dataSource: {connection: ${v}-data, path: batch/in/}
  outputDestination: {connection: ${v}-data, path: batch/out/}
`;
}

describe('a whole model in one file', () => {
  const results = resultsOf;

  test('applies in dependency order, waits for each kind before the next, and reports every resource', async () => {
    writeFiles({ 'odahu/model.yaml': wholeModel('whole') });
    const before = emulator.answers.length;
    const run = await runInProcess(
      'apply',
      { manifests: 'odahu/model.yaml', wait: 'true', ...poll },
      { env, workspace, emulator },
    );
    expect(run.failure).toBeUndefined();
    expect(emulator.callsSince(before, { writes: true })).toEqual([
      'POST /api/v1/connection',
      'POST /api/v1/connection',
      'POST /api/v1/toolchain/integration',
      'POST /api/v1/model/training',
      'POST /api/v1/model/packaging',
      'POST /api/v1/model/deployment',
      'POST /api/v1/model/route',
      'POST /api/v1/batch/service',
    ]);
    expect(results(run)).toEqual([
      { kind: 'Connection', id: 'whole-data', action: 'created' },
      { kind: 'Connection', id: 'whole-code', action: 'created' },
      { kind: 'ToolchainIntegration', id: 'whole-toolchain', action: 'created' },
      { kind: 'ModelTraining', id: 'whole', action: 'created' },
      { kind: 'ModelPackaging', id: 'whole', action: 'created' },
      { kind: 'ModelDeployment', id: 'whole', action: 'created' },
      { kind: 'ModelRoute', id: 'whole-route', action: 'created' },
      { kind: 'InferenceService', id: 'whole-batch', action: 'created' },
    ]);
    // Waited for: the packaging found the training's artifact, the deployment pulled the image.
    const deployment = await api.get<{ status: { state: string } }>('model/deployment/whole');
    expect(deployment.json.status.state).toBe('Ready');
    expect(run.summary).toContain('created, waited');
    expect(run.log).toContain(
      'spec.predictor is not set: using odahu-ml-server (the Odahu 1.6 server requires one).',
    );
  });

  test('an unchanged re-apply writes nothing', async () => {
    const before = emulator.answers.length;
    const run = await runInProcess(
      'apply',
      { manifests: 'odahu/model.yaml', ...poll },
      { env, workspace, emulator },
    );
    expect(run.failure).toBeUndefined();
    expect(emulator.callsSince(before, { writes: true })).toEqual([]);
    expect(results(run).map((r) => r.action)).toEqual(Array(8).fill('unchanged'));
    expect(run.log).toContain('Training whole already has this spec: left alone.');
  });

  test('a change writes only the resource that changed', async () => {
    writeFiles({ 'odahu/model.yaml': wholeModel('whole').replace('alpha: "0.5"', 'alpha: "0.7"') });
    const before = emulator.answers.length;
    const run = await runInProcess(
      'apply',
      { manifests: 'odahu/model.yaml', ...poll },
      { env, workspace, emulator },
    );
    expect(run.failure).toBeUndefined();
    expect(emulator.callsSince(before, { writes: true })).toEqual(['PUT /api/v1/model/training']);
    expect(results(run).find((r) => r.kind === 'ModelTraining')).toEqual({
      kind: 'ModelTraining',
      id: 'whole',
      action: 'updated',
    });
  });

  test('if-exists: skip leaves a changed resource as it is; fail stops before any write', async () => {
    writeFiles({ 'odahu/model.yaml': wholeModel('whole').replace('alpha: "0.5"', 'alpha: "0.9"') });
    const before = emulator.answers.length;
    const skipped = await runInProcess(
      'apply',
      { manifests: 'odahu/model.yaml', 'if-exists': 'skip' },
      { env, workspace, emulator },
    );
    expect(results(skipped).find((r) => r.kind === 'ModelTraining')?.action).toBe('skipped');
    const failed = await runInProcess(
      'apply',
      { manifests: 'odahu/model.yaml', 'if-exists': 'fail' },
      { env, workspace, emulator },
    );
    expect(failed.failure?.split('\n')).toHaveLength(8);
    expect(failed.failure).toContain(
      'odahu/model.yaml, document 4 (line 22): ModelTraining whole already exists and if-exists is fail',
    );
    expect(emulator.callsSince(before, { writes: true })).toEqual([]);
  });

  test('delete: true removes everything in reverse order, waiting until each is gone; again, nothing is there', async () => {
    // A job of the service: the server keeps a service that has jobs, so the jobs go first.
    const job = await api.post<{ id: string }>('batch/job', { spec: { inferenceServiceId: 'whole-batch' } });
    expect(job.status).toBe(201);
    const before = emulator.answers.length;
    const run = await runInProcess(
      'apply',
      { manifests: 'odahu/model.yaml', delete: 'true', ...poll },
      { env, workspace, emulator },
    );
    expect(run.failure).toBeUndefined();
    expect(emulator.callsSince(before, { writes: true })).toEqual([
      `DELETE /api/v1/batch/job/${job.json.id}`,
      'DELETE /api/v1/batch/service/whole-batch',
      'DELETE /api/v1/model/route/whole-route',
      'DELETE /api/v1/model/deployment/whole',
      'DELETE /api/v1/model/packaging/whole',
      'DELETE /api/v1/model/training/whole',
      'DELETE /api/v1/toolchain/integration/whole-toolchain',
      'DELETE /api/v1/connection/whole-data',
      'DELETE /api/v1/connection/whole-code',
    ]);
    expect(results(run).map((r) => r.action)).toEqual(Array(9).fill('deleted'));
    // The batch jobs are listed once for all the manifests, not once per manifest.
    expect(emulator.callsSince(before).filter((call) => call === 'GET /api/v1/batch/job')).toHaveLength(1);
    for (const path of ['model/deployment/whole', 'batch/service/whole-batch', 'connection/whole-code']) {
      expect((await api.get(path)).status).toBe(404);
    }
    const again = await runInProcess(
      'apply',
      { manifests: 'odahu/model.yaml', delete: 'true' },
      { env, workspace, emulator },
    );
    expect(again.failure).toBeUndefined();
    expect(results(again).map((r) => r.action)).toEqual(Array(8).fill('absent'));
  });
});

test('files and globs, one a line, with ! to leave some out', async () => {
  writeFiles({
    'globbed/a.yaml':
      'kind: Connection\nid: globbed-a\nspec: {type: gcs, uri: "gs://a", region: r, keySecret: ' + KEY + '}',
    'globbed/nested/b.json': JSON.stringify({
      kind: 'Connection',
      id: 'globbed-b',
      spec: { type: 'git', uri: 'git@github.com:odahu/b.git' },
    }),
    'globbed/skip.yaml':
      'kind: Connection\nid: globbed-skip\nspec: {type: git, uri: "git@github.com:odahu/skip.git"}',
    'single.yaml':
      'kind: Connection\nid: globbed-single\nspec: {type: git, uri: "git@github.com:odahu/single.git"}',
  });
  const run = await runInProcess(
    'apply',
    { manifests: 'globbed/**/*.*\n!globbed/skip.yaml\n# and one more\nsingle.yaml' },
    { env, workspace, emulator },
  );
  expect(run.failure).toBeUndefined();
  expect(resultsOf(run).map((r) => r.id)).toEqual(['globbed-a', 'globbed-b', 'globbed-single']);
  // A git connection's public key is the server's (from the host): still unchanged on a re-apply.
  const before = emulator.answers.length;
  const again = await runInProcess(
    'apply',
    { manifests: 'globbed/**/*.*\n!globbed/skip.yaml\nsingle.yaml' },
    { env, workspace, emulator },
  );
  expect(resultsOf(again).map((r) => r.action)).toEqual(Array(3).fill('unchanged'));
  expect(emulator.callsSince(before, { writes: true })).toEqual([]);
});

test('bad input: every problem one line each, before any API call, nothing created', async () => {
  writeFiles({
    'bad/one.yaml':
      'kind: Connection\nid: Bad_Id\nspec: {type: gcs, uri: "gs://x", keySecret: "not base64!"}',
  });
  const before = emulator.answers.length;
  const run = await runInProcess(
    'apply',
    {
      manifests: 'bad/*.yaml\nbad/missing.yaml\nnothing/*.yaml',
      'if-exists': 'replace',
      timeout: 'soon',
    },
    { env, workspace, emulator },
  );
  expect(run.exitCode).not.toBe(0);
  expect(run.failure?.split('\n')).toEqual([
    `input manifests: file bad/missing.yaml not found (looked for ${join(workspace, 'bad/missing.yaml')})`,
    `input manifests: no file matches nothing/*.yaml (in ${workspace})`,
    'input if-exists must be one of update, skip, fail, not "replace"',
    expect.stringMatching(/^input timeout/),
    'bad/one.yaml, document 1 (line 1): spec.keySecret in the manifest is not base64: the API takes it base64-encoded; encode it (base64 -w0), or create the connection with the connection action, whose inputs encode it',
    'bad/one.yaml, document 1 (line 1): id "Bad_Id" is not a valid Odahu id: 1 to 63 lower-case letters, digits and -, starting with a letter and not ending with -',
  ]);
  expect(emulator.callsSince(before)).toEqual([]);
});

test('inline manifests: a resource given twice, an InferenceJob without its service', async () => {
  const before = emulator.answers.length;
  const run = await runInProcess(
    'apply',
    {
      manifests: [
        'kind: Connection\nid: twice\nspec: {type: git, uri: "git@github.com:odahu/a.git"}',
        'kind: Connection\nid: twice\nspec: {type: git, uri: "git@github.com:odahu/b.git"}',
        'kind: InferenceJob\nspec: {requestId: r1}',
      ].join('\n---\n'),
    },
    { env, emulator },
  );
  expect(run.failure?.split('\n')).toEqual([
    'inline manifests, document 2 (line 5): Connection twice is also given at inline manifests, document 1 (line 1); give each resource once',
    'inline manifests, document 3 (line 9): spec.inferenceServiceId is required: the service the job runs',
  ]);
  expect(emulator.callsSince(before)).toEqual([]);
});

test('a reference that resolves nowhere fails the step after reading, before any write', async () => {
  const before = emulator.answers.length;
  const run = await runInProcess(
    'apply',
    {
      manifests: `
kind: Connection
id: refs-code
spec: {type: gcs, uri: "gs://refs/code", region: r, keySecret: ${KEY}}
---
kind: ModelTraining
id: refs
spec:
  model: {name: refs, version: "1.0"}
  toolchain: mlflow
  algorithmSource: {objectStorage: {connection: refs-code}}
  data: [{connection: refs-missing, localPath: d.csv}]
`,
    },
    { env, emulator },
  );
  expect(run.failure).toBe(
    'inline manifests, document 2 (line 5): spec.data[0].connection names connection refs-missing, which is neither in the manifests nor on the server',
  );
  expect(emulator.callsSince(before, { writes: true })).toEqual([]);
  expect((await api.get('connection/refs-code')).status).toBe(404);
});

test("if-exists: skip checks what depends on a skipped resource against the server's, before any write", async () => {
  const service = (triggers: string) => `
kind: InferenceService
id: kept-batch
spec:
  image: registry.odahu.local/odahu/kept-batch:1.0
  command: [predict]
  modelRegistry: {local: {meta: {name: m, version: "1"}}}
  dataSource: {connection: models-output, path: in/}
  outputDestination: {connection: models-output, path: out/}
  ${triggers}
`;
  // The server's service takes no jobs; the manifest's would, but skip leaves the server's in place.
  const held = await runInProcess(
    'batch',
    { service: service('triggers: {webhook: {enabled: true}}'), wait: 'false' },
    { env, emulator },
  );
  expect(held.failure).toBeUndefined();
  const stored = await api.get<{ spec: Record<string, unknown> }>('batch/service/kept-batch');
  const off = { ...stored.json, spec: { ...stored.json.spec, triggers: { webhook: { enabled: false } } } };
  expect((await api.put('batch/service', off)).status).toBe(200);
  const before = emulator.answers.length;
  const run = await runInProcess(
    'apply',
    {
      manifests: `${service('')}---\nkind: InferenceJob\nspec: {inferenceServiceId: kept-batch}\n`,
      'if-exists': 'skip',
    },
    { env, emulator },
  );
  expect(run.failure).toMatch(
    /^inline manifests, document 2 \(line \d+\): spec\.triggers\.webhook\.enabled is false/,
  );
  expect(emulator.callsSince(before, { writes: true })).toEqual([]);
});

test('batch jobs: each apply starts a new one, waited for; a failed one fails the step', async () => {
  const manifests = (requestId: string) => `
kind: InferenceJob
spec: {inferenceServiceId: jobs-batch, requestId: ${requestId}}
---
kind: InferenceService
id: jobs-batch
spec:
  image: registry.odahu.local/odahu/jobs-batch:1.0
  command: [predict]
  modelRegistry: {local: {meta: {name: m, version: "1"}}}
  dataSource: {connection: models-output, path: in/}
  outputDestination: {connection: models-output, path: out/}
`;
  const first = await runInProcess(
    'apply',
    { manifests: manifests('r-1'), wait: 'true', ...poll },
    { env, emulator },
  );
  expect(first.failure).toBeUndefined();
  const [service, job] = JSON.parse(first.outputs.resources!);
  expect(service).toEqual({ kind: 'InferenceService', id: 'jobs-batch', action: 'created' });
  expect(job).toMatchObject({
    kind: 'InferenceJob',
    action: 'created',
    id: expect.stringMatching(/^job-jobs-batch-/),
  });
  expect(first.log).toContainEqual(expect.stringContaining('each apply starts a new one'));
  expect(first.summary).toContain('succeeded');
  const failed = await runInProcess(
    'apply',
    { manifests: manifests('emulator-outcome-failed'), wait: 'true', ...poll },
    { env, emulator },
  );
  expect(failed.failure).toMatch(
    /^batch inference job job-jobs-batch-\w{5} failed: Failed: "step-user-container" exited with code 1$/,
  );
  const [unchanged, second] = JSON.parse(failed.outputs.resources!);
  expect(unchanged.action).toBe('unchanged');
  expect(second.id).not.toBe(job.id);
});
