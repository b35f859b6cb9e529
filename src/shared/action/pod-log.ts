// Streams a training's or packaging's pod log into the job log, in a collapsible group, while the step
// waits. The log is the user's program output: a line that the runner would read as a workflow
// command (`::add-mask::`, `::error::`...) is printed so that it is not one. ::stop-commands:: would
// do that too, but it would also turn this step's own messages printed meanwhile into raw text.
// The last lines are kept for the failure message.

import { EOL } from 'node:os';
import type { Readable } from 'node:stream';
import * as core from '@actions/core';
import { messageOf } from './inputs.js';

const TAIL_LINES = 20;

export interface PodLogOptions {
  title: string;
  open: () => Promise<Readable>;
  signal: AbortSignal;
  /** Where lines go; the job log by default. */
  write?: (text: string) => void;
}

export class PodLog {
  private readonly tail: string[] = [];
  private seen = 0;
  private stream: Readable | undefined;
  /** Set by finish(): the stream is being closed on purpose. */
  private stopping = false;
  private readonly done: Promise<void>;
  private readonly write: (text: string) => void;

  private constructor(private readonly options: PodLogOptions) {
    this.write = options.write ?? ((text) => process.stdout.write(text));
    this.done = this.run();
  }

  /** Start following; it ends by itself when the pod's log ends. */
  static follow(options: PodLogOptions): PodLog {
    return new PodLog(options);
  }

  /** The last lines printed, for a failure message. */
  lastLines(): string[] {
    return [...this.tail];
  }

  /** Wait for the log to end (the pod finished), at most `graceMs`, then stop following. */
  async finish(graceMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
    await Promise.race([this.done, grace]);
    clearTimeout(timer);
    this.stopping = true;
    this.stream?.destroy();
    await this.done;
  }

  private async run(): Promise<void> {
    this.write(`::group::${this.options.title}${EOL}`);
    try {
      // A dropped connection ends the stream early: reopen it and skip what was already shown
      // (the endpoint replays the log from the start).
      for (let attempt = 0; attempt < 5 && !this.stopping && !this.options.signal.aborted; attempt++) {
        const before = this.seen;
        const ended = await this.readOnce();
        if (ended) break;
        if (this.seen === before) await delay(1000, this.options.signal);
      }
    } catch (error) {
      if (!this.options.signal.aborted) this.write(`(log stream stopped: ${messageOf(error)})${EOL}`);
    } finally {
      this.write(`::endgroup::${EOL}`);
    }
  }

  /** Read the stream to its end; true when it ended cleanly. */
  private async readOnce(): Promise<boolean> {
    const stream = await this.options.open();
    this.stream = stream;
    let index = 0;
    let partial = '';
    try {
      for await (const chunk of stream) {
        const text = partial + (typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8'));
        const lines = text.split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) this.line(line, index++);
      }
      if (partial) this.line(partial, index++);
      return true;
    } catch (error) {
      if (this.stopping) return true;
      core.debug(`log stream of ${this.options.title} broke: ${messageOf(error)}`);
      return false;
    }
  }

  private line(line: string, index: number): void {
    if (index < this.seen) return;
    this.seen = index + 1;
    this.tail.push(line);
    if (this.tail.length > TAIL_LINES) this.tail.shift();
    this.write(inert(line) + EOL);
  }
}

/**
 * The runner takes a line as a command when, leading white space trimmed, it starts with `::` (or
 * `##[`, the old form). A zero-width space first, which .NET's TrimStart keeps, makes it plain text.
 */
export function inert(line: string): string {
  return /^\s*(::|##\[)/.test(line) ? `\u200B${line}` : line;
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
