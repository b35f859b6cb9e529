// Probing the candidate at its own URL while the stable URL sends it a share of the traffic: one
// request after another for the step's interval, each timed from sending to the whole answer and
// tried once (a retry would hide the failure being looked for). With compare, the live version gets
// the same request at the same time and the predictions are compared.

import type { TokenSource } from '../../shared/odahu/auth.js';
import { ModelClient } from '../../shared/odahu/client.js';
import type { ModelAnswer } from '../../shared/odahu/client.js';
import { ApiError } from '../../shared/odahu/errors.js';
import type { PredictionRequest } from '../../shared/odahu/types.js';
import { now } from '../../shared/clock.js';
import { messageOf } from '../../shared/thrown.js';
import { CancelledError, pause } from '../../shared/action/step.js';
import { largestDifference } from './compare.js';

/** A probe still unanswered this long after max-latency is abandoned, and counts as failed. */
const ABANDON_AFTER_MS = 5000;
/** Probes start at most this often (and at least ten times per step). */
const MAX_SPACING_MS = 1000;

export interface Probe {
  /** From sending the request to the end of the answer (or to abandoning it). */
  latencyMs: number;
  /** Undefined when it answered 200; else what it answered, or why nothing came. */
  error: string | undefined;
  /** With compare: the largest difference from the live version's predictions; undefined if not compared. */
  difference: number | undefined;
}

export interface ProberOptions {
  candidateUrl: string;
  /** The live version's own URL, for compare. */
  liveUrl: string | undefined;
  tokens: TokenSource;
  /** Undefined: GET the model's info. */
  request: PredictionRequest | undefined;
  maxLatencyMs: number;
}

export class Prober {
  private readonly candidate: ModelClient;
  private readonly live: ModelClient | undefined;

  constructor(private readonly options: ProberOptions) {
    const once = { policy: { attempts: 1 } };
    this.candidate = new ModelClient({ url: options.candidateUrl, tokens: options.tokens, retry: once });
    this.live = options.liveUrl
      ? new ModelClient({ url: options.liveUrl, tokens: options.tokens, retry: once })
      : undefined;
  }

  /** Probes one after another for `intervalMs` (at least once); throws CancelledError on cancel. */
  async hold(intervalMs: number, signal: AbortSignal): Promise<Probe[]> {
    const spacingMs = Math.min(MAX_SPACING_MS, intervalMs / 10);
    const end = now() + intervalMs;
    const probes: Probe[] = [];
    do {
      const started = now();
      probes.push(await this.probe(signal));
      const next = Math.min(started + spacingMs, end);
      if (next > now()) await pause(next - now(), signal);
    } while (now() < end);
    return probes;
  }

  async probe(signal: AbortSignal): Promise<Probe> {
    const limit = AbortSignal.any([
      signal,
      AbortSignal.timeout(this.options.maxLatencyMs + ABANDON_AFTER_MS),
    ]);
    const started = performance.now();
    let ended = started;
    const [candidate, live] = await Promise.allSettled([
      this.ask(this.candidate, limit).finally(() => (ended = performance.now())),
      this.live ? this.ask(this.live, limit) : Promise.resolve(undefined),
    ]);
    const latencyMs = Math.round(ended - started);
    if (signal.aborted) throw new CancelledError();
    if (candidate.status === 'rejected') {
      return { latencyMs, error: describeFailure(candidate.reason), difference: undefined };
    }
    const difference =
      live.status === 'fulfilled' && live.value
        ? largestDifference(candidate.value.body, live.value.body)
        : undefined;
    return { latencyMs, error: undefined, difference };
  }

  private ask(model: ModelClient, signal: AbortSignal): Promise<ModelAnswer<unknown>> {
    return this.options.request ? model.invoke(this.options.request, { signal }) : model.info({ signal });
  }

  dispose(): void {
    this.candidate.dispose();
    this.live?.dispose();
  }
}

function describeFailure(error: unknown): string {
  if (error instanceof ApiError) {
    // An HTML error page's title already starts with the status (`500 Internal Server Error`).
    const message = error.serverMessage;
    return message.startsWith(String(error.status)) ? message : `${error.status} ${message}`.trim();
  }
  if (error instanceof DOMException && error.name === 'TimeoutError') return 'no answer in time';
  return messageOf(error);
}
