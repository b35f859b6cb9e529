// Packagings (with their pod logs) and packaging integrations.

import type { ApiContext } from './context.js';
import { resourceEndpoints, sameSpec } from './resources.js';
import { splitEmulatorKeys } from '../overrides.js';
import { serveLog } from '../pod-logs.js';
import type { Router } from '../router.js';
import { parseFollow, prepareModelPackaging, preparePackagingIntegration } from '../rules/index.js';
import type { ModelPackaging, PackagingIntegration } from '../../shared/odahu/types.js';

export function packagingEndpoints(router: Router, { store, runs, timers }: ApiContext): void {
  resourceEndpoints<ModelPackaging>(router, {
    kind: 'ModelPackaging',
    collection: store.packagings,
    prepare: (body, create) => {
      // The integration's schema forbids unknown arguments: the emulator's own keys are checked
      // out before validation and stored back as the user sent them.
      const spec = body.spec as Record<string, unknown> | undefined;
      const { rest, keys } = splitEmulatorKeys(spec?.arguments);
      const prepared = prepareModelPackaging(
        spec ? { ...body, spec: { ...spec, arguments: rest } } : body,
        store,
        {
          create,
        },
      );
      if (Object.keys(keys).length > 0) {
        prepared.spec.arguments = { ...(prepared.spec.arguments ?? {}), ...keys };
      }
      return prepared;
    },
    initialStatus: () => ({ state: 'unknown' }),
    written: (stored, previous) => {
      // As for trainings: the spec is compared with the row's, or with a leftover CR's after a DELETE.
      const before = previous?.spec ?? runs.leftoverSpec('packaging', stored.id);
      if (before !== undefined && sameSpec(stored.spec, before)) runs.resync('packaging', stored.id);
      else runs.startPackaging(stored.id);
    },
    remove: ({ id }) => {
      store.packagings.delete(id);
      runs.remove('packaging', id);
      return `Model packaging ${id} was deleted`;
    },
  });

  router.add('GET', '/api/v1/model/packaging/{id}/log', (exchange, { id = '' }) => {
    const follow = parseFollow(exchange.query.get('follow'));
    serveLog(exchange, 'packaging', id, runs.run('packaging', id), follow, timers);
  });

  resourceEndpoints<PackagingIntegration>(router, {
    kind: 'PackagingIntegration',
    collection: store.packagingIntegrations,
    prepare: (body, create) => preparePackagingIntegration(body, store, { create }),
    initialStatus: () => ({}),
    remove: ({ id }) => {
      store.packagingIntegrations.delete(id);
      return `Packaging integration ${id} was deleted`;
    },
  });
}
