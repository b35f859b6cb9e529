// The actions' clock in a test (src/shared/clock.ts): the emulator's held clock. A step's sleep (a
// poll, a retry's backoff, an outage's wait, a canary's interval) moves the emulator's time on instead
// of waiting for the wall clock, one planned step of the emulator at a time, and lets what that step
// did (a log line written, a stream ended, a state changed) reach the step before time moves on: a
// log's end still wakes a wait early, and a wait that never woke would show in the time it took.
// "Reached" is not a number of event-loop turns: on a loaded machine the loopback and the thread
// pool take wall time, so time moves on only once the emulator says nothing is on its way between it
// and this process (RunningEmulator.inFlight: requests, answers, bytes not yet read).

import type { Clock } from '../../src/shared/clock.js';
import { settle } from '../../src/emulator/held-time.js';
import type { EmulatorClock, RunningEmulator } from '../../src/emulator/options.js';

export { settle };

/** The emulator a step's time is: its held clock, and what is on its way to and from it. */
export type SteppedEmulator = Pick<RunningEmulator, 'clock' | 'inFlight'>;

interface Sleeper {
  at: number;
  wake(): void;
  fail(error: Error): void;
}

/** How many helpers hold each clock now, and whether it was held before the first of them. */
const holders = new WeakMap<EmulatorClock, { count: number; heldBefore: boolean }>();

/**
 * Holds the clock until the returned function is called. Helpers that hold it at once (two waits
 * side by side) share the hold: the clock is released when the last lets go, and not at all if it
 * was held before the first.
 */
export function holdClock(clock: EmulatorClock): () => void {
  const holding = holders.get(clock) ?? { count: 0, heldBefore: clock.held };
  if (holding.count === 0) holding.heldBefore = clock.held;
  holding.count += 1;
  holders.set(clock, holding);
  clock.hold();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holding.count -= 1;
    if (holding.count === 0 && !holding.heldBefore) clock.release();
  };
}

export class EmulatorTime implements Clock {
  private readonly sleepers = new Set<Sleeper>();
  private driving = false;

  private readonly clock: EmulatorClock;

  constructor(
    private readonly emulator: SteppedEmulator,
    /** Awaited after each of the emulator's steps, before time moves on (a test looking at the cluster). */
    private readonly betweenSteps?: () => Promise<void>,
  ) {
    this.clock = emulator.clock;
  }

  now(): number {
    return this.clock.now();
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason as Error);
        return;
      }
      const abort = (): void => {
        this.sleepers.delete(sleeper);
        reject(signal?.reason as Error);
      };
      const sleeper: Sleeper = {
        at: this.now() + Math.max(0, ms),
        wake: () => {
          signal?.removeEventListener('abort', abort);
          resolve();
        },
        fail: (error) => {
          signal?.removeEventListener('abort', abort);
          reject(error);
        },
      };
      signal?.addEventListener('abort', abort, { once: true });
      this.sleepers.add(sleeper);
      void this.drive();
    });
  }

  /** Moves the time to the earliest sleeper's end, one emulator step at a time, while anyone sleeps. */
  private async drive(): Promise<void> {
    if (this.driving) return;
    this.driving = true;
    try {
      for (;;) {
        await settle(this.emulator);
        if (this.sleepers.size === 0) return;
        if (!this.clock.held) throw new Error('a step slept on the emulator clock while it was not held');
        const at = Math.min(...[...this.sleepers].map((sleeper) => sleeper.at));
        if (this.clock.stepTowards(at)) {
          await this.betweenSteps?.();
          continue;
        }
        for (const sleeper of [...this.sleepers]) {
          if (sleeper.at > at) continue;
          this.sleepers.delete(sleeper);
          sleeper.wake();
        }
      }
    } catch (error) {
      for (const sleeper of this.sleepers) sleeper.fail(error as Error);
      this.sleepers.clear();
    } finally {
      this.driving = false;
    }
  }
}
