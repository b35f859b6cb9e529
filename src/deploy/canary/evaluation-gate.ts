// The evaluation as a canary's gate (deploy's and the pipeline's evaluate-dataset): once the new
// version serves at its own URL, and before any traffic moves to it, it is evaluated against the
// version serving (on a first release, alone: gates that compare with a baseline are left out), with
// the evaluate action's code. The evaluation's tables and chart join the deploy step's summary and
// report; a failed gate throws, and the rollout rolls back.

import * as core from '@actions/core';
import type { CanaryRelease } from './rollout.js';
import type { StepContext } from '../../shared/action/step.js';
import type { TokenSource } from '../../shared/odahu/auth.js';
import type { OdahuClient } from '../../shared/odahu/client.js';
import type { GitHubReport } from '../../shared/github/step-report.js';
import { evaluateModels } from '../../shared/evaluation/evaluate.js';
import type { EvaluationSpec } from '../../shared/evaluation/spec.js';
import { evaluationTables, writeEvaluationSummary } from '../../shared/evaluation/summary.js';
import { logText } from '../../shared/odahu/untrusted-text.js';

/** How long a version that serves may take to answer the evaluation's first request at its URL. */
const READY_MS = 60_000;

export interface CanaryGate {
  spec: EvaluationSpec;
  ctx: StepContext;
  client: OdahuClient;
  tokens: TokenSource;
  retryTimeoutMs: number;
  report: GitHubReport;
}

export function evaluationBeforeTraffic(gate: CanaryGate): NonNullable<CanaryRelease['beforeTraffic']> {
  return async (candidate, live) => {
    const compared = gate.spec.gates.filter((g) => g.regression || g.subject === 'agreement');
    const spec = live
      ? gate.spec
      : { ...gate.spec, gates: gate.spec.gates.filter((g) => !compared.includes(g)) };
    core.info(
      logText(
        live
          ? `Evaluating ${candidate} against ${live} before any traffic moves to it.`
          : `Evaluating ${candidate} before it serves at the stable URL (a first release: nothing to compare with${compared.length > 0 ? `; not judged: ${compared.map((g) => g.text).join(', ')}` : ''}).`,
      ),
    );
    const result = await evaluateModels({
      spec,
      candidate: { deployment: candidate },
      baseline: live ? { deployment: live } : undefined,
      client: gate.client,
      tokens: gate.tokens,
      readyTimeoutMs: READY_MS,
      retryTimeoutMs: gate.retryTimeoutMs,
      signal: gate.ctx.signal,
    });
    const { report } = result;
    core.setOutput('evaluation-passed', String(report.passed));
    core.setOutput('evaluation-report', result.reportFile);
    const tables = evaluationTables(report);
    for (const table of tables)
      gate.report.addTable({ ...table, heading: `Evaluation: ${table.heading.toLowerCase()}` });
    if (result.chart) gate.report.addChart(result.chart);
    await writeEvaluationSummary(report, tables, result.chart);
    const failed = report.gates.filter((g) => !g.passed).map((g) => g.line);
    if (failed.length > 0) {
      throw new Error(`${candidate} failed the evaluation before traffic: ${failed.join('; ')}`);
    }
  };
}
