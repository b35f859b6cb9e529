// The realm roles Odahu's policies read from a token (realm_access.roles, mapped in the API's
// mapper.rego): admin, data scientist, viewer. The emulator signs them into its tokens and checks
// them; the actions read them to refuse early what the token may not do.

import { decodeJwt } from 'jose';

export const REALM_ROLES = {
  admin: 'odahu_admin',
  data_scientist: 'odahu_data_scientist',
  viewer: 'odahu_viewer',
} as const;

/** `realm_access.roles` of a token's claims; none when the claim is absent or malformed. */
export function realmRolesOf(claims: Record<string, unknown>): string[] {
  const access = claims.realm_access;
  if (typeof access !== 'object' || access === null) return [];
  const roles = (access as { roles?: unknown }).roles;
  return Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : [];
}

/**
 * The realm roles a bearer token carries (unverified: only to refuse early), or undefined when that
 * cannot be told: an opaque token, or a JWT without realm_access.
 */
export function tokenRealmRoles(token: string): string[] | undefined {
  let claims: Record<string, unknown>;
  try {
    claims = decodeJwt(token);
  } catch {
    return undefined;
  }
  return typeof claims.realm_access === 'object' && claims.realm_access !== null
    ? realmRolesOf(claims)
    : undefined;
}
