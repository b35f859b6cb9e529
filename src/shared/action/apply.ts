// Creating a resource when one with the same id may exist: the `if-exists` policies. `replace` is the
// Airflow plugin's delete-then-create, waiting until the server confirms the delete: a deployment is
// only marked at first (a create before it is gone answers 409), and a training's Kubernetes object
// outlives its row until the controller's next pass (a create before that takes over the old run).

import * as core from '@actions/core';
import { now } from '../clock.js';
import type { Resource } from '../odahu/types.js';
import { PollSchedule } from './poll-schedule.js';
import { pause } from './step.js';
import { logText } from '../odahu/untrusted-text.js';

export type IfExists = 'replace' | 'reuse' | 'fail' | 'update';

export interface CallOptions {
  signal?: AbortSignal;
}

/** What apply needs of a resource API (the client's per-kind APIs have it). */
export interface Store<T> {
  find(id: string, options?: CallOptions): Promise<T | undefined>;
  create(object: T, options?: CallOptions): Promise<T>;
  update(object: T, options?: CallOptions): Promise<T>;
  delete(id: string, options?: CallOptions): Promise<unknown>;
}

export type Applied = 'created' | 'replaced' | 'updated' | 'reused' | 'unchanged';

export interface ApplyOptions<R> {
  /** `training`, `deployment`...: how messages name the resource. */
  noun: string;
  signal: AbortSignal;
  /** How long a delete may take to be confirmed. */
  deleteTimeoutMs: number;
  /** The user's poll-interval, if set. */
  pollIntervalMs: number | undefined;
  /** For update: true when the PUT would change nothing (asked with the step's signal). */
  unchanged?: (existing: R, signal: AbortSignal) => Promise<boolean>;
  /** For replace: true once whatever runs the resource (beyond its row) is gone too. */
  runtimeGone?: (id: string, signal: AbortSignal) => Promise<boolean>;
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
): Promise<{ object: R; applied: Applied }> {
  const what = `${options.noun} ${desired.id}`;
  const { signal } = options;
  const existing = await store.find(desired.id, { signal });
  if (!existing) {
    core.info(logText(`Creating ${what}.`));
    return { object: await store.create(desired, { signal }), applied: 'created' };
  }
  if (existing.deletionMark === true && policy !== 'fail') {
    // A deployment a DELETE marked goes whatever is done to it (a PUT does not clear the mark), and a
    // POST answers 409 until it is gone: wait, then create it anew.
    core.info(logText(`${capitalize(what)} is being deleted: waiting until it is gone to create it again.`));
    await waitUntilGone(store, desired.id, options);
    core.info(logText(`Creating ${what}.`));
    return { object: await store.create(desired, { signal }), applied: 'created' };
  }
  switch (policy) {
    case 'fail':
      throw new ResourceExistsError(options.noun, desired.id);
    case 'reuse':
      core.info(logText(`Reusing the existing ${what} (if-exists: reuse).`));
      if (!specCovers(existing.spec, desired.spec)) {
        core.warning(
          `The existing ${what} has another spec than the manifest; it is reused as it is (if-exists: reuse).`,
        );
      }
      return { object: existing, applied: 'reused' };
    case 'update':
      if (await options.unchanged?.(existing, signal)) {
        core.info(logText(`${capitalize(what)} already has this spec: nothing to update.`));
        return { object: existing, applied: 'unchanged' };
      }
      core.info(logText(`Updating ${what}.`));
      return { object: await store.update(desired, { signal }), applied: 'updated' };
    case 'replace':
      core.info(logText(`Deleting the existing ${what} to replace it.`));
      await deleteUntilGone(store, desired.id, options);
      core.info(logText(`Creating ${what}.`));
      return { object: await store.create(desired, { signal }), applied: 'replaced' };
  }
}

export type DeleteOptions = Pick<
  ApplyOptions<unknown>,
  'noun' | 'signal' | 'deleteTimeoutMs' | 'pollIntervalMs' | 'runtimeGone'
>;

/** DELETE, then wait until the server confirms it (some kinds are only marked at first). */
export async function deleteUntilGone<R>(
  store: Pick<Store<R>, 'find' | 'delete'>,
  id: string,
  options: DeleteOptions,
): Promise<void> {
  await store.delete(id, { signal: options.signal });
  await waitUntilGone(store, id, options);
}

export async function waitUntilGone<R>(
  store: Pick<Store<R>, 'find'>,
  id: string,
  options: DeleteOptions,
): Promise<void> {
  const what = `${options.noun} ${id}`;
  const deadline = now() + options.deleteTimeoutMs;
  const { signal } = options;
  const gone = async () =>
    (await store.find(id, { signal })) === undefined &&
    (!options.runtimeGone || (await options.runtimeGone(id, signal)));
  while (!(await gone())) {
    if (now() > deadline) {
      throw new Error(`${what} was not deleted within ${Math.round(options.deleteTimeoutMs / 1000)}s`);
    }
    await pause(new PollSchedule(options.pollIntervalMs).shortMs, signal, `deleting ${what}`);
  }
}

/** Every field `wanted` sets has that value in `actual` (fields it leaves out are not compared). */
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

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
