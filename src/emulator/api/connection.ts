// Connections: secrets masked in every answer but /decrypted; vital ones cannot be deleted. The
// server's default (Kubernetes) backend keeps no timestamps: reads show the zero time, a POST's
// answer shows now for both, a PUT's the zero createdAt and now.

import type { ApiContext } from './context.js';
import { notFound, resourceEndpoints } from './resources.js';
import { ApiFailure } from '../cluster.js';
import { ZERO_TIME } from '../clock.js';
import type { Router } from '../router.js';
import { prepareConnection, presentConnection } from '../rules/index.js';
import type { Connection } from '../../shared/odahu/types.js';

export function connectionEndpoints(router: Router, { store }: ApiContext): void {
  const show = (stored: Connection, view: 'masked' | 'decrypted', createdAt: string, updatedAt: string) => ({
    ...presentConnection(stored, view),
    createdAt,
    updatedAt,
  });

  resourceEndpoints<Connection>(router, {
    kind: 'Connection',
    collection: store.connections,
    prepare: (body, create) => prepareConnection(body, store, { create }),
    initialStatus: () => ({}),
    present: (stored, write, at) =>
      show(stored, 'masked', write === 'create' ? at : ZERO_TIME, write === undefined ? ZERO_TIME : at),
    remove: ({ id, spec }) => {
      if (spec.vital === true) throw new ApiFailure(400, `${id} connection is vital, it cannot be deleted`);
      store.connections.delete(id);
      return `Connection ${id} was deleted`;
    },
  });

  router.add('GET', '/api/v1/connection/{id}/decrypted', (exchange, { id = '' }) => {
    const stored = store.connections.get(id);
    if (!stored) throw notFound(id);
    exchange.json(200, show(stored, 'decrypted', ZERO_TIME, ZERO_TIME));
  });
}
