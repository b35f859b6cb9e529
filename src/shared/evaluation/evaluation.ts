// Sending the dataset to the models: the rows read from the file again in order, in batches of
// batch-size, each batch sent to every model at once (the same rows, in the same order), at most
// `concurrency` batches at a time, so memory holds a few batches whatever the dataset's size. Each
// model is asked through the shared model client, retried as every call is (retry-timeout: no answer,
// 429, 502-504). A model that refuses a batch (400, 413, 422, 500: a crash on some input) fails rows,
// not the step: the batch is asked again in halves to find the rows it fails on, within a budget of
// extra requests, past which a refused batch counts all its rows failed. A model that stops answering
// (past the retries), refuses the token or is not there fails the step: it has no rows to judge.

import { setMaxListeners } from 'node:events';
import * as core from '@actions/core';
import type { ModelClient } from '../odahu/client.js';
import { ApiError } from '../odahu/errors.js';
import { now } from '../clock.js';
import { formatDuration } from '../duration.js';
import { CancelledError } from '../action/step.js';
import { messageOf } from '../thrown.js';
import { readAnswers } from './answers.js';
import type { RowAnswer } from './answers.js';
import { sliceValue, whereIs } from './check.js';
import type { DatasetLayout } from './check.js';
import { openDataset } from './dataset.js';
import type { DatasetRow } from './dataset.js';
import type { EvaluationSpec } from './spec.js';
import { Tally, sampleStride } from './tally.js';
import type { Role } from './tally.js';
import { binaryLabel, classKey, logLine, numberOf } from './values.js';

/** Refusals that are about the rows sent (a bad value, a crash on some input, a body too large). */
const ROW_STATUSES = new Set([400, 413, 422, 500]);
/** Past this share of failed rows a model's refusals are not split: they are not a few bad rows. */
const DENSE_FAILURES = 0.5;

export interface ModelUnderTest {
  role: Role;
  /** As reports name it: the deployment id, or the URL. */
  shown: string;
  url: string;
  client: ModelClient;
}

export interface EvaluationRun {
  spec: EvaluationSpec;
  layout: DatasetLayout;
  /** The candidate first; the baseline, if any. */
  models: ModelUnderTest[];
  /** The step's: cancelling it stops every request. */
  signal: AbortSignal;
}

export interface EvaluationOutcome {
  tally: Tally;
  durationMs: number;
  /** Requests made, per model. */
  requests: Partial<Record<Role, number>>;
}

interface EvalRow {
  row: number;
  line: number;
  features: number[];
  label: number | string | undefined;
  slices: { column: string; value: string }[];
}

export async function runEvaluation(run: EvaluationRun): Promise<EvaluationOutcome> {
  return new Evaluation(run).evaluate();
}

class Evaluation {
  private readonly tally: Tally;
  private readonly stop = new AbortController();
  private readonly signal: AbortSignal;
  /** Aborted once the step's clock passes the deadline (checked before each request). */
  private readonly timeout = new AbortController();
  /** spec.timeoutMs from the start, on the step's clock (src/shared/clock.ts). */
  private readonly deadline: number;
  private splitBudget: number;
  private readonly requests: Partial<Record<Role, number>> = {};
  /** Rows judged and failed so far, per model (whether its refusals are still worth splitting). */
  private readonly judged: Partial<Record<Role, { rows: number; failed: number }>> = {};
  private done = 0;
  private nextProgress = 0.25;
  private readonly started = now();

  constructor(private readonly run: EvaluationRun) {
    const { spec, layout, models } = run;
    this.tally = new Tally(
      models.map((model) => model.role),
      spec.task,
      layout.label !== undefined,
      spec.agreementTolerance,
      sampleStride(layout.rows),
    );
    this.deadline = this.started + spec.timeoutMs;
    this.signal = AbortSignal.any([run.signal, this.stop.signal, this.timeout.signal]);
    // Every request in flight listens to it: batches, their halves, the file's stream.
    setMaxListeners(0, this.signal);
    const perBatch = 4 * Math.max(1, Math.ceil(Math.log2(spec.batchSize)));
    this.splitBudget = Math.ceil(layout.rows / spec.batchSize) * perBatch;
    for (const model of models) {
      this.requests[model.role] = 0;
      this.judged[model.role] = { rows: 0, failed: 0 };
    }
  }

  async evaluate(): Promise<EvaluationOutcome> {
    const { spec } = this.run;
    const inFlight = new Set<Promise<void>>();
    let failure: { error: unknown } | undefined;
    const launch = (batch: EvalRow[]): void => {
      const work: Promise<void> = this.batch(batch)
        .catch((error: unknown) => {
          failure ??= { error };
          this.stop.abort();
        })
        .finally(() => inFlight.delete(work));
      inFlight.add(work);
    };
    const { rows } = await openDataset(spec.dataset, this.signal);
    let batch: EvalRow[] = [];
    try {
      for await (const row of rows) {
        if (failure) break;
        batch.push(this.convert(row));
        if (batch.length < spec.batchSize) continue;
        launch(batch);
        batch = [];
        while (inFlight.size >= spec.concurrency) await Promise.race(inFlight);
      }
    } catch (error) {
      // The file could not be read to its end (it changed since it was checked, or a cancel).
      failure ??= { error };
      this.stop.abort();
    } finally {
      await rows.return(undefined);
    }
    if (batch.length > 0 && !failure) launch(batch);
    await Promise.all(inFlight);
    if (failure) throw this.explain(failure.error);
    return { tally: this.tally, durationMs: now() - this.started, requests: this.requests };
  }

