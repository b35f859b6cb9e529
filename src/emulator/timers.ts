// Every delayed step of the emulated cluster goes through one Timers: unref'd (a test or a script
// may exit while a training is still "running"), grouped per resource (a PUT or DELETE cancels what
// was planned for it), and all stopped by close().

type Timer = ReturnType<typeof setTimeout>;

export class Timers {
  private readonly groups = new Map<string, Set<Timer>>();
  private closed = false;

  /** Runs `step` after `ms`, as part of `group` (e.g. `training/wine`). */
  after(group: string, ms: number, step: () => void): void {
    if (this.closed) return;
    const timers = this.groups.get(group) ?? new Set<Timer>();
    this.groups.set(group, timers);
    const timer = setTimeout(
      () => {
        timers.delete(timer);
        if (timers.size === 0 && this.groups.get(group) === timers) this.groups.delete(group);
        step();
      },
      Math.max(0, ms),
    );
    timer.unref();
    timers.add(timer);
  }

  cancel(group: string): void {
    for (const timer of this.groups.get(group) ?? []) clearTimeout(timer);
    this.groups.delete(group);
  }

  close(): void {
    this.closed = true;
    for (const group of [...this.groups.keys()]) this.cancel(group);
  }
}
