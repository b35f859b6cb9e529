// What stands in front of the API handlers, in a real cluster's order: the ingress (where the
// emulator's faults strike), Istio's JWT check (401), OPA's role policy (403), then gin's router
// (trailing-slash redirects, a plain-text 404 for anything else) and the handlers' errors as
// `{"message": ...}`.

import { ACCESS_DENIED, apiAllows, bearerChallenge, type TokenVerifier } from '../access.js';
import { realmRolesOf } from '../../shared/odahu/realm-roles.js';
import type { JWTPayload } from 'jose';
import { messageOf } from '../../shared/thrown.js';
import { ApiFailure } from '../cluster.js';
import type { Exchange } from '../exchange.js';
import { UPSTREAM_FAILURE } from '../faults.js';
import type { Faults } from '../faults.js';
import type { Outages } from '../outages.js';
import type { Router } from '../router.js';

export const NOT_FOUND_PAGE = '404 page not found';

export class ApiGateway {
  constructor(
    private readonly router: Router,
    private readonly verifier: TokenVerifier,
    private readonly faults: Faults,
    private readonly baseUrl: string,
    private readonly outages: Outages,
  ) {}

  async handle(exchange: Exchange): Promise<void> {
    if (this.outages.down('api')) {
      exchange.text(503, UPSTREAM_FAILURE);
      return;
    }
    if (await this.faults.intercept(exchange)) return;
    const claims = await this.authenticate(exchange);
    if (!claims) return;
    if (!apiAllows(realmRolesOf(claims), exchange.method, exchange.target)) {
      exchange.text(403, ACCESS_DENIED);
      return;
    }
    const search = exchange.query.size > 0 ? `?${exchange.query.toString()}` : '';
    const match = this.router.match(exchange.method, exchange.path, search);
    if (match.kind === 'none') {
      exchange.text(404, NOT_FOUND_PAGE);
      return;
    }
    if (match.kind === 'redirect') {
      // Go's http.Redirect writes a small HTML body for GET only.
      const body = match.status === 301 ? `<a href="${match.location}">Moved Permanently</a>.\n\n` : '';
      exchange.send(match.status, body ? 'text/html; charset=utf-8' : '', body, { location: match.location });
      return;
    }
    exchange.route = match.template;
    try {
      await match.handle(exchange, match.params);
    } catch (error) {
      answerFailure(exchange, error);
    }
  }

  /**
   * GET /health: the API's ingress puts it behind sign-in like every path of the API host, so a
   * request without a valid token is refused (the SDK's `login` logs in on that, and keeps the tokens);
   * with one, OPA lets anyone have it.
   */
  async health(exchange: Exchange): Promise<void> {
    if (!(await this.authenticate(exchange))) return;
    exchange.route = '/health';
    exchange.json(200, {});
  }

  /** The token's claims, or undefined once a 401 has been answered. */
  private async authenticate(exchange: Exchange): Promise<JWTPayload | undefined> {
    const verdict = await this.verifier.verify(exchange.header('authorization'));
    if (verdict.ok) return verdict.claims;
    const challenge = bearerChallenge(`${this.baseUrl}${exchange.path}`, verdict.reason);
    exchange.text(401, verdict.reason, { 'www-authenticate': challenge });
    return undefined;
  }
}

/** A refusal as the server words it; anything unexpected is a 500 with its text, as Go's handlers do. */
export function answerFailure(exchange: Exchange, error: unknown): void {
  if (exchange.isAnswered) {
    // A streamed answer already started: all that is left is to end it.
    exchange.res.destroy();
    return;
  }
  if (error instanceof ApiFailure) {
    if (error.emptyBody) exchange.send(error.status, '', '');
    else exchange.json(error.status, { message: error.message });
    return;
  }
  console.error(error);
  exchange.json(500, { message: messageOf(error) });
}
