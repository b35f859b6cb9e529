// The workflow run a step belongs to, as the runner describes it: the GITHUB_* variables and the
// event payload file. Read from the step's environment (not from @actions/github's `context`, which
// reads process.env when imported) so that inputs.ts can read it with the inputs and report its
// problems with theirs. Outside a GitHub run most of it is absent, and what uses it says so.

import { readFileSync } from 'node:fs';
import { messageOf } from '../thrown.js';

export interface PullRequest {
  number: number;
  /** The pull request's page. */
  url: string;
  /** The head branch, when it is a branch of this repository (not of a fork). */
  headBranch: string | undefined;
  headSha: string;
  /** From a fork: its run's token is read-only, so its report is saved for a workflow_run to post. */
  fromFork: boolean;
}

export interface GitHubRun {
  /** `owner/name`; undefined outside a GitHub run. */
  repository: { owner: string; repo: string } | undefined;
  serverUrl: string;
  /** Where the REST API is: GITHUB_API_URL (GitHub Enterprise Server has its own). */
  apiUrl: string;
  /** The commit the run checked out (for a pull request: the merge commit GitHub made). */
  sha: string | undefined;
  /** `refs/heads/main`, `refs/tags/v1`, `refs/pull/7/merge`. */
  ref: string | undefined;
  /** GITHUB_RUN_ID: the run, whatever its attempt. */
  runId: string | undefined;
  /** The run's page, attempt included; undefined outside a GitHub run. */
  runUrl: string | undefined;
  /** The workflow's file (from GITHUB_WORKFLOW_REF), else its name: what identifies it in a repository. */
  workflow: string | undefined;
  /** The workflow's name as shown in the Actions tab. */
  workflowName: string | undefined;
  /** The job's id in the workflow. */
  job: string | undefined;
  /** Who started the run (GITHUB_ACTOR). */
  actor: string | undefined;
  /** The step's id in the job (`deploy`, or `__odahu_odahu-actions` with a suffix when it has none). */
  step: string | undefined;
  eventName: string | undefined;
  /** Set for pull_request and pull_request_target events. */
  pullRequest: PullRequest | undefined;
  /** `odahu/odahu-actions/deploy@v1` as the workflow named the action, when the runner says. */
  actionRef: string | undefined;
}

export const PULL_REQUEST_EVENTS: readonly string[] = ['pull_request', 'pull_request_target'];

type Env = Readonly<Record<string, string | undefined>>;

const value = (env: Env, name: string): string | undefined => env[name]?.trim() || undefined;

/**
 * The run, and the problems found reading it (an unreadable event file, a malformed repository):
 * those only matter to the steps that talk to GitHub, which report them.
 */
export function readGitHubRun(env: Env, actionName: string): { run: GitHubRun; problems: string[] } {
  const problems: string[] = [];
  const serverUrl = (value(env, 'GITHUB_SERVER_URL') ?? 'https://github.com').replace(/\/+$/, '');
  const apiUrl = (value(env, 'GITHUB_API_URL') ?? 'https://api.github.com').replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]/.test(apiUrl)) problems.push(`GITHUB_API_URL is not a URL: "${apiUrl}"`);

  const fullName = value(env, 'GITHUB_REPOSITORY');
  const [owner, repo, ...rest] = fullName?.split('/') ?? [];
  const repository = owner && repo && rest.length === 0 ? { owner, repo } : undefined;
  if (fullName && !repository) problems.push(`GITHUB_REPOSITORY is not owner/name: "${fullName}"`);

  const runId = value(env, 'GITHUB_RUN_ID');
  const attempt = value(env, 'GITHUB_RUN_ATTEMPT');
  const runUrl =
    repository && runId
      ? `${serverUrl}/${repository.owner}/${repository.repo}/actions/runs/${runId}${attempt ? `/attempts/${attempt}` : ''}`
      : undefined;

  const eventName = value(env, 'GITHUB_EVENT_NAME');
  const payload = readPayload(value(env, 'GITHUB_EVENT_PATH'), problems);
  const pullRequest =
    eventName && PULL_REQUEST_EVENTS.includes(eventName)
      ? pullRequestOf(payload, serverUrl, fullName)
      : undefined;

  // owner/repo/.github/workflows/wine.yml@refs/heads/main: the file, without the ref (a re-run on
  // another commit of the same pull request is the same workflow).
  const workflowRef = value(env, 'GITHUB_WORKFLOW_REF');
  const workflowFile = workflowRef?.replace(/@.*$/, '').split('/').slice(2).join('/');

  const { actionRepository, actionVersion } = actionOf(env);
  return {
    run: {
      repository,
      serverUrl,
      apiUrl,
      sha: value(env, 'GITHUB_SHA'),
      ref: value(env, 'GITHUB_REF'),
      runId,
      runUrl,
      workflow: workflowFile || value(env, 'GITHUB_WORKFLOW'),
      workflowName: value(env, 'GITHUB_WORKFLOW'),
      job: value(env, 'GITHUB_JOB'),
      step: value(env, 'GITHUB_ACTION'),
      actor: value(env, 'GITHUB_ACTOR'),
      eventName,
      pullRequest,
      actionRef:
        actionRepository && actionVersion ? `${actionRepository}/${actionName}@${actionVersion}` : undefined,
    },
    problems,
  };
}

