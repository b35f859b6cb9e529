// A model's way through the emulated cluster: training → packaging → deployment → predictions, with
// the exact states each takes, what each leaves for the next, re-runs on PUT, rollouts that keep the
// old revision serving, and the per-resource emulator-outcome / emulator-seconds overrides.

import { Api, call, fetchToken, sleep } from './helpers/emulator-http.js';
import { startTestEmulator, type TestEmulator } from './helpers/emulator.js';
import type {
  DeploymentEvent,
  LatestEvents,
  ModelDeployment,
  ModelInfoDocument,
  ModelPackaging,
  ModelRoute,
  ModelTraining,
} from '../src/shared/odahu/types.js';

let emulator: TestEmulator;
let api: Api;

beforeAll(async () => {
  emulator = await startTestEmulator();
  api = new Api(emulator, await fetchToken(emulator));
  await api.post('connection', {
    id: 'wine-git',
    spec: {
      type: 'git',
      uri: 'git@github.com:odahu/odahu-examples.git',
      reference: 'develop',
      publicKey: Buffer.from('ssh-rsa AAAA').toString('base64'),
    },
  });
});

afterAll(() => emulator.close());

const training = (id: string, hyperParameters: Record<string, string> = {}) => ({
  id,
  spec: {
    model: { name: 'wine', version: '1.0' },
    toolchain: 'mlflow',
    entrypoint: 'main',
    hyperParameters,
    algorithmSource: { vcs: { connection: 'wine-git' } },
  },
});

const packaging = (id: string, artifactName: string, args: Record<string, unknown> = {}) => ({
  id,
  spec: { artifactName, integrationName: 'docker-cli', arguments: args },
});

const isFinal = (state: string | undefined): boolean => state === 'succeeded' || state === 'failed';

