// The train action as a function: what index.ts runs, and what @github/local-action calls.
import { runStep } from '../shared/action/step.js';
import { readTrainInputs } from './inputs.js';
import { train } from './run.js';

export async function run(): Promise<void> {
  await runStep((ctx) => train(ctx, readTrainInputs()));
}
