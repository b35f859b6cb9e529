// The first JSON value of a request body, read the way Go's encoding/json Decoder reads it: syntax
// errors carry the scanner's texts, an empty body is `EOF`, a value cut short is `unexpected EOF`, and
// whatever follows the first value is never looked at. The result keeps what the decoder needs to
// apply Go's rules later: number literals as written, object members in order with duplicates, and
// each value's raw text (time.Time decodes from it).

export type JsonNode =
  | { kind: 'object'; members: [string, JsonNode][]; raw: string }
  | { kind: 'array'; items: JsonNode[]; raw: string }
  | { kind: 'string'; value: string; raw: string }
  | { kind: 'number'; literal: string; raw: string }
  | { kind: 'bool'; value: boolean; raw: string }
  | { kind: 'null'; raw: string };

/** A body Go's decoder rejects before any value is stored; the message is Go's error text. */
export class GoJsonSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GoJsonSyntaxError';
  }
}

const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const utf8 = new TextDecoder();

export function readFirstJsonValue(body: string): JsonNode {
  const reader = new Reader(new TextEncoder().encode(body));
  reader.skipSpace();
  if (reader.atEnd()) throw new GoJsonSyntaxError('EOF');
  return reader.value();
}

/** How Go's scanner names an offending byte: `'x'`, `'\n'`, `'\x01'`, `'"'`. */
function quoteChar(c: number): string {
  if (c === 0x27) return `'\\''`;
  if (c === 0x22) return `'"'`;
  const named: Record<number, string> = {
    0x07: '\\a',
    0x08: '\\b',
    0x0c: '\\f',
    0x0a: '\\n',
    0x0d: '\\r',
    0x09: '\\t',
    0x0b: '\\v',
    0x5c: '\\\\',
  };
  const name = named[c];
  if (name !== undefined) return `'${name}'`;
  const hex = c.toString(16).padStart(2, '0');
  if (c < 0x20 || c === 0x7f) return `'\\x${hex}'`;
  // Go turns the byte into the rune U+00XX before quoting; C1 controls, NBSP and SHY are not printable.
  if ((c >= 0x80 && c <= 0xa0) || c === 0xad) return `'\\u00${hex}'`;
  return `'${String.fromCharCode(c)}'`;
}

class Reader {
  private pos = 0;

  constructor(private readonly bytes: Uint8Array) {}

  atEnd(): boolean {
    return this.pos >= this.bytes.length;
  }

  skipSpace(): void {
    while (!this.atEnd() && SPACE.has(this.bytes[this.pos]!)) this.pos++;
  }

  value(): JsonNode {
    const start = this.pos;
    const c = this.next();
    switch (c) {
      case 0x7b:
        return this.object(start);
      case 0x5b:
        return this.array(start);
      case 0x22:
        return { kind: 'string', value: this.stringBody(), raw: this.raw(start) };
      case 0x74:
        this.literal('true');
        return { kind: 'bool', value: true, raw: 'true' };
      case 0x66:
        this.literal('false');
        return { kind: 'bool', value: false, raw: 'false' };
      case 0x6e:
        this.literal('null');
        return { kind: 'null', raw: 'null' };
      default:
        if (c === 0x2d || isDigit(c)) {
          this.number(c);
          const literal = this.raw(start);
          return { kind: 'number', literal, raw: literal };
        }
        return this.fail(c, 'looking for beginning of value');
    }
  }

  private object(start: number): JsonNode {
    const members: [string, JsonNode][] = [];
    this.skipSpace();
    if (this.peek() === 0x7d) {
      this.pos++;
      return { kind: 'object', members, raw: this.raw(start) };
    }
    for (;;) {
      this.skipSpace();
      const quote = this.next();
      if (quote !== 0x22) this.fail(quote, 'looking for beginning of object key string');
      const key = this.stringBody();
      this.skipSpace();
      const colon = this.next();
      if (colon !== 0x3a) this.fail(colon, 'after object key');
      this.skipSpace();
      members.push([key, this.value()]);
      this.skipSpace();
      const after = this.next();
      if (after === 0x7d) return { kind: 'object', members, raw: this.raw(start) };
      if (after !== 0x2c) this.fail(after, 'after object key:value pair');
    }
  }

