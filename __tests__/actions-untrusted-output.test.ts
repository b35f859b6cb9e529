// A pod's log is the user's program output: none of it can become a workflow command, whether it
// is followed, shown as the last lines of a failure, or split by carriage returns; and stopping a
// followed log never waits for a reopen still connecting.

import { PassThrough } from 'node:stream';
import type { Readable } from 'node:stream';
import { jest } from '@jest/globals';
import * as core from './helpers/core-mock.js';
import type { TestEmulator } from './helpers/emulator.js';

jest.unstable_mockModule('@actions/core', () => core);
const { startTestEmulator } = await import('./helpers/emulator.js');
const { emulatorEnv, trainingManifest } = await import('./helpers/run-action.js');
const { runInProcess } = await import('./helpers/in-process.js');
const { PodLog } = await import('../src/shared/action/pod-log.js');

let emulator: TestEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});

afterAll(() => emulator.close());

test('a failed training cannot raise workflow commands through the last log lines it shows', async () => {
  const run = await runInProcess(
    'train',
    {
      // The pod prints `Hyperparameter note=x` then a line `::error::injected by the pod`.
      training: trainingManifest('inject', {
        note: 'x\\n::error::injected by the pod',
        'emulator-outcome': 'failed',
      }),
      'poll-interval': '0.1s',
    },
    { env: emulatorEnv(emulator), emulator },
  );
  expect(run.exitCode).not.toBe(0);
  // Only the step's own failure line may be an annotation.
  expect(run.annotations.map((a) => a.message)).not.toContain('injected by the pod');
});

test('a followed pod log cannot raise workflow commands after a carriage return', async () => {
  const run = await runInProcess(
    'train',
    {
      training: trainingManifest('cr', { progress: '50%\\r::warning::injected after CR' }),
      'poll-interval': '0.1s',
    },
    { env: emulatorEnv(emulator), emulator },
  );
  expect(run.exitCode).toBe(0);
  expect(run.annotations.map((a) => a.message)).not.toContain('injected after CR');
});

test('PodLog.finish(0) returns while a reopen is still connecting', async () => {
  let opens = 0;
  let resolveSecond: ((stream: Readable) => void) | undefined;
  const endless = new PassThrough();
  const log = PodLog.follow({
    title: 'Log of training t',
    signal: new AbortController().signal,
    write: () => undefined,
    open: () => {
      opens += 1;
      if (opens === 1) {
        // One line, then the connection drops.
        const first = new PassThrough();
        first.write('line 1\n');
        setTimeout(() => first.destroy(new Error('socket hang up')), 20);
        return Promise.resolve(first);
      }
      // The reopen is slow to answer (a retried 503, a slow proxy) and then follows a running pod.
      return new Promise<Readable>((resolve) => (resolveSecond = resolve));
    },
  });
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(opens).toBe(2);
  const finished = log.finish(0).then(() => 'finished' as const);
  setTimeout(() => resolveSecond?.(endless), 50);
  const outcome = await Promise.race([
    finished,
    new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 2000)),
  ]);
  endless.destroy();
  await finished.catch(() => undefined);
  expect(outcome).toBe('finished');
});
