// The deploy action as a function: what index.ts runs, and what @github/local-action calls.
import { runStep } from '../shared/action/step.js';
import { readDeployInputs } from './inputs.js';
import { deploy } from './run.js';

export async function run(): Promise<void> {
  await runStep((ctx) => deploy(ctx, readDeployInputs()));
}
