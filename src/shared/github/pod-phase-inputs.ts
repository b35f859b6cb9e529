// The inputs of train and package, the actions that run a pod before the deployment: the kit's
// manifest, settings and waiting inputs, and the step's section of the pull request's report. Here,
// above the kit, because they include what the step tells GitHub.

import { InputReader } from '../action/inputs.js';
import {
  checkedByPipeline,
  readManifestInput,
  readPhaseTiming,
  readSettingsAndVars,
  warnUnusedVars,
  withinStepTimeout,
} from '../action/common-inputs.js';
import type { PhaseTiming } from '../action/common-inputs.js';
import type { Manifest } from '../action/manifests.js';
import { packagingPhase, trainingPhase } from '../action/phases.js';
import type { InputSource, OdahuSettings } from '../odahu/settings.js';
import { readGitHubReportInputs } from './inputs.js';
import { readParking } from './parking.js';
import type { Parking } from '../action/parking.js';
import type { GitHubReportInputs } from './inputs.js';

/**
 * The inputs of an action that runs a pod (train, package): its manifest, if-exists, waiting,
 * on-cancel, and its section of the pull request's report.
 */
export interface PodPhaseInputs<K extends 'ModelTraining' | 'ModelPackaging'> extends PhaseTiming {
  settings: OdahuSettings;
  manifest: Manifest<K>;
  ifExists: 'replace' | 'reuse' | 'fail';
  deleteOnCancel: boolean;
  /** pr-comment and pr-comment-model. */
  github: GitHubReportInputs;
  /** wait: park's GitHub side. */
  parking: Parking | undefined;
  /**
   * Where the manifest was written, for the check of what it names before the first write;
   * undefined when the pipeline's check step has made that check.
   */
  origin: string | undefined;
}

/**
 * Reads a pod phase's inputs; `adjust` applies the action's own inputs to the manifest (and may add
 * problems) before every problem is reported at once.
 */
export function readPodPhaseInputs<K extends 'ModelTraining' | 'ModelPackaging'>(
  source: InputSource,
  inputName: string,
  kind: K,
  defaultTimeout: string,
  adjust: (reader: InputReader, manifest: Manifest<K>) => void = () => undefined,
): PodPhaseInputs<K> {
  const reader = new InputReader(source);
  const { settings, vars } = readSettingsAndVars(reader);
  const manifest = readManifestInput(reader, inputName, kind, vars);
  if (manifest) adjust(reader, manifest);
  const ifExists = reader.choice('if-exists', ['replace', 'reuse', 'fail'] as const, 'replace');
  const timing = readPhaseTiming(
    reader,
    defaultTimeout,
    kind === 'ModelTraining' ? trainingPhase : packagingPhase,
  );
  const deleteOnCancel = reader.choice('on-cancel', ['delete', 'keep'] as const, 'delete') === 'delete';
  const actionName = kind === 'ModelTraining' ? 'train' : 'package';
  const github = readGitHubReportInputs(reader, actionName, { withEnvironment: false, withModel: true });
  const parking = readParking(reader, timing.park, {
    actionName,
    title: `Odahu ${actionName}`,
    odahuApiUrl: settings?.apiUrl,
  });
  reader.finish();
  warnUnusedVars(vars, source);
  return {
    settings: withinStepTimeout(settings, timing.timeoutMs)!,
    manifest: manifest!,
    ifExists,
    deleteOnCancel,
    github,
    parking,
    origin: checkedByPipeline(source) ? undefined : manifest!.origin,
    ...timing,
  };
}
