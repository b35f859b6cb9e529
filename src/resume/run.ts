// The resume action: one tick over every parked phase of the repository. Each is read (its record,
// then its state: one request each); one that ended is claimed (a compare-and-swap on its record, so
// that of two resume runs one finishes it), its check run completed, its continuation dispatched, its
// record deleted. A claim left by a run that has ended (it died between its writes) is taken over.
// A refused dispatch puts the record back, parked, with the reason; the step then fails, naming it.
// A record GitHub fails to delete is marked finished, so that the next tick deletes it and does not
// dispatch again.

import * as core from '@actions/core';
import { now } from '../shared/clock.js';
import { formatDuration } from '../shared/duration.js';
import type { StepContext } from '../shared/action/step.js';
import { escapeHtml } from '../shared/action/summary.js';
import { describeGitHubFailure, gitHubApi, requestStatus } from '../shared/github/api.js';
import type { GitHubApi } from '../shared/github/api.js';
import { completeCheckRun } from '../shared/github/check-run.js';
import { ParkedStore } from '../shared/github/parked-store.js';
import type { ParkedEntry, PhaseEnding } from '../shared/github/parked-store.js';
import { OdahuClient } from '../shared/odahu/client.js';
import { logText, markdownCode, markdownText } from '../shared/odahu/untrusted-text.js';
import { messageOf } from '../shared/thrown.js';
import { deletePhase, phaseOf, standing } from './ending.js';
import type { ResumeInputs } from './inputs.js';

/** A claim whose run GitHub cannot tell about is taken over after this. */
const CLAIM_LEASE_MS = 30 * 60_000;

interface Resumed {
  phase: string;
  conclusion: PhaseEnding['conclusion'];
  state: string;
  dispatched: string;
  'parked-run-id': string;
}

interface Running {
  phase: string;
  state: string;
  'parked-at': string;
  'times-out-at': string;
  note?: string;
}

interface Refused {
  phase: string;
  reason: string;
}

export async function resume(ctx: StepContext, inputs: ResumeInputs): Promise<void> {
  const client = OdahuClient.fromSettings(inputs.settings);
  const github = await gitHubApi(inputs.api);
  const tick = new Tick(ctx, inputs, client, github.api);
  try {
    await tick.run();
  } finally {
    tick.publish();
    await tick.summary();
    github.dispose();
    client.dispose();
  }
  tick.fail();
}

class Tick {
  private readonly store: ParkedStore;
  readonly resumed: Resumed[] = [];
  readonly running: Running[] = [];
  readonly refused: Refused[] = [];

  constructor(
    private readonly ctx: StepContext,
    private readonly inputs: ResumeInputs,
    private readonly client: OdahuClient,
    private readonly api: GitHubApi,
  ) {
    this.store = new ParkedStore(api, inputs.repository);
  }

  async run(): Promise<void> {
    let listed: Awaited<ReturnType<ParkedStore['list']>>;
    try {
      listed = await this.store.list();
    } catch (error) {
      throw new Error(describeGitHubFailure(error, 'Listing the parked phases', 'contents: write'), {
        cause: error,
      });
    }
    for (const key of listed.unreadable) {
      core.warning(logText(`refs/odahu/parked/${key} holds no record this version can read: left alone.`));
    }
    const keys = new Set(listed.entries.map((entry) => entry.key));
    for (const key of this.inputs.cancel.filter((key) => !keys.has(key))) {
      core.warning(`cancel: ${key} is not parked (it ended, or was never parked here): nothing to cancel.`);
    }
    core.info(`${listed.entries.length} parked phase${listed.entries.length === 1 ? '' : 's'}.`);
    for (const entry of listed.entries) {
      try {
        await this.tickOne(entry);
      } catch (error) {
        if (this.ctx.signal.aborted) throw error;
        // One phase's trouble (its cluster down, a GitHub error) leaves the others to be finished.
        const reason = messageOf(error);
        core.warning(logText(`${entry.key}: ${reason}; the next tick tries again.`));
        this.running.push({ ...this.runningOf(entry, entry.record.outputs.state ?? ''), note: reason });
      }
    }
  }

  private runningOf(entry: ParkedEntry, state: string): Running {
    const { parkedAt, timeoutMs } = entry.record;
    return {
      phase: entry.key,
      state,
      'parked-at': new Date(parkedAt).toISOString(),
      'times-out-at': new Date(parkedAt + timeoutMs).toISOString(),
    };
  }

