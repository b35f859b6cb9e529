// Every input of the package action, parsed and checked in one place before any API call.

import { readPodPhaseInputs } from '../shared/github/pod-phase-inputs.js';
import type { PodPhaseInputs } from '../shared/github/pod-phase-inputs.js';
import { actionInputs } from '../shared/odahu/settings.js';
import type { InputSource } from '../shared/odahu/settings.js';

export type PackageInputs = PodPhaseInputs<'ModelPackaging'>;

export function readPackageInputs(source: InputSource = actionInputs): PackageInputs {
  return readPodPhaseInputs(source, 'packaging', 'ModelPackaging', '1h', (reader, manifest) => {
    // The plugin's trained_task_id: the artifact the train step produced.
    const artifactName = reader.optional('artifact-name');
    if (artifactName !== undefined) manifest.resource.spec.artifactName = artifactName;
    const current = manifest.resource.spec.artifactName;
    if (!current || current === '<fill-in>') {
      reader.problem(
        'the packaging has no artifact: set input artifact-name (e.g. ${{ steps.<train step>.outputs.artifact-name }}) or spec.artifactName',
      );
    }
  });
}
