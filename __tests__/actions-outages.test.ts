// A cluster's bad minute, rehearsed: the emulator's API answers only 503 for 45 s (as a real API server
// restarting during a rolling update), in the middle of a training's wait, before a connection's
// create, and during a prediction. Each step succeeds once the API is back, says so once when the
// outage starts and once when it ends, and creates nothing twice; a followed pod log resumes without
// a line lost or printed twice. An outage longer than the retry budget fails with one line. The steps
// run in this process on each emulator's held clock: a 45 s outage passes in the emulator's time.

import { jest } from '@jest/globals';
import * as core from './helpers/core-mock.js';
import type { TestEmulator } from './helpers/emulator.js';
import type { ActionRun } from './helpers/run-action.js';

jest.unstable_mockModule('@actions/core', () => core);
const { apiClient, startTestEmulator } = await import('./helpers/emulator.js');
const { emulatorEnv, trainingManifest } = await import('./helpers/run-action.js');
const { runInProcess } = await import('./helpers/in-process.js');

const OUTAGE_SECONDS = 45;
/** An s3 connection's keys, as a job's AWS credentials step would set them. */
const AWS = { AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 'example-secret-key' };

const emulators: TestEmulator[] = [];
afterAll(async () => {
  for (const emulator of emulators) await emulator.close();
});

async function emulatorWith(options: Parameters<typeof startTestEmulator>[0] = {}): Promise<TestEmulator> {
  const emulator = await startTestEmulator(options);
  emulators.push(emulator);
  return emulator;
}

/** Successful answers to `method` on exactly `path` (a 503 from the gateway created nothing). */
function applied(emulator: TestEmulator, method: string, path: string): number {
  return emulator.answers.filter((a) => a.method === method && a.path === path && a.status < 300).length;
}

function outageLines(run: ActionRun): { down: string[]; back: string[] } {
  return {
    down: run.log.filter((line) =>
      /The Odahu API has not answered for \d+s \(503\); still trying until \d\d:\d\d:\d\dZ\./.test(line),
    ),
    back: run.log.filter((line) => /^The Odahu API answers again, after \d+s\.$/.test(line)),
  };
}

/** The lines of every log group whose title starts with `title`, in order. */
function logGroups(run: ActionRun, title: string): string[] {
  const lines: string[] = [];
  let inside = false;
  for (const line of run.log) {
    if (line.startsWith('▸ ')) inside = line.startsWith(`▸ ${title}`);
    else if (line === '◂') inside = false;
    else if (inside) lines.push(line);
  }
  return lines;
}

test('a 45 s outage in the middle of a training: the wait goes on, the log resumes, nothing twice', async () => {
  const emulator = await emulatorWith({ trainingSeconds: 20 });
  let started = false;
  const run = await runInProcess(
    'train',
    // A retry-timeout shorter than the outage: the wait's reads are tried until its own timeout.
    { training: trainingManifest('through-outage'), 'retry-timeout': '20s' },
    {
      env: emulatorEnv(emulator),
      emulator,
      onLine: (line) => {
        if (!started && line.includes('step-trainer')) {
          started = true;
          emulator.outage(OUTAGE_SECONDS);
        }
      },
    },
  );
  expect(run.failure).toBeUndefined();
  expect(run.outputs.state).toBe('succeeded');
  const { down, back } = outageLines(run);
  expect(down).toHaveLength(1);
  expect(back).toHaveLength(1);
  expect(applied(emulator, 'POST', '/api/v1/model/training')).toBe(1);

  // Every line of the pod's log, once, in order, although its stream was cut and reopened (in the
  // first group, or in a continued one when the state was read again before the log was).
  const shown = logGroups(run, 'Log of training through-outage').filter(
    (l) => l.startsWith('INFO') || l.startsWith('ERROR'),
  );
  const client = apiClient(emulator);
  try {
    let whole = '';
    for await (const chunk of await client.trainings.logs('through-outage')) whole += String(chunk);
    expect(shown).toEqual(whole.trimEnd().split('\n'));
  } finally {
    client.dispose();
  }
});

test('a 45 s outage that starts before a connection is created: created once, when the API is back', async () => {
  const emulator = await emulatorWith();
  emulator.outage(OUTAGE_SECONDS);
  const run = await runInProcess(
    'connection',
    {
      connection:
        'kind: Connection\nid: after-outage\nspec: {type: s3, uri: "s3://bucket/data", region: eu-west-1}',
    },
    { env: { ...emulatorEnv(emulator), ...AWS }, emulator },
  );
  expect(run.failure).toBeUndefined();
  expect(run.outputs['connection-id']).toBe('after-outage');
  const { down, back } = outageLines(run);
  expect([down.length, back.length]).toEqual([1, 1]);
  expect(applied(emulator, 'POST', '/api/v1/connection')).toBe(1);
});

test('a 45 s outage during a prediction: the model is found and answers once the API is back', async () => {
  const emulator = await emulatorWith();
  const env = emulatorEnv(emulator);
  const trained = await runInProcess(
    'train',
    { training: trainingManifest('outage-model') },
    { env, emulator },
  );
  const packaged = await runInProcess(
    'package',
    {
      packaging: 'examples/odahu/packaging.odahuflow.yaml',
      id: 'outage-model',
      'artifact-name': trained.outputs['artifact-name']!,
    },
    { env, emulator },
  );
  const deployed = await runInProcess(
    'deploy',
    {
      deployment: 'examples/odahu/deployment.odahuflow.yaml',
      id: 'outage-model',
      image: packaged.outputs.image!,
    },
    { env, emulator },
  );
  expect(deployed.failure).toBeUndefined();
  emulator.outage(OUTAGE_SECONDS);
  const run = await runInProcess(
    'predict',
    { deployment: 'outage-model', request: 'examples/odahu/wine-request.json', 'ready-timeout': '2m' },
    { env, emulator },
  );
  expect(run.failure).toBeUndefined();
  expect(run.outputs['status-code']).toBe('200');
  expect(JSON.parse(run.outputs.response!)).toHaveProperty('prediction');
  const { down, back } = outageLines(run);
  expect([down.length, back.length]).toEqual([1, 1]);
});

test('an outage longer than the retry budget fails with one line: the URL, the answer, how long it was tried', async () => {
  const emulator = await emulatorWith();
  emulator.outage(60);
  const run = await runInProcess(
    'connection',
    {
      connection: 'kind: Connection\nid: never\nspec: {type: s3, uri: "s3://bucket/data", region: eu-west-1}',
      'retry-timeout': '5s',
    },
    { env: { ...emulatorEnv(emulator), ...AWS }, emulator },
  );
  expect(run.exitCode).not.toBe(0);
  expect(run.failure).toMatch(
    new RegExp(
      `^GET ${emulator.apiUrl}/api/v1/connection/never failed: 503 upstream connect error or disconnect/reset before headers\\. reset reason: connection failure \\(tried for \\d+s, \\d+ attempts\\)$`,
    ),
  );
  // The 5 s budget on the emulator's clock, the last try's wait cut to it: not the 60 s outage.
  const tried = Number(/tried for (\d+)s/.exec(run.failure!)?.[1]);
  expect(tried).toBeGreaterThanOrEqual(5);
  expect(tried).toBeLessThan(7);
  expect(applied(emulator, 'POST', '/api/v1/connection')).toBe(0);
});
