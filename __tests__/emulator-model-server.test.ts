// The edge and odahu-ml-server: routing by prefix and weight, 404/503 when nothing serves, the
// sidecar's token and role checks, the server's error texts and headers.

import { Api, call, fetchToken } from './helpers/emulator-http.js';
import { startTestEmulator, type TestEmulator } from './helpers/emulator.js';
import type {
  ModelDeployment,
  ModelPackaging,
  ModelRoute,
  ModelTraining,
} from '../src/shared/odahu/types.js';

const VIEWER = { clientId: 'edge-viewer', clientSecret: 'viewer-secret', role: 'viewer' as const };

let emulator: TestEmulator;
let api: Api;
let edge: string;
let image: string;

/** How long a newly Ready model warms up at the edge (503 meanwhile). */
const WARM_UP_MS = 300;

beforeAll(async () => {
  emulator = await startTestEmulator({ extraClients: [VIEWER], edgeWarmupSeconds: WARM_UP_MS / 1000 });
  api = new Api(emulator, await fetchToken(emulator));
  edge = `${emulator.edgeUrl}/model/served`;
  await api.post('connection', {
    id: 'edge-git',
    spec: {
      type: 'git',
      uri: 'git@github.com:odahu/odahu-examples.git',
      reference: 'main',
      publicKey: 'c3NoLXJzYQ==',
    },
  });
  await api.post<ModelTraining>('model/training', {
    id: 'served',
    spec: {
      model: { name: 'served-model', version: '3' },
      toolchain: 'mlflow',
      algorithmSource: { vcs: { connection: 'edge-git' } },
    },
  });
  const trained = await api.waitFor<ModelTraining>(
    'model/training/served',
    (t) => t.status?.state === 'succeeded',
  );
  await api.post<ModelPackaging>('model/packaging', {
    id: 'served',
    spec: {
      artifactName: trained.status!.artifacts![0]!.artifactName,
      integrationName: 'docker-cli',
      arguments: { imageName: 'served:{{ Version }}' },
    },
  });
  const packaged = await api.waitFor<ModelPackaging>(
    'model/packaging/served',
    (p) => p.status?.state === 'succeeded',
  );
  image = packaged.status!.results![0]!.value;
  expect(image).toBe('registry.odahu.local/odahu/served:3');
  await api.post<ModelDeployment>('model/deployment', {
    id: 'served',
    spec: { image, predictor: 'odahu-ml-server' },
  });
  await api.waitFor<ModelDeployment>('model/deployment/served', (d) => d.status?.state === 'Ready');
  // Its warm-up began when it turned Ready, before this sleep.
  await emulator.advance(WARM_UP_MS + 50);
});

afterAll(() => emulator.close());

const invoke = (body: unknown, token: string | null = api.token, headers: Record<string, string> = {}) =>
  call(`${edge}/api/model/invoke`, 'POST', token, body, headers);

describe('before the model serves', () => {
  it('has no route at the edge (404), then a route with no healthy upstream while it warms up (503)', async () => {
    const fresh = () =>
      call(`${emulator.edgeUrl}/model/fresh/api/model/invoke`, 'POST', api.token, { data: [[1]] });
    // Held: each answer is read before the controller's next step (Ready, then the end of the warm-up).
    await emulator.held(async () => {
      await api.post<ModelDeployment>('model/deployment', {
        id: 'fresh',
        spec: { image, predictor: 'odahu-ml-server' },
      });
      const early = await fresh();
      expect([early.status, early.text]).toEqual([404, '']);
      await api.stepUntil<ModelDeployment>('model/deployment/fresh', (d) => d.status?.state === 'Ready');
      const warming = await fresh();
      expect([warming.status, warming.text]).toEqual([503, 'no healthy upstream']);
    });
    // The warm-up began when it turned Ready, before this sleep.
    await emulator.advance(WARM_UP_MS + 50);
    expect((await fresh()).status).toBe(200);
  });
});

