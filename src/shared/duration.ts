// Durations as workflow authors write them: `90s`, `15m`, `2h`, `1h30m`, `500ms`, or plain seconds;
// and as the log shows them: `14s`, `3m 05s`, `2h 10m`.

import { InputError } from './errors.js';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
// `m(?!s)`: minutes, unless it begins `ms`.
const PARTS = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m(?!s))?(?:(\d+(?:\.\d+)?)s)?(?:(\d+(?:\.\d+)?)ms)?$/;

/** Milliseconds; an InputError naming `name` when the text is no duration. */
export function parseDuration(text: string, name = 'duration'): number {
  const trimmed = text.trim();
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * SECOND);
  const match = PARTS.exec(trimmed);
  if (!trimmed || !match) {
    throw new InputError([
      `${name} "${text}" is not a duration: use seconds or h, m, s and ms parts, e.g. 90, 90s, 15m, 2h, 1h30m, 500ms`,
    ]);
  }
  const [, hours, minutes, seconds, millis] = match;
  return Math.round(
    Number(hours ?? 0) * HOUR +
      Number(minutes ?? 0) * MINUTE +
      Number(seconds ?? 0) * SECOND +
      Number(millis ?? 0),
  );
}

/** A time span for the log: `14s`, `3m 05s`, `2h 10m`. */
export function formatElapsed(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}
