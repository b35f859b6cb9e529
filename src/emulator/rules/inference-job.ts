// InferenceJob (batch): the server makes the id (`job-<service>-<5 chars of a UUID>`) and a request id,
// copies what the job leaves empty from its service, then checks the result. Its messages keep the
// server's wording, stray quote and trailing space included.

import { randomUUID } from 'node:crypto';
import { readBody } from './prepared.js';
import type { DecodedBody, PrepareOptions, Prepared } from './prepared.js';
import { invalidEntity, notFound } from './refusals.js';
import type { ClusterView } from '../cluster.js';
import type { InferenceJobSpec } from '../../shared/odahu/types.js';

export function prepareInferenceJob(
  body: DecodedBody,
  view: ClusterView,
  _options: PrepareOptions,
  newUuid: () => string = randomUUID,
): Prepared<InferenceJobSpec> {
  const { id: bodyId, spec } = readBody<InferenceJobSpec>(body);
  const serviceId = spec.inferenceServiceId ?? '';
  if (serviceId === '') throw invalidEntity(bodyId, ['service must be non-empty']);
  const service = view.inferenceService(serviceId);
  if (service === undefined) {
    throw invalidEntity('job', [`unable to fetch corresponding service: ${notFound(serviceId)}`]);
  }

  const id = `job-${serviceId}-${newUuid().slice(0, 5)}`;
  const job: InferenceJobSpec = {
    inferenceServiceId: serviceId,
    dataSource: spec.dataSource ?? service.spec.dataSource ?? null,
    outputDestination: spec.outputDestination ?? service.spec.outputDestination ?? null,
    nodeSelector: spec.nodeSelector ?? service.spec.nodeSelector ?? null,
    resources: spec.resources ?? service.spec.resources ?? null,
    requestId: spec.requestId || newUuid(),
  };

  const errors: string[] = [];
  if (!service.spec.triggers?.webhook?.enabled) {
    errors.push(`InferenceService: ${serviceId} webhook trigger is disabled`);
  }
  for (const field of ['dataSource', 'outputDestination'] as const) {
    if (job[field] === null) {
      errors.push(
        `field "${field}"" must be set for BatchInferenceJob \nor as a default for a corresponding BatchInferenceService`,
      );
    }
  }
  // The server stops at the first connection that exists, so a missing output connection can go unseen.
  for (const field of ['dataSource', 'outputDestination'] as const) {
    const reference = job[field];
    if (!reference) continue;
    const name = reference.connection ?? '';
    if (view.connection(name) !== undefined) break;
    errors.push(`connection from "${field}" with name "${name}" is not found`);
  }
  if (errors.length > 0) throw invalidEntity(id, errors);
  return { id, spec: structuredClone(job) };
}
