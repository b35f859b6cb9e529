// The flow shared by train, package and deploy (which the pipeline runs in turn): apply the manifest
// under the if-exists policy, let a cancellation undo what this step started, wait when asked, then
// set the outputs and the job summary. Outputs are set on failure too, so `if: failure()` steps can
// read the state and status.

import * as core from '@actions/core';
import { OdahuClient } from '../odahu/client.js';
import type { KindResources } from '../odahu/kinds.js';
import type { OdahuSettings } from '../odahu/settings.js';
import type { Resource } from '../odahu/types.js';
import type { Applied, IfExists, Store } from './apply.js';
import { applyResource } from './apply.js';
import { checkReferences } from './references.js';
import { messageOf } from '../thrown.js';
import type { Phase } from './phases.js';
import { ParkRefusedError } from './parking.js';
import type { ParkedWork, Parking } from './parking.js';
import { cleanUpAfterCancel } from './step.js';
import type { StepContext } from './step.js';
import type { SummaryRow } from './summary.js';
import { writeSummary } from './summary.js';
import { PhaseFailedError, WaitTimeoutError, watch } from './watch.js';
import type { WatchOptions } from './watch.js';

export interface PhaseRun<R extends Resource<unknown, unknown>> {
  phase: Phase<R>;
  store: Store<R>;
  desired: R;
  ifExists: IfExists;
  wait: boolean;
  timeoutMs: number;
  /** The user's poll-interval; undefined for the adaptive schedule. */
  pollIntervalMs: number | undefined;
  logs: boolean;
  /** Delete what this step created or replaced if the workflow is cancelled while it waits. */
  deleteOnCancel: boolean;
  /** For if-exists: update, true when the PUT can be skipped. */
  unchanged?: (existing: R, signal: AbortSignal) => Promise<boolean>;
  /** wait: park: record the phase for `resume` instead of waiting. */
  parking?: Parking;
  /**
   * Where the manifest was written (`input training`): runPhaseStep then checks that what it names
   * exists (references.ts) before the first write.
   */
  origin?: string;
}

export interface PhaseResult<R> {
  object: R;
  outputs: Record<string, string>;
}

/** Where outputs go: the step's outputs by default; a canary release collects its candidate's. */
export type OutputSink = (name: string, value: string) => void;

/** Runs one phase; its job-summary row is pushed to `rows` whether it succeeds or fails. */
export async function runPhase<R extends Resource<unknown, unknown>>(
  ctx: StepContext,
  client: OdahuClient,
  run: PhaseRun<R>,
  rows: SummaryRow[],
  setOutput: OutputSink = (name, value) => core.setOutput(name, value),
): Promise<PhaseResult<R>> {
  const started = Date.now();
  const { phase, desired } = run;
  const { object: applied, applied: action } = await applyResource(run.store, desired, run.ifExists, {
    noun: phase.noun,
    signal: ctx.signal,
    deleteTimeoutMs: Math.max(run.timeoutMs, 60_000),
    pollIntervalMs: run.pollIntervalMs,
    unchanged: run.unchanged,
    runtimeGone: phase.runtimeGone && ((id, signal) => phase.runtimeGone!(client, id, signal)),
  });
  return settleStarted(ctx, client, phase, desired.id, applied, {
    ...run,
    action,
    started,
    rows,
    setOutput,
    undo:
      run.deleteOnCancel && startedHere(action)
        ? {
            reason: 'on-cancel: delete',
            work: (signal) => run.store.delete(desired.id, { signal }),
          }
        : undefined,
  });
}

/** What a step applied or started, and how it waits for it. */
export interface StartedWork {
  wait: boolean;
  timeoutMs: number;
  /** The user's poll-interval; undefined for the adaptive schedule. */
  pollIntervalMs: number | undefined;
  logs: boolean;
  /** What the summary says was done (`, waited` is added when waiting). */
  action: string;
  started: number;
  rows: SummaryRow[];
  setOutput: OutputSink;
  /** What undoes it when the step is cancelled while waiting, and why that is the rule. */
  undo?: { reason: string; work: (signal: AbortSignal) => Promise<unknown> };
  /** wait: park: record it for `resume` and end (`wait` is false then). */
  parking?: Parking;
}

/** Waits for what the step started when asked (see settle); a cancel meanwhile undoes it. */
export async function settleStarted<R>(
  ctx: StepContext,
  client: OdahuClient,
  phase: Phase<R>,
  id: string,
  object: R,
  work: StartedWork,
): Promise<PhaseResult<R>> {
  try {
    return await settle(client, phase, id, object, {
      watch: work.wait
        ? {
            timeoutMs: work.timeoutMs,
            pollIntervalMs: work.pollIntervalMs,
            signal: ctx.signal,
            logs: work.logs,
          }
        : undefined,
      action: work.wait ? `${work.action}, waited` : work.parking ? `${work.action}, parked` : work.action,
      started: work.started,
      rows: work.rows,
      setOutput: work.setOutput,
      park: work.parking && {
        parking: work.parking,
        action: work.action,
        timeoutMs: work.timeoutMs,
        deleteOnEnd: work.undo !== undefined,
      },
    });
  } catch (error) {
    // Cancelled while waiting, or not parked after all: the step undoes what it started (the
    // client is still open here).
    if ((ctx.signal.aborted || error instanceof ParkRefusedError) && work.undo) {
      await cleanUpAfterCancel(
        ctx,
        `Deleting ${phase.noun} ${id}, which this step started (${ctx.signal.aborted ? work.undo.reason : 'it could not be parked'}).`,
        work.undo.work,
      );
    }
    throw error;
  }
}

