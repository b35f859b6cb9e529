// Every input of the batch action, parsed and checked in one place before any API call: the service
// and job as the server would refuse or never run them (no model, no webhook trigger, no data source
// or output) are reported here, one line each.

import { serviceWithDefaults } from '../shared/action/batch-service.js';
import { readManifestInput, readPhaseTiming, readSettingsAndVars } from '../shared/action/common-inputs.js';
import type { PhaseTiming } from '../shared/action/common-inputs.js';
import { InputReader } from '../shared/action/inputs.js';
import type { Manifest } from '../shared/manifests.js';
import { actionInputs } from '../shared/settings.js';
import type { InputSource, OdahuSettings } from '../shared/settings.js';
import type { InferenceJob, InferenceService } from '../shared/types.js';

export interface BatchInputs extends PhaseTiming {
  settings: OdahuSettings;
  service: InferenceService;
  /** The job to start, for this service; what it leaves out the server copies from the service. */
  job: InferenceJob;
  ifExists: 'update' | 'replace' | 'reuse' | 'fail';
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
  const timing = readPhaseTiming(reader, '2h', { withLogs: false });
  reader.finish();
  return { settings: settings!, service: serviceWithDefaults(service!.resource), job, ifExists, ...timing };
}

/** What the server refuses in a service, and a disabled webhook, which makes it refuse every job. */
function checkService(reader: InputReader, manifest: Manifest<'InferenceService'>): void {
  const { spec } = manifest.resource;
  const at = (problem: string) => reader.problem(`${manifest.origin}: ${problem}`);
  if (!spec.image) at('spec.image is required: the image that runs the predictions');
  if (!spec.command?.length) at('spec.command is required: the command that runs the predictions');
  const registry = spec.modelRegistry;
  if (registry?.remote) {
    if (!registry.remote.modelConnection) at('spec.modelRegistry.remote.modelConnection is required');
  } else if (registry?.local) {
    if (!registry.local.meta?.name) at('spec.modelRegistry.local.meta.name is required');
    if (!registry.local.meta?.version) at('spec.modelRegistry.local.meta.version is required');
  } else {
    at(
      'spec.modelRegistry has no model: give remote (modelConnection and modelPath, a model in object storage) or local (meta.name and meta.version of the model in the image)',
    );
  }
  if (spec.triggers?.webhook?.enabled === false) {
    at(
      'spec.triggers.webhook.enabled is false: the server refuses every job of a service whose webhook trigger is disabled; set it to true or leave triggers out',
    );
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
  for (const field of ['dataSource', 'outputDestination'] as const) {
    const reference = job.spec[field] ?? service.spec[field];
    const what = field === 'dataSource' ? 'where the job reads its input' : 'where the job writes its output';
    if (!reference) {
      reader.problem(`${origin}: no ${field} (${what}): set spec.${field} in the job or the service`);
    } else if (!reference.connection) {
      reader.problem(`${origin}: spec.${field} names no connection (${what})`);
    }
  }
}
