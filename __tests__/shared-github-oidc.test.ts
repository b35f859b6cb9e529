// auth github-oidc in the actions' token source, over real HTTP: the runner's GitHub token service
// (what core.getIDToken asks, through ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN) and the emulator's
// Keycloak with a federated client for the job's subject. The form, a fresh GitHub token for every
// grant (renewals included), and the refusals users see.

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

test('auth-url the realm issuer: its token endpoint discovered, and the audience that issuer (the settings default)', async () => {
  const tokens = tokenSourceFor({
    type: 'github-oidc',
    authUrl: emulator.issuer,
    audience: realmIssuerOf(emulator.issuer),
    scope: 'openid',
  });
  expect(decodeJwt(await tokens.token())).toMatchObject({ azp: 'github-main' });
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
      "the realm needs an identity provider for the token's issuer and a client with federated authentication for this subject)",
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
  const error = await new GitHubIdToken('https://keycloak.example.com/realms/odahu').next().then(
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
