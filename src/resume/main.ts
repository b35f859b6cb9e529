// The resume action as a function: what index.ts runs, and what @github/local-action calls.
import { runStep } from '../shared/action/step.js';
import { readResumeInputs } from './inputs.js';
import { resume } from './run.js';

export async function run(): Promise<void> {
  await runStep((ctx) => resume(ctx, readResumeInputs()));
}
