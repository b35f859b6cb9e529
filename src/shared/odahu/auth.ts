// Where the token is fetched. The client-credentials grant at the OAuth2 token endpoint, as the
// Airflow plugin does; the answer's id_token is the bearer when there is one (Odahu's SDK sends the
// id_token), else its access_token. One token is shared by every call of the process, fetched again
// shortly before it expires and once after the API refuses it. The client proves itself with its
// secret, or with a client assertion made afresh for every request (the job's GitHub OIDC token,
// github-oidc.ts). The secret goes to one origin only, the auth-url's: a token request follows no
// redirect (the library would replay the form, secret and all, to wherever it points), and an OpenID
// configuration naming a token endpoint on another origin or scheme is refused.

import * as core from '@actions/core';
import { decodeJwt } from 'jose';

import { ApiError, AuthError, NetworkError, TooLargeError, displayUrl } from './errors.js';
import { ExchangeLimit, createHttpClient, readText, sendRequest, serverMessageOf } from './http.js';
import { OutageNotice } from './outage.js';
import { AnsweredServers, RETRYABLE_STATUSES, answerOf, sleep, withRetries } from './retry.js';
import type { RetryOptions } from './retry.js';
import { GitHubIdToken } from './github-oidc.js';
import { markSecret } from './secrets.js';
import type { Credentials } from './settings.js';
import { discoveryUrlOf, isDiscoveryUrl, realmIssuerOf } from './settings.js';
import { formatDuration } from '../duration.js';
import { logText } from './untrusted-text.js';

/** One exchange with the token endpoint, its answer read to the end, takes at most this. */
const TOKEN_EXCHANGE_MS = 30_000;
/** A token answer is a few kB; a longer one is not read. */
const MAX_TOKEN_ANSWER_BYTES = 1024 * 1024;
/**
 * How long to wait before sending an assertion again that Keycloak found "issued in the future": a
 * realm clock a few seconds behind GitHub's has caught up by then. Longer lags need the identity
 * provider's allowedClockSkew (README, "No secrets").
 */
export const CLOCK_SKEW_WAIT_MS = 5000;

export interface TokenSource {
  /** A bearer token for the next request. */
  token(signal?: AbortSignal): Promise<string>;
  /**
   * The server refused `refused` (a 401): a new token, or undefined when none can be had. Callers
   * that were refused the same token share one fetch; a token already replaced is not fetched again.
   */
  refresh(refused: string, signal?: AbortSignal): Promise<string | undefined>;
}

/** A ready token (the `token` setting): used as it is, never refreshed. */
export class StaticTokenSource implements TokenSource {
  constructor(private readonly value: string) {
    markSecret(value);
  }

  token(): Promise<string> {
    return Promise.resolve(this.value);
  }

  refresh(): Promise<string | undefined> {
    return Promise.resolve(undefined);
  }
}

/** A JWT that proves the client (RFC 7523 client authentication), with what to say when it is refused. */
export interface ClientAssertion {
  /** The audience the settings name (oidc-audience); without one, the realm's issuer is asked. */
  readonly audience: string | undefined;
  /** A fresh assertion for one request to the token endpoint, for `audience`. */
  next(audience: string): Promise<string>;
  /**
   * What the user needs to see of a refused assertion to fix the trust (never the assertion): the
   * claims, and for a 401 where to look first.
   */
  explain(assertion: string, status: number): string;
}

/** The client's id and secret in the form (an empty secret: a public client), or an assertion. */
export type ClientProof = { clientId: string; clientSecret: string } | { assertion: ClientAssertion };

export type ClientCredentialsOptions = ClientProof & {
  /** The token endpoint, or the issuer whose OpenID configuration names it. */
  authUrl: string;
  scope: string;
  retry?: Omit<RetryOptions, 'signal' | 'idempotent' | 'onRetry'>;
  /** For tests: the clock that decides expiry. */
  now?: () => number;
};

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

