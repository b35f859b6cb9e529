// Every input of the pipeline action, parsed and checked in one place before any API call: all three
// manifests, so a typo in the deployment fails before a two-hour training starts. The composite's
// first step runs this; each phase's own action then reads its share of the same inputs again.

import {
  readManifestInput,
  readPollInterval,
  readRequestInput,
  readSettingsAndVars,
  warnUnusedVars,
  withinStepTimeout,
} from '../shared/action/common-inputs.js';
import { InputReader } from '../shared/action/inputs.js';
import { readStrategy } from '../deploy/canary/options.js';
import type { CanaryOptions } from '../deploy/canary/options.js';
import { stableIdProblem } from '../deploy/canary/versions.js';
import { readEvaluationGate } from '../shared/evaluation/gate-inputs.js';
import type { EvaluationSpec } from '../shared/evaluation/spec.js';
import { readGitHubReportInputs } from '../shared/github/inputs.js';
import type { GitHubReportInputs } from '../shared/github/inputs.js';
import { idProblem } from '../shared/odahu/kinds.js';
import { actionInputs } from '../shared/odahu/settings.js';
import type { InputSource, OdahuSettings } from '../shared/odahu/settings.js';
import type {
  ModelDeployment,
  ModelPackaging,
  ModelTraining,
  PredictionRequest,
} from '../shared/odahu/types.js';

export interface PipelineInputs {
  settings: OdahuSettings;
  training: ModelTraining;
  packaging: ModelPackaging;
  /** Its image is set once the packaging has one. */
  deployment: ModelDeployment;
  /** Where each manifest was written, for the lines about what they name. */
  origins: { training: string; packaging: string; deployment: string };
  /** No deployment manifest: the deployment is made from the packaging's id and image. */
  deploymentFromPackaging: boolean;
  request: PredictionRequest | undefined;
  /** Each phase waits as long as its own action would. */
  timeouts: { training: number; packaging: number; deployment: number };
  pollIntervalMs: number | undefined;
  logs: boolean;
  deleteOnCancel: boolean;
  /** strategy: canary's inputs (as the deploy action's); undefined for a rolling update. */
  canary: CanaryOptions | undefined;
  /** evaluate-dataset: the canary's evaluation before traffic; its rows are checked here too (main.ts). */
  evaluation: EvaluationSpec | undefined;
  /** pr-comment and github-environment: checked here, handed on to the phases (check.ts). */
  github: GitHubReportInputs;
}

export function readPipelineInputs(source: InputSource = actionInputs): PipelineInputs {
  const reader = new InputReader(source);
  const { settings, vars } = readSettingsAndVars(reader);
  const manifest = { idInput: false } as const;
  const training = readManifestInput(reader, 'training', 'ModelTraining', vars, manifest);
  const packaging = readManifestInput(reader, 'packaging', 'ModelPackaging', vars, manifest);
  const deploymentManifest = readManifestInput(reader, 'deployment', 'ModelDeployment', vars, {
    ...manifest,
    required: false,
  });
  // Without a deployment manifest the deployment takes the packaging's id, whose limit is higher.
  let deployment = deploymentManifest?.resource;
  if (!deployment && packaging && !reader.optional('deployment')) {
    const problem = idProblem('ModelDeployment', packaging.id);
    if (problem)
      reader.problem(`the deployment takes the packaging's id: ${problem}; give a deployment manifest`);
    deployment = { id: packaging.id, spec: { image: '', predictor: '' } };
  }
  const request = readRequestInput(reader, 'request');
  const timeouts = {
    training: reader.duration('training-timeout', '2h'),
    packaging: reader.duration('packaging-timeout', '1h'),
    deployment: reader.duration('deployment-timeout', '15m'),
  };
  const pollIntervalMs = readPollInterval(reader);
  const logs = reader.boolean('logs', true);
  const deleteOnCancel = reader.choice('on-cancel', ['delete', 'keep'] as const, 'delete') === 'delete';
  const canary = readStrategy(reader);
  const idProblemOfCanary = canary && deployment?.id && stableIdProblem(deployment.id);
  if (idProblemOfCanary) reader.problem(idProblemOfCanary);
  const evaluation = readEvaluationGate(reader, canary !== undefined);
  const github = readGitHubReportInputs(reader, 'pipeline', { withEnvironment: true });
  reader.finish();
  warnUnusedVars(vars, source);
  return {
    settings: withinStepTimeout(settings, timeouts.training, timeouts.packaging, timeouts.deployment)!,
    training: training!.resource,
    packaging: packaging!.resource,
    deployment: deployment!,
    origins: {
      training: training!.origin,
      packaging: packaging!.origin,
      deployment: deploymentManifest?.origin ?? "the packaging's id",
    },
    deploymentFromPackaging: deploymentManifest === undefined,
    request,
    timeouts,
    pollIntervalMs,
    logs,
    deleteOnCancel,
    canary,
    evaluation,
    github,
  };
}
