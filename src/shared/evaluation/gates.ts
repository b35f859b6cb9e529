// The gates an evaluation must pass, one a line, parsed in one place so that every bad line is
// reported at once before any request, and judged on the candidate's figures:
//
//   accuracy >= 0.9                 a metric of the candidate (a share may be written 90%)
//   accuracy regression <= 0.01     how much worse than the baseline it may be (lower rmse is better,
//                                   higher accuracy: "worse" follows the metric)
//   agreement >= 95%                the share of rows both models answer alike
//   p95-latency <= 300ms            per request, as the candidate answered them
//   failed-rows <= 0                rows the candidate failed: a count, or a share (1%)
//   recall >= 0.8 per slice         in every slice of slice-by
//
// A gate fails the step with one line: `accuracy 0.871 < 0.9 (baseline 0.902)`.

import { formatMs } from '../duration.js';
import { METRICS, MODEL_METRICS } from './metrics.js';
import type { ModelMetric, Task } from './metrics.js';

export type GateSubject = ModelMetric | 'agreement' | 'p50-latency' | 'p95-latency' | 'failed-rows';
export type Operator = '>=' | '<=' | '>' | '<';

export const GATE_SUBJECTS: readonly GateSubject[] = [
  ...MODEL_METRICS,
  'agreement',
  'p50-latency',
  'p95-latency',
  'failed-rows',
];

export interface Gate {
  /** The line as written (trimmed). */
  text: string;
  subject: GateSubject;
  /** `<subject> regression <op> <value>`: how much worse than the baseline. */
  regression: boolean;
  operator: Operator;
  /** Shares as 0 to 1, latencies in ms, failed rows as a count or (share) a share. */
  threshold: number;
  /** failed-rows written as a share (`1%`). */
  share: boolean;
  perSlice: boolean;
}

export interface GateContext {
  task: Task;
  labelled: boolean;
  withBaseline: boolean;
  withSlices: boolean;
}

/** Subjects that are shares (0 to 1), so that 90% may be written for 0.9. */
const SHARES: readonly GateSubject[] = ['accuracy', 'f1', 'precision', 'recall', 'agreement', 'failed-rows'];

const LINE =
  /^([a-z0-9-]+)(\s+regression)?\s*(>=|<=|≥|≤|>|<)\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*(%|ms|s)?(\s+per\s+slice)?$/i;

/** Every gate of the input, and one problem per bad line (naming the input and the line). */
export function parseGates(
  text: string | undefined,
  context: GateContext,
  inputName = 'gates',
): { gates: Gate[]; problems: string[] } {
  const gates: Gate[] = [];
  const problems: string[] = [];
  const lines = (text ?? '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.replace(/\s+#.*$/, '').trim();
    if (line === '' || line.startsWith('#')) return;
    const where = `input ${inputName} line ${index + 1} ("${line.length > 60 ? `${line.slice(0, 59)}…` : line}")`;
    const parsed = parseGate(line, context);
    if (typeof parsed === 'string') problems.push(`${where}: ${parsed}`);
    else gates.push(parsed);
  });
  return { gates, problems };
}

function parseGate(line: string, context: GateContext): Gate | string {
  const match = LINE.exec(line);
  if (!match) {
    return 'write <metric> [regression] <op> <value> [per slice], e.g. accuracy >= 0.9, accuracy regression <= 0.01, p95-latency <= 300ms';
  }
  const [, name = '', regressionWord, op = '', number = '', unit = '', perSliceWords] = match;
  const subject = name.toLowerCase() as GateSubject;
  if (!GATE_SUBJECTS.includes(subject)) {
    return `unknown metric "${name}" (gates read ${GATE_SUBJECTS.join(', ')})`;
  }
  const regression = regressionWord !== undefined;
  const perSlice = perSliceWords !== undefined;
  const operator = ({ '≥': '>=', '≤': '<=' } as Record<string, Operator>)[op] ?? (op as Operator);
  const value = Number(number);
  const lowerUnit = unit.toLowerCase();
  const model = isModelMetric(subject) ? METRICS[subject] : undefined;

  if (model && model.task !== context.task) {
    return `${subject} is a ${model.task} metric, and task is ${context.task}`;
  }
  if (model && !context.labelled) return `${subject} needs labels: set label-column`;
  if ((regression || subject === 'agreement') && !context.withBaseline) {
    return `${regression ? `${subject} regression` : 'agreement'} compares with the baseline: set baseline`;
  }
  if (subject === 'agreement' && regression)
    return 'agreement is between the two models: it has no regression';
  if (perSlice && !context.withSlices) return '"per slice" needs slice-by';
  if (perSlice && subject.endsWith('-latency')) return 'latency is measured per request, not per slice';

  let threshold = value;
  let share = false;
  if (subject.endsWith('-latency')) {
    if (lowerUnit !== 'ms' && lowerUnit !== 's') return `give ${subject} a unit, e.g. 300ms or 1.5s`;
    threshold = lowerUnit === 's' ? value * 1000 : value;
  } else if (lowerUnit === 'ms' || lowerUnit === 's') {
    return `${subject} is not a duration`;
  } else if (lowerUnit === '%') {
    if (!SHARES.includes(subject)) return `${subject} is not a share: write a number, without %`;
    threshold = value / 100;
    share = subject === 'failed-rows';
  } else if (subject === 'failed-rows' && !Number.isInteger(value)) {
    return 'failed-rows is a number of rows, or a share with % (e.g. 1%)';
  }
  // A negative regression asks for an improvement; r2 can be negative; nothing else is.
  if (threshold < 0 && !regression && subject !== 'r2') return `${subject} is never negative`;
  return { text: line, subject, regression, operator, threshold, share, perSlice };
}

