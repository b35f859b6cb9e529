// Who may call what. In a real cluster the API server checks no token itself: Istio's JWT filter
// (Envoy) rejects missing or bad tokens with 401 and OPA decides by realm role (403 "RBAC: access
// denied"); each model's sidecar does the same against the deployment's roleName. The emulator
// verifies the signature against its provider's keys, the issuer and the expiry, in Envoy's order.

import { createLocalJWKSet, decodeJwt, jwtVerify, type JWTPayload, type JSONWebKeySet } from 'jose';
import { REALM_ROLES } from '../shared/odahu/realm-roles.js';

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

/**
 * The API's OPA policy (helms/odahu-flow-core/policies/api/permissions.rego and core.rego): a role may
 * do what one of its [method, resource] pairs matches, each a regular expression tried anywhere in
 * the text (OPA's re_match), unanchored unless it says ^ or $. The resource is Envoy's
 * `attributes.request.http.path`, the request target as the client sent it: the path with its query
 * string, undecoded. So `GET /api/v1/connection?type=git` matches no connection rule (the rule ends
 * in `/*$`) and is denied to data scientists and viewers, while the `.*` rules match with a query.
 */
/** Paths a data scientist may do anything on, and a viewer GET. */
const SCIENCE_PATHS = [
  /^\/api\/v1\/model\/deployment.*/,
  /^\/api\/v1\/model\/packaging.*/,
  /^\/api\/v1\/model\/training.*/,
];
/** Paths data scientists and viewers may GET. */
const READ_PATHS = [
  /^\/api\/v1\/model\/route.*/,
  /^\/api\/v1\/configuration.*/,
  /^\/api\/v1\/connection\/*[a-zA-Z0-9-]*\/*$/,
  /^\/api\/v1\/packaging\/integration.*/,
  /^\/api\/v1\/user.*/,
  /^\/api\/v1\/toolchain\/integration.*/,
];
const ANY = /.*/;
const GET = /GET/;
const API_PERMISSIONS: Readonly<Record<string, readonly (readonly [RegExp, RegExp])[]>> = {
  [REALM_ROLES.admin]: [[ANY, ANY]],
  [REALM_ROLES.data_scientist]: [
    ...SCIENCE_PATHS.map((path) => [ANY, path] as const),
    ...READ_PATHS.map((path) => [GET, path] as const),
  ],
  [REALM_ROLES.viewer]: [...SCIENCE_PATHS, ...READ_PATHS].map((path) => [GET, path] as const),
};

/** What core.rego lets any token GET: `/`, `/health`, and anything with `/swagger` in it (unanchored). */
const OPEN_TO_ALL: readonly RegExp[] = [/^\/$/, /\/swagger.*/, /^\/health$/];

/** The API's OPA policy, for a request `target` (path and query, as sent) by a token with `roles`. */
export function apiAllows(roles: readonly string[], method: string, target: string): boolean {
  if (method === 'GET' && OPEN_TO_ALL.some((resource) => resource.test(target))) return true;
  return roles.some((role) =>
    (API_PERMISSIONS[role] ?? []).some(([action, resource]) => action.test(method) && resource.test(target)),
  );
}

/** A model's OPA policy: the deployment's roleName, or a data scientist or admin. */
export function modelAllows(roles: readonly string[], roleName: string): boolean {
  return (
    roles.includes(roleName) ||
    roles.includes(REALM_ROLES.data_scientist) ||
    roles.includes(REALM_ROLES.admin)
  );
}
