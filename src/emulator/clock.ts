// Wall-clock time with nanoseconds, printed the way Go's encoding/json prints a time.Time: RFC 3339,
// fractional seconds with trailing zeros trimmed. The real server answers a POST/PUT with time.Now()
// (ns) and later reads the value back from Postgres (µs), so the emulator keeps both precisions.

/** Nanoseconds since the epoch at an arbitrary hrtime origin: hrtime is monotonic and has ns ticks. */
const originNs = BigInt(Date.now()) * 1_000_000n - process.hrtime.bigint();

export const ZERO_TIME = '0001-01-01T00:00:00Z';

export function nowNs(): bigint {
  return originNs + process.hrtime.bigint();
}

/** `digits` = 9 for a fresh time.Now(), 6 for a value read back from Postgres, 0 for Kubernetes times. */
export function rfc3339(ns: bigint, digits: 9 | 6 | 0): string {
  const ms = Number(ns / 1_000_000n);
  const seconds = new Date(ms).toISOString().slice(0, 19);
  if (digits === 0) return `${seconds}Z`;
  const fraction = (ns % 1_000_000_000n).toString().padStart(9, '0').slice(0, digits).replace(/0+$/, '');
  return fraction ? `${seconds}.${fraction}Z` : `${seconds}Z`;
}

/** A moment as the API shows it right after a write (`answer`) and as stored and read back (`stored`). */
export interface Moment {
  answer: string;
  stored: string;
}

export function moment(): Moment {
  const ns = nowNs();
  return { answer: rfc3339(ns, 9), stored: rfc3339(ns, 6) };
}
