// CSV as RFC 4180 writes it, read as a stream of records: fields separated by commas, records by CRLF
// (or LF alone), a field in double quotes may hold commas, line breaks and quotes written twice ("").
// Fed chunk by chunk (a quoted line break may straddle two chunks), it keeps only the record being
// read. Lenient where files in the wild are and nothing is lost by it: a lone quote inside an unquoted
// field is a character, blank lines are skipped, a UTF-8 byte order mark is dropped. Strict where a
// guess would shift columns: text after a closing quote, a quote never closed.
//
// Hand-written rather than a library: the grammar is a dozen lines, and errors must name the line of
// the file where the record starts, which is what the dataset's problems point at.

export interface CsvRecord {
  fields: string[];
  /** The file's line (1-based) where the record starts. */
  line: number;
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/** A record longer than this is a quote left open, not data: reading stops instead of filling memory. */
export const MAX_RECORD_CHARS = 1 << 20;

type State = 'field-start' | 'unquoted' | 'quoted' | 'quote-in-quoted';

export class CsvParser {
  private state: State = 'field-start';
  private fields: string[] = [];
  private field = '';
  private recordChars = 0;
  /** The line being read, and the line where the current record started. */
  private line = 1;
  private recordLine = 1;
  /** The last character read was a \r: a \n right after it ends the same line. */
  private afterCr = false;
  private first = true;
  private records: CsvRecord[] = [];

  /** Parses a chunk; returns the records it completed. */
  push(chunk: string): CsvRecord[] {
    let text = chunk;
    if (this.first && text.length > 0) {
      this.first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let i = 0;
    const n = text.length;
    // A \n after a \r that ended the last chunk: the same line break.
    if (this.afterCr && n > 0 && text.charCodeAt(0) === LF) {
      i = 1;
      if (this.state === 'quoted') this.field += '\n';
    }
    this.afterCr = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      switch (this.state) {
        case 'field-start':
          if (c === QUOTE) {
            this.state = 'quoted';
            i += 1;
          } else if (c === COMMA || c === LF || c === CR) {
            i = this.delimiter(text, i);
          } else {
            this.state = 'unquoted';
          }
          continue;
        case 'unquoted': {
          // The run of ordinary characters up to the next delimiter, at once.
          let end = i;
          while (end < n) {
            const d = text.charCodeAt(end);
            if (d === COMMA || d === LF || d === CR) break;
            end += 1;
          }
          this.append(text, i, end);
          i = end < n ? this.delimiter(text, end) : n;
          continue;
        }
        case 'quoted': {
          const close = text.indexOf('"', i);
          const end = close < 0 ? n : close;
          this.countLines(text, i, end);
          this.append(text, i, end);
          if (close < 0) {
            i = n;
          } else {
            this.state = 'quote-in-quoted';
            i = close + 1;
          }
          continue;
        }
        case 'quote-in-quoted':
          if (c === QUOTE) {
            this.append('"', 0, 1);
            this.state = 'quoted';
            i += 1;
          } else if (c === COMMA || c === LF || c === CR) {
            i = this.delimiter(text, i);
          } else {
            throw new CsvSyntaxError(
              this.line,
              'text after a quoted field\'s closing quote (a quote inside a quoted field is written twice: "")',
            );
          }
          continue;
      }
    }
    return this.take();
  }

  /** The end of the input: the last record, when the file does not end with a line break. */
  end(): CsvRecord[] {
    if (this.state === 'quoted') throw new CsvSyntaxError(this.recordLine, 'a quoted field is never closed');
    if (this.state !== 'field-start' || this.fields.length > 0) this.endRecord();
    return this.take();
  }

  /** The comma or line break at `at`; returns the index after it. */
  private delimiter(text: string, at: number): number {
    if (text.charCodeAt(at) === COMMA) {
      this.fields.push(this.field);
      this.field = '';
      this.state = 'field-start';
      return at + 1;
    }
    this.endRecord();
    this.line += 1;
    this.recordLine = this.line;
    if (text.charCodeAt(at) === CR) {
      if (at + 1 === text.length) this.afterCr = true;
      else if (text.charCodeAt(at + 1) === LF) return at + 2;
    }
    return at + 1;
  }

  private endRecord(): void {
    const blank = this.fields.length === 0 && this.field === '' && this.state === 'field-start';
    if (!blank) {
      this.fields.push(this.field);
      this.records.push({ fields: this.fields, line: this.recordLine });
    }
    this.fields = [];
    this.field = '';
    this.recordChars = 0;
    this.state = 'field-start';
  }

  private append(text: string, from: number, to: number): void {
    if (to <= from) return;
    this.recordChars += to - from;
    if (this.recordChars > MAX_RECORD_CHARS) {
      throw new CsvSyntaxError(
        this.recordLine,
        `a record longer than ${MAX_RECORD_CHARS} characters (a quote left open?)`,
      );
    }
    this.field += text.slice(from, to);
  }

  /** Line breaks inside a quoted field: \r\n, \n and a lone \r each count once. */
  private countLines(text: string, from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === CR) {
        this.line += 1;
        if (i + 1 === text.length) this.afterCr = true;
      } else if (c === LF && !(i > 0 && text.charCodeAt(i - 1) === CR)) {
        this.line += 1;
      }
    }
  }

  private take(): CsvRecord[] {
    const records = this.records;
    this.records = [];
    return records;
  }
}

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** The records of a stream of text chunks, in order. */
export async function* csvRecords(chunks: AsyncIterable<string>): AsyncGenerator<CsvRecord> {
  const parser = new CsvParser();
  for await (const chunk of chunks) yield* parser.push(chunk);
  yield* parser.end();
}
