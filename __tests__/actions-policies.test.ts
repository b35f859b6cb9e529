// What the actions do when the resource exists (if-exists), how wait picks up work started with
// wait: false, and the ways settings reach them (ODAHU_* variables, the Airflow connection, a token).

import type { TestEmulator } from './helpers/emulator.js';
import { startTestEmulator } from './helpers/emulator.js';
import { fetchToken } from './helpers/emulator-http.js';
import { emulatorEnv, runAction, trainingManifest } from './helpers/run-action.js';

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
  const train = await runAction('train', { training, ...poll }, { env });
  const pack = await runAction(
    'package',
    {
      packaging: `kind: ModelPackaging\nid: ${model}-${version.replace('.', '-')}\nspec: {integrationName: docker-rest, targets: [{name: docker-push, connectionName: docker-ci}]}`,
      'artifact-name': train.outputs['artifact-name']!,
      ...poll,
    },
    { env },
  );
  expect(pack.outputs.image).toBeTruthy();
  return pack.outputs.image!;
}

describe('train if-exists', () => {
  test('replace deletes the existing training, waits until it is gone, and trains anew', async () => {
    const first = await runAction('train', { training: trainingManifest('again'), ...poll }, { env });
    const before = emulator.answers.length;
    const second = await runAction('train', { training: trainingManifest('again'), ...poll }, { env });
    expect(second.failure).toBeUndefined();
    expect(second.log).toContain('Deleting the existing training again to replace it.');
    expect(second.outputs['artifact-name']).not.toBe(first.outputs['artifact-name']);
    const calls = emulator.callsSince(before);
    expect(calls.indexOf('DELETE /api/v1/model/training/again')).toBeLessThan(
      calls.indexOf('POST /api/v1/model/training'),
    );
  });

  test('reuse keeps the existing training and gives its outputs without creating anything', async () => {
    const first = await runAction('train', { training: trainingManifest('kept'), ...poll }, { env });
    const before = emulator.answers.length;
    const reused = await runAction(
      'train',
      { training: trainingManifest('kept'), 'if-exists': 'reuse', ...poll },
      { env },
    );
    expect(reused.outputs['artifact-name']).toBe(first.outputs['artifact-name']);
    expect(emulator.callsSince(before, { writes: true })).toEqual([]);
  });

  test('fail stops with one line and changes nothing', async () => {
    await runAction('train', { training: trainingManifest('taken'), ...poll }, { env });
    const before = emulator.answers.length;
    const run = await runAction(
      'train',
      { training: trainingManifest('taken'), 'if-exists': 'fail' },
      { env },
    );
    expect(run.failure).toBe('training taken already exists and if-exists is fail');
    expect(emulator.callsSince(before)).toEqual(['GET /api/v1/model/training/taken']);
  });
});

describe('deploy if-exists', () => {
  /** Invoke the model at `url` every 25 ms until stopped; the statuses seen, in order. */
  function watchEdge(url: string): { stop: () => Promise<number[]> } {
    const statuses: number[] = [];
    let running = true;
    const loop = (async () => {
      const token = await fetchToken(emulator);
      while (running) {
        const answer = await fetch(`${url}/api/model/invoke`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: '{"data": [[1]]}',
        });
        statuses.push(answer.status);
        await answer.arrayBuffer();
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })();
    return {
      stop: async () => {
        running = false;
        await loop;
        return statuses;
      },
    };
  }

  test('update rolls the new image out while the old one keeps serving; replace takes the model down', async () => {
    const v1 = await imageOf('roll', '1.0');
    const v2 = await imageOf('roll', '2.0');
    const first = await runAction('deploy', { id: 'roll', image: v1, ...poll }, { env });
    expect(first.outputs['model-version']).toBe('1.0');

    let edge = watchEdge(first.outputs.url!);
    const updated = await runAction('deploy', { id: 'roll', image: v2, ...poll }, { env });
    let statuses = await edge.stop();
    expect(updated.log).toContain('Updating deployment roll.');
    expect(updated.outputs['model-version']).toBe('2.0');
    expect(statuses.length).toBeGreaterThan(10);
    expect(statuses.every((s) => s === 200)).toBe(true);

    edge = watchEdge(first.outputs.url!);
    const replaced = await runAction(
      'deploy',
      { id: 'roll', image: v1, 'if-exists': 'replace', ...poll },
      { env },
    );
    statuses = await edge.stop();
    expect(replaced.log).toContain('Deleting the existing deployment roll to replace it.');
    expect(statuses.some((s) => s !== 200)).toBe(true);
  }, 60_000);

  test('an update to the spec it already has and serves sends nothing', async () => {
    const image = await imageOf('same-spec', '1.0');
    await runAction('deploy', { id: 'same-spec', image, ...poll }, { env });
    const before = emulator.answers.length;
    const again = await runAction('deploy', { id: 'same-spec', image, ...poll }, { env });
    expect(again.log).toContain('Deployment same-spec already has this spec: nothing to update.');
    expect(again.outputs).toMatchObject({ state: 'Ready', 'model-version': '1.0' });
    expect(emulator.callsSince(before, { writes: true })).toEqual([]);
  });
});

