// A job's `permissions:` as GitHub resolves them, for what this runner applies: whether the job may ask
// for an OIDC token. The job's own `permissions:` replaces the workflow's whole; `write-all` or
// `id-token: write` grants it; without any `permissions:` the GITHUB_TOKEN's defaults apply, and
// those never include id-token (permissive or restricted alike).

import { isMapping, isString } from '@actions/workflow-parser';
import type { SelectedJob, WorkflowFile } from './workflow-file.js';

export function grantsIdToken(workflow: WorkflowFile, job: SelectedJob): boolean {
  const permissions = job.token.find('permissions') ?? workflow.root.find('permissions');
  if (!permissions) return false;
  if (isString(permissions)) return permissions.value === 'write-all';
  if (!isMapping(permissions)) return false;
  const level = permissions.find('id-token');
  return level !== undefined && isString(level) && level.value === 'write';
}
