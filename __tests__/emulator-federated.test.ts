// Keycloak's federated client authentication in the emulator, over real HTTP: a client proven by an
// external issuer's token (its keys found by the issuer's discovery document), and each of Keycloak's
// checks refusing with its own answer: no client for the issuer and subject, the form's client_id (by
// the newest rule and by the older one), the algorithm (`none` and HS256 fail as a signature does),
// the signature, the audience, the times (a realm clock that lags, the allowed skew), the jti used
// twice; and a refresh token only for a client whose use_refresh_token is on.

import { randomUUID } from 'node:crypto';
import { decodeJwt, exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { call, fetchToken, type Reply } from './helpers/emulator-http.js';
import { startTestEmulator, type TestEmulator } from './helpers/emulator.js';
import { sendJson, startTinyServer, type TinyServer } from './helpers/tiny-server.js';

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const MAIN = 'repo:acme/models:ref:refs/heads/main';

type Key = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

/** An OpenID issuer as GitHub's token service publishes itself: discovery and keys, nothing else. */
interface Issuer {
  url: string;
  key: Key;
  server: TinyServer;
}

async function startIssuer(): Promise<Issuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  let url = '';
  const server = await startTinyServer((request, response) => {
    if (request.url === '/.well-known/openid-configuration') {
      sendJson(response, 200, { issuer: url, jwks_uri: `${url}/.well-known/jwks` });
    } else if (request.url === '/.well-known/jwks') sendJson(response, 200, { keys: [jwk] });
    else sendJson(response, 404, {});
  });
  url = server.url;
  return { url, key: privateKey, server };
}

let issuer: Issuer;
let emulator: TestEmulator;

beforeAll(async () => {
  issuer = await startIssuer();
  emulator = await startTestEmulator({
    federatedClients: [
      { clientId: 'github-main', role: 'data_scientist', issuer: issuer.url, subject: MAIN },
    ],
  });
});

afterAll(async () => {
  await emulator.close();
  await issuer.server.close();
});

const now = () => Math.floor(Date.now() / 1000);

/** A GitHub-like token: issued now, valid 5 minutes, for the realm; `claims` override any of it. */
function assertion(
  claims: JWTPayload = {},
  options: { key?: Key; alg?: string; iss?: string } = {},
): Promise<string> {
  const payload: JWTPayload = {
    iss: options.iss ?? issuer.url,
    sub: MAIN,
    aud: emulator.issuer,
    jti: randomUUID(),
    iat: now(),
    nbf: now() - 600,
    exp: now() + 300,
    repository: 'acme/models',
    ...claims,
  };
  for (const [name, value] of Object.entries(payload)) if (value === undefined) delete payload[name];
  return new SignJWT(payload)
    .setProtectedHeader({ alg: options.alg ?? 'RS256', kid: 'k1', typ: 'JWT' })
    .sign(options.key ?? issuer.key);
}

function grant(token: string, extra: Record<string, string> = {}): Promise<Reply<Record<string, string>>> {
  return call<Record<string, string>>(
    emulator.authUrl,
    'POST',
    null,
    new URLSearchParams({
      grant_type: 'client_credentials',
      client_assertion_type: JWT_BEARER,
      client_assertion: token,
      scope: 'openid',
      ...extra,
    }).toString(),
    { 'content-type': 'application/x-www-form-urlencoded' },
  );
}

const refusal = (status: number, description: string) => ({
  status,
  json: { error: 'invalid_client', error_description: description },
});
const INVALID_CLIENT = refusal(401, 'Invalid client or Invalid client credentials');

test("a trusted subject's token gets the client's tokens, Keycloak-shaped, with its role", async () => {
  const reply = await grant(await assertion());
  expect(reply.status).toBe(200);
  // A federated client keeps Keycloak's default: client_credentials.use_refresh_token off.
  expect(reply.json).toMatchObject({ token_type: 'Bearer', refresh_expires_in: 0 });
  expect(reply.json.refresh_token).toBeUndefined();
  for (const token of [reply.json.access_token!, reply.json.id_token!]) {
    expect(decodeJwt(token)).toMatchObject({
      iss: emulator.issuer,
      azp: 'github-main',
      preferred_username: 'service-account-github-main',
      realm_access: { roles: ['odahu_data_scientist'] },
    });
  }
  const trainings = await call(`${emulator.apiUrl}/api/v1/model/training`, 'GET', reply.json.id_token!);
  expect(trainings.status).toBe(200);
  // The form may name the client it proves, as Keycloak allows.
  expect((await grant(await assertion(), { client_id: 'github-main' })).status).toBe(200);
});