export function isModelMetric(subject: string): subject is ModelMetric {
  return (MODEL_METRICS as readonly string[]).includes(subject);
}

/** Whether a higher value of the subject is the better one (a gate's "worse" follows it). */
export function higherIsBetter(subject: GateSubject): boolean {
  if (subject === 'agreement') return true;
  if (subject === 'p50-latency' || subject === 'p95-latency' || subject === 'failed-rows') return false;
  return METRICS[subject].higherIsBetter;
}

export function holds(value: number, operator: Operator, threshold: number): boolean {
  switch (operator) {
    case '>=':
      return value >= threshold;
    case '<=':
      return value <= threshold;
    case '>':
      return value > threshold;
    case '<':
      return value < threshold;
  }
}

/** The operator that says a value missed: `<` for a missed `>=`. */
export function missed(operator: Operator): string {
  return { '>=': '<', '<=': '>', '>': '≤', '<': '≥' }[operator];
}

/** What a gate reads of one scope (the whole dataset, or a slice). */
export interface GateFigures {
  /** The subject's value for the candidate, or for the baseline; undefined where there is none. */
  candidate(subject: GateSubject): number | undefined;
  baseline(subject: GateSubject): number | undefined;
  /** The rows of the scope (for failed-rows as a share). */
  rows: number;
  /** `slice color=red`, for per-slice lines; '' for the whole dataset. */
  name: string;
}

export interface GateResult {
  gate: string;
  passed: boolean;
  /** `accuracy 0.871 < 0.9 (baseline 0.902)`. */
  line: string;
  /** The value judged (a regression: the amount worse); undefined when it could not be computed. */
  value: number | undefined;
  threshold: number;
  candidate: number | undefined;
  baseline: number | undefined;
}

/** One result per gate: the whole dataset's figures, or for a per-slice gate every slice's. */
export function judgeGates(gates: Gate[], overall: GateFigures, slices: GateFigures[]): GateResult[] {
  return gates.map((gate) => {
    if (!gate.perSlice) return judge(gate, overall);
    const results = slices.map((slice) => judge(gate, slice));
    const failed = results.filter((result) => !result.passed);
    if (failed.length === 0) {
      return {
        ...judge(gate, overall),
        passed: true,
        line: `${gate.text}: every slice passes (${slices.length})`,
      };
    }
    const worst = failed[0]!;
    return {
      ...worst,
      line: `${worst.line}${failed.length > 1 ? `; ${failed.length} of ${slices.length} slices fail` : ''}`,
    };
  });
}

function judge(gate: Gate, figures: GateFigures): GateResult {
  const { subject } = gate;
  const candidate = figureOf(gate, figures, 'candidate');
  const baseline = figureOf(gate, figures, 'baseline');
  const worse = higherIsBetter(subject) ? -1 : 1;
  const value =
    gate.regression && candidate !== undefined && baseline !== undefined
      ? worse * (candidate - baseline)
      : gate.regression
        ? undefined
        : candidate;
  const where = figures.name ? ` in ${figures.name}` : '';
  const base = { gate: gate.text, threshold: gate.threshold, candidate, baseline, value };
  if (value === undefined) {
    const missing = candidate === undefined ? 'the candidate' : 'the baseline';
    return {
      ...base,
      passed: false,
      line: `${gate.regression ? `${subject} regression` : subject}${where}: no value for ${missing} (no row answered${subject === 'r2' ? ', or the labels do not vary' : ''})`,
    };
  }
  const passed = holds(value, gate.operator, gate.threshold);
  const show = (n: number) => formatFigure(subject, n, gate);
  const comparison = passed ? gate.operator.replace('>=', '≥').replace('<=', '≤') : missed(gate.operator);
  const line = gate.regression
    ? `${subject} regression${where} ${show(value)} ${comparison} ${show(gate.threshold)} (${show(candidate!)} against baseline ${show(baseline!)})`
    : `${subject}${where} ${show(value)} ${comparison} ${show(gate.threshold)}${baseline !== undefined ? ` (baseline ${show(baseline)})` : ''}`;
  return { ...base, passed, line };
}

function figureOf(gate: Gate, figures: GateFigures, model: 'candidate' | 'baseline'): number | undefined {
  const value = figures[model](gate.subject);
  if (value === undefined || gate.subject !== 'failed-rows' || !gate.share) return value;
  return figures.rows > 0 ? value / figures.rows : undefined;
}

/** A figure as a gate line shows it: `0.871`, `412 ms`, `12`, `1.2%`. */
export function formatFigure(subject: GateSubject, value: number, gate?: Pick<Gate, 'share'>): string {
  if (subject.endsWith('-latency')) return formatMs(value);
  if (subject === 'failed-rows')
    return gate?.share ? `${Number((value * 100).toPrecision(3))}%` : String(value);
  return formatNumber(value);
}

/** A metric's value: four significant digits, no exponent for ordinary sizes. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const rounded = Number(value.toPrecision(4));
  return Math.abs(rounded) >= 1e-4 && Math.abs(rounded) < 1e9 ? String(rounded) : rounded.toExponential(3);
}
