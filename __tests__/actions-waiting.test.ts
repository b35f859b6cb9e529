// How a step waits for a pod phase: the followed log's end brings the state read forward (a
// poll-interval of an hour still ends within seconds), the state is read again while it catches up
// with the pod, `logs: false` follows without printing, and a pod that ended before the step began
// has its whole log shown. The steps wait on the emulator's held clock: how long a wait took is the
// emulator's time, the same on any machine, so a wait that missed the log's end shows in it.

import { jest } from '@jest/globals';
import type { OdahuClient } from '../src/shared/odahu/client.js';
import * as core from './helpers/core-mock.js';
import type { TestEmulator } from './helpers/emulator.js';

jest.unstable_mockModule('@actions/core', () => core);
const { apiClient, startTestEmulator } = await import('./helpers/emulator.js');
const { emulatorEnv } = await import('./helpers/run-action.js');
const { runInProcess } = await import('./helpers/in-process.js');

let emulator: TestEmulator;
let env: Record<string, string>;
let client: OdahuClient;

beforeAll(async () => {
  // The final state reaches the API after the log ends, as on a cluster: the wait must catch up.
  emulator = await startTestEmulator({ trainingSeconds: 2, statusLagSeconds: 0.5 });
  env = emulatorEnv(emulator);
  client = apiClient(emulator);
});

afterAll(async () => {
  client.dispose();
  await emulator.close();
});

/** A training created directly, returned once its pod runs (read between the controller's steps). */
async function runningTraining(id: string): Promise<void> {
  await emulator.held(async () => {
    await client.trainings.create({
      id,
      spec: {
        model: { name: 'wine', version: '1.0' },
        toolchain: 'mlflow',
        algorithmSource: { objectStorage: { connection: 'models-output', path: 'code/wine' } },
      },
    });
    while ((await client.trainings.get(id)).status?.state !== 'running') emulator.clock.step();
  });
}

function logGroup(log: string[], title: string): string[] {
  const start = log.indexOf(`▸ ${title}`);
  if (start < 0) return [];
  return log.slice(start + 1, log.indexOf('◂', start));
}

test("the log's end is noticed at once: with poll-interval 1h the step still ends with the pod", async () => {
  await runningTraining('log-end');
  const run = await runInProcess(
    'wait',
    { 'training-id': 'log-end', 'poll-interval': '1h', timeout: '60s' },
    { env, emulator },
  );
  expect(run.failure).toBeUndefined();
  expect(run.outputs.state).toBe('succeeded');
  // The pod's 2 s and the status's lag, not the 60 s a wait that missed the log's end would take.
  expect(run.tookMs).toBeLessThan(10_000);
  expect(run.outputs['artifact-name']).toMatch(/^wine-1\.0-/);
  const lines = logGroup(run.log, 'Log of training log-end');
  expect(lines.some((line) => line.includes('step-result'))).toBe(true);
  expect(run.log.some((line) => /training log-end: succeeded/.test(line))).toBe(true);
});

test('logs: false follows the log only for its end: nothing of it is printed', async () => {
  await runningTraining('quiet-log');
  const run = await runInProcess(
    'wait',
    { 'training-id': 'quiet-log', 'poll-interval': '1h', timeout: '60s', logs: 'false' },
    { env, emulator },
  );
  expect(run.failure).toBeUndefined();
  expect(run.outputs.state).toBe('succeeded');
  expect(run.tookMs).toBeLessThan(10_000);
  expect(run.log.some((line) => line.includes('step-trainer'))).toBe(false);
  expect(run.log.some((line) => line.startsWith('▸ Log of'))).toBe(false);
});

test('a pod that ended before the step began has its whole log shown, once', async () => {
  await runningTraining('ended-before');
  await emulator.held(async () => {
    while ((await client.trainings.get('ended-before')).status?.state !== 'succeeded') emulator.clock.step();
  });
  const run = await runInProcess('wait', { 'training-id': 'ended-before' }, { env, emulator });
  expect(run.failure).toBeUndefined();
  const lines = logGroup(run.log, 'Log of training ended-before');
  expect(lines[0]).toContain('Model training ended-before');
  expect(lines.at(-1)).toContain('saved');
  expect(run.log.filter((line) => line.includes('Model training ended-before'))).toHaveLength(1);
});

test('train with the adaptive default shows the pod log and the states, and poll-interval auto is that default', async () => {
  const run = await runInProcess(
    'train',
    {
      training: 'examples/odahu/quickstart-training.odahuflow.yaml',
      id: 'adaptive',
      'poll-interval': 'auto',
    },
    { env, emulator },
  );
  expect(run.failure).toBeUndefined();
  expect(run.log.some((line) => /training adaptive: running/.test(line))).toBe(true);
  expect(logGroup(run.log, 'Log of training adaptive').length).toBeGreaterThan(5);
});

test('a poll-interval that is neither auto nor a duration is one line naming the input', async () => {
  const run = await runInProcess(
    'wait',
    { 'training-id': 'adaptive', 'poll-interval': 'often' },
    { env, emulator },
  );
  expect(run.exitCode).not.toBe(0);
  expect(run.failure).toMatch(/^input poll-interval/);
});

test('a status that lags far behind the log: two catch-ups, the log followed again once, then polling', async () => {
  const slow = await startTestEmulator({ trainingSeconds: 1, statusLagSeconds: 25 });
  try {
    const run = await runInProcess(
      'train',
      { training: 'examples/odahu/quickstart-training.odahuflow.yaml', id: 'lagging' },
      { env: emulatorEnv(slow), emulator: slow },
    );
    expect(run.failure).toBeUndefined();
    expect(run.outputs.state).toBe('succeeded');
    // The log is shown once, then again (nothing new in it) when it is followed a second time.
    expect(run.log.filter((line) => line === '▸ Log of training lagging')).toHaveLength(1);
    expect(run.log.filter((line) => line === '▸ Log of training lagging (continued)')).toHaveLength(1);
    expect(run.log.filter((line) => line.includes('Model training lagging'))).toHaveLength(1);
    // Reads stay bounded: two 10 s catch-ups of at most 20 reads each, then polls.
    const reads = slow.answers.filter(
      (a) => a.method === 'GET' && a.path === '/api/v1/model/training/lagging',
    );
    expect(reads.length).toBeLessThan(80);
  } finally {
    await slow.close();
  }
});
