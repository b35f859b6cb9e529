// time.Time.UnmarshalJSON: Go parses the raw JSON text (quotes included) with the layout
// `"2006-01-02T15:04:05Z07:00"` and reports time.ParseError texts. Mirrors Go's parse loop for that one
// layout: each element in turn, range checks (`month out of range`), fractional seconds accepted
// after the seconds, then `extra text`. Values are quoted as Go 1.14's time package did (no escaping).

const QUOTED_RFC3339 = '"2006-01-02T15:04:05Z07:00"';

type Element = { prefix: string; std: Std | null };
type Std = '2006' | '01' | '02' | '15' | '04' | '05' | 'Z07:00';

/** The layout cut into (literal prefix, standard element) pairs, as Go's nextStdChunk yields them. */
const LAYOUT: Element[] = [
  { prefix: '"', std: '2006' },
  { prefix: '-', std: '01' },
  { prefix: '-', std: '02' },
  { prefix: 'T', std: '15' },
  { prefix: ':', std: '04' },
  { prefix: ':', std: '05' },
  { prefix: '', std: 'Z07:00' },
  { prefix: '"', std: null },
];

/** Go's error for a JSON value that is not an RFC 3339 time, or undefined when it parses. */
export function goTimeJsonError(raw: string): string | undefined {
  const fail = (layoutElem: string, valueElem: string): string =>
    `parsing time ${quote(raw)} as ${quote(QUOTED_RFC3339)}: cannot parse ${quote(valueElem)} as ${quote(layoutElem)}`;
  const outOfRange = (what: string): string => `parsing time ${quote(raw)}: ${what} out of range`;

  let value = raw;
  let year = 0;
  let month = 0;
  let day = 0;
  for (const { prefix, std } of LAYOUT) {
    if (!value.startsWith(prefix)) {
      // Go reports what is left after the part of the prefix that did match.
      let matched = 0;
      while (matched < prefix.length && value[matched] === prefix[matched]) matched++;
      return fail(prefix, value.slice(matched));
    }
    value = value.slice(prefix.length);
    if (std === null) {
      if (value !== '') return `parsing time ${quote(raw)}: extra text: ${value}`;
      break;
    }
    const before = value;
    const parsed = parseElement(std, value);
    if (parsed === undefined) return fail(std, before);
    value = parsed.rest;
    if (std === '2006') year = parsed.number;
    if (std === '01') month = parsed.number;
    if (std === '02') day = parsed.number;
    if (parsed.rangeError) return outOfRange(parsed.rangeError);
  }
  if (day < 1 || day > daysIn(month, year)) return outOfRange('day');
  return undefined;
}

interface ParsedElement {
  number: number;
  rest: string;
  rangeError?: string;
}

function parseElement(std: Std, value: string): ParsedElement | undefined {
  switch (std) {
    case '2006':
      if (!/^\d{4}/.test(value)) return undefined;
      return { number: Number(value.slice(0, 4)), rest: value.slice(4) };
    case '01':
      return twoDigits(value, (n) => (n <= 0 || n > 12 ? 'month' : undefined));
    case '02':
      return twoDigits(value, () => undefined);
    case '15':
      return hour(value);
    case '04':
      return twoDigits(value, (n) => (n >= 60 ? 'minute' : undefined));
    case '05':
      return seconds(value);
    case 'Z07:00':
      return zone(value);
  }
}

function twoDigits(value: string, range: (n: number) => string | undefined): ParsedElement | undefined {
  if (!/^\d\d/.test(value)) return undefined;
  const number = Number(value.slice(0, 2));
  const rangeError = range(number);
  return { number, rest: value.slice(2), ...(rangeError ? { rangeError } : {}) };
}

/** `15` takes one or two digits. */
function hour(value: string): ParsedElement | undefined {
  const digits = /^\d\d?/.exec(value)?.[0];
  if (digits === undefined) return undefined;
  const number = Number(digits);
  return { number, rest: value.slice(digits.length), ...(number >= 24 ? { rangeError: 'hour' } : {}) };
}

/** Seconds, then any fractional part the input has although the layout does not name one. */
function seconds(value: string): ParsedElement | undefined {
  const parsed = twoDigits(value, (n) => (n >= 60 ? 'second' : undefined));
  if (parsed === undefined || parsed.rangeError) return parsed;
  const fraction = /^\.\d+/.exec(parsed.rest)?.[0];
  if (fraction === undefined) return parsed;
  // Go reads at most nine digits as nanoseconds; a tenth makes the value reach 1e9.
  const rangeError = fraction.length > 10 ? 'fractional second' : undefined;
  return { ...parsed, rest: parsed.rest.slice(fraction.length), ...(rangeError ? { rangeError } : {}) };
}

function zone(value: string): ParsedElement | undefined {
  if (value.startsWith('Z')) return { number: 0, rest: value.slice(1) };
  if (value.length < 6 || value[3] !== ':') return undefined;
  if (!/^\d\d$/.test(value.slice(1, 3)) || !/^\d\d$/.test(value.slice(4, 6))) return undefined;
  if (value[0] !== '+' && value[0] !== '-') return undefined;
  return { number: 0, rest: value.slice(6) };
}

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function quote(s: string): string {
  return `"${s}"`;
}
