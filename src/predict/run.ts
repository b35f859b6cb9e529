// The predict action: ask the model (its URL given, or its deployment's), and put the answer in the
// outputs, a file and the job summary. A refusal fails the step and shows the model's answer whole.

import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import { ModelRefusedError, queryModel } from '../shared/action/model-query.js';
import { printUntrusted } from '../shared/action/pod-log.js';
import type { StepContext } from '../shared/action/step.js';
import { writeSummary } from '../shared/action/summary.js';
import { tokenSourceFor } from '../shared/odahu/auth.js';
import { predictionTable } from '../shared/github/report-section.js';
import { GitHubReport } from '../shared/github/step-report.js';
import { OdahuClient } from '../shared/odahu/client.js';
import { displayUrl } from '../shared/odahu/errors.js';
import type { PredictInputs } from './inputs.js';

export async function predict(ctx: StepContext, inputs: PredictInputs): Promise<void> {
  const started = Date.now();
  const { settings } = inputs;
  const apiTokens = tokenSourceFor(settings.credentials, settings.retryTimeoutMs);
  const client = OdahuClient.fromSettings(settings, { tokens: apiTokens });
  const { target } = inputs;
  const shownTarget = 'url' in target ? displayUrl(target.url) : target.deployment;
  const report = new GitHubReport(
    inputs.github,
    inputs.info ? 'Odahu model info' : 'Odahu predict',
    shownTarget,
  );
  try {
    await report.around(async () => {
      if ('url' in target) report.served(shownTarget);
      const { url, answer } = await queryModel(client, {
        target,
        request: inputs.info ? undefined : inputs.request,
        tokens: inputs.modelCredentials
          ? tokenSourceFor(inputs.modelCredentials, settings.retryTimeoutMs)
          : apiTokens,
        readyTimeoutMs: inputs.readyTimeoutMs,
        signal: ctx.signal,
        retry: { policy: { budgetMs: settings.retryTimeoutMs } },
      }).catch((error: unknown) => {
        if (error instanceof ModelRefusedError) showRefusal(error);
        throw error;
      });
      report.served(displayUrl(url));
      const response = JSON.stringify(answer.body);
      core.setOutput('response', response);
      core.setOutput('response-file', writeResponse(response, inputs.outputFile));
      core.setOutput('status-code', String(answer.status));
      core.info(inputs.info ? `Model info: ${describeInfo(answer.body)}` : `Prediction: ${response}`);
      report.rows.push({
        kind: 'Model',
        id: shownTarget,
        action: inputs.info ? 'info' : 'predicted',
        state: String(answer.status),
        durationMs: Date.now() - started,
        outputs: { response: truncate(response, 300) },
      });
      const prediction = inputs.info ? undefined : predictionTable(answer.body);
      if (prediction) report.addTable(prediction);
      await writeSummary('Odahu predict', report.rows);
    });
  } finally {
    client.dispose();
  }
}

/** The model's refusal whole in the log, and its status and body in the outputs. */
function showRefusal({ refusal }: ModelRefusedError): void {
  core.info(`The model answered ${refusal.status}:`);
  printUntrusted(refusal.body || '(empty body)');
  core.setOutput('status-code', String(refusal.status));
  core.setOutput('response', refusal.body);
}

function writeResponse(response: string, outputFile: string | undefined): string {
  const path = outputFile ?? join(process.env.RUNNER_TEMP ?? tmpdir(), `odahu-response-${randomUUID()}.json`);
  writeFileSync(path, response + '\n');
  return path;
}

export function describeInfo(body: unknown): string {
  const info = (body as { info?: { title?: unknown; version?: unknown } } | null)?.info;
  return info ? `${String(info.title)} ${String(info.version)}` : 'no info section';
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