/**
 * The action's repository and ref as the workflow named them. GitHub's runner leaves
 * GITHUB_ACTION_REPOSITORY and GITHUB_ACTION_REF empty in a composite action's steps (actions/runner
 * #2473), as the pipeline's phases are; there they are read from where the runner put the action:
 * `<runner>/_actions/<owner>/<repo>/<ref>/<folder>` (a ref with a slash is one folder per part,
 * so only a ref without one is read from the path).
 */
function actionOf(env: Env): { actionRepository?: string; actionVersion?: string } {
  const actionRepository = value(env, 'GITHUB_ACTION_REPOSITORY');
  const actionVersion = value(env, 'GITHUB_ACTION_REF');
  if (actionRepository && actionVersion) return { actionRepository, actionVersion };
  const path = value(env, 'GITHUB_ACTION_PATH')?.replaceAll('\\', '/');
  const match = path && /\/_actions\/([^/]+)\/([^/]+)\/([^/]+)\/[^/]+\/?$/.exec(path);
  return match ? { actionRepository: `${match[1]}/${match[2]}`, actionVersion: match[3] } : {};
}

function readPayload(path: string | undefined, problems: string[]): Record<string, unknown> {
  if (!path) return {};
  try {
    const payload: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof payload === 'object' && payload !== null) return payload as Record<string, unknown>;
    problems.push(`the event payload (GITHUB_EVENT_PATH ${path}) is not a JSON object`);
  } catch (error) {
    problems.push(`the event payload (GITHUB_EVENT_PATH ${path}) cannot be read: ${messageOf(error)}`);
  }
  return {};
}

interface PullRequestPayload {
  number?: unknown;
  html_url?: unknown;
  head?: { ref?: unknown; sha?: unknown; repo?: { full_name?: unknown } | null };
}

function pullRequestOf(
  payload: Record<string, unknown>,
  serverUrl: string,
  repository: string | undefined,
): PullRequest | undefined {
  const pr = payload.pull_request as PullRequestPayload | undefined;
  const number = pr?.number ?? payload.number;
  if (typeof number !== 'number' || !Number.isInteger(number) || number <= 0) return undefined;
  const headRepo = pr?.head?.repo?.full_name;
  const headRef = typeof pr?.head?.ref === 'string' ? pr.head.ref : undefined;
  return {
    number,
    url: typeof pr?.html_url === 'string' ? pr.html_url : `${serverUrl}/${repository ?? ''}/pull/${number}`,
    // A fork's branch is not in this repository: deployments there name the head commit instead.
    headBranch: headRef && headRepo === repository ? headRef : undefined,
    headSha: typeof pr?.head?.sha === 'string' ? pr.head.sha : '',
    // A fork deleted since has no head repository: still not this one.
    fromFork: pr?.head !== undefined && headRepo !== repository,
  };
}
