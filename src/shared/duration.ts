// Durations as workflow authors write them (`90s`, `15m`, `2h`, `1h30m`, `500ms`, or plain seconds)
// and as logs, summaries and messages show them. No dependencies: the workflow runner uses it too.

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
// `m(?!s)`: minutes, unless it begins `ms`.
const PARTS = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m(?!s))?(?:(\d+(?:\.\d+)?)s)?(?:(\d+(?:\.\d+)?)ms)?$/;

/** Milliseconds; an error naming `name` when the text is no duration (InputReader reports it as a problem). */
export function parseDuration(text: string, name = 'duration'): number {
  const trimmed = text.trim();
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * SECOND);
  const match = PARTS.exec(trimmed);
  if (!trimmed || !match) {
    throw new Error(
      `${name} "${text}" is not a duration: use seconds or h, m, s and ms parts, e.g. 90, 90s, 15m, 2h, 1h30m, 500ms`,
    );
  }
  const [, hours, minutes, seconds, millis] = match;
  return Math.round(
    Number(hours ?? 0) * HOUR +
      Number(minutes ?? 0) * MINUTE +
      Number(seconds ?? 0) * SECOND +
      Number(millis ?? 0),
  );
}

/**
 * A duration as people read it: `12s`, `1m 05s`, `15m`, `2h`, `1h 02m` (two units at most, a zero
 * second unit left out). Under a minute, seconds keep `fraction` decimals: `0.4s`, `12.3s`, `2.0s`.
 */
export function formatDuration(ms: number, fraction = 0): string {
  const scale = 10 ** fraction;
  const seconds = Math.round((ms / SECOND) * scale) / scale;
  if (seconds < 60) return `${seconds.toFixed(fraction)}s`;
  const wholeSeconds = Math.round(ms / SECOND);
  const minutes = Math.floor(wholeSeconds / 60);
  if (minutes < 60) return twoUnits(minutes, 'm', wholeSeconds % 60, 's');
  return twoUnits(Math.floor(minutes / 60), 'h', minutes % 60, 'm');
}

function twoUnits(large: number, largeUnit: string, small: number, smallUnit: string): string {
  return small === 0
    ? `${large}${largeUnit}`
    : `${large}${largeUnit} ${String(small).padStart(2, '0')}${smallUnit}`;
}

/** A latency as logs and reports show it: `180 ms`, `1.25 s`. */
export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${Number((ms / 1000).toFixed(2))} s`;
}
