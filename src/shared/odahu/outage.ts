// Saying once that a server has stopped answering, and once that it answers again. A call that meets
// an outage is tried again and again (retry.ts); one line per try would bury the log, and silence
// would leave the user wondering why a step stands still. The notice comes once the server has not
// answered for NOTICE_AFTER_MS, so a lone 503 or a throttled minute says nothing.

import * as core from '@actions/core';
import * as clock from '../clock.js';
import { formatDuration } from '../duration.js';

export const NOTICE_AFTER_MS = 20_000;

export class OutageNotice {
  /** The first failure since the last answer. */
  private since: number | undefined;
  private told = false;

  constructor(
    /** `the Odahu API`, `the token endpoint`... */
    private readonly server: string,
    private readonly now: () => number = clock.now,
    private readonly warn: (line: string) => void = core.warning,
    private readonly info: (line: string) => void = core.info,
  ) {}

  /** A try failed with `answer` (`503`, `no answer (ECONNRESET)`); it is tried again until `until`. */
  failed(answer: string, until: number): void {
    const now = this.now();
    this.since ??= now;
    if (this.told || now - this.since < NOTICE_AFTER_MS) return;
    this.told = true;
    this.warn(
      `${capitalize(this.server)} has not answered for ${formatDuration(now - this.since)} (${answer}); ` +
        `still trying until ${clockTime(until)}.`,
    );
  }

  /** A call got an answer. */
  answered(): void {
    if (this.told && this.since !== undefined) {
      this.info(
        `${capitalize(this.server)} answers again, after ${formatDuration(this.now() - this.since)}.`,
      );
    }
    this.since = undefined;
    this.told = false;
  }
}

/** `14:32:10Z`, as the state lines print their times. */
function clockTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(11, 19)}Z`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
