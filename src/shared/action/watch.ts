// Waiting for a phase to finish: read its state, print each change, follow its pod log once the pod
// runs, and end with the final object, a clear failure, a timeout or a cancellation. When to read
// the state is poll-schedule.ts's call; a followed log's end brings the next read forward. An API
// that stops answering does not end the wait: the phase runs on in the cluster, so every read (and
// every reopening of the log) is retried until the wait's own timeout, not the shorter retry-timeout.

import * as core from '@actions/core';
import { now, sleep } from '../clock.js';
import type { CallOptions, OdahuClient } from '../odahu/client.js';
import { ApiError } from '../odahu/errors.js';
import { messageOf } from '../thrown.js';
import type { Phase } from './phases.js';
import { LogPrinter, PodLog, TAIL_LINES, readLines } from './pod-log.js';
import type { FollowEnd } from './pod-log.js';
import { CATCH_UP_SPAN_MS, PollSchedule } from './poll-schedule.js';
import type { Waiting } from './poll-schedule.js';
import { formatDuration } from '../duration.js';
import { StateReporter } from './progress.js';
import { CancelledError } from './step.js';
import { logText, printUntrusted } from '../odahu/untrusted-text.js';
import { capitalize } from './apply.js';

/** How long to let a finished pod's log drain before giving up on it (and as long again for one read of what it missed). */
const LOG_DRAIN_MS = 5000;
/** A log read once (not followed) that takes longer is given up: the pod has ended, its log is whole. */
const LOG_READ_MS = 30_000;
/** Catch-ups after a log's end, and so re-follows of the log, before the state is only polled. */
const MAX_CATCH_UPS = 2;
/** Reads in a row that a server error (500, not retried by the client) may fail before the wait does. */
const MAX_SERVER_ERRORS = 3;

/** The wait's sense of time; the benchmark runs a long wait on a faster one. */
export interface WatchClock {
  now(): number;
  /** Resolves after `ms`; rejects when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

/** The step's clock (clock.ts): the wall clock, or the emulator's in tests. */
const STEP_TIME: WatchClock = { now, sleep };
export interface WatchOptions {
  timeoutMs: number;
  /** The user's poll-interval; undefined for the adaptive schedule. */
  pollIntervalMs: number | undefined;
  signal: AbortSignal;
  /** Print the pod log while waiting (phases that have one; it is followed for its end either way). */
  logs: boolean;
  clock?: WatchClock;
}

/** The phase finished, but not well: names the resource and the server's reason. */
export class PhaseFailedError extends Error {
  constructor(
    readonly noun: string,
    readonly id: string,
    readonly reason: string,
    readonly final: unknown,
  ) {
    super(`${noun} ${id} failed: ${reason}`);
    this.name = 'PhaseFailedError';
  }
}

export class WaitTimeoutError extends Error {
  constructor(noun: string, id: string, timeoutMs: number, state: string, hint = '') {
    super(`${noun} ${id} did not finish within ${formatDuration(timeoutMs)}: it is still ${state}${hint}`);
    this.name = 'WaitTimeoutError';
  }
}

/** The pod log of the phase being waited for: followed while the pod runs, its end noticed. */
class FollowedLog<T> {
  private follower: PodLog | undefined;
  /** Set once the follower stops; `ended` means the pod has ended. */
  private end: FollowEnd | undefined;
  private followers = 0;

  constructor(
    private readonly phase: Phase<T>,
    private readonly client: OdahuClient,
    private readonly id: string,
    private readonly options: WatchOptions,
    /** Reopening the log is retried until then (ms since the epoch). */
    private readonly retryUntil: number,
  ) {}

  get following(): boolean {
    return this.follower !== undefined && this.end === undefined;
  }

  get hasEnded(): boolean {
    return this.end === 'ended';
  }

  get everFollowed(): boolean {
    return this.followers > 0;
  }

  /** Settles when the current follower stops. */
  get stopped(): Promise<unknown> | undefined {
    return this.following ? this.follower?.ended : undefined;
  }

  /** Starts following once the pod runs. */
  followIfRunning(current: T): void {
    if (!this.follower) this.start(current);
  }

  /** The log ended but the state says the pod runs on (a proxy closed an idle stream): follow again. */
  again(current: T): void {
    this.start(current);
  }

