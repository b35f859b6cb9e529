// Model deployments (each with the default route the server makes for it), model routes, and the
// deployment and route event feeds.

import { randomUUID } from 'node:crypto';
import type { ApiContext } from './context.js';
import { notFound, resourceEndpoints, sameSpec } from './resources.js';
import { ApiFailure } from '../cluster.js';
import { moment } from '../clock.js';
import { ZERO_PAYLOAD, type Feed } from '../events.js';
import type { Exchange } from '../exchange.js';
import type { Router } from '../router.js';
import { parseCursor, prepareModelDeployment, prepareModelRoute } from '../rules/index.js';
import type { ModelDeployment, ModelRoute } from '../../shared/odahu/types.js';

export function deploymentEndpoints(router: Router, context: ApiContext): void {
  const { store, outbox, rollouts } = context;
  // Every DELETE publishes it, a repeated one too.
  const markEvent = (id: string): void =>
    outbox.add(
      'deployment',
      id,
      'ModelDeploymentDeletionMarkIsSet',
      ZERO_PAYLOAD.deployment,
      moment().stored,
    );

  resourceEndpoints<ModelDeployment>(router, {
    kind: 'ModelDeployment',
    collection: store.deployments,
    prepare: (body, create) => prepareModelDeployment(body, store, { create }),
    initialStatus: () => ({ availableReplicas: 0, replicas: 0 }),
    written: (stored, previous) => {
      const at = moment();
      const payload = structuredClone(stored);
      if (previous) {
        outbox.add('deployment', stored.id, 'ModelDeploymentUpdated', payload, at.stored);
        rollouts.rollOut(stored.id, !sameSpec(stored.spec, previous.spec));
        return;
      }
      outbox.add('deployment', stored.id, 'ModelDeploymentCreated', payload, at.stored);
      if (!store.defaultRouteOf(stored.id)) {
        const route: ModelRoute = {
          id: `${stored.id}-${randomUUID().slice(0, 5)}`,
          createdAt: stored.createdAt,
          updatedAt: stored.updatedAt,
          spec: { urlPrefix: `/model/${stored.id}`, modelDeployments: [{ mdName: stored.id, weight: 100 }] },
          status: { edgeUrl: '', state: '' },
          default: true,
        };
        store.routes.put(route);
        outbox.add('route', route.id, 'ModelRouteCreated', structuredClone(route), at.stored);
        rollouts.routeChanged(route.id);
      }
      rollouts.rollOut(stored.id, true);
    },
    remove: (stored) => {
      // Only marked: the controller removes it (and its default route) once its service is gone.
      stored.deletionMark = true;
      markEvent(stored.id);
      rollouts.remove(stored.id);
      return `Model deployment ${stored.id} was deleted`;
    },
    // The server publishes the event before it finds no row to mark, and commits it with the 404.
    removeMissing: markEvent,
  });

  router.add('GET', '/api/v1/model/deployment/{id}/default-route', (exchange, { id = '' }) => {
    const route = store.defaultRouteOf(id);
    // The server looks the route up by deployment and reports the (empty) id it did not find.
    if (!route) throw notFound('');
    exchange.json(200, route);
  });

  resourceEndpoints<ModelRoute>(router, {
    kind: 'ModelRoute',
    collection: store.routes,
    prepare: (body, create) => prepareModelRoute(body, store, { create }),
    initialStatus: () => ({ edgeUrl: '', state: '' }),
    // A PUT stores the body's flag (so `default: true` makes a route protected, as on the server).
    build: (body) => (body.default === true ? { default: true } : {}),
    checkUpdate: (prepared, previous) => {
      if (previous.default === true) {
        throw new ApiFailure(
          403,
          `access forbidden: unable to update default route with ID "${prepared.id}"`,
        );
      }
    },
    written: (stored, previous) => {
      const type = previous ? 'ModelRouteUpdate' : 'ModelRouteCreated';
      outbox.add('route', stored.id, type, structuredClone(stored), moment().stored);
      rollouts.routeChanged(stored.id);
    },
    remove: (stored) => {
      if (stored.default === true) {
        throw new ApiFailure(403, `access forbidden: unable to delete default route with ID "${stored.id}"`);
      }
      rollouts.dropRoute(stored.id);
      outbox.add('route', stored.id, 'ModelRouteDeleted', ZERO_PAYLOAD.route, moment().stored);
      return `Model route ${stored.id} was deleted`;
    },
  });

  const feed = (name: Feed) => (exchange: Exchange) => {
    exchange.json(200, outbox.since(name, parseCursor(exchange.query.get('cursor'))));
  };
  router.add('GET', '/api/v1/model/deployment-events', feed('deployment'));
  router.add('GET', '/api/v1/model/route-events', feed('route'));
}
