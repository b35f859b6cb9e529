// The model every emulated deployment serves, behind odahu-ml-server's API: its prediction for a row
// is the arithmetic mean of the row's values, each converted as numpy converts it to a float
// (numbers, booleans, numeric strings). Bad input fails with the errors pandas, numpy and
// scikit-learn give, which the server reports as "Exception during prediction: <error>".

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

/**
 * Predictions for `data` (rows of values; a bare value is a one-column row), given the request's
 * optional column names. Throws PredictionError with the library's message.
 */
export function predict(data: unknown, columns: unknown): number[] {
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
  return matrix.map((row) => row.reduce((sum, x) => sum + x, 0) / row.length);
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
