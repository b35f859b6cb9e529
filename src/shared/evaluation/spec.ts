// What an evaluation is asked to do (the dataset, its columns, the task, metrics and gates, batching),
// read from inputs in one place: the evaluate action's own, and the deploy and pipeline actions'
// evaluate-dataset, evaluate-gates and evaluate-options (gate-inputs.ts), which name the same inputs
// differently. Every problem goes to the one InputReader, so all are reported at once before any
// request; the dataset's rows are checked next (check.ts), still before any request.

import { existsSync, statSync } from 'node:fs';
import type { InputReader } from '../action/inputs.js';
import { candidatePaths } from '../action/text-input.js';
import { outsideWorkspaceProblem } from '../action/workspace-files.js';
import { DATASET_FORMATS, formatOf } from './dataset.js';
import type { DatasetFile, DatasetFormat } from './dataset.js';
import { parseGates } from './gates.js';
import type { Gate } from './gates.js';
import { DEFAULT_METRICS, METRICS, metricsOf } from './metrics.js';
import type { ModelMetric, Task } from './metrics.js';

export interface EvaluationSpec {
  dataset: DatasetFile;
  labelColumn: string | undefined;
  /** The columns sent to the models, in order; undefined: every column but the label and slice-by. */
  features: string[] | undefined;
  sliceBy: string[];
  task: Task;
  /** Classification by scores: an answer at or above it is class 1. */
  threshold: number | undefined;
  /** The metrics shown and output (gates may read others of the task). */
  metrics: ModelMetric[];
  gates: Gate[];
  /** Regression: two answers this close agree. */
  agreementTolerance: number;
  batchSize: number;
  concurrency: number;
  /** The whole evaluation, model warm-up aside. */
  timeoutMs: number;
}

/** Above this a dataset is refused before it is read: evaluate a sample instead (max-dataset-size). */
export const DEFAULT_MAX_DATASET_SIZE = '256MB';
const MAX_BATCH_SIZE = 10_000;
const MAX_CONCURRENCY = 64;

/** How the inputs are named where the spec is read (the evaluate action: as they are). */
export type InputNames = (input: string) => string;

export interface SpecContext {
  /** Whether a baseline is compared (gates on agreement and regressions need one). */
  withBaseline: boolean;
}

export function readEvaluationSpec(
  reader: InputReader,
  context: SpecContext,
  name: InputNames = (input) => input,
): EvaluationSpec | undefined {
  const dataset = readDatasetFile(reader, name);
  const labelColumn = reader.optional(name('label-column'));
  const features = readList(reader, name('features'));
  const sliceBy = readList(reader, name('slice-by')) ?? [];
  const task = reader.choice(name('task'), ['regression', 'classification'] as const, 'regression');
  const threshold = readNumber(reader, name('threshold'));
  if (threshold !== undefined && task !== 'classification') {
    reader.problem(`input ${name('threshold')} is for task: classification (scores and a threshold)`);
  }
  const metrics = readMetrics(reader, name('metrics'), task);
  const gateText = reader.optional(name('gates'));
  const { gates, problems } = parseGates(
    gateText,
    {
      task,
      labelled: labelColumn !== undefined,
      withBaseline: context.withBaseline,
      withSlices: sliceBy.length > 0,
    },
    name('gates'),
  );
  for (const problem of problems) reader.problem(problem);
  const agreementTolerance = readNumber(reader, name('agreement-tolerance')) ?? 0;
  if (agreementTolerance < 0) reader.problem(`input ${name('agreement-tolerance')} must be 0 or more`);
  const batchSize = readWhole(reader, name('batch-size'), 100, MAX_BATCH_SIZE);
  const concurrency = readWhole(reader, name('concurrency'), 4, MAX_CONCURRENCY);
  const timeoutMs = reader.duration(name('timeout'), '30m');

  if (labelColumn !== undefined && features?.includes(labelColumn)) {
    reader.problem(
      `input ${name('features')} lists the label column ${labelColumn}: a model must not be sent its answer`,
    );
  }
  if (labelColumn !== undefined && sliceBy.includes(labelColumn)) {
    reader.problem(`input ${name('slice-by')} lists the label column ${labelColumn}`);
  }
  if (!dataset) return undefined;
  return {
    dataset,
    labelColumn,
    features,
    sliceBy,
    task,
    threshold,
    metrics,
    gates,
    agreementTolerance,
    batchSize,
    concurrency,
    timeoutMs,
  };
}

