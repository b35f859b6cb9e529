// The transport every Odahu call goes through, on @actions/http-client: JSON in and out, the bearer
// token, one refresh after a 401, our own retries (the library's are off: it would resend a refused
// token and cannot tell a safe retry of a write from an unsafe one) for as long as the call's time
// budget lasts, one notice when the server stops answering, and errors that name the call.
// Every exchange has a deadline for the whole answer, not only for silence (a server that sends a
// byte every few seconds never trips an idle timeout), and every answer a size cap: the deadline
// aborts the request itself, so no socket outlives it.

import type { IncomingHttpHeaders, IncomingMessage, RequestOptions as NodeRequestOptions } from 'node:http';

import * as core from '@actions/core';
import { HttpClient } from '@actions/http-client';
import type { HttpClientResponse } from '@actions/http-client';
import type {
  RequestHandler,
  RequestOptions as ClientRequestOptions,
} from '@actions/http-client/lib/interfaces';

import type { TokenSource } from './auth.js';
import { formatDuration } from '../duration.js';
import { ApiError, NetworkError, TooLargeError, displayUrl } from './errors.js';
import { OutageNotice } from './outage.js';
import { AnsweredServers, RETRYABLE_STATUSES, answerOf, withRetries } from './retry.js';
import { asError } from '../thrown.js';
import type { RetryOptions } from './retry.js';

export const USER_AGENT = 'odahu-actions';

/** An Odahu API answer longer than this is not read (the largest, a page of 500 objects, is a few MB). */
export const MAX_API_ANSWER_BYTES = 32 * 1024 * 1024;
/** Of an error answer, this much is read: its message and the start of its text are all that is shown. */
export const MAX_ERROR_ANSWER_BYTES = 64 * 1024;
/** Default deadline of one exchange, its answer read to the end. */
export const DEFAULT_EXCHANGE_MS = 60_000;
/** Node's timers hold at most this. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Query parameters; an array repeats the parameter (the API reads repeats as "any of"). */
export type Query = Record<string, string | number | boolean | readonly string[] | undefined>;

export interface TransportOptions {
  /** Requests go to `<baseUrl><path>`, e.g. `https://odahu.example.com/api/v1`. */
  baseUrl: string;
  tokens: TokenSource;
  /** Retry policy and, for tests, the dice and the clock. */
  retry?: Omit<RetryOptions, 'signal' | 'idempotent' | 'onRetry'>;
  /**
   * One exchange whose answer has not been read to its end after this long fails (and is retried
   * within the call's budget); a call's own deadline ends it sooner. Default 60 s.
   */
  timeoutMs?: number;
  /** A 2xx answer longer than this fails the call (TooLargeError). Default MAX_API_ANSWER_BYTES. */
  maxAnswerBytes?: number;
  /** How the outage notice names the server. Default `the Odahu API`. */
  server?: string;
}

export interface RequestOptions {
  query?: Query;
  /** Sent as JSON. */
  body?: unknown;
  /** Stops the call, its retries and its waits. */
  signal?: AbortSignal;
  /** Retry until then (ms since the epoch) instead of for the retry budget: a wait's own end. */
  retryUntil?: number;
  /** The call must be over by then (ms since the epoch), answer read and all: a step's own deadline. */
  deadline?: number;
  /**
   * For a POST that creates an object under a known id: where that object can be read. If an attempt
   * got no answer and a later one is refused with 409, the first one was applied: the object is read
   * from here and returned instead of failing.
   */
  createdObjectPath?: string;
  /** false: after a failure that may have reached the server, do not send again. Default true. */
  idempotent?: boolean;
}

export interface JsonAnswer<T> {
  body: T;
  status: number;
  headers: IncomingHttpHeaders;
}

/** What an earlier attempt of the same call saw; decides whether a 409 or 404 means "done". */
interface CallState {
  /** An attempt reached the server but its answer was lost. */
  unanswered: boolean;
  refreshed: boolean;
}

