// The job log on the terminal: each step's name as it starts, its log lines indented (a group as its
// title with its lines indented under it), annotations as Error/Warning/Notice lines, and at its end
// ✓, ✗ or skipped with its duration. Every line passes through the masks first. Colours only on a
// terminal (and not with NO_COLOR).

import { formatDuration } from '../shared/duration.js';
import type { LogEvent } from './workflow-commands.js';

export interface JobLogOptions {
  write: (text: string) => void;
  color: boolean;
  /** Show ::debug:: lines (ACTIONS_STEP_DEBUG). */
  debug: boolean;
  mask: (text: string) => string;
}

export type Outcome = 'success' | 'failure' | 'cancelled' | 'skipped';

const CODES = { red: 31, green: 32, yellow: 33, cyan: 36, dim: 2, bold: 1 } as const;
type Colour = keyof typeof CODES;

export class JobLog {
  /** Steps whose lines are inside an open group, by depth. */
  private readonly inGroup = new Set<number>();
  /** The error lines since takeError last took them, for the run's summary. */
  private errors: string[] = [];

  constructor(private readonly options: JobLogOptions) {}

  paint(colour: Colour, text: string): string {
    return this.options.color ? `\u001b[${CODES[colour]}m${text}\u001b[0m` : text;
  }

  private print(depth: number, text: string): void {
    const indent = '  '.repeat(depth);
    for (const line of this.options.mask(text).split('\n')) this.options.write(`${indent}${line}\n`);
  }

  /** A line of the runner's own (header, notes, result). */
  line(text: string, depth = 0): void {
    this.print(depth, text);
  }

  /**
   * Why the step that just failed failed: its first error line of its own, else the runner's
   * (`Process completed with exit code 1.`).
   */
  takeError(): string | undefined {
    const errors = this.errors;
    this.errors = [];
    return errors.find((error) => !error.startsWith('Process completed with exit code')) ?? errors.at(-1);
  }

  stepStarted(name: string, depth: number): void {
    this.inGroup.delete(depth);
    this.print(depth, this.paint('bold', `▶ ${name}`));
  }

  /** One event of a running step; its lines sit one level deeper than the step's name. */
  event(event: LogEvent, depth: number): void {
    const inner = depth + 1 + (this.inGroup.has(depth) ? 1 : 0);
    switch (event.type) {
      case 'line':
        this.print(inner, event.text);
        break;
      case 'group':
        this.inGroup.delete(depth);
        this.print(depth + 1, this.paint('cyan', `▸ ${event.title}`));
        this.inGroup.add(depth);
        break;
      case 'endgroup':
        this.inGroup.delete(depth);
        break;
      case 'debug':
        if (this.options.debug) this.print(inner, this.paint('dim', `##[debug]${event.text}`));
        break;
      case 'annotation': {
        const { level, message } = event.annotation;
        if (level === 'error') this.errors.push(this.options.mask(message));
        const [label, colour]: [string, Colour] =
          level === 'error'
            ? ['Error', 'red']
            : level === 'warning'
              ? ['Warning', 'yellow']
              : ['Notice', 'cyan'];
        this.print(inner, this.paint(colour, `${label}: ${message}`));
        break;
      }
    }
  }

  /** An error of the runner's about the running step (a timeout, a bad expression). */
  stepError(message: string, depth: number): void {
    this.event({ type: 'annotation', annotation: { level: 'error', message, properties: {} } }, depth);
  }

  stepFinished(name: string, depth: number, outcome: Outcome, ms: number, continueOnError = false): void {
    this.inGroup.delete(depth);
    const duration = this.paint('dim', formatDuration(ms, 1));
    if (outcome === 'success') this.print(depth, `${this.paint('green', '✓')} ${name}  ${duration}`);
    else {
      const note = outcome === 'cancelled' ? ' (cancelled)' : continueOnError ? ' (continue-on-error)' : '';
      this.print(depth, `${this.paint('red', '✗')} ${name}  ${duration}${note}`);
    }
  }

  /** A step the runner does not run (another repository's action): one line, and the outputs it was given. */
  stepNotRun(name: string, depth: number, why: string, stubbed: string[]): void {
    const given = stubbed.length > 0 ? ` (outputs given: ${stubbed.join(', ')})` : '';
    this.print(depth, this.paint('yellow', `– ${name}  ${why}${given}`));
  }

  stepSkipped(name: string, depth: number): void {
    this.print(depth, this.paint('dim', `– ${name}  skipped`));
  }
}
