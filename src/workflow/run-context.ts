// What the runner knows about one run and each of its jobs: the `github` and `runner` contexts, taken
// from the local working tree (repository from the origin remote, sha and branch from git), the event
// payload file, and the GITHUB_* / RUNNER_* variables every step's process gets, as on a GitHub
// runner. Each job has its own RUNNER_TEMP, as each GitHub job has its own runner.

import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename, join } from 'node:path';
import type { JsonValue } from './expressions.js';
import type { Payload } from './event-payload.js';
import { defaultPayload, mergePayload, pullRequestOf } from './event-payload.js';
import type { RunRecord } from './run-record.js';
import { workflowRunPayload } from './run-record.js';

export interface RunIdentity {
  workspace: string;
  /** Where this run keeps its files: summary.md, temp/, files/, event.json. */
  runDir: string;
  runId: string;
  runNumber: number;
  workflowName: string;
  /** The workflow's path in the repository, e.g. `.github/workflows/models.yml`. */
  workflowFile: string;
  eventName: string;
  /** workflow_dispatch inputs as the event payload holds them (strings). */
  eventInputs: Record<string, string>;
  /** --event-payload: merged over the event's default payload (event-payload.ts). */
  eventPayload?: Payload;
  /** --pull-request (and --fork): the pull request a pull_request event is for. */
  pullRequest?: { number: number; fork: boolean };
  /** --event workflow_run: the run that completed. */
  workflowRun?: RunRecord;
  debug: boolean;
}

export interface RunContext {
  github: { [key: string]: JsonValue };
  runner: { [key: string]: JsonValue };
  /** GITHUB_*, RUNNER_* and CI, for every step's process. */
  env: Record<string, string>;
}

interface GitFacts {
  repository: string;
  sha: string;
  branch: string;
}

