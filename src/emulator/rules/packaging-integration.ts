// PackagingIntegration: prefix `Validation of packaging integration is failed: `; targets must be
// named and use known connection types, and the argument schema must compile.

import { argumentSchemaError } from './argument-schema.js';
import { idErrors } from './identifiers.js';
import { readBody } from './prepared.js';
import type { DecodedBody, PrepareOptions, Prepared } from './prepared.js';
import type { ClusterView } from '../cluster.js';
import { refuseIfAny } from './refusals.js';
import { CONNECTION_TYPES } from '../../shared/odahu/types.js';
import type { PackagingIntegrationSpec, TargetSchema } from '../../shared/odahu/types.js';

export function preparePackagingIntegration(
  body: DecodedBody,
  _view: ClusterView,
  _options: PrepareOptions,
): Prepared<PackagingIntegrationSpec> {
  const { id, spec } = readBody<PackagingIntegrationSpec>(body);
  const errors = idErrors(id);
  if (!spec.entrypoint) errors.push('empty entrypoint');
  if (!spec.defaultImage) errors.push('empty defaultImage');

  const targets = spec.schema?.targets ?? null;
  for (const target of targets ?? []) {
    if (!target.name) errors.push('one of target has empty name');
    else if (!target.connectionTypes?.length) {
      errors.push(`${target.name} target must have at least one connection type`);
    } else {
      for (const type of target.connectionTypes) {
        if (!(CONNECTION_TYPES as readonly string[]).includes(type)) {
          errors.push(`${target.name} target have unknown connection type: ${type}`);
        }
      }
    }
  }
  const schemaError = argumentSchemaError(spec.schema?.arguments);
  if (schemaError !== undefined) errors.push(`arguments have not valid json schema: ${schemaError}`);
  refuseIfAny('Validation of packaging integration is failed', errors);

  const args = spec.schema?.arguments;
  return {
    id,
    spec: {
      ...spec,
      entrypoint: spec.entrypoint ?? '',
      defaultImage: spec.defaultImage ?? '',
      schema: {
        // Every key of a target is always emitted.
        targets:
          targets &&
          targets.map((target): TargetSchema => ({
            ...target,
            default: target.default ?? '',
            required: target.required ?? false,
          })),
        arguments: { ...args, properties: args?.properties ?? null },
      },
    },
  };
}
