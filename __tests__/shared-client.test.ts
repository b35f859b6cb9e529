// The typed client against the emulator over real HTTP: every kind's endpoints, the errors users see,
// retries under the emulator's faults, token expiry and refresh, log streams and the model server.

import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { jest } from '@jest/globals';
import { decodeJwt } from 'jose';

import { ClientCredentialsTokenSource } from '../src/shared/odahu/auth.js';
import type { ClientCredentialsOptions } from '../src/shared/odahu/auth.js';
import { ModelClient, OdahuClient } from '../src/shared/odahu/client.js';
import { ApiError, AuthError, NetworkError } from '../src/shared/odahu/errors.js';
import { loadManifest, loadManifests } from '../src/shared/action/manifests.js';
import type { RetryOptions } from '../src/shared/odahu/retry.js';
import { DEFAULT_SCOPE } from '../src/shared/odahu/settings.js';
import type { Connection, ModelTraining } from '../src/shared/odahu/types.js';
import { startTestEmulator } from './helpers/emulator.js';
import type { TestEmulator } from './helpers/emulator.js';
import { pastExpiry } from './helpers/emulator-http.js';

type Retry = Omit<RetryOptions, 'signal' | 'idempotent' | 'onRetry'>;

/** Real waits, kept short; the requested ones are recorded. */
function recordingRetry(waits: number[] = []): Retry {
  return {
    // Waits shortened to 20 ms: a count bounds the retries instead of the time budget.
    policy: { attempts: 5 },
    sleep: (ms) => {
      waits.push(ms);
      return new Promise((resolve) => setTimeout(resolve, Math.min(ms, 20)));
    },
  };
}

function tokensFor(emulator: TestEmulator, options: Partial<ClientCredentialsOptions> = {}) {
  return new ClientCredentialsTokenSource({
    authUrl: emulator.authUrl,
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    scope: DEFAULT_SCOPE,
    ...options,
  });
}

const clients: { dispose(): void }[] = [];
function clientFor(emulator: TestEmulator, retry: Retry = recordingRetry(), tokens = tokensFor(emulator)) {
  const client = new OdahuClient({ apiUrl: emulator.apiUrl, tokens, retry });
  clients.push(client);
  return client;
}

afterEach(() => clients.splice(0).forEach((client) => client.dispose()));

