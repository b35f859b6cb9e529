// auth github-oidc in the actions' token source, over real HTTP: the runner's GitHub token service
// (what core.getIDToken asks, through ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN) and the emulator's
// Keycloak with a federated client for the job's subject. The form, a fresh GitHub token for every
// grant (renewals included), and the refusals users see.

import { createServer, type AddressInfo } from 'node:net';
import { jest } from '@jest/globals';
import { decodeJwt } from 'jose';
import { ClientCredentialsTokenSource, tokenSourceFor } from '../src/shared/odahu/auth.js';
import { AuthError } from '../src/shared/odahu/errors.js';
import { GitHubIdToken } from '../src/shared/odahu/github-oidc.js';
import { realmIssuerOf } from '../src/shared/odahu/settings.js';
import { gitHubClaims } from '../src/workflow/github-claims.js';
import type { IdTokenGrant } from '../src/workflow/id-token-service.js';
import { IdTokenService } from '../src/workflow/id-token-service.js';
import { startTestEmulator, type TestEmulator } from './helpers/emulator.js';
import { EmulatorTime } from './helpers/emulator-time.js';
import { useClock } from '../src/shared/clock.js';
import { sendJson, startTinyServer } from './helpers/tiny-server.js';

const github = {
  repository: 'acme/models',
  repository_owner: 'acme',
  ref: 'refs/heads/main',
  event_name: 'push',
};
const MAIN = 'repo:acme/models:ref:refs/heads/main';

let service: IdTokenService;
let emulator: TestEmulator;
let job: IdTokenGrant;

beforeAll(async () => {
  service = await IdTokenService.start();
  emulator = await startTestEmulator({
    tokenTtlSeconds: 60,
    federatedClients: [{ clientId: 'github-main', role: 'admin', issuer: service.issuer, subject: MAIN }],
  });
  job = service.grant(gitHubClaims({ github }));
  // core's output (debug lines, masks) is not what these tests read.
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
});

beforeEach(() => Object.assign(process.env, job.env));

afterEach(() => {
  delete process.env.ACTIONS_ID_TOKEN_REQUEST_URL;
  delete process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
});

afterAll(async () => {
  jest.restoreAllMocks();
  await emulator.close();
  await service.close();
});

/** A port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** core.getIDToken, counting the tokens it got and keeping the last. */
function countingRequest() {
  const seen: string[] = [];
  return {
    seen,
    request: async (audience: string) => {
      const { getIDToken } = await import('@actions/core');
      const token = await getIDToken(audience);
      seen.push(token);
      return token;
    },
  };
}

test("the grant sends the job's GitHub token as client_assertion, with no client_id and no secret", async () => {
  const server = await startTinyServer((_request, response) =>
    sendJson(response, 200, { access_token: 'a1', expires_in: 300 }),
  );
  try {
    const tokens = tokenSourceFor({
      type: 'github-oidc',
      authUrl: `${server.url}/token`,
      audience: 'https://keycloak.example.com/realms/odahu',
      scope: 'openid',
    });
    expect(await tokens.token()).toBe('a1');
    const form = Object.fromEntries(new URLSearchParams(server.requests[0]?.body));
    expect(Object.keys(form).sort()).toEqual([
      'client_assertion',
      'client_assertion_type',
      'grant_type',
      'scope',
    ]);
    expect(form).toMatchObject({
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      scope: 'openid',
    });
    expect(decodeJwt(form.client_assertion!)).toMatchObject({
      iss: service.issuer,
      sub: MAIN,
      aud: 'https://keycloak.example.com/realms/odahu',
    });
  } finally {
    await server.close();
  }
});

test('Keycloak takes it; renewals before expiry and after a 401 ask GitHub for a fresh token each time', async () => {
  let clock = Date.now();
  const asked = countingRequest();
  const tokens = new ClientCredentialsTokenSource({
    authUrl: emulator.authUrl,
    scope: 'openid',
    assertion: new GitHubIdToken(emulator.issuer, asked.request),
    now: () => clock,
  });
  const first = await tokens.token();
  expect(decodeJwt(first)).toMatchObject({ azp: 'github-main', iss: emulator.issuer });
  expect(await tokens.token()).toBe(first);
  // 60 s tokens are renewed 6 s before they expire; Keycloak would refuse a GitHub token taken twice.
  clock += 55_000;
  const second = await tokens.token();
  expect(second).not.toBe(first);
  const third = await tokens.refresh(second);
  expect(third).not.toBe(second);
  expect(asked.seen).toHaveLength(3);
  expect(new Set(asked.seen.map((token) => decodeJwt(token).jti)).size).toBe(3);
});

