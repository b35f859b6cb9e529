// deploy at its edges: an update shortcut that must not keep removed fields, and outputs when the
// default route cannot be read (the pipeline's side of both: actions-pipeline.test.ts).

import { jest } from '@jest/globals';
import * as core from './helpers/core-mock.js';
import type { TestEmulator } from './helpers/emulator.js';
import { Api, fetchToken } from './helpers/emulator-http.js';
import { routeBreakingProxy } from './helpers/route-breaking-proxy.js';
import { emulatorEnv, trainingManifest } from './helpers/run-action.js';

jest.unstable_mockModule('@actions/core', () => core);
const { startTestEmulator } = await import('./helpers/emulator.js');
const { runInProcess } = await import('./helpers/in-process.js');

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
  const train = await runInProcess(
    'train',
    { training: trainingManifest('dep'), ...poll },
    { env, emulator },
  );
  const pack = await runInProcess(
    'package',
    { packaging: packaging('dep'), 'artifact-name': train.outputs['artifact-name']!, ...poll },
    { env, emulator },
  );
  image = pack.outputs.image!;
});

afterAll(() => emulator.close());

test('a field removed from the deployment manifest is not kept by an "unchanged" shortcut', async () => {
  const first = await runInProcess(
    'deploy',
    {
      deployment: 'kind: ModelDeployment\nid: sel\nspec: {minReplicas: 2, maxReplicas: 2}',
      image,
      ...poll,
    },
    { env, emulator },
  );
  expect(first.failure).toBeUndefined();
  // The user drops minReplicas/maxReplicas to go back to the server's defaults (0 and 1).
  const second = await runInProcess(
    'deploy',
    { deployment: 'kind: ModelDeployment\nid: sel\nspec: {}', image, ...poll },
    { env, emulator },
  );
  expect(second.failure).toBeUndefined();
  const live = await api.get<{ spec: { minReplicas?: number } }>('model/deployment/sel');
  expect(second.log).not.toContain('Deployment sel already has this spec: nothing to update.');
  expect(live.json.spec.minReplicas).toBe(0);
});

test('deploy keeps its other outputs when the default route cannot be read', async () => {
  const proxy = await routeBreakingProxy(emulator.apiUrl);
  try {
    const run = await runInProcess(
      'deploy',
      { id: 'route', image, ...poll, 'api-url': proxy.url },
      { env, emulator },
    );
    expect(run.outputs['deployment-id']).toBe('route');
    expect(run.outputs.state).toBe('Ready');
  } finally {
    await proxy.close();
  }
});
