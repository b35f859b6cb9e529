// The inputs of a canary release (deploy's `strategy: canary`, and the pipeline's), read and checked
// with the action's other inputs so that every bad one is reported before any API call.

import type { PredictionRequest } from '../../shared/odahu/types.js';
import { readRequestInput } from '../../shared/action/common-inputs.js';
import type { InputReader } from '../../shared/action/inputs.js';

export type Strategy = 'rolling' | 'canary';

export interface CanaryOptions {
  /** The candidate's share of the stable URL's traffic at each step, in percent, rising to 100. */
  weights: number[];
  /** How long each step is held (and probed) before the next. */
  intervalMs: number;
  /** What each probe sends; undefined: GET the model's info. */
  probeRequest: PredictionRequest | undefined;
  /** A probe answered later than this failed. */
  maxLatencyMs: number;
  /** The share (0 to 1) of failed probes, and of disagreeing answers, a step tolerates. */
  maxErrorRate: number;
  /** Send each probe to the live version too and compare the predictions. */
  compare: boolean;
  /** The largest difference between two predictions that still agree. */
  compareTolerance: number;
}

export const DEFAULT_WEIGHTS = '10,50,100';

/** The `strategy` input, and the canary's inputs when it is canary (undefined for rolling). */
export function readStrategy(reader: InputReader): CanaryOptions | undefined {
  const strategy = reader.choice('strategy', ['rolling', 'canary'] as const, 'rolling');
  if (strategy === 'rolling') {
    // The other canary inputs have defaults, so a value cannot tell that they were set.
    if (reader.optional('probe-request') !== undefined || reader.boolean('compare', false)) {
      reader.problem('inputs probe-request and compare apply to strategy: canary only');
    }
    return undefined;
  }
  // In the order of action.yml, so the problems are listed as the inputs are.
  const weights = readWeights(reader);
  const intervalMs = reader.duration('canary-interval', '1m', { minMs: 100, maxMs: 6 * 3_600_000 });
  const probeRequest = readRequestInput(reader, 'probe-request');
  const maxLatencyMs = reader.duration('max-latency', '2s', { minMs: 1, maxMs: 600_000 });
  const maxErrorRate = readPercentage(reader, 'max-error-rate', '0%');
  const compare = reader.boolean('compare', false);
  const compareTolerance = readTolerance(reader);
  if (compare && !reader.optional('probe-request')) {
    reader.problem(
      'input compare: true needs input probe-request: a prediction request to send to both versions',
    );
  }
  return { weights, intervalMs, probeRequest, maxLatencyMs, maxErrorRate, compare, compareTolerance };
}

/** `10,50,100`: whole percentages, each above the one before, the last 100. */
function readWeights(reader: InputReader): number[] {
  const text = reader.optional('canary-weights') ?? DEFAULT_WEIGHTS;
  const fallback = DEFAULT_WEIGHTS.split(',').map(Number);
  const parts = text.split(',').map((part) => part.trim());
  const bad = parts.find((part) => !/^\d+$/.test(part) || Number(part) < 1 || Number(part) > 100);
  const fail = (why: string): number[] => {
    reader.problem(`input canary-weights ${why}, e.g. 10,50,100; not "${text}"`);
    return fallback;
  };
  if (bad !== undefined)
    return fail(
      `must be whole percentages from 1 to 100, separated by commas (${bad || 'an empty one'} is not)`,
    );
  const weights = parts.map(Number);
  if (weights.some((weight, i) => i > 0 && weight <= weights[i - 1]!)) return fail('must rise step by step');
  if (weights.at(-1) !== 100)
    return fail('must end at 100: the last step sends every request to the new version');
  return weights;
}

/** `5%`, `0.5%`: a share from 0 to 1. The % is required, so that 0.05 is not read two ways. */
function readPercentage(reader: InputReader, name: string, fallback: string): number {
  const text = reader.optional(name) ?? fallback;
  const match = /^(\d+(?:\.\d+)?)\s*%$/.exec(text);
  const value = match ? Number(match[1]) : NaN;
  if (!(value >= 0 && value <= 100)) {
    reader.problem(`input ${name} must be a percentage from 0% to 100%, e.g. 0%, 5% or 2.5%; not "${text}"`);
    return 0;
  }
  return value / 100;
}

function readTolerance(reader: InputReader): number {
  const text = reader.optional('compare-tolerance') ?? '0';
  const value = Number(text);
  if (!/^\d*\.?\d+(e[-+]?\d+)?$/i.test(text) || !Number.isFinite(value)) {
    reader.problem(
      `input compare-tolerance must be a number ≥ 0 (the largest difference between two predictions that agree), not "${text}"`,
    );
    return 0;
  }
  return value;
}
