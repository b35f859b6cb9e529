// deploy and pipeline at their edges: an update shortcut that must not keep removed fields, outputs
// when the default route cannot be read, the pipeline finding the model without a URL, and the
// pipeline's derived deployment id checked before anything is created.

import type { TestEmulator } from './helpers/emulator.js';
import { startTestEmulator } from './helpers/emulator.js';
import { Api, fetchToken } from './helpers/emulator-http.js';
import { emulatorEnv, runAction, trainingManifest } from './helpers/run-action.js';
import { forwardTo, sendJson, startTinyServer } from './helpers/tiny-server.js';
import type { TinyServer } from './helpers/tiny-server.js';

let emulator: TestEmulator;
let api: Api;
let env: Record<string, string>;
let image: string;

const poll = { 'poll-interval': '0.1s' };
const packaging = (id: string) =>
  `kind: ModelPackaging\nid: ${id}\nspec: {integrationName: docker-rest, targets: [{name: docker-push, connectionName: docker-ci}]}`;

beforeAll(async () => {
  emulator = await startTestEmulator();
  api = new Api(emulator, await fetchToken(emulator));
  env = emulatorEnv(emulator);
  const train = await runAction('train', { training: trainingManifest('dep'), ...poll }, { env });
  const pack = await runAction(
    'package',
    { packaging: packaging('dep'), 'artifact-name': train.outputs['artifact-name']!, ...poll },
    { env },
  );
  image = pack.outputs.image!;
});

afterAll(() => emulator.close());

/** Forwards to the emulator, answering 500 to every default-route read. */
function routeBreakingProxy(upstream: string): Promise<TinyServer> {
  return startTinyServer((request, response) => {
    if (request.url.endsWith('/default-route')) sendJson(response, 500, { message: 'database is locked' });
    else void forwardTo(upstream, request, response);
  });
}

test('a field removed from the deployment manifest is not kept by an "unchanged" shortcut', async () => {
  const first = await runAction(
    'deploy',
    {
      deployment: 'kind: ModelDeployment\nid: sel\nspec: {minReplicas: 2, maxReplicas: 2}',
      image,
      ...poll,
    },
    { env },
  );
  expect(first.failure).toBeUndefined();
  // The user drops minReplicas/maxReplicas to go back to the server's defaults (0 and 1).
  const second = await runAction(
    'deploy',
    { deployment: 'kind: ModelDeployment\nid: sel\nspec: {}', image, ...poll },
    { env },
  );
  expect(second.failure).toBeUndefined();
  const live = await api.get<{ spec: { minReplicas?: number } }>('model/deployment/sel');
  expect(second.log).not.toContain('Deployment sel already has this spec: nothing to update.');
  expect(live.json.spec.minReplicas).toBe(0);
});

test('deploy keeps its other outputs when the default route cannot be read', async () => {
  const proxy = await routeBreakingProxy(emulator.apiUrl);
  try {
    const run = await runAction('deploy', { id: 'route', image, ...poll, 'api-url': proxy.url }, { env });
    expect(run.outputs['deployment-id']).toBe('route');
    expect(run.outputs.state).toBe('Ready');
  } finally {
    await proxy.close();
  }
});

test('pipeline does not ask a model at an empty URL when the route read failed', async () => {
  const proxy = await routeBreakingProxy(emulator.apiUrl);
  try {
    const started = Date.now();
    const run = await runAction(
      'pipeline',
      {
        training: trainingManifest('pipe-url'),
        packaging: packaging('pipe-url'),
        request: '{"data": [[1, 2]]}',
        ...poll,
        'api-url': proxy.url,
      },
      { env },
    );
    const seconds = Math.round((Date.now() - started) / 1000);
    // Whatever the fix, the failure must not be a network error on a relative URL after a minute.
    expect(`${run.failure} (after ${seconds}s)`).not.toMatch(/Invalid URL/);
  } finally {
    await proxy.close();
  }
}, 120_000);

test('pipeline checks the derived deployment id before training', async () => {
  const id = 'long-' + 'x'.repeat(45); // 50 characters: a fine packaging id, too long for a deployment
  const run = await runAction(
    'pipeline',
    { training: trainingManifest('long'), packaging: packaging(id), ...poll },
    { env },
  );
  expect(run.failure).toBeDefined();
  // Nothing may have been created: the README promises a deployment mistake fails before training.
  expect((await api.get('model/training/long')).status).toBe(404);
});
