// The batch action (the plugin's InferenceServiceOperator, InferenceJobOperator and InferenceJobSensor)
// against the emulator: a job of the service runs to succeeded with its outputs, a re-run leaves the
// unchanged service alone and starts a new job, a failed job fails the step with the server's reason,
// and bad input or a connection the job could never use fail the step before anything is written.

import { jest } from '@jest/globals';
import * as core from './helpers/core-mock.js';
import type { TestEmulator } from './helpers/emulator.js';
import { Api, fetchToken } from './helpers/emulator-http.js';
import { emulatorEnv } from './helpers/run-action.js';

jest.unstable_mockModule('@actions/core', () => core);
const { startTestEmulator } = await import('./helpers/emulator.js');
const { runInProcess } = await import('./helpers/in-process.js');

let emulator: TestEmulator;
let env: Record<string, string>;
let api: Api;
const poll = { 'poll-interval': '0.1s' };

beforeAll(async () => {
  emulator = await startTestEmulator();
  env = emulatorEnv(emulator);
  api = new Api(emulator, await fetchToken(emulator));
});

afterAll(() => emulator.close());

/** A service the fresh emulator can run: input and output in the models-output bucket. */
function serviceManifest(id: string, extra: string[] = []): string {
  return [
    'kind: InferenceService',
    `id: ${id}`,
    'spec:',
    '  image: registry.odahu.local/odahu/wine-batch:1.0',
    '  command: [python, predict.py]',
    '  modelRegistry:',
    '    local:',
    "      meta: {name: wine, version: '1.0'}",
    '      modelPath: /opt/model',
    '  dataSource: {connection: models-output, path: batch/input/}',
    '  outputDestination: {connection: models-output, path: batch/output/}',
    ...extra,
  ].join('\n');
}

test('a job of the service runs to succeeded, with the outputs a later step needs', async () => {
  const run = await runInProcess(
    'batch',
    { service: serviceManifest('wine-batch'), ...poll },
    { env, emulator },
  );
  expect(run.failure).toBeUndefined();
  expect(run.outputs['service-id']).toBe('wine-batch');
  expect(run.outputs['job-id']).toMatch(/^job-wine-batch-[0-9a-f]{5}$/);
  expect(run.outputs.state).toBe('succeeded');
  expect(run.outputs['request-id']).toMatch(/^[0-9a-f-]{36}$/);
  expect(JSON.parse(run.outputs.output!)).toEqual({ connection: 'models-output', path: 'batch/output/' });
  expect(JSON.parse(run.outputs.status!)).toMatchObject({ state: 'succeeded', reason: 'Succeeded' });
  expect(run.log).toContainEqual(expect.stringMatching(/batch inference job job-wine-batch-\w+: succeeded/));
  expect(run.summary).toContain('InferenceService');
  expect(run.summary).toContain(run.outputs['job-id']);
  const job = await api.get<{ spec: { inferenceServiceId: string } }>(`batch/job/${run.outputs['job-id']}`);
  expect(job.json.spec.inferenceServiceId).toBe('wine-batch');
});

test('a re-run leaves the unchanged service alone and starts a new job', async () => {
  const first = await runInProcess(
    'batch',
    { service: serviceManifest('again-batch'), ...poll },
    { env, emulator },
  );
  const before = emulator.answers.length;
  const second = await runInProcess(
    'batch',
    { service: serviceManifest('again-batch'), ...poll },
    { env, emulator },
  );
  expect(second.failure).toBeUndefined();
  expect(second.log).toContain(
    'Batch inference service again-batch already has this spec: nothing to update.',
  );
  expect(emulator.callsSince(before, { writes: true })).toEqual(['POST /api/v1/batch/job']);
  expect(second.outputs['job-id']).not.toBe(first.outputs['job-id']);
});

