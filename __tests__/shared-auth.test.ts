import { jest } from '@jest/globals';

import {
  ClientCredentialsTokenSource,
  StaticTokenSource,
  jwtExpiry,
  lifetimeOf,
  tokenSourceFor,
} from '../src/shared/odahu/auth.js';
import { AuthError } from '../src/shared/odahu/errors.js';
import { fakeJwt, sendJson, startTinyServer } from './helpers/tiny-server.js';
import type { TinyServer } from './helpers/tiny-server.js';

// Retries without waiting, so a count bounds them instead of the (wall-clock) time budget.
const fast = { sleep: () => Promise.resolve(), random: () => 0, policy: { attempts: 5 } };
const servers: TinyServer[] = [];

async function provider(handle: Parameters<typeof startTinyServer>[0]): Promise<TinyServer> {
  const server = await startTinyServer(handle);
  servers.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

function capturedStdout(): { lines: () => string[]; restore: () => void } {
  const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  return {
    lines: () => write.mock.calls.map(([chunk]) => String(chunk)),
    restore: () => write.mockRestore(),
  };
}

describe('the client-credentials grant', () => {
  test('a form POST; the id_token is the bearer, as the Odahu SDK sends it', async () => {
    const idToken = fakeJwt({ exp: Math.floor(Date.now() / 1000) + 600, sub: 'ci' });
    const server = await provider((_request, response) =>
      sendJson(response, 200, {
        access_token: 'access-1',
        id_token: idToken,
        expires_in: 300,
        token_type: 'Bearer',
      }),
    );
    const tokens = new ClientCredentialsTokenSource({
      authUrl: `${server.url}/token`,
      clientId: 'odahu-ci',
      clientSecret: 'grant-s1 &=',
      scope: 'openid profile',
    });
    expect(await tokens.token()).toBe(idToken);
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(request?.body))).toEqual({
      grant_type: 'client_credentials',
      client_id: 'odahu-ci',
      client_secret: 'grant-s1 &=',
      scope: 'openid profile',
    });
  });

  test('without an id_token, the access_token', async () => {
    const server = await provider((_request, response) =>
      sendJson(response, 200, { access_token: 'access-2' }),
    );
    const tokens = tokenSourceFor({
      type: 'client-credentials',
      authUrl: server.url,
      clientId: 'c',
      clientSecret: '',
      scope: 's',
    });
    expect(await tokens.token()).toBe('access-2');
  });

  test('one fetch for many callers, concurrent or later', async () => {
    const server = await provider((_request, response) =>
      setTimeout(() => sendJson(response, 200, { access_token: 'shared-1', expires_in: 300 }), 50),
    );
    const tokens = new ClientCredentialsTokenSource({
      authUrl: server.url,
      clientId: 'c',
      clientSecret: '',
      scope: 's',
    });
    const concurrent = await Promise.all([tokens.token(), tokens.token(), tokens.token()]);
    expect(concurrent).toEqual(['shared-1', 'shared-1', 'shared-1']);
    expect(await tokens.token()).toBe('shared-1');
    expect(server.requests).toHaveLength(1);
  });

  test('fetched again shortly before expiry: min(30 s, 10% of the lifetime)', async () => {
    let issued = 0;
    const server = await provider((_request, response) =>
      sendJson(response, 200, { access_token: `expiring-${++issued}`, expires_in: 100 }),
    );
    let now = 1_000_000;
    const tokens = new ClientCredentialsTokenSource({
      authUrl: server.url,
      clientId: 'c',
      clientSecret: '',
      scope: 's',
      now: () => now,
    });
    expect(await tokens.token()).toBe('expiring-1');
    now += 89_000; // 100 s lifetime, 10 s margin
    expect(await tokens.token()).toBe('expiring-1');
    now += 2_000;
    expect(await tokens.token()).toBe('expiring-2');
  });

  test('after a 401: one new token for all refused callers; an already replaced token is not refetched', async () => {
    let issued = 0;
    const server = await provider((_request, response) =>
      setTimeout(() => sendJson(response, 200, { access_token: `refreshed-${++issued}` }), 20),
    );
    const tokens = new ClientCredentialsTokenSource({
      authUrl: server.url,
      clientId: 'c',
      clientSecret: '',
      scope: 's',
    });
    const first = await tokens.token();
    const refreshed = await Promise.all([tokens.refresh(first), tokens.refresh(first)]);
    expect(refreshed).toEqual(['refreshed-2', 'refreshed-2']);
    expect(await tokens.refresh(first)).toBe('refreshed-2');
    expect(server.requests).toHaveLength(2);
  });

  test('retried on 503, like any call', async () => {
    let calls = 0;
    const server = await provider((_request, response) =>
      ++calls < 3
        ? sendJson(response, 503, { error: 'temporarily_unavailable' })
        : sendJson(response, 200, { access_token: 'after-503' }),
    );
    const tokens = new ClientCredentialsTokenSource({
      authUrl: server.url,
      clientId: 'c',
      clientSecret: '',
      scope: 's',
      retry: fast,
    });
    expect(await tokens.token()).toBe('after-503');
  });
});

