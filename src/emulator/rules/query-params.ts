// The query parameters of the log and event-feed endpoints.

import { ApiFailure } from '../cluster.js';
import { goAtoi, goParseBool } from './go-strconv.js';

/** `follow` of the log endpoints: absent or empty is false, else one of Go's ParseBool spellings. */
export function parseFollow(value: string | null): boolean {
  if (value === null || value === '') return false;
  const follow = goParseBool(value);
  if (follow === undefined) throw new ApiFailure(400, `Convert ${value} to bool`);
  return follow;
}

/** `cursor` of the deployment and route event feeds: absent or empty is 0. */
export function parseCursor(value: string | null): number {
  if (value === null || value === '') return 0;
  const cursor = goAtoi(value);
  if (!cursor.ok) {
    throw new ApiFailure(
      400,
      `Incorrect "cursor" query parameter value: ${value}. Integer expected. Details: ${cursor.error}`,
    );
  }
  return cursor.value;
}
