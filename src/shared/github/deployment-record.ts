// A GitHub deployment recording where the model serves, so the repository's Environments page (and
// the pull request) shows it: created for the run's ref in the named environment when the deploy
// starts (in_progress, with the run as its log), then `success` with the model's URL as the
// environment URL, or `failure` with the reason. It only records: GitHub's protection rules are the
// job's `environment:` business, and nothing waits on this deployment.

import { oneLine } from '../odahu/untrusted-text.js';
import type { GitHubApi } from './api.js';
import type { GitHubRun } from '../action/github-run.js';

/** GitHub refuses a longer status description. */
const MAX_DESCRIPTION = 140;

export interface DeploymentRecordTarget {
  owner: string;
  repo: string;
  environment: string;
  ref: string;
}

export class DeploymentRecord {
  private constructor(
    private readonly api: GitHubApi,
    private readonly target: DeploymentRecordTarget,
    private readonly logUrl: string | undefined,
    /** GitHub's id of the deployment. */
    readonly id: number,
  ) {}

  /** Creates the deployment (GitHub's state: pending); `signal` stops the request and its retries. */
  static async create(
    api: GitHubApi,
    target: DeploymentRecordTarget,
    run: GitHubRun,
    odahuDeployment: string,
    signal?: AbortSignal,
  ): Promise<DeploymentRecord> {
    const { owner, repo, environment, ref } = target;
    const { data, status } = await api.rest.repos.createDeployment({
      owner,
      repo,
      ref,
      environment,
      task: 'deploy',
      description: describe(`Odahu deployment ${odahuDeployment}`),
      // The run's own checks are still pending: with the default (all must pass) GitHub refuses it.
      required_contexts: [],
      // Merging the default branch into the ref is not ours to do.
      auto_merge: false,
      payload: { odahuDeployment, run: run.runUrl ?? null },
      request: { signal },
    });
    if (status !== 201 || !('id' in data)) {
      throw new Error(`GitHub did not create the deployment: ${oneLine(JSON.stringify(data), 200)}`);
    }
    return new DeploymentRecord(api, target, run.runUrl, data.id);
  }

  async inProgress(odahuDeployment: string, signal?: AbortSignal): Promise<void> {
    await this.status('in_progress', `Deploying ${odahuDeployment}`, undefined, signal);
  }

  /** The model serves at `url` (absent when its route could not be read). */
  async succeeded(url: string | undefined, description: string): Promise<void> {
    await this.status('success', description, url);
  }

  /** `signal` bounds it (a cancelled step's last seconds). */
  async failed(reason: string, signal?: AbortSignal): Promise<void> {
    await this.status('failure', reason, undefined, signal);
  }

  private async status(
    state: 'in_progress' | 'success' | 'failure',
    description: string,
    environmentUrl?: string,
    signal?: AbortSignal,
  ): Promise<void> {
    await this.api.rest.repos.createDeploymentStatus({
      owner: this.target.owner,
      repo: this.target.repo,
      deployment_id: this.id,
      state,
      description: describe(description),
      ...(this.logUrl ? { log_url: this.logUrl } : {}),
      ...(environmentUrl ? { environment_url: environmentUrl } : {}),
      environment: this.target.environment,
      // A success makes the environment's earlier deployments inactive, as GitHub's own do.
      auto_inactive: true,
      request: { signal },
    });
  }
}

/** One line that GitHub takes: the `…` of a cut counts too. */
function describe(text: string): string {
  return oneLine(text, MAX_DESCRIPTION - 1);
}
