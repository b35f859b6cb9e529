// The four things an odahu step can wait for, described once: how to read one, what its state is,
// when it is finished and whether it succeeded, and what the step outputs for it. The phase actions
// (train, package, deploy, which the pipeline runs) and the wait action use these, so `wait` gives
// exactly the outputs of the action that started the work.

import type { Readable } from 'node:stream';
import * as core from '@actions/core';
import type { CallOptions, OdahuClient } from '../odahu/client.js';
import { ApiError } from '../odahu/errors.js';
import type { KindName } from '../odahu/kinds.js';
import type {
  InferenceJob,
  ModelDeployment,
  ModelPackaging,
  ModelRoute,
  ModelTraining,
} from '../odahu/types.js';

export type Outcome = 'pending' | 'succeeded' | 'failed';

export interface Phase<T> {
  /** The API's kind, for summaries and reference checks. */
  kind: KindName;
  /** How the log names it: `training wine`. */
  noun: string;
  get(client: OdahuClient, id: string, options?: CallOptions): Promise<T>;
  state(obj: T): string;
  /** Extra progress detail worth a line when it changes (replicas, reason). */
  detail(obj: T): string;
  outcome(obj: T): Outcome;
  /** Why it failed, from the server's status. */
  failure(obj: T): string;
  /** What to add to a timeout's message: where to look when it is still not done. */
  timeoutHint?(obj: T): string;
  /**
   * What a wait says once when the phase has not moved on after `afterMs` (a state that usually
   * means it never will), and keeps waiting: undefined when the object is not stuck.
   */
  stuck?: { afterMs: number; hint(obj: T): string | undefined };
  /** Its pod log, once the pod runs (trainings and packagings). */
  logs?: {
    ready(obj: T): boolean;
    open(client: OdahuClient, id: string, follow: boolean, options?: CallOptions): Promise<Readable>;
  };
  /**
   * After a delete: true once what runs it is gone too. A training's Kubernetes object outlives its
   * row until the controller's next pass, and a create before that takes over the old run.
   */
  runtimeGone?(client: OdahuClient, id: string, signal: AbortSignal): Promise<boolean>;
  /** The step outputs for it (names as in the action.yml files). */
  outputs(client: OdahuClient, obj: T, signal?: AbortSignal): Promise<Record<string, string>>;
  /** The outputs worth a cell in the job summary. */
  keyOutputs: string[];
  /** The output naming it (`training-id`): with `state` and keyOutputs, what a parked phase hands on. */
  idOutput: string;
}

const POD_STARTED = ['running', 'succeeded', 'failed'];

function podOutcome(state: string | undefined): Outcome {
  if (state === 'succeeded') return 'succeeded';
  if (state === 'failed') return 'failed';
  return 'pending';
}

/**
 * The log endpoints look the id up in Kubernetes, not in the database (REFERENCE §6): a 404 there
 * means the object is gone; 200 or "has not started yet" mean it is still there.
 */
async function podGone(open: (follow: boolean) => Promise<Readable>): Promise<boolean> {
  try {
    (await open(false)).destroy();
    return false;
  } catch (error) {
    if (error instanceof ApiError) return error.status === 404;
    throw error;
  }
}

function reasonAndMessage(status: { reason?: string; message?: string } | undefined): string {
  const parts = [status?.reason, status?.message].filter((p): p is string => !!p);
  return parts.length > 0 ? parts.join(': ') : 'the server gave no reason';
}

