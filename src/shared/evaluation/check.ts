// The dataset checked whole before any request: its columns against the inputs, then every row (the
// file streamed, one row held at a time). Each bad row is one line naming the file and its line:
// a missing or empty value, a feature or a regression label that is no number, a row whose fields do
// not match the header. The first problems are listed, the rest counted, and they fail the step
// together, as bad inputs do. What the rows tell the evaluation (how many, the slices' values) comes
// back with the layout.

import { InputError } from '../odahu/errors.js';
import { DatasetSyntaxError, openDataset } from './dataset.js';
import type { DatasetFile, DatasetRow } from './dataset.js';
import type { EvaluationSpec } from './spec.js';
import { MAX_CLASSES } from './metrics.js';
import { cutText } from '../odahu/untrusted-text.js';
import { binaryLabel, classKey, isEmpty, logLine, numberOf, textOf } from './values.js';

/** Lines listed before the rest are only counted. */
const MAX_LISTED = 20;
/** A slice-by column with more values than this is not a slice. */
export const MAX_SLICE_VALUES = 200;

/** Where the dataset's columns are, and what its rows held. */
export interface DatasetLayout {
  columns: string[];
  /** The features' positions among the columns, in the order they are sent. */
  features: number[];
  featureNames: string[];
  label: number | undefined;
  slices: { name: string; index: number }[];
  rows: number;
}

/** `data/eval.csv:12`, or `data/eval.json data[11]` for the request format (one line). */
export function whereIs(file: DatasetFile, row: Pick<DatasetRow, 'row' | 'line'>): string {
  return file.format === 'request' ? `${file.shown} data[${row.row - 1}]` : `${file.shown}:${row.line}`;
}

export async function checkDataset(spec: EvaluationSpec, signal?: AbortSignal): Promise<DatasetLayout> {
  const { dataset } = spec;
  const fail = (problems: string[]): never => {
    throw new InputError(problems);
  };
  let opened;
  try {
    opened = await openDataset(dataset, signal);
  } catch (error) {
    if (error instanceof DatasetSyntaxError) fail([`${dataset.shown}:${error.line}: ${error.message}`]);
    throw error;
  }
  const { columns, rows } = opened;
  if (!columns) fail([`${dataset.shown} is empty: there is nothing to evaluate`]);
  const layout = layoutOf(spec, columns!);
  if (typeof layout === 'string' || Array.isArray(layout)) {
    await rows.return(undefined);
    fail(Array.isArray(layout) ? layout : [layout]);
  }
  const { features, label, slices } = layout as Omit<DatasetLayout, 'rows'>;
  const problems: string[] = [];
  let unlisted = 0;
  let count = 0;
  const classes = new Set<string>();
  const sliceValues = slices.map(() => new Set<string>());
  const note = (row: DatasetRow, what: string[]) => {
    if (problems.length < MAX_LISTED) problems.push(`${whereIs(dataset, row)}: ${what.join('; ')}`);
    else unlisted += 1;
  };
  try {
    for await (const row of rows) {
      count += 1;
      if (row.problem) {
        note(row, [row.problem]);
        continue;
      }
      const what: string[] = [];
      for (const index of features) {
        const value = row.values[index];
        if (isEmpty(value)) what.push(`feature ${columnName(columns!, index)} is empty`);
        else if (numberOf(value) === undefined)
          what.push(`feature ${columnName(columns!, index)} is not a number: ${quoted(textOf(value))}`);
      }
      if (label !== undefined) {
        const value = row.values[label];
        const problem = labelProblem(value, spec);
        if (problem) what.push(`label ${columnName(columns!, label)} ${problem}`);
        else if (spec.task === 'classification' && classes.size <= MAX_CLASSES) classes.add(classKey(value));
      }
      slices.forEach(({ index }, i) => {
        const values = sliceValues[i]!;
        if (values.size <= MAX_SLICE_VALUES) values.add(sliceValue(row.values[index]));
      });
      if (what.length > 0) note(row, what);
    }
  } catch (error) {
    if (error instanceof DatasetSyntaxError) {
      problems.push(`${dataset.shown}:${error.line}: ${error.message}`);
      fail(problems);
    }
    throw error;
  }
  if (unlisted > 0) problems.push(`… and ${unlisted} more row${unlisted === 1 ? '' : 's'} with problems`);
  if (count === 0)
    problems.push(
      `${dataset.shown} has no rows${dataset.format === 'csv' ? ', only a header' : ''}: there is nothing to evaluate`,
    );
  if (classes.size > MAX_CLASSES) {
    problems.push(
      `label ${columnName(columns!, label!)} has more than ${MAX_CLASSES} classes: is the task regression?`,
    );
  }
  slices.forEach(({ name }, i) => {
    if (sliceValues[i]!.size > MAX_SLICE_VALUES) {
      problems.push(
        `slice-by column ${quoted(name)} has more than ${MAX_SLICE_VALUES} values: slice by a column of categories`,
      );
    }
  });
  if (problems.length > 0) fail(problems);
  return { ...(layout as Omit<DatasetLayout, 'rows'>), rows: count };
}

/** The columns the inputs name, found in the header; problems when some are not there. */
function layoutOf(spec: EvaluationSpec, columns: string[]): Omit<DatasetLayout, 'rows'> | string[] {
  const { dataset } = spec;
  const problems: string[] = [];
  const seen = new Map<string, number>();
  columns.forEach((name, index) => {
    if (seen.has(name)) problems.push(`${dataset.shown}: column ${quoted(name)} appears twice in its header`);
    seen.set(name, index);
  });
  const known = columns.map((name) => quoted(name, 30)).join(', ');
  const find = (name: string, what: string): number | undefined => {
    const index = seen.get(name);
    if (index === undefined)
      problems.push(
        `${dataset.shown} has no ${what} column ${quoted(name)} (its columns: ${cutText(known, 300)})`,
      );
    return index;
  };
  const label = spec.labelColumn === undefined ? undefined : find(spec.labelColumn, 'label');
  const slices = spec.sliceBy.map((name) => ({ name, index: find(name, 'slice-by') ?? -1 }));
  const featureNames =
    spec.features ?? columns.filter((name) => name !== spec.labelColumn && !spec.sliceBy.includes(name));
  const features = featureNames.map((name) => find(name, 'feature') ?? -1);
  if (featureNames.length === 0)
    problems.push(`${dataset.shown} has no feature columns: only the label and slice-by ones`);
  if (problems.length > 0) return problems;
  return { columns, features, featureNames, label, slices };
}

function labelProblem(value: unknown, spec: EvaluationSpec): string | undefined {
  if (isEmpty(value)) return 'is empty';
  if (spec.task === 'regression' && numberOf(value) === undefined)
    return `is not a number: ${quoted(textOf(value))}`;
  if (spec.threshold !== undefined && binaryLabel(value) === undefined) {
    return `is ${quoted(textOf(value))}; with a threshold the classes are 0 and 1 (or false and true)`;
  }
  if (typeof value === 'object') return `is not a class: ${quoted(textOf(value))}`;
  return undefined;
}

/** A slice's value as the report names it; empty is a value too. */
export function sliceValue(value: unknown): string {
  return isEmpty(value) ? '(empty)' : classKey(value);
}

function columnName(columns: string[], index: number): string {
  return quoted(columns[index] ?? `#${index + 1}`);
}

/** A value from the dataset quoted in a problem line: `"abc"`, cut and inert. */
function quoted(text: string, max = 40): string {
  return `"${logLine(text, max)}"`;
}