  private array(start: number): JsonNode {
    const items: JsonNode[] = [];
    this.skipSpace();
    if (this.peek() === 0x5d) {
      this.pos++;
      return { kind: 'array', items, raw: this.raw(start) };
    }
    for (;;) {
      this.skipSpace();
      items.push(this.value());
      this.skipSpace();
      const after = this.next();
      if (after === 0x5d) return { kind: 'array', items, raw: this.raw(start) };
      if (after !== 0x2c) this.fail(after, 'after array element');
    }
  }

  /** The rest of a string after its opening quote, unescaped as Go does (bad surrogates become U+FFFD). */
  private stringBody(): string {
    let text = '';
    let runStart = this.pos;
    const flush = (end: number): void => {
      text += utf8.decode(this.bytes.subarray(runStart, end));
    };
    for (;;) {
      const c = this.next();
      if (c === 0x22) {
        flush(this.pos - 1);
        return text;
      }
      if (c < 0x20) this.fail(c, 'in string literal');
      if (c !== 0x5c) continue;
      flush(this.pos - 1);
      const escape = this.next();
      const simple: Record<number, string> = {
        0x22: '"',
        0x5c: '\\',
        0x2f: '/',
        0x62: '\b',
        0x66: '\f',
        0x6e: '\n',
        0x72: '\r',
        0x74: '\t',
      };
      const char = simple[escape];
      if (char !== undefined) {
        text += char;
      } else if (escape === 0x75) {
        text += this.unicodeEscape();
      } else {
        this.fail(escape, 'in string escape code');
      }
      runStart = this.pos;
    }
  }

  private unicodeEscape(): string {
    const unit = this.hex4();
    if (unit < 0xd800 || unit > 0xdfff) return String.fromCharCode(unit);
    // Go pairs a high surrogate with an immediately following \uDC00-\uDFFF escape, else U+FFFD.
    const p = this.pos;
    if (unit < 0xdc00 && this.bytes[p] === 0x5c && this.bytes[p + 1] === 0x75) {
      const digits = utf8.decode(this.bytes.subarray(p + 2, p + 6));
      const low = /^[0-9a-fA-F]{4}$/.test(digits) ? parseInt(digits, 16) : -1;
      if (low >= 0xdc00 && low <= 0xdfff) {
        this.pos += 6;
        return String.fromCharCode(unit, low);
      }
    }
    return '\ufffd';
  }

  private hex4(): number {
    let unit = 0;
    for (let i = 0; i < 4; i++) {
      const c = this.next();
      const digit = hexValue(c);
      if (digit < 0) this.fail(c, 'in \\u hexadecimal character escape');
      unit = unit * 16 + digit;
    }
    return unit;
  }

  private number(first: number): void {
    let c = first;
    if (c === 0x2d) {
      c = this.next();
      if (!isDigit(c)) this.fail(c, 'in numeric literal');
    }
    if (c !== 0x30) this.digits();
    if (this.peek() === 0x2e) {
      this.pos++;
      const d = this.next();
      if (!isDigit(d)) this.fail(d, 'after decimal point in numeric literal');
      this.digits();
    }
    const e = this.peek();
    if (e === 0x65 || e === 0x45) {
      this.pos++;
      let d = this.next();
      if (d === 0x2b || d === 0x2d) d = this.next();
      if (!isDigit(d)) this.fail(d, 'in exponent of numeric literal');
      this.digits();
    }
  }

  private digits(): void {
    while (isDigit(this.peek())) this.pos++;
  }

  private literal(word: string): void {
    for (let i = 1; i < word.length; i++) {
      const c = this.next();
      const expected = word.charCodeAt(i);
      if (c !== expected) this.fail(c, `in literal ${word} (expecting ${quoteChar(expected)})`);
    }
  }

  private peek(): number | undefined {
    return this.bytes[this.pos];
  }

  /** The next byte; running out inside a value is Go's io.ErrUnexpectedEOF. */
  private next(): number {
    const c = this.bytes[this.pos++];
    if (c === undefined) throw new GoJsonSyntaxError('unexpected EOF');
    return c;
  }

  private raw(start: number): string {
    return utf8.decode(this.bytes.subarray(start, this.pos));
  }

  private fail(c: number, context: string): never {
    throw new GoJsonSyntaxError(`invalid character ${quoteChar(c)} ${context}`);
  }
}

function isDigit(c: number | undefined): c is number {
  return c !== undefined && c >= 0x30 && c <= 0x39;
}

function hexValue(c: number): number {
  if (isDigit(c)) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}
