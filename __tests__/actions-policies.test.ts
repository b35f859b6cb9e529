// What the actions do when the resource exists (if-exists), how wait picks up work started with
// wait: false, and the ways settings reach them (ODAHU_* variables, the Airflow connection, a token).

import { jest } from '@jest/globals';
import * as core from './helpers/core-mock.js';
import type { TestEmulator } from './helpers/emulator.js';
import { fetchToken } from './helpers/emulator-http.js';
import { emulatorEnv, trainingManifest } from './helpers/run-action.js';

jest.unstable_mockModule('@actions/core', () => core);
const { startTestEmulator } = await import('./helpers/emulator.js');
const { runInProcess } = await import('./helpers/in-process.js');

let emulator: TestEmulator;
let env: Record<string, string>;
const poll = { 'poll-interval': '0.1s' };

beforeAll(async () => {
  // Slow enough deployments that a roll-out can be watched from the edge.
  emulator = await startTestEmulator({ deploymentSeconds: 1 });
  env = emulatorEnv(emulator);
});

afterAll(() => emulator.close());

async function imageOf(model: string, version: string): Promise<string> {
  const training = trainingManifest(`${model}-${version.replace('.', '-')}`).replace(
    'version: "1.0"',
    `version: "${version}"`,
  );
  const train = await runInProcess('train', { training, ...poll }, { env, emulator });
  const pack = await runInProcess(
    'package',
    {
      packaging: `kind: ModelPackaging\nid: ${model}-${version.replace('.', '-')}\nspec: {integrationName: docker-rest, targets: [{name: docker-push, connectionName: docker-ci}]}`,
      'artifact-name': train.outputs['artifact-name']!,
      ...poll,
    },
    { env, emulator },
  );
  expect(pack.outputs.image).toBeTruthy();
  return pack.outputs.image!;
}

describe('train if-exists', () => {
  test('replace deletes the existing training, waits until it is gone, and trains anew', async () => {
    const first = await runInProcess(
      'train',
      { training: trainingManifest('again'), ...poll },
      { env, emulator },
    );
    const before = emulator.answers.length;
    const second = await runInProcess(
      'train',
      { training: trainingManifest('again'), ...poll },
      { env, emulator },
    );
    expect(second.failure).toBeUndefined();
    expect(second.log).toContain('Deleting the existing training again to replace it.');
    expect(second.outputs['artifact-name']).not.toBe(first.outputs['artifact-name']);
    const calls = emulator.callsSince(before);
    expect(calls.indexOf('DELETE /api/v1/model/training/again')).toBeLessThan(
      calls.indexOf('POST /api/v1/model/training'),
    );
  });

  test('reuse keeps the existing training and gives its outputs without creating anything', async () => {
    const first = await runInProcess(
      'train',
      { training: trainingManifest('kept'), ...poll },
      { env, emulator },
    );
    const before = emulator.answers.length;
    const reused = await runInProcess(
      'train',
      { training: trainingManifest('kept'), 'if-exists': 'reuse', ...poll },
      { env, emulator },
    );
    expect(reused.outputs['artifact-name']).toBe(first.outputs['artifact-name']);
    expect(emulator.callsSince(before, { writes: true })).toEqual([]);
  });

  test('fail stops with one line and changes nothing', async () => {
    await runInProcess('train', { training: trainingManifest('taken'), ...poll }, { env, emulator });
    const before = emulator.answers.length;
    const run = await runInProcess(
      'train',
      { training: trainingManifest('taken'), 'if-exists': 'fail' },
      { env, emulator },
    );
    expect(run.failure).toBe('training taken already exists and if-exists is fail');
    // Reads only: what the manifest names (its toolchain, its code's connection), then the training.
    expect(emulator.callsSince(before)).toEqual([
      'GET /api/v1/toolchain/integration/mlflow',
      'GET /api/v1/connection/models-output',
      'GET /api/v1/model/training/taken',
    ]);
  });
});

