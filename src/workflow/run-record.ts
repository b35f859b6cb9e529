// What a run leaves for later runs to read: its workflow, event, commit, pull request and conclusion
// (.tmp/runs/<id>/run.json), so that a workflow on `workflow_run` can be rehearsed against a run that
// happened (--event workflow_run, the latest run of a workflow it names, or --workflow-run ID), with
// the payload GitHub would send it, and download that run's artifacts.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CannotRun } from './cannot-run.js';
import type { JsonValue } from './expressions.js';

export interface RunRecord {
  id: string;
  workflowName: string;
  /** `.github/workflows/models.yml`. */
  workflowFile: string;
  event: string;
  conclusion: string;
  repository: string;
  sha: string;
  branch: string;
  pullRequest?: { number: number; fork: boolean };
}

const FILE = 'run.json';

export function writeRunRecord(runDir: string, record: RunRecord): void {
  writeFileSync(join(runDir, FILE), `${JSON.stringify(record, null, 2)}\n`);
}

/** The run `id`, or the latest run of one of `workflows` (their names), from this machine's runs. */
export function findRun(runsDir: string, wanted: { id?: string; workflows: string[] }): RunRecord {
  const read = (id: string): RunRecord | undefined => {
    const path = join(runsDir, id, FILE);
    if (!existsSync(path)) return undefined;
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as RunRecord;
    } catch {
      return undefined;
    }
  };
  if (wanted.id !== undefined) {
    const record = read(wanted.id);
    if (!record)
      throw new CannotRun([`--workflow-run ${wanted.id}: no finished run ${wanted.id} in ${runsDir}`]);
    return record;
  }
  const ids = existsSync(runsDir) ? readdirSync(runsDir).filter((id) => /^\d+$/.test(id)) : [];
  const latest = ids
    .sort((a, b) => Number(b) - Number(a))
    .map(read)
    .find((record) => record && wanted.workflows.includes(record.workflowName));
  if (!latest) {
    throw new CannotRun([
      `--event workflow_run: no finished run of ${wanted.workflows.join(', ') || 'the workflows it names (on.workflow_run.workflows)'} in ${runsDir}: run it first, or name one with --workflow-run ID`,
    ]);
  }
  return latest;
}

/** The `workflow_run` part of the event GitHub sends when `record` completes. */
export function workflowRunPayload(record: RunRecord, serverUrl: string): { [key: string]: JsonValue } {
  const [owner = 'local', name = ''] = record.repository.split('/');
  const headRepository = record.pullRequest?.fork ? `fork/${name}` : record.repository;
  return {
    id: Number(record.id),
    name: record.workflowName,
    path: record.workflowFile,
    event: record.event,
    status: 'completed',
    conclusion: record.conclusion,
    head_sha: record.sha,
    head_branch: record.branch,
    run_attempt: 1,
    html_url: `${serverUrl}/${record.repository}/actions/runs/${record.id}`,
    // GitHub leaves a fork's pull request out of this list: the run's artifact has to name it.
    pull_requests:
      record.pullRequest && !record.pullRequest.fork ? [{ number: record.pullRequest.number }] : [],
    repository: { full_name: record.repository, owner: { login: owner } },
    head_repository: { full_name: headRepository },
  };
}
