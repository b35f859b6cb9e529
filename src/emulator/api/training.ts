// Trainings (with their pod logs) and toolchain integrations.

import type { ApiContext } from './context.js';
import { resourceEndpoints, sameSpec } from './resources.js';
import { serveLog } from '../pod-logs.js';
import type { Router } from '../router.js';
import { parseFollow, prepareModelTraining, prepareToolchainIntegration } from '../rules/index.js';
import type { ModelTraining, ToolchainIntegration } from '../../shared/odahu/types.js';

export function trainingEndpoints(router: Router, { store, runs, timers }: ApiContext): void {
  resourceEndpoints<ModelTraining>(router, {
    kind: 'ModelTraining',
    collection: store.trainings,
    prepare: (body, create) => prepareModelTraining(body, store, { create }),
    initialStatus: () => ({ state: 'unknown' }),
    written: (stored, previous) => {
      // A changed spec re-runs the training from scratch; the same spec leaves the pod alone. A POST
      // finding the CR a DELETE left behind treats it as a PUT would (the spec is compared with it).
      const before = previous?.spec ?? runs.leftoverSpec('training', stored.id);
      if (before !== undefined && sameSpec(stored.spec, before)) runs.resync('training', stored.id);
      else runs.startTraining(stored.id);
    },
    remove: ({ id }) => {
      store.trainings.delete(id);
      runs.remove('training', id);
      return `Model training ${id} was deleted`;
    },
  });

  router.add('GET', '/api/v1/model/training/{id}/log', (exchange, { id = '' }) => {
    const follow = parseFollow(exchange.query.get('follow'));
    serveLog(exchange, 'training', id, runs.run('training', id), follow, timers);
  });

  resourceEndpoints<ToolchainIntegration>(router, {
    kind: 'ToolchainIntegration',
    collection: store.toolchains,
    prepare: (body, create) => prepareToolchainIntegration(body, store, { create }),
    initialStatus: () => ({}),
    remove: ({ id }) => {
      store.toolchains.delete(id);
      return `ToolchainIntegration ${id} was deleted`;
    },
  });
}
