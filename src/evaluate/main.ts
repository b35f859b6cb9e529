// The evaluate action as a function: what index.ts runs, and what @github/local-action calls.
import { runStep } from '../shared/action/step.js';
import { readEvaluateInputs } from './inputs.js';
import { evaluate } from './run.js';

export async function run(): Promise<void> {
  await runStep((ctx) => evaluate(ctx, readEvaluateInputs()));
}