describe('an issuer given as auth-url', () => {
  test('a 404/405 from it: the token endpoint from its OpenID configuration, said once in the log', async () => {
    const server = await provider((request, response) => {
      if (request.url === '/realms/odahu/.well-known/openid-configuration') {
        return sendJson(response, 200, {
          issuer: 'x',
          token_endpoint: `${server.url}/realms/odahu/protocol/openid-connect/token`,
        });
      }
      if (request.url === '/realms/odahu/protocol/openid-connect/token') {
        return sendJson(response, 200, {
          access_token: `discovered-${server.requests.length}`,
          expires_in: 1,
        });
      }
      response.writeHead(405).end();
    });
    const stdout = capturedStdout();
    try {
      let now = 0;
      const tokens = new ClientCredentialsTokenSource({
        authUrl: `${server.url}/realms/odahu/`,
        clientId: 'c',
        clientSecret: 'issuer-s1',
        scope: 's',
        now: () => now,
      });
      expect(await tokens.token()).toBe('discovered-3');
      // Due again: the next fetch goes straight to the token endpoint.
      now += 1000;
      expect(await tokens.token()).toBe('discovered-4');
      expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
        'POST /realms/odahu/',
        'GET /realms/odahu/.well-known/openid-configuration',
        'POST /realms/odahu/protocol/openid-connect/token',
        'POST /realms/odahu/protocol/openid-connect/token',
      ]);
      const said = stdout.lines().filter((line) => line.includes('is not a token endpoint'));
      expect(said).toEqual([
        `auth-url ${server.url}/realms/odahu/ is not a token endpoint (it answered 405); ` +
          `using ${server.url}/realms/odahu/protocol/openid-connect/token from its OpenID configuration\n`,
      ]);
    } finally {
      stdout.restore();
    }
  });

  test('no OpenID configuration either: an AuthError that says what was tried', async () => {
    const server = await provider((_request, response) => response.writeHead(404).end('404 page not found'));
    const tokens = new ClientCredentialsTokenSource({
      authUrl: server.url,
      clientId: 'c',
      clientSecret: '',
      scope: 's',
    });
    await expect(tokens.token()).rejects.toThrow(
      `authentication failed at ${server.url}: it answered 404 to the token request and ` +
        `${server.url}/.well-known/openid-configuration answered 404 without a token_endpoint: ` +
        'is it the token endpoint or the issuer URL?',
    );
  });
});

describe('failures', () => {
  test("a wrong secret: the server's error_description, never the secret", async () => {
    const server = await provider((request, response) =>
      sendJson(response, 401, {
        error: 'unauthorized_client',
        error_description: `Invalid client secret ${new URLSearchParams(request.body).get('client_secret')}`,
      }),
    );
    const tokens = new ClientCredentialsTokenSource({
      authUrl: `${server.url}/token`,
      clientId: 'c',
      clientSecret: 'wrong-s1',
      scope: 's',
    });
    const error = await tokens.token().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).message).toBe(
      `authentication failed at ${server.url}/token: Invalid client secret ***`,
    );
  });

  test('an answer without a token, or not JSON', async () => {
    const server = await provider((request, response) =>
      request.url === '/empty'
        ? sendJson(response, 200, { token_type: 'Bearer' })
        : response.writeHead(200).end('<html>'),
    );
    const source = (path: string) =>
      new ClientCredentialsTokenSource({
        authUrl: `${server.url}${path}`,
        clientId: 'c',
        clientSecret: '',
        scope: 's',
      });
    await expect(source('/empty').token()).rejects.toThrow(
      `authentication failed at ${server.url}/empty: the answer holds neither an id_token nor an access_token`,
    );
    await expect(source('/html').token()).rejects.toThrow(
      `authentication failed at ${server.url}/html: the answer is not a JSON object`,
    );
  });

  test('an unreachable token endpoint: an AuthError naming it and the cause', async () => {
    const server = await provider(() => undefined);
    const url = `${server.url}/token`;
    await server.close();
    servers.length = 0;
    const tokens = new ClientCredentialsTokenSource({
      authUrl: url,
      clientId: 'c',
      clientSecret: '',
      scope: 's',
      retry: fast,
    });
    const error = await tokens.token().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as Error).message).toMatch(
      new RegExp(
        `^authentication failed at ${url}: network error: connect ECONNREFUSED 127\\.0\\.0\\.1:\\d+ \\(tried for 0s, 5 attempts\\)$`,
      ),
    );
  });

  test('a caller can stop waiting for the shared fetch', async () => {
    const server = await provider((_request, response) =>
      setTimeout(() => sendJson(response, 200, { access_token: 'late' }), 300),
    );
    const tokens = new ClientCredentialsTokenSource({
      authUrl: server.url,
      clientId: 'c',
      clientSecret: '',
      scope: 's',
    });
    const waiting = tokens.token(AbortSignal.timeout(20));
    const patient = tokens.token();
    await expect(waiting).rejects.toThrow(/timeout|abort/i);
    expect(await patient).toBe('late');
  });
});

describe('static tokens and expiry', () => {
  test('a static token is used as it is and cannot be refreshed', async () => {
    const tokens = new StaticTokenSource('static-t1');
    expect(await tokens.token()).toBe('static-t1');
    expect(await tokens.refresh()).toBeUndefined();
  });

  test("the lifetime: the JWT's exp, else expires_in, else unknown", () => {
    const now = 1_700_000_000_000;
    const jwt = fakeJwt({ exp: now / 1000 + 120 });
    expect(jwtExpiry(jwt)).toBe(now / 1000 + 120);
    expect(lifetimeOf(jwt, 300, now)).toBe(120_000);
    expect(lifetimeOf('opaque', 300, now)).toBe(300_000);
    expect(lifetimeOf('opaque', '60', now)).toBe(60_000);
    // An exp already past (a clock behind the issuer's): expires_in decides.
    expect(lifetimeOf(fakeJwt({ exp: now / 1000 - 5 }), 300, now)).toBe(300_000);
    expect(lifetimeOf('opaque', undefined, now)).toBeUndefined();
    expect(jwtExpiry('a.b')).toBeUndefined();
    expect(jwtExpiry('a.!!!.c')).toBeUndefined();
  });
});
