// A dataset file read as a stream of rows, whatever its format: CSV with a header row (csv.ts), JSON
// lines (one object per line, its keys the columns), or odahu-ml-server's request format
// (`{"columns": [...], "data": [[...], ...]}`, one JSON document, so read whole up to a cap). Each
// read of the file starts from its beginning: the evaluation reads it twice, once to check every row
// before any request and once to send them, and holds at most one row of it at a time (the request
// format aside).

import { createReadStream, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import { CsvSyntaxError, csvRecords } from './csv.js';

export type DatasetFormat = 'csv' | 'jsonl' | 'request';

export const DATASET_FORMATS: readonly DatasetFormat[] = ['csv', 'jsonl', 'request'];

/** The request format is one JSON document, parsed whole: larger files belong in CSV or JSON lines. */
export const MAX_REQUEST_FORMAT_BYTES = 64 * 1024 * 1024;

/** One row of the dataset: its values in the order of the dataset's columns (absent: undefined). */
export interface DatasetRow {
  /** 1-based, data rows only (a CSV header is not a row). */
  row: number;
  /** The file's line (1-based) where the row starts. */
  line: number;
  values: unknown[];
  /** What is wrong with the row as a whole (a JSON line that is not an object, a field count). */
  problem?: string;
}

/** A problem that ends the reading of the file (CSV syntax, an unreadable header). */
export class DatasetSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'DatasetSyntaxError';
  }
}

export interface DatasetFile {
  /** The path as the user gave it, for messages. */
  shown: string;
  path: string;
  format: DatasetFormat;
}

/** The format from the file's extension: .csv, .jsonl/.ndjson, .json (the request format). */
export function formatOf(path: string): DatasetFormat | undefined {
  switch (extname(path).toLowerCase()) {
    case '.csv':
      return 'csv';
    case '.jsonl':
    case '.ndjson':
      return 'jsonl';
    case '.json':
      return 'request';
    default:
      return undefined;
  }
}

export interface OpenedDataset {
  /** The columns, in the file's order (undefined for an empty file). */
  columns: string[] | undefined;
  rows: AsyncGenerator<DatasetRow>;
}

/** Opens the file from its start: the columns first, then the rows as they are read. */
export async function openDataset(file: DatasetFile, signal?: AbortSignal): Promise<OpenedDataset> {
  switch (file.format) {
    case 'csv':
      return openCsv(file, signal);
    case 'jsonl':
      return openJsonLines(file, signal);
    case 'request':
      return openRequestFormat(file);
  }
}

async function openCsv(file: DatasetFile, signal: AbortSignal | undefined): Promise<OpenedDataset> {
  const stream = createReadStream(file.path, { encoding: 'utf8', highWaterMark: 256 * 1024, signal });
  const records = csvRecords(stream as AsyncIterable<string>);
  const header = await next(records, stream);
  if (!header) return { columns: undefined, rows: empty() };
  const columns = header.fields.map((name) => name.trim());
  async function* rows(): AsyncGenerator<DatasetRow> {
    let row = 0;
    try {
      for (;;) {
        const record = await next(records, stream);
        if (!record) return;
        row += 1;
        const { fields, line } = record;
        const problem =
          fields.length === columns.length
            ? undefined
            : `${fields.length} field${fields.length === 1 ? '' : 's'}, the header has ${columns.length}`;
        yield { row, line, values: fields, ...(problem ? { problem } : {}) };
      }
    } finally {
      stream.destroy();
    }
  }
  return { columns, rows: rows() };
}

/** The next record; a CSV syntax error becomes the dataset's, with its line. */
async function next<T>(records: AsyncGenerator<T>, stream: { destroy(): void }): Promise<T | undefined> {
  try {
    const result = await records.next();
    return result.done ? undefined : result.value;
  } catch (error) {
    stream.destroy();
    if (error instanceof CsvSyntaxError) throw new DatasetSyntaxError(error.line, error.message);
    throw error;
  }
}

async function* empty(): AsyncGenerator<DatasetRow> {}

