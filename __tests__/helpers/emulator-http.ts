// Plain-fetch helpers for the emulator's own tests: a token from its OpenID provider, calls to its
// API and edge, polling for a state, and reading each state between two steps of its held clock.

import { decodeJwt } from 'jose';
import { holdClock, settle } from './emulator-time.js';
import type { RunningEmulator } from '../../src/emulator/options.js';
import type { HTTPResult } from '../../src/shared/odahu/types.js';

/** An answer; `json` is the parsed body when it is JSON (typed by the caller), else undefined. */
export interface Reply<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  json: T;
}

export async function fetchToken(
  emulator: RunningEmulator,
  clientId = emulator.clientId,
  clientSecret = emulator.clientSecret,
): Promise<string> {
  const response = await fetch(emulator.authUrl, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!response.ok || !body.access_token)
    throw new Error(`no token: ${response.status} ${JSON.stringify(body)}`);
  return body.access_token;
}

export async function call<T = unknown>(
  url: string,
  method: string,
  token: string | null,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply<T>> {
  const all: Record<string, string> = { ...headers };
  if (token !== null) all.authorization = `Bearer ${token}`;
  let payload: string | undefined;
  if (body !== undefined) {
    all['content-type'] ??= 'application/json';
    payload = typeof body === 'string' ? body : JSON.stringify(body);
  }
  const response = await fetch(url, { method, headers: all, body: payload, redirect: 'manual' });
  const text = await response.text();
  let json: unknown;
  if ((response.headers.get('content-type') ?? '').startsWith('application/json') && text !== '')
    json = JSON.parse(text);
  return { status: response.status, headers: response.headers, text, json: json as T };
}

/** An API client with one token: `api.get('model/training')`, `api.post('connection', {...})`. */
export class Api {
  constructor(
    readonly emulator: RunningEmulator,
    readonly token: string | null,
  ) {}

  call<T = unknown>(method: string, path: string, body?: unknown): Promise<Reply<T>> {
    return call<T>(`${this.emulator.apiUrl}/api/v1/${path}`, method, this.token, body);
  }

  get<T = unknown>(path: string): Promise<Reply<T>> {
    return this.call<T>('GET', path);
  }

  post<T = unknown>(path: string, body: unknown): Promise<Reply<T>> {
    return this.call<T>('POST', path, body);
  }

  put<T = unknown>(path: string, body: unknown): Promise<Reply<T>> {
    return this.call<T>('PUT', path, body);
  }

  delete<T = HTTPResult>(path: string): Promise<Reply<T>> {
    return this.call<T>('DELETE', path);
  }

  /**
   * Reads GET <path> until `done` holds for its JSON; returns that JSON. Between two reads the
   * emulator's clock moves on by `stepMs` of its time at once (held meanwhile, each of its steps run
   * in order), rather than the test waiting for it: `timeoutMs` is of the emulator's time too.
   */
  async waitFor<T>(path: string, done: (json: T) => boolean, timeoutMs = 10000, stepMs = 10): Promise<T> {
    const { clock } = this.emulator;
    const release = holdClock(clock);
    try {
      const deadline = clock.now() + timeoutMs;
      for (;;) {
        const reply = await this.get<T>(path);
        if (reply.status === 200 && done(reply.json)) return reply.json;
        if (clock.now() > deadline)
          throw new Error(`timed out waiting for ${path}: ${reply.status} ${reply.text}`);
        const until = clock.now() + stepMs;
        while (clock.stepTowards(until)) await settle(this.emulator);
      }
    } finally {
      release();
    }
  }

  /**
   * With the emulator's clock held: reads GET <path> now and after each step of the clock until
   * `done` holds for its JSON; returns that JSON. Nothing happens between two reads but one step, so
   * no state can be missed and none comes early, however slow the machine.
   */
  async stepUntil<T>(path: string, done: (json: T) => boolean): Promise<T> {
    let last: T | undefined;
    await this.stepReads<T>(path, (reply) => {
      last = reply.json;
      return reply.status === 200 && done(reply.json);
    });
    return last as T;
  }

  /**
   * With the emulator's clock held: reads GET <path> now and after each step until `stop` holds;
   * returns every distinct value of `pick` it saw, in order (each step's effect is seen).
   */
  async watch<T>(path: string, pick: (json: T) => unknown, stop: (json: T) => boolean): Promise<unknown[]> {
    const seen = new Distinct();
    await this.stepReads<T>(path, (reply) => {
      if (reply.status !== 200) return false;
      seen.add(pick(reply.json));
      return stop(reply.json);
    });
    return seen.values;
  }

  /**
   * With the emulator's clock held: reads GET <path> now and after each step until it answers 404;
   * returns every distinct value of `pick` it saw, then 'gone'.
   */
  async watchUntilGone<T>(path: string, pick: (json: T) => unknown): Promise<unknown[]> {
    const seen = new Distinct();
    await this.stepReads<T>(path, (reply) => {
      if (reply.status === 404) return true;
      seen.add(pick(reply.json));
      return false;
    });
    return [...seen.values, 'gone'];
  }

  /** Reads `path`, then steps the held clock and reads again, until `enough` says so. */
  private async stepReads<T>(path: string, enough: (reply: Reply<T>) => boolean): Promise<void> {
    const { clock } = this.emulator;
    if (!clock.held) throw new Error(`stepping through ${path}: hold the emulator clock first`);
    for (;;) {
      const reply = await this.get<T>(path);
      if (enough(reply)) return;
      try {
        clock.step();
      } catch (error) {
        throw new Error(`${path} is ${reply.status} ${reply.text}: ${(error as Error).message}`, {
          cause: error,
        });
      }
    }
  }
}

/** Values in the order first seen, a repeat of the last one left out. */
class Distinct {
  readonly values: unknown[] = [];

  add(value: unknown): void {
    if (this.values.length === 0 || JSON.stringify(this.values.at(-1)) !== JSON.stringify(value))
      this.values.push(value);
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the emulator takes `token` as expired (the second its `exp` names has begun). A token
 * lives until then from the start of the second it was issued in, not from the moment it was.
 */
export async function pastExpiry(token: string): Promise<void> {
  const { exp } = decodeJwt(token);
  if (exp === undefined) throw new Error('the token has no exp');
  await sleep(exp * 1000 - Date.now() + 20);
}

export const b64 = (text: string): string => Buffer.from(text).toString('base64');
