// When a stored spec and the spec an apply would store are the same to the server. The server is Go:
// a field it always emits holds its zero value ("", false, 0, null, {}, []) where a manifest leaves
// the field out, so zero values count as absent on both sides, and key order never matters.

/** The value with zero values dropped and keys sorted, so that equal specs print equal. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value)
    .map(([key, item]) => [key, canonical(item)] as const)
    .filter(([, item]) => !isZero(item))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}

function isZero(value: unknown): boolean {
  if (value === undefined || value === null || value === '' || value === false || value === 0) return true;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

/** The spec as the server tells specs apart: equal texts, equal specs. */
export function canonicalSpecText(spec: unknown): string {
  return JSON.stringify(canonical(spec));
}

export function sameSpec(stored: unknown, expected: unknown): boolean {
  return canonicalSpecText(stored) === canonicalSpecText(expected);
}
