// Drives the emulator through every endpoint of the Odahu API (each kind's list, get, create, update
// and delete, the 400/404/409 errors, logs, default routes, event feeds, user info, configuration) and
// checks that every answer it gave follows swagger.yaml. Without the spec the endpoints are still
// driven; only the contract assertions are skipped.

import type {
  InferenceJob,
  LatestEvents,
  ModelDeployment,
  ModelPackaging,
  ModelRoute,
  ModelTraining,
  OdahuConfiguration,
  UserInfo,
} from '../src/shared/odahu/types.js';
import { contractAvailable, startTestEmulator } from './helpers/emulator.js';
import type { TestEmulator } from './helpers/emulator.js';
import { Api, b64, call, fetchToken } from './helpers/emulator-http.js';
import type { Reply } from './helpers/emulator-http.js';
import { checkAnswer, defaultContract } from './helpers/swagger-contract.js';

/** Spec operations the emulator does not serve, so this test cannot reach them. */
const UNSERVED_OPERATIONS = [
  // Internal: called by the trainer and packager pods, which the emulator simulates in-process.
  'PUT /api/v1/model/training/{id}/result',
  'PUT /api/v1/model/packaging/{id}/result',
  // A separate service (the feedback collector), not the API server (REFERENCE.md §8).
  'POST /api/v1/feedback',
];

const VIEWER = {
  clientId: 'contract-viewer',
  clientSecret: 'contract-viewer-secret',
  role: 'viewer' as const,
};

let emulator: TestEmulator;
let api: Api;

async function expectStatus<T>(reply: Promise<Reply<T>>, status: number): Promise<Reply<T>> {
  const r = await reply;
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${r.text.slice(0, 300)}`);
  return r;
}

async function waitForGone(path: string, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await api.get(path)).status !== 404) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${path} to be removed`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  emulator = await startTestEmulator({ extraClients: [VIEWER] });
  api = new Api(emulator, await fetchToken(emulator));
});

afterAll(async () => {
  // Rejects with every violation listed if an answer broke the spec (asserted below too, more readably).
  await emulator?.close();
});

