// Every input of the package action, parsed and checked in one place before any API call.

import type { IfExists } from '../shared/action/apply.js';
import { readManifestInput, readPhaseTiming, readSettingsAndVars } from '../shared/action/common-inputs.js';
import type { PhaseTiming } from '../shared/action/common-inputs.js';
import { InputReader } from '../shared/action/inputs.js';
import type { Manifest } from '../shared/manifests.js';
import { actionInputs } from '../shared/settings.js';
import type { InputSource, OdahuSettings } from '../shared/settings.js';

export interface PackageInputs extends PhaseTiming {
  settings: OdahuSettings;
  manifest: Manifest<'ModelPackaging'>;
  ifExists: Extract<IfExists, 'replace' | 'reuse' | 'fail'>;
  deleteOnCancel: boolean;
}

export function readPackageInputs(source: InputSource = actionInputs): PackageInputs {
  const reader = new InputReader(source);
  const { settings, vars } = readSettingsAndVars(reader);
  const manifest = readManifestInput(reader, 'packaging', 'ModelPackaging', vars);
  // The plugin's trained_task_id: the artifact the train step produced.
  const artifactName = reader.optional('artifact-name');
  if (manifest) {
    if (artifactName !== undefined) manifest.resource.spec.artifactName = artifactName;
    const current = manifest.resource.spec.artifactName;
    if (!current || current === '<fill-in>') {
      reader.problem(
        'the packaging has no artifact: set input artifact-name (e.g. ${{ steps.<train step>.outputs.artifact-name }}) or spec.artifactName',
      );
    }
  }
  const ifExists = reader.choice('if-exists', ['replace', 'reuse', 'fail'] as const, 'replace');
  const timing = readPhaseTiming(reader, '1h');
  const deleteOnCancel = reader.choice('on-cancel', ['delete', 'keep'] as const, 'delete') === 'delete';
  reader.finish();
  return { settings: settings!, manifest: manifest!, ifExists, deleteOnCancel, ...timing };
}
