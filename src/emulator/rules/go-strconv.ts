// Go's strconv as the server's query handling uses it: Atoi and ParseBool, with the NumError texts
// (`strconv.Atoi: parsing "abc": invalid syntax`) that reach clients unchanged.

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

export type AtoiResult = { ok: true; value: number } | { ok: false; error: string };

/** strconv.Atoi on a 64-bit server: optional sign, decimal digits only, int64 range. */
export function goAtoi(text: string): AtoiResult {
  if (!/^[+-]?\d+$/.test(text)) {
    return { ok: false, error: `strconv.Atoi: parsing ${goQuote(text)}: invalid syntax` };
  }
  const value = BigInt(text);
  if (value < INT64_MIN || value > INT64_MAX) {
    return { ok: false, error: `strconv.Atoi: parsing ${goQuote(text)}: value out of range` };
  }
  return { ok: true, value: Number(value) };
}

const TRUE_WORDS = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE_WORDS = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/** strconv.ParseBool: undefined for anything but its twelve spellings. */
export function goParseBool(text: string): boolean | undefined {
  if (TRUE_WORDS.has(text)) return true;
  if (FALSE_WORDS.has(text)) return false;
  return undefined;
}

const ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '"': '\\"',
  '\\': '\\\\',
};

/** strconv.Quote: printable runes kept, the rest escaped. */
export function goQuote(text: string): string {
  let quoted = '"';
  for (const char of text) {
    const escape = ESCAPES[char];
    if (escape !== undefined) {
      quoted += escape;
      continue;
    }
    const code = char.codePointAt(0)!;
    if (char === ' ' || !/[\p{C}\p{Z}]/u.test(char)) quoted += char;
    else if (code < 0x80) quoted += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code < 0x10000) quoted += `\\u${code.toString(16).padStart(4, '0')}`;
    else quoted += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${quoted}"`;
}
