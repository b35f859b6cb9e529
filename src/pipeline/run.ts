// The pipeline action: train → package → deploy → (predict) in one step, each phase exactly as its own
// action runs it (same policies, waits, logs and outputs), the artifact and the image handed on as
// the separate actions' outputs would be. One job-summary table holds every phase; the pull
// request's report shows it too, and a GitHub deployment records the deploy phase. The deploy phase
// can be a canary release behind a stable URL, as the deploy action's strategy: canary.

import * as core from '@actions/core';
import { unchangedDeployment, withDefaults } from '../shared/action/desired-deployment.js';
import { CanaryRollout } from '../shared/action/canary/rollout.js';
import { reportCanary, writeCanarySummary } from '../shared/action/canary/summary.js';
import { queryModel } from '../shared/action/model-query.js';
import { deploymentPhase, packagingPhase, trainingPhase } from '../shared/action/phases.js';
import { runPhase } from '../shared/action/run-phase.js';
import type { StepContext } from '../shared/action/step.js';
import { writeSummary } from '../shared/action/summary.js';
import { tokenSourceFor } from '../shared/auth.js';
import type { TokenSource } from '../shared/auth.js';
import { predictionTable, servedModelTable } from '../shared/github/report-section.js';
import { GitHubReport } from '../shared/github/step-report.js';
import { stampingStore } from '../shared/action/provenance.js';
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
  const report = new GitHubReport(inputs.github, 'Odahu pipeline', inputs.deployment.id);
  /** The deploy stage with strategy: canary, once it has begun. */
  const deployStage: { canary?: CanaryRollout } = {};
  try {
    await report.around(() => runPhases(ctx, { client, tokens }, inputs, report, deployStage));
  } finally {
    await writeSummary('Odahu pipeline', report.rows);
    if (deployStage.canary) await writeCanarySummary(deployStage.canary.report);
    client.dispose();
  }
}

async function runPhases(
  ctx: StepContext,
  { client, tokens }: { client: OdahuClient; tokens: TokenSource },
  inputs: PipelineInputs,
  report: GitHubReport,
  deployStage: { canary?: CanaryRollout },
): Promise<void> {
  const { rows } = report;
  const setOutput = (name: string, value: string) => {
    if (PIPELINE_OUTPUTS.has(name)) core.setOutput(name, value);
  };
  const waiting = { wait: true, pollIntervalMs: inputs.pollIntervalMs, logs: inputs.logs };
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
  await report.deploying(deployment.id);
  let deployed: Record<string, string>;
  if (inputs.canary) {
    const canary = new CanaryRollout(ctx, client, {
      desired: deployment,
      provenance: inputs.provenance,
      options: inputs.canary,
      tokens,
      timeoutMs: inputs.timeouts.deployment,
      pollIntervalMs: inputs.pollIntervalMs,
    });
    deployStage.canary = canary;
    try {
      await canary.runWithOutputs(rows, setOutput);
    } finally {
      reportCanary(report, canary.report);
    }
    deployed = canary.stepOutputs();
  } else {
    deployed = (
      await runPhase(
        ctx,
        client,
        {
          phase: deploymentPhase,
          store: stampingStore(client.deployments, inputs.provenance),
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
    report.served(deployed.url);
    report.addTable(servedModelTable(deployment.spec.image, deployed));
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
      retry: { policy: { budgetMs: inputs.settings.retryTimeoutMs } },
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
    const prediction = predictionTable(answer.body);
    if (prediction) report.addTable(prediction);
  }
}

/** What one phase hands the next; a phase that succeeded without it is a server-side surprise. */
function handedOn(outputs: Record<string, string>, name: string, noun: string, id: string): string {
  const value = outputs[name];
  if (!value) throw new Error(`${noun} ${id} succeeded but gave no ${name}: nothing to hand on`);
  return value;
}
