import { ApiError, NetworkError } from '../src/shared/errors.js';
import {
  DEFAULT_RETRY_POLICY,
  backoffDelay,
  failureOf,
  parseRetryAfter,
  retryDelay,
  withRetries,
} from '../src/shared/retry.js';
import type { Failure, RetryDecisionContext } from '../src/shared/retry.js';

const NOW = Date.parse('2024-05-04T10:00:00Z');
const context = (overrides: Partial<RetryDecisionContext> = {}): RetryDecisionContext => ({
  policy: DEFAULT_RETRY_POLICY,
  idempotent: true,
  random: () => 0.5,
  now: NOW,
  ...overrides,
});
const status = (code: number, retryAfter?: string): Failure => ({ kind: 'status', status: code, retryAfter });
const network: Failure = { kind: 'network', neverSent: false };

describe('which failures are retried', () => {
  test.each([502, 503, 504, 429])('%i is retried', (code) => {
    expect(retryDelay(status(code), 1, context())).toBeDefined();
  });

  test.each([400, 401, 403, 404, 405, 409, 422, 500, 501])('%i is not', (code) => {
    expect(retryDelay(status(code), 1, context())).toBeUndefined();
  });

  test('no answer is retried; for a write that is not idempotent only if it was never sent', () => {
    expect(retryDelay(network, 1, context())).toBeDefined();
    expect(retryDelay(network, 1, context({ idempotent: false }))).toBeUndefined();
    expect(retryDelay({ kind: 'network', neverSent: true }, 1, context({ idempotent: false }))).toBeDefined();
  });

  test('5 attempts by default: the 5th failure is final', () => {
    expect(retryDelay(status(503), 4, context())).toBeDefined();
    expect(retryDelay(status(503), 5, context())).toBeUndefined();
  });
});

describe('how long to wait', () => {
  test('exponential, capped, with full jitter', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, policy, () => 0.999999))).toEqual([
      99, 199, 399, 799, 999, 999,
    ]);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(200);
  });

  test('Retry-After in seconds or as an HTTP-date, capped', () => {
    expect(retryDelay(status(429, '3'), 1, context())).toBe(3000);
    expect(retryDelay(status(503, new Date(NOW + 7000).toUTCString()), 1, context())).toBe(7000);
    expect(retryDelay(status(429, '3600'), 1, context())).toBe(DEFAULT_RETRY_POLICY.maxRetryAfterMs);
    // Unreadable: the usual backoff.
    expect(retryDelay(status(429, 'soon'), 1, context())).toBe(250);
  });

  test('parseRetryAfter', () => {
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
    expect(parseRetryAfter('Sat, 04 May 2024 09:00:00 GMT', NOW)).toBe(0);
    expect(parseRetryAfter('Sat, 04 May 2024 10:00:02 GMT', NOW)).toBe(2000);
    expect(parseRetryAfter('-1', NOW)).toBeUndefined();
  });
});

describe('withRetries', () => {
  const unavailable = (retryAfter?: string) =>
    new ApiError({ method: 'GET', url: 'http://o/x', status: 503, serverMessage: 'busy', retryAfter });

  test('retries with the policy, waits as decided, and succeeds', async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await withRetries(
      () => {
        calls++;
        if (calls === 1) return Promise.reject(unavailable('2'));
        if (calls === 2)
          return Promise.reject(new NetworkError('GET', 'http://o/x', new Error('socket hang up')));
        return Promise.resolve('done');
      },
      { random: () => 0.5, sleep: (ms) => (waits.push(ms), Promise.resolve()) },
    );
    expect(result).toBe('done');
    expect(waits).toEqual([2000, 500]);
  });

  test('gives up after the attempts, saying how many', async () => {
    const waits: number[] = [];
    const failing = withRetries(() => Promise.reject(unavailable()), {
      policy: { attempts: 3 },
      random: () => 1,
      sleep: (ms) => (waits.push(ms), Promise.resolve()),
    });
    await expect(failing).rejects.toThrow('GET http://o/x failed: 503 busy (after 3 attempts)');
    expect(waits).toEqual([500, 1000]);
  });

  test('other errors are thrown at once', async () => {
    let calls = 0;
    const failing = withRetries(() => {
      calls++;
      return Promise.reject(
        new ApiError({ method: 'GET', url: 'http://o/x', status: 404, serverMessage: 'gone' }),
      );
    });
    await expect(failing).rejects.toThrow('GET http://o/x failed: 404 gone');
    expect(calls).toBe(1);
    expect(failureOf(new Error('x'))).toBeUndefined();
  });

  test('an abort stops the waiting', async () => {
    const controller = new AbortController();
    const failing = withRetries(() => Promise.reject(unavailable('30')), { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const started = Date.now();
    await expect(failing).rejects.toThrow(/abort/i);
    // Long before the 30 s Retry-After (a ceiling, however loaded the machine).
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
