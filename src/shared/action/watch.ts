// Waiting for a phase to finish: poll its state, print each change, follow its pod log once the pod
// runs, and end with the final object, a clear failure, a timeout or a cancellation.

import * as core from '@actions/core';
import type { OdahuClient } from '../client.js';
import { ApiError, NetworkError } from '../errors.js';
import { messageOf } from '../thrown.js';
import type { Phase } from './phases.js';
import { PodLog, untrustedLines } from './pod-log.js';
import { formatDuration } from '../duration.js';
import { StateReporter } from './progress.js';
import { CancelledError, pause } from './step.js';

/** How long to let a finished pod's log drain before giving up on it. */
const LOG_DRAIN_MS = 5000;
/**
 * Polls in a row that may fail (each after the client's own retries) before the wait fails: a long
 * wait should not end on one bad minute of a proxy.
 */
const MAX_FAILED_POLLS = 3;

export interface WatchOptions {
  timeoutMs: number;
  pollIntervalMs: number;
  signal: AbortSignal;
  /** Stream the pod log while waiting (for phases that have one). */
  logs: boolean;
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

export async function watch<T>(
  phase: Phase<T>,
  client: OdahuClient,
  id: string,
  options: WatchOptions,
): Promise<T> {
  const what = `${phase.noun} ${id}`;
  const { signal } = options;
  const reporter = new StateReporter(what);
  const deadline = Date.now() + options.timeoutMs;
  let podLog: PodLog | undefined;
  let seen = false;
  let failedPolls = 0;
  try {
    for (;;) {
      if (signal.aborted) throw new CancelledError(`waiting for ${what}`);
      let current: T;
      try {
        current = await getOrExplain(phase, client, id, seen, signal);
        seen = true;
        failedPolls = 0;
      } catch (error) {
        if (
          signal.aborted ||
          !transient(error) ||
          ++failedPolls >= MAX_FAILED_POLLS ||
          Date.now() >= deadline
        ) {
          throw error;
        }
        core.warning(`Could not read ${what} (${messageOf(error)}); trying again.`);
        await pause(options.pollIntervalMs, signal, `waiting for ${what}`);
        continue;
      }
      const outcome = phase.outcome(current);
      if (outcome !== 'pending') {
        // Let the log drain and its group close before the final state is printed.
        await podLog?.finish(LOG_DRAIN_MS);
        const tail = podLog?.lastLines() ?? [];
        podLog = undefined;
        reporter.report(phase.state(current), phase.detail(current));
        if (outcome === 'failed') {
          await showLastLogLines(phase, client, id, tail, signal);
          throw new PhaseFailedError(phase.noun, id, phase.failure(current), current);
        }
        return current;
      }
      reporter.report(phase.state(current), phase.detail(current));
      if (options.logs && phase.logs && !podLog && phase.logs.ready(current)) {
        const logs = phase.logs;
        podLog = PodLog.follow({
          title: `Log of ${what}`,
          open: (openSignal) => logs.open(client, id, true, openSignal),
          signal,
        });
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new WaitTimeoutError(
          phase.noun,
          id,
          options.timeoutMs,
          phase.state(current),
          phase.timeoutHint?.(current) ?? '',
        );
      }
      await pause(Math.min(options.pollIntervalMs, left), signal, `waiting for ${what}`);
    }
  } finally {
    await podLog?.finish(0);
  }
}

/** Failures worth another poll: no answer, or the server or a proxy failing. */
function transient(error: unknown): boolean {
  return (
    error instanceof NetworkError ||
    (error instanceof ApiError && (error.status >= 500 || error.status === 429))
  );
}

/** A failure shows the end of the pod log: the lines followed, or else the log read once. */
async function showLastLogLines<T>(
  phase: Phase<T>,
  client: OdahuClient,
  id: string,
  followed: string[],
  signal: AbortSignal,
): Promise<void> {
  if (!phase.logs) return;
  let lines = followed;
  if (lines.length === 0) {
    // Not followed (logs: false, or the pod finished between two polls): read it once.
    try {
      const stream = await phase.logs.open(client, id, false, signal);
      let text = '';
      for await (const chunk of stream)
        text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
      lines = untrustedLines(text)
        .filter((l) => l !== '')
        .slice(-20);
    } catch (error) {
      core.debug(`could not read the log of ${phase.noun} ${id}: ${messageOf(error)}`);
    }
  }
  if (lines.length === 0 || signal.aborted) return;
  core.info(`Last ${lines.length} log lines of ${phase.noun} ${id}:`);
  // Already inert: indenting must not be the only thing between a line and the runner.
  for (const line of lines) core.info(line);
}

/** A 404 while watching says whether the thing never existed or went away meanwhile. */
async function getOrExplain<T>(
  phase: Phase<T>,
  client: OdahuClient,
  id: string,
  seen: boolean,
  signal: AbortSignal,
): Promise<T> {
  try {
    return await phase.get(client, id, signal);
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
