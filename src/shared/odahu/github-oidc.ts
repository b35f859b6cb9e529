// The job's GitHub OIDC token as the client's proof (auth github-oidc): asked from GitHub's token
// service for the realm's audience (core.getIDToken), a fresh one for every grant because GitHub's
// tokens live minutes and Keycloak takes each one once. When Keycloak refuses it, the user is shown
// the claims its trust is configured on (`sub`, `aud`), never the token.

import * as core from '@actions/core';
import { decodeJwt } from 'jose';

import type { ClientAssertion } from './auth.js';
import { AuthError } from './errors.js';
import { markSecret } from './secrets.js';
import { messageOf } from '../thrown.js';

/** Asks GitHub for an ID token with this audience (core.getIDToken; tests pass their own). */
export type IdTokenRequest = (audience: string) => Promise<string>;

export class GitHubIdToken implements ClientAssertion {
  constructor(
    /** oidc-audience; undefined: the realm's issuer, which the token source finds. */
    readonly audience: string | undefined = undefined,
    private readonly request: IdTokenRequest = (audience) => core.getIDToken(audience),
  ) {}

  async next(audience: string): Promise<string> {
    let token: string;
    try {
      token = await this.request(audience);
    } catch (error) {
      throw new AuthError(
        tokenServiceUrl(),
        `could not get the job's GitHub OIDC token for audience ${audience}: ${messageOf(error)}`,
      );
    }
    markSecret(token);
    return token;
  }

  explain(token: string, status: number): string {
    let claims: { sub?: unknown; aud?: unknown };
    try {
      claims = decodeJwt(token);
    } catch {
      return "the job's GitHub OIDC token could not be read";
    }
    const aud = Array.isArray(claims.aud) ? claims.aud.join(', ') : String(claims.aud);
    const trust =
      `the job's GitHub OIDC token has sub "${String(claims.sub)}" and aud "${aud}": the realm needs ` +
      "an identity provider for the token's issuer and a client with federated authentication for this subject";
    // Keycloak says no more than this 401 when no client matched, the signature failed, or its
    // clients flow has no federated authenticator at all (a realm older than the feature).
    return status === 401
      ? `${trust}, and its clients flow needs "Signed JWT - Federated" (${REALM_SETUP})`
      : trust;
  }
}

/** Where the README says how to set the realm up. */
export const REALM_SETUP = 'see "No secrets: the realm" in the odahu-actions README';

/** Where the job's token comes from, without the query (it names the run's plan and job). */
function tokenServiceUrl(): string {
  const url = process.env.ACTIONS_ID_TOKEN_REQUEST_URL ?? '';
  return url.split('?')[0] || "GitHub's OIDC token service";
}
