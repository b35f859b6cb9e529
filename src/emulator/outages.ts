// Rehearsed outages: windows of time during which the API server (or the identity provider) does not
// answer, as while a real one restarts during a rolling update. The gateway then answers every API
// request with Envoy's 503, nothing is processed and nothing is lost; the streams the API had open
// (followed pod logs) are cut when the window opens, as a restarting pod's connections are. The token
// endpoint stays up unless an `auth` window says otherwise.

export type OutageTarget = 'api' | 'auth';

export interface Outage {
  target: OutageTarget;
  /** Seconds after the emulator started. */
  startSeconds: number;
  seconds: number;
}

export class Outages {
  private readonly windows: { target: OutageTarget; from: number; to: number }[] = [];
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(
    planned: readonly Outage[],
    /** Called when an API outage begins: cut what the API has open. */
    private readonly onApiDown: () => void,
    private readonly now: () => number = Date.now,
  ) {
    const started = now();
    for (const outage of planned)
      this.add(outage.target, started + outage.startSeconds * 1000, outage.seconds);
  }

  /** One more, from now on. */
  begin(target: OutageTarget, seconds: number): void {
    this.add(target, this.now(), seconds);
  }

  /** Is `target` down now? */
  down(target: OutageTarget): boolean {
    const now = this.now();
    return this.windows.some((w) => w.target === target && w.from <= now && now < w.to);
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private add(target: OutageTarget, from: number, seconds: number): void {
    this.windows.push({ target, from, to: from + seconds * 1000 });
    if (target !== 'api') return;
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        this.onApiDown();
      },
      Math.max(0, from - this.now()),
    );
    timer.unref();
    this.timers.add(timer);
  }
}
