// A proxy in front of the emulator that answers 500 to every default-route read, as a server with a
// locked database does: what deploy and the pipeline do when the model's URL cannot be read.

import { forwardTo, sendJson, startTinyServer } from './tiny-server.js';
import type { TinyServer } from './tiny-server.js';

export function routeBreakingProxy(upstream: string): Promise<TinyServer> {
  return startTinyServer((request, response) => {
    if (request.url.endsWith('/default-route')) sendJson(response, 500, { message: 'database is locked' });
    else void forwardTo(upstream, request, response);
  });
}
