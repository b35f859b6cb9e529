// The pipeline's check step as a function: what index.ts runs, and what @github/local-action calls.
// The phases themselves are the composite's next steps (actions/pipeline/action.yml).
import { checkDataset } from '../shared/evaluation/check.js';
import { runStep } from '../shared/action/step.js';
import { checkNode, checkPipelineReferences, handOn } from './check.js';
import { readPipelineInputs } from './inputs.js';

export async function run(): Promise<void> {
  await runStep(async (ctx) => {
    checkNode();
    const inputs = readPipelineInputs();
    // The evaluation's rows too (a local read, before the reads of the cluster): a bad dataset fails
    // now, not after a two-hour training.
    if (inputs.evaluation) await checkDataset(inputs.evaluation, ctx.signal);
    await checkPipelineReferences(ctx, inputs);
    handOn(inputs);
  });
}
