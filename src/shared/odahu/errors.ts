// The errors users see. Each message is one line (InputError: one line per problem) that says what
// failed and where, and never holds a secret: messages pass through `redact`, URLs lose any userinfo.
// What a server said is cut to MAX_SERVER_MESSAGE characters and made inert (untrusted-text.ts), so
// a message can be printed in the job log as it is.

import { redact } from './secrets.js';
import { cutText, inertLine } from './untrusted-text.js';

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

/** A server's message is for a line of the log; its whole text, when kept, is ApiError.body. */
const MAX_SERVER_MESSAGE = 500;

/** One line without secrets, made inert: what a message may hold of text from outside. */
function oneLine(text: string): string {
  return inertLine(
    redact(text)
      .replace(/\s*[\r\n]+\s*/g, ' ')
      .trim(),
  );
}

function serverLine(text: string): string {
  return oneLine(cutText(text, MAX_SERVER_MESSAGE));
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
    const serverMessage = redact(serverLine(details.serverMessage));
    super(
      redact(
        `${details.method} ${oneLine(displayUrl(details.url))} failed: ${details.status}` +
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
    super(redact(`authentication failed at ${oneLine(displayUrl(authUrl))}: ${serverLine(description)}`));
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
    const detail = redact(`network error: ${serverLine(cause.message) || cause.name}${triedNote(tried)}`);
    super(redact(`${method} ${oneLine(displayUrl(url))} failed: ${detail}`));
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

/** Sizes as the messages give them: `8 MiB`, `64 KiB`, `512 bytes`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / 1024 / 1024} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes.toLocaleString('en-US')} bytes`;
}

/** An answer over the size the caller reads (a model's, a server's): not read further, not retried. */
export class TooLargeError extends Error {
  constructor(method: string, url: string, maxBytes: number) {
    super(
      redact(
        `${method} ${oneLine(displayUrl(url))} failed: the answer is larger than ${formatBytes(maxBytes)}; it was not read further`,
      ),
    );
    this.name = 'TooLargeError';
  }
}
