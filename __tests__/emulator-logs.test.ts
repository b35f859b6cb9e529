// Pod logs: 404 before the controller made the pod, 500 while it is scheduled, the containers' lines
// in order once it runs, follow=true streaming each line as it is printed until the pod ends.

import { Api, fetchToken } from './helpers/emulator-http.js';
import { startTestEmulator, type TestEmulator } from './helpers/emulator.js';
import type { ModelPackaging, ModelTraining } from '../src/shared/odahu/types.js';

let emulator: TestEmulator;
let api: Api;

beforeAll(async () => {
  emulator = await startTestEmulator();
  api = new Api(emulator, await fetchToken(emulator));
  await api.post('connection', {
    id: 'logs-data',
    spec: { type: 's3', uri: 's3://bucket/wine', region: 'eu-west-1', keyID: 'aWQ=', keySecret: 'c2VjcmV0' },
  });
});

afterAll(() => emulator.close());

const training = (id: string, hyperParameters: Record<string, string>) => ({
  id,
  spec: {
    model: { name: 'wine', version: '2.0' },
    toolchain: 'mlflow',
    hyperParameters,
    data: [{ connection: 'logs-data', localPath: 'data/wine.csv', remotePath: 'wine.csv' }],
    algorithmSource: { objectStorage: { connection: 'logs-data', path: 'src' } },
  },
});

/** Reads a streamed answer chunk by chunk, noting when each chunk arrived. */
async function readStream(
  url: string,
  token: string,
): Promise<{ status: number; chunks: { at: number; text: string }[] }> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const chunks: { at: number; text: string }[] = [];
  const decoder = new TextDecoder();
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    chunks.push({ at: Date.now(), text: decoder.decode(chunk) });
  }
  return { status: response.status, chunks };
}

describe('training logs', () => {
  it('are 404 (Kubernetes) before the pod exists and 500 while it is scheduled', async () => {
    const unknown = await api.get('model/training/nope/log');
    expect([unknown.status, unknown.json]).toEqual([
      404,
      { message: 'modeltrainings.odahuflow.odahu.org "nope" not found' },
    ]);
    // Held: each read comes before the controller's next step.
    await emulator.held(async () => {
      await api.post<ModelTraining>('model/training', training('early', { 'emulator-seconds': '2' }));
      expect((await api.get('model/training/early/log')).status).toBe(404);
      await api.stepUntil<ModelTraining>('model/training/early', (t) => t.status?.state === 'scheduling');
      const scheduled = await api.get('model/training/early/log');
      expect([scheduled.status, scheduled.json]).toEqual([
        500,
        { message: 'model Training early has not started yet' },
      ]);
      // A changed spec re-runs it: the resource stays in Kubernetes, so no 404 while the new pod waits.
      await api.put('model/training', training('early', { 'emulator-seconds': '2', alpha: '2' }));
      expect((await api.get('model/training/early/log')).status).toBe(500);
      // The Kubernetes object outlives the deleted row until the controller's next pass.
      await api.delete('model/training/early');
      expect((await api.get('model/training/early')).status).toBe(404);
      expect((await api.get('model/training/early/log')).status).toBe(500);
    });
    // The pass, one launch period (0.1 s) after the DELETE, comes before this sleep ends.
    await emulator.advance(150);
    expect((await api.get('model/training/early/log')).json).toEqual({
      message: 'modeltrainings.odahuflow.odahu.org "early" not found',
    });
  });

  it('refuse a follow value Go cannot parse as a bool', async () => {
    const reply = await api.get('model/training/nope/log?follow=maybe');
    expect([reply.status, reply.json]).toEqual([400, { message: 'Convert maybe to bool' }]);
  });

  it('stream lines while the pod runs (follow=true) and end when it ends', async () => {
    // Printed over 2.25 s once it runs (0.75 s after the POST); the stream opens right then.
    await emulator.held(async () => {
      await api.post<ModelTraining>(
        'model/training',
        training('streamed', { alpha: '0.3', 'emulator-seconds': '3' }),
      );
      await api.stepUntil<ModelTraining>('model/training/streamed', (t) => t.status?.state === 'running');
    });
    const { status, chunks } = await readStream(
      `${emulator.apiUrl}/api/v1/model/training/streamed/log?follow=true`,
      api.token!,
    );
    const done = (await api.get<ModelTraining>('model/training/streamed')).json;
    expect(status).toBe(200);
    expect(done.status?.state).toBe('succeeded');
    // Several chunks, the first well before the last: lines came as they were printed.
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.at(-1)!.at - chunks[0]!.at).toBeGreaterThan(400);

    const text = chunks.map((c) => c.text).join('');
    const dump = await api.get('model/training/streamed/log');
    expect(dump.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(dump.text).toBe(text);
    const containers = text
      .trimEnd()
      .split('\n')
      .map((line) => line.split('\t')[1]);
    expect([...new Set(containers)]).toEqual([
      'step-setup',
      'step-trainer',
      'step-validation',
      'step-result',
    ]);
    expect(text).toContain('Downloading s3://bucket/wine/wine.csv to data/wine.csv');
    expect(text).toContain('Hyperparameter alpha=0.3');
    expect(text).toContain(`Uploading ${done.status!.artifacts![0]!.artifactName}`);
  });

  it('dump only what is printed so far with follow=false', async () => {
    // Its 14 lines are printed over 4.5 s once it runs: the first after 0.3 s, the result's after 3.9 s.
    await emulator.held(async () => {
      await api.post<ModelTraining>('model/training', training('partial', { 'emulator-seconds': '6' }));
      await api.stepUntil<ModelTraining>('model/training/partial', (t) => t.status?.state === 'running');
    });
    await emulator.advance(600);
    const partial = (await api.get('model/training/partial/log?follow=false')).text;
    expect(partial).toContain('step-setup');
    expect(partial).not.toContain('step-result');
    await api.delete('model/training/partial');
  });

  it('end with the error line when the training fails', async () => {
    await api.post<ModelTraining>('model/training', training('failing', { 'emulator-outcome': 'failed' }));
    await api.waitFor<ModelTraining>('model/training/failing', (t) => t.status?.state === 'failed');
    const lines = (await api.get('model/training/failing/log?follow=True')).text.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^ERROR\tstep-trainer\t/);
  });
});

describe('packaging logs', () => {
  it('say which artifact could not be found', async () => {
    expect((await api.get('model/packaging/nope/log')).json).toEqual({
      message: 'modelpackagings.odahuflow.odahu.org "nope" not found',
    });
    await api.post<ModelPackaging>('model/packaging', {
      id: 'lost',
      spec: { artifactName: 'lost.zip', integrationName: 'docker-cli' },
    });
    await api.waitFor<ModelPackaging>('model/packaging/lost', (p) => p.status?.state === 'failed');
    const log = (await api.get('model/packaging/lost/log')).text;
    expect(log.trimEnd().split('\n').at(-1)).toMatch(/^ERROR\tstep-setup\t.*lost\.zip/);
  });
});
