// One evaluation from the spec to the report, as the evaluate action and the canary's gate both run
// it: the dataset checked whole (check.ts), the models' URLs found and waited for until they serve
// (the shared model-query, as predict does), the rows sent (evaluation.ts), the report built, logged
// and written to its JSON file. What is done with the report (outputs, summaries, failing the step,
// rolling back) is the caller's.

import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import { ModelRefusedError, queryModel } from '../action/model-query.js';
import type { ModelTarget } from '../action/model-query.js';
import type { TokenSource } from '../odahu/auth.js';
import { ModelClient } from '../odahu/client.js';
import type { OdahuClient } from '../odahu/client.js';
import { displayUrl } from '../odahu/errors.js';
import { checkDataset } from './check.js';
import { evaluationChart } from './charts.js';
import type { Chart } from '../github/mermaid-chart.js';
import { runEvaluation } from './evaluation.js';
import type { ModelUnderTest } from './evaluation.js';
import { buildReport } from './report.js';
import type { EvaluationReport } from './report.js';
import type { EvaluationSpec } from './spec.js';
import { logReport, outcomeLine } from './summary.js';
import type { Role } from './tally.js';
import { logLine } from './values.js';
import { logText } from '../odahu/untrusted-text.js';

export interface ModelsToEvaluate {
  spec: EvaluationSpec;
  candidate: ModelTarget;
  baseline: ModelTarget | undefined;
  /** The API client, to find a deployment's URL. */
  client: OdahuClient;
  /** The models' credentials. */
  tokens: TokenSource;
  /** How long a model may take to serve (its URL, then its first answer). */
  readyTimeoutMs: number;
  /** The model client's retry budget: retry-timeout. */
  retryTimeoutMs: number;
  signal: AbortSignal;
  /** Where the JSON report goes; default a new file in RUNNER_TEMP. */
  reportFile?: string;
}

export interface EvaluationResult {
  report: EvaluationReport;
  /** The JSON file holding the report. */
  reportFile: string;
  chart: Chart | undefined;
}

export async function evaluateModels(input: ModelsToEvaluate): Promise<EvaluationResult> {
  const { spec, signal } = input;
  const layout = await checkDataset(spec, signal);
  core.info(
    `Dataset ${logLine(spec.dataset.shown)}: ${layout.rows} rows (${spec.dataset.format}); features ${logLine(layout.featureNames.join(', '), 300)}` +
      `${spec.labelColumn !== undefined ? `; label ${logLine(spec.labelColumn)}` : '; no labels: the two models are compared'}` +
      `${spec.sliceBy.length > 0 ? `; slices by ${logLine(spec.sliceBy.join(', '))}` : ''}.`,
  );
  const targets: [Role, ModelTarget][] = [['candidate', input.candidate]];
  if (input.baseline) targets.push(['baseline', input.baseline]);
  const models = await Promise.all(targets.map(([role, target]) => serving(role, target, input)));
  try {
    const outcome = await runEvaluation({ spec, layout, models, signal });
    const report = buildReport({
      spec,
      layout,
      tally: outcome.tally,
      models: Object.fromEntries(
        models.map((model) => [
          model.role,
          { target: model.shown, url: model.url, requests: outcome.requests[model.role] ?? 0 },
        ]),
      ),
      durationMs: outcome.durationMs,
    });
    core.info(logText(`Evaluated ${outcomeLine(report)}.`));
    logReport(report);
    const reportFile =
      input.reportFile ?? join(process.env.RUNNER_TEMP ?? tmpdir(), `odahu-evaluation-${randomUUID()}.json`);
    writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
    return { report, reportFile, chart: evaluationChart(report, outcome.tally) };
  } finally {
    for (const model of models) model.client.dispose();
  }
}

/** The model's URL (a deployment's is looked up), once it serves: its info read, or refused. */
async function serving(role: Role, target: ModelTarget, input: ModelsToEvaluate): Promise<ModelUnderTest> {
  const retry = { policy: { budgetMs: input.retryTimeoutMs } };
  let url: string;
  try {
    ({ url } = await queryModel(input.client, {
      target,
      request: undefined,
      tokens: input.tokens,
      readyTimeoutMs: input.readyTimeoutMs,
      signal: input.signal,
      retry,
    }));
  } catch (error) {
    // It answers, if not its info: the rows will tell.
    if (!(error instanceof ModelRefusedError) || [401, 403, 404].includes(error.refusal.status)) throw error;
    url = error.url;
  }
  const shown = 'deployment' in target ? target.deployment : displayUrl(target.url);
  core.info(logText(`The ${role} ${shown} serves at ${displayUrl(url)}.`));
  return { role, shown, url, client: new ModelClient({ url, tokens: input.tokens, retry }) };
}
