// Cancelling while an API call is in flight (a slow proxy, a long Retry-After): the step's signal
// reaches the request, so on-cancel: delete still happens before the runner's SIGTERM.

import { getEventListeners } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jest } from '@jest/globals';
import * as core from './helpers/core-mock.js';
import type { TestEmulator } from './helpers/emulator.js';
import type { Api } from './helpers/emulator-http.js';

jest.unstable_mockModule('@actions/core', () => core);
const { pause } = await import('../src/shared/action/step.js');
const { startTestEmulator } = await import('./helpers/emulator.js');
const { Api: ApiClient, fetchToken } = await import('./helpers/emulator-http.js');
const { emulatorEnv, trainingManifest } = await import('./helpers/run-action.js');
const { runInProcess } = await import('./helpers/in-process.js');

let emulator: TestEmulator;
let api: Api;

beforeAll(async () => {
  emulator = await startTestEmulator({ trainingSeconds: 60 });
  api = new ApiClient(emulator, await fetchToken(emulator));
});

afterAll(() => emulator.close());

/**
 * Forwards to the emulator; GETs of `slowPath` after the first `fastGets` take `delayMs`, and
 * `onSlow` is told when one starts to.
 */
async function slowProxy(
  upstream: string,
  slowPath: string,
  fastGets: number,
  delayMs: number,
  onSlow: () => void,
) {
  let gets = 0;
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        if (req.method === 'GET' && req.url?.startsWith(slowPath) && ++gets > fastGets) {
          onSlow();
          await new Promise<void>((r) => {
            const t = setTimeout(() => (timers.delete(t), r()), delayMs);
            timers.add(t);
          });
        }
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.headers))
          if (typeof v === 'string' && k !== 'host' && k !== 'connection') headers[k] = v;
        try {
          const answer = await fetch(upstream + (req.url ?? ''), {
            method: req.method,
            headers,
            body: chunks.length ? Buffer.concat(chunks) : undefined,
          });
          const body = Buffer.from(await answer.arrayBuffer());
          res.writeHead(answer.status, {
            'content-type': answer.headers.get('content-type') ?? 'text/plain',
          });
          res.end(body);
        } catch {
          res.destroy();
        }
      })();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        timers.forEach(clearTimeout);
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

test('on-cancel: delete still deletes when the cancel lands during a slow poll', async () => {
  const id = 'slow-poll';
  const controller = new AbortController();
  // Cancelled while the poll hangs in the proxy.
  const proxy = await slowProxy(emulator.apiUrl, `/api/v1/model/training/${id}`, 3, 20_000, () =>
    controller.abort(),
  );
  try {
    const run = await runInProcess(
      'train',
      {
        training: trainingManifest(id),
        'poll-interval': '0.2s',
        logs: 'false',
        'api-url': proxy.url,
      },
      { env: emulatorEnv(emulator), emulator, signal: controller.signal },
    );
    expect(run.cancelled).toBe(true);
    expect(run.failure).toBe('Cancelled (SIGINT).');
    expect(run.log).toContain(`Deleting training ${id}, which this step started (on-cancel: delete).`);
    expect((await api.get(`model/training/${id}`)).status).toBe(404);
  } finally {
    await proxy.close();
  }
});

test('pause leaves no abort listener behind, however often a step waits on one signal', async () => {
  const controller = new AbortController();
  for (let i = 0; i < 20; i++) await pause(1, controller.signal);
  expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
});
