// The apply action as a function: what index.ts runs, and what @github/local-action calls.
import { runStep } from '../shared/action/step.js';
import { readApplyInputs } from './inputs.js';
import { apply } from './run.js';

export async function run(): Promise<void> {
  await runStep(async (ctx) => apply(ctx, await readApplyInputs()));
}