  private async tickOne(entry: ParkedEntry): Promise<void> {
    const { record } = entry;
    if (record.odahuApiUrl !== this.inputs.settings.apiUrl) {
      core.info(
        logText(`${entry.key}: parked on ${record.odahuApiUrl}, not on this step's cluster: left alone.`),
      );
      return;
    }
    const cancel = this.inputs.cancel.includes(entry.key)
      ? `cancelled by resume run ${this.inputs.runId}`
      : undefined;
    let ending: PhaseEnding;
    if (record.claim?.finished) {
      await this.writeRecord('deleting its record', () => this.store.remove(entry));
      core.info(`${entry.key}: finished by resume run ${record.claim.runId}; its record is deleted now.`);
      return;
    }
    if (record.claim) {
      if (
        record.claim.runId !== this.inputs.runId &&
        (await this.alive(record.claim.runId, record.claim.at))
      ) {
        core.info(`${entry.key}: being finished by resume run ${record.claim.runId}.`);
        this.running.push({
          ...this.runningOf(entry, record.claim.ending.state),
          note: `being finished by run ${record.claim.runId}`,
        });
        return;
      }
      core.info(
        `${entry.key}: resume run ${record.claim.runId} claimed it and ended before finishing: taking over.`,
      );
      ending = record.claim.ending;
    } else {
      const now_ = await standing(this.client, record, cancel, this.ctx.signal);
      if ('running' in now_) {
        const since = formatDuration(now() - record.parkedAt);
        core.info(logText(`${entry.key}: ${now_.running}, parked ${since} ago.`));
        this.running.push(this.runningOf(entry, now_.running));
        return;
      }
      ending = now_.ended;
    }
    const claimed = await this.writeRecord('claiming its record', () =>
      this.store.replace(entry, {
        ...record,
        claim: { runId: this.inputs.runId, at: now(), ending },
        refused: undefined,
      }),
    );
    if (!claimed) {
      core.info(`${entry.key}: another resume run claimed it first: left to that run.`);
      return;
    }
    await this.finish(claimed, ending);
  }

