// The package action: apply the ModelPackaging, wait for it with its log, output its image; with
// pr-comment, its section of the pull request's report.

import { packagingPhase } from '../shared/action/phases.js';
import type { StepContext } from '../shared/action/step.js';
import { reportedPhaseStep } from '../shared/github/step-report.js';
import type { PackageInputs } from './inputs.js';

export async function packageModel(ctx: StepContext, inputs: PackageInputs): Promise<void> {
  await reportedPhaseStep(ctx, inputs, 'Odahu package', (client) => ({
    phase: packagingPhase,
    store: client.packagings,
    desired: inputs.manifest.resource,
    ...inputs,
  }));
}
