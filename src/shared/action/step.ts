// Runs an action's main function the way every odahu action behaves: one `core.setFailed` line on
// failure, and cancellation handled. GitHub's runner cancels a step with SIGINT, then SIGTERM 7.5 s
// later and a kill 2.5 s after that, so cleanup registered with onCancel gets a few seconds at most.

import * as core from '@actions/core';
import { messageOf } from './inputs.js';

/** How long cancellation cleanup may take: well inside the runner's 7.5 s before SIGTERM. */
const CLEANUP_BUDGET_MS = 6000;

export interface StepContext {
  /** Aborted when the step is cancelled; every wait and request of the step listens to it. */
  readonly signal: AbortSignal;
  /** Work to do if the step is cancelled from now on (e.g. delete the training it started). */
  onCancel(cleanup: () => Promise<void>): void;
  /** Forget the cleanups registered so far (the work they would undo is finished). */
  clearCancel(): void;
  /** When the step started (ms since epoch). */
  readonly startedAt: number;
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
  let cleanups: (() => Promise<void>)[] = [];
  const ctx: StepContext = {
    signal: controller.signal,
    onCancel: (cleanup) => void cleanups.push(cleanup),
    clearCancel: () => void (cleanups = []),
    startedAt: Date.now(),
  };

  let cancelledBy: string | undefined;
  const cancel = (signal: NodeJS.Signals): void => {
    if (cancelledBy) {
      // A second signal (the runner's SIGTERM): stop now, whatever cleanup is still running.
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
      await runCleanups(cleanups);
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

async function runCleanups(cleanups: (() => Promise<void>)[]): Promise<void> {
  if (cleanups.length === 0) return;
  const all = Promise.allSettled(cleanups.map((cleanup) => cleanup())).then((results) => {
    for (const result of results) {
      if (result.status === 'rejected')
        core.warning(`Cleanup after cancel failed: ${messageOf(result.reason)}`);
    }
  });
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      core.warning(`Cleanup after cancel took over ${CLEANUP_BUDGET_MS / 1000}s; leaving it unfinished.`);
      resolve();
    }, CLEANUP_BUDGET_MS);
  });
  await Promise.race([all, budget]);
  clearTimeout(timer);
}
