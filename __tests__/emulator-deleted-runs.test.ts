// A deleted training's or packaging's Kubernetes object (CR) outlives its database row until the
// controller's next pass (launchPeriodSeconds): GET answers 404 at once, the log endpoint (which reads
// the CR) still answers, and a POST of the same id takes the CR over, as a PUT would: the same spec
// gets the old run's status back (no re-run), a changed spec runs anew. After the pass the log answers
// the Kubernetes 404, and a POST starts from scratch.

import { Api, fetchToken, sleep } from './helpers/emulator-http.js';
import { startTestEmulator, type TestEmulator } from './helpers/emulator.js';
import type { ModelPackaging, ModelTraining } from '../src/shared/odahu/types.js';

/** Long enough to act within it over HTTP, short enough to wait for. */
const LAUNCH_PERIOD_MS = 500;

let emulator: TestEmulator;
let api: Api;

beforeAll(async () => {
  emulator = await startTestEmulator({ launchPeriodSeconds: LAUNCH_PERIOD_MS / 1000 });
  api = new Api(emulator, await fetchToken(emulator));
});

afterAll(() => emulator.close());

const training = (id: string, hyperParameters: Record<string, string> = {}) => ({
  id,
  spec: {
    model: { name: 'wine', version: '1.0' },
    toolchain: 'mlflow',
    hyperParameters: { 'emulator-seconds': '0.2', ...hyperParameters },
    algorithmSource: { objectStorage: { connection: 'models-output', path: 'src' } },
  },
});

const isFinal = (t: ModelTraining | ModelPackaging): boolean =>
  t.status?.state === 'succeeded' || t.status?.state === 'failed';

const notFound = (kind: 'modeltrainings' | 'modelpackagings', id: string) => ({
  message: `${kind}.odahuflow.odahu.org "${id}" not found`,
});

/** Polls the log endpoint until it answers 404; returns how long that took after `since`. */
async function logGone(path: string, since: number): Promise<number> {
  for (;;) {
    if ((await api.get(`${path}/log`)).status === 404) return Date.now() - since;
    if (Date.now() - since > 5000) throw new Error(`${path}/log still answers`);
    await sleep(10);
  }
}

async function trained(id: string, hyperParameters: Record<string, string> = {}): Promise<ModelTraining> {
  await api.post('model/training', training(id, hyperParameters));
  return api.waitFor<ModelTraining>(`model/training/${id}`, isFinal);
}

describe('after a DELETE', () => {
  it("the row is gone at once; the log answers until the controller's next pass, then 404", async () => {
    await trained('gone');
    const log = (await api.get('model/training/gone/log')).text;
    const deletedAt = Date.now();
    // Held: the pass cannot come between the DELETE and the reads, however slow they are.
    await emulator.held(async () => {
      expect((await api.delete('model/training/gone')).json).toEqual({
        message: 'Model training gone was deleted',
      });
      expect((await api.get('model/training/gone')).json).toEqual({ message: 'entity "gone" is not found' });
      const lingering = await api.get('model/training/gone/log');
      expect([lingering.status, lingering.text]).toEqual([200, log]);
    });
    // The pass comes no earlier than one period after the DELETE.
    expect(await logGone('model/training/gone', deletedAt)).toBeGreaterThanOrEqual(LAUNCH_PERIOD_MS - 20);
    expect((await api.get('model/training/gone/log')).json).toEqual(notFound('modeltrainings', 'gone'));
  });

  it('a packaging still scheduled answers 500 until the pass, then the Kubernetes 404', async () => {
    const { status } = await trained('to-pack');
    await api.post('model/packaging', {
      id: 'to-pack',
      spec: {
        artifactName: status!.artifacts![0]!.artifactName,
        integrationName: 'docker-cli',
        arguments: { 'emulator-seconds': '5' },
      },
    });
    await api.waitFor<ModelPackaging>('model/packaging/to-pack', (p) => p.status?.state === 'scheduling');
    const deletedAt = Date.now();
    await emulator.held(async () => {
      await api.delete('model/packaging/to-pack');
      const early = await api.get('model/packaging/to-pack/log');
      expect([early.status, early.json]).toEqual([
        500,
        { message: 'model packaing to-pack has not started yet' },
      ]);
    });
    await logGone('model/packaging/to-pack', deletedAt);
    expect((await api.get('model/packaging/to-pack/log')).json).toEqual(
      notFound('modelpackagings', 'to-pack'),
    );
  });

  it('one the controller had not made yet leaves nothing behind', async () => {
    // Held: the controller cannot make the CR between the POST and the DELETE.
    await emulator.held(async () => {
      await api.post('model/training', training('unmade', { 'emulator-seconds': '5' }));
      await api.delete('model/training/unmade');
    });
    expect((await api.get('model/training/unmade/log')).json).toEqual(notFound('modeltrainings', 'unmade'));
  });

  it('a pod followed while it runs is removed by the pass: the stream ends', async () => {
    await api.post('model/training', training('followed', { 'emulator-seconds': '10' }));
    await api.waitFor<ModelTraining>('model/training/followed', (t) => t.status?.state === 'running');
    const response = await fetch(`${emulator.apiUrl}/api/v1/model/training/followed/log?follow=true`, {
      headers: { authorization: `Bearer ${api.token}` },
    });
    expect(response.status).toBe(200);
    const deletedAt = Date.now();
    await api.delete('model/training/followed');
    const text = await response.text();
    const ended = Date.now() - deletedAt;
    expect(ended).toBeGreaterThanOrEqual(LAUNCH_PERIOD_MS - 20);
    // Cut short by the pass (some 3 s into a 10 s run), not ended with the pod: no result step.
    expect(text).not.toContain('step-result');
  });
});

