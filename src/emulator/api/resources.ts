// The endpoints every kind shares — list, get, create (POST), update (PUT, id from the body) and
// delete — with the server's common behaviour: bodies decoded as Go decodes them, validation first,
// then 404/409, `createdAt` kept on PUT, status set by the server (clients cannot set it), answers
// of writes stamped with time.Now() and reads with the stored (µs) times.

import { ApiFailure } from '../cluster.js';
import { moment } from '../clock.js';
import type { Exchange } from '../exchange.js';
import type { Router } from '../router.js';
import {
  applyListQuery,
  decodeBody,
  parseListQuery,
  type DecodedBody,
  type Prepared,
} from '../rules/index.js';
import type { Collection } from '../store.js';
import { KINDS, type KindName } from '../../shared/odahu/kinds.js';

export interface StoredResource {
  id: string;
  createdAt?: string;
  updatedAt?: string;
  spec: unknown;
  status?: unknown;
  deletionMark?: boolean;
}

export interface ResourceKind<T extends StoredResource> {
  kind: KindName;
  collection: Collection<T>;
  /** Validation and defaults (the API rules); throws ApiFailure. */
  prepare(body: DecodedBody, create: boolean): Prepared<T['spec']>;
  /** The status every write stores (the server overwrites what the client sent). */
  initialStatus(): T['status'];
  /** Fields the stored object takes from the body besides id and spec (a route's `default`). */
  build?(body: DecodedBody): Partial<T>;
  /** Refuses a PUT the rules let through (after the 404: it needs the stored object). */
  checkUpdate?(prepared: Prepared<T['spec']>, previous: T): void;
  /** Runs after a stored write: starts pods, publishes events. */
  written?(stored: T, previous: T | undefined): void;
  /** How an object is shown (connections hide secrets); `write` tells a write's answer from a read. */
  present?(stored: T, write: 'create' | 'update' | undefined, at: string): StoredResource;
  /** DELETE: removes or marks the object and answers the server's text. */
  remove(stored: T): string;
  /** DELETE of an id that is not there, before the 404 (a deployment's mark event is published anyway). */
  removeMissing?(id: string): void;
  /** POST only: batch jobs have no PUT. */
  updatable?: boolean;
}

export function notFound(id: string): ApiFailure {
  return new ApiFailure(404, `entity "${id}" is not found`);
}

export function resourceEndpoints<T extends StoredResource>(router: Router, def: ResourceKind<T>): void {
  const base = `/api/v1/${KINDS[def.kind].path}`;
  const present = (stored: T, write?: 'create' | 'update', at = ''): StoredResource =>
    def.present ? def.present(stored, write, at) : stampWrite(stored, write, at);

  router.add('GET', base, (exchange) => {
    const query = parseListQuery(def.kind, exchange.query);
    const items = def.collection.list().map((item) => present(item));
    exchange.json(200, applyListQuery(items, query));
  });

  router.add('GET', `${base}/{id}`, (exchange, { id = '' }) => {
    const stored = def.collection.get(id);
    if (!stored) throw notFound(id);
    exchange.json(200, present(stored));
  });

  router.add('POST', base, async (exchange) => {
    const body = await readBody(exchange, def.kind);
    const prepared = def.prepare(body, true);
    if (def.collection.has(prepared.id)) throw new ApiFailure(409, `entity "${prepared.id}" already exists`);
    const at = moment();
    const stored = def.collection.put({
      id: prepared.id,
      createdAt: at.stored,
      updatedAt: at.stored,
      spec: prepared.spec,
      status: def.initialStatus(),
      ...def.build?.(body),
    } as T);
    exchange.json(201, present(stored, 'create', at.answer));
    def.written?.(stored, undefined);
  });

  if (def.updatable !== false) {
    router.add('PUT', base, async (exchange) => {
      const body = await readBody(exchange, def.kind);
      const prepared = def.prepare(body, false);
      const previous = def.collection.get(prepared.id);
      if (!previous) throw notFound(prepared.id);
      def.checkUpdate?.(prepared, previous);
      const at = moment();
      const stored = def.collection.put({
        id: prepared.id,
        createdAt: previous.createdAt,
        updatedAt: at.stored,
        spec: prepared.spec,
        status: def.initialStatus(),
        ...def.build?.(body),
        // The UPDATE leaves the deletionmark column as it is; the answer is the struct the handler
        // bound, whose mark is false (so omitted).
        ...(previous.deletionMark === true ? { deletionMark: true } : {}),
      } as T);
      const { deletionMark: _unmarked, ...answer } = present(stored, 'update', at.answer);
      exchange.json(200, answer);
      def.written?.(stored, previous);
    });
  }

  router.add('DELETE', `${base}/{id}`, (exchange, { id = '' }) => {
    const stored = def.collection.get(id);
    if (!stored) {
      def.removeMissing?.(id);
      throw notFound(id);
    }
    exchange.json(200, { message: def.remove(stored) });
  });
}

export async function readBody(exchange: Exchange, kind: KindName): Promise<DecodedBody> {
  return decodeBody(kind, await exchange.body());
}

/** A write's answer carries time.Now() itself; the stored copy keeps what Postgres keeps (µs). */
export function stampWrite<T extends StoredResource>(
  stored: T,
  write: 'create' | 'update' | undefined,
  at: string,
): T {
  if (write === 'create') return { ...stored, createdAt: at, updatedAt: at };
  if (write === 'update') return { ...stored, updatedAt: at };
  return stored;
}

/** Whether two specs are the same, as the controller compares them to decide on a re-run. */
export function sameSpec(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => [k, canonical(v)]),
  );
}