  /** A row as it is sent (numbers) and counted (its label's class, its slices). */
  private convert(row: DatasetRow): EvalRow {
    const { layout, spec } = this.run;
    const label = layout.label === undefined ? undefined : row.values[layout.label];
    return {
      row: row.row,
      line: row.line,
      features: layout.features.map((index) => numberOf(row.values[index])!),
      label:
        label === undefined
          ? undefined
          : spec.task === 'regression'
            ? numberOf(label)
            : spec.threshold !== undefined
              ? binaryLabel(label)
              : classKey(label),
      slices: layout.slices.map(({ name, index }) => ({
        column: name,
        value: sliceValue(row.values[index]),
      })),
    };
  }

  private async batch(rows: EvalRow[]): Promise<void> {
    const { models, spec } = this.run;
    const answers = await Promise.all(models.map((model) => this.answersFor(model, rows)));
    models.forEach((model, m) => {
      const judged = this.judged[model.role]!;
      judged.rows += rows.length;
      judged.failed += answers[m]!.filter((answer) => 'failure' in answer).length;
    });
    rows.forEach((row, i) => {
      const byRole: Partial<Record<Role, RowAnswer>> = {};
      models.forEach((model, m) => (byRole[model.role] = answers[m]![i]!));
      this.tally.add(row.row, row.label, row.slices, byRole, () => whereIs(spec.dataset, row));
    });
    this.progress(rows.length);
  }

  /** One answer per row; a refused batch is asked again in halves while the budget lasts. */
  private async answersFor(model: ModelUnderTest, rows: EvalRow[]): Promise<RowAnswer[]> {
    const { spec, layout } = this.run;
    const request = { columns: layout.featureNames, data: rows.map((row) => row.features) };
    if (now() >= this.deadline) this.timeout.abort(new Error('the evaluation timed out'));
    const started = now();
    this.requests[model.role]! += 1;
    try {
      // Every exchange ends by the deadline too; retries keep the retry-timeout budget.
      const answer = await model.client.invoke(request, { signal: this.signal, deadline: this.deadline });
      this.tally.latenciesMs[model.role]!.push(now() - started);
      return readAnswers(answer.body, rows.length, { task: spec.task, threshold: spec.threshold });
    } catch (error) {
      if (this.signal.aborted || !(error instanceof ApiError) || !ROW_STATUSES.has(error.status)) {
        throw this.signal.aborted ? error : new ModelStoppedError(model, error);
      }
      const judged = this.judged[model.role]!;
      const dense = judged.rows > 0 && judged.failed / judged.rows >= DENSE_FAILURES;
      if (rows.length > 1 && this.splitBudget >= 2 && !dense) {
        this.splitBudget -= 2;
        this.tally.splitRequests += 2;
        const half = Math.ceil(rows.length / 2);
        const [first, second] = await Promise.all([
          this.answersFor(model, rows.slice(0, half)),
          this.answersFor(model, rows.slice(half)),
        ]);
        return [...first, ...second];
      }
      const reason = refusalOf(error);
      return rows.map(() => ({ failure: reason }));
    }
  }

  private progress(rows: number): void {
    this.done += rows;
    const total = this.run.layout.rows;
    if (this.done / total < this.nextProgress || this.done >= total) return;
    while (this.done / total >= this.nextProgress) this.nextProgress += 0.25;
    const seconds = (now() - this.started) / 1000;
    core.info(
      `Evaluated ${this.done} of ${total} rows (${Math.floor((this.done / total) * 100)}%), ${Math.round(this.done / Math.max(seconds, 0.001))} rows/s.`,
    );
  }

  /** The error the step fails with: the cancel, the timeout, or what stopped a model. */
  private explain(error: unknown): Error {
    if (this.run.signal.aborted) return new CancelledError();
    if (this.timeout.signal.aborted || now() >= this.deadline) {
      return new Error(
        `the evaluation did not finish within its timeout ${formatDuration(this.run.spec.timeoutMs)}: ${this.done} of ${this.run.layout.rows} rows answered (raise timeout or concurrency, or evaluate fewer rows)`,
      );
    }
    return error instanceof Error ? error : new Error(messageOf(error));
  }
}

/** A model that cannot be evaluated any more: it stopped answering, refused the token, is gone. */
export class ModelStoppedError extends Error {
  constructor(model: ModelUnderTest, cause: unknown) {
    super(`the ${model.role} ${model.shown} could not be evaluated: ${logLine(messageOf(cause), 400)}`);
    this.name = 'ModelStoppedError';
  }
}

/** A refusal in a few words: its status and the model's message. */
function refusalOf(error: ApiError): string {
  const message = error.serverMessage;
  const text = message.startsWith(String(error.status)) ? message : `${error.status} ${message}`.trim();
  return logLine(text, 200);
}
