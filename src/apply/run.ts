// The apply action: `odahuflowctl bulk apply` (and, with delete: true, `bulk delete`), safe to re-run.
// Everything is read and checked first (plan.ts); then each kind in dependency order is written:
// created, updated, or left alone when it already has the manifest's spec. With wait: true, the
// trainings, packagings, deployments and batch jobs created or changed are waited for before the
// next kind is written (a packaging needs its training's artifact, a deployment its image).

import * as core from '@actions/core';
import { capitalize } from '../shared/action/apply.js';
import type { Store } from '../shared/action/apply.js';
import { messageOf } from '../shared/thrown.js';
import { PHASE_OF_KIND } from '../shared/action/phases.js';
import { stampingStore } from '../shared/action/provenance.js';
import { settle } from '../shared/action/run-phase.js';
import type { StepContext } from '../shared/action/step.js';
import { writeSummary } from '../shared/action/summary.js';
import { OdahuClient } from '../shared/odahu/client.js';
import { DEPENDENCY_ORDER } from '../shared/odahu/kinds.js';
import type { KindName } from '../shared/odahu/kinds.js';
import type { InferenceJob, ModelDeployment } from '../shared/odahu/types.js';
import { deleteAll } from './delete.js';
import type { ApplyInputs } from './inputs.js';
import { planApply } from './plan.js';
import type { PlannedStep } from './plan.js';
import { ApplyReport, NOUNS } from './report.js';
import type { ResourceAction } from './report.js';
import { logText } from '../shared/odahu/untrusted-text.js';

export async function apply(ctx: StepContext, inputs: ApplyInputs): Promise<void> {
  const client = OdahuClient.fromSettings(inputs.settings);
  const report = new ApplyReport();
  try {
    if (inputs.delete) await deleteAll(ctx, client, inputs, report);
    else await applyAll(ctx, client, inputs, report);
  } finally {
    core.setOutput('resources', JSON.stringify(report.results));
    await writeSummary(inputs.delete ? 'Odahu apply (delete)' : 'Odahu apply', report.rows);
    client.dispose();
  }
}

async function applyAll(
  ctx: StepContext,
  client: OdahuClient,
  inputs: ApplyInputs,
  report: ApplyReport,
): Promise<void> {
  const steps = await planApply(client, ctx.signal, inputs.manifests, inputs.ifExists);
  for (const kind of DEPENDENCY_ORDER) {
    const group = steps.filter((step) => step.manifest.kind === kind);
    const written: Written[] = [];
    for (const step of group) written.push(await write(ctx, client, step, report, inputs));
    await settleGroup(ctx, client, kind, written, inputs, report);
  }
}

interface Written {
  id: string;
  object: unknown;
  action: ResourceAction;
  started: number;
}

async function write(
  ctx: StepContext,
  client: OdahuClient,
  step: PlannedStep,
  report: ApplyReport,
  { ifExists, provenance }: Pick<ApplyInputs, 'ifExists' | 'provenance'>,
): Promise<Written> {
  const { kind } = step.manifest;
  const kindStore = client.kind(kind) as unknown as Store<PlannedStep['desired']>;
  const store =
    kind === 'ModelDeployment'
      ? (stampingStore(kindStore as Store<ModelDeployment>, provenance) as Store<PlannedStep['desired']>)
      : kindStore;
  const what = `${NOUNS[kind]} ${step.manifest.id}`;
  const options = { signal: ctx.signal };
  const started = Date.now();
  let object: unknown = step.existing;
  let action: ResourceAction;
  switch (step.action) {
    case 'create':
      if (kind === 'InferenceJob') {
        const job = (await store.create(step.desired, options)) as InferenceJob;
        core.info(
          logText(
            `Started batch inference job ${job.id} of service ${job.spec.inferenceServiceId} (the server names jobs: each apply starts a new one).`,
          ),
        );
        report.done({ kind, id: job.id, action: 'created' });
        return { id: job.id, object: job, action: 'created', started };
      }
      core.info(logText(`Creating ${what}.`));
      object = await store.create(step.desired, options);
      action = 'created';
      break;
    case 'update':
      core.info(logText(`Updating ${what}.`));
      object = await store.update(step.desired, options);
      action = 'updated';
      break;
    case 'unchanged':
      core.info(logText(`${capitalize(what)} already has this spec: left alone.`));
      action = 'unchanged';
      break;
    case 'skipped':
      core.info(
        logText(`${capitalize(what)} exists with another spec: left as it is (if-exists: ${ifExists}).`),
      );
      action = 'skipped';
      break;
  }
  const result = { kind, id: step.manifest.id, action };
  report.done(result);
  if (!PHASE_OF_KIND[kind]) report.row(result, started);
  return { id: step.manifest.id, object, action, started };
}

/**
 * The summary rows of a kind that runs (state and key outputs), after waiting, when asked, for those
 * created or changed. Every one is settled before a failure fails the step, so the summary is whole.
 */
async function settleGroup(
  ctx: StepContext,
  client: OdahuClient,
  kind: KindName,
  written: Written[],
  inputs: ApplyInputs,
  report: ApplyReport,
): Promise<void> {
  const phase = PHASE_OF_KIND[kind];
  if (!phase || written.length === 0) return;
  const outcomes = await Promise.allSettled(
    written.map((item) => {
      const waits = inputs.wait && (item.action === 'created' || item.action === 'updated');
      return settle(client, phase, item.id, item.object, {
        watch: waits
          ? {
              timeoutMs: inputs.timeoutMs,
              pollIntervalMs: inputs.pollIntervalMs,
              signal: ctx.signal,
              logs: false,
            }
          : undefined,
        action: waits ? `${item.action}, waited` : item.action,
        started: item.started,
        rows: report.rows,
        // The step's one output is `resources`; each resource's own outputs stay in the summary.
        setOutput: () => undefined,
      });
    }),
  );
  const failures = outcomes.flatMap((outcome) =>
    outcome.status === 'rejected' ? [outcome.reason as unknown] : [],
  );
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) {
    throw new Error(failures.map(messageOf).join('\n'));
  }
}
