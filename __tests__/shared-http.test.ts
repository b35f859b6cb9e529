// The transport against tiny real servers, for what the emulator does not play: a proxy's HTML
// page, a redirect to a login page, an answer that is not JSON, a server that never answers.

import { jest } from '@jest/globals';

import type { TokenSource } from '../src/shared/odahu/auth.js';
import { ApiError, NetworkError } from '../src/shared/odahu/errors.js';
import { Transport } from '../src/shared/odahu/http.js';
import { sendJson, startTinyServer } from './helpers/tiny-server.js';
import type { TinyServer } from './helpers/tiny-server.js';

// Retries without waiting, so a count bounds them instead of the (wall-clock) time budget.
const fast = { sleep: () => Promise.resolve(), random: () => 0, policy: { attempts: 5 } };
const servers: TinyServer[] = [];
const transports: Transport[] = [];

async function server(handle: Parameters<typeof startTinyServer>[0]): Promise<TinyServer> {
  const started = await startTinyServer(handle);
  servers.push(started);
  return started;
}

/** Hands out token-1, token-2, ... and counts refreshes. */
function countingTokens(): TokenSource & { refreshes: number } {
  let current = 'http-token-1';
  return {
    refreshes: 0,
    token: () => Promise.resolve(current),
    refresh(this: { refreshes: number }) {
      this.refreshes++;
      current = `http-token-${this.refreshes + 1}`;
      return Promise.resolve(current);
    },
  };
}

function transportFor(baseUrl: string, tokens: TokenSource = countingTokens()): Transport {
  const transport = new Transport({ baseUrl, tokens, retry: fast });
  transports.push(transport);
  return transport;
}

afterEach(async () => {
  transports.splice(0).forEach((transport) => transport.dispose());
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

test('JSON in and out, the bearer token, repeated query parameters', async () => {
  const api = await server((request, response) =>
    sendJson(response, 200, { echo: JSON.parse(request.body) as unknown }),
  );
  const answer = await transportFor(`${api.url}/api/v1/`).json('POST', '/model/training', {
    body: { id: 'wine' },
    query: { toolchain: ['mlflow', 'sklearn'], size: 2, follow: true, skipped: undefined },
  });
  expect(answer).toEqual({ echo: { id: 'wine' } });
  const [request] = api.requests;
  expect(request?.url).toBe('/api/v1/model/training?toolchain=mlflow&toolchain=sklearn&size=2&follow=true');
  expect(request?.headers).toMatchObject({
    authorization: 'Bearer http-token-1',
    'content-type': 'application/json; charset=utf-8',
    accept: 'application/json',
    'user-agent': 'odahu-actions',
  });
});

test("a proxy's HTML error page: its title, retried, then an ApiError saying how often", async () => {
  const api = await server((_request, response) => {
    response.writeHead(502, { 'content-type': 'text/html' });
    response.end('<html>\n<head><title>502 Bad Gateway</title></head>\n<body>nginx</body></html>');
  });
  const error = await transportFor(api.url)
    .json('GET', '/configuration')
    .catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).message).toBe(
    `GET ${api.url}/configuration failed: 502 502 Bad Gateway (tried for 0s, 5 attempts)`,
  );
  expect(api.requests).toHaveLength(5);
});

test('a text error body: its start; an empty one: the reason phrase', async () => {
  const api = await server((request, response) =>
    request.url === '/text'
      ? response.writeHead(404).end('404 page not found')
      : response.writeHead(403).end(),
  );
  const transport = transportFor(api.url);
  await expect(transport.json('GET', '/text')).rejects.toThrow(
    `GET ${api.url}/text failed: 404 404 page not found`,
  );
  await expect(transport.json('DELETE', '/empty')).rejects.toThrow(
    `DELETE ${api.url}/empty failed: 403 Forbidden`,
  );
});

test('a 2xx answer that is not JSON is an error; an empty one is undefined', async () => {
  const api = await server((request, response) =>
    request.url === '/page'
      ? response.writeHead(200).end('<!doctype html><p>Odahu UI</p>')
      : response.writeHead(200).end(),
  );
  const transport = transportFor(api.url);
  await expect(transport.json('GET', '/page')).rejects.toThrow(
    `GET ${api.url}/page failed: 200 the answer is not JSON: <!doctype html><p>Odahu UI</p>`,
  );
  await expect(transport.json('GET', '/empty')).resolves.toBeUndefined();
});

test('a 401: one new token and once more; a second 401 is the answer', async () => {
  const api = await server((request, response) =>
    request.headers.authorization === 'Bearer http-token-2' && request.url === '/ok'
      ? sendJson(response, 200, { ok: true })
      : sendJson(response, 401, { message: 'Jwt is expired' }),
  );
  const tokens = countingTokens();
  const transport = transportFor(api.url, tokens);
  await expect(transport.json('GET', '/ok')).resolves.toEqual({ ok: true });
  expect(tokens.refreshes).toBe(1);
  await expect(transport.json('GET', '/never')).rejects.toThrow(
    `GET ${api.url}/never failed: 401 Jwt is expired`,
  );
  expect(tokens.refreshes).toBe(2);
  expect(api.requests.map((r) => r.headers.authorization)).toEqual([
    'Bearer http-token-1',
    'Bearer http-token-2',
    'Bearer http-token-2',
    'Bearer http-token-3',
  ]);
});

test('a redirect to another host is a login page: refresh once, then an error naming where it led', async () => {
  const api = await server((_request, response) =>
    response.writeHead(302, { location: 'https://login.example.com/oauth2/start?rd=%2Fsecret-state' }).end(),
  );
  const tokens = countingTokens();
  await expect(transportFor(api.url, tokens).json('GET', '/user/info')).rejects.toThrow(
    `GET ${api.url}/user/info failed: 302 redirected to https://login.example.com/oauth2/start`,
  );
  expect(tokens.refreshes).toBe(1);
});

