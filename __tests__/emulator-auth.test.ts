// The emulator's OpenID provider and the checks in front of its API: real signed tokens, Envoy's 401
// texts for missing, expired, foreign and tampered tokens, and the OPA role table (403).

import {
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  generateKeyPair,
  jwtVerify,
  SignJWT,
} from 'jose';
import { Api, call, fetchToken, pastExpiry, sleep } from './helpers/emulator-http.js';
import { startTestEmulator, type TestEmulator } from './helpers/emulator.js';

const VIEWER = { clientId: 'auth-viewer', clientSecret: 'viewer-secret', role: 'viewer' as const };
const SCIENTIST = {
  clientId: 'auth-scientist',
  clientSecret: 'scientist-secret',
  role: 'data_scientist' as const,
};

let emulator: TestEmulator;
let admin: Api;

beforeAll(async () => {
  // A signing key of its own, made at start-up as the odahu-emulator command makes it (the other
  // test emulators share one to save the time): signatures are what these checks are about.
  emulator = await startTestEmulator({ extraClients: [VIEWER, SCIENTIST], signingKeys: undefined });
  admin = new Api(emulator, await fetchToken(emulator));
});

afterAll(() => emulator.close());

/** A token that looks right but is signed by a key the emulator never saw. */
async function foreignToken(issuer: string): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  return new SignJWT({ realm_access: { roles: ['odahu_admin'] }, name: 'mallory', email: 'm@example.org' })
    .setProtectedHeader({ alg: 'RS256', kid: 'foreign' })
    .setIssuer(issuer)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(privateKey);
}

