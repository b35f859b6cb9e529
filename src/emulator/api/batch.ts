// Batch inference: services (not deletable while they have jobs) and jobs (ids generated, no PUT,
// a DELETE marks the job and the row goes once its pod is cleaned up).

import type { ApiContext } from './context.js';
import { resourceEndpoints } from './resources.js';
import { ApiFailure } from '../cluster.js';
import type { Router } from '../router.js';
import { prepareInferenceJob, prepareInferenceService } from '../rules/index.js';
import type { InferenceJob, InferenceService } from '../../shared/odahu/types.js';

/** When a marked job's row goes, as a share of a job's run time. */
const CLEANED_UP_AT = 0.25;

export function batchEndpoints(router: Router, { store, runs, timers, jobSeconds }: ApiContext): void {
  resourceEndpoints<InferenceService>(router, {
    kind: 'InferenceService',
    collection: store.services,
    prepare: (body, create) => prepareInferenceService(body, store, { create }),
    initialStatus: () => ({}),
    remove: ({ id }) => {
      if (store.jobs.list().some((job) => job.spec.inferenceServiceId === id)) {
        throw new ApiFailure(400, `Unable to delete service: "${id}". Cause: there are child jobs`);
      }
      store.services.delete(id);
      return `Inference Service ${id} was deleted`;
    },
  });

  resourceEndpoints<InferenceJob>(router, {
    kind: 'InferenceJob',
    collection: store.jobs,
    updatable: false,
    prepare: (body) => prepareInferenceJob(body, store, { create: true }),
    initialStatus: () => ({ state: '', message: '', reason: '', podName: '' }),
    written: (stored) => runs.startJob(stored.id),
    remove: (stored) => {
      if (stored.deletionMark !== true) {
        stored.deletionMark = true;
        runs.stop('job', stored.id);
        timers.after(`job-cleanup/${stored.id}`, jobSeconds * 1000 * CLEANED_UP_AT, () =>
          store.jobs.delete(stored.id),
        );
      }
      // The server's text names a service here (sic).
      return `Inference Service ${stored.id} was deleted`;
    },
  });
}
