// Every input of the deploy action, parsed and checked in one place before any API call.

import type { IfExists } from '../shared/action/apply.js';
import {
  checkedByPipeline,
  readManifestInput,
  readPhaseTiming,
  readSettingsAndVars,
  warnUnusedVars,
  withinStepTimeout,
} from '../shared/action/common-inputs.js';
import type { PhaseTiming } from '../shared/action/common-inputs.js';
import { InputReader } from '../shared/action/inputs.js';
import { deploymentPhase } from '../shared/action/phases.js';
import { provenanceOf } from '../shared/action/provenance.js';
import type { Provenance } from '../shared/action/provenance.js';
import { readStrategy } from './canary/options.js';
import type { CanaryOptions } from './canary/options.js';
import { stableIdProblem } from './canary/versions.js';
import { readEvaluationGate } from '../shared/evaluation/gate-inputs.js';
import type { EvaluationSpec } from '../shared/evaluation/spec.js';
import { readGitHubReportInputs } from '../shared/github/inputs.js';
import type { GitHubReportInputs } from '../shared/github/inputs.js';
import { readParking } from '../shared/github/parking.js';
import type { Parking } from '../shared/action/parking.js';
import { idProblem, imageProblem } from '../shared/odahu/kinds.js';
import { actionInputs } from '../shared/odahu/settings.js';
import type { InputSource, OdahuSettings } from '../shared/odahu/settings.js';
import type { ModelDeployment } from '../shared/odahu/types.js';

export interface DeployInputs extends PhaseTiming {
  settings: OdahuSettings;
  deployment: ModelDeployment;
  /**
   * Where the deployment manifest was written (`input id` when id and image made it), for the check
   * of what it names; undefined when the pipeline's check step has made that check.
   */
  origin: string | undefined;
  ifExists: IfExists;
  /** strategy: canary's inputs; undefined for the default rolling update. */
  canary: CanaryOptions | undefined;
  /** evaluate-dataset: the canary's evaluation before traffic (canary/evaluation-gate.ts). */
  evaluation: EvaluationSpec | undefined;
  /** pr-comment and github-environment. */
  github: GitHubReportInputs;
  /** The annotations every write of a deployment carries. */
  provenance: Provenance;
  /** wait: park's GitHub side. */
  parking: Parking | undefined;
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
    // Odahu's example deployment holds `<fill-in>` until the package step's image fills it.
    if (!deployment.spec.image || deployment.spec.image === '<fill-in>') {
      reader.problem(
        'the deployment has no image: set input image (e.g. ${{ steps.<package step>.outputs.image }}) or spec.image',
      );
    }
    const problem = imageProblem(deployment.spec.image);
    if (problem) reader.problem(`${image !== undefined ? 'input image' : 'spec.image'}: ${problem}`);
  }
  const ifExists = reader.choice('if-exists', ['update', 'replace', 'reuse', 'fail'] as const, 'update');
  const timing = readPhaseTiming(reader, '15m', deploymentPhase, { withLogs: false });
  const canary = readStrategy(reader);
  if (canary) checkCanaryFit(reader, deployment, ifExists, timing.wait || !!timing.park);
  const evaluation = readEvaluationGate(reader, canary !== undefined);
  const github = readGitHubReportInputs(reader, 'deploy', { withEnvironment: true });
  if (canary && timing.park)
    reader.problem('input wait: park does not go with strategy: canary, which waits for every step');
  if (github.environment && timing.park) {
    reader.problem(
      'input wait: park does not go with github-environment: the GitHub deployment would stay in progress',
    );
  }
  const parking = readParking(reader, timing.park, {
    actionName: 'deploy',
    title: 'Odahu deploy',
    odahuApiUrl: settings?.apiUrl,
  });
  reader.finish();
  warnUnusedVars(vars, source);
  return {
    settings: withinStepTimeout(settings, timing.timeoutMs)!,
    deployment: deployment!,
    origin: checkedByPipeline(source) ? undefined : (manifest?.origin ?? 'input id'),
    ifExists,
    ...timing,
    canary,
    evaluation,
    github,
    provenance: provenanceOf(github.run, 'deploy'),
    parking,
  };
}

/** What strategy: canary asks of the other inputs: a shorter id, and no if-exists or wait: false. */
function checkCanaryFit(
  reader: InputReader,
  deployment: ModelDeployment | undefined,
  ifExists: IfExists,
  wait: boolean,
): void {
  const problem = deployment?.id && stableIdProblem(deployment.id);
  if (problem) reader.problem(problem);
  if (ifExists !== 'update') {
    reader.problem(
      `input if-exists: ${ifExists} does not apply to strategy: canary (each version is a deployment of its own, next to the one serving)`,
    );
  }
  if (!wait)
    reader.problem('input wait: false does not go with strategy: canary, which waits for every step');
}
