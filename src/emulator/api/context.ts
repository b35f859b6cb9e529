// What the API handlers work with: the stored cluster, the event feeds and the controller's parts.

import type { Outbox } from '../events.js';
import type { Rollouts } from '../rollouts.js';
import type { Store } from '../store.js';
import type { TaskRuns } from '../task-runs.js';
import type { Timers } from '../timers.js';

export interface ApiContext {
  store: Store;
  outbox: Outbox;
  runs: TaskRuns;
  rollouts: Rollouts;
  timers: Timers;
  /** The GET /configuration document. */
  configuration: Record<string, unknown>;
  /** Batch jobs' run time, in seconds: a deleted job's row goes after a quarter of it. */
  jobSeconds: number;
}
