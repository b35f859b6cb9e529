// The wait action as a function: what index.ts runs, and what @github/local-action calls.
import { runStep } from '../shared/action/step.js';
import { readWaitInputs } from './inputs.js';
import { waitFor } from './run.js';

export async function run(): Promise<void> {
  await runStep((ctx) => waitFor(ctx, readWaitInputs()));
}
