// deploy with strategy: canary: the release (src/shared/action/canary/rollout.ts) as a step, its
// outputs set and its job summary written whatever happens.

import * as core from '@actions/core';
import { CanaryRollout } from '../shared/action/canary/rollout.js';
import type { CanaryOptions } from '../shared/action/canary/options.js';
import { writeCanarySummary } from '../shared/action/canary/summary.js';
import type { StepContext } from '../shared/action/step.js';
import { writeSummary } from '../shared/action/summary.js';
import type { SummaryRow } from '../shared/action/summary.js';
import { tokenSourceFor } from '../shared/auth.js';
import { OdahuClient } from '../shared/client.js';
import type { ModelDeployment } from '../shared/types.js';
import type { DeployInputs } from './inputs.js';

export async function deployCanary(
  ctx: StepContext,
  inputs: DeployInputs,
  desired: ModelDeployment,
  options: CanaryOptions,
): Promise<CanaryRollout> {
  // The token source is the client's: the rollout reads the token's roles and probes with it.
  const { settings } = inputs;
  const tokens = tokenSourceFor(settings.credentials, settings.retryTimeoutMs);
  const client = OdahuClient.fromSettings(settings, { tokens });
  const rollout = new CanaryRollout(ctx, client, {
    desired,
    options,
    tokens,
    timeoutMs: inputs.timeoutMs,
    pollIntervalMs: inputs.pollIntervalMs,
  });
  const rows: SummaryRow[] = [];
  try {
    await rollout.runWithOutputs(rows, (name, value) => core.setOutput(name, value));
  } finally {
    if (rows.length > 0) await writeSummary('Odahu deploy', rows);
    await writeCanarySummary(rollout.report);
    client.dispose();
  }
  return rollout;
}
