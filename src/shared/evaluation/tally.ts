// What the evaluation counts as answers come in, in memory that does not grow with the dataset: per
// scope (the whole dataset, and each slice) and per model the rows answered and failed and the
// metric's accumulator, and the two models' agreement; per model the latency of each request and the
// failures by reason; and an evenly spaced sample of rows for the charts (every k-th row by its
// number, so the same rows whatever order the answers come in).

import { Agreement, newScore } from './metrics.js';
import type { ClassificationScore, RegressionScore, Task } from './metrics.js';
import type { RowAnswer } from './answers.js';

export type Role = 'candidate' | 'baseline';

/** Rows kept for the charts, at most. */
export const SAMPLE_ROWS = 5000;
/** Distinct failure reasons kept per model; the rest are counted under the last. */
const MAX_REASONS = 10;

export interface ModelTally {
  answered: number;
  failed: number;
  score: RegressionScore | ClassificationScore | undefined;
}

export class ScopeTally {
  rows = 0;
  readonly models: Partial<Record<Role, ModelTally>> = {};
  readonly agreement: Agreement | undefined;

  constructor(roles: readonly Role[], task: Task, labelled: boolean, tolerance: number) {
    for (const role of roles) {
      this.models[role] = { answered: 0, failed: 0, score: labelled ? newScore(task) : undefined };
    }
    this.agreement = roles.includes('baseline')
      ? new Agreement(task === 'regression' ? tolerance : undefined)
      : undefined;
  }

  add(label: number | string | undefined, answers: Partial<Record<Role, RowAnswer>>): void {
    this.rows += 1;
    for (const [role, answer] of Object.entries(answers) as [Role, RowAnswer][]) {
      const model = this.models[role]!;
      if ('failure' in answer) {
        model.failed += 1;
        continue;
      }
      model.answered += 1;
      if (label !== undefined) model.score?.add(label, answer.value);
    }
    const { candidate, baseline } = answers;
    if (this.agreement && candidate && baseline && !('failure' in candidate) && !('failure' in baseline)) {
      this.agreement.add(candidate.value, baseline.value);
    }
  }
}

export interface FailureReason {
  reason: string;
  rows: number;
  /** Where the first row that failed this way is: `data.csv:12`. */
  first: string;
}

export interface SampledRow {
  label: number | string | undefined;
  answers: Partial<Record<Role, number | string | undefined>>;
}

/** Everything one evaluation counted. */
export class Tally {
  readonly overall: ScopeTally;
  /** `column=value` → its scope, in the order first seen. */
  readonly slices = new Map<string, { column: string; value: string; tally: ScopeTally }>();
  readonly latenciesMs: Partial<Record<Role, number[]>> = {};
  readonly failures: Partial<Record<Role, FailureReason[]>> = {};
  readonly sample: SampledRow[] = [];
  /** Requests made again in halves to find the rows a refused batch failed on. */
  splitRequests = 0;

  constructor(
    readonly roles: readonly Role[],
    private readonly task: Task,
    private readonly labelled: boolean,
    private readonly tolerance: number,
    /** Every `stride`-th row is sampled. */
    private readonly stride: number,
  ) {
    this.overall = this.scope();
    for (const role of roles) {
      this.latenciesMs[role] = [];
      this.failures[role] = [];
    }
  }

  private scope(): ScopeTally {
    return new ScopeTally(this.roles, this.task, this.labelled, this.tolerance);
  }

  add(
    row: number,
    label: number | string | undefined,
    slices: { column: string; value: string }[],
    answers: Partial<Record<Role, RowAnswer>>,
    where: () => string,
  ): void {
    this.overall.add(label, answers);
    for (const { column, value } of slices) {
      const key = `${column}=${value}`;
      let slice = this.slices.get(key);
      if (!slice) this.slices.set(key, (slice = { column, value, tally: this.scope() }));
      slice.tally.add(label, answers);
    }
    for (const [role, answer] of Object.entries(answers) as [Role, RowAnswer][]) {
      if ('failure' in answer) this.failed(role, answer.failure, where);
    }
    if ((row - 1) % this.stride === 0 && this.sample.length < SAMPLE_ROWS) {
      const shown: SampledRow['answers'] = {};
      for (const [role, answer] of Object.entries(answers) as [Role, RowAnswer][]) {
        shown[role] = 'failure' in answer ? undefined : answer.value;
      }
      this.sample.push({ label, answers: shown });
    }
  }

  private failed(role: Role, reason: string, where: () => string): void {
    const reasons = this.failures[role]!;
    let found = reasons.find((r) => r.reason === reason);
    if (!found && reasons.length >= MAX_REASONS) found = reasons.at(-1);
    if (found) found.rows += 1;
    else reasons.push({ reason, rows: 1, first: where() });
  }
}

/** Every k-th row is sampled, k chosen from the row count so that at most SAMPLE_ROWS are. */
export function sampleStride(rows: number): number {
  return Math.max(1, Math.ceil(rows / SAMPLE_ROWS));
}
