// Every delayed step of the emulated cluster goes through one Timers: unref'd (a test or a script
// may exit while a training is still "running"), grouped per resource (a PUT or DELETE cancels what
// was planned for it), and all stopped by close().
//
// A test can hold the clock: steps that come due while it is held wait, in order, until the test
// runs them one by one (step) or lets them all go (release). What a test reads then cannot change
// under it however slow the machine is, and no step can slip in between two of its requests.

type Timer = ReturnType<typeof setTimeout>;

interface DueStep {
  group: string;
  step: () => void;
}

export class Timers {
  private readonly groups = new Map<string, Set<Timer>>();
  private closed = false;
  /** While held: the steps that have come due, in the order they came due. */
  private due: DueStep[] | undefined;
  /** step() calls waiting for a step to come due. */
  private wakers: (() => void)[] = [];

  /** Runs `step` after `ms`, as part of `group` (e.g. `training/wine`). */
  after(group: string, ms: number, step: () => void): void {
    if (this.closed) return;
    const timers = this.groups.get(group) ?? new Set<Timer>();
    this.groups.set(group, timers);
    const timer = setTimeout(
      () => {
        timers.delete(timer);
        if (timers.size === 0 && this.groups.get(group) === timers) this.groups.delete(group);
        if (this.due) {
          this.due.push({ group, step });
          this.wake();
        } else step();
      },
      Math.max(0, ms),
    );
    timer.unref();
    timers.add(timer);
  }

  cancel(group: string): void {
    for (const timer of this.groups.get(group) ?? []) clearTimeout(timer);
    this.groups.delete(group);
    if (this.due) this.due = this.due.filter((d) => d.group !== group);
    // A step() waiting for a step of this group may now wait for nothing.
    this.wake();
  }

  /** From now on, steps that come due wait for step() or release(). */
  hold(): void {
    this.due ??= [];
  }

  get held(): boolean {
    return this.due !== undefined;
  }

  /**
   * While held: runs the next step that has come due, waiting for one if none has yet; returns its
   * group. Rejects when nothing at all is planned (no step could ever come).
   */
  async step(): Promise<string> {
    for (;;) {
      if (!this.due) throw new Error('the emulator clock is not held');
      const next = this.due.shift();
      if (next) {
        next.step();
        return next.group;
      }
      if (this.groups.size === 0 || this.closed) throw new Error('the emulator has no step planned');
      await new Promise<void>((resolve) => this.wakers.push(resolve));
    }
  }

  /** Runs the steps that came due while held, in order, and lets the later ones run when due. */
  release(): void {
    const due = this.due ?? [];
    this.due = undefined;
    for (const { step } of due) step();
    this.wake();
  }

  close(): void {
    this.closed = true;
    this.due = undefined;
    for (const group of [...this.groups.keys()]) this.cancel(group);
    this.wake();
  }

  private wake(): void {
    for (const waker of this.wakers.splice(0)) waker();
  }
}
