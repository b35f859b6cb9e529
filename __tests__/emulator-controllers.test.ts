// What the 1.6.1 controllers and server do that a client can notice, each read from the Go source
// (packages/operator): a PUT does not stop a deletion, a pull connection that cannot give
// credentials leaves a deployment without a state, Failed is never written, lastUpdatedTime is for
// ECR pulls, every DELETE publishes a mark event, a training re-run replaces its artifacts, a batch
// job waits for its connections, the git host pattern, the configuration's custom route prefix, and
// the OPA rules matched against the path with its query string.

import { Api, b64, fetchToken } from './helpers/emulator-http.js';
import { startTestEmulator, type TestEmulator } from './helpers/emulator.js';
import type {
  DeploymentEvent,
  InferenceJob,
  LatestEvents,
  ModelDeployment,
  ModelTraining,
} from '../src/shared/odahu/types.js';

const VIEWER = { clientId: 'ctl-viewer', clientSecret: 'viewer-secret', role: 'viewer' as const };
const SCIENTIST = { clientId: 'ctl-scientist', clientSecret: 'sci-secret', role: 'data_scientist' as const };

let emulator: TestEmulator;
let api: Api;

beforeAll(async () => {
  emulator = await startTestEmulator({ extraClients: [VIEWER, SCIENTIST] });
  api = new Api(emulator, await fetchToken(emulator));
});

afterAll(() => emulator.close());

/** A deployment of an image built elsewhere (it pulls), `seconds` long. */
const deployment = (id: string, spec: Record<string, unknown> = {}, seconds = '0.2') => ({
  id,
  spec: {
    image: 'ghcr.io/acme/wine:1.0',
    predictor: 'odahu-ml-server',
    annotations: { 'emulator-seconds': seconds },
    ...spec,
  },
});

/** Long enough for several controller passes and a whole rollout of a 0.2 s deployment. */
const SETTLE_MS = 700;

async function eventsOf(id: string): Promise<string[]> {
  const feed = (await api.get<LatestEvents<DeploymentEvent>>('model/deployment-events')).json;
  return (feed.events ?? []).filter((e) => e.entityID === id).map((e) => e.type);
}

describe('a PUT after the DELETE of a deployment', () => {
  it('answers 200 without the mark, but the mark stays and the deployment goes all the same', async () => {
    await api.post('model/deployment', deployment('doomed', {}, '1'));
    await api.waitFor<ModelDeployment>('model/deployment/doomed', (d) => d.status?.state === 'Ready');
    const seen = await emulator.held(async () => {
      expect((await api.delete('model/deployment/doomed')).status).toBe(200);
      const put = await api.put<ModelDeployment>(
        'model/deployment',
        deployment('doomed', { minReplicas: 2 }, '1'),
      );
      expect(put.status).toBe(200);
      expect(put.json.deletionMark).toBeUndefined();
      expect(put.json.status).toEqual({ availableReplicas: 0, replicas: 0 });
      const stored = (await api.get<ModelDeployment>('model/deployment/doomed')).json;
      expect(stored.deletionMark).toBe(true);
      expect(stored.spec.minReplicas).toBe(2);
      // The changed spec differs from the Kubernetes object's: no status reaches the row any more.
      return api.watchUntilGone<ModelDeployment>('model/deployment/doomed', (d) => d.status?.state ?? '');
    });
    expect(seen).toEqual(['', 'gone']);
  });

  it('with the same spec, the status comes back: Deleting, then gone', async () => {
    await api.post('model/deployment', deployment('doomed-same', {}, '1'));
    await api.waitFor<ModelDeployment>('model/deployment/doomed-same', (d) => d.status?.state === 'Ready');
    const states = await emulator.held(async () => {
      await api.delete('model/deployment/doomed-same');
      await api.stepUntil<ModelDeployment>(
        'model/deployment/doomed-same',
        (d) => d.status?.state === 'Deleting',
      );
      const stored = (await api.get<ModelDeployment>('model/deployment/doomed-same')).json;
      await api.put('model/deployment', { id: 'doomed-same', spec: stored.spec });
      return api.watchUntilGone<ModelDeployment>(
        'model/deployment/doomed-same',
        (d) => d.status?.state ?? '',
      );
    });
    expect(states).toEqual(['', 'Deleting', 'gone']);
  });
});

