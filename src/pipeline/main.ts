// The pipeline's check step as a function: what index.ts runs, and what @github/local-action calls.
// The phases themselves are the composite's next steps (actions/pipeline/action.yml).
import { runStep } from '../shared/action/step.js';
import { checkNode, checkPipelineReferences, handOn } from './check.js';
import { readPipelineInputs } from './inputs.js';

export async function run(): Promise<void> {
  await runStep(async (ctx) => {
    checkNode();
    const inputs = readPipelineInputs();
    await checkPipelineReferences(ctx, inputs);
    handOn(inputs);
  });
}
