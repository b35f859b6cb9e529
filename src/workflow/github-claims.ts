// The claims GitHub puts in a job's OIDC token, from the job's `github` context and its environment. The subject is built as GitHub builds it by default: with an environment
// `repo:OWNER/REPO:environment:NAME`; else for a pull request `repo:OWNER/REPO:pull_request`; else
// `repo:OWNER/REPO:ref:<ref>`. Ids GitHub has and a local run does not (repository_id, actor_id, ...)
// are left out.

import type { JsonValue } from './expressions.js';
import { PULL_REQUEST_EVENTS } from '../shared/action/github-run.js';

export interface GitHubClaims {
  sub: string;
  repository: string;
  repository_owner: string;
  [claim: string]: string;
}

export interface JobIdentity {
  /** The job's `github` context. */
  github: { [key: string]: JsonValue };
  /** The job's environment, when it has one. */
  environment?: string;
}

/** The events whose jobs (without an environment) get the pull_request subject. */

export function gitHubSubject(identity: JobIdentity): string {
  const { github, environment } = identity;
  const repository = text(github.repository);
  if (environment) return `repo:${repository}:environment:${environment}`;
  if (PULL_REQUEST_EVENTS.includes(text(github.event_name))) return `repo:${repository}:pull_request`;
  return `repo:${repository}:ref:${text(github.ref)}`;
}

export function gitHubClaims(identity: JobIdentity): GitHubClaims {
  const { github, environment } = identity;
  return {
    sub: gitHubSubject(identity),
    ...(environment ? { environment } : {}),
    ref: text(github.ref),
    ref_type: text(github.ref_type),
    ref_protected: 'false',
    sha: text(github.sha),
    repository: text(github.repository),
    repository_owner: text(github.repository_owner),
    run_id: text(github.run_id),
    run_number: text(github.run_number),
    run_attempt: text(github.run_attempt),
    actor: text(github.actor),
    triggering_actor: text(github.triggering_actor),
    workflow: text(github.workflow),
    workflow_ref: text(github.workflow_ref),
    workflow_sha: text(github.workflow_sha),
    // The job's own workflow: the same one, as this runner runs no reusable workflows.
    job_workflow_ref: text(github.workflow_ref),
    job_workflow_sha: text(github.workflow_sha),
    head_ref: text(github.head_ref),
    base_ref: text(github.base_ref),
    event_name: text(github.event_name),
    runner_environment: 'self-hosted',
  };
}

function text(value: JsonValue | undefined): string {
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}
