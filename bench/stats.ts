// The figures the benchmark quotes: medians and 95th percentiles (nearest rank), never means.

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)]!;
}

/** Runs `work` `times` times, `concurrency` at a time, in order of index. */
export async function inParallel<T>(
  times: number,
  concurrency: number,
  work: (i: number) => Promise<T>,
): Promise<T[]> {
  const results: T[] = new Array<T>(times);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < times; i = next++) results[i] = await work(i);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, times) }, worker));
  return results;
}
