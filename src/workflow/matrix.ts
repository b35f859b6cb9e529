// A job's `strategy:` as GitHub expands it. The matrix's vectors make a cross product in key order
// (the first key varies slowest); an `exclude` entry removes the combinations it matches; an `include`
// entry adds its other keys to every combination it matches (a later entry wins over an earlier one),
// and, matching none, becomes a combination of its own. "Matches" means every value the entry gives,
// nested ones too, equals the combination's by the expression language's `==`. A matrix whose
// combinations are all excluded runs the job once, without a matrix, as GitHub does. Also: the names
// GitHub shows (`train (lite)`), fail-fast (default true) and max-parallel (default: all at once).

import type { JsonValue } from './expressions.js';
import { expressionEquals } from './expressions.js';

type JsonObject = { [key: string]: JsonValue };

export interface MatrixJob {
  /** The `matrix` context; null for a job without a matrix. */
  matrix: JsonObject | null;
  /** What follows the job's name in parentheses: the combination's own values (not what include added). */
  segments: string[];
}

export interface Strategy {
  failFast: boolean;
  /** How many of the matrix's jobs may run at once. */
  maxParallel: number;
  jobs: MatrixJob[];
}

/** A strategy GitHub would refuse when the job starts; `problems` are one line each. */
export class StrategyError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'StrategyError';
  }
}

/** GitHub's limit on the jobs one matrix makes. */
export const MAX_MATRIX_JOBS = 256;
/** GitHub cuts a job's shown name at this length. */
const MAX_NAME_LENGTH = 100;

const isObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const shown = (value: JsonValue | undefined) => JSON.stringify(value ?? null);

/** The evaluated `strategy:` (undefined when the job has none). */
export function expandStrategy(strategy: JsonValue | undefined): Strategy {
  const problems: string[] = [];
  let failFast = true;
  let maxParallel = 0;
  let matrix: JsonObject | undefined;
  if (strategy !== undefined && strategy !== null) {
    if (!isObject(strategy)) throw new StrategyError([`strategy must be a mapping, not ${shown(strategy)}`]);
    for (const [key, value] of Object.entries(strategy)) {
      if (key === 'fail-fast') {
        if (typeof value === 'boolean') failFast = value;
        else problems.push(`strategy.fail-fast must be true or false, not ${shown(value)}`);
      } else if (key === 'max-parallel') {
        if (typeof value === 'number' && Number.isInteger(value) && value >= 0) maxParallel = value;
        else problems.push(`strategy.max-parallel must be a whole number, not ${shown(value)}`);
      } else if (key === 'matrix') {
        if (isObject(value)) matrix = value;
        else problems.push(`strategy.matrix must be a mapping, not ${shown(value)}`);
      } else problems.push(`strategy.${key} is not a strategy key (fail-fast, max-parallel, matrix)`);
    }
  }
  const jobs = matrix ? expandMatrix(matrix, problems) : [];
  if (problems.length > 0) throw new StrategyError(problems);
  if (jobs.length > MAX_MATRIX_JOBS) {
    throw new StrategyError([
      `the matrix makes ${jobs.length} jobs; GitHub allows at most ${MAX_MATRIX_JOBS}`,
    ]);
  }
  if (jobs.length === 0) return { failFast, maxParallel: 1, jobs: [{ matrix: null, segments: [] }] };
  return { failFast, maxParallel: maxParallel > 0 ? maxParallel : jobs.length, jobs };
}

