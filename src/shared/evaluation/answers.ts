// A model's answer to a batch, read as one answer per row: odahu-ml-server's
// `{"prediction": [...], "columns": [...]}`, a prediction being a value or a row of values. A
// regression reads one number per row; a classification reads a class (a label, or the column of the
// largest of several scores), or with a threshold a score turned into class 0 or 1. An answer that
// does not fit fails its rows, not the step: it is the model's, not ours.

import { classKey, logLine, numberOf, textOf } from './values.js';
import type { Task } from './metrics.js';

/** A class kept from an answer is cut to this: labels are names, not documents. */
const MAX_CLASS_CHARS = 100;

export type RowAnswer =
  | {
      /** The number (regression) or class (classification) the model answered. */
      value: number | string;
      /** With a threshold: the score the class came from. */
      score?: number;
    }
  | { failure: string };

export interface AnswerReading {
  task: Task;
  threshold: number | undefined;
}

/** One answer per row, or one failure for them all (the answer's shape). */
export function readAnswers(body: unknown, rows: number, reading: AnswerReading): RowAnswer[] {
  const all = (failure: string): RowAnswer[] => Array.from({ length: rows }, () => ({ failure }));
  const answer = body as { prediction?: unknown; columns?: unknown } | null;
  if (typeof answer !== 'object' || answer === null || !Array.isArray(answer.prediction)) {
    return all('the answer has no "prediction" list');
  }
  const predictions = answer.prediction as unknown[];
  if (predictions.length !== rows) {
    return all(`the answer has ${predictions.length} predictions for ${rows} rows`);
  }
  const columns = Array.isArray(answer.columns) ? (answer.columns as unknown[]) : [];
  return predictions.map((prediction) => readOne(prediction, columns, reading));
}

function readOne(prediction: unknown, columns: unknown[], { task, threshold }: AnswerReading): RowAnswer {
  const values = Array.isArray(prediction) ? (prediction as unknown[]) : [prediction];
  const bad = (what: string): RowAnswer => ({
    failure: `answered ${logLine(textOf(prediction), 60)}: ${what}`,
  });
  if (values.length === 0) return bad('no value');
  if (task === 'regression') {
    const number = values.length === 1 ? numberOf(values[0]) : undefined;
    return number === undefined ? bad('a regression answers one number per row') : { value: number };
  }
  if (threshold !== undefined) {
    // A score, or the two classes' probabilities (class 1's is the score).
    const score = values.length <= 2 ? numberOf(values.at(-1)) : undefined;
    if (score === undefined) return bad('a threshold reads one score per row');
    return { value: score >= threshold ? '1' : '0', score };
  }
  if (values.length === 1) {
    const only = values[0];
    if (typeof only === 'object' && only !== null) return bad('a class is a label');
    return { value: classKey(only).slice(0, MAX_CLASS_CHARS) };
  }
  // Several scores: the class is the column of the largest.
  const scores = values.map(numberOf);
  if (scores.some((score) => score === undefined)) return bad('several values are scores, one per class');
  const best = scores.indexOf(Math.max(...(scores as number[])));
  const name = columns.length === values.length ? classKey(columns[best]) : String(best);
  return { value: name.slice(0, MAX_CLASS_CHARS) };
}
