// The wait action: the Airflow plugin's sensors on their own. It gives the outputs of the action that
// started the work (train with wait: false, then wait, gives artifact-name).

import * as core from '@actions/core';
import { settle } from '../shared/action/run-phase.js';
import type { StepContext } from '../shared/action/step.js';
import type { SummaryRow } from '../shared/action/summary.js';
import { writeSummary } from '../shared/action/summary.js';
import { OdahuClient } from '../shared/odahu/client.js';
import { PHASES } from './inputs.js';
import type { WaitInputs } from './inputs.js';

export async function waitFor(ctx: StepContext, inputs: WaitInputs): Promise<void> {
  const phase = PHASES[inputs.target];
  const started = Date.now();
  const client = OdahuClient.fromSettings(inputs.settings);
  const rows: SummaryRow[] = [];
  try {
    await settle(client, phase, inputs.id, undefined, {
      watch: inputs.parking
        ? undefined
        : {
            timeoutMs: inputs.timeoutMs,
            pollIntervalMs: inputs.pollIntervalMs,
            signal: ctx.signal,
            logs: inputs.logs,
          },
      action: inputs.parking ? 'parked' : 'waited',
      started,
      rows,
      setOutput: (name, value) => core.setOutput(name, value),
      park: inputs.parking && {
        parking: inputs.parking,
        action: 'found',
        timeoutMs: inputs.timeoutMs,
        deleteOnEnd: false,
      },
    });
  } finally {
    await writeSummary('Odahu wait', rows);
    client.dispose();
  }
}
