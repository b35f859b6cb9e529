// Every endpoint of the API server under /api/v1, as gin routes them.

import { batchEndpoints } from './batch.js';
import { clusterEndpoints } from './cluster.js';
import { connectionEndpoints } from './connection.js';
import type { ApiContext } from './context.js';
import { deploymentEndpoints } from './deployment.js';
import { packagingEndpoints } from './packaging.js';
import { trainingEndpoints } from './training.js';
import { Router } from '../router.js';

export function apiRouter(context: ApiContext): Router {
  const router = new Router();
  trainingEndpoints(router, context);
  packagingEndpoints(router, context);
  deploymentEndpoints(router, context);
  connectionEndpoints(router, context);
  batchEndpoints(router, context);
  clusterEndpoints(router, context.configuration);
  return router;
}
