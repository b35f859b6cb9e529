// The wait action: the Airflow plugin's sensors on their own. It gives the outputs of the action that
// started the work (train with wait: false, then wait, gives artifact-name).

import * as core from '@actions/core';
import {
  deploymentPhase,
  inferenceJobPhase,
  packagingPhase,
  trainingPhase,
} from '../shared/action/phases.js';
import type { Phase } from '../shared/action/phases.js';
import { settle } from '../shared/action/run-phase.js';
import type { StepContext } from '../shared/action/step.js';
import type { SummaryRow } from '../shared/action/summary.js';
import { writeSummary } from '../shared/action/summary.js';
import { OdahuClient } from '../shared/odahu/client.js';
import type { WaitInputs, WaitTarget } from './inputs.js';

const PHASES: Record<WaitTarget, Phase<unknown>> = {
  'training-id': trainingPhase,
  'packaging-id': packagingPhase,
  'deployment-id': deploymentPhase,
  'inference-job-id': inferenceJobPhase,
};

export async function waitFor(ctx: StepContext, inputs: WaitInputs): Promise<void> {
  const phase = PHASES[inputs.target];
  const started = Date.now();
  const client = OdahuClient.fromSettings(inputs.settings);
  const rows: SummaryRow[] = [];
  try {
    await settle(client, phase, inputs.id, undefined, {
      watch: {
        timeoutMs: inputs.timeoutMs,
        pollIntervalMs: inputs.pollIntervalMs,
        signal: ctx.signal,
        logs: inputs.logs,
      },
      action: 'waited',
      started,
      rows,
      setOutput: (name, value) => core.setOutput(name, value),
    });
  } finally {
    await writeSummary('Odahu wait', rows);
    client.dispose();
  }
}
