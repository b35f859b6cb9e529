// The evaluation as people read it: lines in the job log, the job summary, and the step's section of
// the pull request's report: a table of metrics (baseline, candidate, delta, gate), the worst slices,
// the failed rows by reason, a chart, and the gates' lines. Names and values from the dataset and the
// models are untrusted: they reach the log and the markdown only through untrusted-text.ts (cut here, made inert or escaped there).

import * as core from '@actions/core';
import { formatMs } from '../duration.js';
import { escapeHtml } from '../action/summary.js';
import type { Chart } from '../github/mermaid-chart.js';
import { renderChart } from '../github/mermaid-chart.js';
import type { ReportTable } from '../github/report-section.js';
import { formatNumber } from './gates.js';
import type { GateResult } from './gates.js';
import type { ModelMetric } from './metrics.js';
import { keyMetric, worstSlices } from './report.js';
import type { EvaluationReport, SliceFigures } from './report.js';
import { cutText, logText, markdownCode, markdownText } from '../odahu/untrusted-text.js';

const WORST_SLICES = 5;

/** The metrics table: one row per metric, then agreement, failed rows and latencies. */
export function metricsTable(report: EvaluationReport): ReportTable {
  const withBaseline = report.baseline !== undefined;
  const rows: string[][] = [];
  const gateCell = (subject: string) =>
    report.gates
      .filter((gate) => gate.gate.split(/\s/)[0]?.toLowerCase() === subject)
      .map((gate) => `${gate.passed ? '✅' : '❌'} ${gateCondition(gate)}`)
      .join('; ');
  const number = (value: number | null | undefined) =>
    value === null || value === undefined ? '–' : formatNumber(value);
  const signed = signedValue;
  const { overall } = report;
  for (const metric of report.metrics) {
    rows.push([
      metric,
      withBaseline ? number(overall.baseline?.metrics[metric]) : '–',
      number(overall.candidate.metrics[metric]),
      withBaseline ? signed(overall.delta[metric]) : '–',
      gateCell(metric),
    ]);
  }
  if (withBaseline) {
    const tolerance = report.agreementTolerance ? ` (within ${formatNumber(report.agreementTolerance)})` : '';
    rows.push([`agreement${tolerance}`, '–', share(overall.agreement), '–', gateCell('agreement')]);
  }
  const failed = (figures: { failed: number } | undefined) =>
    figures ? `${figures.failed} of ${overall.rows}` : '–';
  rows.push([
    'failed rows',
    withBaseline ? failed(overall.baseline) : '–',
    failed(overall.candidate),
    withBaseline ? signed(overall.candidate.failed - overall.baseline!.failed) : '–',
    gateCell('failed-rows'),
  ]);
  for (const [label, key, subject] of [
    ['p50 latency', 'p50', 'p50-latency'],
    ['p95 latency', 'p95', 'p95-latency'],
  ] as const) {
    const c = report.candidate.latencyMs[key];
    const b = report.baseline?.latencyMs[key];
    rows.push([
      label,
      withBaseline ? ms(b) : '–',
      ms(c),
      withBaseline && c !== null && b !== null && b !== undefined
        ? `${c - b > 0 ? '+' : ''}${formatMs(c - b)}`
        : '–',
      gateCell(subject),
    ]);
  }
  return {
    heading: 'Metrics',
    columns: ['Metric', 'Baseline', 'Candidate', 'Delta', 'Gate'],
    rows,
    note: `${report.overall.rows} rows of ${cutText(report.dataset.file, 120)}`,
  };
}

function gateCondition(gate: GateResult): string {
  const words = gate.gate.split(/\s+/).slice(1).join(' ');
  return words.replace('>=', '≥').replace('<=', '≤');
}

const signedValue = (value: number | null | undefined) =>
  value === null || value === undefined ? '–' : `${value > 0 ? '+' : ''}${formatNumber(value)}`;
const share = (value: number | null | undefined) =>
  value === null || value === undefined ? '–' : `${Number((value * 100).toFixed(1))}%`;
const ms = (value: number | null | undefined) =>
  value === null || value === undefined ? '–' : formatMs(value);

/** The worst slices: by the key metric (its loss against the baseline), or by agreement. */
export function slicesTable(report: EvaluationReport): ReportTable | undefined {
  if (report.slices.length === 0) return undefined;
  const metric = keyMetric(report);
  const worst = worstSlices(report, WORST_SLICES);
  const name = (slice: SliceFigures) => cutText(`${slice.column}=${slice.value}`, 60);
  const failed = (slice: SliceFigures) =>
    `${slice.candidate.failed}${slice.baseline ? ` / ${slice.baseline.failed}` : ''}`;
  if (!metric) {
    return {
      heading: 'Worst slices',
      columns: ['Slice', 'Rows', 'Agreement', 'Failed rows (candidate / baseline)'],
      rows: worst.map((slice) => [name(slice), String(slice.rows), share(slice.agreement), failed(slice)]),
      note: `by agreement; ${report.slices.length} slices`,
    };
  }
  const value = (v: number | null | undefined) => (v === null || v === undefined ? '–' : formatNumber(v));
  return {
    heading: 'Worst slices',
    columns: ['Slice', 'Rows', `${metric} baseline`, `${metric} candidate`, 'Delta', 'Failed rows'],
    rows: worst.map((slice) => [
      name(slice),
      String(slice.rows),
      value(slice.baseline?.metrics[metric]),
      value(slice.candidate.metrics[metric]),
      signedValue(slice.delta[metric]),
      failed(slice),
    ]),
    note: `by ${report.baseline ? `the candidate's loss of ${metric} against the baseline` : metric}; ${report.slices.length} slices`,
  };
}

