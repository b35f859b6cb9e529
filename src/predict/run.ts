// The predict action: ask the model (its URL given, or its deployment's), and put the answer in the
// outputs, a file and the job summary. A refusal fails the step and shows the model's answer (its
// first 4,000 characters). What the model says is untrusted text: the log gets it through
// untrusted-text.ts, cut at MAX_LOGGED_ANSWER characters; the response output holds it up to
// MAX_RESPONSE_OUTPUT characters (GitHub's limit for an output), response-file always whole.

import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import { ModelRefusedError, queryModel } from '../shared/action/model-query.js';
import type { StepContext } from '../shared/action/step.js';
import { writeSummary } from '../shared/action/summary.js';
import { tokenSourceFor } from '../shared/odahu/auth.js';
import { predictionTable } from '../shared/github/report-section.js';
import { GitHubReport } from '../shared/github/step-report.js';
import { OdahuClient } from '../shared/odahu/client.js';
import { displayUrl, formatBytes } from '../shared/odahu/errors.js';
import { cutText, logText, printUntrusted } from '../shared/odahu/untrusted-text.js';
import type { PredictInputs } from './inputs.js';

/** The answer in the log line `Prediction: ...`: longer ones are cut, with a note. */
export const MAX_LOGGED_ANSWER = 4000;
/** GitHub keeps an output of 1 MiB at most: a longer answer is in response-file only. */
export const MAX_RESPONSE_OUTPUT = 1024 * 1024;
/** The model's info title and version in the log. */
const MAX_INFO = 200;

export async function predict(ctx: StepContext, inputs: PredictInputs): Promise<void> {
  const started = Date.now();
  const { settings } = inputs;
  const client = OdahuClient.fromSettings(settings);
  const { target } = inputs;
  const shownTarget = 'url' in target ? displayUrl(target.url) : target.deployment;
  const report = new GitHubReport(
    ctx,
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
          : client.tokens,
        readyTimeoutMs: inputs.readyTimeoutMs,
        signal: ctx.signal,
        retry: { policy: { budgetMs: settings.retryTimeoutMs } },
      }).catch((error: unknown) => {
        if (error instanceof ModelRefusedError) showRefusal(error);
        throw error;
      });
      report.served(displayUrl(url));
      const response = JSON.stringify(answer.body);
      const file = writeResponse(response, inputs.outputFile);
      setResponseOutput(response);
      core.setOutput('response-file', file);
      core.setOutput('status-code', String(answer.status));
      const info = inputs.info ? modelInfoOf(answer.body) : undefined;
      core.info(
        info
          ? `Model info: ${logText(cutText(info.title ? `${info.title} ${info.version}` : 'no info section', MAX_INFO))}`
          : `Prediction: ${logText(cutText(response, MAX_LOGGED_ANSWER))}${cutNote(response)}`,
      );
      report.rows.push({
        kind: 'Model',
        id: shownTarget,
        action: inputs.info ? 'info' : 'predicted',
        state: String(answer.status),
        durationMs: Date.now() - started,
        // The summary shows each value cut to one line (markdownText).
        outputs: info ? { name: info.title, version: info.version } : { response },
      });
      const prediction = inputs.info ? undefined : predictionTable(answer.body);
      if (prediction) report.addTable(prediction);
      await writeSummary('Odahu predict', report.rows);
    });
  } finally {
    client.dispose();
  }
}

/** The response output, unless the answer is longer than GitHub keeps: then a line says so. */
function setResponseOutput(response: string): void {
  if (response.length <= MAX_RESPONSE_OUTPUT) {
    core.setOutput('response', response);
    return;
  }
  core.setOutput('response', '');
  core.warning(
    `The answer (${count(response.length)} characters) is longer than an output holds (${formatBytes(MAX_RESPONSE_OUTPUT)}): output response is empty; response-file has the answer`,
  );
}

function cutNote(response: string): string {
  const left = [...response].length - MAX_LOGGED_ANSWER;
  return left > 0 ? ` (${count(left)} more characters not shown; response-file has them)` : '';
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** The model's refusal in the log (untrusted: between stop-commands), and its status and body in the outputs. */
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

/** The model's name and version from its Swagger document (`info.title`, `info.version`); '' where absent. */
export function modelInfoOf(body: unknown): { title: string; version: string } {
  const info = (body as { info?: { title?: unknown; version?: unknown } } | null)?.info;
  const text = (value: unknown) =>
    typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  return { title: text(info?.title), version: text(info?.version) };
}
