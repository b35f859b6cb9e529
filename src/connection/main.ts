// The connection action as a function: what index.ts runs, and what @github/local-action calls.
import { runStep } from '../shared/action/step.js';
import { readConnectionInputs } from './inputs.js';
import { connect } from './run.js';

export async function run(): Promise<void> {
  await runStep((ctx) => connect(ctx, readConnectionInputs()));
}
