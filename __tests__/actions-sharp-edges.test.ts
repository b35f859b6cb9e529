// Issue 23's sharp edges, each action from its sources in this process (@actions/core mocked) over
// real HTTP against the emulator, whose realm gives this client no refresh token (Keycloak's
// client_credentials.use_refresh_token off): Odahu's own wine example, as its manifests are written,
// through every action; what a manifest names checked before any write (one line, nothing written);
// vars that no placeholder uses named; a GitHub deployment record whose in_progress status is
// refused still ending in its final state, and a cancelled step's record ended at the cancel; the
// model-info row naming the model; a deployment stuck without a replica said so at 3 min; a URL
// nothing answers given up within 30 s, even one that answered an earlier step. Every wait is on the emulator's held clock.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import * as core from './helpers/core-mock.js';
import type { TestEmulator } from './helpers/emulator.js';
import { GITHUB_TOKEN, startGitHubStandIn } from './helpers/github-stand-in.js';
import type { GitHubStandIn } from './helpers/github-stand-in.js';

jest.unstable_mockModule('@actions/core', () => core);

const { startTestEmulator } = await import('./helpers/emulator.js');
const { call } = await import('./helpers/emulator-http.js');
const { runInProcess } = await import('./helpers/in-process.js');
type ActionName = Parameters<typeof runInProcess>[0];

let emulator: TestEmulator;
let settings: Record<string, string>;
const temp = mkdtempSync(join(tmpdir(), 'sharp-edges-'));

beforeAll(async () => {
  emulator = await startTestEmulator({ useRefreshToken: { 'odahu-actions': false } });
  settings = {
    'api-url': emulator.apiUrl,
    'auth-url': emulator.authUrl,
    'client-id': emulator.clientId,
    'client-secret': emulator.clientSecret,
  };
});

afterAll(() => emulator.close());

/** Runs the action's sources as its bundle would, on the emulator's clock, with the settings. */
function step(name: ActionName, inputs: Record<string, string>, env: Record<string, string> = {}) {
  return runInProcess(name, { ...settings, ...inputs }, { emulator, env });
}

const poll = { 'poll-interval': '0.1s' };

/** A port nothing listens on now (connections refused). */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
const warnings = (log: string[]) => log.filter((line) => line.startsWith('Warning: '));

