// Kubernetes resource quantities (k8s.io/apimachinery resource.ParseQuantity) as the server parses,
// compares and prints them: `2024m`, `2Gi`, `1.5`, `100M`, `1e3`. Values are kept exact (an integer
// times a power of ten), so comparisons never round. Go keeps a quantity either as an int64 amount or
// as an inf.Dec and caches the input when it was already canonical; both show in its messages, so
// both are tracked here.

export type QuantityFormat = 'DecimalExponent' | 'BinarySI' | 'DecimalSI';

export interface Quantity {
  /** The value is unscaled × 10^exponent. */
  readonly unscaled: bigint;
  readonly exponent: number;
  /** Empty for the zero Quantity Go stores when parsing fails. */
  readonly format: QuantityFormat | '';
  readonly form: 'int64' | 'dec';
  /** The input, when Go kept it as the quantity's string. */
  readonly cached: string;
}

/** What Go leaves in the resource list when a quantity does not parse. */
export const ZERO_QUANTITY: Quantity = { unscaled: 0n, exponent: 0, format: '', form: 'int64', cached: '' };

export class QuantityParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QuantityParseError';
  }
}

const FORMAT_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const NUMERIC_ERROR = 'unable to parse numeric part of quantity';
const SUFFIX_ERROR = "unable to parse quantity's suffix";

const DECIMAL_SUFFIXES: Record<string, number> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const BINARY_NAMES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const INT64_MAX = 2n ** 63n - 1n;
const NANO = -9;

export function parseQuantity(text: string): Quantity {
  if (text.length === 0) throw new QuantityParseError(FORMAT_ERROR);
  if (text === '0') return { unscaled: 0n, exponent: 0, format: 'DecimalSI', form: 'int64', cached: text };
  const parts = splitQuantity(text);
  const suffix = interpretSuffix(parts.suffix);
  return fastPath(text, parts, suffix) ?? slowPath(parts, suffix);
}

interface QuantityParts {
  positive: boolean;
  /** The numeric text as written (sign and leading zeros included). */
  value: string;
  num: string;
  denom: string;
  suffix: string;
}

/** Go's parseQuantityString: sign, integer digits, fraction digits, then the suffix. */
function splitQuantity(text: string): QuantityParts {
  const end = text.length;
  let pos = 0;
  let positive = true;
  if (text[0] === '-' || text[0] === '+') {
    positive = text[0] === '+';
    pos++;
  }
  while (pos < end && text[pos] === '0') pos++;
  if (pos >= end) return { positive, value: '0', num: '0', denom: '', suffix: '' };

  const numStart = pos;
  while (pos < end && isDigit(text[pos])) pos++;
  const num = text.slice(numStart, pos) || '0';
  if (pos >= end) return { positive, value: text, num, denom: '', suffix: '' };

  let denom = '';
  if (text[pos] === '.') {
    const denomStart = ++pos;
    while (pos < end && isDigit(text[pos])) pos++;
    denom = text.slice(denomStart, pos);
    if (pos >= end) return { positive, value: text, num, denom, suffix: '' };
  }
  const value = text.slice(0, pos);

  const suffixStart = pos;
  while (pos < end && 'eEinumkKMGTP'.includes(text[pos]!)) pos++;
  if (pos < end && (text[pos] === '-' || text[pos] === '+')) pos++;
  while (pos < end && isDigit(text[pos])) pos++;
  if (pos < end) throw new QuantityParseError(FORMAT_ERROR);
  return { positive, value, num, denom, suffix: text.slice(suffixStart) };
}

interface Suffix {
  base: 10 | 2;
  exponent: number;
  format: QuantityFormat;
}

function interpretSuffix(suffix: string): Suffix {
  const decimal = DECIMAL_SUFFIXES[suffix];
  if (decimal !== undefined) return { base: 10, exponent: decimal, format: 'DecimalSI' };
  const binary = BINARY_SUFFIXES[suffix];
  if (binary !== undefined) return { base: 2, exponent: binary, format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?\d+$/.test(suffix.slice(1))) {
    const parsed = BigInt(suffix.slice(1));
    if (parsed <= INT64_MAX && parsed >= -INT64_MAX - 1n) {
      return { base: 10, exponent: Number(BigInt.asIntN(32, parsed)), format: 'DecimalExponent' };
    }
  }
  throw new QuantityParseError(SUFFIX_ERROR);
}

/** Small values become an int64 amount; undefined when Go would take the inf.Dec path. */
function fastPath(text: string, parts: QuantityParts, suffix: Suffix): Quantity | undefined {
  const { num, denom } = parts;
  let precision: number;
  let scale = 0;
  let mantissa = 1n;
  if (suffix.base === 10) {
    scale = suffix.exponent;
    precision = 18 - (num.length + denom.length);
  } else if (denom.length === 0) {
    mantissa = 1n << BigInt(suffix.exponent);
    precision = 15 - num.length - Math.trunc((suffix.exponent * 3) / 10) - 1;
  } else {
    precision = -1;
  }
  if (precision < 0) return undefined;
  scale -= denom.length;
  if (scale < NANO) return undefined;
  const shifted = num + denom;
  const value = BigInt(shifted);
  const result = value * mantissa;
  if (result > INT64_MAX) return undefined;
  const canonical =
    suffix.base === 2
      ? suffix.exponent % 10 === 0 && (value & 7n) !== 0n
      : scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
  return {
    unscaled: parts.positive ? result : -result,
    exponent: scale,
    format: suffix.format,
    form: 'int64',
    cached: canonical ? text : '',
  };
}

