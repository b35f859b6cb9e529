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
});
