// The deploy action: apply the ModelDeployment (update by default), wait until it serves, output its URL;
// or, with strategy: canary, release it as a canary behind a stable URL (canary.ts). With
// github-environment a GitHub deployment records it, with pr-comment the pull request's report shows it.
// What the deployment names (its pull connection) is checked first: nothing is written, on the
// cluster or at GitHub, for a deployment that could never get a state.

import { deploymentPhase } from '../shared/action/phases.js';
import { stampingStore } from '../shared/action/provenance.js';
import { checkReferences } from '../shared/action/references.js';
import { runSummarizedPhase } from '../shared/action/run-phase.js';
import type { StepContext } from '../shared/action/step.js';
import { unchangedDeployment, withDefaults } from '../shared/action/desired-deployment.js';
import { OdahuClient } from '../shared/odahu/client.js';
import { servedModelTable } from '../shared/github/report-section.js';
import { GitHubReport } from '../shared/github/step-report.js';
import type { ModelDeployment } from '../shared/odahu/types.js';
import { deployCanary } from './canary.js';
import type { DeployInputs } from './inputs.js';

export async function deploy(ctx: StepContext, inputs: DeployInputs): Promise<void> {
  const desired = withDefaults(inputs.deployment);
  const report = new GitHubReport(ctx, inputs.github, 'Odahu deploy', desired.id);
  const client = OdahuClient.fromSettings(inputs.settings);
  try {
    await report.around(async () => {
      if (inputs.origin !== undefined) {
        const origin = inputs.origin;
        await checkReferences(client, [{ kind: 'ModelDeployment', resource: desired, origin }], ctx.signal);
      }
      await report.deploying(desired.id);
      if (inputs.canary) await deployCanary(ctx, client, inputs, desired, inputs.canary, report);
      else await rollingUpdate(ctx, client, inputs, desired, report);
    });
  } finally {
    client.dispose();
  }
}

async function rollingUpdate(
  ctx: StepContext,
  client: OdahuClient,
  inputs: DeployInputs,
  desired: ModelDeployment,
  report: GitHubReport,
): Promise<void> {
  let outputs: Record<string, string> | undefined;
  try {
    ({ outputs } = await runSummarizedPhase(
      ctx,
      client,
      'Odahu deploy',
      {
        phase: deploymentPhase,
        store: stampingStore(client.deployments, inputs.provenance),
        desired,
        ...inputs,
        // Deleting a deployment because a workflow was cancelled would take a model down: never.
        deleteOnCancel: false,
        unchanged: unchangedDeployment(client, desired),
      },
      report.rows,
    ));
    report.served(outputs.url, inputs.wait ? '' : 'not waited for: wait is false');
  } finally {
    report.addTable(servedModelTable(desired.spec.image, outputs));
  }
}
