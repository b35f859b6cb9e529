// ModelRoute: the ID error comes bare, the main parameters under `Validation of model route is failed: `,
// the target errors bare again, all joined with "; ". A single target's missing weight becomes 100.

import { ApiFailure } from '../cluster.js';
import { idErrors } from './identifiers.js';
import { readBody } from './prepared.js';
import type { DecodedBody, PrepareOptions, Prepared } from './prepared.js';
import { notFound } from './refusals.js';
import type { ClusterView } from '../cluster.js';
import type { ModelDeploymentTarget, ModelRouteSpec } from '../../shared/odahu/types.js';

/** Prefixes the edge keeps for itself; reachable only when the custom prefix is configured under them. */
const FORBIDDEN_PREFIXES = ['/model', '/feedback'];
const FULL_WEIGHT = 100;

export interface PreparedRoute extends Prepared<ModelRouteSpec> {
  /** The body's `default` flag: on update the server stores it (a quirk that makes a route protected). */
  isDefault: boolean;
}

/** A create refuses a route that calls itself default (500 `unable to create default route`). */
export function prepareModelRoute(
  body: DecodedBody,
  view: ClusterView,
  options: PrepareOptions,
): PreparedRoute {
  const { id, spec } = readBody<ModelRouteSpec>(body);
  const errors = idErrors(id);
  const main = mainParameterErrors(spec, view);
  if (main.length > 0) errors.push(`Validation of model route is failed: ${main.join('; ')}`);
  const targets: ModelDeploymentTarget[] = (spec.modelDeployments ?? []).map((target) => ({ ...target }));
  errors.push(...targetErrors(targets, view));
  if (errors.length > 0) throw new ApiFailure(400, errors.join('; '));

  const isDefault = body.default === true;
  if (options.create && isDefault) throw new ApiFailure(500, 'unable to create default route');
  return { id, spec: { ...spec, urlPrefix: spec.urlPrefix ?? '', modelDeployments: targets }, isDefault };
}

function mainParameterErrors(spec: Partial<ModelRouteSpec>, view: ClusterView): string[] {
  const errors: string[] = [];
  const prefix = spec.urlPrefix ?? '';
  const custom = view.config.customRoutePrefix;
  if (prefix === '') errors.push('empty URL Prefix');
  else if (!prefix.startsWith('/')) errors.push('the URL prefix must start with slash');
  else if (!prefix.startsWith(custom)) errors.push(`custom URL prefix must start with ${custom}`);
  else {
    const forbidden = FORBIDDEN_PREFIXES.find((reserved) => prefix.startsWith(reserved));
    if (forbidden !== undefined) errors.push(`the URL prefix ${forbidden} is forbidden`);
  }
  if (spec.mirror && view.deployment(spec.mirror) === undefined) errors.push(notFound(spec.mirror));
  return errors;
}

function targetErrors(targets: ModelDeploymentTarget[], view: ClusterView): string[] {
  const errors: string[] = [];
  const missing = (name: string): void => {
    if (view.deployment(name) === undefined) errors.push(notFound(name));
  };
  if (targets.length === 0) return ['model deployment targets must contain at least one element'];
  if (targets.length === 1) {
    const target = targets[0]!;
    missing(target.mdName ?? '');
    if (target.weight === undefined) target.weight = FULL_WEIGHT;
    else if (target.weight !== FULL_WEIGHT) {
      errors.push('it must have 100 weight or nil value if there is only one target');
    }
    return errors;
  }
  let total = 0;
  for (const target of targets) {
    missing(target.mdName ?? '');
    if (target.weight === undefined) {
      errors.push('weights must be present if there are more than one model deployment targets');
      continue;
    }
    // The sum is an int32 in Go and wraps around.
    total = (total + target.weight) | 0;
  }
  if (total !== FULL_WEIGHT) errors.push('total target weight does not equal 100');
  return errors;
}
