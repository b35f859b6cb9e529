// The predict action as a function: what index.ts runs, and what @github/local-action calls.
import { runStep } from '../shared/action/step.js';
import { readPredictInputs } from './inputs.js';
import { predict } from './run.js';

export async function run(): Promise<void> {
  await runStep((ctx) => predict(ctx, readPredictInputs()));
}