export class Transport {
  private readonly baseUrl: string;
  private readonly tokens: TokenSource;
  private readonly retry: TransportOptions['retry'];
  private readonly outage: OutageNotice;
  /** Whether the server has answered this client yet: until then, a call to it gives up sooner. */
  private readonly answered = new AnsweredServers();
  /** How messages name the server: `the Odahu API`, `the model`. */
  private readonly server: string;
  private readonly client: HttpClient;
  /** Log streams with follow may stay silent for long: no idle timeout there. */
  private readonly streamClient: HttpClient;
  private readonly timeoutMs: number;
  private readonly maxAnswerBytes: number;

  constructor(options: TransportOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.tokens = options.tokens;
    this.retry = options.retry;
    this.server = options.server ?? 'the Odahu API';
    this.outage = new OutageNotice(this.server);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_EXCHANGE_MS;
    this.maxAnswerBytes = options.maxAnswerBytes ?? MAX_API_ANSWER_BYTES;
    const common = { keepAlive: true, allowRetries: false, allowRedirects: false };
    this.client = createHttpClient({ ...common, socketTimeout: this.timeoutMs });
    this.streamClient = createHttpClient({ ...common, socketTimeout: MAX_TIMER_MS });
  }

  /** The JSON body of a 2xx answer (undefined when empty). */
  async json<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    return (await this.exchange<T>(method, path, options)).body;
  }

  /** The JSON body of a 2xx answer, with its headers. */
  async exchange<T>(method: string, path: string, options: RequestOptions = {}): Promise<JsonAnswer<T>> {
    const url = this.urlOf(path, options.query);
    const state: CallState = { unanswered: false, refreshed: false };
    return this.retrying(method, url, options, state, async () => {
      const { message, text } = await this.sendAndRead(method, url, options, state);
      const status = message.statusCode ?? 0;
      if (status >= 200 && status < 300)
        return { body: parseJson<T>(method, url, status, text), status, headers: message.headers };
      if (method === 'DELETE' && status === 404 && state.unanswered) {
        core.debug(`${method} ${displayUrl(url)}: 404 after an unanswered attempt: it was deleted then`);
        return { body: undefined as T, status: 200, headers: message.headers };
      }
      if (method === 'POST' && status === 409 && state.unanswered && options.createdObjectPath) {
        core.debug(`${method} ${displayUrl(url)}: 409 after an unanswered attempt: it was created then`);
        return this.exchange<T>('GET', options.createdObjectPath, {
          signal: options.signal,
          retryUntil: options.retryUntil,
        });
      }
      throw apiErrorOf(method, url, message, text);
    });
  }

  /** One attempt: the request and its whole answer, within the exchange's deadline and size cap. */
  private async sendAndRead(
    method: string,
    url: string,
    options: RequestOptions,
    state: CallState,
  ): Promise<{ message: IncomingMessage; text: string }> {
    const limit = new ExchangeLimit(method, url, this.timeoutMs, options);
    try {
      const response = await this.send(this.client, method, url, options, state, limit.signal);
      const status = response.message.statusCode ?? 0;
      const ok = status >= 200 && status < 300;
      const text = await readText(method, url, response.message, {
        signal: limit.signal,
        maxBytes: ok ? this.maxAnswerBytes : MAX_ERROR_ANSWER_BYTES,
        cut: !ok,
      });
      return { message: response.message, text };
    } catch (error) {
      throw limit.explain(error);
    } finally {
      limit.dispose();
    }
  }

  /** A GET whose 2xx body is handed over as a stream (logs); destroy it, or abort, to stop. */
  async stream(
    path: string,
    options: Pick<RequestOptions, 'query' | 'signal' | 'retryUntil' | 'deadline'> = {},
  ): Promise<IncomingMessage> {
    const url = this.urlOf(path, options.query);
    const state: CallState = { unanswered: false, refreshed: false };
    return this.retrying('GET', url, options, state, async () => {
      // The answer's head has a deadline; its body is followed for as long as the caller wants.
      const limit = new ExchangeLimit('GET', url, this.timeoutMs, options);
      let response: HttpClientResponse;
      try {
        response = await this.send(
          this.streamClient,
          'GET',
          url,
          options,
          state,
          options.signal,
          limit.signal,
        );
      } catch (error) {
        throw limit.explain(error);
      } finally {
        limit.dispose();
      }
      const status = response.message.statusCode ?? 0;
      if (status >= 200 && status < 300) {
        const body = response.message;
        const { signal } = options;
        if (signal) {
          const stop = (): void => void body.destroy();
          signal.addEventListener('abort', stop, { once: true });
          body.once('close', () => signal.removeEventListener('abort', stop));
        }
        return body;
      }
      const text = await readText('GET', url, response.message, {
        signal: options.signal,
        maxBytes: MAX_ERROR_ANSWER_BYTES,
        cut: true,
      });
      throw apiErrorOf('GET', url, response.message, text);
    });
  }

  /** Closes the kept-alive connections. */
  dispose(): void {
    this.client.dispose();
    this.streamClient.dispose();
  }

  private urlOf(path: string, query: Query | undefined): string {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value === undefined) continue;
      for (const item of Array.isArray(value) ? (value as readonly string[]) : [String(value)]) {
        params.append(name, item);
      }
    }
    const search = params.toString();
    return `${this.baseUrl}${path}${search ? `?${search}` : ''}`;
  }

  private retrying<T>(
    method: string,
    url: string,
    options: RequestOptions,
    state: CallState,
    attempt: () => Promise<T>,
  ): Promise<T> {
    return withRetries(
      async (number) => {
        core.debug(`${method} ${displayUrl(url)} (attempt ${number})`);
        try {
          const answer = await attempt();
          this.answered.mark(url);
          this.outage.answered();
          return answer;
        } catch (error) {
          // A connection never made cannot have applied anything; any other lost answer may have.
          if (error instanceof NetworkError && !error.neverSent) state.unanswered = true;
          // Any answer is the server's: it is there. A refusal means it is back.
          if (error instanceof ApiError) this.answered.mark(url);
          if (error instanceof ApiError && !RETRYABLE_STATUSES.has(error.status)) this.outage.answered();
          throw error;
        }
      },
      {
        ...this.retry,
        signal: options.signal,
        deadline: options.retryUntil,
        idempotent: options.idempotent ?? true,
        giveUp: this.answered.giveUp(url, this.server),
        onRetry: ({ attempt: number, delayMs, error, deadline }) => {
          core.debug(`${error.message}; attempt ${number + 1} in ${delayMs} ms`);
          // A server that never answered gets no outage notice: the call gives up on it soon instead.
          if (this.answered.has(url)) this.outage.failed(answerOf(error), deadline);
        },
      },
    );
  }

  /**
   * One request with the current token; on a 401 (once per call) a fresh token and once more.
   * `signal` aborts the request and its answer; `headSignal`, when given, only the wait for the head.
   */
  private async send(
    client: HttpClient,
    method: string,
    url: string,
    options: RequestOptions,
    state: CallState,
    signal: AbortSignal | undefined,
    headSignal?: AbortSignal,
  ): Promise<HttpClientResponse> {
    const body = options.body === undefined ? null : JSON.stringify(options.body);
    const token = await this.tokens.token(options.signal);
    const ask = (bearer: string) =>
      sendRequest(client, method, url, body, headersFor(bearer, body), signal, headSignal);
    const response = await ask(token);
    if (state.refreshed || !loginRequired(url, response.message)) return response;
    state.refreshed = true;
    const fresh = await this.tokens.refresh(token, options.signal);
    if (fresh === undefined) return response;
    core.debug(
      `${method} ${displayUrl(url)}: ${response.message.statusCode} with the cached token; sending again with a new one`,
    );
    response.message.resume();
    return ask(fresh);
  }
}

