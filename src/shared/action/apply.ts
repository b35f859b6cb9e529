// Creating a resource when one with the same id may exist: the `if-exists` policies. `replace` is the
// Airflow plugin's delete-then-create, waiting until the server confirms the delete (a deployment is
// only marked at first, and a create before it is gone would answer 409).

import * as core from '@actions/core';
import type { Resource } from '../types.js';
import { CancelledError } from './step.js';

export type IfExists = 'replace' | 'reuse' | 'fail' | 'update';

/** What apply needs of a resource API (the client's per-kind APIs have it). */
export interface Store<T> {
  find(id: string): Promise<T | undefined>;
  create(object: T): Promise<T>;
  update(object: T): Promise<T>;
  delete(id: string): Promise<unknown>;
}

export type Applied = 'created' | 'replaced' | 'updated' | 'reused';

export interface ApplyOptions<R> {
  /** `training`, `deployment`...: how messages name the resource. */
  noun: string;
  signal: AbortSignal;
  /** How long a delete may take to be confirmed. */
  deleteTimeoutMs: number;
  pollIntervalMs: number;
  /** For update: skip the PUT when the existing object already has this spec. */
  unchanged?: (existing: R) => boolean;
}

export class ResourceExistsError extends Error {
  constructor(noun: string, id: string) {
    super(`${noun} ${id} already exists and if-exists is fail`);
    this.name = 'ResourceExistsError';
  }
}

export async function applyResource<R extends Resource<unknown, unknown>>(
  store: Store<R>,
  desired: R,
  policy: IfExists,
  options: ApplyOptions<R>,
): Promise<{ object: R; applied: Applied | 'unchanged' }> {
  const what = `${options.noun} ${desired.id}`;
  const existing = await store.find(desired.id);
  if (!existing) {
    core.info(`Creating ${what}.`);
    return { object: await store.create(desired), applied: 'created' };
  }
  switch (policy) {
    case 'fail':
      throw new ResourceExistsError(options.noun, desired.id);
    case 'reuse':
      core.info(`Reusing the existing ${what} (if-exists: reuse).`);
      return { object: existing, applied: 'reused' };
    case 'update':
      if (options.unchanged?.(existing)) {
        core.info(`${capitalize(what)} already has this spec: nothing to update.`);
        return { object: existing, applied: 'unchanged' };
      }
      core.info(`Updating ${what}.`);
      return { object: await store.update(desired), applied: 'updated' };
    case 'replace':
      core.info(`Deleting the existing ${what} to replace it.`);
      await store.delete(desired.id);
      await waitUntilGone(store, desired.id, what, options);
      core.info(`Creating ${what}.`);
      return { object: await store.create(desired), applied: 'replaced' };
  }
}

async function waitUntilGone<R>(
  store: Store<R>,
  id: string,
  what: string,
  options: ApplyOptions<R>,
): Promise<void> {
  const deadline = Date.now() + options.deleteTimeoutMs;
  while ((await store.find(id)) !== undefined) {
    if (Date.now() > deadline) {
      throw new Error(`${what} was not deleted within ${Math.round(options.deleteTimeoutMs / 1000)}s`);
    }
    if (options.signal.aborted) throw new CancelledError(`deleting ${what}`);
    await new Promise((resolve) => setTimeout(resolve, Math.min(options.pollIntervalMs, 1000)));
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
