// The deploy action: apply the ModelDeployment (update by default), wait until it serves, output its URL.

import { deploymentPhase } from '../shared/action/phases.js';
import { runPhaseStep } from '../shared/action/run-phase.js';
import type { StepContext } from '../shared/action/step.js';
import { unchangedDeployment, withDefaults } from '../shared/action/desired-deployment.js';
import type { DeployInputs } from './inputs.js';

export async function deploy(ctx: StepContext, inputs: DeployInputs): Promise<void> {
  const desired = withDefaults(inputs.deployment);
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
