// deploy with strategy: canary: the release (src/deploy/canary/rollout.ts) as a step, its
// outputs set and its job summary written whatever happens; its steps go in the pull request's
// report too. With evaluate-dataset, the evaluation gates it before any traffic moves.

import * as core from '@actions/core';
import { evaluationBeforeTraffic } from './canary/evaluation-gate.js';
import { CanaryRollout } from './canary/rollout.js';
import type { CanaryOptions } from './canary/options.js';
import { reportCanary, writeCanarySummary } from './canary/summary.js';
import type { StepContext } from '../shared/action/step.js';
import { writeSummary } from '../shared/action/summary.js';
import type { OdahuClient } from '../shared/odahu/client.js';
import type { GitHubReport } from '../shared/github/step-report.js';
import type { ModelDeployment } from '../shared/odahu/types.js';
import type { DeployInputs } from './inputs.js';

export async function deployCanary(
  ctx: StepContext,
  client: OdahuClient,
  inputs: DeployInputs,
  desired: ModelDeployment,
  options: CanaryOptions,
  report: GitHubReport,
): Promise<CanaryRollout> {
  const rollout = new CanaryRollout(ctx, client, {
    desired,
    provenance: inputs.provenance,
    options,
    timeoutMs: inputs.timeoutMs,
    pollIntervalMs: inputs.pollIntervalMs,
    beforeTraffic: inputs.evaluation
      ? evaluationBeforeTraffic({
          spec: inputs.evaluation,
          ctx,
          client,
          // The client's token source: the candidate and the version serving are asked with it.
          tokens: client.tokens,
          retryTimeoutMs: inputs.settings.retryTimeoutMs,
          report,
        })
      : undefined,
  });
  try {
    await rollout.runWithOutputs(report.rows, (name, value) => core.setOutput(name, value));
  } finally {
    if (report.rows.length > 0) await writeSummary('Odahu deploy', report.rows);
    await writeCanarySummary(rollout.report);
    reportCanary(report, rollout.report);
  }
  return rollout;
}