export interface SettleOptions {
  /** Wait for the final state like this, or take the object as it is. */
  watch: WatchOptions | undefined;
  /** What the summary says was done. */
  action: string;
  started: number;
  rows: SummaryRow[];
  setOutput: OutputSink;
  /** wait: park: instead of watching, the phase is recorded and the step ends with `state: parked`. */
  park?: Omit<ParkedWork, 'phase' | 'id' | 'outputs'> & { parking: Parking };
}

/**
 * Wait for the phase when asked, then set its outputs and push its summary row; on failure, the
 * outputs of the failed object (state, status) are set too and the row says how it ended.
 */
export async function settle<R>(
  client: OdahuClient,
  phase: Phase<R>,
  id: string,
  /** The object as the step last saw it; unneeded when watching (the watch reads it). */
  current: R | undefined,
  options: SettleOptions,
): Promise<PhaseResult<R>> {
  const addRow = (state: string, outputs: Record<string, string>) =>
    options.rows.push({
      kind: phase.kind,
      id,
      action: options.action,
      state,
      durationMs: Date.now() - options.started,
      outputs: Object.fromEntries(phase.keyOutputs.map((name) => [name, outputs[name] ?? ''])),
    });
  if (options.park) {
    const { parking, ...work } = options.park;
    const object = current ?? (await phase.get(client, id));
    const outputs = await publish(client, phase, object, () => undefined);
    await parking.park({ ...work, phase, id, outputs });
    outputs.state = PARKED;
    for (const [name, value] of Object.entries(outputs)) options.setOutput(name, value);
    addRow(PARKED, outputs);
    return { object, outputs };
  }
  let final: R;
  try {
    final = options.watch
      ? await watch(phase, client, id, options.watch)
      : (current ?? (await phase.get(client, id)));
  } catch (error) {
    if (error instanceof PhaseFailedError) {
      const failed = error.final as R;
      addRow(phase.state(failed), await publish(client, phase, failed, options.setOutput));
    } else {
      addRow(error instanceof WaitTimeoutError ? 'timed out' : 'error', {});
    }
    throw error;
  }
  const outputs = await publish(client, phase, final, options.setOutput);
  addRow(phase.state(final), outputs);
  return { object: final, outputs };
}

/** The state output of a parked phase: the step ended before it did. */
export const PARKED = 'parked';

/** Only what this step brought into being is undone on cancel; an updated resource existed before. */
function startedHere(action: Applied): boolean {
  return action === 'created' || action === 'replaced';
}

async function publish<R>(
  client: OdahuClient,
  phase: Phase<R>,
  object: R,
  setOutput: OutputSink,
): Promise<Record<string, string>> {
  let outputs: Record<string, string>;
  try {
    outputs = await phase.outputs(client, object);
  } catch (error) {
    core.warning(`Could not read every output of ${phase.noun}: ${messageOf(error)}`);
    return {};
  }
  for (const [name, value] of Object.entries(outputs)) setOutput(name, value);
  return outputs;
}

/**
 * A whole phase step (train, package): a client for the settings, the phase, and the job summary
 * written whatever happens (its rows also in `rows`, for a report that shows them too).
 */
export async function runPhaseStep<R extends Resource<unknown, unknown>>(
  ctx: StepContext,
  settings: OdahuSettings,
  title: string,
  describe: (client: OdahuClient) => PhaseRun<R>,
  rows: SummaryRow[] = [],
): Promise<PhaseResult<R>> {
  const client = OdahuClient.fromSettings(settings);
  try {
    return await runSummarizedPhase(ctx, client, title, describe(client), rows);
  } finally {
    client.dispose();
  }
}

/**
 * The phase of a step on the step's client: what the manifest names checked first when its origin
 * is given, and the job summary written whatever happens.
 */
export async function runSummarizedPhase<R extends Resource<unknown, unknown>>(
  ctx: StepContext,
  client: OdahuClient,
  title: string,
  run: PhaseRun<R>,
  rows: SummaryRow[],
): Promise<PhaseResult<R>> {
  try {
    if (run.origin !== undefined) {
      const { kind } = run.phase;
      const resource = run.desired as unknown as KindResources[typeof kind];
      await checkReferences(client, [{ kind, resource, origin: run.origin }], ctx.signal);
    }
    return await runPhase(ctx, client, run, rows);
  } finally {
    await writeSummary(title, rows);
  }
}
