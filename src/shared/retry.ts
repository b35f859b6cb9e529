// Which failures are worth another try and how long to wait first. Retried: no answer at all, 502,
// 503, 504 (a gateway or a pod in between) and 429 (waiting as long as Retry-After asks, within a cap);
// never another 4xx (the request itself is wrong) nor a 500 (the server has decided). The wait grows
// exponentially with full jitter, so clients that failed together do not come back together.

import { setTimeout as sleepFor } from 'node:timers/promises';

import { ApiError, NetworkError } from './errors.js';

export interface RetryPolicy {
  /** Tries in all, the first one included. */
  attempts: number;
  /** The jitter range of the first retry; it doubles with each further retry... */
  baseDelayMs: number;
  /** ...up to this. */
  maxDelayMs: number;
  /** The longest Retry-After honoured; a longer one is cut to this. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
};

export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

export type Failure =
  /** No answer. `neverSent`: the connection was never made, so the server cannot have acted. */
  | { kind: 'network'; neverSent: boolean }
  | { kind: 'status'; status: number; retryAfter?: string | undefined };

/** The failure an error stands for, or undefined for errors that are not about the exchange. */
export function failureOf(error: unknown): Failure | undefined {
  if (error instanceof NetworkError) return { kind: 'network', neverSent: error.neverSent };
  if (error instanceof ApiError)
    return { kind: 'status', status: error.status, retryAfter: error.retryAfter };
  return undefined;
}

export interface RetryDecisionContext {
  policy: RetryPolicy;
  /** A write the server may have applied before the connection broke is not sent twice. */
  idempotent: boolean;
  random: () => number;
  now: number;
}

/** Milliseconds to wait before the next try after `attempt` (1-based) failed, or undefined to give up. */
export function retryDelay(
  failure: Failure,
  attempt: number,
  context: RetryDecisionContext,
): number | undefined {
  const { policy } = context;
  if (attempt >= policy.attempts) return undefined;
  if (failure.kind === 'network') {
    if (!context.idempotent && !failure.neverSent) return undefined;
    return backoffDelay(attempt, policy, context.random);
  }
  if (!RETRYABLE_STATUSES.has(failure.status)) return undefined;
  const asked = parseRetryAfter(failure.retryAfter, context.now);
  if (asked !== undefined) return Math.min(asked, policy.maxRetryAfterMs);
  return backoffDelay(attempt, policy, context.random);
}

/** Full jitter: uniform in [0, min(max, base * 2^(attempt-1))). */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/** Retry-After as delay-seconds or an HTTP-date, in milliseconds from `now`; undefined if unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Every HTTP-date form starts with the day's name; Date.parse alone would take "-1" for a year.
  if (!/^[A-Za-z]{3}/.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export interface RetryOptions {
  policy?: Partial<RetryPolicy>;
  idempotent?: boolean;
  signal?: AbortSignal;
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
  /** Told before each wait, e.g. to log it. */
  onRetry?: (retry: { attempt: number; delayMs: number; error: Error }) => void;
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return sleepFor(ms, undefined, { signal });
}

/**
 * Runs `operation` until it succeeds, fails in a way not worth retrying, or runs out of attempts.
 * The error of the last attempt is thrown, saying how many attempts were made.
 */
export async function withRetries<T>(
  operation: (attempt: number) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.policy };
  const wait = options.sleep ?? sleep;
  for (let attempt = 1; ; attempt++) {
    options.signal?.throwIfAborted();
    try {
      return await operation(attempt);
    } catch (error) {
      const failure = failureOf(error);
      const delayMs =
        failure &&
        retryDelay(failure, attempt, {
          policy,
          idempotent: options.idempotent ?? true,
          random: options.random ?? Math.random,
          now: (options.now ?? Date.now)(),
        });
      if (delayMs === undefined) {
        throw attempt > 1 && (error instanceof ApiError || error instanceof NetworkError)
          ? error.afterAttempts(attempt)
          : error;
      }
      options.onRetry?.({ attempt, delayMs, error: error as Error });
      await wait(delayMs, options.signal);
    }
  }
}
