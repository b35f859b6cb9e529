// Every input of the pipeline action, parsed and checked in one place before any API call: all three
// manifests, so a typo in the deployment fails before a two-hour training starts.

import { readManifestInput, readRequestInput, readSettingsAndVars } from '../shared/action/common-inputs.js';
import { InputReader } from '../shared/action/inputs.js';
import { actionInputs } from '../shared/settings.js';
import type { InputSource, OdahuSettings } from '../shared/settings.js';
import type { ModelDeployment, ModelPackaging, ModelTraining, PredictionRequest } from '../shared/types.js';

export interface PipelineInputs {
  settings: OdahuSettings;
  training: ModelTraining;
  packaging: ModelPackaging;
  /** Its image is set once the packaging has one. */
  deployment: ModelDeployment;
  request: PredictionRequest | undefined;
  timeoutMs: number;
  pollIntervalMs: number;
  logs: boolean;
  deleteOnCancel: boolean;
}

export function readPipelineInputs(source: InputSource = actionInputs): PipelineInputs {
  const reader = new InputReader(source);
  const { settings, vars } = readSettingsAndVars(reader);
  const training = readManifestInput(reader, 'training', 'ModelTraining', vars);
  const packaging = readManifestInput(reader, 'packaging', 'ModelPackaging', vars);
  const deploymentManifest = readManifestInput(reader, 'deployment', 'ModelDeployment', vars, {
    required: false,
  });
  const request = readRequestInput(reader, 'request');
  const timeoutMs = reader.duration('timeout', '2h');
  const pollIntervalMs = reader.duration('poll-interval', '5s');
  const logs = reader.boolean('logs', true);
  const deleteOnCancel = reader.choice('on-cancel', ['delete', 'keep'] as const, 'delete') === 'delete';
  reader.finish();
  const deployment = deploymentManifest?.resource ?? {
    id: packaging!.resource.id,
    spec: { image: '', predictor: '' },
  };
  return {
    settings: settings!,
    training: training!.resource,
    packaging: packaging!.resource,
    deployment,
    request,
    timeoutMs,
    pollIntervalMs,
    logs,
    deleteOnCancel,
  };
}
