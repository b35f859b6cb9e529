// Runs an action's main function the way every odahu action behaves: one `core.setFailed` line on
// failure, and cancellation handled. GitHub's runner cancels a step with SIGINT, then SIGTERM 7.5 s
// later and a kill 2.5 s after that: the signal aborts the step's waits, and whatever the step undoes
// on its way out (cleanUpAfterCancel) must fit in that time.

import * as core from '@actions/core';
import { sleep } from '../clock.js';
import { messageOf } from '../thrown.js';
import { logText } from '../odahu/untrusted-text.js';

/** How long after the cancel signal cleanup may still run: well inside the runner's 7.5 s. */
const CLEANUP_BUDGET_MS = 6000;

export interface StepContext {
  /** Aborted when the step is cancelled; every wait and request of the step listens to it. */
  readonly signal: AbortSignal;
  /** When the cancel signal came (ms since epoch), so cleanup is timed from it, not from its own start. */
  readonly cancelledAt: number | undefined;
}

/** Thrown by waits and requests once the step's signal is aborted. */
export class CancelledError extends Error {
  constructor(what = 'the step') {
    super(`${what} was cancelled`);
    this.name = 'CancelledError';
  }
}

export async function runStep(body: (ctx: StepContext) => Promise<void>): Promise<void> {
  const controller = new AbortController();
  let cancelledBy: string | undefined;
  let cancelledAt: number | undefined;
  const ctx: StepContext = {
    signal: controller.signal,
    get cancelledAt() {
      return cancelledAt;
    },
  };
  const cancel = (signal: NodeJS.Signals): void => {
    if (cancelledBy) {
      // A second signal (the runner's SIGTERM): stop now, whatever cleanup is still running.
      core.setFailed(`Cancelled (${cancelledBy}, then ${signal}).`);
      process.exit(1);
    }
    cancelledBy = signal;
    cancelledAt = Date.now();
    core.info(`Received ${signal}: cancelling.`);
    controller.abort(new CancelledError());
  };
  process.on('SIGINT', cancel);
  process.on('SIGTERM', cancel);

  try {
    await body(ctx);
  } catch (error) {
    if (cancelledBy) {
      core.setFailed(`Cancelled (${cancelledBy}).`);
    } else {
      core.debug(error instanceof Error && error.stack ? error.stack : String(error));
      core.setFailed(messageOf(error));
    }
  } finally {
    process.off('SIGINT', cancel);
    process.off('SIGTERM', cancel);
  }
}

/**
 * A signal that aborts when a cancelled step's time is up: CLEANUP_BUDGET_MS after the cancel signal
 * came, well before the runner's SIGTERM. It never aborts while the step is not cancelled.
 */
export function cancelWindow(ctx: StepContext): AbortSignal {
  const closes = new AbortController();
  const arm = (): void => {
    const left = (ctx.cancelledAt ?? Date.now()) + CLEANUP_BUDGET_MS - Date.now();
    setTimeout(
      () => closes.abort(new CancelledError('what the step did after its cancel')),
      Math.max(0, left),
    ).unref();
  };
  if (ctx.signal.aborted) arm();
  else ctx.signal.addEventListener('abort', arm, { once: true });
  return closes.signal;
}

/**
 * Undo what a cancelled step started, before the runner's SIGTERM: `work` gets a signal that aborts
 * at the deadline. A failure or an overrun is a warning (the step is failing anyway), never a hang.
 */
export async function cleanUpAfterCancel(
  ctx: StepContext,
  what: string,
  work: (signal: AbortSignal) => Promise<unknown>,
): Promise<void> {
  // It may name what a cluster holds (a route's targets).
  core.info(logText(what));
  const signal = cancelWindow(ctx);
  try {
    await work(signal);
  } catch (error) {
    core.warning(
      signal.aborted
        ? `Cleanup after cancel did not finish before the runner's deadline: ${what}`
        : `Cleanup after cancel failed: ${messageOf(error)}`,
    );
  }
}

/** Wait `ms`, or throw CancelledError as soon as the step is cancelled. */
export async function pause(ms: number, signal: AbortSignal, what?: string): Promise<void> {
  try {
    await sleep(ms, signal);
  } catch {
    throw new CancelledError(what);
  }
}