async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`still not there: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function textOf(stream: AsyncIterable<unknown>): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  return text;
}

const b64 = (text: string) => Buffer.from(text).toString('base64');

const gitConnection: Connection = {
  id: 'odahu-flow-examples',
  spec: { type: 'git', uri: 'git@github.com:odahu/odahu-examples.git', reference: 'develop' },
};
const dataConnection: Connection = {
  id: 'wine',
  spec: {
    type: 'gcs',
    uri: 'gs://wine/data/wine-quality.csv',
    region: 'my-project',
    keySecret: b64('{"type": "x"}'),
  },
};
const training: ModelTraining = {
  id: 'wine',
  spec: {
    model: { name: 'wine', version: '1.0' },
    toolchain: 'mlflow',
    entrypoint: 'main',
    data: [{ connection: 'wine', localPath: 'wine-quality.csv' }],
    algorithmSource: { vcs: { connection: 'odahu-flow-examples' } },
  },
};

describe('against one emulator', () => {
  let emulator: TestEmulator;
  let client: OdahuClient;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    client = new OdahuClient({ apiUrl: emulator.apiUrl, tokens: tokensFor(emulator) });
  });

  afterAll(async () => {
    client.dispose();
    await emulator.close();
  });

  test('connections: create, get, list with a filter, update, decrypted, delete, find', async () => {
    const docker: Connection = {
      id: 'registry',
      spec: { type: 'docker', uri: 'registry.example.com', username: 'ci', password: b64('registry-s1') },
    };
    const created = await client.connections.create(docker);
    expect(created.spec.password).toBe('*****');
    expect((await client.connections.get('registry')).spec).toMatchObject({
      type: 'docker',
      password: '*****',
    });
    expect((await client.connections.list({ type: 'docker' })).map((c) => c.id)).toEqual([
      'docker-ci',
      'odahuflow-docker-repository',
      'registry',
    ]);
    const updated = await client.connections.update({
      ...docker,
      spec: { ...docker.spec, description: 'CI' },
    });
    expect(updated.spec.description).toBe('CI');
    expect((await client.connections.decrypted('registry')).spec.password).toBe(b64('registry-s1'));
    await client.connections.delete('registry');
    expect(await client.connections.find('registry')).toBeUndefined();
  });

  test('integrations: toolchain and packaging', async () => {
    const toolchain = { id: 'sklearn', spec: { entrypoint: '/bin/train', defaultImage: 'sklearn:1' } };
    expect((await client.toolchainIntegrations.create(toolchain)).spec).toEqual(toolchain.spec);
    const changed = { ...toolchain, spec: { ...toolchain.spec, defaultImage: 'sklearn:2' } };
    expect((await client.toolchainIntegrations.update(changed)).spec.defaultImage).toBe('sklearn:2');
    expect((await client.toolchainIntegrations.list()).map((t) => t.id)).toEqual(['mlflow', 'sklearn']);
    await client.toolchainIntegrations.delete('sklearn');

    const packager = {
      id: 'zip',
      spec: {
        entrypoint: '/bin/pack',
        defaultImage: 'packager:1',
        schema: { targets: [], arguments: { properties: [] } },
      },
    };
    expect((await client.packagingIntegrations.create(packager)).id).toBe('zip');
    expect((await client.packagingIntegrations.get('zip')).spec.defaultImage).toBe('packager:1');
    await client.packagingIntegrations.update({
      ...packager,
      spec: { ...packager.spec, defaultImage: 'packager:2' },
    });
    await client.packagingIntegrations.delete('zip');
    expect(await client.packagingIntegrations.find('zip')).toBeUndefined();
  });

  test('train, follow its log, package, deploy, route, and ask the model', async () => {
    await client.connections.create(gitConnection);
    await client.connections.create(dataConnection);
    const created = await client.trainings.create(training);
    expect(created.status?.state).toBe('unknown');
    expect(
      (await client.trainings.list({ toolchain: 'mlflow', model_version: '1.0' })).map((t) => t.id),
    ).toEqual(['wine']);
    expect(await client.trainings.list({ model_name: 'other' })).toEqual([]);

    await waitFor(
      () => client.trainings.get('wine'),
      (t) => ['running', 'succeeded'].includes(t.status?.state ?? ''),
    );
    const log = await textOf(await client.trainings.logs('wine', { follow: true }));
    expect(log).toContain('step-trainer');
    const trained = await client.trainings.get('wine');
    expect(trained.status?.state).toBe('succeeded');
    const artifactName = trained.status?.artifacts?.[0]?.artifactName ?? '';
    expect(await textOf(await client.trainings.logs('wine'))).toBe(log);

    await client.packagings.create({
      id: 'wine',
      spec: {
        artifactName,
        integrationName: 'docker-rest',
        targets: [{ name: 'docker-push', connectionName: 'docker-ci' }],
      },
    });
    const packaged = await waitFor(
      () => client.packagings.get('wine'),
      (p) => p.status?.state === 'succeeded',
    );
    expect(await textOf(await client.packagings.logs('wine', { follow: true }))).toContain('step-packager');
    const image = packaged.status?.results?.[0]?.value ?? '';

    await client.deployments.create({
      id: 'wine',
      spec: { image, predictor: 'odahu-ml-server', minReplicas: 1 },
    });
    const ready = await waitFor(
      () => client.deployments.get('wine'),
      (d) => d.status?.state === 'Ready',
    );
    expect(ready.status?.modelName).toBe('wine');
    const route = await client.deployments.defaultRoute('wine');
    expect(route).toMatchObject({ default: true, spec: { urlPrefix: '/model/wine' } });
    const events = await client.deployments.events(0);
    expect(events.events?.map((e) => e.entityID)).toContain('wine');
    expect((await client.deployments.list({ roleName: 'role-wine' })).map((d) => d.id)).toEqual(['wine']);

    const custom = {
      id: 'wine-custom',
      spec: { urlPrefix: '/custom/wine', modelDeployments: [{ mdName: 'wine' }] },
    };
    expect((await client.routes.create(custom)).spec.modelDeployments).toEqual([
      { mdName: 'wine', weight: 100 },
    ]);
    await client.routes.update({ ...custom, spec: { ...custom.spec, mirror: 'wine' } });
    expect((await client.routes.events(0)).events?.some((e) => e.entityID === 'wine-custom')).toBe(true);

    // The model, through the edge, with its own token source.
    const edgeUrl = (
      await waitFor(
        () => client.deployments.defaultRoute('wine'),
        (r) => r.status?.state === 'Ready',
      )
    ).status?.edgeUrl;
    const model = new ModelClient({
      url: edgeUrl ?? '',
      tokens: tokensFor(emulator),
      retry: recordingRetry(),
    });
    clients.push(model);
    const { body: info } = await model.info();
    expect(info.info).toMatchObject({ title: 'wine', version: '1.0' });
    const prediction = await model.invoke({ columns: ['alcohol'], data: [[12.8], [9.1]] });
    expect(prediction.body.prediction).toHaveLength(2);
    expect(prediction.requestId).toMatch(/\S/);
    expect(prediction).toMatchObject({ modelName: 'wine', modelVersion: '1.0' });
    await expect(model.invoke({ data: [] })).rejects.toThrow(
      `POST ${edgeUrl}/api/model/invoke failed: 500 Matrix is not provided`,
    );

    await client.routes.delete('wine-custom');
    await client.deployments.delete('wine');
    await waitFor(
      () => client.deployments.find('wine'),
      (d) => d === undefined,
    );
  });

  test('batch: services with every verb, jobs created and deleted (they have no update)', async () => {
    await client.connections.find('wine').then((c) => c ?? client.connections.create(dataConnection));
    const service = {
      id: 'wine-batch',
      spec: {
        image: 'batch:1',
        command: ['python', 'predict.py'],
        modelRegistry: { remote: { modelConnection: 'models-output', modelPath: 'wine.zip' } },
        dataSource: { connection: 'wine', path: 'in/' },
        outputDestination: { connection: 'wine', path: 'out/' },
      },
    };
    const created = await client.inferenceServices.create(service);
    expect(created.spec.triggers).toEqual({ webhook: { enabled: true } });
    // A PUT applies no defaults: the stored webhook trigger is sent back.
    await client.inferenceServices.update({ ...created, spec: { ...created.spec, args: ['--fast'] } });
    expect((await client.inferenceServices.get('wine-batch')).spec.args).toEqual(['--fast']);
    const job = await client.inferenceJobs.create({ id: '', spec: { inferenceServiceId: 'wine-batch' } });
    expect(job.id).toMatch(/^job-wine-batch-/);
    expect((await client.inferenceJobs.list()).map((j) => j.id)).toContain(job.id);
    expect('update' in client.inferenceJobs).toBe(false);
    await client.inferenceJobs.delete(job.id);
  });

  test('the kind of a manifest names its collection', async () => {
    const manifest = loadManifest(
      'kind: ToolchainIntegration\nid: by-kind\nspec: {entrypoint: /bin/x, defaultImage: x:1}\n',
      'ToolchainIntegration',
    );
    const collection = client.kind(manifest.kind);
    expect(collection).toBe(client.toolchainIntegrations);
    await collection.create(manifest.resource);
    expect((await client.kind('ToolchainIntegration').get('by-kind')).spec.defaultImage).toBe('x:1');
    expect(client.kind('InferenceJob')).toBe(client.inferenceJobs);
  });

  test('the example manifests load cleanly', () => {
    const examples = join(dirname(fileURLToPath(import.meta.url)), '../examples/odahu');
    for (const file of readdirSync(examples).filter((name) => name.endsWith('.yaml'))) {
      const manifests = loadManifests(join(examples, file), { vars: { bucket: 'b', project: 'p' } });
      expect(manifests.flatMap((m) => m.warnings)).toEqual([]);
    }
  });

  test('user info and configuration', async () => {
    expect(await client.userInfo()).toEqual({
      username: emulator.clientId,
      email: `${emulator.clientId}@odahu.local`,
    });
    expect((await client.configuration()).deployment?.edge?.host).toBe(emulator.edgeUrl);
    // Read once per client: the canary and the update check both ask for it.
    const reads = () => emulator.answers.filter((a) => a.path === '/api/v1/configuration').length;
    const before = reads();
    await client.configuration();
    expect(reads()).toBe(before);
  });

  test("errors: the server's message, the call and the status", async () => {
    const api = `${emulator.apiUrl}/api/v1`;
    const missing = await client.trainings.get('nope').catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(ApiError);
    expect(missing).toMatchObject({ status: 404, method: 'GET', url: `${api}/model/training/nope` });
    expect((missing as ApiError).message).toBe(
      `GET ${api}/model/training/nope failed: 404 entity "nope" is not found`,
    );

    await expect(
      client.connections.create({
        id: 'docker-ci',
        spec: { type: 'docker', uri: 'x', username: 'u', password: b64('p') },
      }),
    ).rejects.toThrow(`POST ${api}/connection failed: 409 entity "docker-ci" already exists`);
    await expect(
      client.trainings.create({ id: 'bad', spec: { model: { name: '', version: '' }, toolchain: '' } }),
    ).rejects.toThrow(
      `POST ${api}/model/training failed: 400 Validation of model training is failed: empty model.name; ` +
        'empty model.version; both VCS and ObjectStorage names are empty; empty toolchain parameter',
    );
    await expect(client.deployments.defaultRoute('nope')).rejects.toThrow('404 entity "" is not found');
  });
});

describe('retries under the emulator faults', () => {
  test('503s from the gateway are retried until the answer comes', async () => {
    const emulator = await startTestEmulator({ failRate: 0.5, seed: 7 });
    try {
      const waits: number[] = [];
      const client = clientFor(emulator, recordingRetry(waits));
      for (let i = 0; i < 10; i++)
        expect((await client.toolchainIntegrations.get('mlflow')).id).toBe('mlflow');
      expect(emulator.answers.filter((a) => a.status === 503).length).toBeGreaterThan(0);
      expect(waits).toHaveLength(emulator.answers.filter((a) => a.status === 503).length);
    } finally {
      await emulator.close();
    }
  });

  test('429 waits as long as Retry-After says', async () => {
    const emulator = await startTestEmulator({ throttleRate: 0.5, retryAfterSeconds: 2, seed: 11 });
    try {
      const waits: number[] = [];
      const client = clientFor(emulator, recordingRetry(waits));
      for (let i = 0; i < 10; i++) await client.toolchainIntegrations.get('mlflow');
      const throttled = emulator.answers.filter((a) => a.status === 429).length;
      expect(throttled).toBeGreaterThan(0);
      expect(waits).toEqual(Array(throttled).fill(2000));
    } finally {
      await emulator.close();
    }
  });

  test('answers cut mid-way: creates and deletes retried safely, each applied once', async () => {
    const emulator = await startTestEmulator({ dropRate: 0.4, seed: 5 });
    try {
      const client = clientFor(emulator);
      const ids = Array.from({ length: 12 }, (_, i) => `dropped-${i}`);
      for (const id of ids) {
        const created = await client.toolchainIntegrations.create({
          id,
          spec: { entrypoint: '/x', defaultImage: 'x' },
        });
        expect(created.id).toBe(id);
      }
      expect(
        (await client.toolchainIntegrations.list()).map((t) => t.id).filter((id) => id.startsWith('dropped')),
      ).toEqual([...ids].sort());
      for (const id of ids) await client.toolchainIntegrations.delete(id);
      expect(await client.toolchainIntegrations.list()).toEqual([expect.objectContaining({ id: 'mlflow' })]);
      // The safe retries did happen: a POST met 409 and a DELETE met 404 after a cut answer.
      const statuses = emulator.answers.map((a) => `${a.method} ${a.status}`);
      expect(statuses).toContain('POST 409');
      expect(statuses).toContain('DELETE 404');
    } finally {
      await emulator.close();
    }
  });
});

describe('tokens', () => {
  test('the id_token is the bearer when the scope has openid (as the SDK and the plugin send it), else the access token', async () => {
    const emulator = await startTestEmulator({
      // A secret that needs form encoding, to see it arrive whole.
      extraClients: [{ clientId: 'ci-scientist', clientSecret: 'grant-s1 &=', role: 'data_scientist' }],
    });
    try {
      const credentials = { clientId: 'ci-scientist', clientSecret: 'grant-s1 &=' };
      const withOpenid = tokensFor(emulator, credentials);
      const idToken = decodeJwt(await withOpenid.token());
      // Keycloak's id token: for the client, of type ID.
      expect(idToken).toMatchObject({ typ: 'ID', aud: 'ci-scientist', azp: 'ci-scientist' });
      expect((await clientFor(emulator, recordingRetry(), withOpenid).userInfo()).username).toBe(
        'ci-scientist',
      );

      const withoutOpenid = tokensFor(emulator, { ...credentials, scope: 'profile email' });
      const accessToken = decodeJwt(await withoutOpenid.token());
      expect(accessToken.typ).toBeUndefined();
      expect(accessToken.aud).toBe(emulator.apiUrl);
      const client = clientFor(emulator, recordingRetry(), withoutOpenid);
      expect((await client.trainings.list()).length).toBeGreaterThanOrEqual(0);
      expect(emulator.answers.map((a) => a.status)).toEqual([200, 200]);
    } finally {
      await emulator.close();
    }
  });

  test('short-lived tokens: calls across the expiry keep working with new tokens', async () => {
    // Lifetimes of 5 to 6 s (counted from the start of the second of issue): each token is fetched
    // again some 0.5 s before it expires, time enough for a call on a loaded machine to arrive.
    const emulator = await startTestEmulator({ tokenTtlSeconds: 6 });
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const fetched = () => write.mock.calls.filter(([chunk]) => String(chunk).includes('fetched a token'));
    try {
      const client = clientFor(emulator);
      // Across two expiries: until the third token.
      while (fetched().length < 3) {
        expect((await client.userInfo()).username).toBe(emulator.clientId);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(emulator.answers.every((a) => a.status === 200)).toBe(true);
    } finally {
      write.mockRestore();
      await emulator.close();
    }
  });

  test('a token the server refuses (expired, the clock disagreeing) is refreshed once after the 401', async () => {
    // The new token lives at least 2 s: time for the call it is fetched for to arrive.
    const emulator = await startTestEmulator({ tokenTtlSeconds: 3 });
    try {
      const frozen = Date.now();
      const tokens = tokensFor(emulator, { now: () => frozen });
      const client = clientFor(emulator, recordingRetry(), tokens);
      const first = await tokens.token();
      await pastExpiry(first);
      expect((await client.userInfo()).username).toBe(emulator.clientId);
      expect(emulator.answers.map((a) => a.status)).toEqual([401, 200]);
      expect(await tokens.token()).not.toBe(first);
    } finally {
      await emulator.close();
    }
  });

  test("the issuer as auth-url: discovery finds the emulator's token endpoint", async () => {
    const emulator = await startTestEmulator();
    // The step's log line saying so (shared-auth.test.ts checks it) is not test output.
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const client = clientFor(emulator, recordingRetry(), tokensFor(emulator, { authUrl: emulator.issuer }));
      expect((await client.userInfo()).username).toBe(emulator.clientId);
    } finally {
      write.mockRestore();
      await emulator.close();
    }
  });
});

describe('failures users see, and no secret in them', () => {
  test('a wrong secret, an unreachable host; nothing secret in messages or log lines', async () => {
    const emulator = await startTestEmulator({ failRate: 0.3, seed: 3 });
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const messages: string[] = [];
    const wrongSecret = 'wrong-secret-value-1';
    try {
      const refused = clientFor(
        emulator,
        recordingRetry(),
        tokensFor(emulator, { clientSecret: wrongSecret }),
      );
      const authError = await refused.trainings.list().catch((error: unknown) => error);
      expect(authError).toBeInstanceOf(AuthError);
      messages.push((authError as Error).message);
      expect((authError as Error).message).toMatch(
        new RegExp(`^authentication failed at ${emulator.authUrl}: \\S`),
      );

      const good = tokensFor(emulator);
      const working = clientFor(emulator, recordingRetry(), good);
      await working.trainings.list();
      const token = await good.token();

      const offline = new OdahuClient({
        apiUrl: 'http://127.0.0.1:1',
        tokens: good,
        retry: { ...recordingRetry(), policy: { attempts: 2 } },
      });
      clients.push(offline);
      const networkError = await offline.trainings.get('wine').catch((error: unknown) => error);
      expect(networkError).toBeInstanceOf(NetworkError);
      expect((networkError as Error).message).toBe(
        'GET http://127.0.0.1:1/api/v1/model/training/wine failed: network error: connect ECONNREFUSED 127.0.0.1:1 (tried for 0s, 2 attempts)',
      );
      messages.push((networkError as Error).message);

      const logged = write.mock.calls
        .map(([chunk]) => String(chunk))
        .filter((line) => !line.startsWith('::add-mask::'));
      for (const text of [...messages, ...logged]) {
        for (const secret of [wrongSecret, emulator.clientSecret, token]) expect(text).not.toContain(secret);
      }
      const masked = write.mock.calls
        .map(([chunk]) => String(chunk))
        .filter((line) => line.startsWith('::add-mask::'));
      expect(masked).toEqual(
        expect.arrayContaining([`::add-mask::${wrongSecret}\n`, `::add-mask::${token}\n`]),
      );
    } finally {
      write.mockRestore();
      await emulator.close();
    }
  });
});