  /**
   * The final state is known: let the log drain, then keep its last lines. A follower that was not
   * streaming then (its reopen waiting out an outage, whose retries can come back later than the
   * state's read) has missed the rest: read the log once and show the lines it had not shown.
   */
  async finish(graceMs: number): Promise<LogTail> {
    const follower = this.follower;
    if (!follower) return { lines: [], whole: false };
    const how = await follower.finish(graceMs);
    if (how === 'ended' || this.options.signal.aborted)
      return { lines: follower.lastLines(), whole: how === 'ended' };
    const rest = await printLogOnce(this.phase, this.client, this.id, {
      signal: AbortSignal.any([this.options.signal, AbortSignal.timeout(graceMs)]),
      from: follower.shown,
      title: `Log of ${this.phase.noun} ${this.id} (continued)`,
      print: this.options.logs,
    });
    return { lines: [...follower.lastLines(), ...rest.lines].slice(-TAIL_LINES), whole: rest.whole };
  }

  async stop(): Promise<void> {
    await this.follower?.finish(0);
  }

  private start(current: T): void {
    const logs = this.phase.logs;
    if (!logs?.ready(current)) return;
    const { client, id } = this;
    const shownBefore = this.follower?.shown ?? 0;
    this.followers += 1;
    this.end = undefined;
    const follower = PodLog.follow({
      title: `Log of ${this.phase.noun} ${id}${this.followers > 1 ? ' (continued)' : ''}`,
      open: (signal) => logs.open(client, id, true, { signal, retryUntil: this.retryUntil }),
      signal: this.options.signal,
      print: this.options.logs,
      shownBefore,
    });
    this.follower = follower;
    void follower.ended.then((how) => {
      if (this.follower === follower) this.end = how;
    });
  }
}

/** The end of a pod log as the wait saw it; `whole`: read to its end, so nothing more is to be had. */
interface LogTail {
  lines: string[];
  whole: boolean;
}

export async function watch<T>(
  phase: Phase<T>,
  client: OdahuClient,
  id: string,
  options: WatchOptions,
): Promise<T> {
  const what = `${phase.noun} ${id}`;
  const { signal } = options;
  const clock = options.clock ?? STEP_TIME;
  const schedule = new PollSchedule(options.pollIntervalMs);
  const reporter = new StateReporter(what);
  const started = clock.now();
  const deadline = started + options.timeoutMs;
  // The client retries on the step's clock: the same time left, in its terms.
  const retryUntil = now() + options.timeoutMs;
  const log = new FollowedLog(phase, client, id, options, retryUntil);
  /** When the log's end was noticed, and how many reads followed it. */
  let catchUp: { since: number; tries: number } | undefined;
  /** A status that never catches up (a stuck controller) must not cost a catch-up every 10 s. */
  let catchUpsLeft = MAX_CATCH_UPS;
  let seen = false;
  let serverErrors = 0;
  /** The stuck hint was said (once per wait). */
  let hinted = false;
  try {
    for (;;) {
      if (signal.aborted) throw new CancelledError(`waiting for ${what}`);
      let current: T;
      try {
        current = await getOrExplain(phase, client, id, seen, { signal, retryUntil });
        seen = true;
        serverErrors = 0;
      } catch (error) {
        if (
          signal.aborted ||
          !(error instanceof ApiError && error.status >= 500) ||
          ++serverErrors >= MAX_SERVER_ERRORS ||
          clock.now() >= deadline
        ) {
          throw error;
        }
        core.warning(`Could not read ${what} (${messageOf(error)}); trying again.`);
        await wait(clock, schedule.delay('polling', clock.now() - started), undefined, signal, what);
        continue;
      }
      const outcome = phase.outcome(current);
      if (outcome !== 'pending') {
        // Let the log drain and its group close before the final state is printed.
        let tail = await log.finish(LOG_DRAIN_MS);
        if (!log.everFollowed && options.logs && phase.logs)
          tail = await printLogOnce(phase, client, id, {
            signal,
            from: 0,
            title: `Log of ${phase.noun} ${id}`,
            print: true,
          });
        reporter.report(phase.state(current), phase.detail(current));
        if (outcome === 'failed') {
          await showLastLogLines(phase, client, id, tail, signal);
          throw new PhaseFailedError(phase.noun, id, phase.failure(current), current);
        }
        return current;
      }
      reporter.report(phase.state(current), phase.detail(current));
      if (!hinted && phase.stuck && clock.now() - started >= phase.stuck.afterMs) {
        const hint = phase.stuck.hint(current);
        if (hint) {
          hinted = true;
          core.warning(
            logText(
              `${capitalize(what)} is still ${phase.state(current)} after ${formatDuration(clock.now() - started)}: ${hint}. Still waiting, until the timeout of ${formatDuration(options.timeoutMs)}.`,
            ),
          );
        }
      }
      if (catchUp && clock.now() - catchUp.since > CATCH_UP_SPAN_MS) {
        // The status did not follow the log's end: the stream was closed under a running pod, or the
        // controller is slow. Follow again while catch-ups are left; after that, polling alone.
        catchUp = undefined;
        if (catchUpsLeft > 0) log.again(current);
      }
      log.followIfRunning(current);
      const left = deadline - clock.now();
      if (left <= 0) {
        throw new WaitTimeoutError(
          phase.noun,
          id,
          options.timeoutMs,
          phase.state(current),
          phase.timeoutHint?.(current) ?? '',
        );
      }
      const waiting: Waiting = catchUp ? 'catching-up' : log.following ? 'following' : 'polling';
      const delay = schedule.delay(waiting, clock.now() - started, catchUp ? catchUp.tries++ : 0);
      // A log that ends meanwhile brings the next read forward: at once, then catching up.
      await wait(clock, Math.min(delay, left), log.stopped, signal, what);
      if (!catchUp && log.hasEnded && catchUpsLeft > 0) {
        catchUpsLeft -= 1;
        catchUp = { since: clock.now(), tries: 0 };
      }
    }
  } finally {
    await log.stop();
  }
}

/** Waits `ms`, or less when `wake` settles first. Throws CancelledError on cancel. */
async function wait(
  clock: WatchClock,
  ms: number,
  wake: Promise<unknown> | undefined,
  signal: AbortSignal,
  what: string,
): Promise<void> {
  const done = new AbortController();
  const both = AbortSignal.any([signal, done.signal]);
  try {
    const slept = clock.sleep(ms, both);
    await (wake ? Promise.race([slept, wake]) : slept);
  } catch (error) {
    if (signal.aborted) throw new CancelledError(`waiting for ${what}`);
    throw error;
  } finally {
    done.abort();
  }
}

/**
 * The log read once, from line `from` on (a pod that ended before it was followed: all of it),
 * printed in its own group when there is any; its last lines.
 */
async function printLogOnce<T>(
  phase: Phase<T>,
  client: OdahuClient,
  id: string,
  { signal, from, title, print }: { signal: AbortSignal; from: number; title: string; print: boolean },
): Promise<LogTail> {
  const printer = new LogPrinter(title, print ? (text) => void process.stdout.write(text) : undefined);
  let index = 0;
  let whole = false;
  try {
    await readLog(phase, client, id, signal, (line) => {
      if (index++ >= from) printer.line(line);
    });
    whole = true;
  } catch (error) {
    core.debug(`could not read the log of ${phase.noun} ${id}: ${messageOf(error)}`);
  } finally {
    printer.close();
  }
  return { lines: printer.lastLines(), whole };
}

/** The log as it is now (not followed), line by line; a read that outlasts LOG_DRAIN_MS is given up. */
async function readLog<T>(
  phase: Phase<T>,
  client: OdahuClient,
  id: string,
  signal: AbortSignal,
  onLine: (line: string) => void,
): Promise<void> {
  if (!phase.logs) return;
  const bounded = AbortSignal.any([signal, AbortSignal.timeout(LOG_READ_MS)]);
  const stream = await phase.logs.open(client, id, false, { signal: bounded });
  await readLines(stream, onLine);
}

/**
 * A failure shows the end of the pod log: the lines followed, or else the log read once. A log read
 * to its end already (followed until the pod ended, or read after it) that was empty is not read
 * again: it has nothing to show.
 */
async function showLastLogLines<T>(
  phase: Phase<T>,
  client: OdahuClient,
  id: string,
  tail: LogTail,
  signal: AbortSignal,
): Promise<void> {
  if (!phase.logs) return;
  let lines = tail.lines;
  if (lines.length === 0 && !tail.whole) {
    // Not read to its end (logs: false and never followed, or its reads failed): read it once.
    const printer = new LogPrinter('', undefined);
    try {
      await readLog(phase, client, id, signal, (line) => printer.line(line));
    } catch (error) {
      core.debug(`could not read the log of ${phase.noun} ${id}: ${messageOf(error)}`);
    }
    lines = printer.lastLines();
  }
  if (lines.length === 0 || signal.aborted) return;
  core.info(`Last ${lines.length} log lines of ${phase.noun} ${id}:`);
  // Already inert, and printed where the runner obeys no command but the block's own end.
  printUntrusted(lines);
}

/** A 404 while watching says whether the thing never existed or went away meanwhile. */
async function getOrExplain<T>(
  phase: Phase<T>,
  client: OdahuClient,
  id: string,
  seen: boolean,
  options: CallOptions,
): Promise<T> {
  try {
    return await phase.get(client, id, options);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
    throw new Error(
      seen
        ? `${phase.noun} ${id} was deleted while the step waited for it`
        : `${phase.noun} ${id} does not exist`,
      { cause: error },
    );
  }
}
