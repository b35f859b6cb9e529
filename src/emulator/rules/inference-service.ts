// InferenceService (batch): every error is collected into the batch API's InvalidEntityError
// (`entity "<id>" is invalid; errors: a, b`). Connections are not checked. Only a create fills the
// default webhook trigger.

import { idErrors } from './identifiers.js';
import { readBody } from './prepared.js';
import type { DecodedBody, PrepareOptions, Prepared } from './prepared.js';
import type { ClusterView } from '../cluster.js';
import { invalidEntity } from './refusals.js';
import { resourceParseErrors } from './resources.js';
import { MAX_SERVICE_ID_LENGTH } from '../../shared/odahu/kinds.js';
import type { InferenceServiceSpec } from '../../shared/odahu/types.js';

/** The stored spec: `args` is always emitted, null when absent. */
export type PreparedServiceSpec = Omit<InferenceServiceSpec, 'args'> & { args: string[] | null };

export function prepareInferenceService(
  body: DecodedBody,
  _view: ClusterView,
  options: PrepareOptions,
): Prepared<PreparedServiceSpec> {
  const { id, spec } = readBody<InferenceServiceSpec>(body);
  const errors =
    id.length > MAX_SERVICE_ID_LENGTH
      ? [`ID length must be less or equal to ${MAX_SERVICE_ID_LENGTH}`]
      : idErrors(id);
  if (!spec.image) errors.push('image must be non-empty');
  if (!spec.command?.length) errors.push('command must be non-empty');
  const registry = spec.modelRegistry ?? {};
  if (registry.remote !== undefined) {
    if (!registry.remote.modelConnection) {
      errors.push('modelRegistry.remote.modelConnection must be non-empty');
    }
  } else if (registry.local !== undefined) {
    if (!registry.local.meta?.name) errors.push('modelRegistry.local.meta.name must be non-empty');
    if (!registry.local.meta?.version) errors.push('modelRegistry.local.meta.version must be non-empty');
  } else {
    errors.push(
      'whether modelRegistry.local.meta.name or modelRegistry.local.meta.version must be defined for embedded models',
      'whether modelRegistry.local or modelRegistry.remote must be defined',
    );
  }
  errors.push(...resourceParseErrors(spec.resources));
  if (errors.length > 0) throw invalidEntity(id, errors);

  const triggers = { ...spec.triggers };
  if (options.create) triggers.webhook ??= { enabled: true };
  return {
    id,
    spec: {
      ...spec,
      image: spec.image ?? '',
      command: spec.command ?? [],
      args: spec.args ?? null,
      modelRegistry: registry,
      triggers,
    },
  };
}