interface CachedToken {
  value: string;
  /** When to fetch the next one (ms since the epoch); Infinity when the lifetime is unknown. */
  refreshAt: number;
}

export class ClientCredentialsTokenSource implements TokenSource {
  private readonly options: ClientCredentialsOptions;
  private readonly now: () => number;
  private readonly http = createHttpClient({
    allowRetries: false,
    allowRedirects: false,
    socketTimeout: TOKEN_EXCHANGE_MS,
  });
  private readonly outage = new OutageNotice('the token endpoint');
  /** Whether the token endpoint has answered this source yet: until then, a grant gives up sooner. */
  private readonly answered = new AnsweredServers();
  private cached: CachedToken | undefined;
  private inFlight: Promise<string> | undefined;
  /** The endpoint that issued a token: the auth-url, or what discovery found behind it. */
  private tokenEndpoint: string | undefined;
  /** The realm's OpenID configuration, read once when needed. */
  private discovery: Promise<Discovery> | undefined;
  /** The audience of the client assertions, once known. */
  private audience: Promise<string> | undefined;

  constructor(options: ClientCredentialsOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
    if ('clientSecret' in options) markSecret(options.clientSecret);
  }

  token(signal?: AbortSignal): Promise<string> {
    if (this.cached && this.now() < this.cached.refreshAt) return Promise.resolve(this.cached.value);
    return this.shared(signal);
  }

  refresh(refused: string, signal?: AbortSignal): Promise<string | undefined> {
    if (this.cached && this.cached.value !== refused) return Promise.resolve(this.cached.value);
    this.cached = undefined;
    return this.shared(signal);
  }

