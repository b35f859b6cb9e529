// The parking step's side of `wait: park`: a check run on the run's commit, then the record `resume`
// lists (parked-store.ts). Unlike a report, parking is the step's work: GitHub refusing it fails the
// step (which then undoes what it started), with the permission to add. A phase parked again (a
// re-run) replaces its record, and its older check run is completed as neutral; a record there that
// this version cannot read is left alone (as resume leaves it), and the step fails naming its ref.

import * as core from '@actions/core';
import { now } from '../clock.js';
import { readGitHubRun } from '../action/github-run.js';
import type { GitHubRun } from '../action/github-run.js';
import type { InputReader } from '../action/inputs.js';
import { ParkRefusedError, handedOn } from '../action/parking.js';
import type { ParkRequest, ParkedWork, Parking } from '../action/parking.js';
import { markSecret } from '../odahu/secrets.js';
import { logText } from '../odahu/untrusted-text.js';
import { messageOf } from '../thrown.js';
import { describeGitHubFailure, gitHubApi } from './api.js';
import type { GitHubApi, GitHubApiOptions } from './api.js';
import { checkRunName, startCheckRun } from './check-run.js';
import { PARKED_KINDS, PARKED_NAMESPACE, ParkedStore, parkedKey } from './parked-store.js';
import type { ParkedKind, ParkedRecord, Repository } from './parked-store.js';

export const PARK_PERMISSIONS = 'checks: write, contents: write';

/**
 * wait: park's GitHub side, read with the action's inputs: the run to park from and the token.
 * Undefined when the step does not park.
 */
export function readParking(
  reader: InputReader,
  park: ParkRequest | undefined,
  { actionName, title, odahuApiUrl }: { actionName: string; title: string; odahuApiUrl: string | undefined },
): Parking | undefined {
  if (!park) return undefined;
  const { run, problems } = readGitHubRun(reader.source.env, actionName);
  for (const problem of problems) reader.problem(`wait: park: ${problem}`);
  const token = reader.optional('github-token');
  markSecret(token);
  if (!run.repository || !run.runId || !run.sha) {
    reader.problem(
      'wait: park needs a GitHub Actions run (GITHUB_REPOSITORY, GITHUB_RUN_ID and GITHUB_SHA): the resume workflow finds the phase in the repository',
    );
  } else if (!token) {
    reader.problem(
      `wait: park needs github-token (the job's github.token with permissions ${PARK_PERMISSIONS})`,
    );
  }
  const ref = continuationRef(run);
  if (park.workflow && run.repository && !ref) {
    reader.problem(
      "resume-workflow: this run's ref cannot be dispatched (a pull request from a fork has no branch here); park from a push or workflow_dispatch run",
    );
  }
  if (!run.repository || !token || !odahuApiUrl) return undefined;
  return new GitHubParking({ token, apiUrl: run.apiUrl }, run, run.repository, park, title, odahuApiUrl, ref);
}

/**
 * The ref a continuation is dispatched on: the run's branch or tag; for a pull request, whose merge
 * ref cannot be dispatched, its head branch (none for a fork's).
 */
export function continuationRef(run: GitHubRun): string {
  if (run.pullRequest) return run.pullRequest.headBranch ? `refs/heads/${run.pullRequest.headBranch}` : '';
  return run.ref && /^refs\/(heads|tags)\//.test(run.ref) ? run.ref : '';
}

class GitHubParking implements Parking {
  constructor(
    private readonly options: GitHubApiOptions,
    private readonly run: GitHubRun,
    private readonly repository: Repository,
    private readonly request: ParkRequest,
    private readonly title: string,
    private readonly odahuApiUrl: string,
    private readonly ref: string,
  ) {}

  async park(work: ParkedWork): Promise<void> {
    const github = await gitHubApi(this.options);
    try {
      await this.parkWith(github.api, work);
    } finally {
      github.dispose();
    }
  }

