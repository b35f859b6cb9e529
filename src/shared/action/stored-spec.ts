// What the 1.6 server stores for a manifest, kind by kind, so that an apply leaves alone a resource
// that already has it (no PUT: a training's or packaging's PUT resets its state and may run it again,
// a deployment's rolls a new revision out). The defaults are the server's (REFERENCE §4); those that
// come from other resources are read from the cluster as the apply will leave it. Any doubt counts as
// a change: a PUT is always correct, only sometimes wasteful.

import type { OdahuClient } from '../odahu/client.js';
import type { KindName, KindResources } from '../odahu/kinds.js';
import type {
  Connection,
  ModelDeployment,
  ModelPackaging,
  ModelRoute,
  ModelTraining,
  Target,
} from '../odahu/types.js';
import { unchangedDeployment } from './desired-deployment.js';
import { deniedRead } from './planned-cluster.js';
import type { PlannedCluster } from './planned-cluster.js';
import { sameSpec } from './same-spec.js';

const DEFAULT_ARTIFACT_NAME_TEMPLATE = '{{ .Name }}-{{ .Version }}-{{ .RandomUUID }}.zip';
const DEFAULT_WORK_DIR = './';
const FULL_WEIGHT = 100;

/**
 * For if-exists: update, true when the stored resource already holds what a PUT would store; what it
 * reads listens to the step's signal.
 */
export type UnchangedCheck<R> = (existing: R, signal: AbortSignal) => Promise<boolean>;

type AsStored<K extends KindName> = (resource: KindResources[K], cluster: PlannedCluster) => unknown;

/** The spec the server stores for each kind compared as a whole (connections and deployments apart). */
const AS_STORED: { [K in KindName]?: AsStored<K> } = {
  ToolchainIntegration: (integration) => integration.spec,
  PackagingIntegration: (integration) => integration.spec,
  ModelTraining: trainingAsStored,
  ModelPackaging: packagingAsStored,
  ModelRoute: routeAsStored,
  // The webhook default of a create is already in the desired service (batch-service.ts).
  InferenceService: (service) => service.spec,
};

export function unchangedCheck<K extends KindName>(
  kind: K,
  desired: KindResources[K],
  cluster: PlannedCluster,
  client: OdahuClient,
): UnchangedCheck<KindResources[K]> {
  if (kind === 'Connection') {
    return (existing) => unchangedConnection(client, desired as Connection, existing as Connection);
  }
  if (kind === 'ModelDeployment') {
    return unchangedDeployment(client, desired as ModelDeployment) as UnchangedCheck<KindResources[K]>;
  }
  const asStored = AS_STORED[kind];
  // Jobs are never updated: each apply starts a new one.
  if (!asStored) return () => Promise.resolve(false);
  return async (existing) => sameSpec(existing.spec, await asStored(desired, cluster));
}

async function trainingAsStored(training: ModelTraining, cluster: PlannedCluster): Promise<unknown> {
  const { spec } = training;
  const config = (await cluster.configuration()).training;
  const vcs = { ...spec.algorithmSource?.vcs };
  // A git connection's reference is copied into a VCS source that names none.
  if (vcs.connection && !vcs.reference) {
    vcs.reference = (await cluster.find('Connection', vcs.connection))?.spec.reference;
  }
  const toolchain = spec.image ? undefined : await cluster.find('ToolchainIntegration', spec.toolchain);
  return {
    ...spec,
    model: {
      ...spec.model,
      artifactNameTemplate: spec.model.artifactNameTemplate || DEFAULT_ARTIFACT_NAME_TEMPLATE,
    },
    entrypoint: spec.entrypoint ?? '',
    workDir: spec.workDir || DEFAULT_WORK_DIR,
    resources: spec.resources ?? config?.defaultResources,
    outputConnection: spec.outputConnection || config?.outputConnectionID,
    image: spec.image || toolchain?.spec.defaultImage,
    algorithmSource: { vcs, objectStorage: { ...spec.algorithmSource?.objectStorage } },
  };
}

async function packagingAsStored(packaging: ModelPackaging, cluster: PlannedCluster): Promise<unknown> {
  const { spec } = packaging;
  const config = (await cluster.configuration()).packaging;
  const integration = await cluster.find('PackagingIntegration', spec.integrationName);
  const given = spec.targets ?? [];
  // The integration's targets that were not given but have a default connection are appended.
  const appended: Target[] = (integration?.spec.schema?.targets ?? [])
    .filter((schema) => schema.default && !given.some((target) => target.name === schema.name))
    .map((schema) => ({ name: schema.name, connectionName: schema.default }));
  return {
    ...spec,
    image: spec.image || integration?.spec.defaultImage,
    arguments: spec.arguments ?? null,
    targets: [...given, ...appended],
    resources: spec.resources ?? config?.defaultResources,
    outputConnection: spec.outputConnection || config?.outputConnectionID,
  };
}

function routeAsStored(route: ModelRoute): unknown {
  const targets = route.spec.modelDeployments ?? [];
  // A single target without a weight gets all of the traffic.
  return {
    ...route.spec,
    modelDeployments:
      targets.length === 1 ? targets.map((t) => ({ ...t, weight: t.weight ?? FULL_WEIGHT })) : targets,
  };
}

/**
 * Answers mask a connection's secrets, so it is compared in its decrypted form (admins only: for
 * other credentials it counts as changed). What the server derives from the uri when the manifest
 * leaves it out (a git host's public key, an ECR region) is taken as stored.
 */
async function unchangedConnection(
  client: OdahuClient,
  desired: Connection,
  existing: Connection,
): Promise<boolean> {
  let stored: Connection;
  try {
    stored = await client.connections.decrypted(existing.id);
  } catch (error) {
    if (deniedRead(error)) return false;
    throw error;
  }
  const expected = { ...desired.spec };
  if (expected.type === 'git' && !expected.publicKey) expected.publicKey = stored.spec.publicKey;
  if (expected.type === 'ecr' && !expected.region) expected.region = stored.spec.region;
  return sameSpec(stored.spec, expected);
}
