// The inputs that tell GitHub about a step: pr-comment, github-token and github-environment, read
// with the action's other inputs (one InputReader, every problem at once). What the run cannot give
// (no pull request, no token outside GitHub's runners) is not an input problem: the step does its
// work and says in one line why there is no report.

import * as core from '@actions/core';
import { markSecret } from '../odahu/secrets.js';
import type { InputReader } from '../action/inputs.js';
import type { GitHubApiOptions } from './api.js';
import { readGitHubRun } from '../action/github-run.js';
import type { GitHubRun, PullRequest } from '../action/github-run.js';

/** GitHub's own limit on an environment's name. */
const MAX_ENVIRONMENT_NAME = 255;

export interface GitHubReportInputs {
  run: GitHubRun;
  /** How to reach the API; undefined when nothing is to be told to GitHub. */
  api: GitHubApiOptions | undefined;
  /** With pr-comment: the pull request to comment on, or why there is none. */
  prComment: { pullRequest: PullRequest } | { skipped: string } | undefined;
  /** With github-environment: where a GitHub deployment is recorded, and for which ref. */
  environment: { name: string; ref: string } | undefined;
  /** pr-comment-model (train, package): the model whose report the step's section goes in. */
  model: string | undefined;
}

export interface GitHubInputsOfAction {
  /** github-environment: the actions that deploy (deploy, pipeline). */
  withEnvironment: boolean;
  /** pr-comment-model: the actions that come before the deployment (train, package). */
  withModel?: boolean;
}

/** `actionName` names the action in what the step records (deploy, pipeline, predict...). */
export function readGitHubReportInputs(
  reader: InputReader,
  actionName: string,
  { withEnvironment, withModel = false }: GitHubInputsOfAction,
): GitHubReportInputs {
  const { run, problems } = readGitHubRun(reader.source.env, actionName);
  const prComment = reader.boolean('pr-comment', false);
  const environmentName = withEnvironment ? oneLine(reader, 'github-environment') : undefined;
  if (environmentName !== undefined && environmentName.length > MAX_ENVIRONMENT_NAME) {
    reader.problem(`input github-environment is longer than GitHub's ${MAX_ENVIRONMENT_NAME} characters`);
  }
  const model = withModel ? oneLine(reader, 'pr-comment-model') : undefined;
  const none: GitHubReportInputs = {
    run,
    api: undefined,
    prComment: undefined,
    environment: undefined,
    model,
  };
  if (!prComment && environmentName === undefined) return none;

  const asked = [prComment ? 'pr-comment' : '', environmentName ? 'github-environment' : ''];
  for (const problem of problems) reader.problem(`${asked.filter(Boolean).join(' and ')}: ${problem}`);
  // Outside a pull request the comment needs nothing more: the step says so when it ends.
  const target = prComment ? pullRequestTarget(run) : undefined;
  const skipped = target && 'skipped' in target ? target : undefined;
  const wanted = asked.filter((name) => name && !(name === 'pr-comment' && skipped)).join(' and ');
  if (!wanted) return { ...none, prComment: skipped };
  const token = reader.optional('github-token');
  markSecret(token);
  const absent = !run.repository
    ? 'this is not a GitHub Actions run (GITHUB_REPOSITORY is not set)'
    : !token
      ? "github-token is empty (as github.token is outside GitHub's runners)"
      : undefined;
  if (absent) {
    // A fork's section is saved for the report workflow, which needs no token here.
    const fork = target && 'pullRequest' in target && target.pullRequest.fromFork ? target : undefined;
    const unmet = fork ? (environmentName ? 'github-environment' : '') : wanted;
    if (unmet) core.warning(`${unmet}: ${absent}: nothing is told to GitHub`);
    return { ...none, prComment: fork ?? skipped };
  }
  const ref = environmentName ? deploymentRef(run) : '';
  if (environmentName && !ref) {
    core.warning(
      'github-environment: the run names no ref (GITHUB_REF and GITHUB_SHA are not set): no GitHub deployment is recorded',
    );
  }
  return {
    run,
    api: { token: token!, apiUrl: run.apiUrl },
    prComment: target,
    environment: environmentName && ref ? { name: environmentName, ref } : undefined,
    model,
  };
}

function oneLine(reader: InputReader, name: string): string | undefined {
  const value = reader.optional(name);
  if (value !== undefined && /[\r\n]/.test(value)) reader.problem(`input ${name} must be one line`);
  return value;
}

/** What a step with pr-comment says when there is no pull request to comment on. */
export function noReportLine(skipped: string): string {
  return `pr-comment: ${skipped}: no report comment.`;
}

function pullRequestTarget(run: GitHubRun): GitHubReportInputs['prComment'] {
  if (run.pullRequest) return { pullRequest: run.pullRequest };
  return {
    skipped: run.eventName?.startsWith('pull_request')
      ? `the ${run.eventName} event names no pull request`
      : `this run is for a ${run.eventName ?? 'non-GitHub'} event, not a pull request`,
  };
}

/**
 * The ref a GitHub deployment is for: the run's ref, except for a pull request, whose merge ref
 * GitHub moves on every push: its head branch (or, from a fork, its head commit) instead.
 */
function deploymentRef(run: GitHubRun): string {
  const pr = run.pullRequest;
  if (pr) return pr.headBranch ?? (pr.headSha || run.sha || '');
  return run.ref ?? run.sha ?? '';
}
