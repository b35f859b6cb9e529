// The train action: apply the ModelTraining, wait for it with its log, output its artifact.

import { trainingPhase } from '../shared/action/phases.js';
import { runPhaseStep } from '../shared/action/run-phase.js';
import type { StepContext } from '../shared/action/step.js';
import type { TrainInputs } from './inputs.js';

export async function train(ctx: StepContext, inputs: TrainInputs): Promise<void> {
  await runPhaseStep(ctx, inputs.settings, 'Odahu train', (client) => ({
    phase: trainingPhase,
    store: client.trainings,
    desired: inputs.manifest.resource,
    ...inputs,
  }));
}
