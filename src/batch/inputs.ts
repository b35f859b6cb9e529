// Every input of the batch action, parsed and checked in one place before any API call: the service
// and job as the server would refuse or never run them (no model, no webhook trigger, no data source
// or output) are reported here, one line each.

import {
  jobSourceProblems,
  jobsRefused,
  serviceProblems,
  serviceWithDefaults,
} from '../shared/action/batch-service.js';
import {
  readManifestInput,
  readPhaseTiming,
  readSettingsAndVars,
  warnUnusedVars,
  withinStepTimeout,
} from '../shared/action/common-inputs.js';
import type { PhaseTiming } from '../shared/action/common-inputs.js';
import { InputReader } from '../shared/action/inputs.js';
import { inferenceJobPhase } from '../shared/action/phases.js';
import { readParking } from '../shared/github/parking.js';
import type { Parking } from '../shared/action/parking.js';
import type { Manifest } from '../shared/action/manifests.js';
import { actionInputs } from '../shared/odahu/settings.js';
import type { InputSource, OdahuSettings } from '../shared/odahu/settings.js';
import type { InferenceJob, InferenceService } from '../shared/odahu/types.js';

export interface BatchInputs extends PhaseTiming {
  settings: OdahuSettings;
  service: InferenceService;
  /** The job to start, for this service; what it leaves out the server copies from the service. */
  job: InferenceJob;
  ifExists: 'update' | 'replace' | 'reuse' | 'fail';
  /** wait: park's GitHub side. */
  parking: Parking | undefined;
}

export function readBatchInputs(source: InputSource = actionInputs): BatchInputs {
  const reader = new InputReader(source);
  const { settings, vars } = readSettingsAndVars(reader);
  const service = readManifestInput(reader, 'service', 'InferenceService', vars);
  const jobManifest = readManifestInput(reader, 'job', 'InferenceJob', vars, { required: false });
  const job: InferenceJob = jobManifest?.resource ?? { id: '', spec: { inferenceServiceId: '' } };
  if (service) {
    checkService(reader, service);
    checkJob(reader, job, jobManifest?.origin ?? service.origin, service.resource);
  }
  const ifExists = reader.choice('if-exists', ['update', 'replace', 'reuse', 'fail'] as const, 'update');
  const timing = readPhaseTiming(reader, '2h', inferenceJobPhase, { withLogs: false });
  const parking = readParking(reader, timing.park, {
    actionName: 'batch',
    title: 'Odahu batch',
    odahuApiUrl: settings?.apiUrl,
  });
  reader.finish();
  warnUnusedVars(vars, source);
  return {
    settings: withinStepTimeout(settings, timing.timeoutMs)!,
    service: serviceWithDefaults(service!.resource),
    job,
    ifExists,
    ...timing,
    parking,
  };
}

/** What the server would refuse in the service, or in every job of it (a disabled webhook trigger). */
function checkService(reader: InputReader, manifest: Manifest<'InferenceService'>): void {
  const refused = jobsRefused(manifest.resource);
  for (const problem of [...serviceProblems(manifest.resource), ...(refused ? [refused] : [])]) {
    reader.problem(`${manifest.origin}: ${problem}`);
  }
}

/** The job's service, and where it reads and writes (its own, else the service's). */
function checkJob(reader: InputReader, job: InferenceJob, origin: string, service: InferenceService): void {
  const named = job.spec.inferenceServiceId;
  if (named && named !== service.id) {
    reader.problem(
      `${origin}: spec.inferenceServiceId is ${named}, but the service input is ${service.id}; leave it out or make them the same`,
    );
  }
  job.spec.inferenceServiceId = service.id;
  for (const problem of jobSourceProblems(service, job)) reader.problem(`${origin}: ${problem}`);
}
