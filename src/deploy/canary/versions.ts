// How a canary release names what it makes. The stable URL is a custom ModelRoute named after the
// deployment id, under the cluster's custom route prefix; each version of the model is a deployment
// of its own, `<id>-<6 hex digits>` from a hash of its spec as the server stores it (zero values
// and key order aside, as same-spec.ts compares specs). The same release
// run again (a re-run after a failure or a cancel) thus finds the same version, and a version that
// already serves is recognised.

import { createHash } from 'node:crypto';
import { MAX_DEPLOYMENT_ID_LENGTH } from '../../shared/odahu/kinds.js';
import type { ModelDeploymentSpec } from '../../shared/odahu/types.js';
import { canonicalSpecText } from '../../shared/action/same-spec.js';

const HASH_DIGITS = 6;

/** A version's id adds `-` and the hash to the stable id, and must stay a valid deployment id. */
export const MAX_STABLE_ID_LENGTH = MAX_DEPLOYMENT_ID_LENGTH - 1 - HASH_DIGITS;

/** The server's default custom route prefix (deployment.customRoutePrefix). */
export const DEFAULT_CUSTOM_ROUTE_PREFIX = '/custom';

/** What the canary adds to the id rule (an id that breaks the deployment rule is reported by that alone). */
export function stableIdProblem(id: string): string | undefined {
  return id.length > MAX_STABLE_ID_LENGTH && id.length <= MAX_DEPLOYMENT_ID_LENGTH
    ? `id "${id}" is too long for strategy: canary: at most ${MAX_STABLE_ID_LENGTH} characters, as each version is deployed as <id>-<${HASH_DIGITS} characters> (a deployment id has at most ${MAX_DEPLOYMENT_ID_LENGTH})`
    : undefined;
}

/** The deployment id of the version with this spec (as the server stores it, defaults filled in). */
export function versionId(stableId: string, storedSpec: ModelDeploymentSpec): string {
  const digest = createHash('sha256').update(canonicalSpecText(storedSpec)).digest('hex');
  return `${stableId}-${digest.slice(0, HASH_DIGITS)}`;
}

/**
 * Every version of the model answers to the same role: the server's default roleName would be
 * `role-<version id>`, a new one per version, locking out callers given the model's role.
 */
export function stableRoleName(stableId: string): string {
  return `role-${stableId}`;
}

/** The stable route's urlPrefix: `<custom route prefix>/<id>`. */
export function stableUrlPrefix(customRoutePrefix: string | undefined, stableId: string): string {
  const prefix = (customRoutePrefix || DEFAULT_CUSTOM_ROUTE_PREFIX).replace(/\/+$/, '');
  return `${prefix}/${stableId}`;
}
