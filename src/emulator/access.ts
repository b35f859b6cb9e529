// Who may call what. In a real cluster the API server checks no token itself: Istio's JWT filter
// (Envoy) rejects missing or bad tokens with 401 and OPA decides by realm role (403 "RBAC: access
// denied"); each model's sidecar does the same against the deployment's roleName. The emulator
// verifies the signature against its provider's keys, the issuer and the expiry, in Envoy's order.

import { createLocalJWKSet, decodeJwt, jwtVerify, type JWTPayload, type JSONWebKeySet } from 'jose';
import { REALM_ROLES } from './oidc.js';

export type Verdict = { ok: true; claims: JWTPayload } | { ok: false; reason: string };

export const ACCESS_DENIED = 'RBAC: access denied';

export class TokenVerifier {
  private readonly keys: ReturnType<typeof createLocalJWKSet>;

  constructor(
    private readonly issuer: string,
    publicKeys: JSONWebKeySet,
  ) {
    this.keys = createLocalJWKSet(publicKeys);
  }

  /** Checks an Authorization header; the reasons are Envoy jwt_authn's answer texts. */
  async verify(authorization: string | undefined): Promise<Verdict> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match?.[1]) return { ok: false, reason: 'Jwt is missing' };
    const token = match[1];
    if (token.split('.').length !== 3) {
      return {
        ok: false,
        reason: 'Jwt is not in the form of Header.Payload.Signature with two dots and 3 sections',
      };
    }
    let claims: JWTPayload;
    try {
      claims = decodeJwt(token);
    } catch {
      return { ok: false, reason: 'Jwt verification fails' };
    }
    if (claims.iss !== this.issuer) return { ok: false, reason: 'Jwt issuer is not configured' };
    const now = Math.floor(Date.now() / 1000);
    if (typeof claims.exp === 'number' && claims.exp <= now) return { ok: false, reason: 'Jwt is expired' };
    if (typeof claims.nbf === 'number' && claims.nbf > now) return { ok: false, reason: 'Jwt not yet valid' };
    try {
      // Times were checked above; a tolerance here keeps jose from judging them a second time.
      const verified = await jwtVerify(token, this.keys, {
        issuer: this.issuer,
        algorithms: ['RS256'],
        clockTolerance: 60,
      });
      return { ok: true, claims: verified.payload };
    } catch {
      return { ok: false, reason: 'Jwt verification fails' };
    }
  }
}

/** Envoy's challenge header on a 401. */
export function bearerChallenge(url: string, reason: string): string {
  return reason === 'Jwt is missing'
    ? `Bearer realm="${url}"`
    : `Bearer realm="${url}", error="invalid_token"`;
}

export function realmRoles(claims: JWTPayload): string[] {
  const access = claims.realm_access;
  if (typeof access !== 'object' || access === null) return [];
  const roles = (access as { roles?: unknown }).roles;
  return Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : [];
}

const API = '/api/v1';
/** A data scientist may do anything here (events feeds included: the rules are prefixes). */
const SCIENCE_PREFIXES = ['/model/deployment', '/model/packaging', '/model/training'].map((p) => API + p);
/** A data scientist may read these; a viewer may read these and the science paths. */
const READ_PREFIXES = [
  '/model/route',
  '/configuration',
  '/packaging/integration',
  '/user',
  '/toolchain/integration',
].map((p) => API + p);
/** Connections may be listed and read masked, not decrypted. */
const CONNECTION_READ = /^\/api\/v1\/connection(\/[^/]+)?$/;

/** The API's OPA policy: admin everything; data_scientist and viewer as in the table above. */
export function apiAllows(roles: readonly string[], method: string, path: string): boolean {
  if (roles.includes(REALM_ROLES.admin)) return true;
  const science = SCIENCE_PREFIXES.some((p) => path.startsWith(p));
  const readable = science || READ_PREFIXES.some((p) => path.startsWith(p)) || CONNECTION_READ.test(path);
  if (roles.includes(REALM_ROLES.data_scientist) && (science || (method === 'GET' && readable))) return true;
  return roles.includes(REALM_ROLES.viewer) && method === 'GET' && readable;
}

/** A model's OPA policy: the deployment's roleName, or a data scientist or admin. */
export function modelAllows(roles: readonly string[], roleName: string): boolean {
  return (
    roles.includes(roleName) ||
    roles.includes(REALM_ROLES.data_scientist) ||
    roles.includes(REALM_ROLES.admin)
  );
}