async function openJsonLines(file: DatasetFile, signal: AbortSignal | undefined): Promise<OpenedDataset> {
  const stream = createReadStream(file.path, { encoding: 'utf8', highWaterMark: 256 * 1024, signal });
  const lines = createInterface({ input: stream, crlfDelay: Infinity })[Symbol.asyncIterator]();
  let lineNumber = 0;
  /** The next line that is not blank, parsed. */
  const nextObject = async (): Promise<{ line: number; value: unknown; error?: string } | undefined> => {
    for (;;) {
      const result = await lines.next();
      if (result.done) return undefined;
      lineNumber += 1;
      const trimmed = result.value.trim();
      if (trimmed === '') continue;
      try {
        return { line: lineNumber, value: JSON.parse(trimmed) as unknown };
      } catch (error) {
        return { line: lineNumber, value: undefined, error: `not JSON (${(error as Error).message})` };
      }
    }
  };
  const first = await nextObject();
  if (!first) {
    stream.destroy();
    return { columns: undefined, rows: empty() };
  }
  if (first.error !== undefined || !isObject(first.value)) {
    stream.destroy();
    throw new DatasetSyntaxError(
      first.line,
      `the first line must be a JSON object, its keys the columns (${first.error ?? `not ${describe(first.value)}`})`,
    );
  }
  const columns = Object.keys(first.value);
  const valuesOf = (object: Record<string, unknown>) => columns.map((name) => object[name]);
  async function* rows(): AsyncGenerator<DatasetRow> {
    let row = 1;
    try {
      yield { row, line: first!.line, values: valuesOf(first!.value as Record<string, unknown>) };
      for (;;) {
        const read = await nextObject();
        if (!read) return;
        row += 1;
        if (read.error !== undefined || !isObject(read.value)) {
          yield {
            row,
            line: read.line,
            values: [],
            problem: read.error ?? `a JSON object is expected, not ${describe(read.value)}`,
          };
        } else {
          yield { row, line: read.line, values: valuesOf(read.value) };
        }
      }
    } finally {
      stream.destroy();
    }
  }
  return { columns, rows: rows() };
}

function openRequestFormat(file: DatasetFile): OpenedDataset {
  const text = readFileSync(file.path, 'utf8');
  if (text.trim() === '') return { columns: undefined, rows: empty() };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new DatasetSyntaxError(1, `not JSON (${(error as Error).message})`);
  }
  const { columns, data } = (isObject(body) ? body : {}) as { columns?: unknown; data?: unknown };
  if (!Array.isArray(data)) {
    throw new DatasetSyntaxError(
      1,
      'the request format is {"columns": [...], "data": [[...], ...]}: no "data" list',
    );
  }
  if (columns !== undefined && !(Array.isArray(columns) && columns.every((c) => typeof c === 'string'))) {
    throw new DatasetSyntaxError(1, '"columns" must be a list of names');
  }
  const width = Math.max(0, ...data.map((row) => (Array.isArray(row) ? row.length : 0)));
  // Without names, the columns are their positions: 1, 2, 3...
  const names = columns ?? Array.from({ length: width }, (_, i) => String(i + 1));
  if (data.length === 0) return { columns: names, rows: empty() };
  // Already in memory: a generator only to read like the streamed formats.
  // eslint-disable-next-line @typescript-eslint/require-await
  async function* rows(): AsyncGenerator<DatasetRow> {
    for (const [index, values] of (data as unknown[]).entries()) {
      const row = index + 1;
      if (!Array.isArray(values)) {
        yield { row, line: 1, values: [], problem: `data[${index}] is not a list of values` };
      } else if (values.length !== names.length) {
        yield {
          row,
          line: 1,
          values,
          problem: `data[${index}] has ${values.length} values, "columns" names ${names.length}`,
        };
      } else {
        yield { row, line: 1, values };
      }
    }
  }
  return { columns: names, rows: rows() };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  return value === null ? 'null' : `a ${typeof value}`;
}