describe("Odahu's wine example as it is written, every action, with no refresh token in the answers", () => {
  // The shapes of odahu/odahu-examples' mlflow/sklearn/wine/odahuflow manifests (tag 1.6.1): their
  // connections (the repository, the data, docker-ci), a training from the git repository with its
  // data, a docker-rest packaging that names no target, a deployment of the image, request.json.
  // Their `<fill-in>` and `<paste ...>` placeholders are filled here as a user fills them.
  const connections = `
kind: Connection
id: wine-examples
spec:
  type: git
  uri: git@github.com:odahu/odahu-examples.git
  reference: origin/master
  keySecret: a2V5
  description: Git repository with odahu-flow-examples
  webUILink: https://github.com/odahu/odahu-examples
  vital: true
---
kind: Connection
id: wine
spec:
  type: gcs
  uri: gs://wine-bucket/data/wine-quality.csv
  region: us-east1
  keySecret: eyJ0eXBlIjogInNlcnZpY2VfYWNjb3VudCJ9
  description: Wine dataset
`;
  const training = `
kind: ModelTraining
id: wine
spec:
  model:
    name: wine
    version: 1.0
  toolchain: mlflow
  entrypoint: main
  workDir: mlflow/sklearn/wine
  data:
    - connection: wine
      localPath: mlflow/sklearn/wine/wine-quality.csv
  hyperParameters:
    alpha: "1.0"
  resources:
    limits:
      cpu: 4
      memory: 4Gi
    requests:
      cpu: 2
      memory: 2Gi
  algorithmSource:
    vcs:
      connection: wine-examples
`;
  const packaging = (artifact: string) => `
id: wine
kind: ModelPackaging
spec:
  artifactName: "${artifact}"
  integrationName: docker-rest
  resources:
    limits:
      cpu: "1.5"
      memory: 4Gi
    requests:
      cpu: "1.5"
      memory: 2Gi
`;
  const deployment = (image: string) => `
id: wine
kind: ModelDeployment
spec:
  image: "${image}"
  predictor: odahu-ml-server
  minReplicas: 1
`;
  const request = JSON.stringify({
    columns: ['alcohol', 'chlorides', 'citric acid', 'density', 'fixed acidity', 'free sulfur dioxide'],
    data: [[12.8, 0.029, 0.48, 0.98, 6.2, 29]],
  });
  const outputs: Record<string, string> = {};

  test("this realm's client-credentials answer has no refresh token", async () => {
    const answer = await call<Record<string, unknown>>(
      emulator.authUrl,
      'POST',
      null,
      new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: emulator.clientId,
        client_secret: emulator.clientSecret,
        scope: 'openid',
      }).toString(),
      { 'content-type': 'application/x-www-form-urlencoded' },
    );
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ access_token: expect.any(String), refresh_expires_in: 0 });
    expect(answer.json.refresh_token).toBeUndefined();
  });

  test('apply and connection make the connections', async () => {
    const applied = await step('apply', { manifests: connections });
    expect(applied.failures).toEqual([]);
    const connection = await step('connection', {
      connection:
        'kind: Connection\nid: docker-ci\nspec: {type: docker, uri: registry.odahu.local/odahu, username: odahu, description: Docker repository for model packaging, vital: true}',
      password: 'emulator',
    });
    expect(connection.failures).toEqual([]);
  });

  test('train from the git repository with its data', async () => {
    const run = await step('train', { training, ...poll });
    expect(run.failures).toEqual([]);
    expect(run.outputs).toMatchObject({ 'training-id': 'wine', state: 'succeeded' });
    outputs.artifact = run.outputs['artifact-name']!;
    const waited = await step('wait', { 'training-id': 'wine', ...poll });
    expect(waited.outputs['artifact-name']).toBe(outputs.artifact);
  });

  test("package without targets: docker-push is the integration's default, docker-ci", async () => {
    const run = await step('package', { packaging: packaging(outputs.artifact!), ...poll });
    expect(run.failures).toEqual([]);
    expect(run.outputs.image).toMatch(/^registry\.odahu\.local\/odahu\/wine-1\.0:/);
    expect(JSON.parse(run.outputs.results!)).toEqual({ image: run.outputs.image });
    outputs.image = run.outputs.image!;
  });

  test("the CLI packager's manifest, which has no id: the id input gives it", async () => {
    const cli = packaging(outputs.artifact!).replace('id: wine\n', '').replace('docker-rest', 'docker-cli');
    const run = await step('package', { packaging: cli, id: 'wine-cli', ...poll });
    expect(run.failures).toEqual([]);
    expect(run.outputs).toMatchObject({ 'packaging-id': 'wine-cli', state: 'succeeded' });
    const unnamed = await step('package', { packaging: cli });
    expect(unnamed.failures).toEqual([
      'inline packaging, document 1 (line 1): the ModelPackaging has no id; set id in the manifest or the id input',
    ]);
    // The example's image placeholder, left unfilled, is no image.
    const unfilled = await step('deploy', { deployment: deployment('<fill-in>') });
    expect(unfilled.failures).toEqual([
      'the deployment has no image: set input image (e.g. ${{ steps.<package step>.outputs.image }}) or spec.image',
    ]);
  });

  test('deploy the image and ask the model with the request of the example', async () => {
    const deployed = await step('deploy', { deployment: deployment(outputs.image!), ...poll });
    expect(deployed.failures).toEqual([]);
    expect(deployed.outputs).toMatchObject({ state: 'Ready', 'model-name': 'wine', 'model-version': '1.0' });
    const predicted = await step('predict', { deployment: 'wine', request });
    expect(predicted.failures).toEqual([]);
    expect(JSON.parse(predicted.outputs.response!)).toMatchObject({ prediction: [expect.any(Number)] });
  });

  test("the model's info: the summary row names the model and its version, not its Swagger document", async () => {
    const run = await step('predict', { deployment: 'wine', info: 'true' });
    expect(run.failures).toEqual([]);
    const [row] = run.summaries.at(-1)!.rows.slice(1);
    expect(row![5]).toBe('name: <code>wine</code><br>version: <code>1.0</code>');
  });

  test('batch and the pipeline check run too', async () => {
    const service = [
      'kind: InferenceService',
      'id: wine-batch',
      'spec:',
      '  image: registry.odahu.local/odahu/wine-batch:1.0',
      '  command: [python, predict.py]',
      "  modelRegistry: {local: {meta: {name: wine, version: '1.0'}, modelPath: /opt/model}}",
      '  dataSource: {connection: models-output, path: batch/input/}',
      '  outputDestination: {connection: models-output, path: batch/output/}',
    ].join('\n');
    expect((await step('batch', { service, ...poll })).failures).toEqual([]);
    const checked = await step('pipeline', {
      training,
      packaging: packaging('from-training'),
      deployment: deployment('from-packaging'),
    });
    expect(checked.failures).toEqual([]);
    expect(checked.outputs).toMatchObject({ request: 'false' });
  });
});

