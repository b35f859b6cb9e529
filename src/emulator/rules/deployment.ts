// ModelDeployment: prefix `Validation of model deployment is failed: `. The server prepends some
// errors as it goes, which gives this final order: nodeSelector, liveness, readiness, min>max, max<1,
// min<0, ID, image, predictor, roleName, resource parse errors, Kubernetes resource rules.

import { idErrors, labelError } from './identifiers.js';
import { nodeSelectorError } from './node-selector.js';
import { readBody } from './prepared.js';
import type { DecodedBody, PrepareOptions, Prepared } from './prepared.js';
import { refuseIfAny } from './refusals.js';
import { copyResources, resourceErrors, resourceParseErrors } from './resources.js';
import type { ClusterView } from '../cluster.js';
import type { ModelDeploymentSpec } from '../../shared/types.js';

/** Knative names derived from the id must fit, so deployment ids are shorter than others. */
const MAX_DEPLOYMENT_ID_LENGTH = 46;
const DEFAULT_PROBE_INITIAL_DELAY = 2;
const DEFAULT_ROLE_PREFIX = 'role-';

export function prepareModelDeployment(
  body: DecodedBody,
  view: ClusterView,
  _options: PrepareOptions,
): Prepared<ModelDeploymentSpec> {
  const { id, spec } = readBody<ModelDeploymentSpec>(body);
  const config = view.config;
  const appended: string[] =
    id.length > MAX_DEPLOYMENT_ID_LENGTH
      ? [`model deployment ID should not exceed ${MAX_DEPLOYMENT_ID_LENGTH} symbols`]
      : idErrors(id);
  const prepended: string[] = [];

  if (!spec.image) appended.push('empty image parameter');
  if (!spec.predictor) appended.push('empty predictor parameter');
  if (!spec.roleName) spec.roleName = `${DEFAULT_ROLE_PREFIX}${id}`;
  else {
    const invalid = labelError(spec.roleName);
    if (invalid !== undefined) appended.push(invalid);
  }

  if (spec.minReplicas === undefined) spec.minReplicas = 0;
  else if (spec.minReplicas < 0) {
    prepended.unshift('minimum number of replicas parameter must not be less than 0');
  }
  if (spec.maxReplicas === undefined) spec.maxReplicas = spec.minReplicas > 1 ? spec.minReplicas : 1;
  else if (spec.maxReplicas < 1) {
    prepended.unshift('maximum number of replicas parameter must not be less than 1');
  }
  if (spec.minReplicas > spec.maxReplicas) {
    prepended.unshift(
      'maximum number of replicas parameter must not be less than minimum number of replicas parameter',
    );
  }

  if (spec.resources === undefined) spec.resources = copyResources(config.deployment.defaultResources);
  else appended.push(...resourceParseErrors(spec.resources));

  if (spec.readinessProbeInitialDelay === undefined) {
    spec.readinessProbeInitialDelay = DEFAULT_PROBE_INITIAL_DELAY;
  } else if (spec.readinessProbeInitialDelay < 0) {
    prepended.unshift('readinessProbeInitialDelay must be non-negative integer');
  }
  if (spec.livenessProbeInitialDelay === undefined) {
    spec.livenessProbeInitialDelay = DEFAULT_PROBE_INITIAL_DELAY;
  } else if (spec.livenessProbeInitialDelay < 0) {
    prepended.unshift('livenessProbeInitialDelay must be non-negative integer');
  }
  spec.imagePullConnID ||= config.defaultDockerPullConnName;

  const selectorError = nodeSelectorError(spec.nodeSelector, config.deployment.nodePools);
  if (selectorError !== undefined) prepended.unshift(selectorError);
  appended.push(...resourceErrors(spec.resources));
  refuseIfAny('Validation of model deployment is failed', [...prepended, ...appended]);

  return { id, spec: { ...spec, image: spec.image ?? '', predictor: spec.predictor ?? '' } };
}