test('auth-url the realm issuer, or its OpenID configuration: the token endpoint and the audience from it', async () => {
  for (const authUrl of [emulator.issuer, `${emulator.issuer}/.well-known/openid-configuration`]) {
    const asked = countingRequest();
    const tokens = new ClientCredentialsTokenSource({
      authUrl,
      scope: 'openid',
      assertion: new GitHubIdToken(undefined, asked.request),
    });
    expect(decodeJwt(await tokens.token())).toMatchObject({ azp: 'github-main' });
    // Every GitHub token asked for the issuer; the issuer URL itself was tried as a token endpoint first.
    expect(asked.seen.map((token) => decodeJwt(token).aud)).toEqual(
      authUrl === emulator.issuer ? [emulator.issuer, emulator.issuer] : [emulator.issuer],
    );
  }
});

test("an auth-url inside the cluster: the audience is the realm's public issuer, from its OpenID configuration", async () => {
  // Keycloak behind its public name (here localhost): its issuer is that name, whatever address the
  // step calls (here 127.0.0.1).
  const port = await freePort();
  const publicIssuer = `http://localhost:${port}/auth/realms/odahu`;
  const inside = await startTestEmulator({
    port,
    publicUrl: `http://localhost:${port}`,
    federatedClients: [{ clientId: 'github-main', role: 'admin', issuer: service.issuer, subject: MAIN }],
  });
  try {
    const address = `127.0.0.1:${port}`;
    expect(inside.issuer).toBe(publicIssuer);
    const asked = countingRequest();
    // auth-url inside, no oidc-audience: as the settings give them, with the GitHub tokens counted.
    const counted = new ClientCredentialsTokenSource({
      authUrl: `http://${address}/auth/realms/odahu/protocol/openid-connect/token`,
      scope: 'openid',
      assertion: new GitHubIdToken(undefined, asked.request),
    });
    expect(decodeJwt(await counted.token())).toMatchObject({ azp: 'github-main', iss: publicIssuer });
    expect(decodeJwt(asked.seen[0]!).aud).toBe(publicIssuer);
    // Cutting the token path off the inside address would have asked for the wrong audience.
    expect(realmIssuerOf(`http://${address}/auth/realms/odahu/protocol/openid-connect/token`)).not.toBe(
      publicIssuer,
    );
  } finally {
    await inside.close();
  }
});

test('no OpenID configuration behind the token endpoint: the audience is the auth-url without its token path', async () => {
  const server = await startTinyServer((request, response) => {
    if (request.method === 'POST') sendJson(response, 200, { access_token: 'a1', expires_in: 300 });
    else sendJson(response, 404, { error: 'not found' });
  });
  try {
    const asked = countingRequest();
    const tokens = new ClientCredentialsTokenSource({
      authUrl: `${server.url}/realms/odahu/protocol/openid-connect/token`,
      scope: 'openid',
      assertion: new GitHubIdToken(undefined, asked.request),
    });
    expect(await tokens.token()).toBe('a1');
    expect(server.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      'GET /realms/odahu/.well-known/openid-configuration',
      'POST /realms/odahu/protocol/openid-connect/token',
    ]);
    expect(decodeJwt(asked.seen[0]!).aud).toBe(`${server.url}/realms/odahu`);
  } finally {
    await server.close();
  }
});

test("a subject the realm does not trust: Keycloak's refusal with the token's sub and aud, never the token", async () => {
  const asked = countingRequest();
  const dev = service.grant(gitHubClaims({ github: { ...github, ref: 'refs/heads/dev' } }));
  Object.assign(process.env, dev.env);
  const tokens = new ClientCredentialsTokenSource({
    authUrl: emulator.authUrl,
    scope: 'openid',
    assertion: new GitHubIdToken(emulator.issuer, asked.request),
  });
  const error = await tokens.token().then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AuthError);
  expect((error as AuthError).message).toBe(
    `authentication failed at ${emulator.authUrl}: Invalid client or Invalid client credentials ` +
      `(the job's GitHub OIDC token has sub "repo:acme/models:ref:refs/heads/dev" and aud "${emulator.issuer}": ` +
      "the realm needs an identity provider for the token's issuer and a client with federated authentication for this subject, " +
      'and its clients flow needs "Signed JWT - Federated" (see "No secrets: the realm" in the odahu-actions README))',
  );
  expect((error as AuthError).status).toBe(401);
  expect(asked.seen).toHaveLength(1);
  expect((error as AuthError).message).not.toContain(asked.seen[0]);
  dev.revoke();
});

