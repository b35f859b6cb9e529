// The failure paths of the actions, each from its sources against the emulator: what the user
// reads (one line naming the resource and the cause), what the outputs say, and what is left on the
// cluster (nothing, for bad input).

import { jest } from '@jest/globals';
import * as core from './helpers/core-mock.js';
import type { TestEmulator } from './helpers/emulator.js';
import { Api, fetchToken } from './helpers/emulator-http.js';
import type { ModelDeployment } from '../src/shared/odahu/types.js';
import { emulatorEnv, trainingManifest } from './helpers/run-action.js';

jest.unstable_mockModule('@actions/core', () => core);
const { startTestEmulator } = await import('./helpers/emulator.js');
const { runInProcess } = await import('./helpers/in-process.js');

let emulator: TestEmulator;
let env: Record<string, string>;

beforeAll(async () => {
  emulator = await startTestEmulator();
  env = emulatorEnv(emulator);
});

afterAll(() => emulator.close());

/** API calls made since `from` (index into the emulator's answers), token requests aside. */
function apiCallsSince(from: number): string[] {
  return emulator.answers.slice(from).map((a) => `${a.method} ${a.path}`);
}

async function trainedArtifact(id: string): Promise<string> {
  const run = await runInProcess(
    'train',
    { training: trainingManifest(id), 'poll-interval': '0.1s' },
    { env, emulator },
  );
  expect(run.failure).toBeUndefined();
  return run.outputs['artifact-name']!;
}

test('a failed training fails the step with the server reason, the last log lines and its outputs', async () => {
  const run = await runInProcess(
    'train',
    { training: trainingManifest('bad-training', { 'emulator-outcome': 'failed' }), 'poll-interval': '0.1s' },
    { env, emulator },
  );
  expect(run.exitCode).not.toBe(0);
  expect(run.failure).toBe('training bad-training failed: Failed: "step-trainer" exited with code 1');
  expect(run.outputs.state).toBe('failed');
  expect(JSON.parse(run.outputs.status!)).toMatchObject({ state: 'failed', reason: 'Failed' });
  const tail = run.log.findIndex((line) => /^Last \d+ log lines of training bad-training:$/.test(line));
  expect(tail).toBeGreaterThan(-1);
  expect(run.log.slice(tail + 1).some((line) => /step-trainer/.test(line))).toBe(true);
  expect(run.summary).toContain('failed');
});

test('a failed packaging fails the step the same way', async () => {
  const artifact = await trainedArtifact('for-bad-packaging');
  const run = await runInProcess(
    'package',
    {
      packaging: [
        'kind: ModelPackaging',
        'id: bad-packaging',
        'spec:',
        `  artifactName: ${artifact}`,
        '  integrationName: docker-rest',
        '  targets: [{name: docker-push, connectionName: docker-ci}]',
        '  arguments: {emulator-outcome: failed}',
      ].join('\n'),
      'poll-interval': '0.1s',
    },
    { env, emulator },
  );
  expect(run.failure).toMatch(/^packaging bad-packaging failed: Failed: "step-packager" exited with code 1/);
  expect(run.outputs).toMatchObject({ 'packaging-id': 'bad-packaging', state: 'failed', image: '' });
});

test('a packaging of an artifact no training made fails with the packager saying so', async () => {
  const run = await runInProcess(
    'package',
    {
      packaging:
        'kind: ModelPackaging\nid: no-artifact\nspec: {integrationName: docker-rest, targets: [{name: docker-push, connectionName: docker-ci}]}',
      'artifact-name': 'never-trained.zip',
      'poll-interval': '0.1s',
    },
    { env, emulator },
  );
  expect(run.failure).toMatch(/^packaging no-artifact failed: /);
  expect(run.log.join('\n')).toContain('never-trained.zip');
});