describe('the OpenID provider', () => {
  it('publishes discovery where Keycloak does, with the token endpoint the emulator reports', async () => {
    const discovery = await call<{ token_endpoint: string; jwks_uri: string }>(
      `${emulator.issuer}/.well-known/openid-configuration`,
      'GET',
      null,
    );
    expect(discovery.status).toBe(200);
    expect(emulator.issuer).toBe(`${emulator.apiUrl}/auth/realms/odahu`);
    expect(discovery.json).toMatchObject({
      issuer: emulator.issuer,
      token_endpoint: `${emulator.issuer}/protocol/openid-connect/token`,
      jwks_uri: `${emulator.issuer}/protocol/openid-connect/certs`,
    });
    expect(emulator.authUrl).toBe(discovery.json.token_endpoint);
    const certs = await call(discovery.json.jwks_uri, 'GET', null);
    expect(certs.headers.get('content-type')).toMatch(/^application\/jwk-set\+json/);
    const { keys } = JSON.parse(certs.text) as { keys: Record<string, string>[] };
    expect(keys).toEqual([expect.objectContaining({ kty: 'RSA', alg: 'RS256', use: 'sig' })]);
    // The public half only.
    expect(keys[0]?.d).toBeUndefined();
  });

  it('grants client credentials (secret in the form or in Basic auth) as RS256 JWTs with realm roles', async () => {
    const form = await call<{ access_token: string }>(
      emulator.authUrl,
      'POST',
      null,
      new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: emulator.clientId,
        client_secret: emulator.clientSecret,
        scope: 'openid profile email offline_access groups',
      }).toString(),
      { 'content-type': 'application/x-www-form-urlencoded' },
    );
    expect(form.status).toBe(200);
    expect(form.json).toMatchObject({
      token_type: 'Bearer',
      expires_in: 300,
      scope: 'openid profile email offline_access groups',
    });
    expect(decodeProtectedHeader(form.json.access_token).alg).toBe('RS256');
    expect(decodeJwt(form.json.access_token)).toMatchObject({
      iss: emulator.issuer,
      realm_access: { roles: ['odahu_admin'] },
      name: emulator.clientId,
      email: `${emulator.clientId}@odahu.local`,
      preferred_username: `service-account-${emulator.clientId}`,
    });

    const basic = Buffer.from(`${VIEWER.clientId}:${VIEWER.clientSecret}`).toString('base64');
    const viaBasic = await call<{ access_token: string }>(
      emulator.authUrl,
      'POST',
      null,
      'grant_type=client_credentials',
      {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${basic}`,
      },
    );
    expect(viaBasic.status).toBe(200);
    expect(decodeJwt(viaBasic.json.access_token).realm_access).toEqual({ roles: ['odahu_viewer'] });
  });

  it('refuses a wrong secret with an OAuth error', async () => {
    const reply = await call(
      emulator.authUrl,
      'POST',
      null,
      new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: emulator.clientId,
        client_secret: 'wrong',
      }).toString(),
      { 'content-type': 'application/x-www-form-urlencoded' },
    );
    expect(reply.status).toBe(401);
    expect(reply.json).toEqual({ error: 'invalid_client', error_description: expect.any(String) });
  });
});

describe('the API checks tokens like the mesh in front of it', () => {
  it('lets a valid token through', async () => {
    const reply = await admin.get('model/training');
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual([]);
  });

  it.each([
    ['no token', null, 'Jwt is missing'],
    [
      'a token that is no JWT',
      'not-a-jwt',
      'Jwt is not in the form of Header.Payload.Signature with two dots and 3 sections',
    ],
  ])('refuses %s with 401', async (_what, token, text) => {
    const reply = await new Api(emulator, token).get('model/training');
    expect(reply.status).toBe(401);
    expect(reply.text).toBe(text);
    expect(reply.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(reply.headers.get('www-authenticate')).toMatch(/^Bearer realm="/);
  });

  it('refuses a token signed by another key, or from another issuer', async () => {
    const signedElsewhere = await new Api(emulator, await foreignToken(emulator.issuer)).get(
      'model/training',
    );
    expect([signedElsewhere.status, signedElsewhere.text]).toEqual([401, 'Jwt verification fails']);
    const otherIssuer = await new Api(
      emulator,
      await foreignToken('https://keycloak.example.org/auth/realms/odahu'),
    ).get('model/training');
    expect([otherIssuer.status, otherIssuer.text]).toEqual([401, 'Jwt issuer is not configured']);
  });

  it('refuses a real token whose claims were changed', async () => {
    const [header, , signature] = admin.token!.split('.');
    const claims = { ...decodeJwt(admin.token!), realm_access: { roles: ['odahu_admin', 'extra'] } };
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    const reply = await new Api(emulator, forged).get('model/training');
    expect([reply.status, reply.text]).toEqual([401, 'Jwt verification fails']);
  });

  it('refuses an expired token', async () => {
    // A lifetime of 3 s is at least 2 s from any moment in the second it was issued: time to use it.
    const shortLived = await startTestEmulator({ tokenTtlSeconds: 3 });
    try {
      const api = new Api(shortLived, await fetchToken(shortLived));
      expect((await api.get('model/training')).status).toBe(200);
      await pastExpiry(api.token!);
      const reply = await api.get('model/training');
      expect([reply.status, reply.text]).toEqual([401, 'Jwt is expired']);
      expect(reply.headers.get('www-authenticate')).toContain('error="invalid_token"');
    } finally {
      await shortLived.close();
    }
  });

  it("keeps /health behind sign-in, as the API host's ingress does, and open to any valid token", async () => {
    // The SDK's `login` asks /health: refused, it logs in and keeps the tokens it got.
    const refused = await call(`${emulator.apiUrl}/health`, 'GET', null);
    expect([refused.status, refused.text]).toEqual([401, 'Jwt is missing']);
    const viewer = await fetchToken(emulator, VIEWER.clientId, VIEWER.clientSecret);
    const reply = await call(`${emulator.apiUrl}/health`, 'GET', viewer);
    expect([reply.status, reply.text]).toEqual([200, '{}']);
  });
});

describe('roles, as the OPA policy grants them', () => {
  it('lets a viewer read but not write', async () => {
    const viewer = new Api(emulator, await fetchToken(emulator, VIEWER.clientId, VIEWER.clientSecret));
    expect((await viewer.get('model/training')).status).toBe(200);
    expect((await viewer.get('connection/docker-ci')).status).toBe(200);
    const write = await viewer.post('toolchain/integration', {
      id: 'x',
      spec: { entrypoint: 'e', defaultImage: 'i' },
    });
    expect([write.status, write.text]).toEqual([403, 'RBAC: access denied']);
    expect((await viewer.get('connection/docker-ci/decrypted')).status).toBe(403);
    expect((await viewer.get('batch/service')).status).toBe(403);
  });

  it('lets a data scientist run models but not manage connections, integrations or batch', async () => {
    const scientist = new Api(
      emulator,
      await fetchToken(emulator, SCIENTIST.clientId, SCIENTIST.clientSecret),
    );
    expect((await scientist.delete('model/training/nothing')).status).toBe(404);
    expect((await scientist.get('model/deployment-events')).status).toBe(200);
    expect((await scientist.get('connection')).status).toBe(200);
    expect((await scientist.get('connection/docker-ci/decrypted')).status).toBe(403);
    expect((await scientist.delete('connection/docker-ci')).status).toBe(403);
    expect((await scientist.post('model/route', {})).status).toBe(403);
    expect((await scientist.get('batch/job')).status).toBe(403);
  });

  it('tells the user who they are from the token', async () => {
    const scientist = new Api(
      emulator,
      await fetchToken(emulator, SCIENTIST.clientId, SCIENTIST.clientSecret),
    );
    const reply = await scientist.get('user/info');
    expect(reply.json).toEqual({ email: `${SCIENTIST.clientId}@odahu.local`, username: SCIENTIST.clientId });
  });
});

interface Credentials {
  clientId: string;
  clientSecret: string;
}

/** A token request as a form, the way the SDK, the plugin and the actions send it. */
function grant(client: Credentials, form: Record<string, string>, target: TestEmulator = emulator) {
  const body = new URLSearchParams({
    client_id: client.clientId,
    client_secret: client.clientSecret,
    ...form,
  });
  return call<Record<string, unknown>>(target.authUrl, 'POST', null, body.toString(), {
    'content-type': 'application/x-www-form-urlencoded',
  });
}

const clientCredentials = (client: Credentials, scope: string, target?: TestEmulator) =>
  grant(client, { grant_type: 'client_credentials', scope }, target);

const refreshGrant = (client: Credentials, refreshToken: string) =>
  grant(client, { grant_type: 'refresh_token', refresh_token: refreshToken });

/** The Odahu SDK's client-credentials request (packages/sdk/odahuflow/sdk/clients/oauth_handler.py). */
const SDK_SCOPE = 'openid profile offline_access groups';

describe("Keycloak's token answers", () => {
  it('client credentials with openid: access, id and refresh tokens, their lifetimes, type and scope', async () => {
    const reply = await clientCredentials(SCIENTIST, SDK_SCOPE);
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.json)).toEqual([
      'access_token',
      'expires_in',
      'refresh_expires_in',
      'refresh_token',
      'token_type',
      'id_token',
      'not-before-policy',
      'session_state',
      'scope',
    ]);
    expect(reply.json).toMatchObject({
      expires_in: 300,
      refresh_expires_in: 1800,
      token_type: 'Bearer',
      // Keycloak adds its default client scopes to those asked for.
      scope: 'openid profile offline_access groups email',
    });
    const keys = createRemoteJWKSet(new URL(`${emulator.issuer}/protocol/openid-connect/certs`));
    const idToken = await jwtVerify(reply.json.id_token as string, keys, {
      issuer: emulator.issuer,
      audience: SCIENTIST.clientId,
      algorithms: ['RS256'],
    });
    const accessToken = decodeJwt(reply.json.access_token as string);
    expect(idToken.payload).toMatchObject({
      typ: 'ID',
      azp: SCIENTIST.clientId,
      sub: accessToken.sub,
      sid: reply.json.session_state,
      preferred_username: `service-account-${SCIENTIST.clientId}`,
      name: SCIENTIST.clientId,
      email: `${SCIENTIST.clientId}@odahu.local`,
      realm_access: { roles: ['odahu_data_scientist'] },
    });
    expect(accessToken.sub).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect((idToken.payload.exp ?? 0) - (idToken.payload.iat ?? 0)).toBe(300);
  });

  it('without openid in the scope: no id token', async () => {
    const reply = await clientCredentials(emulator, 'profile offline_access');
    expect(reply.status).toBe(200);
    expect(reply.json.id_token).toBeUndefined();
    expect(reply.json.refresh_token).toEqual(expect.any(String));
    expect(reply.json.scope).toBe('profile offline_access email');
  });

  it('refuses a scope the realm does not know', async () => {
    const reply = await clientCredentials(emulator, 'openid cluster-admin');
    expect([reply.status, reply.json]).toEqual([
      400,
      { error: 'invalid_scope', error_description: 'Invalid scopes: cluster-admin' },
    ]);
  });

  it("the SDK's refresh (client id, secret, refresh token) gives fresh tokens for the same scope", async () => {
    const first = await clientCredentials(emulator, SDK_SCOPE);
    const refreshed = await refreshGrant(emulator, first.json.refresh_token as string);
    expect(refreshed.status).toBe(200);
    expect(refreshed.json).toMatchObject({ token_type: 'Bearer', scope: first.json.scope });
    for (const key of ['access_token', 'id_token', 'refresh_token']) {
      expect(refreshed.json[key]).toEqual(expect.any(String));
      expect(refreshed.json[key]).not.toBe(first.json[key]);
    }
    const api = new Api(emulator, refreshed.json.id_token as string);
    expect((await api.get('model/training')).status).toBe(200);

    const foreign = await refreshGrant(VIEWER, first.json.refresh_token as string);
    expect([foreign.status, foreign.json]).toEqual([
      400,
      {
        error: 'invalid_grant',
        error_description: "Invalid refresh token. Token client and authorized client don't match",
      },
    ]);
    const unknown = await refreshGrant(emulator, 'not-a-refresh-token');
    expect([unknown.status, unknown.json]).toEqual([
      400,
      { error: 'invalid_grant', error_description: 'Invalid refresh token' },
    ]);
  });
});

describe('the id token as the bearer', () => {
  /** The Airflow plugin's request (OdahuHook._get_token), with the scope its documentation sets. */
  async function pluginToken(client: Credentials = emulator) {
    const reply = await clientCredentials(client, 'openid profile email offline_access groups');
    return reply.json.id_token as string;
  }

  it('the API and the edge accept it, with the roles it carries', async () => {
    const idToken = await pluginToken();
    const api = new Api(emulator, idToken);
    expect((await api.get('model/training')).status).toBe(200);
    expect((await api.get('user/info')).json).toEqual({
      email: `${emulator.clientId}@odahu.local`,
      username: emulator.clientId,
    });
    await api.post('model/deployment', {
      id: 'id-token-model',
      spec: { image: 'ghcr.io/acme/wine:1', predictor: 'odahu-ml-server' },
    });
    await api.waitFor(
      'model/deployment/id-token-model',
      (d: { status?: { state?: string } }) => d.status?.state === 'Ready',
    );
    const invoke = `${emulator.edgeUrl}/model/id-token-model/api/model/invoke`;
    let answer = await call(invoke, 'POST', idToken, { data: [[1, 2, 3]] });
    for (let tries = 0; answer.status === 503 && tries < 100; tries += 1) {
      await sleep(10);
      answer = await call(invoke, 'POST', idToken, { data: [[1, 2, 3]] });
    }
    expect([answer.status, answer.json]).toEqual([200, { prediction: [2], columns: ['prediction'] }]);

    const viewer = new Api(emulator, await pluginToken(VIEWER));
    expect((await viewer.get('model/training')).status).toBe(200);
    expect((await viewer.post('model/training', {})).status).toBe(403);
    expect((await call(invoke, 'POST', viewer.token, { data: [[1]] })).status).toBe(403);
  });

  it('is checked like the access token: signature and expiry', async () => {
    const idToken = await pluginToken();
    const [header, , signature] = idToken.split('.');
    const claims = { ...decodeJwt(idToken), realm_access: { roles: ['odahu_admin', 'more'] } };
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    const refused = await new Api(emulator, forged).get('model/training');
    expect([refused.status, refused.text]).toEqual([401, 'Jwt verification fails']);

    const shortLived = await startTestEmulator({ tokenTtlSeconds: 3 });
    try {
      const reply = await clientCredentials(shortLived, SDK_SCOPE, shortLived);
      const api = new Api(shortLived, reply.json.id_token as string);
      expect((await api.get('model/training')).status).toBe(200);
      await pastExpiry(api.token!);
      const expired = await api.get('model/training');
      expect([expired.status, expired.text]).toEqual([401, 'Jwt is expired']);
    } finally {
      await shortLived.close();
    }
  });
});