describe('the image pull connection', () => {
  beforeAll(async () => {
    await api.post('connection', {
      id: 'ctl-git',
      spec: { type: 'git', uri: 'git@github.com:odahu/odahu-examples.git', publicKey: b64('ssh-rsa AAAA') },
    });
    await api.post('connection', {
      id: 'ctl-ecr',
      spec: {
        type: 'ecr',
        uri: '123456789012.dkr.ecr.eu-central-1.amazonaws.com/odahu',
        keyID: b64('AKIA0000'),
        keySecret: b64('secret'),
      },
    });
  });

  it.each([
    ['names no connection', 'no-such-connection'],
    ['is not a registry (git)', 'ctl-git'],
  ])(
    'that %s: the controller stops before the service, the deployment never gets a state',
    async (_what, conn) => {
      const id = `pull-${conn}`;
      await api.post('model/deployment', deployment(id, { imagePullConnID: conn }));
      await emulator.advance(SETTLE_MS);
      const stuck = (await api.get<ModelDeployment>(`model/deployment/${id}`)).json;
      expect(stuck.status).toEqual({ availableReplicas: 0, replicas: 0 });
    },
  );

  it('of type ecr gets credentials made: lastUpdatedTime, kept through the rollout; docker gets none', async () => {
    await api.post('model/deployment', deployment('pull-ecr', { imagePullConnID: 'ctl-ecr' }));
    await api.post('model/deployment', deployment('pull-docker', { imagePullConnID: 'docker-ci' }));
    const processing = await api.waitFor<ModelDeployment>(
      'model/deployment/pull-ecr',
      (d) => d.status?.state === 'Processing',
    );
    expect(processing.status?.lastUpdatedTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const ready = await api.waitFor<ModelDeployment>(
      'model/deployment/pull-ecr',
      (d) => d.status?.state === 'Ready',
    );
    expect(ready.status?.lastUpdatedTime).toBe(processing.status?.lastUpdatedTime);
    const docker = await api.waitFor<ModelDeployment>(
      'model/deployment/pull-docker',
      (d) => d.status?.state === 'Ready',
    );
    expect(docker.status).not.toHaveProperty('lastUpdatedTime');
  });
});

describe('deployment states the controller writes', () => {
  it('never Failed: an unknown predictor leaves no state, triton stays Processing', async () => {
    await api.post('model/deployment', deployment('odd-predictor', { predictor: 'tensorflow-serving' }));
    await api.post('model/deployment', deployment('triton-model', { predictor: 'triton' }));
    await emulator.advance(SETTLE_MS);
    expect((await api.get<ModelDeployment>('model/deployment/odd-predictor')).json.status).toEqual({
      availableReplicas: 0,
      replicas: 0,
    });
    expect((await api.get<ModelDeployment>('model/deployment/triton-model')).json.status?.state).toBe(
      'Processing',
    );
  });
});

describe('DELETE of a deployment', () => {
  it('of a missing one answers 404 and still publishes the mark event', async () => {
    const reply = await api.delete('model/deployment/never-was');
    expect([reply.status, reply.json]).toEqual([404, { message: 'entity "never-was" is not found' }]);
    expect(await eventsOf('never-was')).toEqual(['ModelDeploymentDeletionMarkIsSet']);
  });

  it('publishes the mark event again for a repeated DELETE', async () => {
    // Held: the controller's pass (Deleting, a newer event for it) cannot come before the reads.
    const again = await emulator.held(async () => {
      await api.post('model/deployment', deployment('twice', {}, '2'));
      await api.delete('model/deployment/twice');
      const feed = (await api.get<LatestEvents<DeploymentEvent>>('model/deployment-events')).json;
      await api.delete('model/deployment/twice');
      return (await api.get<LatestEvents<DeploymentEvent>>(`model/deployment-events?cursor=${feed.cursor}`))
        .json;
    });
    expect(again.events?.map((e) => [e.entityID, e.type])).toContainEqual([
      'twice',
      'ModelDeploymentDeletionMarkIsSet',
    ]);
  });
});

describe('a training re-run', () => {
  const training = (hyperParameters: Record<string, string>) => ({
    id: 'rerun',
    spec: {
      model: { name: 'wine', version: '1.0' },
      toolchain: 'mlflow',
      entrypoint: 'main',
      hyperParameters: { 'emulator-seconds': '0.2', ...hyperParameters },
      algorithmSource: { objectStorage: { connection: 'models-output', path: 'src/' } },
    },
  });

  it('keeps the earlier artifact while it runs and when it fails; a success replaces it with its own', async () => {
    await api.post('model/training', training({ alpha: '1' }));
    const first = await api.waitFor<ModelTraining>(
      'model/training/rerun',
      (t) => t.status?.state === 'succeeded',
    );
    expect(first.status?.artifacts).toHaveLength(1);

    await api.put('model/training', training({ alpha: '2', 'emulator-outcome': 'failed' }));
    const failed = await api.waitFor<ModelTraining>(
      'model/training/rerun',
      (t) => t.status?.state === 'failed',
    );
    expect(failed.status?.artifacts).toEqual(first.status?.artifacts);

    await api.put('model/training', training({ alpha: '3' }));
    const second = await api.waitFor<ModelTraining>(
      'model/training/rerun',
      (t) => t.status?.state === 'succeeded',
    );
    expect(second.status?.artifacts).toHaveLength(1);
    expect(second.status?.artifacts?.[0]?.runId).not.toBe(first.status?.artifacts?.[0]?.runId);
  });
});

describe('a batch job', () => {
  beforeAll(async () => {
    for (const id of ['batch-in', 'batch-out']) {
      await api.post('connection', {
        id,
        spec: { type: 's3', uri: `s3://bucket/${id}`, region: 'eu', keyID: b64('k'), keySecret: b64('s') },
      });
    }
    await api.post('batch/service', {
      id: 'ctl-batch',
      spec: {
        image: 'wine-batch:1',
        command: ['predict'],
        modelRegistry: { remote: { modelConnection: 'batch-model' } },
        dataSource: { connection: 'batch-in', path: 'in/' },
        outputDestination: { connection: 'batch-gone', path: 'out/' },
      },
    });
  });

  it('whose output or model connection is missing gets no TaskRun: its state stays "" until they exist', async () => {
    const created = await api.post<InferenceJob>('batch/job', { spec: { inferenceServiceId: 'ctl-batch' } });
    expect(created.status).toBe(201);
    const id = created.json.id;
    await emulator.advance(SETTLE_MS);
    expect((await api.get<InferenceJob>(`batch/job/${id}`)).json.status?.state).toBe('');

    await api.post('connection', {
      id: 'batch-gone',
      spec: { type: 's3', uri: 's3://bucket/out', region: 'eu', keyID: b64('k'), keySecret: b64('s') },
    });
    await emulator.advance(SETTLE_MS);
    expect((await api.get<InferenceJob>(`batch/job/${id}`)).json.status?.state).toBe('');

    await api.post('connection', {
      id: 'batch-model',
      spec: { type: 's3', uri: 's3://bucket/models', region: 'eu', keyID: b64('k'), keySecret: b64('s') },
    });
    const done = await api.waitFor<InferenceJob>(`batch/job/${id}`, (j) => j.status?.state === 'succeeded');
    expect(done.status?.state).toBe('succeeded');
  });
});

describe('a git connection without a public key', () => {
  it.each([
    ['a host with a "-"', 'git@git-server.example.org:team/repo.git'],
    ['nothing after the host', 'git@example.org'],
    ['no user@', 'https://example.org/team/repo.git'],
  ])('whose URI has %s makes the server panic: 500, empty body', async (_what, uri) => {
    const reply = await api.post('connection', { id: 'panics', spec: { type: 'git', uri } });
    expect([reply.status, reply.text]).toEqual([500, '']);
    expect((await api.get('connection/panics')).status).toBe(404);
  });

  it.each([
    ['user@host:path', 'git@github.com:odahu/odahu-examples.git', 'github.com'],
    ['ssh://user@host/path', 'ssh://git@gitlab.example.org/team/repo.git', 'gitlab.example.org'],
    ['a user part with "@" and "-"', 'me@my-box@bitbucket.org:team/repo.git', 'bitbucket.org'],
  ])('whose URI is %s gets the host key of the host the pattern finds', async (_what, uri, host) => {
    const id = `keyed-${host.replaceAll('.', '-')}`;
    const reply = await api.post<{ spec: { publicKey: string } }>('connection', {
      id,
      spec: { type: 'git', uri },
    });
    expect(reply.status).toBe(201);
    expect(Buffer.from(reply.json.spec.publicKey, 'base64').toString()).toMatch(
      new RegExp(`^${host} ssh-ed25519 `),
    );
  });
});

describe('GET /configuration', () => {
  it('has deployment.customRoutePrefix', async () => {
    const config = (await api.get<{ deployment: Record<string, unknown> }>('configuration')).json;
    expect(config.deployment.customRoutePrefix).toBe('/custom');
  });
});

describe('the OPA policy sees the query string', () => {
  it.each([
    ['viewer', VIEWER],
    ['data scientist', SCIENTIST],
  ])('a %s may list connections, but not with a query', async (_who, client) => {
    const reader = new Api(emulator, await fetchToken(emulator, client.clientId, client.clientSecret));
    expect((await reader.get('connection')).status).toBe(200);
    expect((await reader.get('connection/docker-ci')).status).toBe(200);
    const filtered = await reader.get('connection?type=git');
    expect([filtered.status, filtered.text]).toEqual([403, 'RBAC: access denied']);
    // The prefix rules end in `.*`: a query is no obstacle there.
    expect((await reader.get('model/training?size=1')).status).toBe(200);
  });

  it('an admin may do anything, with a query too', async () => {
    expect((await api.get('connection?type=git')).status).toBe(200);
  });
});
