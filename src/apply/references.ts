// What each kind of manifest names that must exist when the server receives it: the server refuses a
// training whose toolchain or connections are missing, a packaging without its integration or target
// connections, a route without its deployments, a job without its service. The apply action checks
// them all against the manifests and the server before its first write, so that a missing one fails
// the step with nothing half-applied.

import type { KindName } from '../shared/odahu/kinds.js';
import type { Manifest } from '../shared/action/manifests.js';

export interface Reference {
  kind: KindName;
  id: string;
  /** Where the manifest names it, e.g. `spec.data[0].connection`. */
  field: string;
}

export function referencesOf(manifest: Manifest): Reference[] {
  const refs: Reference[] = [];
  const add = (kind: KindName, id: string | undefined, field: string) => {
    if (id) refs.push({ kind, id, field });
  };
  switch (manifest.kind) {
    case 'ModelTraining': {
      const { spec } = manifest.resource as Manifest<'ModelTraining'>['resource'];
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
      const { spec } = manifest.resource as Manifest<'ModelPackaging'>['resource'];
      add('PackagingIntegration', spec.integrationName, 'spec.integrationName');
      spec.targets?.forEach((target, i) =>
        add('Connection', target.connectionName, `spec.targets[${i}].connectionName`),
      );
      add('Connection', spec.outputConnection, 'spec.outputConnection');
      break;
    }
    case 'ModelDeployment': {
      // Not checked by the server, but without it the deployment never gets a state.
      const { spec } = manifest.resource as Manifest<'ModelDeployment'>['resource'];
      add('Connection', spec.imagePullConnID, 'spec.imagePullConnID');
      break;
    }
    case 'ModelRoute': {
      const { spec } = manifest.resource as Manifest<'ModelRoute'>['resource'];
      spec.modelDeployments?.forEach((target, i) =>
        add('ModelDeployment', target.mdName, `spec.modelDeployments[${i}].mdName`),
      );
      add('ModelDeployment', spec.mirror, 'spec.mirror');
      break;
    }
    case 'InferenceJob': {
      // The connections a job needs are checked with their types (batch-service.ts).
      const { spec } = manifest.resource as Manifest<'InferenceJob'>['resource'];
      add('InferenceService', spec.inferenceServiceId, 'spec.inferenceServiceId');
      break;
    }
    default:
      break;
  }
  return refs;
}
