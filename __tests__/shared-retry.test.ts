import { ApiError, NetworkError } from '../src/shared/odahu/errors.js';
import {
  DEFAULT_RETRY_POLICY,
  answerOf,
  backoffDelay,
  failureOf,
  isTransient,
  parseRetryAfter,
  retryDelay,
  withRetries,
} from '../src/shared/odahu/retry.js';
import type { Failure, RetryDecisionContext } from '../src/shared/odahu/retry.js';

const NOW = Date.parse('2024-05-04T10:00:00Z');
const context = (overrides: Partial<RetryDecisionContext> = {}): RetryDecisionContext => ({
  policy: DEFAULT_RETRY_POLICY,
  idempotent: true,
  random: () => 0.5,
  now: NOW,
  deadline: NOW + DEFAULT_RETRY_POLICY.budgetMs,
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

  test('bounded by time, not tries: the 50th failure is retried while time is left, none after', () => {
    expect(DEFAULT_RETRY_POLICY.budgetMs).toBe(180_000);
    expect(retryDelay(status(503), 50, context())).toBeDefined();
    expect(retryDelay(status(503), 2, context({ deadline: NOW }))).toBeUndefined();
    // A count still bounds them where one is given.
    expect(
      retryDelay(status(503), 3, context({ policy: { ...DEFAULT_RETRY_POLICY, attempts: 3 } })),
    ).toBeUndefined();
  });

  test('isTransient and answerOf', () => {
    const refused = new NetworkError(
      'GET',
      'http://o/x',
      Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }),
    );
    expect(isTransient(refused)).toBe(true);
    expect(answerOf(refused)).toBe('no answer (ECONNREFUSED)');
    const busy = new ApiError({ method: 'GET', url: 'http://o/x', status: 503, serverMessage: 'busy' });
    expect(isTransient(busy)).toBe(true);
    expect(answerOf(busy)).toBe('503');
    expect(
      isTransient(new ApiError({ method: 'GET', url: 'http://o/x', status: 500, serverMessage: 'x' })),
    ).toBe(false);
    expect(isTransient(new Error('x'))).toBe(false);
  });
});

describe('how long to wait', () => {
  test('growing to a cap, half of it jittered', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, policy, () => 0))).toEqual([
      50, 100, 200, 400, 500, 500,
    ]);
    expect([1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, policy, () => 0.999999))).toEqual([
      99, 199, 399, 799, 999, 999,
    ]);
  });

  test('never past the deadline: the last wait is what is left', () => {
    expect(retryDelay(status(503), 10, context({ deadline: NOW + 1234 }))).toBe(1234);
  });

  test('Retry-After in seconds or as an HTTP-date, honoured within the time left, else not retried', () => {
    expect(retryDelay(status(429, '3'), 1, context())).toBe(3000);
    expect(retryDelay(status(503, new Date(NOW + 7000).toUTCString()), 1, context())).toBe(7000);
    expect(retryDelay(status(429, '170'), 1, context())).toBe(170_000);
    expect(retryDelay(status(429, '3600'), 1, context())).toBeUndefined();
    // Unreadable: the usual backoff.
    expect(retryDelay(status(429, 'soon'), 1, context())).toBe(375);
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

  /** A clock that the waits move on. */
  function fakeTime() {
    let now = NOW;
    return {
      now: () => now,
      sleep: (ms: number) => {
        now += ms;
        return Promise.resolve();
      },
    };
  }

  test('retries, waits as decided, and succeeds', async () => {
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
    expect(waits).toEqual([2000, 750]);
  });

  test('gives up when the budget is spent: one line with the URL, the answer, and for how long', async () => {
    const time = fakeTime();
    let calls = 0;
    const failing = withRetries(() => (calls++, Promise.reject(unavailable())), {
      policy: { budgetMs: 60_000 },
      random: () => 1,
      ...time,
    });
    const error = await failing.catch((caught: Error) => caught);
    expect(error.message).toBe(`GET http://o/x failed: 503 busy (tried for 1m, ${calls} attempts)`);
    expect(calls).toBeGreaterThan(7);
    expect(time.now() - NOW).toBe(60_000);
  });

  test('a deadline given by the caller replaces the budget (a wait tries until its own end)', async () => {
    const time = fakeTime();
    const failing = withRetries(() => Promise.reject(unavailable()), { ...time, deadline: NOW + 600_000 });
    await expect(failing).rejects.toThrow(/\(tried for 10m, \d+ attempts\)$/);
  });

  test('a Retry-After longer than what is left ends the retries at once', async () => {
    const time = fakeTime();
    let calls = 0;
    const failing = withRetries(() => (calls++, Promise.reject(unavailable('600'))), { ...time });
    await expect(failing).rejects.toThrow('GET http://o/x failed: 503 busy');
    expect(calls).toBe(1);
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
    await expect(failing).rejects.toThrow(/abort/i);
  });
});
