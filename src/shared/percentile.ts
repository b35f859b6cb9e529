// The nearest-rank percentile: the canary's probe latencies and an evaluation's answer latencies.

/** Nearest-rank percentile; 0 for no values. */
export function percentile(values: number[], share: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}
