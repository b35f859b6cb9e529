// ModelTraining: validation in the server's order (prefix `Validation of model training is failed: `)
// and its defaults: artifact name template, resources, workDir, the VCS reference from a git
// connection, the toolchain's image and the configured output connection.

import { idErrors, labelError } from './identifiers.js';
import { trainingNodeSelectorError } from './node-selector.js';
import { resolveOutputConnection } from './output-connection.js';
import { readBody } from './prepared.js';
import type { DecodedBody, PrepareOptions, Prepared } from './prepared.js';
import { notFound, refuseIfAny } from './refusals.js';
import { copyResources, requestsGpu, resourceErrors, resourceParseErrors } from './resources.js';
import type { ClusterView } from '../cluster.js';
import type { ModelTrainingSpec } from '../../shared/odahu/types.js';

const DEFAULT_ARTIFACT_NAME_TEMPLATE = '{{ .Name }}-{{ .Version }}-{{ .RandomUUID }}.zip';
const DEFAULT_WORK_DIR = './';
/** connection.ObjectStorageTypesSet, printed as Go prints its keys. */
const OBJECT_STORAGE_TYPES = ['s3', 'gcs', 'azureblob'];

export function prepareModelTraining(
  body: DecodedBody,
  view: ClusterView,
  _options: PrepareOptions,
): Prepared<ModelTrainingSpec> {
  const { id, spec } = readBody<ModelTrainingSpec>(body);
  const config = view.config.training;
  const errors: string[] = [...idErrors(id)];

  const model = { name: '', version: '', ...spec.model };
  errors.push(...identityErrors('name', model.name), ...identityErrors('version', model.version));
  model.artifactNameTemplate ||= DEFAULT_ARTIFACT_NAME_TEMPLATE;
  if (spec.resources === undefined) spec.resources = copyResources(config.defaultResources);
  else errors.push(...resourceParseErrors(spec.resources));
  spec.workDir ||= DEFAULT_WORK_DIR;

  const vcs = { ...spec.algorithmSource?.vcs };
  const objectStorage = { ...spec.algorithmSource?.objectStorage };
  if (vcs.connection && objectStorage.connection) {
    errors.push('both VCS and ObjectStorage names are specified, must be only one');
  } else if (vcs.connection) {
    const connection = view.connection(vcs.connection);
    if (connection === undefined) errors.push(notFound(vcs.connection));
    else if (!vcs.reference && connection.spec.type !== 'git') {
      errors.push(
        `VCS connection must have the GIT type. You pass the connection of ${connection.spec.type} type`,
      );
    } else if (!vcs.reference && connection.spec.reference) {
      vcs.reference = connection.spec.reference;
    }
  } else if (objectStorage.connection) {
    const connection = view.connection(objectStorage.connection);
    if (connection === undefined) errors.push(notFound(objectStorage.connection));
    else if (!OBJECT_STORAGE_TYPES.includes(connection.spec.type)) {
      errors.push(
        `${connection.id} object storage has wrong data type. Currently supported the following types of ` +
          `connections for object storage: [${OBJECT_STORAGE_TYPES.join(' ')}]`,
      );
    }
  } else {
    errors.push('both VCS and ObjectStorage names are empty');
  }

  (spec.data ?? []).forEach((binding, i) => {
    if (!binding.localPath) errors.push(`you should specify local path for ${i} number of data binding`);
    if (!binding.connection) {
      errors.push(`you should specify connection name for ${i} number of data binding`);
      return;
    }
    const connection = view.connection(binding.connection);
    if (connection === undefined) errors.push(notFound(binding.connection));
    else if (!OBJECT_STORAGE_TYPES.includes(connection.spec.type)) {
      errors.push(
        `${connection.id} data binding has wrong data type. Currently supported the following types of ` +
          `connections for data bindings: [${OBJECT_STORAGE_TYPES.join(' ')}]`,
      );
    }
  });

  const toolchain = spec.toolchain ?? '';
  if (toolchain === '') {
    errors.push('empty toolchain parameter');
  } else {
    const invalid = labelError(toolchain);
    if (invalid !== undefined) errors.push(`invalid training toolchain: ${invalid}`);
    const integration = view.toolchain(toolchain);
    if (integration === undefined) errors.push(notFound(toolchain));
    else spec.image ||= integration.spec.defaultImage;
  }

  const output = resolveOutputConnection(spec.outputConnection, config.outputConnectionID, view);
  if (output.error !== undefined) errors.push(output.error);
  const pools = requestsGpu(spec.resources) ? config.gpuNodePools : config.nodePools;
  const selectorError = trainingNodeSelectorError(spec.nodeSelector, pools);
  if (selectorError !== undefined) errors.push(selectorError);
  errors.push(...resourceErrors(spec.resources));
  refuseIfAny('Validation of model training is failed', errors);

  return {
    id,
    spec: {
      ...spec,
      model,
      toolchain,
      entrypoint: spec.entrypoint ?? '',
      outputConnection: output.id,
      algorithmSource: { vcs, objectStorage },
    },
  };
}

/** `empty model.name`, and the label rule (which the empty value passes). */
function identityErrors(field: 'name' | 'version', value: string): string[] {
  if (value === '') return [`empty model.${field}`];
  const invalid = labelError(value);
  return invalid === undefined ? [] : [`invalid training ${field}: ${invalid}`];
}
