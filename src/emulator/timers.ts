// The emulated cluster's clock. Every delayed step goes through it: unref'd (a test or a script may
// exit while a training is still "running"), grouped per resource (a PUT or DELETE cancels what was
// planned for it), and all stopped by close(). Its time (`now()`) is what pods print their log lines
// by.
//
// A test can hold it: its time then stands still, nothing comes due by itself, and step() moves the
// time to the next planned step and runs it. What a test reads then cannot change under it, no step
// can slip in between two of its requests, and the steps keep their order however long the test
// takes between them. Released, the time goes on from where it stood.

interface Planned {
  seq: number;
  group: string;
  /** On the clock's time. */
  dueAt: number;
  step: () => void;
  timer?: ReturnType<typeof setTimeout>;
}

export class Timers {
  private readonly planned = new Map<number, Planned>();
  private seq = 0;
  private closed = false;
  /** How far the clock is behind the wall clock: the spans it was held. */
  private lagMs = 0;
  /** While held: the clock's time, standing still between steps. */
  private heldAt: number | undefined;

  /** The clock's time, in ms since the epoch (the wall clock's, less the spans it was held). */
  now(): number {
    return this.heldAt ?? Date.now() - this.lagMs;
  }

  get held(): boolean {
    return this.heldAt !== undefined;
  }

  /** Runs `step` after `ms`, as part of `group` (e.g. `training/wine`). */
  after(group: string, ms: number, step: () => void): void {
    if (this.closed) return;
    this.seq += 1;
    const planned: Planned = { seq: this.seq, group, dueAt: this.now() + Math.max(0, ms), step };
    this.planned.set(planned.seq, planned);
    if (!this.held) this.arm(planned);
  }

  cancel(group: string): void {
    for (const planned of [...this.planned.values()]) {
      if (planned.group !== group) continue;
      clearTimeout(planned.timer);
      this.planned.delete(planned.seq);
    }
  }

  /** From now on the time stands still: nothing comes due until step() or release(). */
  hold(): void {
    if (this.held || this.closed) return;
    this.heldAt = this.now();
    for (const planned of this.planned.values()) {
      clearTimeout(planned.timer);
      planned.timer = undefined;
    }
  }

  /**
   * While held: moves the time to the next planned step (the earliest; of two at once, the one
   * planned first) and runs it; returns its group. Rejects when nothing at all is planned.
   */
  step(): string {
    if (this.heldAt === undefined) throw new Error('the emulator clock is not held');
    const next = this.next();
    if (!next) throw new Error('the emulator has no step planned');
    this.heldAt = Math.max(this.heldAt, next.dueAt);
    this.planned.delete(next.seq);
    next.step();
    return next.group;
  }

  /**
   * While held: moves the time towards `at` (ms since the epoch): to the next planned step when one
   * is due by then, running it (true), else to `at` itself (false). A test's clock for the actions
   * (their sleeps) advances this way, one step at a time, so that what a step does (a log line
   * written, a state changed) is seen before the time moves on.
   */
  stepTowards(at: number): boolean {
    if (this.heldAt === undefined) throw new Error('the emulator clock is not held');
    const next = this.next();
    if (!next || next.dueAt > at) {
      this.heldAt = Math.max(this.heldAt, at);
      return false;
    }
    this.heldAt = Math.max(this.heldAt, next.dueAt);
    this.planned.delete(next.seq);
    next.step();
    return true;
  }

  /** The time goes on from where it stood; what is due by then runs at once, in order. */
  release(): void {
    if (this.heldAt === undefined) return;
    this.lagMs = Date.now() - this.heldAt;
    this.heldAt = undefined;
    for (const planned of [...this.planned.values()].sort(byDue)) this.arm(planned);
  }

  close(): void {
    this.closed = true;
    for (const planned of this.planned.values()) clearTimeout(planned.timer);
    this.planned.clear();
  }

  private next(): Planned | undefined {
    let next: Planned | undefined;
    for (const planned of this.planned.values()) if (!next || byDue(planned, next) < 0) next = planned;
    return next;
  }

  private arm(planned: Planned): void {
    planned.timer = setTimeout(
      () => {
        this.planned.delete(planned.seq);
        planned.step();
      },
      Math.max(0, planned.dueAt - this.now()),
    );
    planned.timer.unref();
  }
}

function byDue(a: Planned, b: Planned): number {
  return a.dueAt - b.dueAt || a.seq - b.seq;
}
