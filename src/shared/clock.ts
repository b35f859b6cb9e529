// The time a step waits by: every wait of the actions (the poll schedule, retry backoff, an outage's
// notices, a model warming up, a canary's interval, a deletion) reads now() and sleeps here. On a
// runner it is the machine's time. A test puts the emulator's held clock in its place (useClock), so
// that a step's waits pass in the emulator's time, in its order, without waiting for the wall clock.

import { setTimeout as wallSleep } from 'node:timers/promises';

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const WALL_CLOCK: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => wallSleep(ms, undefined, { signal }),
};

let current: Clock = WALL_CLOCK;

export function now(): number {
  return current.now();
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return current.sleep(ms, signal);
}

/** For tests: wait by `clock` from now on; without one, by the wall clock again. */
export function useClock(clock: Clock = WALL_CLOCK): void {
  current = clock;
}
