// Keycloak's federated client authentication ("Signed JWT - Federated"): a client proves itself with
// a token from an external issuer the realm trusts (an OpenID Connect identity provider), sent as
// `client_assertion` with `client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer`.
// As Keycloak does it (FederatedJWTClientAuthenticator, FederatedJWTClientValidator): the client is
// the one whose identity provider has the assertion's `iss` and whose federated subject is exactly
// its `sub`; then, in this order, the form's client_id (if any) is checked, the header must name an
// algorithm, the signature must verify with the issuer's keys (found by its discovery document: an
// `alg` of none or HS256 has none, so it fails here), `aud` must be the realm's issuer alone, and the
// token must be live (exp, nbf, iat at most 300 s ago and not after the realm's time plus the
// allowed clock skew, a jti used once).
//
// The client_id rule: since keycloak/keycloak#48026 (May 2026) it must be the proven client's own id
// ("client_id parameter does not match authenticated client"); before, it had to equal the `sub`
// ("client_id parameter does not match sub claim"). Either refusal reaches the caller only when the
// client_id names a client of the realm (Keycloak's secret authenticator, which runs first, has then
// made it the flow's client); a client_id that names none ends, as every other failure of the flow
// without an answer of its own, in 401 invalid_client "Invalid client or Invalid client credentials".
// Keycloak's answers: that 401 when no client is found or the signature fails, 400 invalid_client
// with the check's own text otherwise.

import { createRemoteJWKSet, compactVerify, decodeJwt, decodeProtectedHeader, type JWTPayload } from 'jose';
import type { Role } from './options.js';

export const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export interface FederatedClient {
  clientId: string;
  /** Its service account's realm role. */
  role: Role;
  /** The external issuer whose tokens prove the client (Keycloak: an identity provider's issuer). */
  issuer: string;
  /** The `sub` those tokens must have, exactly (Keycloak: the client's "Federated subject"). */
  subject: string;
}

export type FederatedAnswer =
  | { ok: true; clientId: string }
  | { ok: false; status: 400 | 401; body: { error: 'invalid_client'; error_description: string } };

/** Keycloak's FederatedJWTClientValidator: how old a token may be, whatever its exp says. */
const MAX_AGE_SECONDS = 300;

export interface FederationSettings {
  /** The realm's issuer: the one audience an assertion may have. */
  realmIssuer: string;
  /** The realm's time, in ms since the epoch. */
  now?: () => number;
  /** The identity providers' allowedClockSkew, in seconds. Default 0, as Keycloak's. */
  allowedClockSkewSeconds?: number;
  /** What a sent client_id must be: the proven client's id (default) or the assertion's sub. */
  clientIdCheck?: 'client' | 'subject';
}

const refused = (status: 400 | 401, description: string): FederatedAnswer => ({
  ok: false,
  status,
  body: { error: 'invalid_client', error_description: description },
});
/** What Keycloak says when it finds no client, or the signature fails: nothing more. */
const INVALID_CLIENT = refused(401, 'Invalid client or Invalid client credentials');

export class FederatedClients {
  private readonly clients: FederatedClient[] = [];
  /** Each issuer's keys, from its discovery document's jwks_uri (fetched again for an unknown kid). */
  private readonly keys = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
  /** The jti of every assertion taken, until it expires: Keycloak takes each one once. */
  private readonly used = new Map<string, number>();

  private readonly realmIssuer: string;
  private readonly now: () => number;
  private readonly skew: number;
  private readonly clientIdCheck: 'client' | 'subject';

  constructor(settings: FederationSettings) {
    this.realmIssuer = settings.realmIssuer;
    this.now = settings.now ?? Date.now;
    this.skew = settings.allowedClockSkewSeconds ?? 0;
    this.clientIdCheck = settings.clientIdCheck ?? 'client';
  }

  /** The federated client with this id, if there is one. */
  get(clientId: string): FederatedClient | undefined {
    return this.clients.find((c) => c.clientId === clientId);
  }

