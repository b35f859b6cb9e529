// The checks each step of a canary must pass, and the figures they are judged on. The probe check:
// more than max-error-rate of the probes failed (an answer other than 200, or one slower than
// max-latency). The compare check (compare: true): more than max-error-rate of the compared answers
// have a prediction further than compare-tolerance from the live version's.

import type { CanaryOptions } from './options.js';
import type { Probe } from './probes.js';
import { formatMs } from '../../shared/duration.js';
import { percentile } from '../../shared/percentile.js';

export type CanaryCheck = 'probe' | 'compare';

/** One step of a canary as its report shows it: plain data, for summaries and other reports. */
export interface CanaryStep {
  /** The candidate's share of the stable URL's traffic, in percent. */
  weight: number;
  probes: number;
  /** Probes answered other than 200, or not at all. */
  errors: number;
  /** Probes answered 200, but later than max-latency. */
  slow: number;
  /** 95th percentile of the probes' latencies (nearest rank), in ms. */
  p95LatencyMs: number;
  /** With compare: the probes whose answers were compared (the live version answered too). */
  compared: number;
  /** With compare: the share (0 to 1) of compared answers within compare-tolerance; else undefined. */
  agreement: number | undefined;
  /** With compare: the largest difference seen between the two versions' predictions. */
  largestDifference: number | undefined;
  /** The check the step failed, if it did. */
  failed: CanaryCheck | undefined;
  /** The failed check's figures, in words; undefined when the step passed. */
  why: string | undefined;
  durationMs: number;
}

export function judgeStep(
  weight: number,
  probes: Probe[],
  options: CanaryOptions,
  durationMs: number,
): CanaryStep {
  const errors = probes.filter((p) => p.error !== undefined);
  const slow = probes.filter((p) => p.error === undefined && p.latencyMs > options.maxLatencyMs);
  const p95LatencyMs = percentile(
    probes.map((p) => p.latencyMs),
    0.95,
  );
  const differences = probes.flatMap((p) => (p.difference === undefined ? [] : [p.difference]));
  const agreeing = differences.filter((d) => d <= options.compareTolerance).length;
  const step: CanaryStep = {
    weight,
    probes: probes.length,
    errors: errors.length,
    slow: slow.length,
    p95LatencyMs,
    compared: differences.length,
    agreement: options.compare && differences.length > 0 ? agreeing / differences.length : undefined,
    largestDifference: options.compare && differences.length > 0 ? Math.max(...differences) : undefined,
    failed: undefined,
    why: undefined,
    durationMs,
  };
  const failedShare = (errors.length + slow.length) / probes.length;
  if (failedShare > options.maxErrorRate) {
    const kinds = [
      errors.length > 0 ? `${errors.length} answered ${mostCommon(errors.map((p) => p.error!))}` : '',
      slow.length > 0 ? `${slow.length} slower than max-latency ${formatMs(options.maxLatencyMs)}` : '',
    ].filter(Boolean);
    step.failed = 'probe';
    step.why =
      `${errors.length + slow.length} of ${probes.length} probes failed, ${formatShare(failedShare)} > max-error-rate ${formatShare(options.maxErrorRate)} ` +
      `(${kinds.join(', ')}; p95 latency ${formatMs(p95LatencyMs)})`;
  } else if (options.compare) {
    const disagreeing = differences.length - agreeing;
    const share = differences.length > 0 ? disagreeing / differences.length : 1;
    if (share > options.maxErrorRate) {
      step.failed = 'compare';
      step.why =
        differences.length === 0
          ? `no probe could be compared: the live version answered none of the ${probes.length} probes`
          : `${disagreeing} of ${differences.length} answers differ from the live version's by more than compare-tolerance ${options.compareTolerance}, ` +
            `${formatShare(share)} > max-error-rate ${formatShare(options.maxErrorRate)} ` +
            `(largest difference ${formatNumber(step.largestDifference!)}, agreement ${formatShare(step.agreement!)})`;
    }
  }
  return step;
}

/** The failure seen most often (first seen wins a tie), with how many more kinds there were. */
function mostCommon(texts: string[]): string {
  const counts = new Map<string, number>();
  for (const text of texts) counts.set(text, (counts.get(text) ?? 0) + 1);
  const [top] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  return counts.size > 1 ? `${top} and ${counts.size - 1} other error(s)` : top;
}

export function formatShare(share: number): string {
  return `${Number((share * 100).toFixed(1))}%`;
}

export function formatNumber(value: number): string {
  return Number.isFinite(value)
    ? String(Number(value.toPrecision(6)))
    : 'unbounded (the answers do not match in shape or labels)';
}
