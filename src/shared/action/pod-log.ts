// Streams a training's or packaging's pod log into the job log, in a collapsible group, while the step
// waits. The log is the user's program output: a line that the runner would read as a workflow
// command (`::add-mask::`, `::error::`...) is printed so that it is not one. ::stop-commands:: would
// do that too, but it would also turn this step's own messages printed meanwhile into raw text.
// The last lines are kept for the failure message, and the end of the stream tells the waiting step
// that the pod has ended (followed without printing when the user turned the log off).

import { EOL } from 'node:os';
import type { Readable } from 'node:stream';
import * as core from '@actions/core';
import * as clock from '../clock.js';
import { messageOf } from '../thrown.js';

/** Lines kept for a failure message. */
export const TAIL_LINES = 20;
/** Reopens without a new line in between before the log is given up. */
const MAX_FRUITLESS_REOPENS = 5;
const REOPEN_DELAY_MS = 1000;

/**
 * The runner takes a line as a command when, leading white space trimmed, it starts with `::` (or
 * `##[`, the old form). A zero-width space first, which .NET's TrimStart keeps, makes it plain text.
 */
export function inert(line: string): string {
  return /^\s*(::|##\[)/.test(line) ? `\u200B${line}` : line;
}

/**
 * Text from outside (a pod log, a model's answer) as lines safe to print. The runner reads stdout
 * line by line ending lines at \n, \r\n and a lone \r alike, so all three split here.
 */
export function untrustedLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).map(inert);
}

/** Print outside text in the job log, where it cannot run workflow commands. */
export function printUntrusted(text: string): void {
  for (const line of untrustedLines(text)) core.info(line);
}

export interface PodLogOptions {
  title: string;
  /** Opens the log stream; `signal` aborts an open in progress. */
  open: (signal: AbortSignal) => Promise<Readable>;
  signal: AbortSignal;
  /** Where lines go; the job log by default. */
  write?: (text: string) => void;
  /** false: follow for the end of the pod and the last lines only, printing nothing. Default true. */
  print?: boolean;
  /** Lines a previous follower of the same pod already showed: skipped. */
  shownBefore?: number;
}

/** How following ended: the stream ended (so did the pod), or it was given up or stopped. */
export type FollowEnd = 'ended' | 'abandoned';

export class PodLog {
  private readonly tail: string[] = [];
  private seen: number;
  private stream: Readable | undefined;
  /** Aborted by finish(): stops an open in progress and the reopen loop. */
  private readonly stopper = new AbortController();
  private readonly done: Promise<FollowEnd>;
  private readonly write: (text: string) => void;

  private constructor(private readonly options: PodLogOptions) {
    this.seen = options.shownBefore ?? 0;
    this.write =
      options.print === false ? () => undefined : (options.write ?? ((text) => process.stdout.write(text)));
    this.done = this.run();
  }

  /** Start following; it ends by itself when the pod's log ends. */
  static follow(options: PodLogOptions): PodLog {
    return new PodLog(options);
  }

  /** Resolves when following stops: `ended` once the log has ended, which it does when the pod does. */
  get ended(): Promise<FollowEnd> {
    return this.done;
  }

  /** Lines of the log shown so far (with those shown before this follower). */
  get shown(): number {
    return this.seen;
  }

  /** The last lines printed, already made inert, for a failure message. */
  lastLines(): string[] {
    return [...this.tail];
  }

  /** Wait for the log to end (the pod finished), at most `graceMs`, then stop following; how it ended. */
  async finish(graceMs: number): Promise<FollowEnd> {
    // On the step's clock, and ended with the race: once the log is done, no timer is left behind.
    const drained = new AbortController();
    await Promise.race([this.done, clock.sleep(graceMs, drained.signal).catch(() => undefined)]);
    drained.abort();
    this.stopper.abort();
    this.stream?.destroy();
    return this.done;
  }

  private get stopped(): boolean {
    return this.stopper.signal.aborted || this.options.signal.aborted;
  }

  private async run(): Promise<FollowEnd> {
    this.write(`::group::${this.options.title}${EOL}`);
    let fruitless = 0;
    try {
      // A dropped connection ends the stream early: reopen it and skip what was already shown (the
      // endpoint replays the log from the start). Reopens that bring nothing new are counted.
      while (!this.stopped) {
        const before = this.seen;
        let ended = false;
        try {
          ended = await this.readOnce();
        } catch (error) {
          if (this.stopped) break;
          core.debug(`log of ${this.options.title}: ${messageOf(error)}`);
        }
        if (this.stopped) break;
        if (ended) return 'ended';
        fruitless = this.seen > before ? 0 : fruitless + 1;
        if (fruitless >= MAX_FRUITLESS_REOPENS) {
          this.write(`(the log stream keeps failing; it is not followed any further)${EOL}`);
          break;
        }
        // A stream that brought lines is reopened at once; one that brought nothing waits first.
        if (fruitless > 0) await clock.sleep(REOPEN_DELAY_MS, this.stopper.signal).catch(() => undefined);
      }
      return 'abandoned';
    } finally {
      this.write(`::endgroup::${EOL}`);
    }
  }

  /** Read one stream to its end; true when it ended cleanly. Throws when it cannot be opened. */
  private async readOnce(): Promise<boolean> {
    const signal = AbortSignal.any([this.stopper.signal, this.options.signal]);
    const stream = await this.options.open(signal);
    if (this.stopped) {
      stream.destroy();
      return true;
    }
    this.stream = stream;
    let index = 0;
    let partial = '';
    try {
      for await (const chunk of stream) {
        const text = partial + (typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8'));
        // A \r at the end may be half of a \r\n split across chunks: decide with the next one.
        const held = text.endsWith('\r') ? '\r' : '';
        const lines = (held ? text.slice(0, -1) : text).split(/\r\n|\r|\n/);
        partial = (lines.pop() ?? '') + held;
        for (const line of lines) this.line(line, index++);
      }
      partial = partial.replace(/\r$/, '');
      if (partial) this.line(partial, index++);
      return true;
    } catch (error) {
      if (this.stopped) return true;
      core.debug(`log stream of ${this.options.title} broke: ${messageOf(error)}`);
      return false;
    }
  }

  private line(line: string, index: number): void {
    if (index < this.seen) return;
    this.seen = index + 1;
    const shown = inert(line);
    this.tail.push(shown);
    if (this.tail.length > TAIL_LINES) this.tail.shift();
    this.write(shown + EOL);
  }
}
