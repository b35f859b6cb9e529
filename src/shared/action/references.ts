// What each kind of manifest names that must exist when the server receives it: the server refuses a
// training whose toolchain or connections are missing, a packaging without its integration or target
// connections, a route without its deployments, a job without its service; it takes a deployment
// whose pull connection or a batch service whose connections are missing, and their controllers then
// never give them a state. Every step that writes a manifest checks these before its first write
// (apply and the pipeline for all their manifests at once), so that a missing one fails the step with
// one line naming it, and nothing is half-applied: no training replaced by nothing, no deployment
// waited for until its timeout.

import type { OdahuClient } from '../odahu/client.js';
import { InputError } from '../odahu/errors.js';
import type { KindName, KindResources } from '../odahu/kinds.js';
import { PlannedCluster } from './planned-cluster.js';

export interface Reference {
  kind: KindName;
  id: string;
  /** Where the manifest names it, e.g. `spec.data[0].connection`. */
  field: string;
  /** What a missing one costs when the server does not refuse it itself. */
  consequence?: string;
}

/** What a resource of `kind` names that must exist. */
export function referencesOf<K extends KindName>(kind: K, resource: KindResources[K]): Reference[] {
  const refs: Reference[] = [];
  const add = (refKind: KindName, id: string | undefined, field: string, consequence?: string) => {
    if (id) refs.push({ kind: refKind, id, field, ...(consequence ? { consequence } : {}) });
  };
  switch (kind) {
    case 'ModelTraining': {
      const { spec } = resource as KindResources['ModelTraining'];
      add('ToolchainIntegration', spec.toolchain, 'spec.toolchain');
      add('Connection', spec.algorithmSource?.vcs?.connection, 'spec.algorithmSource.vcs.connection');
      add(
        'Connection',
        spec.algorithmSource?.objectStorage?.connection,
        'spec.algorithmSource.objectStorage.connection',
      );
      spec.data?.forEach((binding, i) => add('Connection', binding.connection, `spec.data[${i}].connection`));
      add('Connection', spec.outputConnection, 'spec.outputConnection');
      break;
    }
    case 'ModelPackaging': {
      const { spec } = resource as KindResources['ModelPackaging'];
      add('PackagingIntegration', spec.integrationName, 'spec.integrationName');
      spec.targets?.forEach((target, i) =>
        add('Connection', target.connectionName, `spec.targets[${i}].connectionName`),
      );
      add('Connection', spec.outputConnection, 'spec.outputConnection');
      break;
    }
    case 'ModelDeployment': {
      const { spec } = resource as KindResources['ModelDeployment'];
      add(
        'Connection',
        spec.imagePullConnID,
        'spec.imagePullConnID',
        'the server takes it, but the deployment would never get a state',
      );
      break;
    }
    case 'ModelRoute': {
      const { spec } = resource as KindResources['ModelRoute'];
      spec.modelDeployments?.forEach((target, i) =>
        add('ModelDeployment', target.mdName, `spec.modelDeployments[${i}].mdName`),
      );
      add('ModelDeployment', spec.mirror, 'spec.mirror');
      break;
    }
    case 'InferenceService': {
      const { spec } = resource as KindResources['InferenceService'];
      const noJob = 'the server takes it, but no job of the service would ever start';
      add('Connection', spec.dataSource?.connection, 'spec.dataSource.connection', noJob);
      add('Connection', spec.outputDestination?.connection, 'spec.outputDestination.connection', noJob);
      add(
        'Connection',
        spec.modelRegistry?.remote?.modelConnection,
        'spec.modelRegistry.remote.modelConnection',
        noJob,
      );
      break;
    }
    case 'InferenceJob': {
      // The connections a job needs are checked with their types (batch-service.ts).
      const { spec } = resource as KindResources['InferenceJob'];
      add('InferenceService', spec.inferenceServiceId, 'spec.inferenceServiceId');
      break;
    }
    default:
      break;
  }
  return refs;
}

/** How a message names a kind: `connection`, `toolchain integration`. */
const NOUNS: Partial<Record<KindName, string>> = {
  Connection: 'connection',
  ToolchainIntegration: 'toolchain integration',
  PackagingIntegration: 'packaging integration',
  ModelDeployment: 'deployment',
  InferenceService: 'batch inference service',
};

/**
 * The references of `resource` that `cluster` does not have (credentials that may not read a kind
 * leave its references to the server), one line each: `<origin>: <field> names <kind> <id>, which
 * <absence>`, with what a missing one costs where the server would not say.
 */
export async function missingReferences<K extends KindName>(
  cluster: PlannedCluster,
  item: { kind: K; resource: KindResources[K]; origin: string },
  absence = 'does not exist',
): Promise<{ problems: string[]; missing: Reference[] }> {
  const problems: string[] = [];
  const missing: Reference[] = [];
  for (const ref of referencesOf(item.kind, item.resource)) {
    if ((await cluster.exists(ref.kind, ref.id)) !== false) continue;
    missing.push(ref);
    const noun = NOUNS[ref.kind] ?? ref.kind;
    problems.push(
      `${item.origin}: ${ref.field} names ${noun} ${ref.id}, which ${absence}${ref.consequence ? ` (${ref.consequence})` : ''}`,
    );
  }
  return { problems, missing };
}

/**
 * Before a step writes these resources: every one they name exists on the server (or is among
 * them). Throws one InputError listing every missing one; nothing has been written then.
 */
export async function checkReferences(
  client: OdahuClient,
  items: readonly { kind: KindName; resource: KindResources[KindName]; origin: string }[],
  signal: AbortSignal,
): Promise<void> {
  const cluster = new PlannedCluster(
    client,
    signal,
    items.map(({ kind, resource }) => ({ kind, id: resource.id, resource })),
  );
  const problems: string[] = [];
  for (const item of items) problems.push(...(await missingReferences(cluster, item)).problems);
  if (problems.length > 0) throw new InputError(problems);
}