function slowPath(parts: QuantityParts, suffix: Suffix): Quantity {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(parts.value);
  if (!match || `${match[2]}${match[3] ?? ''}` === '') throw new QuantityParseError(NUMERIC_ERROR);
  const fraction = match[3] ?? '';
  let magnitude = BigInt(`${match[2]}${fraction}` || '0');
  let exponent = -fraction.length;
  if (suffix.base === 10) exponent += suffix.exponent;
  else magnitude <<= BigInt(suffix.exponent);

  // Anything finer than a nano-unit is rounded up to one: asking for some resource gives some.
  if (magnitude !== 0n && exponent < NANO) {
    const factor = 10n ** BigInt(NANO - exponent);
    magnitude = (magnitude + factor - 1n) / factor;
    exponent = NANO;
  }
  let format = suffix.format;
  if (format === 'BinarySI') {
    if (compareExact(magnitude, exponent, INT64_MAX, 0) > 0) {
      magnitude = INT64_MAX;
      exponent = 0;
    }
    if (magnitude !== 0n && compareExact(magnitude, exponent, 1n, 0) < 0) format = 'DecimalSI';
  }
  return { unscaled: parts.positive ? magnitude : -magnitude, exponent, format, form: 'dec', cached: '' };
}

export function compareQuantities(a: Quantity, b: Quantity): number {
  return compareExact(a.unscaled, a.exponent, b.unscaled, b.exponent);
}

/** Quantity.String(): the cached input, or the canonical form (`1500m`, `2Gi`, `1e3`). */
export function quantityString(q: Quantity): string {
  if (q.cached !== '') return q.cached;
  if (q.unscaled === 0n) return '0';
  let format = q.format || 'DecimalExponent';
  if (format === 'BinarySI') {
    const small =
      compareExact(q.unscaled, q.exponent, -1024n, 0) > 0 &&
      compareExact(q.unscaled, q.exponent, 1024n, 0) < 0;
    if (small || integerValue(q) === undefined) format = 'DecimalSI';
  }
  if (format === 'BinarySI') {
    let amount = integerValue(q)!;
    let power = 0;
    while (amount % 1024n === 0n) {
      amount /= 1024n;
      power++;
    }
    return `${amount}${BINARY_NAMES[power]}`;
  }
  let [amount, exponent] = withoutTrailingZeros(q.unscaled, q.exponent);
  const remainder = exponent % 3;
  if (remainder === 1 || remainder === -2) {
    amount *= 10n;
    exponent -= 1;
  } else if (remainder === 2 || remainder === -1) {
    amount *= 100n;
    exponent -= 2;
  }
  if (format === 'DecimalExponent') return exponent === 0 ? `${amount}` : `${amount}e${exponent}`;
  // Go prints no suffix at all for a decimal exponent it has no name for.
  const name = Object.keys(DECIMAL_SUFFIXES).find((key) => DECIMAL_SUFFIXES[key] === exponent) ?? '';
  return `${amount}${name}`;
}

/** Quantity.MilliValue(): the value in thousandths, rounded away from zero. */
export function quantityMilliValue(q: Quantity): bigint {
  const exponent = q.exponent + 3;
  if (exponent >= 0) return q.unscaled * 10n ** BigInt(exponent);
  const factor = 10n ** BigInt(-exponent);
  const quotient = q.unscaled / factor;
  if (q.unscaled % factor === 0n) return quotient;
  return q.unscaled > 0n ? quotient + 1n : quotient - 1n;
}

/** `%#v` of a resource.Quantity. An inf.Dec shows a pointer; this one is made up and fixed. */
export function quantityGoSyntax(q: Quantity): string {
  const int64 = q.form === 'int64' ? `value:${q.unscaled}, scale:${q.exponent}` : 'value:0, scale:0';
  const dec = q.form === 'int64' ? '(*inf.Dec)(nil)' : '(*inf.Dec)(0xc000010000)';
  return (
    `resource.Quantity{i:resource.int64Amount{${int64}}, d:resource.infDecAmount{Dec:${dec}}, ` +
    `s:${JSON.stringify(q.cached)}, Format:${JSON.stringify(q.format)}}`
  );
}

function integerValue(q: Quantity): bigint | undefined {
  if (q.exponent >= 0) return q.unscaled * 10n ** BigInt(q.exponent);
  const factor = 10n ** BigInt(-q.exponent);
  return q.unscaled % factor === 0n ? q.unscaled / factor : undefined;
}

function withoutTrailingZeros(unscaled: bigint, exponent: number): [bigint, number] {
  while (unscaled !== 0n && unscaled % 10n === 0n) {
    unscaled /= 10n;
    exponent++;
  }
  return [unscaled, exponent];
}

function compareExact(a: bigint, aExp: number, b: bigint, bExp: number): number {
  const low = Math.min(aExp, bExp);
  const x = a * 10n ** BigInt(aExp - low);
  const y = b * 10n ** BigInt(bExp - low);
  return x === y ? 0 : x < y ? -1 : 1;
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}