test('a static token that is refused: no refresh, the 401 as it is', async () => {
  const api = await server((_request, response) => response.writeHead(401).end());
  const tokens: TokenSource = {
    token: () => Promise.resolve('static'),
    refresh: () => Promise.resolve(undefined),
  };
  await expect(transportFor(api.url, tokens).json('GET', '/x')).rejects.toThrow(
    `GET ${api.url}/x failed: 401 Unauthorized`,
  );
  expect(api.requests).toHaveLength(1);
});

test('a write that may have reached the server is not sent again when it is not idempotent', async () => {
  const api = await server((request, response) => response.socket?.destroy());
  await expect(
    transportFor(api.url).json('POST', '/batch/job', { body: { spec: {} }, idempotent: false }),
  ).rejects.toBeInstanceOf(NetworkError);
  expect(api.requests).toHaveLength(1);
});

test('an abort stops a call that hangs, and a call that waits to retry', async () => {
  const api = await server((request, response) => {
    if (request.url === '/busy') response.writeHead(429, { 'retry-after': '30' }).end();
    // '/hang' never answers.
  });
  const transport = transportFor(api.url);
  const started = Date.now();
  await expect(transport.json('GET', '/hang', { signal: AbortSignal.timeout(50) })).rejects.toThrow(
    /timeout|abort/i,
  );
  const slowRetries = new Transport({ baseUrl: api.url, tokens: countingTokens() });
  transports.push(slowRetries);
  await expect(slowRetries.json('GET', '/busy', { signal: AbortSignal.timeout(50) })).rejects.toThrow(
    /timeout|abort/i,
  );
  // Long before the 30 s Retry-After (a ceiling, however loaded the machine).
  expect(Date.now() - started).toBeLessThan(10_000);
});

test('each attempt and each retry is debug-logged with its wait, never a header', async () => {
  let calls = 0;
  const api = await server((_request, response) =>
    ++calls === 1 ? response.writeHead(503).end('upstream connect error') : sendJson(response, 200, {}),
  );
  const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    await new Transport({
      baseUrl: api.url,
      tokens: countingTokens(),
      retry: { ...fast, random: () => 0.5 },
    }).json('GET', '/model/route');
    const lines = write.mock.calls.map(([chunk]) => String(chunk));
    expect(lines).toEqual([
      `::debug::GET ${api.url}/model/route (attempt 1)\n`,
      `::debug::GET ${api.url}/model/route failed: 503 upstream connect error; attempt 2 in 375 ms\n`,
      `::debug::GET ${api.url}/model/route (attempt 2)\n`,
    ]);
    expect(lines.join('')).not.toContain('http-token');
  } finally {
    write.mockRestore();
  }
});

test('a followed log stream stops when the call is aborted', async () => {
  const api = await server((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.write('INFO\tstep-trainer\tepoch 1\n');
    // ... and the pod keeps running.
  });
  const controller = new AbortController();
  const stream = await transportFor(api.url).stream('/model/training/wine/log', {
    query: { follow: true },
    signal: controller.signal,
  });
  const chunks: string[] = [];
  const reading = (async () => {
    for await (const chunk of stream) {
      chunks.push(String(chunk));
      controller.abort();
    }
  })();
  await expect(reading).rejects.toThrow(/abort|premature close/i);
  expect(chunks).toEqual(['INFO\tstep-trainer\tepoch 1\n']);
  expect(api.requests[0]?.url).toBe('/model/training/wine/log?follow=true');
});

describe('a server that has never answered this step: given up in about 30 s, not the retry budget', () => {
  /** A clock the retries' waits move on, and a closed port on 127.0.0.1 (connections refused). */
  async function setUp() {
    let now = 1_000_000;
    const retry = {
      sleep: (ms: number) => {
        now += ms;
        return Promise.resolve();
      },
      now: () => now,
      random: () => 0,
      policy: { budgetMs: 180_000 },
    };
    const api = await startTinyServer((_request, response) => sendJson(response, 200, { ok: true }));
    return { retry, api, elapsed: (from: number) => now - from, at: () => now };
  }

  test('a URL nothing listens on: one line naming it, after about 30 s of tries', async () => {
    const { retry, api, elapsed, at } = await setUp();
    await api.close();
    const transport = new Transport({ baseUrl: `${api.url}/api/v1`, tokens: countingTokens(), retry });
    transports.push(transport);
    const started = at();
    const error = await transport.json('GET', '/model/training/wine').catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toMatch(
      new RegExp(
        `^GET ${api.url}/api/v1/model/training/wine failed: network error: .*ECONNREFUSED.* \\(tried for \\d+s, \\d+ attempts; ` +
          'the Odahu API has not answered once since the step began: is the URL right\\?\\)$',
      ),
    );
    expect(elapsed(started)).toBeGreaterThanOrEqual(20_000);
    expect(elapsed(started)).toBeLessThanOrEqual(30_000);
  });

  test('a server that answered once and then stops: the whole retry budget, as an outage', async () => {
    const { retry, api, elapsed, at } = await setUp();
    const transport = new Transport({ baseUrl: `${api.url}/api/v1`, tokens: countingTokens(), retry });
    transports.push(transport);
    await expect(transport.json('GET', '/model/training/wine')).resolves.toEqual({ ok: true });
    await api.close();
    const started = at();
    const error = await transport.json('GET', '/model/training/wine').catch((thrown: unknown) => thrown);
    expect((error as Error).message).toMatch(/ECONNREFUSED.* \(tried for 3m, \d+ attempts\)$/);
    expect(elapsed(started)).toBe(180_000);
  });
});
