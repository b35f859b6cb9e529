// The evaluate action: the candidate (and the baseline) asked for every row of the dataset, the
// metrics, slices, agreement and latencies compared, the report written (JSON file, outputs, job
// summary, the pull request's report), and the step failed with one line per failed gate.

import * as core from '@actions/core';
import { now } from '../shared/clock.js';
import type { StepContext } from '../shared/action/step.js';
import { writeSummary } from '../shared/action/summary.js';
import { tokenSourceFor } from '../shared/odahu/auth.js';
import { OdahuClient } from '../shared/odahu/client.js';
import { displayUrl } from '../shared/odahu/errors.js';
import { logText } from '../shared/odahu/untrusted-text.js';
import { GitHubReport } from '../shared/github/step-report.js';
import { evaluateModels } from '../shared/evaluation/evaluate.js';
import type { EvaluateInputs } from './inputs.js';
import { metricsOf } from '../shared/evaluation/metrics.js';
import {
  evaluationTables,
  metricOutputs,
  outcomeLine,
  writeEvaluationSummary,
} from '../shared/evaluation/summary.js';

export async function evaluate(ctx: StepContext, inputs: EvaluateInputs): Promise<void> {
  const started = now();
  const { settings, spec, candidate } = inputs;
  const apiTokens = tokenSourceFor(settings.credentials, settings.retryTimeoutMs);
  const client = OdahuClient.fromSettings(settings, { tokens: apiTokens });
  const shown = 'url' in candidate ? displayUrl(candidate.url) : candidate.deployment;
  const report = new GitHubReport(ctx, inputs.github, 'Odahu evaluate', shown);
  try {
    await report.around(async () => {
      const result = await evaluateModels({
        spec,
        candidate,
        baseline: inputs.baseline,
        client,
        tokens: inputs.modelCredentials
          ? tokenSourceFor(inputs.modelCredentials, settings.retryTimeoutMs)
          : apiTokens,
        readyTimeoutMs: inputs.readyTimeoutMs,
        retryTimeoutMs: settings.retryTimeoutMs,
        signal: ctx.signal,
        reportFile: inputs.reportFile,
      });
      const evaluation = result.report;
      core.setOutput('passed', String(evaluation.passed));
      core.setOutput('report', result.reportFile);
      for (const [name, value] of Object.entries(metricOutputs(evaluation, metricsOf(spec.task)))) {
        core.setOutput(name, value);
      }
      report.served(evaluation.candidate.url);
      report.rows.push({
        kind: 'Evaluation',
        id: shown,
        action: evaluation.baseline ? `compared with ${evaluation.baseline.target}` : 'evaluated',
        state: evaluation.gates.length === 0 ? 'no gates' : evaluation.passed ? 'passed' : 'failed',
        durationMs: now() - started,
        outputs: { rows: String(evaluation.overall.rows), 'rows/s': String(evaluation.rowsPerSecond) },
      });
      const tables = evaluationTables(evaluation);
      for (const table of tables) report.addTable(table);
      if (result.chart) report.addChart(result.chart);
      await writeSummary('Odahu evaluate', report.rows);
      await writeEvaluationSummary(evaluation, tables, result.chart);
      if (!evaluation.passed) {
        // One line per failed gate: `accuracy 0.871 < 0.9 (baseline 0.902)`.
        throw new Error(
          evaluation.gates
            .filter((gate) => !gate.passed)
            .map((gate) => gate.line)
            .join('\n'),
        );
      }
      core.info(logText(`Passed: ${outcomeLine(evaluation)}.`));
    });
  } finally {
    client.dispose();
  }
}
