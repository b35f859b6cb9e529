// The package action as a function: what index.ts runs, and what @github/local-action calls.
import { runStep } from '../shared/action/step.js';
import { readPackageInputs } from './inputs.js';
import { packageModel } from './run.js';

export async function run(): Promise<void> {
  await runStep((ctx) => packageModel(ctx, readPackageInputs()));
}
