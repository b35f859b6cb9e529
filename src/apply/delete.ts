// apply with delete: true, the way a workflow tears down what it applied (a pull request's preview):
// the manifests' resources in reverse dependency order, each kind deleted and waited for until the
// server confirms it is gone before the next. Missing ones are fine. What the server would refuse (a
// vital connection, a default route) is found by reading first, so nothing is half-deleted for it.
// Batch jobs have generated ids: an InferenceJob manifest stands for every job of its service, and a
// service's jobs go before it (the server keeps a service that has jobs).

import * as core from '@actions/core';
import { capitalize, waitUntilGone } from '../shared/action/apply.js';
import type { Store } from '../shared/action/apply.js';
import { allJobsOf } from '../shared/action/batch-service.js';
import { PHASE_OF_KIND } from '../shared/action/phases.js';
import type { StepContext } from '../shared/action/step.js';
import { isNotFound } from '../shared/odahu/client.js';
import type { OdahuClient } from '../shared/odahu/client.js';
import { InputError } from '../shared/odahu/errors.js';
import { DEPENDENCY_ORDER } from '../shared/odahu/kinds.js';
import type { KindName } from '../shared/odahu/kinds.js';
import type { Connection, InferenceJob, ModelRoute } from '../shared/odahu/types.js';
import type { ApplyInputs } from './inputs.js';
import { NOUNS } from './report.js';
import type { ApplyReport } from './report.js';
import { logText } from '../shared/odahu/untrusted-text.js';

interface Target {
  kind: KindName;
  id: string;
  present: boolean;
}

export async function deleteAll(
  ctx: StepContext,
  client: OdahuClient,
  inputs: ApplyInputs,
  report: ApplyReport,
): Promise<void> {
  const targets = await planDelete(client, ctx.signal, inputs);
  for (const kind of [...DEPENDENCY_ORDER].reverse()) {
    const group = targets.filter((target) => target.kind === kind);
    const store = client.kind(kind) as unknown as Store<unknown>;
    const started = Date.now();
    for (const target of group) {
      const what = `${NOUNS[kind]} ${target.id}`;
      if (!target.present) {
        core.info(logText(`${capitalize(what)} is not there: nothing to delete.`));
        continue;
      }
      core.info(logText(`Deleting ${what}.`));
      try {
        await store.delete(target.id, { signal: ctx.signal });
      } catch (error) {
        // Gone since it was read: what was wanted.
        if (!isNotFound(error)) throw error;
      }
    }
    const phase = PHASE_OF_KIND[kind];
    for (const target of group) {
      const result = {
        kind,
        id: target.id,
        action: target.present ? ('deleted' as const) : ('absent' as const),
      };
      if (target.present) {
        await waitUntilGone(store, target.id, {
          noun: NOUNS[kind],
          signal: ctx.signal,
          deleteTimeoutMs: inputs.timeoutMs,
          pollIntervalMs: inputs.pollIntervalMs,
          runtimeGone: phase?.runtimeGone && ((id, signal) => phase.runtimeGone!(client, id, signal)),
        });
        core.info(logText(`${capitalize(NOUNS[kind])} ${target.id} is gone.`));
      }
      report.done(result);
      report.row(result, started, target.present ? 'gone' : '');
    }
  }
}

/** What there is to delete, read before the first DELETE; what the server would refuse fails here. */
async function planDelete(client: OdahuClient, signal: AbortSignal, inputs: ApplyInputs): Promise<Target[]> {
  const targets: Target[] = [];
  const problems: string[] = [];
  // Every job of the cluster, listed once (the API has no filter by service): each service's are picked from it.
  let allJobs: Promise<InferenceJob[]> | undefined;
  const jobsOfService = async (serviceId: string) =>
    (await (allJobs ??= allJobsOf(client, signal))).filter(
      (job) => job.spec.inferenceServiceId === serviceId,
    );
  const addJobs = (jobs: InferenceJob[]) => {
    for (const job of jobs) {
      if (!targets.some((t) => t.kind === 'InferenceJob' && t.id === job.id)) {
        targets.push({ kind: 'InferenceJob', id: job.id, present: true });
      }
    }
  };
  for (const manifest of inputs.manifests) {
    const { kind, id, origin } = manifest;
    if (kind === 'InferenceJob') {
      const serviceId = (manifest.resource as InferenceJob).spec.inferenceServiceId;
      const jobs = await jobsOfService(serviceId);
      if (jobs.length === 0)
        core.info(logText(`${origin}: service ${serviceId} has no batch inference jobs to delete.`));
      addJobs(jobs);
      continue;
    }
    const existing = await client.kind(kind).find(id, { signal });
    if (kind === 'Connection' && (existing as Connection | undefined)?.spec.vital) {
      problems.push(`${origin}: connection ${id} is vital: the server refuses to delete it`);
    }
    if (kind === 'ModelRoute' && (existing as ModelRoute | undefined)?.default) {
      problems.push(
        `${origin}: route ${id} is a default route, which goes with its deployment: delete the deployment instead`,
      );
    }
    if (kind === 'InferenceService' && existing) addJobs(await jobsOfService(id));
    targets.push({ kind, id, present: existing !== undefined });
  }
  if (problems.length > 0) throw new InputError(problems);
  return targets;
}
