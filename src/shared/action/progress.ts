// Progress lines in the job log: one line per state change, with a UTC timestamp and the time since
// the step began watching, e.g. `12:04:31Z training wine: running (+14s)`.

import * as core from '@actions/core';
import { formatDuration } from '../duration.js';
import { logText } from '../odahu/untrusted-text.js';

export class StateReporter {
  private last: string | undefined;
  private readonly since = Date.now();

  constructor(
    private readonly what: string,
    private readonly print: (line: string) => void = core.info,
  ) {}

  /** Print the state if it changed; `detail` (replicas, reason) is printed with it. */
  report(state: string, detail = ''): void {
    const line = detail ? `${state} (${detail})` : state;
    if (line === this.last) return;
    this.last = line;
    const clock = new Date().toISOString().slice(11, 19);
    // The state and its detail are the server's words.
    this.print(`${clock}Z ${this.what}: ${logText(line)} (+${formatDuration(Date.now() - this.since)})`);
  }
}
