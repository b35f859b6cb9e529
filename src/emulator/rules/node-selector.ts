// A node selector must name one of the configured node pools, else
// `node selector map[k:v] is not presented in ODAHU config`.

import { goMap } from './go-fmt.js';
import type { NodePool } from '../cluster.js';

/** Packaging and deployment: the selector must equal a pool's selector (reflect.DeepEqual). */
export function nodeSelectorError(
  selector: Readonly<Record<string, string>> | undefined,
  pools: readonly NodePool[],
): string | undefined {
  if (selector === undefined || Object.keys(selector).length === 0) return undefined;
  const matches = pools.some((pool) => sameMap(selector, pool.nodeSelector));
  return matches ? undefined : unknownSelector(selector);
}

/**
 * Training compares differently: same size, and every pool key looked up in the selector, so a pool
 * key with an empty value also matches a selector that lacks that key.
 */
export function trainingNodeSelectorError(
  selector: Readonly<Record<string, string>> | undefined,
  pools: readonly NodePool[],
): string | undefined {
  if (selector === undefined || Object.keys(selector).length === 0) return undefined;
  const size = Object.keys(selector).length;
  const matches = pools.some(
    (pool) =>
      Object.keys(pool.nodeSelector).length === size &&
      Object.entries(pool.nodeSelector).every(([key, value]) => lookup(selector, key) === value),
  );
  return matches ? undefined : unknownSelector(selector);
}

/** A Go map lookup: the zero value for a missing key. */
function lookup(map: Readonly<Record<string, string>>, key: string): string {
  return Object.prototype.hasOwnProperty.call(map, key) ? map[key]! : '';
}

function sameMap(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && lookup(a, key) === lookup(b, key))
  );
}

function unknownSelector(selector: Readonly<Record<string, string>>): string {
  return `node selector ${goMap(selector)} is not presented in ODAHU config`;
}