  private async parkWith(api: GitHubApi, work: ParkedWork): Promise<void> {
    const kind = work.phase.kind as ParkedKind;
    if (!(kind in PARKED_KINDS)) throw new ParkRefusedError(`a ${work.phase.kind} cannot be parked`);
    const run = this.run;
    const record: ParkedRecord = {
      version: 1,
      kind,
      id: work.id,
      title: this.title,
      odahuApiUrl: this.odahuApiUrl,
      action: work.action,
      parkedAt: now(),
      timeoutMs: work.timeoutMs,
      deleteOnEnd: work.deleteOnEnd,
      outputs: work.outputs,
      checkRun: undefined,
      run: {
        id: run.runId!,
        url: run.runUrl ?? '',
        workflow: run.workflow ?? '',
        ref: run.ref ?? '',
        sha: run.sha!,
      },
      continuation: this.request.workflow
        ? {
            workflow: this.request.workflow,
            ref: this.ref,
            inputs: { ...handedOn(work.phase, work.outputs, run.runId!), ...this.request.inputs },
          }
        : undefined,
    };
    const key = parkedKey(kind, work.id);
    const headSha = run.pullRequest?.headSha || run.sha!;
    let checkRunId: number;
    try {
      checkRunId = await startCheckRun(api, this.repository, record, headSha, key);
    } catch (error) {
      throw new ParkRefusedError(
        describeGitHubFailure(error, 'Creating the check run of the parked phase', 'checks: write'),
      );
    }
    record.checkRun = { id: checkRunId, name: checkRunName(record), headSha };
    const store = new ParkedStore(api, this.repository);
    try {
      await this.keep(api, store, record);
    } catch (error) {
      const reason = describeGitHubFailure(error, 'Recording the parked phase', 'contents: write');
      await api.rest.checks
        .update({
          ...this.repository,
          check_run_id: checkRunId,
          status: 'completed',
          conclusion: 'failure',
          output: { title: 'Could not be parked', summary: reason },
          actions: [],
        })
        .catch(() => undefined);
      throw new ParkRefusedError(error instanceof ParkRefusedError ? error.message : reason);
    }
    core.info(
      logText(
        `Parked ${work.phase.noun} ${work.id}: check run "${record.checkRun.name}" on ${headSha.slice(0, 12)}, record refs/odahu/parked/${key}.`,
      ),
    );
    core.info(
      record.continuation
        ? logText(
            `When it succeeds, the next resume run dispatches ${record.continuation.workflow} on ${record.continuation.ref} with ${Object.keys(record.continuation.inputs).join(', ')}.`,
          )
        : 'When it ends, the next resume run completes the check run (no resume-workflow: nothing is dispatched).',
    );
  }

  /** Creates the record, or replaces the one a former run of the same phase left. */
  private async keep(api: GitHubApi, store: ParkedStore, record: ParkedRecord): Promise<void> {
    const key = parkedKey(record.kind, record.id);
    for (let attempt = 0; attempt < 3; attempt++) {
      if ((await store.create(record)) !== 'exists') return;
      const former = await store.read(key);
      // Finished and deleted meanwhile (a resume run): created anew on the next try.
      if (!former) continue;
      if (former === 'unreadable') {
        // Left alone, as resume leaves it: replacing it would lose what another version keeps there.
        const ref = `refs/${PARKED_NAMESPACE}${key}`;
        throw new ParkRefusedError(
          `${ref} holds no record this version can read (another version of odahu-actions wrote it?): finish it with that version, or delete the ref (git push origin :${ref}) and park again`,
        );
      }
      if (!(await store.replace(former, record))) continue;
      const old = former.record.checkRun;
      if (old) {
        await api.rest.checks
          .update({
            ...this.repository,
            check_run_id: old.id,
            status: 'completed',
            conclusion: 'neutral',
            output: { title: 'Parked again', summary: `Parked again by run ${record.run.id}.` },
            actions: [],
          })
          .catch((error: unknown) =>
            core.warning(
              logText(`The former check run of ${record.id} could not be completed: ${messageOf(error)}`),
            ),
          );
      }
      core.info(
        logText(`${record.id} was parked by run ${former.record.run.id}: this run's record replaces it.`),
      );
      return;
    }
    throw new ParkRefusedError(
      `the record of ${record.id} kept changing while it was parked again; try again`,
    );
  }
}