describe('a model from training to predictions', () => {
  let artifactName: string;
  let image: string;

  it('trains: unknown → scheduling → running → succeeded, with an artifact named by the template', async () => {
    // Held from the POST on: each state is read before the controller's next step.
    const states = await emulator.held(async () => {
      const created = await api.post<ModelTraining>(
        'model/training',
        training('wine', { alpha: '0.5', 'emulator-seconds': '1' }),
      );
      expect(created.json.status).toEqual({ state: 'unknown' });
      return api.watch<ModelTraining>(
        'model/training/wine',
        (t) => t.status?.state,
        (t) => isFinal(t.status?.state),
      );
    });
    expect(states).toEqual(['unknown', 'scheduling', 'running', 'succeeded']);
    const done = (await api.get<ModelTraining>('model/training/wine')).json;
    expect(done.status).toMatchObject({ reason: 'Succeeded', message: 'All Steps have completed executing' });
    expect(done.status?.podName).toMatch(/^wine-pod-[0-9a-f]{5}$/);
    expect(done.status?.artifacts).toEqual([
      {
        runId: expect.stringMatching(/^[0-9a-f]{32}$/),
        artifactName: expect.stringMatching(/^wine-1\.0-[0-9a-f-]{36}\.zip$/),
        commitID: expect.stringMatching(/^[0-9a-f]{40}$/),
      },
    ]);
    artifactName = done.status!.artifacts![0]!.artifactName;
  });

  it('packages the artifact into an image on the docker-ci registry', async () => {
    const states = await emulator.held(async () => {
      const created = await api.post<ModelPackaging>(
        'model/packaging',
        packaging('wine', artifactName, { 'emulator-seconds': '1' }),
      );
      expect(created.json.spec.targets).toContainEqual({ name: 'docker-push', connectionName: 'docker-ci' });
      return api.watch<ModelPackaging>(
        'model/packaging/wine',
        (p) => p.status?.state,
        (p) => isFinal(p.status?.state),
      );
    });
    expect(states).toEqual(['unknown', 'scheduling', 'running', 'succeeded']);
    const done = (await api.get<ModelPackaging>('model/packaging/wine')).json;
    expect(done.status?.state).toBe('succeeded');
    expect(done.status?.results).toEqual([
      {
        name: 'image',
        value: expect.stringMatching(/^registry\.odahu\.local\/odahu\/wine-1\.0:[0-9a-f-]{36}$/),
      },
    ]);
    image = done.status!.results![0]!.value;
  });

  it('deploys the image: Processing → Ready, with its default route Ready at the edge', async () => {
    const spec = {
      image,
      predictor: 'odahu-ml-server',
      minReplicas: 2,
      annotations: { 'emulator-seconds': '1' },
    };
    const states = await emulator.held(async () => {
      await api.post<ModelDeployment>('model/deployment', { id: 'wine', spec });
      return api.watch<ModelDeployment>(
        'model/deployment/wine',
        (d) => d.status?.state,
        (d) => d.status?.state === 'Ready',
      );
    });
    expect(states).toEqual([undefined, 'Processing', 'Ready']);
    const ready = (await api.get<ModelDeployment>('model/deployment/wine')).json;
    expect(ready.status).toEqual({
      state: 'Ready',
      deployment: 'wine-00001-deployment',
      hostHeader: expect.any(String),
      availableReplicas: 2,
      replicas: 2,
      modelName: 'wine',
      modelVersion: '1.0',
    });
    const route = (await api.get<ModelRoute>('model/deployment/wine/default-route')).json;
    expect(route.status).toEqual({ edgeUrl: `${emulator.edgeUrl}/model/wine`, state: 'Ready' });

    const events = (await api.get<LatestEvents<DeploymentEvent>>('model/deployment-events')).json.events;
    expect(events?.map((e) => [e.entityID, e.type])).toEqual([['wine', 'ModelDeploymentStatusUpdated']]);
    expect(events?.[0]?.payload.status?.state).toBe('Ready');
  });

  it('predicts the mean of each row and names the model', async () => {
    const edge = `${emulator.edgeUrl}/model/wine`;
    let invoke = await call(`${edge}/api/model/invoke`, 'POST', api.token, {
      columns: ['a', 'b', 'c'],
      data: [
        [1, 2, 3],
        [2, 4, 9],
      ],
    });
    for (let i = 0; invoke.status === 503 && i < 100; i += 1) {
      await sleep(10);
      invoke = await call(`${edge}/api/model/invoke`, 'POST', api.token, {
        columns: ['a', 'b', 'c'],
        data: [
          [1, 2, 3],
          [2, 4, 9],
        ],
      });
    }
    expect(invoke.status).toBe(200);
    expect(invoke.text).toBe('{"prediction": [2.0, 5.0], "columns": ["prediction"]}');
    expect(invoke.headers.get('model-name')).toBe('wine');
    expect(invoke.headers.get('model-version')).toBe('1.0');
    const info = await call<ModelInfoDocument>(`${edge}/api/model/info`, 'GET', api.token);
    expect(info.json).toMatchObject({ swagger: '2.0', info: { title: 'wine', version: '1.0' } });
    expect(Object.keys(info.json.paths)).toEqual(['/api/model/info', '/api/model/invoke']);
  });

  it('rolls a changed deployment out while the old revision keeps serving', async () => {
    const edge = `${emulator.edgeUrl}/model/wine`;
    const put = await api.put<ModelDeployment>('model/deployment', {
      id: 'wine',
      spec: {
        image: 'registry.odahu.local/odahu/never-pushed:1',
        predictor: 'odahu-ml-server',
        minReplicas: 2,
      },
    });
    expect(put.json.status).toEqual({ availableReplicas: 0, replicas: 0 });
    await api.waitFor<ModelDeployment>('model/deployment/wine', (d) => d.status?.state === 'Processing');
    await emulator.advance(300);
    expect((await api.get<ModelDeployment>('model/deployment/wine')).json.status?.state).toBe('Processing');
    const invoke = await call(`${edge}/api/model/invoke`, 'POST', api.token, { data: [[4]] });
    expect([invoke.status, invoke.json]).toEqual([200, { prediction: [4], columns: ['prediction'] }]);

    await api.put<ModelDeployment>('model/deployment', {
      id: 'wine',
      spec: { image, predictor: 'odahu-ml-server', minReplicas: 2 },
    });
    const ready = await api.waitFor<ModelDeployment>(
      'model/deployment/wine',
      (d) => d.status?.state === 'Ready',
    );
    expect(ready.status?.deployment).toBe('wine-00003-deployment');
  });

  it('re-runs a training whose spec changed, and only then', async () => {
    const before = (await api.get<ModelTraining>('model/training/wine')).json;
    const same = await api.put<ModelTraining>(
      'model/training',
      training('wine', { alpha: '0.5', 'emulator-seconds': '1' }),
    );
    expect(same.json.status).toEqual({ state: 'unknown' });
    const restored = await api.waitFor<ModelTraining>(
      'model/training/wine',
      (t) => t.status?.state !== 'unknown',
    );
    expect(restored.status).toEqual(before.status);

    await api.put<ModelTraining>('model/training', training('wine', { alpha: '0.9' }));
    const rerun = await api.waitFor<ModelTraining>(
      'model/training/wine',
      (t) => t.status?.state === 'succeeded',
    );
    expect(rerun.status?.podName).not.toBe(before.status?.podName);
    // The controller sets the artifacts to the new run's result alone.
    expect(rerun.status?.artifacts).toHaveLength(1);
    expect(rerun.status?.artifacts?.[0]?.artifactName).not.toBe(before.status?.artifacts?.[0]?.artifactName);
  });

  it("re-runs a packaging whose spec changed: the new run's result replaces the earlier one", async () => {
    const before = (await api.get<ModelPackaging>('model/packaging/wine')).json;
    const seen = await emulator.held(async () => {
      await api.put(
        'model/packaging',
        packaging('wine', artifactName, { 'emulator-seconds': '1', imageName: 'wine-again:{{ Version }}' }),
      );
      return api.watch<ModelPackaging>(
        'model/packaging/wine',
        (p) => [p.status?.state, p.status?.results?.length ?? 0],
        (p) => isFinal(p.status?.state),
      );
    });
    // The CR's update empties its results; the new run writes its own (result.json), not appended.
    expect(seen).toEqual([
      ['unknown', 0],
      ['scheduling', 0],
      ['running', 0],
      ['succeeded', 1],
    ]);
    const after = (await api.get<ModelPackaging>('model/packaging/wine')).json;
    expect(after.status?.podName).not.toBe(before.status?.podName);
    expect(after.status?.results).toEqual([
      { name: 'image', value: 'registry.odahu.local/odahu/wine-again:1.0' },
    ]);
  });
});