test('a changed service is updated, and keeps the webhook trigger its create gave it', async () => {
  await runInProcess('batch', { service: serviceManifest('changed-batch'), ...poll }, { env, emulator });
  const run = await runInProcess(
    'batch',
    { service: serviceManifest('changed-batch').replace('wine-batch:1.0', 'wine-batch:1.1'), ...poll },
    { env, emulator },
  );
  expect(run.failure).toBeUndefined();
  expect(run.log).toContain('Updating batch inference service changed-batch.');
  const service = await api.get<{ spec: { image: string; triggers: unknown } }>(
    'batch/service/changed-batch',
  );
  expect(service.json.spec.image).toBe('registry.odahu.local/odahu/wine-batch:1.1');
  expect(service.json.spec.triggers).toEqual({ webhook: { enabled: true } });
});

test('the job input overrides what the service gives, and names the service', async () => {
  const run = await runInProcess(
    'batch',
    {
      service: serviceManifest('override-batch'),
      job: 'kind: InferenceJob\nspec:\n  outputDestination: {connection: models-output, path: elsewhere/}\n  requestId: nightly-42',
      ...poll,
    },
    { env, emulator },
  );
  expect(run.failure).toBeUndefined();
  expect(run.outputs['request-id']).toBe('nightly-42');
  expect(JSON.parse(run.outputs.output!)).toEqual({ connection: 'models-output', path: 'elsewhere/' });
});

test('a failed job fails the step with the server reason, and its outputs are set', async () => {
  const run = await runInProcess(
    'batch',
    {
      service: serviceManifest('failing-batch'),
      job: 'kind: InferenceJob\nspec: {requestId: emulator-outcome-failed-1}',
      ...poll,
    },
    { env, emulator },
  );
  expect(run.exitCode).not.toBe(0);
  expect(run.failure).toMatch(
    /^batch inference job job-failing-batch-\w{5} failed: Failed: "step-user-container" exited with code 1$/,
  );
  expect(run.outputs.state).toBe('failed');
  expect(run.outputs['job-id']).toMatch(/^job-failing-batch-/);
  expect(run.summary).toContain('failed');
});

test('wait: false ends once the job exists; the wait action gives the same outputs', async () => {
  const started = await runInProcess(
    'batch',
    { service: serviceManifest('later-batch'), wait: 'false' },
    { env, emulator },
  );
  expect(started.failure).toBeUndefined();
  expect(started.outputs.state).toMatch(/^(scheduling|running)?$/);
  const waited = await runInProcess(
    'wait',
    { 'inference-job-id': started.outputs['job-id']!, ...poll },
    { env, emulator },
  );
  expect(waited.failure).toBeUndefined();
  expect(waited.outputs).toMatchObject({
    state: 'succeeded',
    'job-id': started.outputs['job-id'],
    'service-id': 'later-batch',
    'request-id': started.outputs['request-id'],
    output: started.outputs.output,
  });
});

test('bad input: one line each, before any API call', async () => {
  const before = emulator.answers.length;
  const run = await runInProcess(
    'batch',
    {
      service: [
        'kind: InferenceService',
        'id: bad-batch',
        'spec:',
        '  image: registry.odahu.local/odahu/wine-batch:1.0',
        '  command: [python, predict.py]',
        '  dataSource: {path: batch/input/}',
        '  triggers: {webhook: {enabled: false}}',
      ].join('\n'),
      job: 'kind: InferenceJob\nspec: {inferenceServiceId: another}',
    },
    { env, emulator },
  );
  expect(run.exitCode).not.toBe(0);
  expect(run.failure?.split('\n')).toEqual([
    'inline service, document 1 (line 1): spec.modelRegistry has no model: give remote (modelConnection and modelPath, a model in object storage) or local (meta.name and meta.version of the model in the image)',
    'inline service, document 1 (line 1): spec.triggers.webhook.enabled is false: the server refuses every job of a service whose webhook trigger is disabled; set it to true or leave triggers out',
    'inline job, document 1 (line 1): spec.inferenceServiceId is another, but the service input is bad-batch; leave it out or make them the same',
    'inline job, document 1 (line 1): spec.dataSource names no connection (where the job reads its input)',
    'inline job, document 1 (line 1): no outputDestination (where the job writes its output): set spec.outputDestination in the job or the service',
  ]);
  expect(emulator.callsSince(before)).toEqual([]);
});

