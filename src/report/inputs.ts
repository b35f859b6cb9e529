// The report action's inputs and the run it posts for: the workflow_run event's payload (the pull
// request's run that saved the sections: its id, attempt, workflow file and head commit), read from
// GitHub's event file, which the fork cannot write, unlike the sections themselves.

import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { InputReader } from '../shared/action/inputs.js';
import { outsideWorkspaceProblem } from '../shared/action/workspace-files.js';
import { readGitHubRun } from '../shared/action/github-run.js';
import type { GitHubRun } from '../shared/action/github-run.js';
import { savedSectionsFolder } from '../shared/github/saved-section.js';
import { markSecret } from '../shared/odahu/secrets.js';
import { actionInputs } from '../shared/odahu/settings.js';
import type { InputSource } from '../shared/odahu/settings.js';
import { messageOf } from '../shared/thrown.js';

/** The run that saved the sections, as the workflow_run event describes it. */
export interface SavingRun {
  /** Its page, attempt included: what its sections' `run` is. */
  runUrl: string;
  /** The workflow's file in the repository, as reports are keyed by it. */
  workflow: string;
  workflowName: string;
  /** The event it ran on (pull_request). */
  event: string;
  headSha: string;
}

export interface ReportInputs {
  /** This run: its repository, API URL. */
  run: GitHubRun;
  saving: SavingRun;
  folder: string;
  /** Undefined: nothing is posted (a rehearsal: the sections go to the job summary). */
  token: string | undefined;
}

export function readReportInputs(source: InputSource = actionInputs): ReportInputs {
  const reader = new InputReader(source);
  const { run, problems } = readGitHubRun(source.env, 'report');
  for (const problem of problems) reader.problem(problem);
  const path = reader.optional('path');
  const workspace = source.env.GITHUB_WORKSPACE ?? process.cwd();
  const folder =
    path === undefined ? savedSectionsFolder(source.env) : isAbsolute(path) ? path : resolve(workspace, path);
  const outside = outsideWorkspaceProblem(folder, 'input path', { env: source.env });
  if (outside) reader.problem(outside);
  const token = reader.optional('github-token');
  markSecret(token);
  const saving = readSavingRun(reader, run, source.env.GITHUB_EVENT_PATH);
  reader.finish();
  return { run, saving: saving!, folder, token };
}

function readSavingRun(
  reader: InputReader,
  run: GitHubRun,
  eventPath: string | undefined,
): SavingRun | undefined {
  if (run.eventName !== 'workflow_run') {
    reader.problem(
      `the report action posts what a pull request's run saved, from a workflow on workflow_run; this run is for ${run.eventName ?? 'no GitHub event'}`,
    );
    return undefined;
  }
  let payload: { workflow_run?: Record<string, unknown> };
  try {
    payload = JSON.parse(readFileSync(eventPath ?? '', 'utf8')) as typeof payload;
  } catch (error) {
    reader.problem(
      `the workflow_run event cannot be read (GITHUB_EVENT_PATH ${eventPath ?? 'is not set'}): ${messageOf(error)}`,
    );
    return undefined;
  }
  const saving = payload.workflow_run ?? {};
  const text = (name: string) => (typeof saving[name] === 'string' ? saving[name] : '');
  const htmlUrl = text('html_url');
  const attempt = typeof saving.run_attempt === 'number' ? saving.run_attempt : 1;
  const headSha = text('head_sha');
  if (!htmlUrl || !headSha) {
    reader.problem('the workflow_run event names no run (workflow_run.html_url and head_sha)');
    return undefined;
  }
  return {
    runUrl: `${htmlUrl}/attempts/${attempt}`,
    // `.github/workflows/models.yml`, as the saving run read it from GITHUB_WORKFLOW_REF.
    workflow: text('path').replace(/@.*$/, ''),
    workflowName: text('name'),
    event: text('event'),
    headSha,
  };
}
