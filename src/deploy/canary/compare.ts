// Comparing two versions' answers to the same prediction request (compare: true): the largest
// difference between their predictions, position by position (a row's several values too). Numbers
// differ by their distance; anything else (labels) either equals or differs without bound, and so
// do answers whose shapes do not match.

/** The largest difference between the `prediction`s of two answers; Infinity when incomparable. */
export function largestDifference(candidate: unknown, live: unknown): number {
  const a = predictionOf(candidate);
  const b = predictionOf(live);
  return a === undefined || b === undefined ? Infinity : difference(a, b);
}

function difference(x: unknown, y: unknown): number {
  if (typeof x === 'number' && typeof y === 'number') {
    const distance = Math.abs(x - y);
    // NaN (from non-finite values) is no agreement.
    return Number.isNaN(distance) ? Infinity : distance;
  }
  if (Array.isArray(x) && Array.isArray(y)) {
    if (x.length !== y.length) return Infinity;
    return x.reduce<number>((largest, item, i) => Math.max(largest, difference(item, y[i])), 0);
  }
  return JSON.stringify(x) === JSON.stringify(y) ? 0 : Infinity;
}

function predictionOf(answer: unknown): unknown[] | undefined {
  if (typeof answer !== 'object' || answer === null) return undefined;
  const prediction = (answer as { prediction?: unknown }).prediction;
  return Array.isArray(prediction) ? prediction : undefined;
}
