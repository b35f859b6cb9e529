// The API server's common behaviour as the emulator reproduces it: gin's 404 page and redirects,
// error texts, a fresh cluster's contents, timestamps, statuses the server owns, default routes,
// deletion semantics and the event feeds.

import { Api, b64, call, fetchToken } from './helpers/emulator-http.js';
import { startTestEmulator, type TestEmulator } from './helpers/emulator.js';
import type {
  Connection,
  DeploymentEvent,
  InferenceJob,
  LatestEvents,
  ModelDeployment,
  ModelRoute,
  PackagingIntegration,
  RouteEvent,
  ToolchainIntegration,
} from '../src/shared/odahu/types.js';

let emulator: TestEmulator;
let api: Api;

const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d*[1-9])?Z$/;

beforeAll(async () => {
  emulator = await startTestEmulator();
  api = new Api(emulator, await fetchToken(emulator));
});

afterAll(() => emulator.close());

describe('routing', () => {
  it('answers unknown paths and wrong methods with the plain 404 page, never 405', async () => {
    for (const [method, path] of [
      ['GET', 'model/nothing'],
      ['PATCH', 'model/training'],
      ['POST', 'model/training/wine'],
    ] as const) {
      const reply = await api.call(method, path);
      expect([reply.status, reply.text]).toEqual([404, '404 page not found']);
      expect(reply.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    }
  });

  it('redirects a trailing slash away (301 for GET, 307 for the others)', async () => {
    const get = await api.get('model/training/?size=1');
    expect([get.status, get.headers.get('location')]).toEqual([301, '/api/v1/model/training?size=1']);
    const post = await api.post('connection/', {});
    expect([post.status, post.headers.get('location')]).toEqual([307, '/api/v1/connection']);
  });
});

describe('a fresh cluster', () => {
  it('has the mlflow toolchain, the docker packagers and the connections their defaults name', async () => {
    const toolchains = await api.get<ToolchainIntegration[]>('toolchain/integration');
    expect(toolchains.json.map((t) => t.id)).toEqual(['mlflow']);
    const integrations = (await api.get<PackagingIntegration[]>('packaging/integration')).json;
    expect(integrations.map((i) => i.id)).toEqual(['docker-cli', 'docker-rest']);
    const cli = integrations[0]!;
    expect(cli.spec.schema.targets?.[0]).toEqual({
      name: 'docker-push',
      connectionTypes: ['docker', 'ecr'],
      default: 'docker-ci',
      required: true,
    });
    const imageName = cli.spec.schema.arguments.properties?.find((p) => p.name === 'imageName');
    expect(imageName?.parameters).toContainEqual({
      name: 'default',
      value: '{{ Name }}-{{ Version }}:{{ RandomUUID }}',
    });

    const connections = await api.get<Connection[]>('connection');
    expect(connections.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(connections.json.map((c) => [c.id, c.spec.type, c.spec.vital])).toEqual([
      ['docker-ci', 'docker', true],
      ['models-output', 'gcs', true],
      // docker-cli's docker-pull default, made by the installer without `vital`.
      ['odahuflow-docker-repository', 'docker', undefined],
    ]);
    expect(cli.spec.schema.targets?.[1]?.default).toBe('odahuflow-docker-repository');
    expect(connections.json[0]?.spec).toMatchObject({ password: '*****', uri: 'registry.odahu.local/odahu' });
    const decrypted = await api.get<Connection>('connection/docker-ci/decrypted');
    expect(Buffer.from(decrypted.json.spec.password ?? '', 'base64').toString()).toBe('emulator');
    const vital = await api.delete('connection/models-output');
    expect([vital.status, vital.json]).toEqual([
      400,
      { message: 'models-output connection is vital, it cannot be deleted' },
    ]);
  });

  it('reports its configuration with the edge at the emulator and durations in nanoseconds', async () => {
    const { json } = await api.get<Record<string, Record<string, unknown>>>('configuration');
    expect(Object.keys(json).sort()).toEqual([
      'api',
      'batch',
      'common',
      'connection',
      'deployment',
      'operator',
      'packager',
      'packaging',
      'serviceCatalog',
      'trainer',
      'training',
      'users',
    ]);
    expect(json.deployment).toMatchObject({ edge: { host: emulator.edgeUrl }, enabled: true });
    expect(json.training).toMatchObject({
      outputConnectionID: 'models-output',
      timeout: 14400000000000,
      enabled: true,
    });
    expect(json.common).toMatchObject({ oauthOidcTokenEndpoint: emulator.authUrl });
    for (const group of ['packaging', 'connection', 'batch']) expect(json[group]?.enabled).toBe(true);
  });
});

describe('writes', () => {
  const toolchain = {
    id: 'api-toolchain',
    spec: { entrypoint: '/bin/train', defaultImage: 'example/train:1' },
  };

  it('answer 201 with server times, 409 for a duplicate, 404 for a missing id', async () => {
    const created = await api.post<ToolchainIntegration>('toolchain/integration', {
      ...toolchain,
      createdAt: '2000-01-01T00:00:00Z',
      status: { x: 1 },
    });
    expect(created.status).toBe(201);
    expect(created.json.createdAt).toMatch(RFC3339);
    expect(created.json.createdAt).not.toBe('2000-01-01T00:00:00Z');
    expect(created.json.status).toEqual({});
    const duplicate = await api.post('toolchain/integration', toolchain);
    expect([duplicate.status, duplicate.json]).toEqual([
      409,
      { message: 'entity "api-toolchain" already exists' },
    ]);
    const missing = await api.get('toolchain/integration/nope');
    expect([missing.status, missing.json]).toEqual([404, { message: 'entity "nope" is not found' }]);
  });

  it('keep createdAt on PUT and stamp a new updatedAt', async () => {
    const before = (await api.get<ToolchainIntegration>('toolchain/integration/api-toolchain')).json;
    const updated = await api.put<ToolchainIntegration>('toolchain/integration', {
      ...toolchain,
      spec: { ...toolchain.spec, entrypoint: '/bin/t2' },
    });
    expect(updated.status).toBe(200);
    expect(updated.json.createdAt).toBe(before.createdAt);
    expect(updated.json.updatedAt).not.toBe(before.updatedAt);
    const removed = await api.delete('toolchain/integration/api-toolchain');
    expect([removed.status, removed.json]).toEqual([
      200,
      { message: 'ToolchainIntegration api-toolchain was deleted' },
    ]);
    expect((await api.get('toolchain/integration/api-toolchain')).status).toBe(404);
  });

  it('show connections with the Kubernetes backend timestamps and masked secrets', async () => {
    const connection = {
      id: 'api-docker',
      spec: { type: 'docker', uri: 'r.example.org', username: 'u', password: b64('p') },
    };
    const created = await api.post<Connection>('connection', connection);
    expect(created.status).toBe(201);
    expect(created.json.createdAt).toMatch(RFC3339);
    expect(created.json.updatedAt).toBe(created.json.createdAt);
    expect(created.json.spec.password).toBe('*****');
    const read = await api.get<Connection>('connection/api-docker');
    expect([read.json.createdAt, read.json.updatedAt]).toEqual([
      '0001-01-01T00:00:00Z',
      '0001-01-01T00:00:00Z',
    ]);
    const updated = await api.put<Connection>('connection', connection);
    expect(updated.json.createdAt).toBe('0001-01-01T00:00:00Z');
    expect(updated.json.updatedAt).toMatch(RFC3339);
    expect((await api.delete('connection/api-docker')).json).toEqual({
      message: 'Connection api-docker was deleted',
    });
  });
});

describe('deployments and routes', () => {
  const deployment = {
    id: 'api-model',
    spec: { image: 'registry.odahu.local/odahu/never-built:1', predictor: 'odahu-ml-server' },
  };
  let defaultRouteId: string;

  it('make a default route with each deployment, which cannot be changed or deleted', async () => {
    const created = await api.post<ModelDeployment>('model/deployment', {
      ...deployment,
      status: { state: 'Ready' },
    });
    expect(created.status).toBe(201);
    expect(created.json.status).toEqual({ availableReplicas: 0, replicas: 0 });
    const route = (await api.get<ModelRoute>('model/deployment/api-model/default-route')).json;
    defaultRouteId = route.id;
    expect(route.id).toMatch(/^api-model-[0-9a-f]{5}$/);
    expect(route).toMatchObject({
      default: true,
      spec: { urlPrefix: '/model/api-model', modelDeployments: [{ mdName: 'api-model', weight: 100 }] },
    });
    // The route as the deployment's POST made it, before the route controller's first pass: on an
    // emulator whose controller takes a minute, so a loaded machine cannot let the pass come first.
    const slow = await startTestEmulator({ deploymentSeconds: 600 });
    try {
      const slowApi = new Api(slow, await fetchToken(slow));
      expect((await slowApi.post('model/deployment', deployment)).status).toBe(201);
      const fresh = await slowApi.get<ModelRoute>('model/deployment/api-model/default-route');
      expect(fresh.json).toMatchObject({ default: true, status: { edgeUrl: '', state: '' } });
    } finally {
      await slow.close();
    }
    // Validation comes first (a default route's /model prefix fails it); a valid body meets the 403.
    expect((await api.put('model/route', route)).status).toBe(400);
    const put = await api.put('model/route', { ...route, spec: { ...route.spec, urlPrefix: '/custom/x' } });
    expect([put.status, put.json]).toEqual([
      403,
      { message: `access forbidden: unable to update default route with ID "${route.id}"` },
    ]);
    const removed = await api.delete(`model/route/${route.id}`);
    expect([removed.status, removed.json]).toEqual([
      403,
      { message: `access forbidden: unable to delete default route with ID "${route.id}"` },
    ]);
    const none = await api.get('model/deployment/nope/default-route');
    expect([none.status, none.json]).toEqual([404, { message: 'entity "" is not found' }]);
  });

  it('refuse to create a route marked default', async () => {
    const route = {
      id: 'api-route',
      default: true,
      spec: { urlPrefix: '/custom/api', modelDeployments: [{ mdName: 'api-model' }] },
    };
    const reply = await api.post('model/route', route);
    expect([reply.status, reply.json]).toEqual([500, { message: 'unable to create default route' }]);
  });

  it('keep a deployment whose image was never pushed Processing', async () => {
    const processing = await api.waitFor<ModelDeployment>(
      'model/deployment/api-model',
      (d) => d.status?.state === 'Processing',
    );
    expect(processing.status).toMatchObject({ availableReplicas: 0, replicas: 1 });
    await emulator.advance(400);
    expect((await api.get<ModelDeployment>('model/deployment/api-model')).json.status?.state).toBe(
      'Processing',
    );
    // The route controller writes edgeUrl with every status, Processing included.
    const route = await api.get<ModelRoute>(`model/route/${defaultRouteId}`);
    expect(route.json.status).toEqual({
      edgeUrl: `${emulator.edgeUrl}/model/api-model`,
      state: 'Processing',
    });
  });

  it('delete a deployment in steps: marked, Deleting, then gone with its default route', async () => {
    const states = await emulator.held(async () => {
      const removed = await api.delete('model/deployment/api-model');
      expect(removed.json).toEqual({ message: 'Model deployment api-model was deleted' });
      expect((await api.get<ModelDeployment>('model/deployment/api-model')).json.deletionMark).toBe(true);
      expect((await api.delete('model/deployment/api-model')).status).toBe(200);
      return api.watchUntilGone<ModelDeployment>('model/deployment/api-model', (d) => d.status?.state);
    });
    expect(states).toEqual(['Processing', 'Deleting', 'gone']);
    expect((await api.get<ModelDeployment[]>('model/deployment')).json).toEqual([]);
    expect((await api.get(`model/route/${defaultRouteId}`)).status).toBe(404);
  });

  it('publish what happened on the event feeds, newest per entity', async () => {
    const deployments = (await api.get<LatestEvents<DeploymentEvent>>('model/deployment-events')).json;
    expect(deployments.events?.map((e) => e.type)).toEqual(['ModelDeploymentDeleted']);
    expect(deployments.events?.[0]).toMatchObject({
      entityID: 'api-model',
      payload: { id: '', createdAt: '0001-01-01T00:00:00Z' },
    });
    const routes = (await api.get<LatestEvents<RouteEvent>>('model/route-events')).json;
    expect(routes.events?.map((e) => [e.entityID, e.type])).toEqual([[defaultRouteId, 'ModelRouteDeleted']]);
    const after = Math.max(deployments.cursor, routes.cursor);
    expect((await api.get(`model/route-events?cursor=${after}`)).json).toEqual({ events: null, cursor: 0 });
    expect((await api.get('model/deployment-events?cursor=x')).status).toBe(400);
  });
});

describe('batch', () => {
  it('refuses to delete a service that still has jobs, and removes a deleted job later', async () => {
    const service = {
      id: 'api-batch',
      spec: {
        image: 'example/predict:1',
        command: ['/bin/predict'],
        modelRegistry: { remote: { modelConnection: 'models-output', modelPath: 'm' } },
        dataSource: { connection: 'models-output', path: 'in/' },
        outputDestination: { connection: 'models-output', path: 'out/' },
      },
    };
    expect((await api.post('batch/service', service)).status).toBe(201);
    const { job, states } = await emulator.held(async () => {
      const job = await api.post<InferenceJob>('batch/job', {
        id: 'ignored',
        spec: { inferenceServiceId: 'api-batch' },
      });
      expect(job.status).toBe(201);
      expect(job.json.id).toMatch(/^job-api-batch-[0-9a-f-]{5}$/);
      expect(job.json.status).toEqual({ state: '', message: '', reason: '', podName: '' });
      const refused = await api.delete('batch/service/api-batch');
      expect([refused.status, refused.json]).toEqual([
        400,
        { message: 'Unable to delete service: "api-batch". Cause: there are child jobs' },
      ]);
      const states = await api.watch<InferenceJob>(
        `batch/job/${job.json.id}`,
        (j) => j.status?.state,
        (j) => j.status?.state === 'succeeded',
      );
      return { job, states };
    });
    expect(states).toEqual(['', 'scheduling', 'running', 'succeeded']);
    // Held: the mark is read before the pod's clean-up removes the row.
    const seen = await emulator.held(async () => {
      const removed = await api.delete(`batch/job/${job.json.id}`);
      expect(removed.json).toEqual({ message: `Inference Service ${job.json.id} was deleted` });
      return api.watchUntilGone<InferenceJob>(`batch/job/${job.json.id}`, (j) => j.deletionMark);
    });
    expect(seen).toEqual([true, 'gone']);
    expect((await api.get<InferenceJob[]>('batch/job')).json).toEqual([]);
    expect((await api.delete('batch/service/api-batch')).status).toBe(200);
  });
});

describe('the health check', () => {
  it('answers {} to any valid token', async () => {
    expect((await call(`${emulator.apiUrl}/health`, 'GET', api.token)).json).toEqual({});
  });
});
