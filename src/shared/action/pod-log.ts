// Streams a training's or packaging's pod log into the job log, in a collapsible group, while the step
// waits. The log is the user's program output: each line goes through inertLine (untrusted-text.ts),
// so the runner cannot take it for a workflow command. ::stop-commands:: is not used here: it would
// also turn this step's own commands printed meanwhile (the masks of a renewed token) into raw text.
// A line is cut at MAX_LINE_CHARS as it arrives and the log at MAX_PRINTED_CHARS, each with a line
// saying what was cut. The last lines are kept for the failure message, and the end of the stream
// tells the waiting step that the pod has ended (followed without printing when the user turned the
// log off).

import { EOL } from 'node:os';
import type { Readable } from 'node:stream';
import * as core from '@actions/core';
import * as clock from '../clock.js';
import { messageOf } from '../thrown.js';
import { inertLine } from '../odahu/untrusted-text.js';

/** Lines kept for a failure message. */
export const TAIL_LINES = 20;
/** A longer line is cut (a progress bar redrawn without line breaks, a dumped array). */
export const MAX_LINE_CHARS = 8192;
/** A pod log prints this much at most; the rest is followed (for its end and last lines) unprinted. */
export const MAX_PRINTED_CHARS = 8 * 1024 * 1024;
/** Reopens without a new line in between before the log is given up. */
const MAX_FRUITLESS_REOPENS = 5;
const REOPEN_DELAY_MS = 1000;

/**
 * A text stream split into lines as the runner splits output (at \n, \r\n and a lone \r), each line
 * cut at MAX_LINE_CHARS while it arrives, so a line that never ends costs no more memory than that.
 */
export class LineSplitter {
  private partial = '';
  private dropped = 0;
  /** The last chunk ended with \r: a \n first in the next one is the rest of that line break. */
  private afterCR = false;

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: string): void {
    let start = this.afterCR && chunk.startsWith('\n') ? 1 : 0;
    const breaks = /\r\n|\r|\n/g;
    breaks.lastIndex = start;
    for (let found = breaks.exec(chunk); found; found = breaks.exec(chunk)) {
      this.take(chunk.slice(start, found.index));
      this.endLine();
      start = found.index + found[0].length;
    }
    this.take(chunk.slice(start));
    this.afterCR = chunk.endsWith('\r');
  }

  /** The stream ended: its last line, if it had no line break. */
  end(): void {
    if (this.partial !== '' || this.dropped > 0) this.endLine();
  }

  private take(piece: string): void {
    const room = MAX_LINE_CHARS - this.partial.length;
    if (piece.length <= room) {
      this.partial += piece;
    } else {
      this.partial += piece.slice(0, Math.max(0, room));
      this.dropped += piece.length - Math.max(0, room);
    }
  }

  private endLine(): void {
    const line =
      this.dropped > 0
        ? `${this.partial} … (${count(this.dropped)} more characters of this line cut)`
        : this.partial;
    this.partial = '';
    this.dropped = 0;
    this.onLine(line);
  }
}

/** Reads a log stream to its end, line by line. */
export async function readLines(stream: Readable, onLine: (line: string) => void): Promise<void> {
  const lines = new LineSplitter(onLine);
  for await (const chunk of stream)
    lines.push(typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8'));
  lines.end();
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * Lines of a log on their way to the job log: in a group (opened with the first line), made inert,
 * printed up to MAX_PRINTED_CHARS and then one line saying the rest is not; the last ones kept.
 */
export class LogPrinter {
  private readonly tail: string[] = [];
  private printedChars = 0;
  private cut = false;
  private opened = false;

  constructor(
    private readonly title: string,
    /** Where text goes; undefined: nothing is printed, the last lines are kept. */
    private readonly write: ((text: string) => void) | undefined,
  ) {}

  /** Opens the group now, before any line (a followed log shows its group while it waits). */
  open(): void {
    if (!this.write || this.opened) return;
    this.opened = true;
    // Escaped as @actions/core escapes a command's data: the title holds an id from outside.
    const title = this.title.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    this.write(`::group::${title}${EOL}`);
  }

  line(raw: string): void {
    const shown = inertLine(raw);
    if (shown.trim() !== '') {
      this.tail.push(shown);
      if (this.tail.length > TAIL_LINES) this.tail.shift();
    }
    if (!this.write || this.cut) return;
    this.open();
    if (this.printedChars + shown.length > MAX_PRINTED_CHARS) {
      this.cut = true;
      this.write(
        `(the log is cut here: ${MAX_PRINTED_CHARS / 1024 / 1024} MiB of it are shown; the rest is on the cluster)${EOL}`,
      );
      return;
    }
    this.printedChars += shown.length + EOL.length;
    this.write(shown + EOL);
  }

  /** A line of ours (not the log's) in the group. */
  note(text: string): void {
    if (!this.write) return;
    this.open();
    this.write(text + EOL);
  }

  close(): void {
    if (this.opened) this.write?.(`::endgroup::${EOL}`);
    this.opened = false;
  }

  /** The last non-empty lines, already made inert, for a failure message. */
  lastLines(): string[] {
    return [...this.tail];
  }
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
  private seen: number;
  private stream: Readable | undefined;
  /** Aborted by finish(): stops an open in progress and the reopen loop. */
  private readonly stopper = new AbortController();
  private readonly done: Promise<FollowEnd>;
  private readonly printer: LogPrinter;

  private constructor(private readonly options: PodLogOptions) {
    this.seen = options.shownBefore ?? 0;
    const write =
      options.print === false ? undefined : (options.write ?? ((text) => void process.stdout.write(text)));
    this.printer = new LogPrinter(options.title, write);
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
    return this.printer.lastLines();
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
    this.printer.open();
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
          this.printer.note('(the log stream keeps failing; it is not followed any further)');
          break;
        }
        // A stream that brought lines is reopened at once; one that brought nothing waits first.
        if (fruitless > 0) await clock.sleep(REOPEN_DELAY_MS, this.stopper.signal).catch(() => undefined);
      }
      return 'abandoned';
    } finally {
      this.printer.close();
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
    try {
      await readLines(stream, (line) => this.line(line, index++));
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
    this.printer.line(line);
  }
}
