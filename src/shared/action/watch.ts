// Waiting for a phase to finish: poll its state, print each change, follow its pod log once the pod
// runs, and end with the final object, a clear failure, a timeout or a cancellation.

import * as core from '@actions/core';
import type { OdahuClient } from '../client.js';
import { ApiError } from '../errors.js';
import type { Phase } from './phases.js';
import { PodLog } from './pod-log.js';
import { StateReporter, formatElapsed } from './progress.js';
import { CancelledError } from './step.js';

/** How long to let a finished pod's log drain before giving up on it. */
const LOG_DRAIN_MS = 5000;

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
    super(`${noun} ${id} did not finish within ${formatElapsed(timeoutMs)}: it is still ${state}${hint}`);
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
  const reporter = new StateReporter(what);
  const deadline = Date.now() + options.timeoutMs;
  let podLog: PodLog | undefined;
  let seen = false;
  try {
    for (;;) {
      throwIfCancelled(options.signal, what);
      const current = await getOrExplain(phase, client, id, seen);
      seen = true;
      const outcome = phase.outcome(current);
      if (outcome !== 'pending') {
        // Let the log drain and its group close before the final state is printed.
        await podLog?.finish(LOG_DRAIN_MS);
        const tail = podLog?.lastLines() ?? [];
        podLog = undefined;
        reporter.report(phase.state(current), phase.detail(current));
        if (outcome === 'failed') {
          await showLastLogLines(phase, client, id, tail, options.signal);
          throw new PhaseFailedError(phase.noun, id, phase.failure(current), current);
        }
        return current;
      }
      reporter.report(phase.state(current), phase.detail(current));
      if (options.logs && phase.logs && !podLog && phase.logs.ready(current)) {
        const logs = phase.logs;
        podLog = PodLog.follow({
          title: `Log of ${what}`,
          open: () => logs.open(client, id, true),
          signal: options.signal,
        });
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new WaitTimeoutError(
          phase.noun,
          id,
          options.timeoutMs,
          phase.state(current),
          timeoutHint(phase, current),
        );
      }
      await sleep(Math.min(options.pollIntervalMs, left), options.signal, what);
    }
  } finally {
    await podLog?.finish(0);
  }
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
      const stream = await phase.logs.open(client, id, false);
      let text = '';
      for await (const chunk of stream)
        text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
      lines = text
        .split('\n')
        .filter((l) => l !== '')
        .slice(-20);
    } catch (error) {
      core.debug(`could not read the log of ${phase.noun} ${id}: ${String(error)}`);
    }
  }
  if (lines.length === 0 || signal.aborted) return;
  core.info(`Last ${lines.length} log lines of ${phase.noun} ${id}:`);
  for (const line of lines) core.info(`  ${line}`);
}

/** A 404 while watching says whether the thing never existed or went away meanwhile. */
async function getOrExplain<T>(phase: Phase<T>, client: OdahuClient, id: string, seen: boolean): Promise<T> {
  try {
    return await phase.get(client, id);
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

function timeoutHint<T>(phase: Phase<T>, current: T): string {
  if (phase.kind === 'ModelDeployment' && phase.state(current) !== 'Ready') {
    return ' (a deployment that stays Processing usually cannot pull its image, or lacks resources)';
  }
  return '';
}

function throwIfCancelled(signal: AbortSignal, what: string): void {
  if (signal.aborted) throw new CancelledError(`waiting for ${what}`);
}

function sleep(ms: number, signal: AbortSignal, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new CancelledError(`waiting for ${what}`));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CancelledError(`waiting for ${what}`));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