describe('what a manifest names, checked before any write: one line, nothing written', () => {
  const expectNothingWritten = (before: number) =>
    expect(emulator.callsSince(before, { writes: true })).toEqual([]);

  test('train: a data connection that does not exist (replace would have deleted the old training first)', async () => {
    const before = emulator.answers.length;
    const run = await step('train', {
      training: [
        'kind: ModelTraining',
        'id: refs-train',
        'spec:',
        "  model: {name: wine, version: '1.0'}",
        '  toolchain: mlflow',
        '  algorithmSource: {objectStorage: {connection: models-output, path: code/wine}}',
        '  data: [{connection: wine-dataa, localPath: data.csv}]',
      ].join('\n'),
    });
    expect(run.failures).toEqual([
      'inline training, document 1 (line 1): spec.data[0].connection names connection wine-dataa, which does not exist',
    ]);
    expectNothingWritten(before);
  });

  test('package: a target connection that does not exist', async () => {
    const before = emulator.answers.length;
    const run = await step('package', {
      packaging:
        'kind: ModelPackaging\nid: refs-package\nspec: {artifactName: a.zip, integrationName: docker-rest, targets: [{name: docker-push, connectionName: my-registry}]}',
    });
    expect(run.failures).toEqual([
      'inline packaging, document 1 (line 1): spec.targets[0].connectionName names connection my-registry, which does not exist',
    ]);
    expectNothingWritten(before);
  });

  test('the pipeline: every manifest checked by its first step, before the training starts', async () => {
    const before = emulator.answers.length;
    const run = await step('pipeline', {
      training:
        'kind: ModelTraining\nid: refs-pipe\nspec: {model: {name: m, version: "1"}, toolchain: sklearn, algorithmSource: {vcs: {connection: no-repo}}}',
      packaging:
        'kind: ModelPackaging\nid: refs-pipe\nspec: {integrationName: docker-rest, targets: [{name: docker-push, connectionName: my-registry}]}',
      deployment: 'kind: ModelDeployment\nid: refs-pipe\nspec: {imagePullConnID: my-pull}',
    });
    expect(run.failures).toEqual([
      [
        'inline training, document 1 (line 1): spec.toolchain names toolchain integration sklearn, which does not exist',
        'inline training, document 1 (line 1): spec.algorithmSource.vcs.connection names connection no-repo, which does not exist',
        'inline packaging, document 1 (line 1): spec.targets[0].connectionName names connection my-registry, which does not exist',
        'inline deployment, document 1 (line 1): spec.imagePullConnID names connection my-pull, which does not exist (the server takes it, but the deployment would never get a state)',
      ].join('\n'),
    ]);
    expectNothingWritten(before);
  });

  test("batch: a service's connection that does not exist", async () => {
    const before = emulator.answers.length;
    const run = await step('batch', {
      service: [
        'kind: InferenceService',
        'id: refs-batch',
        'spec:',
        '  image: registry.odahu.local/odahu/wine-batch:1.0',
        '  command: [predict]',
        "  modelRegistry: {local: {meta: {name: wine, version: '1.0'}}}",
        '  dataSource: {connection: no-input, path: in/}',
        '  outputDestination: {connection: models-output, path: out/}',
      ].join('\n'),
    });
    expect(run.failures).toEqual([
      'a batch job of refs-batch needs connection no-input (its dataSource), which does not exist: the job would never start',
    ]);
    expectNothingWritten(before);
  });
});