describe('emulator-outcome: failed', () => {
  it('fails a training at its trainer step', async () => {
    await api.post<ModelTraining>('model/training', training('broken', { 'emulator-outcome': 'failed' }));
    const done = await api.waitFor<ModelTraining>('model/training/broken', (t) => isFinal(t.status?.state));
    expect(done.status).toEqual({
      state: 'failed',
      podName: expect.any(String),
      reason: 'Failed',
      message: '"step-trainer" exited with code 1',
    });
    expect(done.spec.hyperParameters).toEqual({ 'emulator-outcome': 'failed' });
  });

  it('fails a packaging at its packager step, keeping the key in its arguments', async () => {
    await api.post<ModelTraining>('model/training', training('for-broken-packaging'));
    const trained = await api.waitFor<ModelTraining>(
      'model/training/for-broken-packaging',
      (t) => t.status?.state === 'succeeded',
    );
    const created = await api.post<ModelPackaging>(
      'model/packaging',
      packaging('broken', trained.status!.artifacts![0]!.artifactName, {
        'emulator-outcome': 'failed',
        'emulator-seconds': 0.2,
      }),
    );
    expect(created.status).toBe(201);
    expect(created.json.spec.arguments).toEqual({ 'emulator-outcome': 'failed', 'emulator-seconds': 0.2 });
    const done = await api.waitFor<ModelPackaging>('model/packaging/broken', (p) => isFinal(p.status?.state));
    expect(done.status).toMatchObject({
      state: 'failed',
      reason: 'Failed',
      message: '"step-packager" exited with code 1',
    });
    expect(done.status?.results).toBeUndefined();
  });

  it('fails a packaging of an artifact no training made, naming the artifact', async () => {
    await api.post<ModelPackaging>('model/packaging', packaging('orphan', 'nobody-made-this.zip'));
    const done = await api.waitFor<ModelPackaging>('model/packaging/orphan', (p) => isFinal(p.status?.state));
    expect(done.status?.state).toBe('failed');
    expect(done.status?.message).toContain('nobody-made-this.zip');
  });

  it('keeps a deployment Processing, as an image that never pulls does (no controller writes Failed)', async () => {
    await api.post<ModelDeployment>('model/deployment', {
      id: 'broken',
      spec: {
        image: 'anything:1',
        predictor: 'odahu-ml-server',
        annotations: { 'emulator-outcome': 'failed', 'emulator-seconds': '0.2' },
      },
    });
    await api.waitFor<ModelDeployment>('model/deployment/broken', (d) => d.status?.state === 'Processing');
    await emulator.advance(400);
    const done = (await api.get<ModelDeployment>('model/deployment/broken')).json;
    expect(done.status).toEqual({ state: 'Processing', availableReplicas: 0, replicas: 1 });
    const edge = await call(`${emulator.edgeUrl}/model/broken/api/model/info`, 'GET', api.token);
    expect(edge.status).toBe(404);
  });
});
