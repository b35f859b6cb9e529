// The batch action: the 1.6 plugin's InferenceServiceOperator, InferenceJobOperator and
// InferenceJobSensor in one step. Checks the connections a job needs, applies the service under
// if-exists, starts a job of it (the server names it job-<service>-xxxxx), and waits for the job.

import * as core from '@actions/core';
import { applyResource } from '../shared/action/apply.js';
import { jobConnectionProblems, serviceStore } from '../shared/action/batch-service.js';
import { inferenceJobPhase } from '../shared/action/phases.js';
import { PlannedCluster } from '../shared/action/planned-cluster.js';
import { settleStarted } from '../shared/action/run-phase.js';
import type { StepContext } from '../shared/action/step.js';
import { unchangedCheck } from '../shared/action/stored-spec.js';
import type { SummaryRow } from '../shared/action/summary.js';
import { writeSummary } from '../shared/action/summary.js';
import { OdahuClient } from '../shared/odahu/client.js';
import { InputError } from '../shared/odahu/errors.js';
import type { BatchInputs } from './inputs.js';
import { logText } from '../shared/odahu/untrusted-text.js';

export async function batch(ctx: StepContext, inputs: BatchInputs): Promise<void> {
  const { service, job, ifExists } = inputs;
  const { signal } = ctx;
  const client = OdahuClient.fromSettings(inputs.settings);
  const rows: SummaryRow[] = [];
  const timing = {
    deleteTimeoutMs: Math.max(inputs.timeoutMs, 60_000),
    pollIntervalMs: inputs.pollIntervalMs,
  };
  try {
    // Read before anything is written: a job that could never run fails the step here.
    const cluster = new PlannedCluster(client, signal, [
      { kind: 'InferenceService', id: service.id, resource: service },
    ]);
    const problems = await jobConnectionProblems(cluster, service, job);
    if (problems.length > 0) throw new InputError(problems);

    const started = Date.now();
    const { applied } = await applyResource(serviceStore(client, timing), service, ifExists, {
      noun: 'batch inference service',
      signal,
      ...timing,
      unchanged: unchangedCheck('InferenceService', service, cluster, client),
    });
    core.setOutput('service-id', service.id);
    rows.push({
      kind: 'InferenceService',
      id: service.id,
      action: applied,
      state: '',
      durationMs: Date.now() - started,
      outputs: {},
    });

    core.info(logText(`Starting a batch inference job of service ${service.id}.`));
    const created = await client.inferenceJobs.create(job, { signal });
    core.info(
      logText(`Started batch inference job ${created.id} (request id ${created.spec.requestId ?? ''}).`),
    );
    core.setOutput('job-id', created.id);
    await settleStarted(ctx, client, inferenceJobPhase, created.id, created, {
      ...inputs,
      action: 'created',
      started: Date.now(),
      rows,
      setOutput: (name, value) => core.setOutput(name, value),
      undo: {
        reason: 'a cancelled batch step deletes its job',
        work: (cleanupSignal) => client.inferenceJobs.delete(created.id, { signal: cleanupSignal }),
      },
    });
  } finally {
    await writeSummary('Odahu batch', rows);
    client.dispose();
  }
}
