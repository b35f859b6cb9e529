// The batch action as a function: what index.ts runs, and what @github/local-action calls.
import { runStep } from '../shared/action/step.js';
import { readBatchInputs } from './inputs.js';
import { batch } from './run.js';

export async function run(): Promise<void> {
  await runStep((ctx) => batch(ctx, readBatchInputs()));
}
