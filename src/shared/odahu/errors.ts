// The errors users see. Each message is one line (InputError: one line per problem) that says what
// failed and where, and never holds a secret: messages pass through `redact`, URLs lose any userinfo.

import { redact } from './secrets.js';

/** A URL as it may be shown: without `user:password@`. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password) return url;
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return url;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** ` (tried for 3m 00s, 41 attempts)` after a message, when there was more than one attempt. */
function triedNote(tried: string | undefined): string {
  return tried ? ` (${tried})` : '';
}

/** Bad inputs, settings or manifests: every problem found, one line each. */
export class InputError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    const lines = problems.map((problem) => redact(oneLine(problem)));
    super(lines.join('\n'));
    this.name = 'InputError';
    this.problems = lines;
  }
}

export interface ApiErrorDetails {
  method: string;
  url: string;
  status: number;
  /** The server's `message`, else the start of its text body, else the HTTP reason phrase. */
  serverMessage: string;
  /** The Retry-After header of a 429/503, as sent. */
  retryAfter?: string;
  /** How long and how often the call was tried, when more than once: `tried for 3m 00s, 41 attempts`. */
  tried?: string;
  /** The answer's body as sent (its start), for callers that show it whole, e.g. a model's error. */
  body?: string;
}

/** Bodies are kept for display, not for storage: a proxy's error page can be long. */
const MAX_BODY = 4000;

/** A non-2xx answer of the Odahu API or a model server. */
export class ApiError extends Error {
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly serverMessage: string;
  readonly retryAfter: string | undefined;
  readonly tried: string | undefined;
  readonly body: string;

  constructor(details: ApiErrorDetails) {
    const serverMessage = redact(oneLine(details.serverMessage));
    super(
      redact(
        `${details.method} ${displayUrl(details.url)} failed: ${details.status}` +
          (serverMessage ? ` ${serverMessage}` : '') +
          triedNote(details.tried),
      ),
    );
    this.name = 'ApiError';
    this.method = details.method;
    this.url = displayUrl(details.url);
    this.status = details.status;
    this.serverMessage = serverMessage;
    this.retryAfter = details.retryAfter;
    this.tried = details.tried;
    this.body = redact((details.body ?? '').slice(0, MAX_BODY));
  }

  /** The same failure, as the last of several attempts (`tried`: how long and how often). */
  afterTrying(tried: string): ApiError {
    const { method, url, status, serverMessage, retryAfter, body } = this;
    return new ApiError({ method, url, status, serverMessage, retryAfter, tried, body });
  }
}

/** The token endpoint refused the credentials, or answered without a token. */
export class AuthError extends Error {
  readonly authUrl: string;
  readonly status: number | undefined;

  constructor(authUrl: string, description: string, status?: number) {
    super(redact(`authentication failed at ${displayUrl(authUrl)}: ${oneLine(description)}`));
    this.name = 'AuthError';
    this.authUrl = displayUrl(authUrl);
    this.status = status;
  }
}

/** No HTTP answer at all: refused, reset, unresolvable host, timeout. */
export class NetworkError extends Error {
  readonly method: string;
  readonly url: string;
  /** The system error code (ECONNREFUSED, ENOTFOUND, ...), when there is one. */
  readonly code: string | undefined;
  override readonly cause: Error;
  readonly tried: string | undefined;

  /** The message without the call: `network error: <cause>[ (tried for ..., n attempts)]`. */
  readonly detail: string;

  constructor(method: string, url: string, cause: Error, tried?: string) {
    const detail = redact(`network error: ${oneLine(cause.message) || cause.name}${triedNote(tried)}`);
    super(redact(`${method} ${displayUrl(url)} failed: ${detail}`));
    this.name = 'NetworkError';
    this.detail = detail;
    this.method = method;
    this.url = displayUrl(url);
    this.code = (cause as NodeJS.ErrnoException).code;
    this.cause = cause;
    this.tried = tried;
  }

  /** The same failure, as the last of several attempts (`tried`: how long and how often). */
  afterTrying(tried: string): NetworkError {
    return new NetworkError(this.method, this.url, this.cause, tried);
  }

  /** The request surely never reached the server, so even a non-idempotent one may be sent again. */
  get neverSent(): boolean {
    return this.code === 'ECONNREFUSED' || this.code === 'ENOTFOUND' || this.code === 'EAI_AGAIN';
  }
}
