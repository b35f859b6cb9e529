// ModelPackaging: validation in the server's order (prefix `Validation of model packaging is failed: `)
// and its defaults: resources, the configured output connection, the integration's image, and the
// integration's default targets appended when not given (those are not checked).

import { SchemaCompileError, validateArguments } from './argument-schema.js';
import { goSlice } from './go-fmt.js';
import { idErrors } from './identifiers.js';
import { nodeSelectorError } from './node-selector.js';
import { resolveOutputConnection } from './output-connection.js';
import { readBody } from './prepared.js';
import type { DecodedBody, PrepareOptions, Prepared } from './prepared.js';
import { notFound, refuseIfAny } from './refusals.js';
import { copyResources, resourceErrors, resourceParseErrors } from './resources.js';
import type { ClusterView } from '../cluster.js';
import type { ModelPackagingSpec, PackagingIntegration, Target } from '../../shared/odahu/types.js';

export function prepareModelPackaging(
  body: DecodedBody,
  view: ClusterView,
  _options: PrepareOptions,
): Prepared<ModelPackagingSpec> {
  const { id, spec } = readBody<ModelPackagingSpec>(body);
  const config = view.config.packaging;
  const errors = idErrors(id);
  if (!spec.artifactName) errors.push('empty artifactName');
  if (spec.resources === undefined) spec.resources = copyResources(config.defaultResources);
  else errors.push(...resourceParseErrors(spec.resources));

  const output = resolveOutputConnection(spec.outputConnection, config.outputConnectionID, view);
  if (output.error !== undefined) errors.push(output.error);
  const selectorError = nodeSelectorError(spec.nodeSelector, config.nodePools);
  if (selectorError !== undefined) errors.push(selectorError);
  errors.push(...resourceErrors(spec.resources));

  const integrationName = spec.integrationName ?? '';
  let targets = spec.targets ?? null;
  if (integrationName === '') {
    errors.push('empty integrationName');
  } else {
    const integration = view.packagingIntegration(integrationName);
    if (integration === undefined) {
      errors.push(
        `packaging integration with name .spec.integrationName = "${integrationName}" is not found`,
      );
    } else {
      spec.image ||= integration.spec.defaultImage;
      errors.push(...argumentErrors(integration, spec.arguments));
      const checked = checkTargets(integration, targets ?? [], view);
      errors.push(...checked.errors);
      if (checked.appended.length > 0) targets = [...(targets ?? []), ...checked.appended];
    }
  }
  refuseIfAny('Validation of model packaging is failed', errors);

  return {
    id,
    spec: {
      ...spec,
      artifactName: spec.artifactName ?? '',
      integrationName,
      arguments: spec.arguments ?? null,
      targets,
      outputConnection: output.id,
    },
  };
}

function argumentErrors(integration: PackagingIntegration, args: ModelPackagingSpec['arguments']): string[] {
  try {
    const errors = validateArguments(integration, args);
    return errors.length > 0 ? [`argument validation is failed: ${goSlice(errors)}`] : [];
  } catch (error) {
    if (error instanceof SchemaCompileError) return [error.message];
    throw error;
  }
}

interface TargetCheck {
  errors: string[];
  /** Schema targets not given that have a default connection. */
  appended: Target[];
}

function checkTargets(
  integration: PackagingIntegration,
  given: readonly Target[],
  view: ClusterView,
): TargetCheck {
  const schemas = integration.spec.schema?.targets ?? [];
  const remaining = new Map(schemas.map((schema) => [schema.name, schema]));
  const required = new Set(schemas.filter((schema) => schema.required).map((schema) => schema.name));
  const errors: string[] = [];
  for (const { name = '', connectionName = '' } of given) {
    required.delete(name);
    const schema = remaining.get(name);
    // Each schema target matches once: a second target of the same name is unknown.
    if (schema === undefined) {
      errors.push(`cannot find ${name} target in packaging integration ${integration.id}`);
      continue;
    }
    remaining.delete(name);
    const connection = view.connection(connectionName);
    if (connection === undefined) errors.push(notFound(connectionName));
    else if (!(schema.connectionTypes ?? []).includes(connection.spec.type)) {
      errors.push(
        `${name} target has not valid connection type ${connection.spec.type} for packaging integration ${integration.id}`,
      );
    }
  }
  const appended: Target[] = [];
  for (const schema of remaining.values()) {
    if (!schema.default) continue;
    required.delete(schema.name);
    appended.push({ name: schema.name, connectionName: schema.default });
  }
  if (required.size > 0) errors.push(`${goSlice([...required])} are required targets`);
  return { errors, appended };
}
