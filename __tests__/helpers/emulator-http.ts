// Plain-fetch helpers for the emulator's own tests: a token from its OpenID provider, calls to its
// API and edge, and polling for a state.

import type { RunningEmulator } from '../../src/emulator/options.js';
import type { HTTPResult } from '../../src/shared/types.js';

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

  /** Polls GET <path> until `done` holds for its JSON; returns that JSON. */
  async waitFor<T>(path: string, done: (json: T) => boolean, timeoutMs = 10000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const reply = await this.get<T>(path);
      if (reply.status === 200 && done(reply.json)) return reply.json;
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${path}: ${reply.status} ${reply.text}`);
      await sleep(10);
    }
  }

  /** Polls GET <path> until `stop` holds and returns every distinct value of `pick` it saw, in order. */
  async watch<T>(
    path: string,
    pick: (json: T) => unknown,
    stop: (json: T) => boolean,
    timeoutMs = 10000,
  ): Promise<unknown[]> {
    const seen: unknown[] = [];
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const reply = await this.get<T>(path);
      if (reply.status === 200) {
        const value = pick(reply.json);
        if (seen.length === 0 || JSON.stringify(seen.at(-1)) !== JSON.stringify(value)) seen.push(value);
        if (stop(reply.json)) return seen;
      }
      if (Date.now() > deadline) throw new Error(`timed out watching ${path}: ${JSON.stringify(seen)}`);
      await sleep(5);
    }
  }

  /** Polls GET <path> until it answers 404; returns every distinct value of `pick` it saw, then 'gone'. */
  async watchUntilGone<T>(path: string, pick: (json: T) => unknown, timeoutMs = 10000): Promise<unknown[]> {
    const seen: unknown[] = [];
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const reply = await this.get<T>(path);
      if (reply.status === 404) return [...seen, 'gone'];
      const value = pick(reply.json);
      if (seen.length === 0 || JSON.stringify(seen.at(-1)) !== JSON.stringify(value)) seen.push(value);
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${path} to go: ${JSON.stringify(seen)}`);
      await sleep(5);
    }
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export const b64 = (text: string): string => Buffer.from(text).toString('base64');
