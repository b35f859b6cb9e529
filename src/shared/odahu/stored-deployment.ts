// What the 1.6.1 server fills in where a ModelDeployment's spec leaves a field out
// (ValidatesMDAndSetDefaults, model_deployment_validation.go). One place for the client (deploy
// compares the stored spec with what the server would store) and the emulator (which stores it).

import type { ModelDeploymentSpec, ResourceRequirements } from './types.js';

/** The server configuration the defaults come from (GET /configuration's `deployment`). */
export interface DeploymentDefaultsConfig {
  defaultResources?: ResourceRequirements;
  defaultDockerPullConnName?: string;
}

/** The fields that always have a value once the defaults are in (resources too, given a config). */
type Defaulted = Required<
  Pick<
    ModelDeploymentSpec,
    | 'roleName'
    | 'minReplicas'
    | 'maxReplicas'
    | 'readinessProbeInitialDelay'
    | 'livenessProbeInitialDelay'
    | 'imagePullConnID'
  >
>;

const DEFAULT_MIN_REPLICAS = 0;
const DEFAULT_MAX_REPLICAS = 1;
const DEFAULT_PROBE_INITIAL_DELAY = 2;
const DEFAULT_ROLE_PREFIX = 'role-';

/**
 * The spec with the server's defaults filled in. Replicas and probe delays default when absent; the
 * role name and the pull connection when absent or empty (the server tests for nil or ""). Invalid
 * values are kept as given: refusing them is the validation's job.
 */
export function withServerDefaults<S extends Partial<ModelDeploymentSpec>>(
  id: string,
  spec: S,
  config: DeploymentDefaultsConfig,
): S & Defaulted & Pick<ModelDeploymentSpec, 'resources'> {
  const minReplicas = spec.minReplicas ?? DEFAULT_MIN_REPLICAS;
  const defaultResources = config.defaultResources;
  return {
    ...spec,
    roleName: spec.roleName || `${DEFAULT_ROLE_PREFIX}${id}`,
    minReplicas,
    maxReplicas:
      spec.maxReplicas ?? (minReplicas > DEFAULT_MAX_REPLICAS ? minReplicas : DEFAULT_MAX_REPLICAS),
    resources: spec.resources ?? (defaultResources ? structuredClone(defaultResources) : undefined),
    readinessProbeInitialDelay: spec.readinessProbeInitialDelay ?? DEFAULT_PROBE_INITIAL_DELAY,
    livenessProbeInitialDelay: spec.livenessProbeInitialDelay ?? DEFAULT_PROBE_INITIAL_DELAY,
    imagePullConnID: spec.imagePullConnID || (config.defaultDockerPullConnName ?? ''),
  };
}
