// GET /api/v1/configuration and GET /api/v1/user/info.

import { decodeJwt } from 'jose';
import { ApiFailure } from '../cluster.js';
import type { Exchange } from '../exchange.js';
import type { Router } from '../router.js';

/** The claims the server reads the user from (its users.claims configuration). */
const CLAIMS = { username: 'name', email: 'email' } as const;

export function clusterEndpoints(router: Router, configuration: Record<string, unknown>): void {
  router.add('GET', '/api/v1/configuration', (exchange) => exchange.json(200, configuration));
  router.add('GET', '/api/v1/user/info', (exchange) => exchange.json(200, userInfo(exchange)));
}

/** The server decodes the bearer token without verifying it (the mesh has done that). */
function userInfo(exchange: Exchange): { email: string; username: string } {
  const authorization = exchange.header('authorization');
  if (authorization === undefined) return { email: 'anonymous@email.org', username: 'anonymous' };
  const token = /^Bearer (.+)$/.exec(authorization)?.[1];
  if (token === undefined)
    throw new ApiFailure(400, 'Unexpected error during extraction a token from headers');
  let claims: Record<string, unknown>;
  try {
    claims = decodeJwt(token);
  } catch {
    throw new ApiFailure(400, 'Malformed JWT: malformed JWT');
  }
  const read = (claim: string): string => {
    const value = claims[claim];
    if (value === undefined) throw new ApiFailure(400, `Malformed JWT: ${claim} claim is missing`);
    if (typeof value !== 'string')
      throw new ApiFailure(400, `Malformed JWT: ${claim} claim is not the string type`);
    return value;
  };
  const username = read(CLAIMS.username);
  return { email: read(CLAIMS.email), username };
}
