// The package action: apply the ModelPackaging, wait for it with its log, output its image.

import { packagingPhase } from '../shared/action/phases.js';
import { runPhaseStep } from '../shared/action/run-phase.js';
import type { StepContext } from '../shared/action/step.js';
import type { PackageInputs } from './inputs.js';

export async function packageModel(ctx: StepContext, inputs: PackageInputs): Promise<void> {
  await runPhaseStep(ctx, inputs.settings, 'Odahu package', (client) => ({
    phase: packagingPhase,
    store: client.packagings,
    desired: inputs.manifest.resource,
    ...inputs,
  }));
}
