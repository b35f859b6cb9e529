// List endpoints' query parameters: paging (`size` default 500, `page` from 0) and each kind's
// filters (exact match, a repeated parameter matches any of its values, a lone `*` matches all).
// Postgres-backed lists are ordered by id (compared as bytes, as with the C collation); connections
// come from Kubernetes, whose paging answers null for a page past the end.
// Simplified: Go ranges over the parameters in random order; the first bad one in query order wins.
// Negative paging reaches Postgres as a huge unsigned number, which it refuses as a bigint.

import { ApiFailure } from '../cluster.js';
import { goAtoi } from './go-strconv.js';
import type { KindName } from '../../shared/odahu/kinds.js';

const DEFAULT_PAGE_SIZE = 500;

/** Each kind's filter parameters and where in the object they look. */
const FILTERS: Partial<Record<KindName, Record<string, readonly string[]>>> = {
  ModelTraining: {
    toolchain: ['spec', 'toolchain'],
    model_name: ['spec', 'model', 'name'],
    model_version: ['spec', 'model', 'version'],
  },
  // The server compares spec.type, a field packagings do not have: any value but `*` finds nothing.
  ModelPackaging: { type: ['spec', 'type'] },
  ModelDeployment: { roleName: ['spec', 'roleName'] },
  Connection: { type: ['spec', 'type'] },
};

export interface ListQuery {
  kind: KindName;
  size: number;
  page: number;
  /** Filter parameter → accepted values. */
  filters: Record<string, string[]>;
}

export function parseListQuery(kind: KindName, params: URLSearchParams): ListQuery {
  const query: ListQuery = { kind, size: DEFAULT_PAGE_SIZE, page: 0, filters: {} };
  const filters = FILTERS[kind] ?? {};
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name);
    if (name === 'size' || name === 'page') {
      if (values.length > 1) throw new ApiFailure(400, `the ${name} URL parameter must be only one`);
      const parsed = goAtoi(values[0]!);
      if (!parsed.ok) throw new ApiFailure(400, parsed.error);
      query[name] = parsed.value;
    } else if (Object.prototype.hasOwnProperty.call(filters, name)) {
      query.filters[name] = values;
    } else {
      throw new ApiFailure(400, `cannot find ${name} url parameter`);
    }
  }
  return query;
}

/** The page of `items` the server would answer; null where Kubernetes paging gives nothing. */
export function applyListQuery<T extends { id: string }>(items: readonly T[], query: ListQuery): T[] | null {
  const filters = FILTERS[query.kind] ?? {};
  const matching = items
    .filter((item) =>
      Object.entries(query.filters).every(([name, values]) => {
        if (values.length === 1 && values[0] === '*') return true;
        const value = valueAt(item, filters[name]!);
        return typeof value === 'string' && values.includes(value);
      }),
    )
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const { size, page } = query;
  if (query.kind === 'Connection') return kubernetesPage(matching, size, page);
  if (size < 0 || (page < 0 && size > 0)) throw new ApiFailure(500, 'pq: bigint out of range');
  return matching.slice(size * page, size * page + size);
}

/** Kubernetes lists pages with continue tokens: limit 0 means all, a page past the last is null. */
function kubernetesPage<T>(items: T[], size: number, page: number): T[] | null {
  if (page < 0) return [];
  if (size <= 0) return page === 0 ? items : null;
  const start = size * page;
  if (page > 0 && start >= items.length) return null;
  return items.slice(start, start + size);
}

function valueAt(item: unknown, path: readonly string[]): unknown {
  let value = item;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
