// How Go's fmt prints the values that end up inside the server's messages.

/** `%v` of a map: `map[k1:v1 k2:v2]`, keys sorted as fmt sorts them. */
export function goMap(map: Readonly<Record<string, string>>): string {
  const keys = Object.keys(map).sort(compareBytes);
  return `map[${keys.map((key) => `${key}:${map[key]}`).join(' ')}]`;
}

/** `%v` (or `%s`) of a string slice: `[a b]`. */
export function goSlice(items: readonly string[]): string {
  return `[${items.join(' ')}]`;
}

/** Go compares strings byte by byte; for UTF-16 strings this is code point order. */
function compareBytes(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}
