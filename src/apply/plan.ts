// What an apply will do to each manifest, decided from reads alone before its first write: every
// reference resolves (in the manifests or on the server), every batch job can run, and each existing
// resource is compared with what the server would store for its manifest. A problem anywhere fails
// the step here, with one line each and nothing written.

import {
  jobConnectionProblems,
  jobSourceProblems,
  jobsRefused,
  serviceWithDefaults,
} from '../shared/action/batch-service.js';
import { withDefaults } from '../shared/action/desired-deployment.js';
import { PlannedCluster, deniedRead } from '../shared/action/planned-cluster.js';
import { missingReferences } from '../shared/action/references.js';
import { unchangedCheck } from '../shared/action/stored-spec.js';
import type { OdahuClient } from '../shared/odahu/client.js';
import { InputError } from '../shared/odahu/errors.js';
import type { KindName, KindResources } from '../shared/odahu/kinds.js';
import type { Manifest } from '../shared/action/manifests.js';
import type { InferenceJob, InferenceService, ModelDeployment, ModelRoute } from '../shared/odahu/types.js';
import type { ApplyIfExists } from './inputs.js';

export type PlannedAction = 'create' | 'update' | 'unchanged' | 'skipped';

export interface PlannedStep {
  manifest: Manifest;
  /** What is sent: the manifest with the defaults the actions add (a deployment's predictor...). */
  desired: KindResources[KindName];
  action: PlannedAction;
  /** The server's object, when there is one. */
  existing?: KindResources[KindName];
}

export async function planApply(
  client: OdahuClient,
  signal: AbortSignal,
  manifests: readonly Manifest[],
  ifExists: ApplyIfExists,
): Promise<PlannedStep[]> {
  const desired = manifests.map((manifest) => ({ manifest, desired: asSent(manifest) }));
  const cluster = new PlannedCluster(
    client,
    signal,
    desired
      .filter(({ manifest }) => manifest.kind !== 'InferenceJob')
      .map(({ manifest, desired: resource }) => ({ kind: manifest.kind, id: manifest.id, resource })),
  );
  const problems: string[] = [];
  const steps: PlannedStep[] = [];
  /** Connections already said to be missing: a job that needs one is not told about it again. */
  const missingConnections = new Set<string>();
  for (const { manifest, desired: resource } of desired) {
    const at = (problem: string) => problems.push(`${manifest.origin}: ${problem}`);
    const references = await missingReferences(
      cluster,
      { kind: manifest.kind, resource, origin: manifest.origin },
      'is neither in the manifests nor on the server',
    );
    problems.push(...references.problems);
    for (const ref of references.missing) if (ref.kind === 'Connection') missingConnections.add(ref.id);
    if (manifest.kind === 'InferenceJob') {
      const job = resource as InferenceJob;
      const service = await readable(cluster.find('InferenceService', job.spec.inferenceServiceId));
      if (service) {
        const refused = jobsRefused(service);
        for (const problem of [...(refused ? [refused] : []), ...jobSourceProblems(service, job)]) {
          at(problem);
        }
        for (const problem of await jobConnectionProblems(cluster, service, job, missingConnections)) {
          at(problem);
        }
      }
      // Each apply starts a new job: the server names it.
      steps.push({ manifest, desired: resource, action: 'create' });
      continue;
    }
    const existing = await cluster.onServer(manifest.kind, manifest.id);
    if (!existing) {
      steps.push({ manifest, desired: resource, action: 'create' });
      continue;
    }
    if (ifExists === 'fail') {
      at(`${manifest.kind} ${manifest.id} already exists and if-exists is fail`);
      continue;
    }
    const unchanged = await unchangedCheck(
      manifest.kind,
      resource as never,
      cluster,
      client,
    )(existing, signal);
    const action = unchanged ? 'unchanged' : ifExists === 'skip' ? 'skipped' : 'update';
    // Manifests come in dependency order: what depends on a skipped one is checked against the server's.
    if (action === 'skipped') cluster.keepServers(manifest.kind, manifest.id);
    if (action === 'update' && manifest.kind === 'ModelRoute' && (existing as ModelRoute).default) {
      at(
        `route ${manifest.id} is the default route the server made for a deployment, which cannot be changed; give your route another id`,
      );
    }
    steps.push({ manifest, desired: resource, action, existing });
  }
  if (problems.length > 0) throw new InputError(problems);
  return steps;
}

/** The manifest as the actions send it: a deployment's predictor, a service's webhook trigger. */
function asSent(manifest: Manifest): KindResources[KindName] {
  switch (manifest.kind) {
    case 'ModelDeployment':
      return withDefaults(manifest.resource as ModelDeployment);
    case 'InferenceService':
      return serviceWithDefaults(manifest.resource as InferenceService);
    default:
      return manifest.resource;
  }
}

/** undefined where the credentials may not read it: the server judges the write instead. */
async function readable<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    if (deniedRead(error)) return undefined;
    throw error;
  }
}