/** The file, found as text inputs are (the workspace, then the working directory), its size capped. */
function readDatasetFile(reader: InputReader, name: InputNames): DatasetFile | undefined {
  const input = name('dataset');
  const shown = reader.required(
    input,
    'a CSV file with a header, JSON lines, or a prediction request (.json)',
  );
  const formatInput = reader.choice(name('dataset-format'), ['auto', ...DATASET_FORMATS] as const, 'auto');
  const maxBytes = readSize(reader, name('max-dataset-size'), DEFAULT_MAX_DATASET_SIZE);
  if (!shown) return undefined;
  const candidates = candidatePaths(shown, { env: reader.source.env });
  const path = candidates.find((candidate) => existsSync(candidate));
  if (!path) {
    reader.problem(`input ${input}: file ${shown} not found (looked for ${candidates.join(' and ')})`);
    return undefined;
  }
  const outside = outsideWorkspaceProblem(path, `input ${input}`, { env: reader.source.env });
  if (outside) {
    reader.problem(outside);
    return undefined;
  }
  const stat = statSync(path);
  if (!stat.isFile()) {
    reader.problem(`input ${input}: ${shown} is not a file`);
    return undefined;
  }
  const format: DatasetFormat | undefined = formatInput === 'auto' ? formatOf(path) : formatInput;
  if (!format) {
    reader.problem(
      `input ${input}: the format of ${shown} is not known from its name (.csv, .jsonl, .ndjson or .json): set ${name('dataset-format')}`,
    );
    return undefined;
  }
  if (stat.size > maxBytes) {
    reader.problem(
      `input ${input}: ${shown} is ${formatSize(stat.size)}, more than ${name('max-dataset-size')} ${formatSize(maxBytes)}: evaluate a sample of it, or raise ${name('max-dataset-size')}`,
    );
    return undefined;
  }
  return { shown, path, format };
}

/** `a, b, c` or one a line. */
function readList(reader: InputReader, input: string): string[] | undefined {
  const value = reader.optional(input);
  if (value === undefined) return undefined;
  const items = value
    .split(value.includes('\n') ? /\r?\n/ : ',')
    .map((item) => item.trim())
    .filter(Boolean);
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item)) reader.problem(`input ${input} names ${item} twice`);
    seen.add(item);
  }
  return items;
}

function readMetrics(reader: InputReader, input: string, task: Task): ModelMetric[] {
  const names = readList(reader, input);
  if (names === undefined) return DEFAULT_METRICS[task];
  const known = metricsOf(task);
  const metrics: ModelMetric[] = [];
  for (const item of names) {
    const metric = item.toLowerCase() as ModelMetric;
    if (known.includes(metric)) metrics.push(metric);
    else if (metric in METRICS)
      reader.problem(`input ${input}: ${item} is a ${METRICS[metric].task} metric, and task is ${task}`);
    else reader.problem(`input ${input}: unknown metric ${item} (${task}: ${known.join(', ')})`);
  }
  return metrics;
}

function readNumber(reader: InputReader, input: string): number | undefined {
  const value = reader.optional(input);
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(value) || !Number.isFinite(number)) {
    reader.problem(`input ${input} must be a number, not "${value}"`);
    return undefined;
  }
  return number;
}

function readWhole(reader: InputReader, input: string, fallback: number, max: number): number {
  const value = reader.optional(input);
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < 1 || number > max) {
    reader.problem(`input ${input} must be a whole number from 1 to ${max}, not "${value}"`);
    return fallback;
  }
  return number;
}

const UNITS: Record<string, number> = { '': 1, B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 };

/** `256MB`, `1GB`, `500KB` (binary units, as `ls -h` shows them). */
function readSize(reader: InputReader, input: string, fallback: string): number {
  const text = reader.optional(input) ?? fallback;
  const match = /^(\d+(?:\.\d+)?)\s*([KMG]?B)?$/i.exec(text);
  if (!match) {
    reader.problem(`input ${input} must be a size such as 256MB or 1GB, not "${text}"`);
    return parseSize(fallback);
  }
  return Math.round(Number(match[1]) * UNITS[(match[2] ?? '').toUpperCase()]!);
}

function parseSize(text: string): number {
  const match = /^(\d+)([KMG]B)$/.exec(text)!;
  return Number(match[1]) * UNITS[match[2]!]!;
}

export function formatSize(bytes: number): string {
  for (const [unit, size] of [
    ['GB', 1024 ** 3],
    ['MB', 1024 ** 2],
    ['KB', 1024],
  ] as const) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
  }
  return `${bytes} bytes`;
}
