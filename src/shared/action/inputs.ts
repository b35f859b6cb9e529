// Reading an action's inputs: every problem is collected, one line each naming the input, and
// reported together before any API call (google-github-actions style: parse everything in one place).

import { formatDuration, parseDuration } from '../duration.js';
import { InputError } from '../odahu/errors.js';
import { messageOf } from '../thrown.js';
import type { InputSource } from '../odahu/settings.js';
import { readTextInput } from './text-input.js';
import type { TextInput } from './text-input.js';

/** Node's timers hold at most 2^31-1 ms (24.8 days); a longer wait would fire at once. */
const MAX_DURATION_MS = 24 * 24 * 3600 * 1000;
/** Shorter waits and timeouts are typos: nothing on a cluster answers within a tenth of a second. */
const MIN_DURATION_MS = 100;

const TRUE = ['true', 'True', 'TRUE', 'yes', 'on', '1'];
const FALSE = ['false', 'False', 'FALSE', 'no', 'off', '0'];

export class InputReader {
  private readonly problems: string[] = [];

  constructor(readonly source: InputSource) {}

  /** The trimmed value, or undefined when empty (the runner passes unset inputs as ''). */
  optional(name: string): string | undefined {
    const value = this.source.input(name).trim();
    return value === '' ? undefined : value;
  }

  required(name: string, hint = ''): string {
    const value = this.optional(name);
    if (value === undefined) this.problem(`input ${name} is required${hint ? `: ${hint}` : ''}`);
    return value ?? '';
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.optional(name);
    if (value === undefined) return fallback;
    if (TRUE.includes(value)) return true;
    if (FALSE.includes(value)) return false;
    this.problem(`input ${name} must be true or false, not "${value}"`);
    return fallback;
  }

  choice<T extends string>(name: string, choices: readonly T[], fallback: T): T {
    const value = this.optional(name);
    if (value === undefined) return fallback;
    if ((choices as readonly string[]).includes(value)) return value as T;
    this.problem(`input ${name} must be one of ${choices.join(', ')}, not "${value}"`);
    return fallback;
  }

  /** A duration in milliseconds (`90s`, `15m`, `2h`), within bounds that keep timers sane. */
  duration(name: string, fallback: string, bounds: { minMs?: number; maxMs?: number } = {}): number {
    const text = this.optional(name) ?? fallback;
    const { minMs = MIN_DURATION_MS, maxMs = MAX_DURATION_MS } = bounds;
    let ms: number;
    try {
      ms = parseDuration(text, `input ${name}`);
    } catch (error) {
      this.problem(messageOf(error));
      return parseDuration(fallback);
    }
    if (ms < minMs || ms > maxMs) {
      this.problem(
        `input ${name} must be between ${formatDuration(minMs, 1)} and ${formatDuration(maxMs, 1)}, not "${text}"`,
      );
      return parseDuration(fallback);
    }
    return ms;
  }

  /** Inline text, or the content of the file it names (see text-input.ts for the rule). */
  textOrFile(name: string, pathLike: RegExp): TextInput | undefined {
    const value = this.optional(name);
    if (value === undefined) return undefined;
    return this.collect(() =>
      readTextInput(value, { inputName: `input ${name}`, pathLike, env: this.source.env }),
    );
  }

  /** Record a problem found while interpreting inputs (e.g. two inputs that exclude each other). */
  problem(line: string): void {
    this.problems.push(line);
  }

  /** Run a parser that throws InputError (settings, manifests) and keep its problems with ours. */
  collect<T>(parse: () => T): T | undefined {
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      this.problems.push(...error.problems);
      return undefined;
    }
  }

  /** Throw every collected problem at once, or return nothing when the inputs are good. */
  finish(): void {
    if (this.problems.length > 0) throw new InputError(this.problems);
  }
}