describe('a serving model', () => {
  it('answers with the model headers and a request id', async () => {
    const reply = await invoke({ data: [[1, 2]] }, api.token, { 'x-request-id': 'req-42' });
    expect(reply.headers.get('model-name')).toBe('served-model');
    expect(reply.headers.get('model-version')).toBe('3');
    expect(reply.headers.get('request-id')).toBe('req-42');
    expect((await invoke({ data: [[1, 2]] })).headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ['', 'Please provide data with this POST request'],
    ['{"data": ', 'Can not parse input as JSON: Expecting value: line 1 column 10 (char 9)'],
    [{ columns: ['a'] }, 'Matrix is not provided'],
    [{ data: [] }, 'Matrix is not provided'],
    [{ data: [[1, 'x1']] }, "Exception during prediction: could not convert string to float: 'x1'"],
    [
      { columns: ['a', 'b'], data: [[1, 2, 3]] },
      'Exception during prediction: 2 columns passed, passed data had 3 columns',
    ],
  ])('refuses %j with a 500 message', async (body, message) => {
    const reply = await invoke(body);
    expect([reply.status, reply.json]).toEqual([500, { message }]);
  });

  it('routes only below the prefix: the bare prefix matches no route (empty 404, before any auth)', async () => {
    for (const method of ['GET', 'POST']) {
      for (const token of [api.token, null]) {
        const bare = await call(edge, method, token, method === 'POST' ? { data: [[1]] } : undefined);
        expect([bare.status, bare.text, bare.headers.get('model-name')]).toEqual([404, '', null]);
      }
    }
    // With the slash it is the route's, rewritten to / on the model server (whose policy refuses it).
    const root = await call(`${edge}/`, 'GET', api.token);
    expect([root.status, root.headers.get('model-name')]).toEqual([403, 'served-model']);
  });

  it('needs a token and a role that may call the model', async () => {
    const none = await invoke({ data: [[1]] }, null);
    expect([none.status, none.text]).toEqual([401, 'Jwt is missing']);
    const viewer = await fetchToken(emulator, VIEWER.clientId, VIEWER.clientSecret);
    const denied = await invoke({ data: [[1]] }, viewer);
    expect([denied.status, denied.text]).toEqual([403, 'RBAC: access denied']);
    const health = await call(`${edge}/healthcheck`, 'GET', null);
    expect([health.status, health.text]).toEqual([200, '{"status": true}']);
  });

  it('lets the role named by the deployment call it', async () => {
    const roleName = 'served-callers';
    const current = (await api.get<ModelDeployment>('model/deployment/served')).json;
    await api.put<ModelDeployment>('model/deployment', { id: 'served', spec: { ...current.spec, roleName } });
    await api.waitFor<ModelDeployment>('model/deployment/served', (d) => d.status?.state === 'Ready');
    const viewer = await fetchToken(emulator, VIEWER.clientId, VIEWER.clientSecret);
    // The viewer's token carries odahu_viewer only: still refused.
    expect((await invoke({ data: [[1]] }, viewer)).status).toBe(403);
    expect((await invoke({ data: [[1]] })).status).toBe(200);
  });

  it('serves a custom route once it is Ready', async () => {
    await api.post<ModelRoute>('model/route', {
      id: 'served-custom',
      spec: { urlPrefix: '/custom/served', modelDeployments: [{ mdName: 'served' }] },
    });
    const route = await api.waitFor<ModelRoute>(
      'model/route/served-custom',
      (r) => r.status?.state === 'Ready',
    );
    expect(route.status!.edgeUrl).toBe(`${emulator.edgeUrl}/custom/served`);
    const reply = await call(`${route.status!.edgeUrl}/api/model/invoke`, 'POST', api.token, {
      data: [
        [2, 4],
        [1, 1.5],
      ],
    });
    expect([reply.status, reply.text]).toEqual([
      200,
      '{"prediction": [3.0, 1.25], "columns": ["prediction"]}',
    ]);
    await api.delete('model/route/served-custom');
    expect((await call(`${route.status!.edgeUrl}/api/model/info`, 'GET', api.token)).status).toBe(404);
  });

  it('stops serving once the deployment is being deleted', async () => {
    // Held: read while it is Deleting, before the controller removes it (and its route: 404).
    await emulator.held(async () => {
      await api.delete('model/deployment/served');
      await api.stepUntil<ModelDeployment>('model/deployment/served', (d) => d.status?.state === 'Deleting');
      expect((await invoke({ data: [[1]] })).status).toBe(503);
    });
  });
});