/** A JWT with this header, signed by nobody: Keycloak parses it and finds no key that verifies it. */
async function unsigned(header: Record<string, unknown>): Promise<string> {
  const signed = await assertion();
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode(header)}.${signed.split('.')[1]}.`;
}

test("alg none, a symmetric alg, no alg: Keycloak's answers", async () => {
  // It knows `none` and HS256: they pass its algorithm check and fail the signature, as any bad one.
  expect(await grant(await unsigned({ alg: 'none', typ: 'JWT' }))).toMatchObject(INVALID_CLIENT);
  const hs256 = await assertion({}, { alg: 'HS256', key: new TextEncoder().encode('s'.repeat(32)) as never });
  expect(await grant(hs256)).toMatchObject(INVALID_CLIENT);
  expect(await grant(await unsigned({ typ: 'JWT', kid: 'k1' }))).toMatchObject(
    refusal(400, 'Invalid signature algorithm'),
  );
});

test("client_id: the proven client's own id; another client's, 400; one that names no client, 401", async () => {
  expect(await grant(await assertion(), { client_id: emulator.clientId })).toMatchObject(
    refusal(400, 'client_id parameter does not match authenticated client'),
  );
  // The subject is no client: the older rule's client_id is now an unknown one.
  expect(await grant(await assertion(), { client_id: MAIN })).toMatchObject(INVALID_CLIENT);
  expect(await grant(await assertion(), { client_id: 'nobody' })).toMatchObject(INVALID_CLIENT);
});

test('no client trusts this subject, or this issuer: 401 invalid_client', async () => {
  const other = await startIssuer();
  try {
    expect(await grant(await assertion({ sub: 'repo:acme/models:ref:refs/heads/dev' }))).toMatchObject(
      INVALID_CLIENT,
    );
    expect(await grant(await assertion({}, { iss: other.url, key: other.key }))).toMatchObject(
      INVALID_CLIENT,
    );
    expect(await grant('not-a-jwt')).toMatchObject(INVALID_CLIENT);
  } finally {
    await other.server.close();
  }
});

test("a signature the issuer's keys do not verify: 401 invalid_client", async () => {
  const { privateKey } = await generateKeyPair('RS256');
  expect(await grant(await assertion({}, { key: privateKey }))).toMatchObject(INVALID_CLIENT);
});

test("Keycloak's checks after the client is found: 400 invalid_client with the check's text", async () => {
  const cases: [Promise<Reply<Record<string, string>>>, string][] = [
    [grant(await assertion({ aud: 'https://github.com/acme' })), 'Invalid token audience'],
    [
      grant(await assertion({ aud: [emulator.issuer, 'https://github.com/acme'] })),
      'Multiple audiences not allowed',
    ],
    [grant(await assertion({ exp: now() - 1, iat: now() - 301 })), 'Token is not active'],
    [grant(await assertion({ nbf: now() + 60 })), 'Token is not active'],
    [grant(await assertion({ exp: undefined })), 'Token exp claim is required'],
    [grant(await assertion({ iat: now() + 60 })), 'Token was issued in the future'],
    [grant(await assertion({ iat: now() - 301 })), 'Token was issued too far in the past to be used now'],
    [grant(await assertion({ jti: undefined })), 'Token jti claim is required'],
  ];
  for (const [reply, description] of cases) expect(await reply).toMatchObject(refusal(400, description));
});

test('an assertion is taken once', async () => {
  const token = await assertion();
  expect((await grant(token)).status).toBe(200);
  expect(await grant(token)).toMatchObject(refusal(400, 'Token reuse detected'));
});

test('trust added while running; one client per subject, and a client of its own', async () => {
  const subject = 'repo:acme/models:environment:production';
  emulator.addFederatedClient({ clientId: 'github-production', role: 'admin', issuer: issuer.url, subject });
  const reply = await grant(await assertion({ sub: subject }));
  expect(reply.status).toBe(200);
  expect(decodeJwt(reply.json.access_token!)).toMatchObject({
    azp: 'github-production',
    realm_access: { roles: ['odahu_admin'] },
  });
  expect(() =>
    emulator.addFederatedClient({ clientId: 'again', role: 'admin', issuer: issuer.url, subject }),
  ).toThrow(
    `client github-production already trusts ${issuer.url} for subject ${subject}: one client per subject`,
  );
  expect(() =>
    emulator.addFederatedClient({
      clientId: emulator.clientId,
      role: 'admin',
      issuer: issuer.url,
      subject: 'x',
    }),
  ).toThrow(`client ${emulator.clientId} exists already: a federated client is a client of its own`);
  // Secret clients are as they were.
  await expect(fetchToken(emulator)).resolves.toEqual(expect.any(String));
});

describe('a realm set up otherwise: the older client_id rule, refresh tokens on, a clock behind', () => {
  let older: TestEmulator;
  beforeAll(async () => {
    older = await startTestEmulator({
      federatedClients: [{ clientId: 'github-main', role: 'admin', issuer: issuer.url, subject: MAIN }],
      federatedClientIdCheck: 'subject',
      useRefreshToken: { 'github-main': true, 'odahu-actions': false },
      realmClockLagSeconds: 30,
    });
  });
  afterAll(() => older.close());

  const grantAt = (token: string, extra: Record<string, string> = {}) =>
    call<Record<string, string>>(
      older.authUrl,
      'POST',
      null,
      new URLSearchParams({
        grant_type: 'client_credentials',
        client_assertion_type: JWT_BEARER,
        client_assertion: token,
        scope: 'openid',
        ...extra,
      }).toString(),
      { 'content-type': 'application/x-www-form-urlencoded' },
    );
  /** Issued and valid on the realm's time, 30 s behind. */
  const onRealmTime = (claims: JWTPayload = {}) =>
    assertion({ aud: older.issuer, iat: now() - 30, exp: now() + 270, ...claims });

  test("client_id must be the assertion's sub (Keycloak before #48026)", async () => {
    expect((await grantAt(await onRealmTime(), { client_id: MAIN })).status).toBe(200);
    expect(await grantAt(await onRealmTime(), { client_id: 'github-main' })).toMatchObject(
      refusal(400, 'client_id parameter does not match sub claim'),
    );
    expect(await grantAt(await onRealmTime(), { client_id: 'nobody' })).toMatchObject(INVALID_CLIENT);
  });

  test('use_refresh_token: on for this federated client, off for this secret client', async () => {
    const federated = await grantAt(await onRealmTime());
    expect(federated.json).toMatchObject({ refresh_token: expect.any(String), refresh_expires_in: 1800 });
    const secret = await call<Record<string, unknown>>(
      older.authUrl,
      'POST',
      null,
      new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: older.clientId,
        client_secret: older.clientSecret,
        scope: 'openid',
      }).toString(),
      { 'content-type': 'application/x-www-form-urlencoded' },
    );
    expect(secret.status).toBe(200);
    expect(secret.json).toMatchObject({ access_token: expect.any(String), refresh_expires_in: 0 });
    expect(secret.json.refresh_token).toBeUndefined();
  });

  test("a realm clock 30 s behind: GitHub's token of now was issued in the future", async () => {
    expect(await grantAt(await assertion({ aud: older.issuer }))).toMatchObject(
      refusal(400, 'Token was issued in the future'),
    );
  });
});

test("the identity provider's allowedClockSkew lets a lagging realm take it", async () => {
  const skewed = await startTestEmulator({
    federatedClients: [{ clientId: 'github-main', role: 'admin', issuer: issuer.url, subject: MAIN }],
    realmClockLagSeconds: 5,
    allowedClockSkewSeconds: 10,
  });
  try {
    const reply = await call(
      skewed.authUrl,
      'POST',
      null,
      new URLSearchParams({
        grant_type: 'client_credentials',
        client_assertion_type: JWT_BEARER,
        client_assertion: await assertion({ aud: skewed.issuer }),
      }).toString(),
      { 'content-type': 'application/x-www-form-urlencoded' },
    );
    expect(reply.status).toBe(200);
  } finally {
    await skewed.close();
  }
});
