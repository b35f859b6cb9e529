// Moving a held emulator clock on from outside it (a test, the demo, the benchmark): time moves only
// once what the last step did has reached the clients of this process. A fixed number of event-loop
// turns is not enough on a loaded machine: loopback delivery and the thread pool take wall time, so
// the emulator is asked what is still on its way (in-flight.ts). Clients in other processes (a
// bundle, the runner's command line) are not seen: they wait on the wall clock, not on this one.

import type { RunningEmulator } from './options.js';

/** Traffic that is still on its way after this much wall time is stuck, not slow. */
const STUCK_MS = 60_000;

/**
 * Lets the event loop deliver what is in flight (answers, stream data over loopback) before time
 * moves: a few turns for what follows in this process (a stream's end reaching its reader, a promise
 * chain), and with `emulator`, as long as it says that something is still on its way.
 */
export async function settle(emulator?: Pick<RunningEmulator, 'inFlight'>): Promise<void> {
  const since = Date.now();
  for (;;) {
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 0));
    const onItsWay = emulator?.inFlight();
    if (onItsWay === undefined) return;
    if (Date.now() - since > STUCK_MS)
      throw new Error(`the emulator's clock cannot move on: after ${STUCK_MS} ms, ${onItsWay}`);
  }
}

/** The held clock moves on by `ms`, each step that comes due run in order and let settle. */
export async function passTime(
  emulator: Pick<RunningEmulator, 'clock' | 'inFlight'>,
  ms: number,
): Promise<void> {
  const at = emulator.clock.now() + ms;
  while (emulator.clock.stepTowards(at)) await settle(emulator);
  await settle(emulator);
}