describe('vars no placeholder uses', () => {
  const training =
    'kind: ModelTraining\nid: {name}\nspec: {model: {name: wine, version: "1.0"}, toolchain: mlflow, algorithmSource: {objectStorage: {connection: models-output, path: code}}}';

  test('are named in one warning; the step goes on', async () => {
    const run = await step('train', {
      training,
      vars: 'name=vars-train\nversoin=2.0\nbucket=b',
      wait: 'false',
    });
    expect(run.failures).toEqual([]);
    expect(warnings(run.log)).toEqual([
      'Warning: vars: no placeholder of the manifests uses {versoin}, {bucket}; they are ignored (check the names)',
    ]);
  });

  test('in the pipeline: its check step names them, not each phase (which sees one manifest)', async () => {
    const phase = await step(
      'train',
      { training, vars: 'name=vars-phase\nversion=1', wait: 'false' },
      { ODAHU_PIPELINE_CHECKED: 'true' },
    );
    expect(warnings(phase.log)).toEqual([]);
  });
});

describe('waiting for what can never happen', () => {
  test('a deployment still without a replica at 3 min: one warning with the usual causes, and the wait goes on', async () => {
    const run = await step('deploy', {
      id: 'stuck-image',
      image: 'registry.odahu.local/odahu/ghost:2',
      timeout: '5m',
      'poll-interval': '10s',
    });
    const hints = warnings(run.log).filter((line) => line.includes('is still'));
    expect(hints).toEqual([
      'Warning: Deployment stuck-image is still Processing after 3m: a deployment that stays Processing usually cannot pull its image registry.odahu.local/odahu/ghost:2 (registry, tag, pull connection docker-ci), or the cluster lacks the resources it asks for (cpu 125m, memory 128Mi). Still waiting, until the timeout of 5m.',
    ]);
    expect(run.failures).toEqual([
      expect.stringMatching(/^deployment stuck-image did not finish within 5m: it is still Processing/),
    ]);
    // Said once, at 3 min, on the step's clock; the wait went on to its timeout.
    expect(run.tookMs).toBeGreaterThanOrEqual(5 * 60_000);
  });

  test('a cluster URL nothing answers: given up within 30 s with one line naming it, not after retry-timeout', async () => {
    const port = await closedPort();
    const nowhere = `http://127.0.0.1:${port}`;
    const run = await step('deploy', {
      id: 'nowhere',
      image: 'ghcr.io/acme/wine:1',
      'api-url': `${nowhere}/api/v1`,
      'auth-url': `${nowhere}/auth/realms/odahu/protocol/openid-connect/token`,
    });
    expect(run.failures).toEqual([
      expect.stringMatching(
        new RegExp(
          `^.*${nowhere}/auth/realms/odahu/protocol/openid-connect/token.*ECONNREFUSED.*` +
            'has not answered once since the step began: is the URL right\\?\\)$',
        ),
      ),
    ]);
    // No outage notice for a server that was never there.
    expect(warnings(run.log)).toEqual([]);
    expect(run.tookMs).toBeGreaterThanOrEqual(20_000);
    expect(run.tookMs).toBeLessThanOrEqual(30_000);
  });

  test('a cluster that answered an earlier step and is gone now: the next step gives up within 30 s too', async () => {
    // Both steps in this process, as in-process tests run them: what answered is the step's own
    // knowledge (its client's, its token source's), not the process's.
    const gone = await startTestEmulator();
    const at = {
      'api-url': gone.apiUrl,
      'auth-url': gone.authUrl,
      'client-id': gone.clientId,
      'client-secret': gone.clientSecret,
    };
    const first = await runInProcess('wait', { ...at, 'training-id': 'none' }, { emulator: gone });
    expect(first.failures).toEqual(['training none does not exist']);
    await gone.close();

    const run = await runInProcess('wait', { ...at, 'training-id': 'none' }, { emulator });
    expect(run.failures).toEqual([
      expect.stringMatching(
        /ECONNREFUSED.*has not answered once since the step began: is the URL right\?\)$/,
      ),
    ]);
    expect(warnings(run.log)).toEqual([]);
    expect(run.tookMs).toBeLessThanOrEqual(30_000);
  });
});