function expandMatrix(matrix: JsonObject, problems: string[]): MatrixJob[] {
  const vectors: [string, JsonValue[]][] = [];
  let include: JsonObject[] = [];
  let exclude: JsonObject[] = [];
  /** Every key but include and exclude, a valid list or not. */
  const keys = new Set<string>();
  for (const [key, value] of Object.entries(matrix)) {
    if (key === 'include' || key === 'exclude') {
      const entries = value === null ? [] : value;
      if (!Array.isArray(entries) || !entries.every(isObject)) {
        problems.push(`matrix.${key} must be a list of mappings, not ${shown(value)}`);
        continue;
      }
      if (key === 'include') include = entries;
      else exclude = entries;
      continue;
    }
    keys.add(key);
    if (!Array.isArray(value)) problems.push(`matrix.${key} must be a list, not ${shown(value)}`);
    else if (value.length === 0) problems.push(`matrix.${key} has no values`);
    else vectors.push([key, value]);
  }
  const vectorNames = new Set(vectors.map(([name]) => name));
  for (const entry of include) {
    if (Object.keys(entry).length === 0) problems.push('matrix.include has an empty entry');
  }
  for (const entry of exclude) {
    if (Object.keys(entry).length === 0) problems.push('matrix.exclude has an empty entry');
    for (const key of Object.keys(entry)) {
      if (!keys.has(key)) problems.push(`matrix.exclude: ${key} is not a key of the matrix`);
    }
  }
  if (keys.size === 0 && include.length === 0) {
    problems.push('the matrix has no values: give it a list, or include entries');
  }
  if (problems.length > 0) return [];

  // Each include entry: the keys the matrix has (what it must match) and the others (what it adds).
  const includes = include.map((entry) => {
    const filter: JsonObject = {};
    const extra: JsonObject = {};
    for (const [key, value] of Object.entries(entry)) (vectorNames.has(key) ? filter : extra)[key] = value;
    return { filter, extra, matched: false };
  });
  const jobs: MatrixJob[] = [];
  for (const combination of crossProduct(vectors)) {
    if (exclude.some((entry) => matches(combination, entry))) continue;
    const added: JsonObject = {};
    for (const entry of includes) {
      if (!matches(combination, entry.filter)) continue;
      entry.matched = true;
      Object.assign(added, entry.extra);
    }
    jobs.push({ matrix: { ...combination, ...added }, segments: segmentsOf(combination) });
  }
  for (const entry of includes) {
    if (entry.matched) continue;
    const combination = { ...entry.filter, ...entry.extra };
    jobs.push({ matrix: combination, segments: segmentsOf(combination) });
  }
  return jobs;
}

function crossProduct(vectors: [string, JsonValue[]][]): JsonObject[] {
  if (vectors.length === 0) return [];
  let combinations: JsonObject[] = [{}];
  for (const [name, values] of vectors) {
    combinations = combinations.flatMap((combination) =>
      values.map((value) => ({ ...combination, [name]: value })),
    );
  }
  return combinations;
}

/** Whether every value the filter gives (nested ones too) equals the combination's at the same place. */
function matches(combination: JsonValue | undefined, filter: JsonValue): boolean {
  if (isObject(filter)) {
    return Object.entries(filter).every(([key, value]) => {
      const found = isObject(combination)
        ? Object.entries(combination).find(([name]) => name.toLowerCase() === key.toLowerCase())?.[1]
        : undefined;
      return matches(found, value);
    });
  }
  if (Array.isArray(filter)) {
    return filter.every((value, index) =>
      matches(Array.isArray(combination) ? combination[index] : undefined, value),
    );
  }
  return expressionEquals(combination ?? null, filter);
}

/** The scalars of a combination, nested ones included, in order; empty strings and nulls left out. */
function segmentsOf(value: JsonValue): string[] {
  if (isObject(value)) return Object.values(value).flatMap(segmentsOf);
  if (Array.isArray(value)) return value.flatMap(segmentsOf);
  if (value === null || value === '') return [];
  return [String(value)];
}

/** `train (lite)`: the name, then the matrix values; cut at 100 characters as GitHub cuts it. */
export function jobDisplayName(name: string, segments: string[]): string {
  const full = segments.length > 0 ? `${name} (${segments.join(', ')})` : name;
  return full.length > MAX_NAME_LENGTH ? `${full.slice(0, MAX_NAME_LENGTH - 3)}...` : full;
}

/** The `strategy` context of the job at `index`. */
export function strategyContext(strategy: Strategy, index: number): JsonValue {
  return {
    'fail-fast': strategy.failFast,
    'job-index': index,
    'job-total': strategy.jobs.length,
    'max-parallel': strategy.maxParallel,
  };
}
