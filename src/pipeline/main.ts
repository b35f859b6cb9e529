// The pipeline action as a function: what index.ts runs, and what @github/local-action calls.
import { runStep } from '../shared/action/step.js';
import { readPipelineInputs } from './inputs.js';
import { runPipeline } from './run.js';

export async function run(): Promise<void> {
  await runStep((ctx) => runPipeline(ctx, readPipelineInputs()));
}
