// deploy and pipeline at their edges: an update shortcut that must not keep removed fields, outputs
// when the default route cannot be read, the pipeline finding the model without a URL, and the
// pipeline's derived deployment id checked before anything is created.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestEmulator } from './helpers/emulator.js';
import { startTestEmulator } from './helpers/emulator.js';
import { Api, fetchToken } from './helpers/emulator-http.js';
import { emulatorEnv, runAction, trainingManifest } from './helpers/run-action.js';

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
async function routeBreakingProxy(upstream: string) {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        if (req.url?.endsWith('/default-route')) {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end('{"message":"database is locked"}');
          return;
        }
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.headers))
          if (typeof v === 'string' && k !== 'host' && k !== 'connection') headers[k] = v;
        const answer = await fetch(upstream + (req.url ?? ''), {
          method: req.method,
          headers,
          body: chunks.length ? Buffer.concat(chunks) : undefined,
        });
        res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/plain' });
        res.end(Buffer.from(await answer.arrayBuffer()));
      })();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
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