function git(workspace: string, ...args: string[]): string | undefined {
  try {
    return execFileSync('git', ['-C', workspace, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

function gitFacts(workspace: string): GitFacts {
  const remote = git(workspace, 'config', '--get', 'remote.origin.url') ?? '';
  // git@github.com:owner/name.git, https://github.com/owner/name(.git)
  const match = /[:/]([^/:]+)\/([^/]+?)(?:\.git)?\/?$/.exec(remote);
  const branch = git(workspace, 'rev-parse', '--abbrev-ref', 'HEAD');
  return {
    repository: match ? `${match[1]}/${match[2]}` : `local/${basename(workspace)}`,
    sha: git(workspace, 'rev-parse', 'HEAD') ?? '0'.repeat(40),
    branch: branch && branch !== 'HEAD' ? branch : 'main',
  };
}

function runnerOs(): string {
  return process.platform === 'darwin' ? 'macOS' : process.platform === 'win32' ? 'Windows' : 'Linux';
}

/** The run's contexts; `forJob` makes a job's from them. */
export function createRunContext(run: RunIdentity): RunContext {
  const facts = gitFacts(run.workspace);
  const [owner = 'local'] = facts.repository.split('/');
  const actor = userInfo().username || 'local';
  const base = defaultPayload(
    run.eventName,
    { ...facts, actor, serverUrl: 'https://github.com' },
    run.eventInputs,
    run.pullRequest,
  );
  if (run.workflowRun) {
    Object.assign(base, {
      action: 'completed',
      workflow_run: workflowRunPayload(run.workflowRun, 'https://github.com'),
      workflow: { name: run.workflowRun.workflowName, path: run.workflowRun.workflowFile },
    });
  }
  const event = mergePayload(base, run.eventPayload ?? {});
  // A pull request's run checks out its merge ref; its branches are head_ref and base_ref.
  const pr = run.eventName.startsWith('pull_request') ? pullRequestOf(event) : undefined;
  const ref = pr ? `refs/pull/${pr.number}/merge` : `refs/heads/${facts.branch}`;
  const refName = pr ? `${pr.number}/merge` : facts.branch;
  const workflowRef = `${facts.repository}/${run.workflowFile}@${ref}`;
  const toolCache = join(run.runDir, 'tool-cache');
  mkdirSync(toolCache, { recursive: true });

  const eventPath = join(run.runDir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(event, null, 2));

  const github: { [key: string]: JsonValue } = {
    action: '',
    action_path: '',
    action_ref: '',
    action_repository: '',
    actor,
    api_url: 'https://api.github.com',
    base_ref: pr?.base ?? '',
    event,
    event_name: run.eventName,
    event_path: eventPath,
    graphql_url: 'https://api.github.com/graphql',
    head_ref: pr?.head ?? '',
    job: '',
    ref,
    ref_name: refName,
    ref_type: 'branch',
    repository: facts.repository,
    repository_owner: owner,
    retention_days: '90',
    run_attempt: '1',
    run_id: run.runId,
    run_number: String(run.runNumber),
    server_url: 'https://github.com',
    sha: facts.sha,
    token: '',
    triggering_actor: actor,
    workflow: run.workflowName,
    workflow_ref: workflowRef,
    workflow_sha: facts.sha,
    workspace: run.workspace,
  };
  const os = runnerOs();
  const arch = process.arch === 'arm64' ? 'ARM64' : 'X64';
  const runner: { [key: string]: JsonValue } = {
    name: 'odahu-local',
    os,
    arch,
    temp: '',
    tool_cache: toolCache,
    environment: 'self-hosted',
    ...(run.debug ? { debug: '1' } : {}),
  };
  const env: Record<string, string> = {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTOR: actor,
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_EVENT_NAME: run.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REF: ref,
    GITHUB_REF_NAME: refName,
    ...(pr ? { GITHUB_HEAD_REF: pr.head, GITHUB_BASE_REF: pr.base } : {}),
    GITHUB_REF_TYPE: 'branch',
    GITHUB_REPOSITORY: facts.repository,
    GITHUB_REPOSITORY_OWNER: owner,
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_RUN_ID: run.runId,
    GITHUB_RUN_NUMBER: String(run.runNumber),
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_SHA: facts.sha,
    GITHUB_WORKFLOW: run.workflowName,
    GITHUB_WORKFLOW_REF: workflowRef,
    GITHUB_WORKFLOW_SHA: facts.sha,
    GITHUB_WORKSPACE: run.workspace,
    RUNNER_ARCH: arch,
    RUNNER_NAME: 'odahu-local',
    RUNNER_OS: os,
    RUNNER_TOOL_CACHE: toolCache,
    ...(run.debug ? { RUNNER_DEBUG: '1' } : {}),
  };
  return { github, runner, env };
}

/** The run's steps talk to this GitHub (github-service.ts), with this token as github.token. */
export function withGitHubApi(run: RunContext, gitHub: { url: string; token: string }): void {
  run.github.api_url = gitHub.url;
  run.github.token = gitHub.token;
  run.env.GITHUB_API_URL = gitHub.url;
}

/** A job's contexts: the run's, with its id, its workspace and its own RUNNER_TEMP under `jobDir`. */
export function forJob(run: RunContext, jobId: string, jobDir: string, workspace: string): RunContext {
  const runnerTemp = join(jobDir, 'temp');
  mkdirSync(runnerTemp, { recursive: true });
  return {
    github: { ...run.github, job: jobId, workspace },
    runner: { ...run.runner, temp: runnerTemp },
    env: { ...run.env, GITHUB_JOB: jobId, RUNNER_TEMP: runnerTemp, GITHUB_WORKSPACE: workspace },
  };
}

/**
 * This machine's environment as a runner's steps see it: without what belongs to the runner itself
 * or to an outer run (GITHUB_*, RUNNER_*, INPUT_*, STATE_*, ACTIONS_*, npm's npm_*), and without
 * ODAHU_* (the runner turns those into vars and secrets; a workflow passes them on as on GitHub).
 */
export function machineEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || /^(GITHUB_|RUNNER_|INPUT_|STATE_|ACTIONS_|npm_|ODAHU_)/i.test(name)) continue;
    kept[name] = value;
  }
  return kept;
}