test('a connection the job could never use fails the step before anything is written', async () => {
  const before = emulator.answers.length;
  const run = await runInProcess(
    'batch',
    {
      service: serviceManifest('unusable-batch').replace(
        'outputDestination: {connection: models-output',
        'outputDestination: {connection: no-such-bucket',
      ),
      job: 'kind: InferenceJob\nspec:\n  dataSource: {connection: docker-ci, path: input/}',
    },
    { env, emulator },
  );
  expect(run.failure?.split('\n')).toEqual([
    'a batch job of unusable-batch needs connection docker-ci (its dataSource), which is a docker connection: batch jobs use object storage only (s3, gcs, azureblob)',
    'a batch job of unusable-batch needs connection no-such-bucket (its outputDestination), which does not exist: the job would never start',
  ]);
  expect(emulator.callsSince(before, { writes: true })).toEqual([]);
  expect((await api.get('batch/service/unusable-batch')).status).toBe(404);
});

test('if-exists: fail stops at an existing service, and starts no job', async () => {
  await runInProcess('batch', { service: serviceManifest('taken-batch'), wait: 'false' }, { env, emulator });
  const before = emulator.answers.length;
  const run = await runInProcess(
    'batch',
    { service: serviceManifest('taken-batch'), 'if-exists': 'fail' },
    { env, emulator },
  );
  expect(run.failure).toBe('batch inference service taken-batch already exists and if-exists is fail');
  expect(emulator.callsSince(before, { writes: true })).toEqual([]);
});

test('if-exists: replace deletes the service and its jobs, waits until they are gone, and creates anew', async () => {
  const first = await runInProcess(
    'batch',
    { service: serviceManifest('replaced-batch'), ...poll },
    { env, emulator },
  );
  const run = await runInProcess(
    'batch',
    { service: serviceManifest('replaced-batch'), 'if-exists': 'replace', ...poll },
    { env, emulator },
  );
  expect(run.failure).toBeUndefined();
  expect(run.log).toContainEqual(
    expect.stringContaining(
      `Deleted the 1 job(s) of batch inference service replaced-batch (${first.outputs['job-id']})`,
    ),
  );
  expect((await api.get(`batch/job/${first.outputs['job-id']}`)).status).toBe(404);
  expect(run.outputs.state).toBe('succeeded');
});

describe('on a cluster whose jobs take 20 s', () => {
  let slow: TestEmulator;
  let slowEnv: Record<string, string>;
  let slowApi: Api;

  beforeAll(async () => {
    slow = await startTestEmulator({ jobSeconds: 20 });
    slowEnv = emulatorEnv(slow);
    slowApi = new Api(slow, await fetchToken(slow));
  });

  afterAll(() => slow.close());

  test('a job still without a state at the timeout: the step fails saying what to check', async () => {
    // Held: the controller cannot give it a state before the step's timeout, however slow the step.
    const run = await slow.held(() =>
      runInProcess(
        'batch',
        { service: serviceManifest('stuck-batch'), timeout: '1s', ...poll },
        { env: slowEnv, emulator: slow },
      ),
    );
    expect(run.failure).toMatch(
      /^batch inference job job-stuck-batch-\w{5} did not finish within 1s: it is still pending \(a batch job that never gets a state was not started by the controller: check that its dataSource, its outputDestination and the service's model connection exist and are object storage: s3, gcs or azureblob\)$/,
    );
    expect(run.outputs['job-id']).toMatch(/^job-stuck-batch-/);
  });

  test('a cancel while waiting deletes the job the step started', async () => {
    const controller = new AbortController();
    const run = await runInProcess(
      'batch',
      { service: serviceManifest('cancelled-batch'), ...poll },
      {
        emulator: slow,
        env: slowEnv,
        signal: controller.signal,
        onLine: (line) => {
          if (/^Started batch inference job /.test(line)) controller.abort();
        },
      },
    );
    expect(run.failure).toBe('Cancelled (SIGINT).');
    const jobId = run.outputs['job-id']!;
    expect(run.log).toContain(
      `Deleting batch inference job ${jobId}, which this step started (a cancelled batch step deletes its job).`,
    );
    const job = await slowApi.get<{ deletionMark?: boolean }>(`batch/job/${jobId}`);
    // Marked at once, gone once its pod is cleaned up.
    expect(job.status === 404 || job.json.deletionMark === true).toBe(true);
  });
});
