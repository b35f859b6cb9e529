// What deploy sends, and when it need not send anything. The if-exists policy decides between
// update (PUT: the old revision serves until the new one is Ready) and replace (delete, then create);
// `unchangedDeployment` lets an update of an identical spec skip the PUT and its roll-out.

import * as core from '@actions/core';
import { deploymentServes } from './phases.js';
import type { ModelDeployment } from '../types.js';

/** The 1.6 server requires a predictor; the plugin's example has none, and this is what it meant. */
export const DEFAULT_PREDICTOR = 'odahu-ml-server';

export function withDefaults(deployment: ModelDeployment): ModelDeployment {
  if (!deployment.spec.predictor) {
    core.info(`spec.predictor is not set: using ${DEFAULT_PREDICTOR} (the Odahu 1.6 server requires one).`);
    deployment.spec.predictor = DEFAULT_PREDICTOR;
  }
  return deployment;
}

/** Every field the desired spec sets has that value in `actual` (fields it leaves out keep defaults). */
export function specCovers(actual: unknown, wanted: unknown): boolean {
  if (wanted === undefined || wanted === null) return true;
  if (Array.isArray(wanted)) {
    return (
      Array.isArray(actual) &&
      actual.length === wanted.length &&
      wanted.every((item, i) => specCovers(actual[i], item))
    );
  }
  if (typeof wanted === 'object') {
    if (typeof actual !== 'object' || actual === null) return false;
    const fields = actual as Record<string, unknown>;
    return Object.entries(wanted).every(([key, value]) => specCovers(fields[key], value));
  }
  return actual === wanted;
}

/** The existing deployment serves with this spec already: an update would only restart it. */
export function unchangedDeployment(desired: ModelDeployment): (existing: ModelDeployment) => boolean {
  return (existing) => deploymentServes(existing) && specCovers(existing.spec, desired.spec);
}
