// Faults a real cluster's ingress shows now and then, injected on /api/v1 requests so that clients
// can prove their retries: an unreachable upstream (503, nothing processed), throttling (429 with
// Retry-After), latency, and a connection cut mid-answer after the request took effect.

import { createDice, type Dice } from './dice.js';
import type { Exchange } from './exchange.js';

export interface FaultSettings {
  failRate: number;
  throttleRate: number;
  retryAfterSeconds: number;
  latencyMs: number;
  dropRate: number;
  seed: number;
}

/** Envoy's answer when the API pod cannot be reached. */
export const UPSTREAM_FAILURE =
  'upstream connect error or disconnect/reset before headers. reset reason: connection failure';
/** Envoy's local rate limit answer. */
export const RATE_LIMITED = 'local_rate_limited';

export class Faults {
  private readonly dice: Dice;

  constructor(private readonly settings: FaultSettings) {
    this.dice = createDice(settings.seed);
  }

  /**
   * Rolls the dice for one request. Answers it (and returns true) when it must not reach the API;
   * otherwise may mark it to be cut mid-answer. The three dice are always rolled, in this order, so a
   * seed replays the same sequence whatever the rates.
   */
  async intercept(exchange: Exchange): Promise<boolean> {
    const { failRate, throttleRate, dropRate, latencyMs, retryAfterSeconds } = this.settings;
    const fail = this.dice() < failRate;
    const throttle = this.dice() < throttleRate;
    const drop = this.dice() < dropRate;
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    if (fail) {
      exchange.text(503, UPSTREAM_FAILURE);
      return true;
    }
    if (throttle) {
      exchange.text(429, RATE_LIMITED, { 'retry-after': String(retryAfterSeconds) });
      return true;
    }
    exchange.cut = drop;
    return false;
  }
}