test('train with wait: false, then wait, gives the same outputs as train', async () => {
  const started = await runAction('train', { training: trainingManifest('later'), wait: 'false' }, { env });
  expect(started.failure).toBeUndefined();
  expect(started.outputs['training-id']).toBe('later');
  expect(['unknown', 'scheduling', 'running']).toContain(started.outputs.state);
  expect(started.outputs['artifact-name']).toBe('');

  const waited = await runAction('wait', { 'training-id': 'later', ...poll }, { env });
  expect(waited.failure).toBeUndefined();
  expect(waited.outputs).toMatchObject({ 'training-id': 'later', state: 'succeeded' });
  expect(waited.outputs['artifact-name']).toMatch(/^wine-1\.0-.*\.zip$/);
  expect(Object.keys(waited.outputs).sort()).toEqual(
    ['training-id', 'state', 'artifact-name', 'run-id', 'commit-id', 'status'].sort(),
  );
});

test('wait needs exactly one id, and says when it does not exist', async () => {
  const none = await runAction('wait', {}, { env });
  expect(none.failure).toBe('give exactly one of training-id, packaging-id, deployment-id, inference-job-id');
  const two = await runAction('wait', { 'training-id': 'a', 'packaging-id': 'b' }, { env });
  expect(two.failure).toBe(
    'give exactly one of training-id, packaging-id, deployment-id, inference-job-id (got training-id and packaging-id)',
  );
  const missing = await runAction('wait', { 'packaging-id': 'nothing-here' }, { env });
  expect(missing.failure).toBe('packaging nothing-here does not exist');
});

describe('settings', () => {
  test('the Airflow connection URI alone, as the plugin users already have it', async () => {
    const { host } = new URL(emulator.apiUrl);
    const uri =
      `http://:${encodeURIComponent(emulator.clientSecret)}@${host}/http` +
      `?auth_url=${encodeURIComponent(emulator.authUrl)}&client_id=${emulator.clientId}` +
      `&scope=${encodeURIComponent('openid profile email offline_access groups')}`;
    const run = await runAction(
      'train',
      { training: trainingManifest('from-airflow'), ...poll },
      { env: { ODAHU_API_CONNECTION: uri }, secrets: [uri] },
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
    const run = await runAction(
      'wait',
      { 'training-id': 'from-airflow', 'api-connection': connection, 'api-url': emulator.apiUrl },
      { secrets: [emulator.clientSecret] },
    );
    expect(run.failure).toBeUndefined();
  });

  test('a ready token, and a wrong secret named without the secret', async () => {
    const token = await fetchToken(emulator);
    const run = await runAction(
      'wait',
      { 'training-id': 'from-airflow' },
      {
        env: { ODAHU_API_URL: emulator.apiUrl, ODAHU_TOKEN: token },
      },
    );
    expect(run.failure).toBeUndefined();
    expect(run.log.join('\n')).not.toContain(token);

    const wrong = await runAction(
      'wait',
      { 'training-id': 'from-airflow' },
      {
        env: { ...env, ODAHU_CLIENT_SECRET: 'not-the-secret-at-all' },
      },
    );
    expect(wrong.failure).toBe(`authentication failed at ${emulator.authUrl}: client authentication failed`);
    expect([...wrong.log, wrong.failure].join('\n')).not.toContain('not-the-secret-at-all');
  });
});
