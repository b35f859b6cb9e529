// The OpenID provider that issues the emulator's tokens, mounted where Keycloak serves the Odahu realm:
// issuer <base>/auth/realms/odahu, token endpoint <issuer>/protocol/openid-connect/token, keys at
// <issuer>/protocol/openid-connect/certs. It is a real oidc-provider (client authentication with the
// secret in the form or in Basic auth, discovery, keys, OAuth errors), with Keycloak's answers to the
// client_credentials and refresh_token grants (keycloak-tokens.ts): RS256 JWTs signed by a key made
// at start-up, carrying realm_access.roles as Keycloak puts them. Clients may also prove themselves
// with an external issuer's token (Keycloak's federated client authentication, federated-clients.ts):
// such a request is checked here, before the provider sees it, and handed on as the client's own.

import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { exportJWK, generateKeyPair, type GenerateKeyPairResult, type JSONWebKeySet } from 'jose';
import type * as OidcProviderModule from 'oidc-provider';
import type { Adapter, AdapterPayload, Configuration } from 'oidc-provider';
import type { FederatedClient, FederationSettings } from './federated-clients.js';
import { FederatedClients, JWT_BEARER } from './federated-clients.js';
import { registerKeycloakGrants, SCOPES, serviceAccountClaims } from './keycloak-tokens.js';
import type { EmulatorClient, Role } from './options.js';
import { messageOf } from '../shared/thrown.js';

export const REALM_PATH = '/auth/realms/odahu';
const TOKEN_PATH = '/protocol/openid-connect/token';
const CERTS_PATH = '/protocol/openid-connect/certs';

export interface IdentityProvider {
  issuer: string;
  tokenUrl: string;
  jwksUrl: string;
  /** The public half of the signing key, for the API and the edge to verify tokens. */
  publicKeys: JSONWebKeySet;
  /** Serves a request whose path starts with REALM_PATH. */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** A client proven by another issuer's tokens with this subject (Keycloak's federated client authentication). */
  addFederatedClient(client: FederatedClient): void;
}

export interface IdentitySettings {
  baseUrl: string;
  clients: EmulatorClient[];
  federatedClients?: FederatedClient[];
  tokenTtlSeconds: number;
  signingKeys?: GenerateKeyPairResult;
  /** How federated assertions are checked: the realm's clock, the allowed skew, the client_id rule. */
  federation?: Omit<FederationSettings, 'realmIssuer'>;
  /** use_refresh_token by client id; default on for `clients`, off for federated ones. */
  useRefreshToken?: Record<string, boolean>;
}

export async function createIdentityProvider(settings: IdentitySettings): Promise<IdentityProvider> {
  const { baseUrl, clients, tokenTtlSeconds } = settings;
  const issuer = `${baseUrl}${REALM_PATH}`;
  const kid = `emulator-${Date.now().toString(36)}`;
  const { privateKey, publicKey } =
    settings.signingKeys ?? (await generateKeyPair('RS256', { extractable: true }));
  const signing = { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
  const verifying = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const roles = new Map<string, Role>(clients.map((c) => [c.clientId, c.role]));
  /** Federated clients (their answers carry no refresh token unless asked). */
  const federatedIds = new Set<string>();
  /** Keycloak's client_credentials.use_refresh_token of a client. */
  const useRefreshToken = (clientId: string): boolean =>
    settings.useRefreshToken?.[clientId] ?? !federatedIds.has(clientId);
  const adapter = memoryAdapter();

  const configuration: Configuration = {
    adapter,
    jwks: { keys: [signing] },
    clients: clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      grant_types: ['client_credentials', 'refresh_token'],
      redirect_uris: [],
      response_types: [],
    })),
    scopes: SCOPES,
    routes: { token: TOKEN_PATH, jwks: CERTS_PATH },
    ttl: { AccessToken: tokenTtlSeconds, IdToken: tokenTtlSeconds },
    features: {
      devInteractions: { enabled: false },
      // Enabled so that clients may use the grant; its handler is Keycloak's (keycloak-tokens.ts).
      clientCredentials: { enabled: true },
    },
    // Access tokens carry what Keycloak's do; the id token gets the same claims where it is made.
    extraTokenClaims: (_ctx, token) => {
      const clientId = token.clientId ?? '';
      return serviceAccountClaims(clientId, roles.get(clientId));
    },
  };
  const { Provider, errors } = await importOidcProvider();
  const provider = new Provider(issuer, configuration);
  registerKeycloakGrants(provider, errors, {
    audience: baseUrl,
    ttlSeconds: tokenTtlSeconds,
    roles,
    useRefreshToken,
  });
  const callback = provider.callback();

  const federated = new FederatedClients({ ...settings.federation, realmIssuer: issuer });
  // Each federated client is a client of the provider, with a secret only the emulator knows: once
  // its assertion holds, the request is handed on with that secret instead.
  const innerSecrets = new Map<string, string>();
  const addFederatedClient = (client: FederatedClient): void => {
    federated.add(client, (clientId) => roles.has(clientId));
    const secret = randomUUID();
    innerSecrets.set(client.clientId, secret);
    roles.set(client.clientId, client.role);
    federatedIds.add(client.clientId);
    void adapter('Client').upsert(client.clientId, {
      client_id: client.clientId,
      client_secret: secret,
      grant_types: ['client_credentials', 'refresh_token'],
      redirect_uris: [],
      response_types: [],
    });
  };
  for (const client of settings.federatedClients ?? []) addFederatedClient(client);

  /** A token request: a federated client's assertion checked, then the provider answers. */
  const token = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req);
    const form = new URLSearchParams(body.toString('utf8'));
    const isForm = (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
    if (!isForm || form.get('client_assertion_type') !== JWT_BEARER) {
      await callback(replayed(req, body), res);
      return;
    }
    const answer = await federated.authenticate(form, (clientId) => roles.has(clientId));
    if (!answer.ok) {
      res.writeHead(answer.status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(answer.body));
      return;
    }
    form.delete('client_assertion_type');
    form.delete('client_assertion');
    form.set('client_id', answer.clientId);
    form.set('client_secret', innerSecrets.get(answer.clientId) ?? '');
    await callback(replayed(req, Buffer.from(form.toString())), res);
  };

  return {
    issuer,
    tokenUrl: `${issuer}${TOKEN_PATH}`,
    jwksUrl: `${issuer}${CERTS_PATH}`,
    publicKeys: { keys: [verifying] },
    handle(req, res) {
      // Mounted under the issuer's path: the provider routes on the rest, and finds its mount point
      // (for the URLs in its discovery document) from originalUrl.
      const original = req.url ?? '/';
      Object.assign(req, { originalUrl: original });
      req.url = original.slice(REALM_PATH.length) || '/';
      const path = req.url.split('?')[0];
      if (req.method === 'POST' && path === TOKEN_PATH) {
        token(req, res).catch((error: unknown) => {
          if (!res.headersSent) res.writeHead(400, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: 'invalid_request', error_description: messageOf(error) }));
        });
        return;
      }
      void callback(req, res);
    },
    addFederatedClient,
  };
}

