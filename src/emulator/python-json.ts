// JSON as the model server (Python, Flask) reads and writes it: json.loads' grammar (NaN and
// Infinity included) and its error messages ("Expecting value: line 1 column 1 (char 0)"), and
// json.dumps' output (", " and ": " separators, floats printed by repr, non-ASCII escaped).

export class PythonJsonError extends Error {}

export function pyLoads(text: string): unknown {
  return new Parser(text).document();
}

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;
const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

class Parser {
  private pos = 0;

  constructor(private readonly text: string) {}

  document(): unknown {
    const value = this.value(this.skip());
    const end = this.skip();
    if (end < this.text.length) this.fail('Extra data', end);
    return value;
  }

  private skip(): number {
    WHITESPACE.lastIndex = this.pos;
    WHITESPACE.exec(this.text);
    this.pos = WHITESPACE.lastIndex;
    return this.pos;
  }

  private fail(message: string, pos: number): never {
    const before = this.text.slice(0, pos);
    const line = before.split('\n').length;
    const lastNewline = before.lastIndexOf('\n');
    const column = lastNewline < 0 ? pos + 1 : pos - lastNewline;
    throw new PythonJsonError(`${message}: line ${line} column ${column} (char ${pos})`);
  }

  private value(at: number): unknown {
    const c = this.text[at];
    if (c === '"') return this.string(at);
    if (c === '{') return this.object(at);
    if (c === '[') return this.array(at);
    for (const [word, value] of LITERALS) {
      if (this.text.startsWith(word, at)) {
        this.pos = at + word.length;
        return value;
      }
    }
    NUMBER.lastIndex = at;
    const number = NUMBER.exec(this.text);
    if (!number) this.fail('Expecting value', at);
    this.pos = at + number[0].length;
    return Number(number[0]);
  }

  private object(start: number): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.pos = start + 1;
    let at = this.skip();
    if (this.text[at] === '}') {
      this.pos = at + 1;
      return result;
    }
    for (;;) {
      if (this.text[at] !== '"') this.fail('Expecting property name enclosed in double quotes', at);
      const key = this.string(at);
      at = this.skip();
      if (this.text[at] !== ':') this.fail("Expecting ':' delimiter", at);
      this.pos = at + 1;
      result[key] = this.value(this.skip());
      at = this.skip();
      if (this.text[at] === '}') {
        this.pos = at + 1;
        return result;
      }
      if (this.text[at] !== ',') this.fail("Expecting ',' delimiter", at);
      this.pos = at + 1;
      at = this.skip();
    }
  }

  private array(start: number): unknown[] {
    const result: unknown[] = [];
    this.pos = start + 1;
    let at = this.skip();
    if (this.text[at] === ']') {
      this.pos = at + 1;
      return result;
    }
    for (;;) {
      result.push(this.value(at));
      at = this.skip();
      if (this.text[at] === ']') {
        this.pos = at + 1;
        return result;
      }
      if (this.text[at] !== ',') this.fail("Expecting ',' delimiter", at);
      this.pos = at + 1;
      at = this.skip();
    }
  }

  private string(start: number): string {
    let result = '';
    let at = start + 1;
    for (;;) {
      const c = this.text[at];
      if (c === undefined) this.fail('Unterminated string starting at', start);
      if (c === '"') break;
      if (c < ' ') this.fail('Invalid control character at', at);
      if (c !== '\\') {
        result += c;
        at += 1;
        continue;
      }
      const escape = this.text[at + 1];
      if (escape === undefined) this.fail('Unterminated string starting at', start);
      if (escape === 'u') {
        const hex = this.text.slice(at + 2, at + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('Invalid \\uXXXX escape', at + 1);
        result += String.fromCharCode(parseInt(hex, 16));
        at += 6;
        continue;
      }
      const decoded = ESCAPES[escape];
      if (decoded === undefined) this.fail(`Invalid \\escape: ${pyRepr(escape)}`, at);
      result += decoded;
      at += 2;
    }
    this.pos = at + 1;
    return result;
  }
}

const LITERALS: readonly [string, unknown][] = [
  ['null', null],
  ['true', true],
  ['false', false],
  ['NaN', NaN],
  ['Infinity', Infinity],
  ['-Infinity', -Infinity],
];

/** json.dumps with its default separators; every number is a Python float (the model answers floats). */
export function pyDumps(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return pyFloat(value);
  if (typeof value === 'string') return pyString(value);
  if (Array.isArray(value)) return `[${value.map(pyDumps).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  return `{${entries.map(([k, v]) => `${pyString(k)}: ${pyDumps(v)}`).join(', ')}}`;
}

/** repr(float): the shortest round-trip digits, exponent form below 1e-4 and from 1e16. */
export function pyFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  const [mantissa = '0', exponentText = '0'] = x.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  const fixed = String(x);
  return fixed.includes('.') ? fixed : `${fixed}.0`;
}

function pyString(text: string): string {
  let out = '"';
  for (const c of text) {
    const code = c.codePointAt(0) ?? 0;
    if (c === '"') out += '\\"';
    else if (c === '\\') out += '\\\\';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (c === '\b') out += '\\b';
    else if (c === '\f') out += '\\f';
    else if (code < 0x20 || code > 0x7e) {
      // ensure_ascii: \uXXXX, astral characters as a surrogate pair.
      for (let i = 0; i < c.length; i += 1) out += `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`;
    } else out += c;
  }
  return `${out}"`;
}

/** repr(str): single quotes unless the text holds one and no double quote. */
export function pyRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const c of text) {
    const code = c.codePointAt(0) ?? 0;
    if (c === quote || c === '\\') out += `\\${c}`;
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += c;
  }
  return out + quote;
}
