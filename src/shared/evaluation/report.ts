// The evaluation's numbers as plain data: per model and per scope (the whole dataset, each slice) the
// rows answered and failed and every metric of the task, their deltas, the agreement, the latencies,
// the failures by reason, the gates' results. The report output is this as a JSON file; the log, the
// job summary and the pull request's report (summary.ts) are made from it.

import { percentile } from '../percentile.js';
import { ACTIONS_VERSION } from '../version.js';
import type { DatasetLayout } from './check.js';
import type { DatasetFormat } from './dataset.js';
import { judgeGates } from './gates.js';
import type { GateFigures, GateResult, GateSubject } from './gates.js';
import { isModelMetric } from './gates.js';
import { METRICS, metricsOf } from './metrics.js';
import type { ModelMetric, Task } from './metrics.js';
import type { EvaluationSpec } from './spec.js';
import type { FailureReason, Role, ScopeTally, Tally } from './tally.js';

export interface ModelFigures {
  answered: number;
  failed: number;
  /** Every metric of the task (with labels); null where it has no value. */
  metrics: Partial<Record<ModelMetric, number | null>>;
}

export interface ScopeFigures {
  rows: number;
  candidate: ModelFigures;
  baseline: ModelFigures | undefined;
  /** Candidate minus baseline, per metric. */
  delta: Partial<Record<ModelMetric, number | null>>;
  /** The share of rows both answered alike (of those both answered); null without any. */
  agreement: number | null | undefined;
}

export interface SliceFigures extends ScopeFigures {
  column: string;
  value: string;
}

export interface ModelSummary {
  /** The deployment id or URL as given. */
  target: string;
  url: string;
  requests: number;
  latencyMs: { p50: number | null; p95: number | null };
  failures: FailureReason[];
}

export interface EvaluationReport {
  version: string;
  dataset: { file: string; format: DatasetFormat; rows: number };
  task: Task;
  threshold: number | undefined;
  labelColumn: string | undefined;
  features: string[];
  sliceBy: string[];
  /** The metrics shown and output (gates may have read others). */
  metrics: ModelMetric[];
  agreementTolerance: number | undefined;
  candidate: ModelSummary;
  baseline: ModelSummary | undefined;
  overall: ScopeFigures;
  slices: SliceFigures[];
  gates: GateResult[];
  passed: boolean;
  durationMs: number;
  rowsPerSecond: number;
  /** Requests sent again in halves to find the rows refused batches failed on. */
  splitRequests: number;
}

export interface ReportInputs {
  spec: EvaluationSpec;
  layout: DatasetLayout;
  tally: Tally;
  models: Partial<Record<Role, { target: string; url: string; requests: number }>>;
  durationMs: number;
}

export function buildReport({ spec, layout, tally, models, durationMs }: ReportInputs): EvaluationReport {
  const labelled = layout.label !== undefined;
  const all = labelled ? metricsOf(spec.task) : [];
  const overall = scopeFigures(tally.overall, all);
  const slices = [...tally.slices.values()].map(({ column, value, tally: scope }) => ({
    column,
    value,
    ...scopeFigures(scope, all),
  }));
  const summary = (role: Role): ModelSummary | undefined => {
    const model = models[role];
    if (!model) return undefined;
    const latencies = tally.latenciesMs[role] ?? [];
    const at = (share: number) => (latencies.length > 0 ? Math.round(percentile(latencies, share)) : null);
    return {
      target: model.target,
      url: model.url,
      requests: model.requests,
      latencyMs: { p50: at(0.5), p95: at(0.95) },
      failures: tally.failures[role] ?? [],
    };
  };
  const candidate = summary('candidate')!;
  const baseline = summary('baseline');
  const gates = judgeGates(
    spec.gates,
    gateFigures(overall, '', candidate, baseline),
    slices.map((slice) => gateFigures(slice, `slice ${slice.column}=${slice.value}`, undefined, undefined)),
  );
  return {
    version: ACTIONS_VERSION,
    dataset: { file: spec.dataset.shown, format: spec.dataset.format, rows: layout.rows },
    task: spec.task,
    threshold: spec.threshold,
    labelColumn: spec.labelColumn,
    features: layout.featureNames,
    sliceBy: spec.sliceBy,
    metrics: labelled ? spec.metrics : [],
    agreementTolerance: spec.task === 'regression' && baseline ? spec.agreementTolerance : undefined,
    candidate,
    baseline,
    overall,
    slices,
    gates,
    passed: gates.every((gate) => gate.passed),
    durationMs: Math.round(durationMs),
    rowsPerSecond: Math.round(layout.rows / Math.max(durationMs / 1000, 0.001)),
    splitRequests: tally.splitRequests,
  };
}

