// The model every emulated deployment serves, behind odahu-ml-server's API: its prediction for a row
// is the arithmetic mean of the row's values, each converted as numpy converts it to a float
// (numbers, booleans, numeric strings). Bad input fails with the errors pandas, numpy and
// scikit-learn give, which the server reports as "Exception during prediction: <error>".
// A worse model is made by row faults: a share of rows, chosen by their values alone (so the same
// row is chosen in any batch, in any order, by every revision), answered 1 - p, or failing the
// request as a model that crashes on some inputs does.

import type { ModelIdentity } from './artifacts.js';
import { pyRepr } from './python-json.js';

export class PredictionError extends Error {}

/** Python's float() grammar for strings (surrounding whitespace, underscores, inf and nan allowed). */
const PY_FLOAT = /^[+-]?(((\d(_?\d)*)?\.\d(_?\d)*|\d(_?\d)*\.?)([eE][+-]?\d(_?\d)*)?|inf(inity)?|nan)$/i;

function toFloat(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === null) return NaN;
  if (typeof value === 'string') {
    const text = value.trim();
    if (!PY_FLOAT.test(text))
      throw new PredictionError(`could not convert string to float: ${pyRepr(value)}`);
    const lower = text.toLowerCase().replace(/^[+-]/, '');
    const sign = text.startsWith('-') ? -1 : 1;
    if (lower.startsWith('inf')) return sign * Infinity;
    if (lower === 'nan') return NaN;
    return Number(text.replaceAll('_', ''));
  }
  if (Array.isArray(value)) throw new PredictionError('setting an array element with a sequence.');
  throw new PredictionError("float() argument must be a string or a real number, not 'dict'");
}

/** Row faults of a revision (its annotations, overrides.ts); none by default. */
export interface RowFaults {
  /** Share of rows answered 1 - p. */
  flip: number;
  /** Share of rows that fail the request. */
  errorRate: number;
}

const NO_FAULTS: RowFaults = { flip: 0, errorRate: 0 };

/**
 * Where a row falls in [0, 1), from its values and a salt (one per kind of fault): FNV-1a over the
 * values' float64 bytes. The same values give the same place whatever batch they come in.
 */
export function rowPlace(row: readonly number[], salt: number): number {
  const bytes = new Uint8Array(Float64Array.from(row).buffer);
  let hash = (0x811c9dc5 ^ salt) >>> 0;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  // A final mix, so rows that differ in one low byte do not land next to each other.
  hash = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d) >>> 0;
  hash = Math.imul(hash ^ (hash >>> 12), 0x297a2d39) >>> 0;
  return ((hash ^ (hash >>> 15)) >>> 0) / 4294967296;
}

const FLIP_SALT = 1;
const ERROR_SALT = 2;

/**
 * Predictions for `data` (rows of values; a bare value is a one-column row), given the request's
 * optional column names. Throws PredictionError with the library's message.
 */
export function predict(data: unknown, columns: unknown, faults: RowFaults = NO_FAULTS): number[] {
  if (!Array.isArray(data)) throw new PredictionError('DataFrame constructor not properly called!');
  const rows = data.map((row: unknown) => (Array.isArray(row) ? (row as unknown[]) : [row]));
  const width = Math.max(...rows.map((r) => r.length));
  if (Array.isArray(columns) && columns.length !== width) {
    throw new PredictionError(`${columns.length} columns passed, passed data had ${width} columns`);
  }
  if (width === 0) {
    throw new PredictionError(
      `Found array with 0 feature(s) (shape=(${rows.length}, 0)) while a minimum of 1 is required.`,
    );
  }
  // pandas pads short rows with NaN; the model then refuses NaN like any scikit-learn estimator.
  const matrix = rows.map((row) => [...row.map(toFloat), ...Array<number>(width - row.length).fill(NaN)]);
  if (matrix.some((row) => row.some((x) => !Number.isFinite(x)))) {
    throw new PredictionError("Input contains NaN, infinity or a value too large for dtype('float64').");
  }
  const failing =
    faults.errorRate > 0 ? matrix.findIndex((row) => rowPlace(row, ERROR_SALT) < faults.errorRate) : -1;
  if (failing >= 0) {
    throw new PredictionError(`row ${failing} is outside the range the model was trained on`);
  }
  return matrix.map((row) => {
    const mean = row.reduce((sum, x) => sum + x, 0) / row.length;
    return faults.flip > 0 && rowPlace(row, FLIP_SALT) < faults.flip ? 1 - mean : mean;
  });
}

/** Example feature names in the model's Swagger document (the emulator knows no real features). */
const EXAMPLE_COLUMNS = ['feature_1', 'feature_2', 'feature_3'];

/** GET /api/model/info: the server's Swagger 2.0 document, naming the model in its info. */
export function modelInfo(model: ModelIdentity): Record<string, unknown> {
  const stringArray = { type: 'array', items: { type: 'string' } };
  return {
    swagger: '2.0',
    info: { description: 'Model server', title: model.name, version: model.version },
    schemes: ['http', 'https'],
    paths: {
      '/api/model/info': {
        get: {
          description: 'Return the Swagger document of the model',
          produces: ['application/json'],
          responses: { '200': { description: 'Swagger 2.0 document' } },
        },
      },
      '/api/model/invoke': {
        post: {
          description: 'Predict on a matrix',
          consumes: ['application/json'],
          produces: ['application/json'],
          parameters: [
            {
              in: 'body',
              name: 'PredictionParameters',
              required: true,
              schema: {
                type: 'object',
                properties: {
                  columns: { ...stringArray, example: EXAMPLE_COLUMNS },
                  data: {
                    type: 'array',
                    items: { type: 'array', items: { type: 'number' } },
                    example: [EXAMPLE_COLUMNS.map((_, i) => i + 1)],
                  },
                },
              },
            },
          ],
          responses: {
            '200': {
              description: 'Prediction',
              schema: {
                type: 'object',
                properties: {
                  prediction: { type: 'array', items: { type: 'number' } },
                  columns: stringArray,
                },
              },
            },
          },
        },
      },
    },
  };
}
