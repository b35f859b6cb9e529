// Cancelling a step as GitHub's runner does (SIGINT, then SIGTERM 7.5 s later): the training this step
// started is deleted within that grace time (on-cancel: delete) or left running (keep).

import { jest } from '@jest/globals';
import * as core from './helpers/core-mock.js';
import type { TestEmulator } from './helpers/emulator.js';
import type { Api } from './helpers/emulator-http.js';

jest.unstable_mockModule('@actions/core', () => core);
const { startTestEmulator } = await import('./helpers/emulator.js');
const { Api: ApiClient, fetchToken } = await import('./helpers/emulator-http.js');
const { emulatorEnv, trainingManifest } = await import('./helpers/run-action.js');
const { runInProcess } = await import('./helpers/in-process.js');

let emulator: TestEmulator;
let api: Api;

beforeAll(async () => {
  emulator = await startTestEmulator({ trainingSeconds: 20 });
  api = new ApiClient(emulator, await fetchToken(emulator));
});

afterAll(() => emulator.close());

/** Runs train and cancels it once its state line says the pod is scheduled or running. */
async function trainAndCancel(id: string, onCancel: string) {
  const controller = new AbortController();
  let cancelledAt = 0;
  const run = await runInProcess(
    'train',
    { training: trainingManifest(id), 'poll-interval': '0.1s', 'on-cancel': onCancel },
    {
      env: emulatorEnv(emulator),
      emulator,
      signal: controller.signal,
      onLine: (line) => {
        if (!controller.signal.aborted && new RegExp(`training ${id}: (scheduling|running)`).test(line)) {
          cancelledAt = Date.now();
          controller.abort();
        }
      },
    },
  );
  return { run, exitMs: Date.now() - cancelledAt };
}

test('on-cancel: delete removes the training this step started, before the runner would SIGTERM', async () => {
  const { run, exitMs } = await trainAndCancel('cancel-me', 'delete');
  expect(run.cancelled).toBe(true);
  expect(run.exitCode).not.toBe(0);
  expect(run.failure).toBe('Cancelled (SIGINT).');
  expect(run.log).toContain('Deleting training cancel-me, which this step started (on-cancel: delete).');
  expect(exitMs).toBeLessThan(7500);
  expect((await api.get('model/training/cancel-me')).status).toBe(404);
});

test('on-cancel: keep leaves it running', async () => {
  const { run } = await trainAndCancel('keep-me', 'keep');
  expect(run.failure).toBe('Cancelled (SIGINT).');
  const training = await api.get<{ status: { state: string } }>('model/training/keep-me');
  expect(training.status).toBe(200);
  expect(['scheduling', 'running']).toContain(training.json.status.state);
});

test('a training the step reused is never deleted on cancel', async () => {
  await runInProcess(
    'train',
    { training: trainingManifest('not-mine'), wait: 'false' },
    { env: emulatorEnv(emulator), emulator },
  );
  const controller = new AbortController();
  const run = await runInProcess(
    'train',
    { training: trainingManifest('not-mine'), 'if-exists': 'reuse', 'poll-interval': '0.1s' },
    {
      env: emulatorEnv(emulator),
      emulator,
      signal: controller.signal,
      onLine: (line) => {
        if (/training not-mine: /.test(line)) controller.abort();
      },
    },
  );
  expect(run.failure).toBe('Cancelled (SIGINT).');
  expect((await api.get('model/training/not-mine')).status).toBe(200);
});