/** oidc-provider's own limit on a request body. */
const MAX_BODY = 56 * 1024;

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of req) {
    length += (chunk as Buffer).length;
    if (length > MAX_BODY) throw new Error('request entity too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * The request again, with `body` to read: the provider reads the body itself, and the original's is
 * spent. Everything else the provider reads (method, URL, headers, socket) is the original's.
 */
function replayed(req: IncomingMessage, body: Buffer): IncomingMessage {
  const headers = { ...req.headers, 'content-length': String(body.length) };
  delete headers['transfer-encoding'];
  const replay = Readable.from([body], { objectMode: false });
  return Object.assign(replay, {
    method: req.method,
    url: req.url,
    originalUrl: (req as IncomingMessage & { originalUrl?: string }).originalUrl,
    headers,
    rawHeaders: req.rawHeaders,
    httpVersion: req.httpVersion,
    httpVersionMajor: req.httpVersionMajor,
    httpVersionMinor: req.httpVersionMinor,
    socket: req.socket,
    connection: req.socket,
    complete: true,
  }) as unknown as IncomingMessage;
}

/**
 * oidc-provider 9 prints "Unsupported runtime" once, when imported on Node 20 (it asks for 22+). It
 * works on 20 (the emulator's suite runs there), and the line would only confuse users of the
 * emulator, so that one warning is filtered out while the module loads.
 */
async function importOidcProvider(): Promise<typeof OidcProviderModule> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('Unsupported runtime')) return;
    warn(...args);
  };
  try {
    return await import('oidc-provider');
  } finally {
    console.warn = warn;
  }
}

type Records = Map<string, { payload: AdapterPayload; expiresAt: number }>;

/** The provider's own records (grants, tokens it keeps), in memory, dropped when they expire; one
 * store per emulator, so that emulators started in one process do not share them. */
function memoryAdapter(): (model: string) => Adapter {
  const records: Records = new Map();
  return (model) => new MemoryAdapter(model, records);
}

class MemoryAdapter implements Adapter {
  constructor(
    private readonly model: string,
    private readonly records: Records,
  ) {}

  private key(id: string): string {
    return `${this.model}:${id}`;
  }

  upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
    const expiresAt = expiresIn ? Date.now() + expiresIn * 1000 : Infinity;
    this.records.set(this.key(id), { payload, expiresAt });
    return Promise.resolve();
  }

  find(id: string): Promise<AdapterPayload | undefined> {
    const record = this.records.get(this.key(id));
    if (!record) return Promise.resolve(undefined);
    if (record.expiresAt <= Date.now()) {
      this.records.delete(this.key(id));
      return Promise.resolve(undefined);
    }
    return Promise.resolve(record.payload);
  }

  findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    return this.findBy((p) => p.userCode === userCode);
  }

  findByUid(uid: string): Promise<AdapterPayload | undefined> {
    return this.findBy((p) => p.uid === uid);
  }

  async consume(id: string): Promise<void> {
    const payload = await this.find(id);
    if (payload) payload.consumed = Math.floor(Date.now() / 1000);
  }

  destroy(id: string): Promise<void> {
    this.records.delete(this.key(id));
    return Promise.resolve();
  }

  revokeByGrantId(grantId: string): Promise<void> {
    for (const [key, record] of this.records) {
      if (record.payload.grantId === grantId) this.records.delete(key);
    }
    return Promise.resolve();
  }

  private findBy(test: (payload: AdapterPayload) => boolean): Promise<AdapterPayload | undefined> {
    const prefix = `${this.model}:`;
    for (const [key, record] of this.records) {
      if (key.startsWith(prefix) && record.expiresAt > Date.now() && test(record.payload)) {
        return Promise.resolve(record.payload);
      }
    }
    return Promise.resolve(undefined);
  }
}
