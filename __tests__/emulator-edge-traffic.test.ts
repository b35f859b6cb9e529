// The edge's traffic as Istio's VirtualServices make it: a custom route split among its targets by
// weight, the previous split kept while a new target is not Ready, a deleted target left out; and
// the annotations that make a model server misbehave (errors, latency, shifted predictions).

import { Api, call, fetchToken, sleep } from './helpers/emulator-http.js';
import { startTestEmulator, type TestEmulator } from './helpers/emulator.js';
import type { ModelDeployment, ModelRoute } from '../src/shared/odahu/types.js';

let emulator: TestEmulator;
let api: Api;

beforeAll(async () => {
  // A fixed seed: the same weighted draws on every run.
  emulator = await startTestEmulator({ seed: 13 });
  api = new Api(emulator, await fetchToken(emulator));
});

afterAll(() => emulator.close());

/** A deployment of an image from outside the cluster's registries: its model is named after it. */
async function deploy(id: string, annotations: Record<string, string> = {}): Promise<void> {
  const created = await api.post('model/deployment', {
    id,
    spec: { image: `ghcr.io/acme/${id}:1`, predictor: 'odahu-ml-server', annotations },
  });
  expect(created.status).toBe(201);
}

const ready = (id: string) =>
  api.waitFor<ModelDeployment>(`model/deployment/${id}`, (d) => d.status?.state === 'Ready');

const routeReady = (id: string) =>
  api.waitFor<ModelRoute>(`model/route/${id}`, (r) => r.status?.state === 'Ready');

/** Waits out the edge's warm-up of newly Ready models (503 meanwhile). */
const WARM_UP_MS = 100;
const warmedUp = () => sleep(WARM_UP_MS);

/** How many of `count` info requests each model answered (by its model-name header). */
async function split(url: string, count: number): Promise<Record<string, number>> {
  const seen: Record<string, number> = {};
  for (let i = 0; i < count; i++) {
    const reply = await call(`${url}/api/model/info`, 'GET', api.token);
    expect(reply.status).toBe(200);
    const name = reply.headers.get('model-name') ?? 'none';
    seen[name] = (seen[name] ?? 0) + 1;
  }
  return seen;
}

describe('a custom route with several targets', () => {
  const url = () => `${emulator.edgeUrl}/custom/split`;
  const route = (targets: { mdName: string; weight: number }[]) => ({
    id: 'split',
    spec: { urlPrefix: '/custom/split', modelDeployments: targets },
  });

  beforeAll(async () => {
    await deploy('split-a');
    await deploy('split-b');
    await Promise.all([ready('split-a'), ready('split-b')]);
  });

  it('splits the traffic by weight', async () => {
    expect(
      (
        await api.post(
          'model/route',
          route([
            { mdName: 'split-a', weight: 25 },
            { mdName: 'split-b', weight: 75 },
          ]),
        )
      ).status,
    ).toBe(201);
    await routeReady('split');
    await warmedUp();
    const seen = await split(url(), 400);
    expect(Object.keys(seen).sort()).toEqual(['split-a', 'split-b']);
    // 100 expected of 400; the band is more than four standard deviations wide.
    expect(seen['split-a']).toBeGreaterThan(60);
    expect(seen['split-a']).toBeLessThan(140);
  });

  it('keeps the previous split until a new target is Ready, then follows the new weights', async () => {
    // Held: split-c cannot turn Ready before the route controller's pass, nor during the requests.
    await emulator.held(async () => {
      await deploy('split-c');
      const put = await api.put<ModelRoute>(
        'model/route',
        route([
          { mdName: 'split-a', weight: 0 },
          { mdName: 'split-c', weight: 100 },
        ]),
      );
      expect([put.status, put.json.status]).toEqual([200, { edgeUrl: '', state: '' }]);
      // The route controller's pass finds split-c not Ready: Processing, and the old VirtualService.
      await api.stepUntil<ModelRoute>('model/route/split', (r) => r.status?.state === 'Processing');
      expect((await api.get<ModelDeployment>('model/deployment/split-c')).json.status?.state).not.toBe(
        'Ready',
      );
      const before = await split(url(), 40);
      expect(Object.keys(before).sort()).toEqual(['split-a', 'split-b']);
    });
    await ready('split-c');
    await routeReady('split');
    await warmedUp();
    // Weight 0 gets nothing: every request goes to split-c.
    expect(await split(url(), 40)).toEqual({ 'split-c': 40 });
  });

  it('leaves a deleted target out, and stays Processing', async () => {
    const put = await api.put(
      'model/route',
      route([
        { mdName: 'split-a', weight: 50 },
        { mdName: 'split-b', weight: 50 },
      ]),
    );
    expect(put.status).toBe(200);
    await routeReady('split');
    await api.delete('model/deployment/split-b');
    await api.waitFor('model/deployment', (list: ModelDeployment[]) => !list.some((d) => d.id === 'split-b'));
    await api.waitFor<ModelRoute>('model/route/split', (r) => r.status?.state === 'Processing');
    expect(await split(url(), 20)).toEqual({ 'split-a': 20 });
  });
});