function scopeFigures(scope: ScopeTally, metrics: ModelMetric[]): ScopeFigures {
  const modelFigures = (role: Role): ModelFigures | undefined => {
    const model = scope.models[role];
    if (!model) return undefined;
    return {
      answered: model.answered,
      failed: model.failed,
      metrics: Object.fromEntries(metrics.map((name) => [name, model.score?.value(name) ?? null])),
    };
  };
  const candidate = modelFigures('candidate')!;
  const baseline = modelFigures('baseline');
  const delta = Object.fromEntries(
    metrics.map((name) => {
      const c = candidate.metrics[name];
      const b = baseline?.metrics[name];
      return [name, c !== null && c !== undefined && b !== null && b !== undefined ? c - b : null];
    }),
  );
  return {
    rows: scope.rows,
    candidate,
    baseline,
    delta,
    agreement: scope.agreement ? (scope.agreement.share ?? null) : undefined,
  };
}

function gateFigures(
  scope: ScopeFigures,
  name: string,
  candidate: ModelSummary | undefined,
  baseline: ModelSummary | undefined,
): GateFigures {
  const read =
    (figures: ModelFigures | undefined, model: ModelSummary | undefined) =>
    (subject: GateSubject): number | undefined => {
      if (!figures) return undefined;
      if (isModelMetric(subject)) return figures.metrics[subject] ?? undefined;
      if (subject === 'failed-rows') return figures.failed;
      if (subject === 'agreement') return scope.agreement ?? undefined;
      const latency = subject === 'p50-latency' ? model?.latencyMs.p50 : model?.latencyMs.p95;
      return latency ?? undefined;
    };
  return {
    rows: scope.rows,
    name,
    candidate: read(scope.candidate, candidate),
    // Agreement is the pair's, not the baseline's own.
    baseline: (subject) => (subject === 'agreement' ? undefined : read(scope.baseline, baseline)(subject)),
  };
}

/**
 * The slices a reader should look at first: those where the candidate does worst on `metric` (with
 * a baseline: where it lost most against it), or without labels where the two agree least.
 */
export function worstSlices(report: EvaluationReport, count: number): SliceFigures[] {
  const metric = keyMetric(report);
  const badness = (slice: SliceFigures): number => {
    if (!metric)
      return slice.agreement === null || slice.agreement === undefined ? -Infinity : -slice.agreement;
    const worse = METRICS[metric].higherIsBetter ? -1 : 1;
    const value = report.baseline ? slice.delta[metric] : slice.candidate.metrics[metric];
    return value === null || value === undefined ? -Infinity : worse * value;
  };
  return [...report.slices].sort((a, b) => badness(b) - badness(a)).slice(0, count);
}

/** The metric slices are ranked by: the first a gate reads, else the first shown. */
export function keyMetric(report: EvaluationReport): ModelMetric | undefined {
  if (report.labelColumn === undefined) return undefined;
  const gated = report.gates
    .map((gate) => gate.gate.split(/\s/)[0])
    .find((name) => name && isModelMetric(name));
  return (gated as ModelMetric | undefined) ?? report.metrics[0];
}