  /** Concurrent callers wait for the same fetch; each can stop waiting with its own signal. */
  private shared(signal?: AbortSignal): Promise<string> {
    this.inFlight ??= this.fetch().finally(() => {
      this.inFlight = undefined;
    });
    if (!signal) return this.inFlight;
    signal.throwIfAborted();
    const fetching = this.inFlight;
    return new Promise<string>((resolve, reject) => {
      const onAbort = (): void => reject(signal.reason as Error);
      signal.addEventListener('abort', onAbort, { once: true });
      fetching.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  private async fetch(): Promise<string> {
    const { authUrl } = this.options;
    // An OpenID configuration URL names the token endpoint; anything else is tried as one first.
    let endpoint =
      this.tokenEndpoint ?? (isDiscoveryUrl(authUrl) ? await this.discoveredTokenEndpoint() : authUrl);
    let grant = await this.grant(endpoint);
    // A 404/405 from the auth-url: the user gave the issuer (`https://keycloak.example.com/...`).
    if ((grant.answer.status === 404 || grant.answer.status === 405) && endpoint === authUrl) {
      endpoint = await this.discoveredTokenEndpoint(grant.answer.status);
      core.info(
        logText(
          `auth-url ${displayUrl(authUrl)} is not a token endpoint (it answered ${grant.answer.status}); ` +
            `using ${displayUrl(endpoint)} from its OpenID configuration`,
        ),
      );
      grant = await this.grant(endpoint);
    }
    // Keycloak's clock a few seconds behind GitHub's: the same assertion once more, after a wait.
    if (grant.assertion !== undefined && issuedInTheFuture(grant.answer)) {
      core.info(
        `The token endpoint's clock is behind GitHub's (Token was issued in the future): trying again in ${formatDuration(CLOCK_SKEW_WAIT_MS)}.`,
      );
      await (this.options.retry?.sleep ?? sleep)(CLOCK_SKEW_WAIT_MS);
      grant = await this.grant(endpoint, grant.assertion);
    }
    const issued = this.tokenOf(endpoint, grant);
    this.tokenEndpoint = endpoint;
    this.cached = issued;
    return issued.value;
  }

  private tokenOf(endpoint: string, { answer, assertion }: GrantAnswer): CachedToken {
    const body = jsonObject(answer.text);
    if (answer.status >= 300 && answer.status < 400) {
      throw new AuthError(
        endpoint,
        `it answered ${answer.status} with a redirect${answer.location ? ` to ${redirectOrigin(answer.location, endpoint)}` : ''}: ` +
          'a token request follows no redirect (the client would send its secret along); set auth-url to the token endpoint itself',
        answer.status,
      );
    }
    if (answer.status < 200 || answer.status >= 300) {
      const refusal = describeRefusal(answer, body);
      const explained =
        assertion !== undefined && 'assertion' in this.options
          ? `${refusal} (${this.options.assertion.explain(assertion, answer.status)})`
          : refusal;
      throw new AuthError(endpoint, explained, answer.status);
    }
    if (!body) throw new AuthError(endpoint, 'the answer is not a JSON object');
    for (const key of ['id_token', 'access_token', 'refresh_token']) {
      if (typeof body[key] === 'string') markSecret(body[key]);
    }
    const value = body.id_token ?? body.access_token;
    if (typeof value !== 'string' || value === '') {
      throw new AuthError(endpoint, 'the answer holds neither an id_token nor an access_token');
    }
    const issuedAt = this.now();
    const lifetimeMs = lifetimeOf(value, body.expires_in, issuedAt);
    if (lifetimeMs === undefined) {
      core.debug(`fetched a token from ${displayUrl(endpoint)}; no expiry given, kept until refused`);
      return { value, refreshAt: Infinity };
    }
    core.debug(`fetched a token from ${displayUrl(endpoint)}, valid for ${Math.round(lifetimeMs / 1000)} s`);
    return { value, refreshAt: issuedAt + lifetimeMs - Math.min(30_000, lifetimeMs * 0.1) };
  }

  /**
   * The form POST of the grant, retried like any call when the answer is worth retrying. An assertion
   * is made for each attempt (the server may take each one only once), unless `again` is one the
   * server refused before taking it.
   */
  private async grant(endpoint: string, again?: string): Promise<GrantAnswer> {
    const options = this.options;
    const headers = { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' };
    let assertion: string | undefined;
    const audience = 'assertion' in options ? await this.assertionAudience() : undefined;
    let first = true;
    const answer = await this.retried(endpoint, async () => {
      const form = new URLSearchParams({ grant_type: 'client_credentials' });
      if ('assertion' in options) {
        assertion = again !== undefined && first ? again : await options.assertion.next(audience!);
        first = false;
        // No client_id: Keycloak wants one, when sent, to be the assertion's subject.
        form.set('client_assertion_type', JWT_BEARER);
        form.set('client_assertion', assertion);
      } else {
        form.set('client_id', options.clientId);
        form.set('client_secret', options.clientSecret);
      }
      form.set('scope', options.scope);
      return this.ask('POST', endpoint, form.toString(), headers);
    });
    return { answer, assertion };
  }

  /** The realm's OpenID configuration (its token endpoint and issuer), read once. */
  private discover(): Promise<Discovery> {
    if (!this.discovery) {
      const { authUrl } = this.options;
      const url = discoveryUrlOf(authUrl);
      const read = this.retried(authUrl, () =>
        this.ask('GET', url, null, { accept: 'application/json' }),
      ).then((answer): Discovery => {
        const body = answer.status === 200 ? jsonObject(answer.text) : undefined;
        const text = (key: string) => (typeof body?.[key] === 'string' ? body[key] : undefined);
        return { url, status: answer.status, tokenEndpoint: text('token_endpoint'), issuer: text('issuer') };
      });
      this.discovery = read;
      // A read that failed (no answer in the budget) is made again by the next grant.
      read.catch(() => {
        if (this.discovery === read) this.discovery = undefined;
      });
    }
    return this.discovery;
  }

  /**
   * The audience of a client assertion: the settings' oidc-audience, else the realm's issuer as its
   * OpenID configuration names it (Keycloak compares it with its public issuer, whatever name the
   * step reaches it by), else as the auth-url spells it.
   */
  private assertionAudience(): Promise<string> {
    if (!('assertion' in this.options)) throw new Error('no client assertion');
    const { assertion, authUrl } = this.options;
    if (assertion.audience !== undefined) return Promise.resolve(assertion.audience);
    if (!this.audience) {
      const found = this.discover().then(({ issuer, url, status }) => {
        if (issuer) {
          core.debug(`the realm's issuer, from ${displayUrl(url)}: ${issuer}`);
          return issuer;
        }
        core.debug(
          `${displayUrl(url)} answered ${status} without an issuer: the audience is taken from auth-url`,
        );
        return realmIssuerOf(authUrl);
      });
      this.audience = found;
      found.catch(() => {
        if (this.audience === found) this.audience = undefined;
      });
    }
    return this.audience;
  }

  /**
   * The token endpoint the realm's OpenID configuration names; `status` is what the auth-url answered
   * a grant with, when it was tried as a token endpoint first.
   */
  private async discoveredTokenEndpoint(status?: number): Promise<string> {
    const { authUrl } = this.options;
    const { url, status: read, tokenEndpoint: endpoint } = await this.discover();
    if (endpoint === undefined) {
      throw new AuthError(
        authUrl,
        `${status === undefined ? '' : `it answered ${status} to the token request and `}${displayUrl(url)} answered ${read} ` +
          `without a token_endpoint: is it the token endpoint or the issuer URL?`,
        status,
      );
    }
    const origin = originOf(endpoint);
    if (origin !== originOf(authUrl)) {
      throw new AuthError(
        authUrl,
        `its OpenID configuration names token_endpoint ${endpoint} on ${origin ? `another origin (${origin})` : 'no URL'}: ` +
          `refused, the client's secret goes to ${originOf(authUrl)} only; set auth-url to the token endpoint itself if it is the right one`,
        status,
      );
    }
    return endpoint;
  }

  private async ask(
    method: string,
    url: string,
    body: string | null,
    headers: Record<string, string>,
  ): Promise<TokenAnswer> {
    const limit = new ExchangeLimit(method, url, TOKEN_EXCHANGE_MS);
    let answer: TokenAnswer;
    try {
      const response = await sendRequest(this.http, method, url, body, headers, limit.signal);
      const text = await readText(method, url, response.message, {
        signal: limit.signal,
        maxBytes: MAX_TOKEN_ANSWER_BYTES,
      });
      const { statusCode, statusMessage, headers: answerHeaders } = response.message;
      answer = {
        status: statusCode ?? 0,
        statusMessage,
        text,
        location: answerHeaders.location,
        retryAfter: answerHeaders['retry-after'],
      };
    } catch (error) {
      throw limit.explain(error);
    } finally {
      limit.dispose();
    }
    this.answered.mark(url);
    const { status } = answer;
    if (RETRYABLE_STATUSES.has(status)) {
      throw new ApiError({
        method,
        url,
        status,
        serverMessage: serverMessageOf(answer.text, answer.statusMessage),
        retryAfter: answer.retryAfter,
      });
    }
    return answer;
  }

  /** Retries; a failure that outlasts them is an AuthError naming the endpoint and the cause. */
  private async retried(endpoint: string, attempt: () => Promise<TokenAnswer>): Promise<TokenAnswer> {
    try {
      const answer = await withRetries(attempt, {
        ...this.options.retry,
        giveUp: this.answered.giveUp(endpoint, 'the token endpoint'),
        onRetry: ({ error, delayMs, deadline }) => {
          core.debug(`${error.message}; retrying in ${delayMs} ms`);
          // A server that never answered gets no outage notice: the call gives up on it soon instead.
          if (this.answered.has(endpoint)) this.outage.failed(answerOf(error), deadline);
        },
      });
      this.outage.answered();
      return answer;
    } catch (error) {
      // As AuthErrors, so that the API call waiting for this token does not retry it all over again.
      if (error instanceof ApiError) {
        throw new AuthError(endpoint, `${error.status} ${error.serverMessage}`.trim(), error.status);
      }
      if (error instanceof NetworkError) throw new AuthError(endpoint, error.detail);
      if (error instanceof TooLargeError) throw new AuthError(endpoint, error.message);
      throw error;
    }
  }
}

interface Discovery {
  /** Where it was read. */
  url: string;
  status: number;
  tokenEndpoint: string | undefined;
  issuer: string | undefined;
}

interface TokenAnswer {
  status: number;
  statusMessage: string | undefined;
  text: string;
  /** A redirect's Location, never followed. */
  location?: string;
  retryAfter?: string;
}

/** `https://host:port` of a URL, or '' when it is none. */
function originOf(url: string): string {
  try {
    const parsed = new URL(url);
    return /^https?:$/.test(parsed.protocol) ? parsed.origin : '';
  } catch {
    return '';
  }
}

/** Where a redirect points, as much as a message needs: its origin and path, no query. */
function redirectOrigin(location: string, from: string): string {
  try {
    const target = new URL(location, from);
    return displayUrl(`${target.origin}${target.pathname}`);
  } catch {
    return 'an unreadable location';
  }
}

interface GrantAnswer {
  answer: TokenAnswer;
  /** The assertion the answer is about, when the client proved itself with one. */
  assertion?: string;
}

/** The token source the credentials call for; a grant is retried for `retryBudgetMs` (default 3 min). */
export function tokenSourceFor(credentials: Credentials, retryBudgetMs?: number): TokenSource {
  const retry = retryBudgetMs === undefined ? undefined : { policy: { budgetMs: retryBudgetMs } };
  switch (credentials.type) {
    case 'token':
      return new StaticTokenSource(credentials.token);
    case 'client-credentials':
      return new ClientCredentialsTokenSource({ ...credentials, retry });
    case 'github-oidc': {
      const { authUrl, scope, audience } = credentials;
      // audience undefined: the realm's issuer, from its OpenID configuration.
      return new ClientCredentialsTokenSource({
        authUrl,
        scope,
        assertion: new GitHubIdToken(audience),
        retry,
      });
    }
  }
}

/**
 * Keycloak's refusal of a client assertion whose `iat` is later than its own clock (with the
 * identity provider's allowedClockSkew, 0 by default).
 */
function issuedInTheFuture(answer: TokenAnswer): boolean {
  return (
    answer.status === 400 && jsonObject(answer.text)?.error_description === 'Token was issued in the future'
  );
}

/** An OAuth2 error answer: its error_description, else its error, else the status and text. */
function describeRefusal(answer: TokenAnswer, body: Record<string, unknown> | undefined): string {
  const description = body?.error_description ?? body?.error;
  if (typeof description === 'string' && description.trim()) return description;
  return `${answer.status} ${serverMessageOf(answer.text, answer.statusMessage)}`.trim();
}

/**
 * How long the token lives, in ms: from the JWT's own `exp` when the bearer is a JWT (an id_token's
 * lifetime may differ from expires_in, which is the access token's), else from expires_in.
 */
export function lifetimeOf(token: string, expiresIn: unknown, now: number): number | undefined {
  const exp = jwtExpiry(token);
  // A clock far behind the issuer's would make a fresh token look expired: then trust expires_in.
  if (exp !== undefined && exp * 1000 > now) return exp * 1000 - now;
  const seconds = typeof expiresIn === 'string' ? Number(expiresIn) : expiresIn;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

/** The `exp` claim of a JWT (unverified: only to plan the refresh), or undefined. */
export function jwtExpiry(token: string): number | undefined {
  try {
    const { exp } = decodeJwt(token);
    return typeof exp === 'number' ? exp : undefined;
  } catch {
    return undefined;
  }
}

function jsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
