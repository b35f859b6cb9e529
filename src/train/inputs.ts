// Every input of the train action, parsed and checked in one place before any API call.

import { readPodPhaseInputs } from '../shared/github/pod-phase-inputs.js';
import type { PodPhaseInputs } from '../shared/github/pod-phase-inputs.js';
import { actionInputs } from '../shared/odahu/settings.js';
import type { InputSource } from '../shared/odahu/settings.js';

export type TrainInputs = PodPhaseInputs<'ModelTraining'>;

export function readTrainInputs(source: InputSource = actionInputs): TrainInputs {
  return readPodPhaseInputs(source, 'training', 'ModelTraining', '2h');
}