/** The failed rows by model and reason, when any failed. */
export function failuresTable(report: EvaluationReport): ReportTable | undefined {
  const rows = (['candidate', 'baseline'] as const).flatMap((role) =>
    (report[role]?.failures ?? []).map((failure) => [
      role,
      String(failure.rows),
      cutText(failure.first, 120),
      cutText(failure.reason, 200),
    ]),
  );
  return rows.length === 0
    ? undefined
    : { heading: 'Failed rows', columns: ['Model', 'Rows', 'First', 'Answer'], rows };
}

/** The tables an evaluation shows in a job summary and a pull request's report: metrics, then slices and failures when it has them. */
export function evaluationTables(report: EvaluationReport): ReportTable[] {
  return [metricsTable(report), slicesTable(report), failuresTable(report)].flatMap((table) =>
    table ? [table] : [],
  );
}

/** The log: what was compared, the metrics, the worst slices, the failures, the gates. */
export function logReport(report: EvaluationReport): void {
  const table = metricsTable(report);
  const widths = table.columns.map((column, i) =>
    Math.max(column.length, ...table.rows.map((row) => row[i]!.length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  core.info(`Metrics (${logText(table.note ?? '')}):`);
  core.info(`  ${line(table.columns)}`);
  for (const row of table.rows) core.info(`  ${logText(line(row))}`);
  const slices = slicesTable(report);
  if (slices) {
    core.info(`Worst slices (${logText(slices.note ?? '')}):`);
    for (const row of slices.rows) {
      core.info(
        `  ${logText(row[0]!)}: ${row
          .slice(1)
          .map((cell, i) => `${slices.columns[i + 1]} ${cell}`)
          .join(', ')}`,
      );
    }
  }
  for (const role of ['candidate', 'baseline'] as const) {
    for (const failure of report[role]?.failures ?? []) {
      core.info(
        `The ${role} failed ${failure.rows} row${failure.rows === 1 ? '' : 's'} (first at ${logText(cutText(failure.first, 120))}): ${logText(cutText(failure.reason, 200))}`,
      );
    }
  }
  for (const gate of report.gates) core.info(`${gate.passed ? '✓' : '✗'} ${gate.line}`);
}

/** The outcome in one line, for the log and the summary. */
export function outcomeLine(report: EvaluationReport): string {
  const against = report.baseline ? ` against ${report.baseline.target}` : '';
  const gates = report.gates.length;
  const failed = report.gates.filter((gate) => !gate.passed).length;
  const verdict =
    gates === 0
      ? 'no gates'
      : failed === 0
        ? `passed ${gates} gate${gates === 1 ? '' : 's'}`
        : `failed ${failed} of ${gates} gates`;
  return `${report.candidate.target}${against} on ${report.overall.rows} rows: ${verdict} (${report.rowsPerSecond} rows/s)`;
}

/**
 * The job summary: the outcome, the tables, the chart, the gates. The outcome and the gates' lines are
 * the workflow's own words and numbers (escaped); names and values from the dataset or the models go
 * through markdownText and markdownCode.
 */
export async function writeEvaluationSummary(
  report: EvaluationReport,
  tables: ReportTable[],
  chart: Chart | undefined,
): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const summary = core.summary
    .addHeading(`Evaluation of ${markdownCode(report.candidate.target)}`, 4)
    .addRaw(`<p>${report.passed ? '✅' : '❌'} ${escapeHtml(outcomeLine(report))}</p>`, true);
  for (const table of tables) {
    summary.addRaw(
      `<p><b>${markdownText(table.heading)}</b>${table.note ? ` (${markdownText(table.note, 1000)})` : ''}</p>`,
      true,
    );
    summary.addTable([
      table.columns.map((data) => ({ data: markdownText(data), header: true })),
      ...table.rows.map((row) => row.map((cell) => markdownCode(cell))),
    ]);
  }
  if (chart) summary.addRaw(`\n${renderChart(chart, (text) => markdownText(text, 1000))}\n`, true);
  if (report.gates.length > 0) {
    summary.addRaw(
      `<p>${report.gates.map((gate) => `${gate.passed ? '✅' : '❌'} ${escapeHtml(gate.line)}`).join('<br>')}</p>`,
      true,
    );
  }
  await summary.write();
}

/** The candidate's metric outputs: every metric of the task, agreement, latencies, failed rows. */
export function metricOutputs(report: EvaluationReport, all: ModelMetric[]): Record<string, string> {
  const value = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  const { overall, candidate } = report;
  return {
    ...Object.fromEntries(all.map((metric) => [metric, value(overall.candidate.metrics[metric])])),
    agreement: value(overall.agreement),
    'failed-rows': String(overall.candidate.failed),
    'p50-latency-ms': value(candidate.latencyMs.p50),
    'p95-latency-ms': value(candidate.latencyMs.p95),
  };
}