  /** Trusts `client.issuer` for the client; one subject per client and one client per subject, as Keycloak. */
  add(client: FederatedClient, taken: (clientId: string) => boolean): void {
    if (taken(client.clientId) || this.clients.some((c) => c.clientId === client.clientId)) {
      throw new Error(`client ${client.clientId} exists already: a federated client is a client of its own`);
    }
    const same = this.clients.find((c) => c.issuer === client.issuer && c.subject === client.subject);
    if (same) {
      throw new Error(
        `client ${same.clientId} already trusts ${client.issuer} for subject ${client.subject}: ` +
          'one client per subject',
      );
    }
    this.clients.push({ ...client });
  }

  /**
   * Authenticates a token request that carries a jwt-bearer client assertion; `isClient` says
   * whether an id names a client of the realm (with a secret or federated).
   */
  async authenticate(form: URLSearchParams, isClient: (id: string) => boolean): Promise<FederatedAnswer> {
    const assertion = form.get('client_assertion') ?? '';
    let header: ReturnType<typeof decodeProtectedHeader>;
    let claims: JWTPayload;
    try {
      header = decodeProtectedHeader(assertion);
      claims = decodeJwt(assertion);
    } catch {
      return INVALID_CLIENT;
    }
    const client = this.clients.find((c) => c.issuer === claims.iss && c.subject === claims.sub);
    if (!client) return INVALID_CLIENT;
    const clientIdParam = form.get('client_id');
    const expected = this.clientIdCheck === 'client' ? client.clientId : claims.sub;
    if (clientIdParam !== null && clientIdParam !== expected) {
      // Only a client_id of the realm makes the refusal the flow's answer.
      if (!isClient(clientIdParam)) return INVALID_CLIENT;
      return refused(
        400,
        this.clientIdCheck === 'client'
          ? 'client_id parameter does not match authenticated client'
          : 'client_id parameter does not match sub claim',
      );
    }
    // Keycloak's header parser knows `none` and the HS, RS, PS, ES algorithms: any of them passes
    // this check, and only a key of the issuer's (asymmetric) verifies the signature below.
    if (typeof header.alg !== 'string') return refused(400, 'Invalid signature algorithm');
    if (!(await this.signatureHolds(client.issuer, assertion))) return INVALID_CLIENT;
    const audience = claims.aud === undefined ? [] : [claims.aud].flat();
    if (!audience.includes(this.realmIssuer)) return refused(400, 'Invalid token audience');
    if (audience.length > 1) return refused(400, 'Multiple audiences not allowed');
    const problem = this.liveness(claims);
    if (problem) return refused(400, problem);
    return { ok: true, clientId: client.clientId };
  }

  /** Keycloak's checks of exp, nbf, iat and jti, with the allowed clock skew (default none). */
  private liveness(claims: JWTPayload): string | undefined {
    const now = Math.floor(this.now() / 1000);
    const skew = this.skew;
    const { exp, nbf, iat, jti } = claims;
    if (exp === undefined) return 'Token exp claim is required';
    if (now >= exp + skew || (nbf !== undefined && now < nbf - skew)) return 'Token is not active';
    if (iat === undefined) {
      if (exp - now > MAX_AGE_SECONDS) {
        return 'Token expiration is too far in the future and iat claim not present in token';
      }
    } else {
      if (iat - skew > now) return 'Token was issued in the future';
      if (now > iat + MAX_AGE_SECONDS) return 'Token was issued too far in the past to be used now';
    }
    if (jti === undefined) return 'Token jti claim is required';
    for (const [id, until] of this.used) if (until < now) this.used.delete(id);
    if (this.used.has(jti)) return 'Token reuse detected';
    this.used.set(jti, exp);
    return undefined;
  }

  private async signatureHolds(issuer: string, assertion: string): Promise<boolean> {
    try {
      await compactVerify(assertion, await this.keysOf(issuer));
      return true;
    } catch {
      return false;
    }
  }

  private async keysOf(issuer: string): Promise<ReturnType<typeof createRemoteJWKSet>> {
    const known = this.keys.get(issuer);
    if (known) return known;
    const response = await fetch(`${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`, {
      signal: AbortSignal.timeout(10_000),
    });
    const discovery = (await response.json()) as { jwks_uri?: unknown };
    if (!response.ok || typeof discovery.jwks_uri !== 'string') {
      throw new Error(`${issuer} has no discovery document with a jwks_uri`);
    }
    const keys = createRemoteJWKSet(new URL(discovery.jwks_uri));
    this.keys.set(issuer, keys);
    return keys;
  }
}
