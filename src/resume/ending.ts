// How a parked phase stands: still running, or ended, and how (succeeded, failed, cancelled, past its
// timeout, gone from the cluster), with what the check run shows of it: its outputs, its failure, its
// log's last lines. One read of the phase, and of its log only when it failed.

import { now } from '../shared/clock.js';
import { formatDuration } from '../shared/duration.js';
import { PHASE_OF_KIND } from '../shared/action/phases.js';
import type { Phase } from '../shared/action/phases.js';
import { TAIL_LINES, readLines } from '../shared/action/pod-log.js';
import type { PhaseEnding, ParkedRecord } from '../shared/github/parked-store.js';
import type { OdahuClient } from '../shared/odahu/client.js';
import { ApiError } from '../shared/odahu/errors.js';
import { cutText } from '../shared/odahu/untrusted-text.js';
import { messageOf } from '../shared/thrown.js';

/** A log read for its last lines gives up after this: the pod has ended, and the check can do without. */
const LOG_READ_MS = 30_000;
const MAX_TAIL_LINE = 500;

export type Standing = { ended: PhaseEnding } | { running: string };

export function phaseOf(record: ParkedRecord): Phase<unknown> {
  return PHASE_OF_KIND[record.kind]!;
}

/** Where the phase stands; `cancel` (asked by the cancel input or the check's button) ends it as cancelled. */
export async function standing(
  client: OdahuClient,
  record: ParkedRecord,
  cancel: string | undefined,
  signal: AbortSignal,
): Promise<Standing> {
  const phase = phaseOf(record);
  let object: unknown;
  try {
    object = await phase.get(client, record.id, { signal });
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) throw error;
    const ending = (conclusion: PhaseEnding['conclusion'], reason: string): Standing => ({
      ended: {
        conclusion,
        state: 'deleted',
        reason,
        outputs: { ...record.outputs, state: 'deleted' },
        endedAt: now(),
      },
    });
    return cancel
      ? ending('cancelled', cancel)
      : ending(
          'failure',
          `${phase.noun} ${record.id} is no longer on the cluster: it was deleted while parked`,
        );
  }
  const state = phase.state(object);
  const outputs = await phase.outputs(client, object, signal);
  const ended = (conclusion: PhaseEnding['conclusion'], reason?: string, logTail?: string[]): Standing => ({
    ended: { conclusion, state, reason, outputs, endedAt: now(), ...(logTail ? { logTail } : {}) },
  });
  const outcome = phase.outcome(object);
  if (outcome === 'succeeded') return ended('success');
  if (outcome === 'failed') {
    return ended(
      'failure',
      `${phase.noun} ${record.id} failed: ${phase.failure(object)}`,
      await logTail(client, phase, record.id, signal),
    );
  }
  if (cancel) return ended('cancelled', cancel);
  if (now() - record.parkedAt > record.timeoutMs) {
    return ended(
      'timed_out',
      `${phase.noun} ${record.id} did not finish within ${formatDuration(record.timeoutMs)}: it is still ${state}${phase.timeoutHint?.(object) ?? ''}`,
    );
  }
  return { running: state };
}

/** The last lines of the phase's pod log, or none when it has none or cannot be read. */
async function logTail(
  client: OdahuClient,
  phase: Phase<unknown>,
  id: string,
  signal: AbortSignal,
): Promise<string[]> {
  if (!phase.logs) return [];
  const tail: string[] = [];
  try {
    const stream = await phase.logs.open(client, id, false, {
      signal: AbortSignal.any([signal, AbortSignal.timeout(LOG_READ_MS)]),
    });
    await readLines(stream, (line) => {
      tail.push(cutText(line, MAX_TAIL_LINE));
      if (tail.length > TAIL_LINES) tail.shift();
    });
  } catch (error) {
    if (signal.aborted) throw error;
    return [`(the log could not be read: ${messageOf(error)})`];
  }
  return tail;
}

/** Deletes a cancelled or timed-out phase the parking step started; one already gone is no failure. */
export async function deletePhase(
  client: OdahuClient,
  record: ParkedRecord,
  signal: AbortSignal,
): Promise<boolean> {
  const collection = {
    ModelTraining: client.trainings,
    ModelPackaging: client.packagings,
    ModelDeployment: client.deployments,
    InferenceJob: client.inferenceJobs,
  }[record.kind];
  try {
    await collection.delete(record.id, { signal });
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return false;
    throw error;
  }
}
