// The token endpoint's grants, answered as the cluster's Keycloak answers them. oidc-provider's own
// client_credentials grant gives an access token only, and its refresh_token grant needs a grant
// made by a browser login; the Odahu SDK needs `access_token`, `refresh_token` and `id_token` from
// client credentials (REFERENCE §9), and the Airflow plugin sends the `id_token`. So both grants are
// registered here over oidc-provider's own token models: it still authenticates the client, parses
// and validates the form, signs with its keys, stores the refresh tokens and answers OAuth errors.
//
// A client-credentials answer (Keycloak with "use refresh tokens for client credentials", the
// client's `client_credentials.use_refresh_token`, on as Odahu's realm clients have it):
//   access_token, expires_in, refresh_expires_in, refresh_token, token_type: Bearer,
//   id_token (only when the scope has `openid`), not-before-policy, session_state, scope.
// With the setting off (Keycloak's default since 12: a federated client made for GitHub, say) there
// is no refresh_token, and refresh_expires_in is 0.
// `grant_type=refresh_token` with the client's id and secret answers the same, with the scope the
// refresh token was issued for.

import { createHash, randomUUID } from 'node:crypto';
import type { Client, errors as OidcErrors, KoaContextWithOIDC, Provider } from 'oidc-provider';
import type { Role } from './options.js';
import { REALM_ROLES } from '../shared/odahu/realm-roles.js';

/** The scopes the realm knows; Keycloak adds its default client scopes to whatever is asked. */
export const SCOPES = ['openid', 'profile', 'email', 'offline_access', 'groups'];
const DEFAULT_SCOPES = ['profile', 'email'];

/** Keycloak's "SSO Session Idle" default: how long a refresh token is good for. */
const REFRESH_TTL_SECONDS = 1800;

export interface TokenSettings {
  /** Every access token's audience: the cluster (API and edge). */
  audience: string;
  /** Access and id token lifetime. */
  ttlSeconds: number;
  /** The role of each client id. */
  roles: ReadonlyMap<string, Role>;
  /** Whether the client's client-credentials answer carries a refresh token (use_refresh_token). */
  useRefreshToken: (clientId: string) => boolean;
}

/**
 * What Keycloak says about a client's service account, in the access token and the id token alike:
 * the realm roles the Odahu policies read, and the name and email the API's `/user/info` and the
 * SDK read.
 */
export function serviceAccountClaims(clientId: string, role: Role | undefined): Record<string, unknown> {
  return {
    azp: clientId,
    realm_access: { roles: role ? [REALM_ROLES[role]] : [] },
    name: clientId,
    email: `${clientId}@odahu.local`,
    email_verified: false,
    preferred_username: `service-account-${clientId}`,
  };
}

/** The service account's user id (Keycloak's `sub`): a UUID, the same for a client on every start. */
export function serviceAccountId(clientId: string): string {
  const hex = createHash('sha256').update(`service-account-${clientId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Replaces oidc-provider's client_credentials and refresh_token grants with Keycloak's. */
export function registerKeycloakGrants(
  provider: Provider,
  errors: typeof OidcErrors,
  settings: TokenSettings,
): void {
  const issue = tokenIssuer(provider, settings);

  provider.registerGrantType(
    'client_credentials',
    async (ctx) => {
      const requested = (ctx.oidc.params.scope ?? '').split(' ').filter(Boolean);
      const unknown = requested.filter((s) => !SCOPES.includes(s));
      if (unknown.length > 0) {
        throw new errors.CustomOIDCProviderError('invalid_scope', `Invalid scopes: ${unknown.join(' ')}`);
      }
      const scope = [...new Set([...requested, ...DEFAULT_SCOPES])];
      ctx.body = await issue(ctx, ctx.oidc.client, scope.join(' '));
    },
    ['scope'],
  );

  provider.registerGrantType(
    'refresh_token',
    async (ctx) => {
      const value = ctx.oidc.params.refresh_token;
      if (typeof value !== 'string' || value === '') {
        throw new errors.InvalidRequest('Missing parameter: refresh_token');
      }
      const stored = await provider.RefreshToken.find(value);
      if (!stored) throw new errors.CustomOIDCProviderError('invalid_grant', 'Invalid refresh token');
      if (stored.clientId !== ctx.oidc.client.clientId) {
        throw new errors.CustomOIDCProviderError(
          'invalid_grant',
          "Invalid refresh token. Token client and authorized client don't match",
        );
      }
      ctx.body = await issue(ctx, ctx.oidc.client, stored.scope ?? '');
    },
    ['refresh_token'],
  );
}

type Issue = (ctx: KoaContextWithOIDC, client: Client, scope: string) => Promise<Record<string, unknown>>;

function tokenIssuer(provider: Provider, settings: TokenSettings): Issue {
  const { audience, ttlSeconds, roles, useRefreshToken } = settings;
  const resourceServer = new provider.ResourceServer(audience, {
    scope: SCOPES.join(' '),
    accessTokenFormat: 'jwt',
    accessTokenTTL: ttlSeconds,
  });
  const refreshTtl = Math.max(REFRESH_TTL_SECONDS, ttlSeconds);

  return async (ctx, client, scope) => {
    const { clientId } = client;
    const accountId = serviceAccountId(clientId);
    // Keycloak's user session: the id every token of this login shares (`sid`, `session_state`).
    const session = randomUUID();
    const common = { client, accountId, grantId: session, gty: 'client_credentials', scope, sid: session };
    const accessToken = await new provider.AccessToken({
      ...common,
      resourceServer,
      expiresIn: ttlSeconds,
    }).save();
    // Keycloak 12 and later: only for a client with client_credentials.use_refresh_token on.
    const refreshToken = useRefreshToken(clientId)
      ? await new provider.RefreshToken({ ...common, expiresIn: refreshTtl }).save()
      : undefined;

    let idToken: string | undefined;
    if (scope.split(' ').includes('openid')) {
      // Set, not offered as account claims: those pass through the scopes' claim lists, these are
      // what Keycloak puts in every id token.
      const token = new provider.IdToken({}, { ctx });
      for (const [claim, value] of Object.entries({
        sub: accountId,
        ...serviceAccountClaims(clientId, roles.get(clientId)),
        typ: 'ID',
        sid: session,
        at_hash: accessToken,
      })) {
        token.set(claim, value);
      }
      idToken = await token.issue({ use: 'idtoken' });
    }

    return {
      access_token: accessToken,
      expires_in: ttlSeconds,
      // Without a refresh token Keycloak still says refresh_expires_in, as 0.
      refresh_expires_in: refreshToken === undefined ? 0 : refreshTtl,
      ...(refreshToken === undefined ? {} : { refresh_token: refreshToken }),
      token_type: 'Bearer',
      ...(idToken === undefined ? {} : { id_token: idToken }),
      'not-before-policy': 0,
      session_state: session,
      scope,
    };
  };
}
