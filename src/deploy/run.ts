// The deploy action: apply the ModelDeployment (update by default), wait until it serves, output its URL;
// or, with strategy: canary, release it as a canary behind a stable URL (canary.ts).

import { deploymentPhase } from '../shared/action/phases.js';
import { runPhaseStep } from '../shared/action/run-phase.js';
import type { StepContext } from '../shared/action/step.js';
import { unchangedDeployment, withDefaults } from '../shared/action/desired-deployment.js';
import { deployCanary } from './canary.js';
import type { DeployInputs } from './inputs.js';

export async function deploy(ctx: StepContext, inputs: DeployInputs): Promise<void> {
  const desired = withDefaults(inputs.deployment);
  if (inputs.canary) {
    await deployCanary(ctx, inputs, desired, inputs.canary);
    return;
  }
  await runPhaseStep(ctx, inputs.settings, 'Odahu deploy', (client) => ({
    phase: deploymentPhase,
    store: client.deployments,
    desired,
    ...inputs,
    // Deleting a deployment because a workflow was cancelled would take a model down: never.
    deleteOnCancel: false,
    unchanged: unchangedDeployment(client, desired),
  }));
}