describe('a model server told to misbehave by its annotations', () => {
  it('adds emulator-prediction-offset to each prediction and emulator-latency-ms to each answer', async () => {
    await deploy('odd', { 'emulator-prediction-offset': '0.25', 'emulator-latency-ms': '150' });
    await ready('odd');
    const url = `${emulator.edgeUrl}/model/odd`;
    await warmedUp();
    const started = Date.now();
    const reply = await call(`${url}/api/model/invoke`, 'POST', api.token, {
      data: [
        [1, 2],
        [4, 4],
      ],
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect([reply.status, reply.text]).toEqual([
      200,
      '{"prediction": [1.75, 4.25], "columns": ["prediction"]}',
    ]);
  });

  it('answers a share emulator-error-rate of its API calls with a crash (500), never its health check', async () => {
    await deploy('flaky', { 'emulator-error-rate': '0.5' });
    await deploy('broken', { 'emulator-error-rate': '1' });
    await Promise.all([ready('flaky'), ready('broken')]);
    await warmedUp();
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) {
      statuses.push((await call(`${emulator.edgeUrl}/model/flaky/api/model/info`, 'GET', api.token)).status);
    }
    const failed = statuses.filter((s) => s === 500).length;
    expect(statuses.filter((s) => s !== 500 && s !== 200)).toEqual([]);
    expect(failed).toBeGreaterThan(10);
    expect(failed).toBeLessThan(50);
    const crash = await call(`${emulator.edgeUrl}/model/broken/api/model/invoke`, 'POST', api.token, {
      data: [[1]],
    });
    expect(crash.status).toBe(500);
    expect(crash.text).toContain('<title>500 Internal Server Error</title>');
    expect(crash.headers.get('model-name')).toBe('broken');
    const health = await call(`${emulator.edgeUrl}/model/broken/healthcheck`, 'GET', null);
    expect([health.status, health.text]).toEqual([200, '{"status": true}']);
  });

  it('answers 1 - p for a share emulator-prediction-flip of rows, the same rows in any batch and order', async () => {
    await deploy('flip', { 'emulator-prediction-flip': '0.3' });
    await ready('flip');
    await warmedUp();
    const rows = Array.from({ length: 200 }, (_, i) => [i / 200, i / 200]);
    const ask = async (data: number[][]) => {
      const reply = await call(`${emulator.edgeUrl}/model/flip/api/model/invoke`, 'POST', api.token, {
        data,
      });
      expect(reply.status).toBe(200);
      return (JSON.parse(reply.text) as { prediction: number[] }).prediction;
    };
    const flipped = (await ask(rows)).map((p, i) => p !== i / 200);
    expect((await ask(rows)).map((p, i) => p === (flipped[i] ? 1 - i / 200 : i / 200))).not.toContain(false);
    const share = flipped.filter(Boolean).length / rows.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.4);
    // Reversed, and in batches of 7: the same rows flip.
    const reversed = [...rows].reverse();
    const again: boolean[] = [];
    for (let i = 0; i < reversed.length; i += 7) {
      const batch = reversed.slice(i, i + 7);
      again.push(...(await ask(batch)).map((p, j) => p !== batch[j]![0]));
    }
    expect(again.reverse()).toEqual(flipped);
  });

  it('fails the request for a share emulator-row-error-rate of rows, chosen by their values', async () => {
    await deploy('rows', { 'emulator-row-error-rate': '0.1' });
    await ready('rows');
    await warmedUp();
    const ask = (data: number[][]) =>
      call(`${emulator.edgeUrl}/model/rows/api/model/invoke`, 'POST', api.token, { data });
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++) statuses.push((await ask([[i, 1]])).status);
    const failing = statuses.flatMap((status, i) => (status === 500 ? [i] : []));
    expect(statuses.filter((s) => s !== 500 && s !== 200)).toEqual([]);
    expect(failing.length).toBeGreaterThan(2);
    expect(failing.length).toBeLessThan(25);
    // The same row fails again; a batch holding it fails whole, naming the row.
    expect((await ask([[failing[0]!, 1]])).status).toBe(500);
    const batch = await ask([
      [-0.5, 1],
      [failing[0]!, 1],
    ]);
    expect(batch.status).toBe(500);
    expect(JSON.parse(batch.text)).toEqual({
      message: expect.stringMatching(/^Exception during prediction: row 1 is outside the range/),
    });
  });

  it('ignores values out of range', async () => {
    await deploy('sane', {
      'emulator-error-rate': '2',
      'emulator-latency-ms': '-5',
      'emulator-prediction-offset': 'x',
      'emulator-prediction-flip': '1.5',
      'emulator-row-error-rate': '-1',
    });
    await ready('sane');
    await warmedUp();
    const reply = await call(`${emulator.edgeUrl}/model/sane/api/model/invoke`, 'POST', api.token, {
      data: [[3]],
    });
    expect([reply.status, reply.text]).toEqual([200, '{"prediction": [3.0], "columns": ["prediction"]}']);
  });
});
