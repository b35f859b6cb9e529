// Fault injection on /api/v1: unreachable upstream (503), throttling (429 + Retry-After), latency,
// and a cut mid-answer after the request took effect; replayable with a seed.

import { Api, fetchToken } from './helpers/emulator-http.js';
import { startTestEmulator, type TestEmulator } from './helpers/emulator.js';

async function withEmulator(
  options: Parameters<typeof startTestEmulator>[0],
  test: (emulator: TestEmulator, api: Api) => Promise<void>,
) {
  const emulator = await startTestEmulator(options);
  try {
    await test(emulator, new Api(emulator, await fetchToken(emulator)));
  } finally {
    await emulator.close();
  }
}

const toolchain = (id: string) => ({
  id,
  spec: { entrypoint: '/bin/train', defaultImage: 'example/train:1' },
});

describe('faults', () => {
  it('fail-rate 1 answers every API request 503 without processing it; tokens still come', async () => {
    await withEmulator({ failRate: 1 }, async (_emulator, api) => {
      const reply = await api.post('toolchain/integration', toolchain('never'));
      expect(reply.status).toBe(503);
      expect(reply.text).toMatch(/^upstream connect error or disconnect\/reset before headers/);
      expect((await api.get('toolchain/integration/never')).status).toBe(503);
    });
  });

  it('throttle-rate 1 answers 429 with Retry-After', async () => {
    await withEmulator({ throttleRate: 1, retryAfterSeconds: 7 }, async (_emulator, api) => {
      const reply = await api.get('model/training');
      expect([reply.status, reply.headers.get('retry-after')]).toEqual([429, '7']);
    });
  });

  it('drop-rate 1 processes the request, then cuts the answer', async () => {
    await withEmulator({ dropRate: 1 }, async (emulator, api) => {
      await expect(api.post('toolchain/integration', toolchain('dropped'))).rejects.toThrow();
      // The write happened: a second POST finds it (409), even though this answer is cut too.
      const response = await fetch(`${emulator.apiUrl}/api/v1/toolchain/integration`, {
        method: 'POST',
        headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(toolchain('dropped')),
      });
      expect(response.status).toBe(409);
      await expect(response.text()).rejects.toThrow();
    });
  });

  it('latency-ms delays each API request', async () => {
    await withEmulator({ latencyMs: 250 }, async (_emulator, api) => {
      const started = Date.now();
      expect((await api.get('model/training')).status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(240);
    });
  });

  it('replays the same faults from the same seed', async () => {
    const statuses = async (): Promise<number[]> => {
      const seen: number[] = [];
      await withEmulator({ failRate: 0.5, seed: 42 }, async (_emulator, api) => {
        for (let i = 0; i < 12; i += 1) seen.push((await api.get('model/training')).status);
      });
      return seen;
    };
    const first = await statuses();
    expect(first).toContain(503);
    expect(first).toContain(200);
    expect(await statuses()).toEqual(first);
  });

  it('an outage answers every API request 503 for its span, keeps the state, and leaves tokens alone', async () => {
    await withEmulator({}, async (emulator, api) => {
      expect((await api.post('toolchain/integration', toolchain('kept'))).status).toBe(201);
      // Held: the outage cannot be over before the reads, however slow they are.
      await emulator.held(async () => {
        emulator.outage(0.5);
        const down = await api.get('toolchain/integration/kept');
        expect(down.status).toBe(503);
        expect(down.text).toMatch(/^upstream connect error/);
        expect(await fetchToken(emulator)).toMatch(/^ey/);
      });
      // Its end came due 0.5 s after it began, before this sleep ends.
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect((await api.get('toolchain/integration/kept')).status).toBe(200);
    });
  });

  it('an outage cuts the streams the API had open, as a restarting server does', async () => {
    await withEmulator({ trainingSeconds: 5 }, async (emulator, api) => {
      await api.post('model/training', {
        id: 'streamed',
        spec: {
          model: { name: 'm', version: '1' },
          toolchain: 'mlflow',
          algorithmSource: { objectStorage: { connection: 'models-output', path: 'code/' } },
        },
      });
      const state = async () =>
        (await api.get<{ status?: { state?: string } }>('model/training/streamed')).json.status?.state;
      while ((await state()) !== 'running') {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const response = await fetch(`${emulator.apiUrl}/api/v1/model/training/streamed/log?follow=true`, {
        headers: { authorization: `Bearer ${api.token}` },
      });
      expect(response.status).toBe(200);
      const reading = response.text();
      emulator.outage(0.2);
      await expect(reading).rejects.toThrow();
    });
  });

  it('planned outages start after start-up; an auth outage takes the token endpoint down instead', async () => {
    const emulator = await startTestEmulator({
      outages: [
        { target: 'auth', startSeconds: 0, seconds: 0.5 },
        { target: 'api', startSeconds: 0.6, seconds: 0.3 },
      ],
    });
    // Held from start-up on (the windows were planned in the turn that ends with it): each read
    // comes between two of the windows' steps, however slow the machine.
    emulator.clock.hold();
    try {
      const grant = await fetch(emulator.authUrl, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: emulator.clientId,
          client_secret: emulator.clientSecret,
        }),
      });
      expect(grant.status).toBe(503);
      emulator.clock.step(); // 0.5 s: the token endpoint is back
      const api = new Api(emulator, await fetchToken(emulator));
      expect((await api.get('model/training')).status).toBe(200);
      emulator.clock.step(); // 0.6 s: the API goes down
      expect((await api.get('model/training')).status).toBe(503);
      emulator.clock.step(); // 0.9 s: and comes back
      expect((await api.get('model/training')).status).toBe(200);
    } finally {
      emulator.clock.release();
      await emulator.close();
    }
  });
});
