// ToolchainIntegration: prefix `Validation of toolchain integration is failed: `; no defaults.

import { idErrors } from './identifiers.js';
import { readBody } from './prepared.js';
import type { DecodedBody, PrepareOptions, Prepared } from './prepared.js';
import type { ClusterView } from '../cluster.js';
import { refuseIfAny } from './refusals.js';
import type { ToolchainIntegrationSpec } from '../../shared/odahu/types.js';

export function prepareToolchainIntegration(
  body: DecodedBody,
  _view: ClusterView,
  _options: PrepareOptions,
): Prepared<ToolchainIntegrationSpec> {
  const { id, spec } = readBody<ToolchainIntegrationSpec>(body);
  const errors = idErrors(id);
  if (!spec.entrypoint) errors.push('empty entrypoint');
  if (!spec.defaultImage) errors.push('empty defaultImage');
  refuseIfAny('Validation of toolchain integration is failed', errors);
  return { id, spec: { ...spec, entrypoint: spec.entrypoint ?? '', defaultImage: spec.defaultImage ?? '' } };
}
