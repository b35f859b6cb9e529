// When to ask for a phase's state next. A finished phase should be noticed at once, yet a two-hour
// wait should cost little: the adaptive default asks often at first and less as the wait goes on; a
// followed pod log stands for the pod (its end is the signal), so the state is only checked now and
// then meanwhile; and once the log has ended, the state is read at once and then with a short
// backoff while the server's status catches up with the pod (a controller pass, up to ~3 s).
// A poll-interval the user sets keeps its meaning: the state is read that often (a log's end only
// brings the next read forward, and the catch-up's backoff never waits longer than it).

/** The adaptive schedule's first wait... */
export const FIRST_POLL_MS = 500;
/** ...growing by this share of the time waited so far... */
const GROWTH = 1 / 20;
/** ...to this, reached after a minute: 20 reads a minute from then on. */
export const STEADY_POLL_MS = 3000;
/** While the pod log is followed: a check in case the log stream hangs without ending. */
export const FOLLOWING_POLL_MS = 10_000;
/** After the log ended (and one read at once): 0.1 s doubling to 0.5 s... */
const CATCH_UP_FIRST_MS = 100;
const CATCH_UP_MAX_MS = 500;
/** ...for this long (20 reads at most); a state that has not caught up by then is waited for as before. */
export const CATCH_UP_SPAN_MS = 10_000;

export type Waiting =
  /** Nothing but the state to go by. */
  | 'polling'
  /** A followed pod log will say when the pod ends. */
  | 'following'
  /** The pod log has ended: the final state is due. */
  | 'catching-up';

export class PollSchedule {
  /** `fixedMs`: the user's poll-interval; undefined for the adaptive default. */
  constructor(private readonly fixedMs: number | undefined) {}

  /** How long to wait before the next read, `elapsedMs` into the wait; `tries`: reads since the log ended. */
  delay(waiting: Waiting, elapsedMs: number, tries = 0): number {
    if (waiting === 'catching-up') {
      const backoff = Math.min(CATCH_UP_MAX_MS, CATCH_UP_FIRST_MS * 2 ** tries);
      return this.fixedMs === undefined ? backoff : Math.min(backoff, this.fixedMs);
    }
    if (this.fixedMs !== undefined) return this.fixedMs;
    if (waiting === 'following') return FOLLOWING_POLL_MS;
    return Math.min(STEADY_POLL_MS, Math.max(FIRST_POLL_MS, elapsedMs * GROWTH));
  }

  /** For waits that are not a phase's (a delete being confirmed): short, or the user's interval if shorter. */
  get shortMs(): number {
    return Math.min(this.fixedMs ?? FIRST_POLL_MS, 1000);
  }
}
