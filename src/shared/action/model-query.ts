// Asking a deployed model: find its URL (given, or its deployment's default route), then invoke it or
// read its info, trying again while a model that has just become Ready still answers 404/502/503 at
// the edge. Used by the predict action (and so by the pipeline's last step).

import * as core from '@actions/core';
import type { TokenSource } from '../odahu/auth.js';
import { ModelClient } from '../odahu/client.js';
import type { ModelAnswer, ModelClientOptions, OdahuClient } from '../odahu/client.js';
import { ApiError, NetworkError, displayUrl } from '../odahu/errors.js';
import type { PredictionRequest } from '../odahu/types.js';
import { now } from '../clock.js';
import { messageOf } from '../thrown.js';
import { pause } from './step.js';
import { logText } from '../odahu/untrusted-text.js';

/** Statuses of an edge whose model is not serving yet. */
const NOT_READY = [404, 502, 503];
const RETRY_EVERY_MS = 2000;

export type ModelTarget = { deployment: string } | { url: string };

export interface ModelQuery {
  target: ModelTarget;
  /** Undefined: read the model's info document. */
  request: PredictionRequest | undefined;
  tokens: TokenSource;
  /** How long to wait for a model URL and for the model to serve. */
  readyTimeoutMs: number;
  signal: AbortSignal;
  /** The model client's retries (its budget: the settings' retry-timeout). */
  retry?: ModelClientOptions['retry'];
}

export interface ModelResult {
  url: string;
  answer: ModelAnswer<unknown>;
}

/** Thrown when the model answered, but not 2xx: its body is the news. */
export class ModelRefusedError extends Error {
  constructor(
    readonly url: string,
    readonly refusal: ApiError,
  ) {
    super(refusal.message);
    this.name = 'ModelRefusedError';
  }
}

export async function queryModel(client: OdahuClient, query: ModelQuery): Promise<ModelResult> {
  const deadline = now() + query.readyTimeoutMs;
  const url =
    'url' in query.target
      ? query.target.url
      : await modelUrlOf(client, query.target.deployment, deadline, query.signal);
  core.info(logText(`Model URL: ${displayUrl(url)}`));
  const model = new ModelClient({ url, tokens: query.tokens, retry: query.retry });
  // Retried (a 503 from the edge, no answer) until the model must serve, as the waits below are; an
  // answer that is still coming then (a model that trickles bytes) is given up too.
  const options = { signal: query.signal, retryUntil: deadline, deadline };
  try {
    const answer = await untilServing<ModelAnswer<unknown>>(
      () => (query.request ? model.invoke(query.request, options) : model.info(options)),
      url,
      deadline,
      query.signal,
    );
    return { url, answer };
  } catch (error) {
    if (error instanceof ApiError) throw new ModelRefusedError(url, error);
    throw error;
  } finally {
    model.dispose();
  }
}

/** The edge URL of the deployment's default route, once the route has one. */
async function modelUrlOf(
  client: OdahuClient,
  id: string,
  deadline: number,
  signal: AbortSignal,
): Promise<string> {
  if (!(await client.deployments.find(id, { signal, retryUntil: deadline, deadline }))) {
    throw new Error(`deployment ${id} does not exist: check the deployment input`);
  }
  for (;;) {
    // Just after a create the default route may not exist yet (404): that is "not yet", like no URL.
    const route = await client.deployments
      .defaultRoute(id, { signal, retryUntil: deadline, deadline })
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) return undefined;
        throw error;
      });
    if (route?.status?.edgeUrl) return route.status.edgeUrl;
    if (now() >= deadline) {
      throw new Error(
        `deployment ${id} has no model URL yet (its default route is ${route ? route.status?.state || 'not ready' : 'not created'}): wait for the deployment first`,
      );
    }
    await pauseUntil(RETRY_EVERY_MS, deadline, signal);
  }
}

async function untilServing<T>(
  ask: () => Promise<T>,
  url: string,
  deadline: number,
  signal: AbortSignal,
): Promise<T> {
  for (;;) {
    try {
      return await ask();
    } catch (error) {
      const notReady =
        (error instanceof ApiError && NOT_READY.includes(error.status)) || error instanceof NetworkError;
      if (!notReady || now() >= deadline || signal.aborted) throw error;
      core.info(
        logText(`The model at ${displayUrl(url)} is not serving yet (${messageOf(error)}); trying again.`),
      );
      await pauseUntil(RETRY_EVERY_MS, deadline, signal);
    }
  }
}

function pauseUntil(ms: number, deadline: number, signal: AbortSignal): Promise<void> {
  return pause(Math.max(0, Math.min(ms, deadline - now())), signal);
}