  /** A write of a phase's record (`what` it is, for the log): GitHub failing it is said as such. */
  private async writeRecord<T>(what: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (this.ctx.signal.aborted) throw error;
      throw new Error(describeGitHubFailure(error, what, 'contents: write'), { cause: error });
    }
  }

  /** Whether the run holding a claim is still at work: GitHub says, else the claim's age. */
  private async alive(runId: string, claimedAt: number): Promise<boolean> {
    try {
      const { data } = await this.api.rest.actions.getWorkflowRun({
        ...this.inputs.repository,
        run_id: Number(runId),
      });
      return data.status !== 'completed';
    } catch (error) {
      if (requestStatus(error) === 404) return false;
      return now() - claimedAt < CLAIM_LEASE_MS;
    }
  }

  /** The claimed phase's end: delete (cancel, timeout), check run, continuation, record. */
  private async finish(entry: ParkedEntry, ending: PhaseEnding): Promise<void> {
    const { record } = entry;
    const { signal } = this.ctx;
    const phase = phaseOf(record);
    if ((ending.conclusion === 'cancelled' || ending.conclusion === 'timed_out') && record.deleteOnEnd) {
      if (await deletePhase(this.client, record, signal)) {
        core.info(
          logText(
            `${entry.key}: deleted ${phase.noun} ${record.id} (${ending.conclusion}; on-cancel: delete).`,
          ),
        );
      }
    }
    await this.completeCheck(entry, ending);
    const continuation = ending.conclusion === 'success' ? record.continuation : undefined;
    if (continuation) {
      try {
        await this.api.rest.actions.createWorkflowDispatch({
          ...this.inputs.repository,
          workflow_id: continuation.workflow,
          ref: continuation.ref,
          inputs: { ...continuation.inputs, state: ending.state, ...this.endedOutputs(entry, ending) },
        });
      } catch (error) {
        if (signal.aborted) throw error;
        await this.refuse(
          entry,
          ending,
          describeGitHubFailure(
            error,
            `Dispatching ${continuation.workflow} on ${continuation.ref}`,
            'actions: write',
          ),
        );
        return;
      }
      core.info(logText(`${entry.key}: dispatched ${continuation.workflow} on ${continuation.ref}.`));
    }
    await this.removeFinished(entry);
    const line = `${entry.key}: ${ending.conclusion}${ending.reason ? ` (${ending.reason})` : ''}.`;
    if (ending.conclusion === 'success') core.info(logText(line));
    else core.warning(logText(line));
    this.resumed.push({
      phase: entry.key,
      conclusion: ending.conclusion,
      state: ending.state,
      dispatched: continuation?.workflow ?? '',
      'parked-run-id': record.run.id,
    });
  }

  /**
   * Deletes the record of a phase this run finished. Should GitHub fail that, the claim is marked
   * finished: the next tick only deletes it, where taking the claim over would dispatch again.
   */
  private async removeFinished(entry: ParkedEntry): Promise<void> {
    try {
      await this.store.remove(entry);
      return;
    } catch (error) {
      if (this.ctx.signal.aborted) throw error;
      const reason = describeGitHubFailure(error, `Deleting the record of ${entry.key}`, 'contents: write');
      const { claim } = entry.record;
      try {
        const marked = await this.store.replace(entry, {
          ...entry.record,
          claim: { ...claim!, finished: true },
        });
        // Not marked: the record moved meanwhile (deleted after all, or parked again by a re-run).
        core.warning(
          `${reason}; ${marked ? 'marked finished: the next tick deletes it' : 'it has changed since'}.`,
        );
      } catch {
        core.warning(
          `${reason}, and so did marking it finished: the next tick takes the phase over and dispatches its continuation again.`,
        );
      }
    }
  }

  /** The continuation's inputs that the phase's end fills in (artifact-name, image, url...). */
  private endedOutputs(entry: ParkedEntry, ending: PhaseEnding): Record<string, string> {
    const phase = phaseOf(entry.record);
    const inputs = entry.record.continuation?.inputs ?? {};
    return Object.fromEntries(
      [phase.idOutput, ...phase.keyOutputs]
        .filter((name) => name in inputs)
        .map((name) => [name, ending.outputs[name] ?? '']),
    );
  }

  private async completeCheck(entry: ParkedEntry, ending: PhaseEnding, note = ''): Promise<void> {
    try {
      await completeCheckRun(this.api, this.inputs.repository, entry.record, ending, note);
    } catch (error) {
      if (this.ctx.signal.aborted) throw error;
      core.warning(describeGitHubFailure(error, `Completing the check run of ${entry.key}`, 'checks: write'));
    }
  }

  /** The dispatch was refused: back to parked with the reason, said on the check run and here. */
  private async refuse(entry: ParkedEntry, ending: PhaseEnding, reason: string): Promise<void> {
    core.error(logText(`${entry.key}: ${reason}. It stays parked; the next resume run dispatches it again.`));
    const { claim: _claim, ...parked } = entry.record;
    await this.writeRecord('putting its record back', () =>
      this.store.replace(entry, { ...parked, refused: reason }),
    );
    await this.completeCheck(
      entry,
      ending,
      `The continuation was not dispatched: ${reason}. The next resume run tries again.`,
    );
    this.refused.push({ phase: entry.key, reason });
  }

  publish(): void {
    core.setOutput('resumed', JSON.stringify(this.resumed));
    core.setOutput('running', JSON.stringify(this.running));
    core.setOutput('refused', JSON.stringify(this.refused));
  }

  async summary(): Promise<void> {
    if (!process.env.GITHUB_STEP_SUMMARY) return;
    const header = ['Phase', 'Outcome', 'State', 'Next'].map((data) => ({ data, header: true }));
    const rows = [
      ...this.resumed.map((r) => [
        markdownCode(r.phase),
        escapeHtml(r.conclusion),
        markdownText(r.state),
        r.dispatched ? `dispatched ${markdownCode(r.dispatched)}` : ' ',
      ]),
      ...this.refused.map((r) => [markdownCode(r.phase), 'not dispatched', ' ', markdownText(r.reason)]),
      ...this.running.map((r) => [
        markdownCode(r.phase),
        'running',
        markdownText(r.state),
        `times out at ${escapeHtml(r['times-out-at'])}${r.note ? `; ${markdownText(r.note)}` : ''}`,
      ]),
    ];
    const summary = core.summary.addHeading('Odahu resume', 3);
    if (rows.length === 0) summary.addRaw('<p>No parked phase.</p>', true);
    else summary.addTable([header, ...rows]);
    await summary.write();
  }

  fail(): void {
    if (this.refused.length === 0) return;
    throw new Error(
      `${this.refused.length} continuation${this.refused.length === 1 ? ' was' : 's were'} not dispatched: ${this.refused.map((r) => `${r.phase}: ${r.reason}`).join('; ')}`,
    );
  }
}