describe('the emulator drives every Odahu API endpoint', () => {
  it('answers configuration and user info', async () => {
    const config = await expectStatus(api.get<OdahuConfiguration>('configuration'), 200);
    expect(config.json.deployment?.edge?.host).toEqual(expect.any(String));
    const user = await expectStatus(api.get<UserInfo>('user/info'), 200);
    expect(user.json).toEqual({ email: expect.any(String), username: expect.any(String) });
  });

  it('manages connections', async () => {
    await expectStatus(api.get('connection'), 200);
    await expectStatus(api.get('connection?type=s3'), 200);
    // A page past the end of the Kubernetes-backed list answers null (REFERENCE.md §1.2).
    await expectStatus(api.get('connection?size=1&page=999'), 200);
    await expectStatus(api.get('connection?size=abc'), 400);

    const wineData = {
      id: 'wine-data',
      spec: {
        type: 's3',
        uri: 's3://bucket/wine',
        region: 'eu-west-1',
        keyID: b64('id'),
        keySecret: b64('s'),
      },
    };
    const created = await expectStatus(
      api.post<{ spec: { keySecret: string } }>('connection', wineData),
      201,
    );
    expect(created.json.spec.keySecret).toBe('*****');
    await expectStatus(api.post('connection', wineData), 409);
    await expectStatus(api.post('connection', { id: 'bad', spec: { type: 'ftp', uri: 'x' } }), 400);
    await expectStatus(api.post('connection', '{not json'), 400);
    await expectStatus(api.get('connection/wine-data'), 200);
    await expectStatus(api.get('connection/wine-data/decrypted'), 200);
    await expectStatus(api.get('connection/nope'), 404);
    await expectStatus(api.get('connection/nope/decrypted'), 404);
    const described = { ...wineData, spec: { ...wineData.spec, description: 'Wine data' } };
    await expectStatus(api.put('connection', described), 200);
    await expectStatus(api.put('connection', { ...described, id: 'nope' }), 404);

    const git = {
      id: 'examples-git',
      spec: {
        type: 'git',
        uri: 'git@github.com:odahu/odahu-examples.git',
        reference: 'develop',
        publicKey: b64('github.com ssh-rsa AAAA'),
      },
    };
    await expectStatus(api.post('connection', git), 201);
    const vital = {
      id: 'vital-docker',
      spec: { type: 'docker', uri: 'registry.example.org', username: 'u', password: b64('p'), vital: true },
    };
    await expectStatus(api.post('connection', vital), 201);
    await expectStatus(api.delete('connection/vital-docker'), 400);
    await expectStatus(api.delete('connection/nope'), 404);
  });

  it('manages toolchain integrations', async () => {
    await expectStatus(api.get('toolchain/integration'), 200);
    const toolchain = {
      id: 'contract-toolchain',
      spec: {
        entrypoint: '/bin/train',
        defaultImage: 'example/trainer:1',
        additionalEnvironments: { A: 'b' },
      },
    };
    await expectStatus(api.post('toolchain/integration', toolchain), 201);
    await expectStatus(api.post('toolchain/integration', toolchain), 409);
    await expectStatus(api.post('toolchain/integration', { id: 'Bad_Id', spec: {} }), 400);
    await expectStatus(api.get('toolchain/integration/contract-toolchain'), 200);
    await expectStatus(api.get('toolchain/integration/nope'), 404);
    await expectStatus(api.put('toolchain/integration', toolchain), 200);
    await expectStatus(api.put('toolchain/integration', { ...toolchain, id: 'nope' }), 404);
    await expectStatus(api.delete('toolchain/integration/contract-toolchain'), 200);
    await expectStatus(api.delete('toolchain/integration/contract-toolchain'), 404);
  });

  let artifactName = '';

  it('trains a model, with its logs', async () => {
    await expectStatus(api.get('model/training'), 200);
    const training = {
      id: 'wine',
      spec: {
        model: { name: 'wine', version: '1.0' },
        toolchain: 'mlflow',
        entrypoint: 'main',
        workDir: 'mlflow/sklearn/wine',
        hyperParameters: { alpha: '1.0' },
        data: [{ connection: 'wine-data', localPath: 'wine-quality.csv' }],
        algorithmSource: { vcs: { connection: 'examples-git' } },
      },
    };
    await expectStatus(api.post('model/training', training), 201);
    // Logs are read from Kubernetes: 404 until the controller created the training there, 500 "has not
    // started yet" until its pod runs (REFERENCE.md §6); a quick controller may be past both.
    expect([200, 404, 500]).toContain((await api.get('model/training/wine/log')).status);
    await expectStatus(api.post('model/training', training), 409);
    await expectStatus(api.post('model/training', { id: 'bad', spec: { model: {} } }), 400);
    await expectStatus(api.get('model/training/nope'), 404);
    await expectStatus(api.get('model/training?model_name=wine&toolchain=mlflow&size=1&page=0'), 200);
    await expectStatus(api.get('model/training?colour=red'), 400);

    const done = await api.waitFor<ModelTraining>(
      'model/training/wine',
      (t) => t.status?.state === 'succeeded',
    );
    artifactName = done.status?.artifacts?.[0]?.artifactName ?? '';
    const log = await expectStatus(api.get('model/training/wine/log'), 200);
    expect(log.headers.get('content-type')).toMatch(/^text\/plain/);
    await expectStatus(api.get('model/training/wine/log?follow=true'), 200);
    await expectStatus(api.get('model/training/wine/log?follow=maybe'), 400);
    await expectStatus(api.get('model/training/nope/log'), 404);

    await expectStatus(api.put('model/training', training), 200);
    await expectStatus(api.put('model/training', { ...training, id: 'nope' }), 404);
    await api.waitFor<ModelTraining>('model/training/wine', (t) => t.status?.state === 'succeeded');
  });

  it('manages packaging integrations', async () => {
    await expectStatus(api.get('packaging/integration'), 200);
    await expectStatus(api.get('packaging/integration/docker-rest'), 200);
    const integration = {
      id: 'contract-packager',
      spec: {
        entrypoint: '/bin/pack',
        defaultImage: 'example/packager:1',
        schema: {
          targets: [
            { name: 'docker-push', connectionTypes: ['docker'], default: 'docker-ci', required: true },
          ],
          arguments: {
            properties: [
              {
                name: 'port',
                parameters: [
                  { name: 'type', value: 'integer' },
                  { name: 'default', value: 5000 },
                ],
              },
              { name: 'debug', parameters: [{ name: 'type', value: 'boolean' }] },
            ],
          },
        },
      },
    };
    await expectStatus(api.post('packaging/integration', integration), 201);
    await expectStatus(api.post('packaging/integration', integration), 409);
    await expectStatus(api.post('packaging/integration', { id: 'bad', spec: {} }), 400);
    await expectStatus(api.get('packaging/integration/contract-packager'), 200);
    await expectStatus(api.get('packaging/integration/nope'), 404);
    await expectStatus(api.put('packaging/integration', integration), 200);
    await expectStatus(api.put('packaging/integration', { ...integration, id: 'nope' }), 404);
    await expectStatus(api.delete('packaging/integration/contract-packager'), 200);
    await expectStatus(api.delete('packaging/integration/contract-packager'), 404);
  });

  let image = '';

  it('packages the model, with its logs', async () => {
    await expectStatus(api.get('model/packaging'), 200);
    await expectStatus(api.get('model/packaging?type=*'), 200);
    const packaging = {
      id: 'wine',
      spec: {
        artifactName,
        integrationName: 'docker-rest',
        targets: [{ name: 'docker-push', connectionName: 'docker-ci' }],
      },
    };
    await expectStatus(api.post('model/packaging', packaging), 201);
    await expectStatus(api.post('model/packaging', packaging), 409);
    await expectStatus(api.post('model/packaging', { id: 'bad', spec: { integrationName: 'nope' } }), 400);
    await expectStatus(api.get('model/packaging/nope'), 404);

    const done = await api.waitFor<ModelPackaging>(
      'model/packaging/wine',
      (p) => p.status?.state === 'succeeded',
    );
    image = done.status?.results?.[0]?.value ?? '';
    await expectStatus(api.get('model/packaging/wine/log'), 200);
    await expectStatus(api.get('model/packaging/wine/log?follow=nah'), 400);
    await expectStatus(api.get('model/packaging/nope/log'), 404);

    await expectStatus(api.put('model/packaging', packaging), 200);
    await expectStatus(api.put('model/packaging', { ...packaging, id: 'nope' }), 404);
    await api.waitFor<ModelPackaging>('model/packaging/wine', (p) => p.status?.state === 'succeeded');
  });

  it('deploys the model, with its default route, event feeds and a custom route', async () => {
    await expectStatus(api.get('model/deployment'), 200);
    await expectStatus(api.get('model/route'), 200);
    const start = await expectStatus(api.get<LatestEvents<unknown>>('model/deployment-events'), 200);
    await expectStatus(api.get('model/route-events?cursor=0'), 200);
    await expectStatus(api.get('model/deployment-events?cursor=abc'), 400);
    await expectStatus(api.get('model/route-events?cursor=abc'), 400);

    const deployment = { id: 'wine', spec: { image, predictor: 'odahu-ml-server', minReplicas: 1 } };
    await expectStatus(api.post('model/deployment', deployment), 201);
    await expectStatus(api.post('model/deployment', deployment), 409);
    await expectStatus(api.post('model/deployment', { id: 'bad', spec: { minReplicas: -1 } }), 400);
    await expectStatus(api.get('model/deployment/nope'), 404);
    await expectStatus(api.get('model/deployment?roleName=role-wine'), 200);

    await api.waitFor<ModelDeployment>('model/deployment/wine', (d) => d.status?.state === 'Ready');
    const defaultRoute = await expectStatus(api.get<ModelRoute>('model/deployment/wine/default-route'), 200);
    expect(defaultRoute.json.default).toBe(true);
    await expectStatus(api.get('model/deployment/nope/default-route'), 404);
    const routeId = defaultRoute.json.id;
    const readyRoute = await api.waitFor<ModelRoute>(
      `model/route/${routeId}`,
      (r) => r.status?.state === 'Ready',
    );

    const events = await api.get<LatestEvents<unknown>>(
      `model/deployment-events?cursor=${start.json.cursor}`,
    );
    expect(events.json.events?.length).toBeGreaterThan(0);
    const routeEvents = await expectStatus(api.get<LatestEvents<unknown>>('model/route-events'), 200);
    expect(routeEvents.json.events?.length).toBeGreaterThan(0);

    // The model server is outside the spec: the checker skips its answers by route.
    const prediction = await call(`${readyRoute.status?.edgeUrl}/api/model/invoke`, 'POST', api.token, {
      columns: ['a'],
      data: [[1]],
    });
    expect([200, 503]).toContain(prediction.status);

    const route = {
      id: 'wine-custom',
      spec: { urlPrefix: '/custom/wine', modelDeployments: [{ mdName: 'wine', weight: 100 }] },
    };
    await expectStatus(api.post('model/route', route), 201);
    await expectStatus(api.post('model/route', route), 409);
    await expectStatus(api.post('model/route', { id: 'bad', spec: { urlPrefix: 'nope' } }), 400);
    // A client cannot create a default route (REFERENCE.md §4.6: 500 "unable to create default route").
    await expectStatus(api.post('model/route', { ...route, id: 'wine-fake-default', default: true }), 500);
    await expectStatus(api.get('model/route/wine-custom'), 200);
    await expectStatus(api.get('model/route/nope'), 404);
    await expectStatus(api.put('model/route', route), 200);
    await expectStatus(api.put('model/route', { ...route, id: 'nope' }), 404);
    // Default routes are protected (403), but the handler validates first and their /model prefix is
    // not under /custom, so a PUT of one as read answers 400.
    await expectStatus(api.put('model/route', defaultRoute.json), 400);
    await expectStatus(api.delete(`model/route/${routeId}`), 403);
    await expectStatus(api.delete('model/route/wine-custom'), 200);
    await expectStatus(api.delete('model/route/wine-custom'), 404);

    const scaled = { ...deployment, spec: { ...deployment.spec, maxReplicas: 2 } };
    await expectStatus(api.put('model/deployment', scaled), 200);
    await expectStatus(api.put('model/deployment', { ...scaled, id: 'nope' }), 404);
    const beforeDeletion = Math.max(events.json.cursor, routeEvents.json.cursor);
    await expectStatus(api.delete('model/deployment/wine'), 200);
    const deleting = await api.get<ModelDeployment>('model/deployment/wine');
    if (deleting.status === 200) expect(deleting.json.deletionMark).toBe(true);
    await waitForGone('model/deployment/wine');

    // Deleted and DeletionMarkIsSet events carry zero-valued entities (REFERENCE.md §7).
    const deletions = await api.get<LatestEvents<{ type: string }>>(
      `model/deployment-events?cursor=${beforeDeletion}`,
    );
    expect(deletions.json.events?.map((e) => e.type)).toContain('ModelDeploymentDeleted');
    // A DELETE of a missing deployment is a 404 that still publishes a mark event (the newest, so it
    // replaces the Deleted one: the feed keeps one event per entity).
    await expectStatus(api.delete('model/deployment/wine'), 404);
    const afterMissing = await api.get<LatestEvents<{ entityID: string; type: string }>>(
      `model/deployment-events?cursor=${deletions.json.cursor}`,
    );
    expect(afterMissing.json.events?.map((e) => [e.entityID, e.type])).toEqual([
      ['wine', 'ModelDeploymentDeletionMarkIsSet'],
    ]);
    const routeDeletions = await api.get<LatestEvents<{ type: string }>>(
      `model/route-events?cursor=${beforeDeletion}`,
    );
    expect(routeDeletions.json.events?.map((e) => e.type)).toContain('ModelRouteDeleted');
    const latest = Math.max(deletions.json.cursor, routeDeletions.json.cursor);
    const nothingNew = await expectStatus(
      api.get<LatestEvents<unknown>>(`model/route-events?cursor=${latest}`),
      200,
    );
    expect(nothingNew.json).toEqual({ events: null, cursor: 0 });
  });

  it('runs batch inference', async () => {
    await expectStatus(api.get('batch/service'), 200);
    await expectStatus(api.get('batch/job'), 200);
    const service = {
      id: 'wine-batch',
      spec: {
        image: 'example/predictor:1',
        command: ['/bin/predict'],
        args: ['--fast'],
        modelRegistry: { remote: { modelConnection: 'models-output', modelPath: 'wine' } },
        dataSource: { connection: 'wine-data', path: 'in/' },
        outputDestination: { connection: 'wine-data', path: 'out/' },
        // PUT applies no defaults, so the webhook trigger that jobs need is spelled out.
        triggers: { webhook: { enabled: true } },
      },
    };
    await expectStatus(api.post('batch/service', service), 201);
    await expectStatus(api.post('batch/service', service), 409);
    await expectStatus(api.post('batch/service', { id: 'bad', spec: {} }), 400);
    await expectStatus(api.get('batch/service/wine-batch'), 200);
    await expectStatus(api.get('batch/service/nope'), 404);
    await expectStatus(api.put('batch/service', service), 200);
    await expectStatus(api.put('batch/service', { ...service, id: 'nope' }), 404);

    const job = { id: 'ignored', spec: { inferenceServiceId: 'wine-batch' } };
    const created = await expectStatus(api.post<InferenceJob>('batch/job', job), 201);
    await expectStatus(api.post('batch/job', { spec: { inferenceServiceId: 'nope' } }), 400);
    await expectStatus(api.get('batch/job/nope'), 404);
    await expectStatus(api.delete('batch/job/nope'), 404);
    const jobPath = `batch/job/${created.json.id}`;
    await api.waitFor<InferenceJob>(jobPath, (j) => j.status?.state === 'succeeded');
    await expectStatus(api.delete('batch/service/wine-batch'), 400);
    await expectStatus(api.delete(jobPath), 200);
    await waitForGone(jobPath);
    await expectStatus(api.delete('batch/service/wine-batch'), 200);
    await expectStatus(api.delete('batch/service/wine-batch'), 404);
  });

  it('deletes trainings, packagings and connections', async () => {
    await expectStatus(api.delete('model/packaging/wine'), 200);
    await expectStatus(api.delete('model/packaging/wine'), 404);
    await expectStatus(api.delete('model/training/wine'), 200);
    await expectStatus(api.delete('model/training/wine'), 404);
    await expectStatus(api.delete('connection/wine-data'), 200);
  });

  it('refuses unknown paths, missing tokens and viewers that write', async () => {
    const unknown = await expectStatus(api.get('model/nothing'), 404);
    expect(unknown.text).toBe('404 page not found');
    await expectStatus(new Api(emulator, null).get('model/training'), 401);
    const viewer = new Api(emulator, await fetchToken(emulator, VIEWER.clientId, VIEWER.clientSecret));
    await expectStatus(viewer.get('model/training'), 200);
    await expectStatus(viewer.delete('model/training/wine'), 403);
  });
});

describe('the contract', () => {
  const withSpec = contractAvailable ? it : it.skip;

  withSpec('holds for every answer the emulator gave', () => {
    expect(emulator.answers.flatMap((answer) => checkAnswer(answer))).toEqual([]);
  });

  withSpec('was checked on every operation of the spec the emulator serves', () => {
    const answered = new Set(emulator.answers.map((answer) => `${answer.method} ${answer.route}`));
    const missed = (defaultContract?.operations ?? []).filter(
      (operation) => !answered.has(operation) && !UNSERVED_OPERATIONS.includes(operation),
    );
    expect(missed).toEqual([]);
  });
});
