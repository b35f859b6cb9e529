// ModelDeployment: prefix `Validation of model deployment is failed: `. The server prepends some
// errors as it goes, which gives this final order: nodeSelector, liveness, readiness, min>max, max<1,
// min<0, ID, image, predictor, roleName, resource parse errors, Kubernetes resource rules.

import { idErrors, labelError } from './identifiers.js';
import { nodeSelectorError } from './node-selector.js';
import { readBody } from './prepared.js';
import type { DecodedBody, PrepareOptions, Prepared } from './prepared.js';
import { refuseIfAny } from './refusals.js';
import { resourceErrors, resourceParseErrors } from './resources.js';
import type { ClusterView } from '../cluster.js';
import { withServerDefaults } from '../../shared/odahu/stored-deployment.js';
import { MAX_DEPLOYMENT_ID_LENGTH } from '../../shared/odahu/kinds.js';
import type { ModelDeploymentSpec } from '../../shared/odahu/types.js';

export function prepareModelDeployment(
  body: DecodedBody,
  view: ClusterView,
  _options: PrepareOptions,
): Prepared<ModelDeploymentSpec> {
  const { id, spec: given } = readBody<ModelDeploymentSpec>(body);
  const config = view.config;
  // The defaults are the client's too (src/shared/odahu/stored-deployment.ts); the checks are of what
  // was given.
  const spec = withServerDefaults(id, given, {
    defaultResources: config.deployment.defaultResources,
    defaultDockerPullConnName: config.defaultDockerPullConnName,
  });
  const appended: string[] =
    id.length > MAX_DEPLOYMENT_ID_LENGTH
      ? [`model deployment ID should not exceed ${MAX_DEPLOYMENT_ID_LENGTH} symbols`]
      : idErrors(id);
  const prepended: string[] = [];

  if (!given.image) appended.push('empty image parameter');
  if (!given.predictor) appended.push('empty predictor parameter');
  if (given.roleName) {
    const invalid = labelError(given.roleName);
    if (invalid !== undefined) appended.push(invalid);
  }

  if (given.minReplicas !== undefined && given.minReplicas < 0) {
    prepended.unshift('minimum number of replicas parameter must not be less than 0');
  }
  if (given.maxReplicas !== undefined && given.maxReplicas < 1) {
    prepended.unshift('maximum number of replicas parameter must not be less than 1');
  }
  if (spec.minReplicas > spec.maxReplicas) {
    prepended.unshift(
      'maximum number of replicas parameter must not be less than minimum number of replicas parameter',
    );
  }

  if (given.resources !== undefined) appended.push(...resourceParseErrors(given.resources));
  if (given.readinessProbeInitialDelay !== undefined && given.readinessProbeInitialDelay < 0) {
    prepended.unshift('readinessProbeInitialDelay must be non-negative integer');
  }
  if (given.livenessProbeInitialDelay !== undefined && given.livenessProbeInitialDelay < 0) {
    prepended.unshift('livenessProbeInitialDelay must be non-negative integer');
  }

  const selectorError = nodeSelectorError(spec.nodeSelector, config.deployment.nodePools);
  if (selectorError !== undefined) prepended.unshift(selectorError);
  appended.push(...resourceErrors(spec.resources));
  refuseIfAny('Validation of model deployment is failed', [...prepended, ...appended]);

  return { id, spec: { ...spec, image: spec.image ?? '', predictor: spec.predictor ?? '' } };
}