/**
 * The deadline of one exchange: `timeoutMs` from now, or the call's own deadline if that comes first;
 * with the caller's signal, as one signal to abort the request with.
 */
export class ExchangeLimit {
  /** Aborts the request: at the deadline, or when the caller's signal aborts. */
  readonly signal: AbortSignal;
  private readonly controller = new AbortController();
  private readonly handle: NodeJS.Timeout;
  private readonly ms: number;
  private timedOut = false;
  private readonly caller: AbortSignal | undefined;
  private readonly follow = (): void => this.controller.abort(this.caller?.reason);

  constructor(
    private readonly method: string,
    private readonly url: string,
    timeoutMs: number,
    options: { signal?: AbortSignal; deadline?: number } = {},
  ) {
    const untilEnd = options.deadline === undefined ? Infinity : options.deadline - Date.now();
    this.ms = Math.max(0, Math.min(timeoutMs, untilEnd));
    this.signal = this.controller.signal;
    // A listener removed in dispose(), not AbortSignal.any: a wait makes thousands of exchanges
    // under one step signal, and each would stay tied to it.
    this.caller = options.signal;
    if (this.caller?.aborted) this.follow();
    else this.caller?.addEventListener('abort', this.follow, { once: true });
    this.handle = setTimeout(
      () => {
        this.timedOut = true;
        this.controller.abort(new Error('deadline'));
      },
      Math.min(this.ms, MAX_TIMER_MS),
    );
    this.handle.unref();
  }

