// The pipeline action: train → package → deploy → (predict) in one step, each phase exactly as its own
// action runs it (same policies, waits, logs and outputs), the artifact and the image handed on as
// the separate actions' outputs would be. One job-summary table holds every phase. The deploy phase
// can be a canary release behind a stable URL, as the deploy action's strategy: canary.

import * as core from '@actions/core';
import { unchangedDeployment, withDefaults } from '../shared/action/desired-deployment.js';
import { CanaryRollout } from '../shared/action/canary/rollout.js';
import { writeCanarySummary } from '../shared/action/canary/summary.js';
import { queryModel } from '../shared/action/model-query.js';
import { deploymentPhase, packagingPhase, trainingPhase } from '../shared/action/phases.js';
import { runPhase } from '../shared/action/run-phase.js';
import type { StepContext } from '../shared/action/step.js';
import type { SummaryRow } from '../shared/action/summary.js';
import { writeSummary } from '../shared/action/summary.js';
import { tokenSourceFor } from '../shared/auth.js';
import { OdahuClient } from '../shared/client.js';
import type { PipelineInputs } from './inputs.js';

/** How long a freshly Ready model may answer 404/502/503 before the prediction fails. */
const READY_TIMEOUT_MS = 60_000;

/** The phases' outputs the pipeline passes on; each phase's `state` and `status` would collide. */
const PIPELINE_OUTPUTS = new Set([
  'training-id',
  'artifact-name',
  'run-id',
  'commit-id',
  'packaging-id',
  'image',
  'results',
  'deployment-id',
  'url',
  'model-name',
  'model-version',
  'available-replicas',
  'promoted',
  'previous-deployment-id',
]);

export async function runPipeline(ctx: StepContext, inputs: PipelineInputs): Promise<void> {
  const { settings } = inputs;
  const tokens = tokenSourceFor(settings.credentials, settings.retryTimeoutMs);
  const client = OdahuClient.fromSettings(settings, { tokens });
  const rows: SummaryRow[] = [];
  const setOutput = (name: string, value: string) => {
    if (PIPELINE_OUTPUTS.has(name)) core.setOutput(name, value);
  };
  const waiting = { wait: true, pollIntervalMs: inputs.pollIntervalMs, logs: inputs.logs };
  /** The deploy stage with strategy: canary. */
  let canary: CanaryRollout | undefined;
  try {
    const trained = await runPhase(
      ctx,
      client,
      {
        phase: trainingPhase,
        store: client.trainings,
        desired: inputs.training,
        ifExists: 'replace',
        deleteOnCancel: inputs.deleteOnCancel,
        timeoutMs: inputs.timeouts.training,
        ...waiting,
      },
      rows,
      setOutput,
    );

    inputs.packaging.spec.artifactName = handedOn(
      trained.outputs,
      'artifact-name',
      'training',
      inputs.training.id,
    );
    const packaged = await runPhase(
      ctx,
      client,
      {
        phase: packagingPhase,
        store: client.packagings,
        desired: inputs.packaging,
        ifExists: 'replace',
        deleteOnCancel: inputs.deleteOnCancel,
        timeoutMs: inputs.timeouts.packaging,
        ...waiting,
      },
      rows,
      setOutput,
    );

    inputs.deployment.spec.image = handedOn(packaged.outputs, 'image', 'packaging', inputs.packaging.id);
    const deployment = withDefaults(inputs.deployment);
    let deployed: Record<string, string>;
    if (inputs.canary) {
      canary = new CanaryRollout(ctx, client, {
        desired: deployment,
        options: inputs.canary,
        tokens,
        timeoutMs: inputs.timeouts.deployment,
        pollIntervalMs: inputs.pollIntervalMs,
      });
      await canary.runWithOutputs(rows, setOutput);
      deployed = canary.stepOutputs();
    } else {
      deployed = (
        await runPhase(
          ctx,
          client,
          {
            phase: deploymentPhase,
            store: client.deployments,
            desired: deployment,
            ifExists: 'update',
            deleteOnCancel: false,
            unchanged: unchangedDeployment(client, deployment),
            timeoutMs: inputs.timeouts.deployment,
            ...waiting,
            logs: false,
          },
          rows,
          setOutput,
        )
      ).outputs;
    }

    if (inputs.request) {
      const started = Date.now();
      const { answer } = await queryModel(client, {
        // Without a URL in the outputs (the route could not be read), the id finds it.
        target: deployed.url ? { url: deployed.url } : { deployment: deployment.id },
        request: inputs.request,
        tokens,
        readyTimeoutMs: READY_TIMEOUT_MS,
        signal: ctx.signal,
        retry: { policy: { budgetMs: settings.retryTimeoutMs } },
      });
      const response = JSON.stringify(answer.body);
      core.info(`Prediction: ${response}`);
      core.setOutput('response', response);
      rows.push({
        kind: 'Model',
        id: deployment.id,
        action: 'predicted',
        state: String(answer.status),
        durationMs: Date.now() - started,
        outputs: { response },
      });
    }
  } finally {
    await writeSummary('Odahu pipeline', rows);
    if (canary) await writeCanarySummary(canary.report);
    client.dispose();
  }
}

/** What one phase hands the next; a phase that succeeded without it is a server-side surprise. */
function handedOn(outputs: Record<string, string>, name: string, noun: string, id: string): string {
  const value = outputs[name];
  if (!value) throw new Error(`${noun} ${id} succeeded but gave no ${name}: nothing to hand on`);
  return value;
}