export const trainingPhase: Phase<ModelTraining> = {
  kind: 'ModelTraining',
  noun: 'training',
  get: (client, id, options) => client.trainings.get(id, options),
  state: (t) => t.status?.state ?? 'unknown',
  detail: () => '',
  outcome: (t) => podOutcome(t.status?.state),
  failure: (t) => reasonAndMessage(t.status),
  logs: {
    ready: (t) => POD_STARTED.includes(t.status?.state ?? ''),
    open: (client, id, follow, options) => client.trainings.logs(id, { ...options, follow }),
  },
  runtimeGone: (client, id, signal) => podGone((follow) => client.trainings.logs(id, { follow, signal })),
  outputs: (_client, t) => {
    // A re-run's status keeps the earlier run's artifact until it succeeds, which replaces it with its
    // own: only a succeeded run's artifact is this run's.
    const artifact = t.status?.state === 'succeeded' ? t.status.artifacts?.at(-1) : undefined;
    return Promise.resolve({
      'training-id': t.id,
      state: t.status?.state ?? 'unknown',
      'artifact-name': artifact?.artifactName ?? '',
      'run-id': artifact?.runId ?? '',
      'commit-id': artifact?.commitID ?? '',
      status: JSON.stringify(t.status ?? {}),
    });
  },
  keyOutputs: ['artifact-name'],
  idOutput: 'training-id',
};

export const packagingPhase: Phase<ModelPackaging> = {
  kind: 'ModelPackaging',
  noun: 'packaging',
  get: (client, id, options) => client.packagings.get(id, options),
  state: (p) => p.status?.state ?? 'unknown',
  detail: () => '',
  outcome: (p) => podOutcome(p.status?.state),
  failure: (p) => reasonAndMessage(p.status),
  logs: {
    ready: (p) => POD_STARTED.includes(p.status?.state ?? ''),
    open: (client, id, follow, options) => client.packagings.logs(id, { ...options, follow }),
  },
  runtimeGone: (client, id, signal) => podGone((follow) => client.packagings.logs(id, { follow, signal })),
  outputs: (_client, p) => {
    const results = Object.fromEntries((p.status?.results ?? []).map((r) => [r.name, r.value]));
    return Promise.resolve({
      'packaging-id': p.id,
      state: p.status?.state ?? 'unknown',
      image: results.image ?? '',
      results: JSON.stringify(results),
      status: JSON.stringify(p.status ?? {}),
    });
  },
  keyOutputs: ['image'],
  idOutput: 'packaging-id',
};

/** A DELETE marked it: it goes whatever happens next (a PUT does not clear the mark). */
export function deploymentBeingDeleted(d: ModelDeployment): boolean {
  return d.deletionMark === true || d.status?.state === 'Deleting';
}

/**
 * Ready is not enough: the 1.6 CLI also waits for availableReplicas ≥ minReplicas, and a Ready
 * deployment stays Ready for a moment after its DELETE.
 */
export function deploymentServes(d: ModelDeployment): boolean {
  const status = d.status;
  return (
    !deploymentBeingDeleted(d) &&
    status?.state === 'Ready' &&
    (status.availableReplicas ?? 0) >= (d.spec.minReplicas ?? 0)
  );
}

/** What usually keeps a deployment from serving, from what its state says; '' once Ready. */
function deploymentStuckBecause(d: ModelDeployment): string {
  const { image, imagePullConnID: pull, predictor, resources } = d.spec;
  // No state at all: the controller stopped before making the service. It does when the predictor
  // is unknown, or when it cannot make pull credentials from the connection.
  if (!d.status?.state) {
    const connection = pull
      ? `its image pull connection ${pull} exists and is of type docker or ecr, and `
      : '';
    return `the controller has not started it: check that ${connection}predictor ${predictor} exists`;
  }
  if (d.status.state === 'Ready') return '';
  const through = pull ? ` (registry, tag, pull connection ${pull})` : ' (registry, tag, pull connection)';
  const requests = Object.entries(resources?.requests ?? {}).filter(([, value]) => value);
  const asked =
    requests.length > 0 ? ` (${requests.map(([name, value]) => `${name} ${value}`).join(', ')})` : '';
  return (
    `a deployment that stays ${d.status.state} usually cannot pull its image ${image}${through}, ` +
    `or the cluster lacks the resources it asks for${asked}`
  );
}

