// What deploy sends, and when it need not send anything. The if-exists policy decides between update
// (PUT: the old revision serves until the new one is Ready) and replace (delete, then create);
// `unchangedDeployment` lets an update skip the PUT and its roll-out when the server already holds
// exactly the spec it would store for this one, its defaults included.

import * as core from '@actions/core';
import type { OdahuClient } from '../odahu/client.js';
import { withServerDefaults } from '../odahu/stored-deployment.js';
import type { ModelDeployment, ModelDeploymentSpec, OdahuConfiguration } from '../odahu/types.js';
import { deploymentServes } from './phases.js';
import { withoutProvenance } from './provenance.js';
import { sameSpec } from './same-spec.js';

/** The 1.6 server requires a predictor; the plugin's example has none, and this is what it meant. */
export const DEFAULT_PREDICTOR = 'odahu-ml-server';

export function withDefaults(deployment: ModelDeployment): ModelDeployment {
  if (!deployment.spec.predictor) {
    core.info(`spec.predictor is not set: using ${DEFAULT_PREDICTOR} (the Odahu 1.6 server requires one).`);
    deployment.spec.predictor = DEFAULT_PREDICTOR;
  }
  return deployment;
}

/** The spec as the 1.6 server stores it: its defaults filled in. */
export function asServerStores(
  id: string,
  spec: ModelDeploymentSpec,
  config: OdahuConfiguration,
): ModelDeploymentSpec {
  return withServerDefaults(id, spec, config.deployment ?? {});
}

/**
 * True when a PUT would change nothing: the deployment serves, and its stored spec is exactly what
 * the server would store for `desired`. Any doubt means a PUT, which is always safe. The provenance
 * annotations are left out: which run wrote a spec is no reason to roll it out again.
 */
export function unchangedDeployment(
  client: OdahuClient,
  desired: ModelDeployment,
): (existing: ModelDeployment, signal: AbortSignal) => Promise<boolean> {
  return async (existing, signal) => {
    if (!deploymentServes(existing)) return false;
    const config = await client.configuration({ signal });
    const expected = asServerStores(desired.id, withoutProvenance(desired.spec), config);
    return sameSpec(withoutProvenance(existing.spec), expected);
  };
}