describe('a POST of the same id before the pass', () => {
  it('with the same spec takes the old run over: its status comes back, nothing runs again', async () => {
    const spec = training('again', { 'emulator-outcome': 'failed' });
    const first = await trained('again', { 'emulator-outcome': 'failed' });
    expect(first.status?.state).toBe('failed');
    // Held: the POST comes before the pass that would remove the CR.
    await emulator.held(async () => {
      await api.delete('model/training/again');
      expect((await api.get('model/training/again')).status).toBe(404);
      const created = await api.post<ModelTraining>('model/training', spec);
      expect([created.status, created.json.status]).toEqual([201, { state: 'unknown' }]);
    });
    const second = await api.waitFor<ModelTraining>('model/training/again', isFinal);
    expect(second.status).toEqual(first.status);
    // The CR was kept: the pass that would have removed it has found a row again.
    await emulator.advance(LAUNCH_PERIOD_MS + 100);
    expect((await api.get('model/training/again/log')).status).toBe(200);
  });

  it('with the same spec adopts a run still going, which finishes with one artifact', async () => {
    await api.post('model/training', training('midway', { 'emulator-seconds': '1' }));
    const running = await api.waitFor<ModelTraining>(
      'model/training/midway',
      (t) => t.status?.state === 'running',
    );
    await emulator.held(async () => {
      await api.delete('model/training/midway');
      await api.post('model/training', training('midway', { 'emulator-seconds': '1' }));
    });
    const done = await api.waitFor<ModelTraining>('model/training/midway', isFinal);
    expect(done.status?.state).toBe('succeeded');
    expect(done.status?.podName).toBe(running.status?.podName);
    expect(done.status?.artifacts).toHaveLength(1);
  });

  it('with a changed spec updates the CR and runs anew; its success replaces the earlier artifact', async () => {
    const first = await trained('changed');
    // Held: the POST comes before the pass, and the log is read before the new pod runs.
    await emulator.held(async () => {
      await api.delete('model/training/changed');
      await api.post('model/training', training('changed', { alpha: '2' }));
      // Still in Kubernetes: the new pod is not running yet (500), but there is no 404.
      expect((await api.get('model/training/changed/log')).status).toBe(500);
    });
    const second = await api.waitFor<ModelTraining>(
      'model/training/changed',
      (t) => isFinal(t) && t.status?.podName !== first.status?.podName,
    );
    expect(second.status?.state).toBe('succeeded');
    expect(second.status?.artifacts).toHaveLength(1);
    expect(second.status?.artifacts?.[0]?.runId).not.toBe(first.status?.artifacts?.[0]?.runId);
    expect((await api.get('model/training/changed/log')).text).toContain('Hyperparameter alpha=2');
  });
});

describe('a POST of the same id after the pass', () => {
  it('starts from scratch: a new CR, a new pod, only its own artifact', async () => {
    const first = await trained('later');
    const deletedAt = Date.now();
    await api.delete('model/training/later');
    await logGone('model/training/later', deletedAt);
    // Held: the log is read before the controller makes the new CR.
    await emulator.held(async () => {
      await api.post('model/training', training('later'));
      expect((await api.get('model/training/later/log')).status).toBe(404);
    });
    const second = await api.waitFor<ModelTraining>('model/training/later', isFinal);
    expect(second.status?.podName).not.toBe(first.status?.podName);
    expect(second.status?.artifacts).toHaveLength(1);
    expect(second.status?.artifacts?.[0]?.artifactName).not.toBe(first.status?.artifacts?.[0]?.artifactName);
  });
});

it('reports its controller period as common.launchPeriod, in nanoseconds', async () => {
  const { json } = await api.get<{ common: { launchPeriod: number } }>('configuration');
  expect(json.common.launchPeriod).toBe(LAUNCH_PERIOD_MS * 1e6);
});
