// Runs an action's main function the way every odahu action behaves: one `core.setFailed` line on
// failure, and cancellation handled. GitHub's runner cancels a step with SIGINT, then SIGTERM 7.5 s
// later and a kill 2.5 s after that: the signal aborts the step's waits, and whatever the step undoes
// on its way out (cleanUpAfterCancel) must fit in that time.

import * as core from '@actions/core';
import { messageOf } from './inputs.js';

/** How long cancellation cleanup may take: well inside the runner's 7.5 s before SIGTERM. */
const CLEANUP_BUDGET_MS = 6000;

export interface StepContext {
  /** Aborted when the step is cancelled; every wait and request of the step listens to it. */
  readonly signal: AbortSignal;
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
  const ctx: StepContext = { signal: controller.signal };

  let cancelledBy: string | undefined;
  const cancel = (signal: NodeJS.Signals): void => {
    if (cancelledBy) {
      // A second signal (the runner's SIGTERM): stop now, whatever cleanup is still running.
      core.setFailed(`Cancelled (${cancelledBy}, then ${signal}).`);
      process.exit(1);
    }
    cancelledBy = signal;
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
 * Undo what a cancelled step started, within the runner's grace time; a failure or an overrun is a
 * warning (the step is failing anyway), never a hang.
 */
export async function cleanUpAfterCancel(what: string, work: () => Promise<unknown>): Promise<void> {
  core.info(what);
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<'late'>(
    (resolve) => (timer = setTimeout(() => resolve('late'), CLEANUP_BUDGET_MS)),
  );
  try {
    const result = await Promise.race([work().then(() => 'done' as const), budget]);
    if (result === 'late')
      core.warning(`Cleanup after cancel took over ${CLEANUP_BUDGET_MS / 1000}s; left unfinished.`);
  } catch (error) {
    core.warning(`Cleanup after cancel failed: ${messageOf(error)}`);
  } finally {
    clearTimeout(timer);
  }
}