  /** What a failure of the exchange was: past the deadline, a NetworkError saying so. */
  explain(error: unknown): unknown {
    if (!this.timedOut) return error;
    const timeout = Object.assign(new Error(`no complete answer within ${formatDuration(this.ms, 1)}`), {
      code: 'ETIMEDOUT',
    });
    return new NetworkError(this.method, this.url, timeout);
  }

  dispose(): void {
    clearTimeout(this.handle);
    this.caller?.removeEventListener('abort', this.follow);
  }
}

/**
 * Hands a request its AbortSignal (@actions/http-client takes none): set just before `request`,
 * which prepares the request before its first await. An aborted request is destroyed, socket and all.
 */
class RequestSignal implements RequestHandler {
  next: AbortSignal | undefined;

  prepareRequest(options: NodeRequestOptions): void {
    if (this.next) options.signal = this.next;
  }

  canHandleAuthentication(): boolean {
    return false;
  }

  handleAuthentication(): Promise<HttpClientResponse> {
    return Promise.reject(new Error('not an authentication handler'));
  }
}

/** An HttpClient whose requests sendRequest can abort. */
export function createHttpClient(options: ClientRequestOptions): HttpClient {
  return new HttpClient(USER_AGENT, [new RequestSignal()], options);
}

function headersFor(token: string, body: string | null): Record<string, string> {
  return {
    accept: 'application/json',
    authorization: `Bearer ${token}`,
    ...(body === null ? {} : { 'content-type': 'application/json; charset=utf-8' }),
  };
}

/** A 401, or (as Odahu's SDK reads it) a redirect to another host: the login page of the proxy. */
function loginRequired(url: string, message: IncomingMessage): boolean {
  const status = message.statusCode ?? 0;
  if (status === 401) return true;
  if (status < 300 || status >= 400 || !message.headers.location) return false;
  try {
    return new URL(message.headers.location, url).host !== new URL(url).host;
  } catch {
    return false;
  }
}

/**
 * One HTTP exchange; no answer at all becomes a NetworkError naming the URL. `signal` aborts the
 * request (with a client of createHttpClient, the request itself; else only the wait), `headSignal`
 * only the wait for the answer's head.
 */
