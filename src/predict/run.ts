// The predict action: find the model's URL, ask it for a prediction (or its info document), and put
// the answer in the outputs, a file and the job summary. A model that has just become Ready can
// answer 404/502/503 at the edge for a while: those are retried until ready-timeout.

import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import * as core from '@actions/core';
import { messageOf } from '../shared/action/inputs.js';
import { CancelledError } from '../shared/action/step.js';
import type { StepContext } from '../shared/action/step.js';
import { writeSummary } from '../shared/action/summary.js';
import { ModelClient, OdahuClient } from '../shared/client.js';
import type { ModelAnswer } from '../shared/client.js';
import { ApiError, NetworkError } from '../shared/errors.js';
import type { PredictInputs } from './inputs.js';

/** Statuses of an edge whose model is not serving yet. */
const NOT_READY = [404, 502, 503];
const RETRY_EVERY_MS = 2000;

export async function predict(ctx: StepContext, inputs: PredictInputs): Promise<void> {
  const started = Date.now();
  const deadline = started + inputs.readyTimeoutMs;
  const client = new OdahuClient({ apiUrl: inputs.settings.apiUrl, tokens: inputs.apiTokens });
  const target = 'url' in inputs.target ? inputs.target.url : inputs.target.deployment;
  let model: ModelClient | undefined;
  try {
    const url =
      'url' in inputs.target
        ? inputs.target.url
        : await modelUrlOf(client, inputs.target.deployment, deadline, ctx);
    core.info(`Model URL: ${url}`);
    model = new ModelClient({ url, tokens: inputs.modelTokens });
    const ask = model;
    const answer = await untilServing<ModelAnswer<unknown>>(
      () =>
        inputs.info ? ask.info({ signal: ctx.signal }) : ask.invoke(inputs.request!, { signal: ctx.signal }),
      url,
      deadline,
      ctx,
    );
    const body: unknown = answer.body;
    const response = JSON.stringify(body);
    const file = writeResponse(response, inputs.outputFile);
    core.setOutput('response', response);
    core.setOutput('response-file', file);
    core.setOutput('status-code', String(answer.status));
    core.info(inputs.info ? `Model info: ${describeInfo(body)}` : `Prediction: ${response}`);
    await writeSummary('Odahu predict', [
      {
        kind: 'Model',
        id: target,
        action: inputs.info ? 'info' : 'predicted',
        state: String(answer.status),
        durationMs: Date.now() - started,
        outputs: { response: truncate(response, 300) },
      },
    ]);
  } catch (error) {
    if (error instanceof ApiError && model) {
      // The model refused: its answer is the news, so it is shown whole and kept in the outputs.
      core.info(`The model answered ${error.status}:`);
      core.info(error.body || '(empty body)');
      core.setOutput('status-code', String(error.status));
      core.setOutput('response', error.body);
    }
    throw error;
  } finally {
    model?.dispose();
    client.dispose();
  }
}

/** The edge URL of the deployment's default route, once the route has one. */
async function modelUrlOf(
  client: OdahuClient,
  id: string,
  deadline: number,
  ctx: StepContext,
): Promise<string> {
  if (!(await client.deployments.find(id, { signal: ctx.signal }))) {
    throw new Error(`deployment ${id} does not exist: check the deployment input`);
  }
  for (;;) {
    const route = await client.deployments.defaultRoute(id, { signal: ctx.signal });
    if (route.status?.edgeUrl) return route.status.edgeUrl;
    if (Date.now() >= deadline) {
      throw new Error(
        `deployment ${id} has no model URL yet (its default route is ${route.status?.state || 'not ready'}): wait for the deployment first`,
      );
    }
    await pause(RETRY_EVERY_MS, deadline, ctx);
  }
}

async function untilServing<T>(
  ask: () => Promise<T>,
  url: string,
  deadline: number,
  ctx: StepContext,
): Promise<T> {
  for (;;) {
    try {
      return await ask();
    } catch (error) {
      const notReady =
        (error instanceof ApiError && NOT_READY.includes(error.status)) || error instanceof NetworkError;
      if (!notReady || Date.now() >= deadline || ctx.signal.aborted) throw error;
      core.info(`The model at ${url} is not serving yet (${messageOf(error)}); trying again.`);
      await pause(RETRY_EVERY_MS, deadline, ctx);
    }
  }
}

function pause(ms: number, deadline: number, ctx: StepContext): Promise<void> {
  return new Promise((resolvePause, reject) => {
    if (ctx.signal.aborted) return reject(new CancelledError());
    const timer = setTimeout(resolvePause, Math.max(0, Math.min(ms, deadline - Date.now())));
    ctx.signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new CancelledError());
    });
  });
}

function writeResponse(response: string, outputFile: string | undefined): string {
  const path = outputFile
    ? resolve(process.env.GITHUB_WORKSPACE ?? process.cwd(), outputFile)
    : join(process.env.RUNNER_TEMP ?? tmpdir(), `odahu-response-${randomUUID()}.json`);
  writeFileSync(path, response + '\n');
  return path;
}

function describeInfo(body: unknown): string {
  const info = (body as { info?: { title?: unknown; version?: unknown } } | null)?.info;
  return info ? `${String(info.title)} ${String(info.version)}` : 'no info section';
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
