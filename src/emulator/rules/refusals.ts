// How the server words and combines its refusals: go.uber.org/multierr joins with "; ", the shared
// not-found text, and the batch API's InvalidEntityError.

import { ApiFailure } from '../cluster.js';

/** errors.NotFoundError. */
export function notFound(id: string): string {
  return `entity "${id}" is not found`;
}

/** 400 `<prefix>: e1; e2` when there is anything to report. */
export function refuseIfAny(prefix: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new ApiFailure(400, `${prefix}: ${errors.join('; ')}`);
}

/** errors.InvalidEntityError: 400 `entity "<id>" is invalid; errors: e1, e2`. */
export function invalidEntity(id: string, errors: readonly string[]): ApiFailure {
  return new ApiFailure(400, `entity "${id}" is invalid; errors: ${errors.join(', ')}`);
}

/** The "Spec.<section>" wrapper the output-connection checks put around their errors. */
export function specSectionError(section: string, errors: readonly string[]): string {
  return `"Spec.${JSON.stringify(section)}" validation errors: ${errors.join('; ')}`;
}