test('a deployment deleted while the step waits ends the step at once; it never reports it Ready', async () => {
  const token = await fetchToken(emulator);
  let deleted = false;
  // Once the step has created it, someone deletes it, before the rollout can make it Ready.
  const deleteOnce = async () => {
    if (deleted) return;
    const reply = await fetch(`${emulator.apiUrl}/api/v1/model/deployment/doomed`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    deleted = reply.status === 200;
  };
  const run = await runInProcess(
    'deploy',
    {
      deployment:
        'kind: ModelDeployment\nid: doomed\nspec: {image: ghcr.io/acme/wine:1, annotations: {emulator-seconds: "2"}}',
      'poll-interval': '0.1s',
    },
    { env, emulator, betweenSteps: deleteOnce },
  );
  expect(deleted).toBe(true);
  expect(run.failure).toBe('deployment doomed failed: it is being deleted');
  expect(run.outputs).toMatchObject({ 'deployment-id': 'doomed', url: '' });
});

test('a Ready deployment a DELETE has marked is not reported Ready', async () => {
  const api = new Api(emulator, await fetchToken(emulator));
  const spec = { image: 'ghcr.io/acme/wine:1', predictor: 'odahu-ml-server' };
  await api.post('model/deployment', { id: 'marked', spec });
  await api.waitFor<ModelDeployment>('model/deployment/marked', (d) => d.status?.state === 'Ready');
  // Held: the controller's next pass, which turns a marked deployment Deleting, waits for the step.
  const run = await emulator.held(async () => {
    expect((await api.delete('model/deployment/marked')).status).toBe(200);
    return runInProcess('wait', { 'deployment-id': 'marked', 'poll-interval': '0.1s' }, { env, emulator });
  });
  expect(run.failure).toBe('deployment marked failed: it is being deleted');
  // It was still Ready when the step looked.
  expect(run.log.join('\n')).toMatch(/deployment marked: Ready/);
});

test('deploy over a deployment being deleted waits until it is gone and creates it again', async () => {
  const api = (path: string, init: RequestInit = {}) =>
    fetchToken(emulator).then((token) =>
      fetch(`${emulator.apiUrl}/api/v1/${path}`, {
        ...init,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      }),
    );
  const spec = {
    image: 'ghcr.io/acme/wine:1',
    predictor: 'odahu-ml-server',
    annotations: { 'emulator-seconds': '8' },
  };
  await api('model/deployment', { method: 'POST', body: JSON.stringify({ id: 'phoenix', spec }) });
  // Held from the DELETE on: phoenix is not gone yet when the step starts, however slow it is.
  const run = await emulator.held(async () => {
    expect((await api('model/deployment/phoenix', { method: 'DELETE' })).status).toBe(200);
    return runInProcess(
      'deploy',
      { id: 'phoenix', image: 'ghcr.io/acme/wine:2', 'poll-interval': '0.1s' },
      { env, emulator },
    );
  });
  expect(run.failure).toBeUndefined();
  expect(run.log.join('\n')).toContain(
    'Deployment phoenix is being deleted: waiting until it is gone to create it again.',
  );
  expect(run.outputs).toMatchObject({ 'deployment-id': 'phoenix', state: 'Ready', 'model-version': '2' });
  const after = (await (await api('model/deployment/phoenix')).json()) as { deletionMark?: boolean };
  expect(after.deletionMark).toBeUndefined();
});

test('no image at all is bad input: one line, and nothing reaches the API', async () => {
  const before = emulator.answers.length;
  const run = await runInProcess('deploy', { id: 'no-image' }, { env, emulator });
  expect(run.failure).toBe(
    'the deployment has no image: set input image (e.g. ${{ steps.<package step>.outputs.image }}) or spec.image',
  );
  expect(apiCallsSince(before)).toEqual([]);
});

test('an image nobody pushed never becomes Ready: the timeout names the likely cause', async () => {
  const run = await runInProcess(
    'deploy',
    {
      id: 'ghost-image',
      image: 'registry.odahu.local/odahu/ghost:1',
      timeout: '1s',
      'poll-interval': '0.1s',
    },
    { env, emulator },
  );
  expect(run.failure).toBe(
    'deployment ghost-image did not finish within 1s: it is still Processing (a deployment that stays Processing usually cannot pull its image registry.odahu.local/odahu/ghost:1 (registry, tag, pull connection docker-ci), or the cluster lacks the resources it asks for (cpu 125m, memory 128Mi))',
  );
  expect(run.summary).toContain('timed out');
});

test('a pull connection that does not exist, which the server takes and never answers: one line, nothing written', async () => {
  const before = emulator.answers.length;
  const run = await runInProcess(
    'deploy',
    {
      deployment:
        'kind: ModelDeployment\nid: no-pull\nspec: {image: ghcr.io/acme/wine:1, imagePullConnID: missing-registry}',
      timeout: '1s',
      'poll-interval': '0.1s',
    },
    { env, emulator },
  );
  expect(run.failure).toBe(
    'inline deployment, document 1 (line 1): spec.imagePullConnID names connection missing-registry, which does not exist (the server takes it, but the deployment would never get a state)',
  );
  expect(apiCallsSince(before)).toEqual(['GET /api/v1/connection/missing-registry']);
});

test('predict for an unknown deployment says it does not exist', async () => {
  const run = await runInProcess(
    'predict',
    { deployment: 'nobody', request: '{"data": [[1, 2]]}' },
    { env, emulator },
  );
  expect(run.failure).toBe('deployment nobody does not exist: check the deployment input');
});

test('a model that refuses the request fails the step and shows its answer', async () => {
  const artifact = await trainedArtifact('for-refusal');
  const pack = await runInProcess(
    'package',
    {
      packaging:
        'kind: ModelPackaging\nid: for-refusal\nspec: {integrationName: docker-rest, targets: [{name: docker-push, connectionName: docker-ci}]}',
      'artifact-name': artifact,
      'poll-interval': '0.1s',
    },
    { env, emulator },
  );
  const deploy = await runInProcess(
    'deploy',
    { id: 'for-refusal', image: pack.outputs.image!, 'poll-interval': '0.1s' },
    { env, emulator },
  );
  // The edge warms the new model up (the time a runner takes to start the next step's process).
  await emulator.advance(1000);
  const run = await runInProcess(
    'predict',
    { url: deploy.outputs.url!, request: '{"data": [["not a number"]]}' },
    { env, emulator },
  );
  expect(run.failure).toBe(
    `POST ${deploy.outputs.url}/api/model/invoke failed: 500 Exception during prediction: could not convert string to float: 'not a number'`,
  );
  expect(run.outputs['status-code']).toBe('500');
  expect(JSON.parse(run.outputs.response!)).toEqual({
    message: "Exception during prediction: could not convert string to float: 'not a number'",
  });
});

describe('bad manifests fail before any API call', () => {
  const cases: [string, Record<string, string>, string | RegExp][] = [
    ['YAML syntax', { training: 'kind: ModelTraining\nid: x\nspec: [unclosed' }, /^inline training.*line 3/],
    ['missing file', { training: 'manifests/nope.yaml' }, /^training: file manifests\/nope\.yaml not found/],
    [
      'wrong kind',
      { training: 'kind: ModelDeployment\nid: x\nspec: {image: a}' },
      /a ModelTraining is expected/,
    ],
    ['unknown kind', { training: 'kind: ModelTrainer\nid: x\nspec: {}' }, /ModelTrainer/],
    [
      'wrong type',
      { training: 'kind: ModelTraining\nid: x\nspec:\n  model: {name: [a], version: "1"}' },
      /spec\.model\.name/,
    ],
    [
      'bad id',
      { training: trainingManifest('x'), id: 'Not_Valid' },
      /input id: id "Not_Valid" is not a valid Odahu id/,
    ],
    [
      'bad policy',
      { training: trainingManifest('x'), 'if-exists': 'overwrite' },
      'input if-exists must be one of replace, reuse, fail, not "overwrite"',
    ],
    [
      'bad timeout',
      { training: trainingManifest('x'), timeout: 'soon' },
      /^input timeout "soon" is not a duration/,
    ],
    ['missing template value', { training: trainingManifest('{name}'), vars: 'other=1' }, /\{name\}/],
  ];
  test.each(cases)('%s', async (_name, inputs, message) => {
    const before = emulator.answers.length;
    const run = await runInProcess('train', inputs, { env, emulator });
    expect(run.exitCode).not.toBe(0);
    expect(run.failure).toMatch(message);
    expect(apiCallsSince(before)).toEqual([]);
  });

  test('every problem at once, one line each', async () => {
    const run = await runInProcess(
      'train',
      { training: trainingManifest('x'), wait: 'maybe', logs: 'sure' },
      { emulator, env: {} },
    );
    expect(run.failure?.split('\n')).toEqual([
      'api-url is missing: set the api-url input, the host of api-connection, or ODAHU_API_URL',
      'no credentials: set token (or ODAHU_TOKEN), or auth-url and client-id with client-secret (as inputs, in api-connection, or as ODAHU_* variables), or auth-url with auth github-oidc',
      'input wait must be true, false or park, not "maybe"',
      'input logs must be true or false, not "sure"',
    ]);
  });
});

test('a timeout fails the step and leaves the training running', async () => {
  const slow = await startTestEmulator({ trainingSeconds: 30 });
  try {
    const run = await runInProcess(
      'train',
      { training: trainingManifest('slow'), timeout: '1s', 'poll-interval': '0.2s' },
      { env: emulatorEnv(slow), emulator: slow },
    );
    expect(run.failure).toMatch(
      /^training slow did not finish within 1s: it is still (scheduling|unknown|running)$/,
    );
    const states = slow.answers.filter((a) => a.method === 'DELETE');
    expect(states).toEqual([]);
  } finally {
    await slow.close();
  }
});
