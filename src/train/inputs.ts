// Every input of the train action, parsed and checked in one place before any API call.

import type { IfExists } from '../shared/action/apply.js';
import { InputReader } from '../shared/action/inputs.js';
import type { Manifest } from '../shared/manifests.js';
import type { InputSource, OdahuSettings } from '../shared/settings.js';
import { actionInputs } from '../shared/settings.js';
import { readManifestInput, readPhaseTiming, readSettingsAndVars } from '../shared/action/common-inputs.js';
import type { PhaseTiming } from '../shared/action/common-inputs.js';

export interface TrainInputs extends PhaseTiming {
  settings: OdahuSettings;
  manifest: Manifest<'ModelTraining'>;
  ifExists: Extract<IfExists, 'replace' | 'reuse' | 'fail'>;
  deleteOnCancel: boolean;
}

export function readTrainInputs(source: InputSource = actionInputs): TrainInputs {
  const reader = new InputReader(source);
  const { settings, vars } = readSettingsAndVars(reader);
  const manifest = readManifestInput(reader, 'training', 'ModelTraining', vars);
  const ifExists = reader.choice('if-exists', ['replace', 'reuse', 'fail'] as const, 'replace');
  const timing = readPhaseTiming(reader, '2h');
  const deleteOnCancel = reader.choice('on-cancel', ['delete', 'keep'] as const, 'delete') === 'delete';
  reader.finish();
  return { settings: settings!, manifest: manifest!, ifExists, deleteOnCancel, ...timing };
}
