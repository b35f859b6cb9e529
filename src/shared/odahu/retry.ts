// Which failures are worth another try, how long to wait first, and for how long to keep trying.
// Retried: no answer at all, 502, 503, 504 (a gateway or a pod in between, an API server restarting)
// and 429 (waiting as long as Retry-After asks); never another 4xx (the request itself is wrong) nor
// a 500 (the server has decided). A call is tried until its time budget runs out, not a number of
// times: a restarting API server is gone for 30-60 s, and a wait may need to outlast that. The wait
// between tries grows to a cap with jitter, so clients that failed together do not come back together.

import * as clock from '../clock.js';
import { formatDuration } from '../duration.js';
import { ApiError, NetworkError } from './errors.js';
import { messageOf } from '../thrown.js';

export interface RetryPolicy {
  /** How long a call is tried, from its first attempt: no try starts after this. */
  budgetMs: number;
  /** The wait after the first failure is about this; it doubles with each further failure... */
  baseDelayMs: number;
  /** ...up to this. */
  maxDelayMs: number;
  /** Tries in all, the first one included, if fewer than the budget allows. Default: no limit. */
  attempts?: number;
}

/** The default of the `retry-timeout` input. */
export const DEFAULT_RETRY_BUDGET_MS = 3 * 60_000;

/**
 * How long a server that has not answered once this step (a host that does not resolve, refuses
 * every connection, never completes one) is tried before the call gives up: a wrong URL should not
 * cost the whole retry-timeout. One that has answered rides out an outage for the whole budget.
 */
export const FIRST_CONTACT_BUDGET_MS = 30_000;

/**
 * The servers (origins, `https://host:port`) that have answered their owner at least once: a
 * client's transport, a token source, objects that live for one step. Until a server has, a call to
 * it gives up once FIRST_CONTACT_BUDGET_MS have passed; once it has, its silence is an outage. Kept
 * by the owner, not the process: a server that answered another step (another client in the same
 * process, as in the tests) says nothing about whether this step's URL is right.
 */
export class AnsweredServers {
  private readonly origins = new Set<string>();

  /** `url`'s server answered, whatever it said: it is there, and a later silence is an outage. */
  mark(url: string): void {
    this.origins.add(originOf(url));
  }

  has(url: string): boolean {
    return this.origins.has(originOf(url));
  }

  /**
   * For withRetries' giveUp: a call to a server that has not answered yet stops once its next try
   * would start past FIRST_CONTACT_BUDGET_MS, with one line that says so.
   */
  giveUp(url: string, server: string): NonNullable<RetryOptions['giveUp']> {
    return ({ error, elapsedMs, delayMs, attempt }) => {
      if (!(error instanceof NetworkError) || this.has(url)) return undefined;
      if (elapsedMs + delayMs <= FIRST_CONTACT_BUDGET_MS) return undefined;
      return error.afterTrying(
        `tried for ${formatDuration(elapsedMs)}, ${attempt} attempts; ${server} has not answered once since the step began: is the URL right?`,
      );
    };
  }
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  budgetMs: DEFAULT_RETRY_BUDGET_MS,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
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

/** A failure worth another try (for an idempotent call), whatever the time left. */
export function isTransient(error: unknown): boolean {
  const failure = failureOf(error);
  if (!failure) return false;
  return failure.kind === 'network' || RETRYABLE_STATUSES.has(failure.status);
}

/** What a failure answered, in a few words: `503`, `no answer (ECONNREFUSED)`. */
export function answerOf(error: unknown): string {
  if (error instanceof ApiError) return String(error.status);
  if (error instanceof NetworkError) return `no answer${error.code ? ` (${error.code})` : ''}`;
  return messageOf(error);
}

export interface RetryDecisionContext {
  policy: RetryPolicy;
  /** A write the server may have applied before the connection broke is not sent twice. */
  idempotent: boolean;
  random: () => number;
  now: number;
  /** No try starts after this (ms since the epoch). */
  deadline: number;
}

/** Milliseconds to wait before the next try after `attempt` (1-based) failed, or undefined to give up. */
export function retryDelay(
  failure: Failure,
  attempt: number,
  context: RetryDecisionContext,
): number | undefined {
  const { policy } = context;
  if (attempt >= (policy.attempts ?? Infinity)) return undefined;
  const left = context.deadline - context.now;
  if (left <= 0) return undefined;
  if (failure.kind === 'network') {
    if (!context.idempotent && !failure.neverSent) return undefined;
    return Math.min(left, backoffDelay(attempt, policy, context.random));
  }
  if (!RETRYABLE_STATUSES.has(failure.status)) return undefined;
  const asked = parseRetryAfter(failure.retryAfter, context.now);
  // The server said when to come back: as asked, if that is within the budget; else not at all.
  if (asked !== undefined) return asked <= left ? asked : undefined;
  return Math.min(left, backoffDelay(attempt, policy, context.random));
}

/** Half fixed, half random: in [c/2, c) with c = min(max, base * 2^(attempt-1)). */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(ceiling / 2 + (random() * ceiling) / 2);
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
  /** Try until then (ms since the epoch) instead of for the policy's budget, e.g. a wait's own end. */
  deadline?: number;
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
  /** Told before each wait, e.g. to log it. */
  onRetry?: (retry: { attempt: number; delayMs: number; error: Error; deadline: number }) => void;
  /**
   * Asked before each wait: an error to throw instead of trying again (AnsweredServers.giveUp), or
   * undefined to go on.
   */
  giveUp?: (retry: {
    attempt: number;
    delayMs: number;
    error: Error;
    elapsedMs: number;
  }) => Error | undefined;
}

/** The step's clock (clock.ts): the wall clock, or the emulator's in tests. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return clock.sleep(ms, signal);
}

/**
 * Runs `operation` until it succeeds, fails in a way not worth retrying, or runs out of time. The
 * error of the last attempt is thrown, saying for how long and how often the call was tried.
 */
export async function withRetries<T>(
  operation: (attempt: number) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.policy };
  const wait = options.sleep ?? sleep;
  const now = options.now ?? clock.now;
  const started = now();
  const deadline = options.deadline ?? started + policy.budgetMs;
  for (let attempt = 1; ; attempt++) {
    options.signal?.throwIfAborted();
    try {
      return await operation(attempt);
    } catch (error) {
      const failure = failureOf(error);
      const at = now();
      const delayMs =
        failure &&
        retryDelay(failure, attempt, {
          policy,
          idempotent: options.idempotent ?? true,
          random: options.random ?? Math.random,
          now: at,
          deadline,
        });
      if (delayMs === undefined) {
        if (attempt === 1 || !(error instanceof ApiError || error instanceof NetworkError)) throw error;
        throw error.afterTrying(`tried for ${formatDuration(at - started)}, ${attempt} attempts`);
      }
      const stop = options.giveUp?.({ attempt, delayMs, error: error as Error, elapsedMs: at - started });
      if (stop) throw stop;
      options.onRetry?.({ attempt, delayMs, error: error as Error, deadline });
      await wait(delayMs, options.signal);
    }
  }
}
