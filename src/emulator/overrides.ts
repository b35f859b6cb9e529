// Per-resource control of the emulated run, without leaving the real schema: keys in a string map
// the user already owns (a training's spec.hyperParameters, a packaging's spec.arguments, a
// deployment's spec.annotations), and for a batch job, which has no such map, its request id. A real
// cluster ignores them (a request id is only passed on, to correlate feedback); the emulator reads them.
// A deployment's annotations can also make its model server misbehave, to rehearse a bad release.

export const OUTCOME_KEY = 'emulator-outcome';
export const SECONDS_KEY = 'emulator-seconds';

export interface RunPlan {
  /** `emulator-outcome: failed` makes the run fail; anything else leaves it to succeed. */
  fails: boolean;
  durationMs: number;
}

/** `defaultSeconds` unless `emulator-seconds` holds a non-negative number (as a string or a number). */
export function planRun(
  map: Readonly<Record<string, unknown>> | null | undefined,
  defaultSeconds: number,
): RunPlan {
  const outcome = map?.[OUTCOME_KEY];
  const seconds = Number(map?.[SECONDS_KEY]);
  const given =
    map?.[SECONDS_KEY] !== undefined && map[SECONDS_KEY] !== '' && Number.isFinite(seconds) && seconds >= 0;
  return { fails: outcome === 'failed', durationMs: (given ? seconds : defaultSeconds) * 1000 };
}

/** A batch job whose `spec.requestId` starts with this fails in its user container. */
export const FAILING_REQUEST_ID = 'emulator-outcome-failed';

export function planJob(requestId: string | undefined, defaultSeconds: number): RunPlan {
  return { fails: requestId?.startsWith(FAILING_REQUEST_ID) ?? false, durationMs: defaultSeconds * 1000 };
}

/**
 * A packaging's arguments are checked against the integration's JSON schema, which forbids unknown
 * properties: the emulator keys are taken out before that check and put back on the stored object,
 * so the user reads back what they sent.
 */
export function splitEmulatorKeys(args: unknown): { rest: unknown; keys: Record<string, unknown> } {
  if (typeof args !== 'object' || args === null || Array.isArray(args)) return { rest: args, keys: {} };
  const rest: Record<string, unknown> = {};
  const keys: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(args)) {
    if (name === OUTCOME_KEY || name === SECONDS_KEY) keys[name] = value;
    else rest[name] = value;
  }
  return { rest, keys };
}

export const ERROR_RATE_KEY = 'emulator-error-rate';
export const LATENCY_KEY = 'emulator-latency-ms';
export const PREDICTION_OFFSET_KEY = 'emulator-prediction-offset';
export const PREDICTION_FLIP_KEY = 'emulator-prediction-flip';
export const ROW_ERROR_RATE_KEY = 'emulator-row-error-rate';

/** How a revision's model server misbehaves; all zero for a well-behaved one. */
export interface ModelBehaviour {
  /** Share (0 to 1) of /api/model/info and /api/model/invoke answers that are a crash (500). */
  errorRate: number;
  /** Added to each answer of the model server. */
  latencyMs: number;
  /** Added to each prediction. */
  predictionOffset: number;
  /**
   * Share (0 to 1) of rows whose prediction p is answered as 1 - p (a binary classifier's other
   * class, or the other side of a 0.5 threshold), the rows chosen by their values (emulated-model.ts).
   */
  predictionFlip: number;
  /** Share (0 to 1) of rows, chosen by their values, on which the model fails the whole request. */
  rowErrorRate: number;
}

/** A deployment's annotations read as model behaviour; a value out of range or not a number is ignored. */
export function planModel(annotations: Readonly<Record<string, unknown>> | null | undefined): ModelBehaviour {
  const number = (key: string, valid: (n: number) => boolean): number => {
    const raw = annotations?.[key];
    const value = raw === undefined || raw === '' ? NaN : Number(raw);
    return Number.isFinite(value) && valid(value) ? value : 0;
  };
  return {
    errorRate: number(ERROR_RATE_KEY, (n) => n >= 0 && n <= 1),
    latencyMs: number(LATENCY_KEY, (n) => n >= 0),
    predictionOffset: number(PREDICTION_OFFSET_KEY, () => true),
    predictionFlip: number(PREDICTION_FLIP_KEY, (n) => n >= 0 && n <= 1),
    rowErrorRate: number(ROW_ERROR_RATE_KEY, (n) => n >= 0 && n <= 1),
  };
}
