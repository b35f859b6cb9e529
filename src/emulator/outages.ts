// Rehearsed outages: windows of time during which the API server (or the identity provider) does not
// answer, as while a real one restarts during a rolling update. The gateway then answers every API
// request with Envoy's 503, nothing is processed and nothing is lost; the streams the API had open
// (followed pod logs) are cut when the window opens, as a restarting pod's connections are. The token
// endpoint stays up unless an `auth` window says otherwise.

import type { Timers } from './timers.js';

export type OutageTarget = 'api' | 'auth';

export interface Outage {
  target: OutageTarget;
  /** Seconds after the emulator started. */
  startSeconds: number;
  seconds: number;
}

export class Outages {
  /** How many windows of each target are open now. */
  private readonly open: Record<OutageTarget, number> = { api: 0, auth: 0 };
  private count = 0;

  constructor(
    planned: readonly Outage[],
    /** Windows open and close as steps on the emulator's clock, which a test can hold. */
    private readonly timers: Timers,
    /** Called when an API outage begins: cut what the API has open. */
    private readonly onApiDown: () => void,
  ) {
    for (const outage of planned) this.add(outage.target, outage.startSeconds * 1000, outage.seconds);
  }

  /** One more, from now on. */
  begin(target: OutageTarget, seconds: number): void {
    this.add(target, 0, seconds);
  }

  /** Is `target` down now? */
  down(target: OutageTarget): boolean {
    return this.open[target] > 0;
  }

  private add(target: OutageTarget, startMs: number, seconds: number): void {
    this.count += 1;
    const group = `outage/${this.count}`;
    const start = (): void => {
      this.open[target] += 1;
      if (target === 'api') this.onApiDown();
      this.timers.after(group, seconds * 1000, () => {
        this.open[target] -= 1;
      });
    };
    if (startMs > 0) this.timers.after(group, startMs, start);
    else start();
  }
}