describe('deploy if-exists', () => {
  /**
   * Invokes the model at `url` after each step of the emulator while `deploy` runs; each answer's
   * status and the version that gave it (`200 1.0`).
   */
  async function deployWatchingEdge(url: string, inputs: Record<string, string>) {
    const token = await fetchToken(emulator);
    const answers: string[] = [];
    const invoke = async () => {
      const answer = await fetch(`${url}/api/model/invoke`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: '{"data": [[1]]}',
      });
      answers.push(`${answer.status} ${answer.headers.get('model-version') ?? '-'}`);
      await answer.arrayBuffer();
    };
    const run = await runInProcess('deploy', inputs, { env, emulator, betweenSteps: invoke });
    return { run, answers };
  }

  test('update rolls the new image out while the old one keeps serving; replace takes the model down', async () => {
    const v1 = await imageOf('roll', '1.0');
    const v2 = await imageOf('roll', '2.0');
    // Held from the first deploy on: the step the first roll-out leaves planned (the edge's warm-up
    // ending) runs among the update's steps, not by the wall clock between the two steps, wherever
    // a loaded machine happens to be then.
    await emulator.held(async () => {
      const first = await runInProcess('deploy', { id: 'roll', image: v1, ...poll }, { env, emulator });
      expect(first.outputs['model-version']).toBe('1.0');

      // Asked at every step of the cluster while the update rolls out: always answered, by the old
      // version until the new one is ready.
      const updated = await deployWatchingEdge(first.outputs.url!, { id: 'roll', image: v2, ...poll });
      expect(updated.run.log).toContain('Updating deployment roll.');
      expect(updated.run.outputs['model-version']).toBe('2.0');
      // The first roll-out's edge warming up, the update's controller pass, the new revision ready.
      expect(updated.answers).toEqual(['200 1.0', '200 1.0', '200 2.0']);

      const replaced = await deployWatchingEdge(first.outputs.url!, {
        id: 'roll',
        image: v1,
        'if-exists': 'replace',
        ...poll,
      });
      expect(replaced.run.log).toContain('Deleting the existing deployment roll to replace it.');
      // Down from the deletion on: deleting (503), gone while the new one is made (404), then
      // ready but still warming up at the edge (503).
      expect(replaced.answers).toEqual(['503 -', '404 -', '404 -', '404 -', '503 -']);
    });
  });

  test('an update to the spec it already has and serves sends nothing', async () => {
    const image = await imageOf('same-spec', '1.0');
    await runInProcess('deploy', { id: 'same-spec', image, ...poll }, { env, emulator });
    const before = emulator.answers.length;
    const again = await runInProcess('deploy', { id: 'same-spec', image, ...poll }, { env, emulator });
    expect(again.log).toContain('Deployment same-spec already has this spec: nothing to update.');
    expect(again.outputs).toMatchObject({ state: 'Ready', 'model-version': '1.0' });
    expect(emulator.callsSince(before, { writes: true })).toEqual([]);
  });
});

test('train with wait: false, then wait, gives the same outputs as train', async () => {
  const started = await runInProcess(
    'train',
    { training: trainingManifest('later'), wait: 'false' },
    { env, emulator },
  );
  expect(started.failure).toBeUndefined();
  expect(started.outputs['training-id']).toBe('later');
  expect(['unknown', 'scheduling', 'running']).toContain(started.outputs.state);
  expect(started.outputs['artifact-name']).toBe('');

  const waited = await runInProcess('wait', { 'training-id': 'later', ...poll }, { env, emulator });
  expect(waited.failure).toBeUndefined();
  expect(waited.outputs).toMatchObject({ 'training-id': 'later', state: 'succeeded' });
  expect(waited.outputs['artifact-name']).toMatch(/^wine-1\.0-.*\.zip$/);
  expect(Object.keys(waited.outputs).sort()).toEqual(
    ['training-id', 'state', 'artifact-name', 'run-id', 'commit-id', 'status'].sort(),
  );
});

test('wait needs exactly one id, and says when it does not exist', async () => {
  const none = await runInProcess('wait', {}, { env, emulator });
  expect(none.failure).toBe('give exactly one of training-id, packaging-id, deployment-id, inference-job-id');
  const two = await runInProcess('wait', { 'training-id': 'a', 'packaging-id': 'b' }, { env, emulator });
  expect(two.failure).toBe(
    'give exactly one of training-id, packaging-id, deployment-id, inference-job-id (got training-id and packaging-id)',
  );
  const missing = await runInProcess('wait', { 'packaging-id': 'nothing-here' }, { env, emulator });
  expect(missing.failure).toBe('packaging nothing-here does not exist');
});

describe('settings', () => {
  test('the Airflow connection URI alone, as the plugin users already have it', async () => {
    const { host } = new URL(emulator.apiUrl);
    const uri =
      `http://:${encodeURIComponent(emulator.clientSecret)}@${host}/http` +
      `?auth_url=${encodeURIComponent(emulator.authUrl)}&client_id=${emulator.clientId}` +
      `&scope=${encodeURIComponent('openid profile email offline_access groups')}`;
    const run = await runInProcess(
      'train',
      { training: trainingManifest('from-airflow'), ...poll },
      { env: { ODAHU_API_CONNECTION: uri }, secrets: [uri], emulator },
    );
    expect(run.failure).toBeUndefined();
    expect(run.outputs.state).toBe('succeeded');
  });

  test("the Airflow connection's JSON form, with an input winning over it", async () => {
    const connection = JSON.stringify({
      conn_type: 'http',
      host: 'wrong-host.invalid',
      password: emulator.clientSecret,
      extra: { auth_url: emulator.authUrl, client_id: emulator.clientId },
    });
    const run = await runInProcess(
      'wait',
      { 'training-id': 'from-airflow', 'api-connection': connection, 'api-url': emulator.apiUrl },
      { emulator, secrets: [emulator.clientSecret] },
    );
    expect(run.failure).toBeUndefined();
  });

  test('a ready token, and a wrong secret named without the secret', async () => {
    const token = await fetchToken(emulator);
    const run = await runInProcess(
      'wait',
      { 'training-id': 'from-airflow' },
      { env: { ODAHU_API_URL: emulator.apiUrl, ODAHU_TOKEN: token }, emulator },
    );
    expect(run.failure).toBeUndefined();
    expect(run.log.join('\n')).not.toContain(token);

    const wrong = await runInProcess(
      'wait',
      { 'training-id': 'from-airflow' },
      { emulator, env: { ...env, ODAHU_CLIENT_SECRET: 'not-the-secret-at-all' } },
    );
    expect(wrong.failure).toBe(`authentication failed at ${emulator.authUrl}: client authentication failed`);
    expect([...wrong.log, wrong.failure].join('\n')).not.toContain('not-the-secret-at-all');
  });
});
