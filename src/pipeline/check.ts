// What the composite pipeline cannot do in YAML: check every input before the first phase creates
// anything (what the three manifests name is read from the cluster: a packaging target that does
// not exist fails here, not after a two-hour training), check the node it runs on, and hand the
// later steps what the inputs decide (the deployment's id when it is made from the packaging's,
// whether there is a request to send, and what the phases tell GitHub).

import * as core from '@actions/core';
import { checkReferences } from '../shared/action/references.js';
import type { StepContext } from '../shared/action/step.js';
import { OdahuClient } from '../shared/odahu/client.js';
import { noReportLine } from '../shared/github/inputs.js';
import type { GitHubReportInputs } from '../shared/github/inputs.js';
import type { PipelineInputs } from './inputs.js';
import { logText } from '../shared/odahu/untrusted-text.js';

/** package.json's engines.node: the phases run on the node found on PATH, not the runner's own. */
export const MIN_NODE = [20, 19] as const;

export function checkNode(version: string = process.versions.node): void {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const [minMajor, minMinor] = MIN_NODE;
  if (major < minMajor || (major === minMajor && minor < minMinor)) {
    throw new Error(
      `the pipeline runs its phases with the node on PATH, v${version}; it needs ${minMajor}.${minMinor} or later (actions/setup-node before it can provide one)`,
    );
  }
}

/** What the training, the packaging and the deployment name exists (reads only). */
export async function checkPipelineReferences(ctx: StepContext, inputs: PipelineInputs): Promise<void> {
  const client = OdahuClient.fromSettings(inputs.settings);
  try {
    await checkReferences(
      client,
      [
        { kind: 'ModelTraining', resource: inputs.training, origin: inputs.origins.training },
        { kind: 'ModelPackaging', resource: inputs.packaging, origin: inputs.origins.packaging },
        { kind: 'ModelDeployment', resource: inputs.deployment, origin: inputs.origins.deployment },
      ],
      ctx.signal,
    );
  } finally {
    client.dispose();
  }
}

export function handOn(inputs: PipelineInputs): void {
  const { training, packaging, deployment } = inputs;
  core.info(
    logText(
      `Inputs checked: training ${training.id}, packaging ${packaging.id}, deployment ${deployment.id}` +
        (inputs.deploymentFromPackaging ? " (the packaging's id)" : '') +
        (inputs.request ? ', then a prediction.' : ', no prediction.'),
    ),
  );
  core.setOutput('deployment-id', inputs.deploymentFromPackaging ? deployment.id : '');
  core.setOutput('request', String(inputs.request !== undefined));
  handOnGitHub(inputs.github, deployment.id);
}

/**
 * Each phase writes its own section of one report, the deployment's (train and package name it by
 * pr-comment-model), and deploy records the GitHub deployment. What the phases could not do (no pull
 * request, no token) is said here once, and they are not asked to.
 */
function handOnGitHub(github: GitHubReportInputs, model: string): void {
  const { api, prComment, environment } = github;
  if (prComment && 'skipped' in prComment) core.info(noReportLine(prComment.skipped));
  // A fork's sections are saved for the report workflow, token or not.
  const commenting =
    prComment !== undefined &&
    'pullRequest' in prComment &&
    (api !== undefined || prComment.pullRequest.fromFork);
  core.setOutput('pr-comment', String(commenting));
  core.setOutput('pr-comment-model', commenting ? model : '');
  core.setOutput('github-environment', api && environment ? environment.name : '');
}