test('GitHub refuses the request (a revoked job): one line naming the audience and the answer', async () => {
  const ended = service.grant(gitHubClaims({ github }));
  ended.revoke();
  Object.assign(process.env, ended.env);
  const error = await new GitHubIdToken().next('https://keycloak.example.com/realms/odahu').then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AuthError);
  expect((error as Error).message).toMatch(
    new RegExp(
      `^authentication failed at ${service.issuer}/_apis/distributedtask/idtoken: could not get the job's ` +
        'GitHub OIDC token for audience https://keycloak.example.com/realms/odahu: .*401.*',
    ),
  );
  expect((error as Error).message).not.toContain('\n');
});

describe("Keycloak's clock behind GitHub's: 'Token was issued in the future'", () => {
  /** A realm whose clock lags `lagSeconds`, held; the token source's waits move it on. */
  async function lagging(lagSeconds: number) {
    const realm = await startTestEmulator({
      realmClockLagSeconds: lagSeconds,
      federatedClients: [{ clientId: 'github-main', role: 'admin', issuer: service.issuer, subject: MAIN }],
    });
    realm.clock.hold();
    const time = new EmulatorTime(realm);
    const asked = countingRequest();
    const tokens = new ClientCredentialsTokenSource({
      authUrl: realm.authUrl,
      scope: 'openid',
      assertion: new GitHubIdToken(realm.issuer, asked.request),
    });
    // The step's clock: the token source's waits pass in the realm's held time.
    useClock(time);
    let printed = '';
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed += chunk.toString();
      return true;
    });
    return {
      realm,
      tokens,
      asked,
      infos: () => printed.split('\n').filter((line) => line.startsWith('The token endpoint')),
      async close() {
        write.mockRestore();
        useClock();
        realm.clock.release();
        await realm.close();
      },
    };
  }

  test('a few seconds behind: the same assertion once more after 5 s, and the token', async () => {
    const setUp = await lagging(3);
    try {
      const started = setUp.realm.clock.now();
      expect(decodeJwt(await setUp.tokens.token())).toMatchObject({ azp: 'github-main' });
      expect(setUp.realm.clock.now() - started).toBe(5000);
      expect(setUp.asked.seen).toHaveLength(1);
      expect(setUp.infos()).toEqual([
        "The token endpoint's clock is behind GitHub's (Token was issued in the future): trying again in 5s.",
      ]);
    } finally {
      await setUp.close();
    }
  });

  test('far behind: tried once more only, then the refusal', async () => {
    const setUp = await lagging(60);
    try {
      const started = setUp.realm.clock.now();
      const error = await setUp.tokens.token().catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(AuthError);
      expect((error as AuthError).message).toContain('Token was issued in the future');
      // One wait of 5 s, one more try, then the refusal.
      expect(setUp.realm.clock.now() - started).toBe(5000);
      expect(setUp.infos()).toHaveLength(1);
    } finally {
      await setUp.close();
    }
  });
});

test("a realm's OpenID configuration that could not be read is read again by the next grant", async () => {
  let up = false;
  const realmPath = '/realms/odahu';
  const server = await startTinyServer((request, response) => {
    if (!up) {
      response.socket?.destroy();
      return;
    }
    if (request.method === 'GET')
      sendJson(response, 200, {
        issuer: `${server.url}${realmPath}`,
        token_endpoint: `${server.url}${realmPath}/token`,
      });
    else sendJson(response, 200, { access_token: 'a2', expires_in: 300 });
  });
  try {
    let now = 1_000_000;
    const tokens = new ClientCredentialsTokenSource({
      authUrl: `${server.url}${realmPath}/.well-known/openid-configuration`,
      scope: 'openid',
      assertion: new GitHubIdToken(undefined, countingRequest().request),
      retry: {
        sleep: (ms) => {
          now += ms;
          return Promise.resolve();
        },
        now: () => now,
        random: () => 0,
      },
    });
    await expect(tokens.token()).rejects.toThrow(/has not answered once since the step began/);
    up = true;
    expect(await tokens.token()).toBe('a2');
    expect(server.requests.at(-2)).toMatchObject({
      method: 'GET',
      url: `${realmPath}/.well-known/openid-configuration`,
    });
  } finally {
    await server.close();
  }
});
