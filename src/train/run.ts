// The train action: apply the ModelTraining, wait for it with its log, output its artifact; with
// pr-comment, its section of the pull request's report.

import { trainingPhase } from '../shared/action/phases.js';
import type { StepContext } from '../shared/action/step.js';
import { reportedPhaseStep } from '../shared/github/step-report.js';
import type { TrainInputs } from './inputs.js';

export async function train(ctx: StepContext, inputs: TrainInputs): Promise<void> {
  await reportedPhaseStep(ctx, inputs, 'Odahu train', (client) => ({
    phase: trainingPhase,
    store: client.trainings,
    desired: inputs.manifest.resource,
    ...inputs,
  }));
}