describe('a GitHub deployment record', () => {
  let github: GitHubStandIn;
  const env = (): Record<string, string> => {
    const event = join(temp, 'push.json');
    writeFileSync(event, JSON.stringify({ ref: 'refs/heads/main' }));
    return {
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: 'acme/models',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: event,
      GITHUB_REF: 'refs/heads/main',
      GITHUB_SHA: 'a'.repeat(40),
      GITHUB_RUN_ID: '7',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_WORKFLOW: 'Models',
      GITHUB_JOB: 'deploy',
    };
  };
  beforeAll(async () => {
    github = await startGitHubStandIn();
  });
  afterAll(() => github.close());

  test('whose in_progress status GitHub refuses still gets its final state', async () => {
    github.failNext(422, 1, /\/deployments\/\d+\/statuses$/);
    const run = await step(
      'deploy',
      {
        id: 'recorded',
        image: 'ghcr.io/acme/wine:1',
        'github-environment': 'production',
        'github-token': GITHUB_TOKEN,
        ...poll,
      },
      env(),
    );
    expect(run.failures).toEqual([]);
    expect(warnings(run.log)).toEqual([
      expect.stringMatching(/^Warning: Recording a GitHub deployment failed: 422 /),
    ]);
    const [record] = github.deployments;
    expect(record!.statuses).toEqual([
      expect.objectContaining({ state: 'success', environment_url: run.outputs.url }),
    ]);
  });

  test('of a cancelled step gets its final state at the cancel', async () => {
    const controller = new AbortController();
    const run = await runInProcess(
      'deploy',
      {
        ...settings,
        id: 'recorded-cancel',
        image: 'registry.odahu.local/odahu/ghost:3',
        'github-environment': 'staging',
        'github-token': GITHUB_TOKEN,
        ...poll,
      },
      {
        emulator,
        env: env(),
        signal: controller.signal,
        onLine: (line) => {
          if (!controller.signal.aborted && /deployment recorded-cancel: Processing/.test(line))
            controller.abort();
        },
      },
    );
    expect(run.failures).toEqual(['Cancelled (SIGINT).']);
    const record = github.deployments.find((d) => JSON.stringify(d.request).includes('recorded-cancel'));
    expect(record!.statuses.map((status) => status.state)).toEqual(['in_progress', 'failure']);
    const received = run.log.indexOf('Received SIGINT: cancelling.');
    const ended = run.log.findIndex((line) => /^GitHub deployment \d+: failure\.$/.test(line));
    expect(received).toBeGreaterThanOrEqual(0);
    expect(ended).toBeGreaterThan(received);
  });
});
