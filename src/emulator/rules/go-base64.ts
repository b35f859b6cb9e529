// encoding/base64.StdEncoding.DecodeString: padding required, CR and LF ignored, and Go's error
// `illegal base64 data at input byte N` with N counted as Go counts it.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Map([...ALPHABET].map((char, i) => [char.charCodeAt(0), i]));
const PAD = 0x3d;

export type Base64Result = { ok: true; bytes: Uint8Array } | { ok: false; error: string };

export function goBase64Decode(text: string): Base64Result {
  const src = new TextEncoder().encode(text);
  const out: number[] = [];
  let si = 0;
  while (si < src.length) {
    const quantum = decodeQuantum(src, si);
    out.push(...quantum.bytes);
    if (quantum.corruptAt !== undefined) {
      return { ok: false, error: `illegal base64 data at input byte ${quantum.corruptAt}` };
    }
    si = quantum.next;
  }
  return { ok: true, bytes: Uint8Array.from(out) };
}

export function base64Encode(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

interface Quantum {
  next: number;
  bytes: number[];
  corruptAt?: number;
}

/** One group of up to four symbols, as Go's decodeQuantum reads it. */
function decodeQuantum(src: Uint8Array, start: number): Quantum {
  const symbols: number[] = [];
  let si = start;
  let corruptAt: number | undefined;
  while (symbols.length < 4) {
    if (si === src.length) {
      // A group cut short: Go reports where it began (padding is required).
      if (symbols.length === 0) return { next: si, bytes: [] };
      return { next: si, bytes: [], corruptAt: si - symbols.length };
    }
    const c = src[si++]!;
    const value = DECODE.get(c);
    if (value !== undefined) {
      symbols.push(value);
      continue;
    }
    if (c === 0x0a || c === 0x0d) continue;
    if (c !== PAD || symbols.length < 2) return { next: si, bytes: [], corruptAt: si - 1 };
    if (symbols.length === 2) {
      // "==" is expected: the second pad may follow newlines.
      si = skipNewlines(src, si);
      if (si === src.length) return { next: si, bytes: [], corruptAt: src.length };
      if (src[si] !== PAD) return { next: si, bytes: [], corruptAt: si - 1 };
      si++;
    }
    si = skipNewlines(src, si);
    if (si < src.length) corruptAt = si;
    break;
  }
  const padded = [...symbols, 0, 0, 0].slice(0, 4);
  const value = (padded[0]! << 18) | (padded[1]! << 12) | (padded[2]! << 6) | padded[3]!;
  const bytes = [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff].slice(0, symbols.length - 1);
  return { next: si, bytes, ...(corruptAt !== undefined ? { corruptAt } : {}) };
}

function skipNewlines(src: Uint8Array, si: number): number {
  while (si < src.length && (src[si] === 0x0a || src[si] === 0x0d)) si++;
  return si;
}