export async function sendRequest(
  client: HttpClient,
  method: string,
  url: string,
  body: string | null,
  headers: Record<string, string>,
  requestSignal?: AbortSignal,
  headSignal?: AbortSignal,
): Promise<HttpClientResponse> {
  const signal =
    requestSignal && headSignal
      ? AbortSignal.any([requestSignal, headSignal])
      : (requestSignal ?? headSignal);
  signal?.throwIfAborted();
  const handler = client.handlers.find((h): h is RequestSignal => h instanceof RequestSignal);
  // A request that outlives its head's deadline must be destroyed too: it gets the joint signal.
  if (handler) handler.next = signal;
  let sent: Promise<HttpClientResponse>;
  try {
    sent = client.request(method, url, body, headers);
  } finally {
    if (handler) handler.next = undefined;
  }
  const request = sent.catch((error: unknown) => {
    throw new NetworkError(method, url, asError(error));
  });
  if (!signal) return request;
  // http-client takes no signal: stop waiting, and drop the answer should it still come.
  return new Promise<HttpClientResponse>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    request.then(
      (response) => {
        signal.removeEventListener('abort', onAbort);
        if (signal.aborted) response.message.destroy();
        else resolve(response);
      },
      (error: Error) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

export interface ReadLimits {
  /** Aborting it stops the read (the request's own signal destroys the answer too). */
  signal?: AbortSignal;
  /** Bytes read at most. */
  maxBytes: number;
  /** true: a longer answer is cut there; false: it is a TooLargeError. */
  cut?: boolean;
}

/**
 * The whole body as text, at most `maxBytes`; a connection that breaks (or a signal that aborts)
 * before the end is a NetworkError.
 */
export async function readText(
  method: string,
  url: string,
  message: IncomingMessage,
  limits: ReadLimits,
): Promise<string> {
  const chunks: Buffer[] = [];
  let length = 0;
  const stop = (): void => void message.destroy();
  limits.signal?.addEventListener('abort', stop, { once: true });
  try {
    limits.signal?.throwIfAborted();
    for await (const chunk of message) {
      const buffer = chunk as Buffer;
      if (length + buffer.length > limits.maxBytes) {
        chunks.push(buffer.subarray(0, limits.maxBytes - length));
        message.destroy();
        if (limits.cut) break;
        throw new TooLargeError(method, url, limits.maxBytes);
      }
      chunks.push(buffer);
      length += buffer.length;
    }
  } catch (error) {
    if (error instanceof TooLargeError) throw error;
    // Stopped by the caller: its reason, as a request stopped before its answer came.
    if (limits.signal?.aborted) throw limits.signal.reason as Error;
    throw new NetworkError(method, url, asError(error));
  } finally {
    limits.signal?.removeEventListener('abort', stop);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson<T>(method: string, url: string, status: number, text: string): T {
  if (text.trim() === '') return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError({ method, url, status, serverMessage: `the answer is not JSON: ${textStart(text)}` });
  }
}

function apiErrorOf(method: string, url: string, message: IncomingMessage, text: string): ApiError {
  const status = message.statusCode ?? 0;
  const { location } = message.headers;
  const serverMessage =
    status >= 300 && status < 400 && location
      ? `redirected to ${redirectTarget(location, url)}`
      : serverMessageOf(text, message.statusMessage);
  const retryAfter = message.headers['retry-after'];
  return new ApiError({ method, url, status, serverMessage, retryAfter, body: text });
}

/** Where a redirect leads, without its query (a login page's state). */
function redirectTarget(location: string, from: string): string {
  try {
    const target = new URL(location, from);
    return displayUrl(`${target.origin}${target.pathname}`);
  } catch {
    return location.split('?')[0] ?? '';
  }
}

/**
 * What the server said: Odahu's `{"message"}` (or an OAuth2 `error_description`/`error`), else the
 * start of a text body, the title of an HTML page (a proxy's), or the HTTP reason phrase.
 */
export function serverMessageOf(text: string, statusMessage: string | undefined): string {
  const trimmed = text.trim();
  if (!trimmed) return statusMessage ?? '';
  try {
    const body: unknown = JSON.parse(trimmed);
    if (typeof body === 'object' && body !== null) {
      for (const key of ['message', 'error_description', 'error']) {
        const value = (body as Record<string, unknown>)[key];
        if (typeof value === 'string' && value.trim()) return value;
      }
    }
  } catch {
    // Not JSON: a text body.
  }
  if (/^<(!doctype|html)/i.test(trimmed)) {
    const title = /<title>([^<]*)<\/title>/i.exec(trimmed)?.[1]?.trim();
    return title || statusMessage || textStart(trimmed);
  }
  return textStart(trimmed);
}

function textStart(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 200)}...` : flat;
}
