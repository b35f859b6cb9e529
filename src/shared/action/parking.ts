// `wait: park`: the step starts (or finds) its phase and ends at once, its runner freed; the phase is
// recorded where the `resume` action finds it, and a check run shows it. The kit knows only that a
// step may park and what parking needs (the `Parking` the GitHub layer gives); the inputs of it are
// read here with the other waiting inputs, every problem at once.

import { FAILSAFE_SCHEMA, load } from 'js-yaml';
import type { InputReader } from './inputs.js';
import type { Phase } from './phases.js';

/** What the step asks of the phase once it ended: the continuation, if any. */
export interface ParkRequest {
  /** resume-workflow: a workflow file of .github/workflows (`deploy-wine.yml`), dispatched when the phase succeeds. */
  workflow: string | undefined;
  /** resume-inputs: further inputs of the continuation. */
  inputs: Record<string, string>;
}

/** What a parking step started, as the record keeps it. */
export interface ParkedWork {
  phase: Phase<unknown>;
  id: string;
  /** The step's outputs for the phase as it was when parked. */
  outputs: Record<string, string>;
  /** What the step did: created, replaced, reused... */
  action: string;
  timeoutMs: number;
  /** On cancel or timeout, delete the phase (the step started it, and on-cancel is delete). */
  deleteOnEnd: boolean;
}

/** Records a parked phase (the GitHub layer's: a check run and the record resume lists). */
export interface Parking {
  park(work: ParkedWork): Promise<void>;
}

/** Thrown when the phase could not be parked: the step fails, and undoes what it started. */
export class ParkRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ParkRefusedError';
  }
}

/** The input names of the continuation the phase's end gives, besides resume-inputs. */
export function handedOnNames(phase: Phase<unknown>): string[] {
  return [phase.idOutput, 'state', ...phase.keyOutputs, PARKED_RUN_INPUT];
}

/** The continuation's input holding the parking run's id. */
export const PARKED_RUN_INPUT = 'parked-run-id';

/** The phase's outputs the continuation gets as inputs, and the parking run. */
export function handedOn(
  phase: Phase<unknown>,
  outputs: Record<string, string>,
  parkedRunId: string,
): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const name of [phase.idOutput, 'state', ...phase.keyOutputs]) inputs[name] = outputs[name] ?? '';
  inputs[PARKED_RUN_INPUT] = parkedRunId;
  return inputs;
}

/** What InputReader.boolean takes. */
const BOOLEAN = /^(true|false|yes|no|on|off|1|0)$/i;
const WORKFLOW_FILE = /^[A-Za-z0-9._-]+\.ya?ml$/;
/** GitHub's rule for an input's name. */
const INPUT_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * `wait` (true, false or park) with resume-workflow and resume-inputs, which only go with park.
 * `phase` names the inputs the continuation gets, which resume-inputs may not take.
 */
export function readWait(
  reader: InputReader,
  phase: Phase<unknown> | undefined,
): { wait: boolean; park: ParkRequest | undefined } {
  const value = reader.optional('wait');
  const parking = value === 'park';
  let wait = !parking;
  if (value !== undefined && !parking) {
    if (BOOLEAN.test(value)) wait = reader.boolean('wait', true);
    else reader.problem(`input wait must be true, false or park, not "${value}"`);
  }
  const workflowText = reader.optional('resume-workflow');
  const inputsText = reader.optional('resume-inputs');
  if (!parking) {
    if (workflowText !== undefined) reader.problem('input resume-workflow goes with wait: park only');
    if (inputsText !== undefined) reader.problem('input resume-inputs goes with wait: park only');
    return { wait, park: undefined };
  }
  const workflow = workflowText?.replace(/^\.github\/workflows\//, '');
  if (workflow !== undefined && !WORKFLOW_FILE.test(workflow)) {
    reader.problem(
      `input resume-workflow must be a workflow file of .github/workflows, e.g. deploy-wine.yml, not "${workflowText}"`,
    );
  }
  if (inputsText !== undefined && workflow === undefined) {
    reader.problem('input resume-inputs needs resume-workflow: the workflow they are given to');
  }
  const inputs = inputsText === undefined ? {} : readInputsMap(reader, inputsText, phase);
  return { wait: false, park: { workflow, inputs } };
}

/** resume-inputs: a YAML map of input names to single values. */
function readInputsMap(
  reader: InputReader,
  text: string,
  phase: Phase<unknown> | undefined,
): Record<string, string> {
  let document: unknown;
  try {
    document = load(text, { schema: FAILSAFE_SCHEMA });
  } catch {
    document = undefined;
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    reader.problem('input resume-inputs must be a YAML map of input names to values, e.g. "model: wine"');
    return {};
  }
  const taken = new Set(phase ? handedOnNames(phase) : [PARKED_RUN_INPUT]);
  const inputs: Record<string, string> = {};
  for (const [name, value] of Object.entries(document)) {
    if (!INPUT_NAME.test(name)) {
      reader.problem(`input resume-inputs: "${name}" is not an input name (letters, digits, - and _)`);
    } else if (taken.has(name)) {
      reader.problem(`input resume-inputs: ${name} is given by the parked phase itself`);
    } else if (typeof value !== 'string') {
      reader.problem(`input resume-inputs: ${name} must be a single value, not a list or map`);
    } else {
      inputs[name] = value;
    }
  }
  return inputs;
}
