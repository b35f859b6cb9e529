// Every input of the deploy action, parsed and checked in one place before any API call.

import type { IfExists } from '../shared/action/apply.js';
import {
  readManifestInput,
  readPhaseTiming,
  readSettingsAndVars,
  withinStepTimeout,
} from '../shared/action/common-inputs.js';
import type { PhaseTiming } from '../shared/action/common-inputs.js';
import { InputReader } from '../shared/action/inputs.js';
import { idProblem } from '../shared/kinds.js';
import { actionInputs } from '../shared/settings.js';
import type { InputSource, OdahuSettings } from '../shared/settings.js';
import type { ModelDeployment } from '../shared/types.js';

export interface DeployInputs extends PhaseTiming {
  settings: OdahuSettings;
  deployment: ModelDeployment;
  ifExists: IfExists;
}

export function readDeployInputs(source: InputSource = actionInputs): DeployInputs {
  const reader = new InputReader(source);
  const { settings, vars } = readSettingsAndVars(reader);
  const manifest = readManifestInput(reader, 'deployment', 'ModelDeployment', vars, { required: false });
  let deployment = manifest?.resource;
  if (!manifest && !reader.optional('deployment')) {
    // No manifest: id and image alone make a minimal deployment.
    const id = reader.required('id', 'without a deployment manifest, id and image make one');
    const problem = id ? idProblem('ModelDeployment', id) : undefined;
    if (problem) reader.problem(`input id: ${problem}`);
    deployment = { id, spec: { image: '', predictor: '' } };
  }
  // The plugin's packaging_task_id: the image the package step produced.
  const image = reader.optional('image');
  if (deployment) {
    if (image !== undefined) deployment.spec.image = image;
    if (!deployment.spec.image) {
      reader.problem(
        'the deployment has no image: set input image (e.g. ${{ steps.<package step>.outputs.image }}) or spec.image',
      );
    }
  }
  const ifExists = reader.choice('if-exists', ['update', 'replace', 'reuse', 'fail'] as const, 'update');
  const timing = readPhaseTiming(reader, '15m', { withLogs: false });
  reader.finish();
  return {
    settings: withinStepTimeout(settings, timing.timeoutMs)!,
    deployment: deployment!,
    ifExists,
    ...timing,
  };
}