export const deploymentPhase: Phase<ModelDeployment> = {
  kind: 'ModelDeployment',
  noun: 'deployment',
  get: (client, id, options) => client.deployments.get(id, options),
  state: (d) => d.status?.state || 'pending',
  detail: (d) =>
    d.status?.state ? `${d.status.availableReplicas ?? 0}/${d.status.replicas ?? 0} replicas available` : '',
  // The controller never writes Failed: a deployment that cannot start stays Processing (or without
  // a state) until the wait times out. Only a deletion is final.
  outcome: (d) => (deploymentBeingDeleted(d) ? 'failed' : deploymentServes(d) ? 'succeeded' : 'pending'),
  failure: (d) =>
    deploymentBeingDeleted(d)
      ? 'it is being deleted'
      : `state ${d.status?.state ?? 'unknown'}, ${d.status?.availableReplicas ?? 0} replicas available`,
  timeoutHint: (d) => {
    const why = deploymentStuckBecause(d);
    return why ? ` (${why})` : '';
  },
  // Minutes Processing with no replica up: pulling an image rarely takes this long.
  stuck: {
    afterMs: 3 * 60_000,
    hint: (d) =>
      !deploymentBeingDeleted(d) && (d.status?.availableReplicas ?? 0) === 0 && d.status?.state !== 'Ready'
        ? deploymentStuckBecause(d)
        : undefined,
  },
  outputs: async (client, d, signal) => {
    let route: ModelRoute | undefined;
    try {
      if (d.status?.state === 'Ready') route = await client.deployments.defaultRoute(d.id, { signal });
    } catch (error) {
      // The other outputs stand without it; the predict action can find the URL from the id.
      core.warning(
        `Could not read the default route of deployment ${d.id}: ${String((error as Error).message)}`,
      );
    }
    return {
      'deployment-id': d.id,
      state: d.status?.state ?? '',
      url: route?.status?.edgeUrl ?? '',
      'model-name': d.status?.modelName ?? '',
      'model-version': d.status?.modelVersion ?? '',
      'available-replicas': String(d.status?.availableReplicas ?? 0),
      status: JSON.stringify(d.status ?? {}),
    };
  },
  keyOutputs: ['url'],
  idOutput: 'deployment-id',
};

export const inferenceJobPhase: Phase<InferenceJob> = {
  kind: 'InferenceJob',
  noun: 'batch inference job',
  get: (client, id, options) => client.inferenceJobs.get(id, options),
  // No state at all: the controller has not made the job's TaskRun (yet, or ever: see timeoutHint).
  state: (j) => j.status?.state || 'pending',
  detail: () => '',
  outcome: (j) => podOutcome(j.status?.state),
  failure: (j) => reasonAndMessage(j.status),
  // The 1.6 controller makes no TaskRun (and writes no state) when a connection it needs is missing.
  timeoutHint: (j) =>
    j.status?.state
      ? ''
      : " (a batch job that never gets a state was not started by the controller: check that its dataSource, its outputDestination and the service's model connection exist and are object storage: s3, gcs or azureblob)",
  outputs: (_client, j) =>
    Promise.resolve({
      'job-id': j.id,
      'service-id': j.spec.inferenceServiceId,
      'request-id': j.spec.requestId ?? '',
      output: JSON.stringify(j.spec.outputDestination ?? null),
      state: j.status?.state ?? '',
      status: JSON.stringify(j.status ?? {}),
    }),
  keyOutputs: ['output'],
  idOutput: 'job-id',
};

/** The phase of each kind that runs or rolls out (the others are done once written). */
export const PHASE_OF_KIND: Partial<Record<KindName, Phase<unknown>>> = {
  ModelTraining: trainingPhase,
  ModelPackaging: packagingPhase,
  ModelDeployment: deploymentPhase,
  InferenceJob: inferenceJobPhase,
};
