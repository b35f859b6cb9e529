// A proxy in front of the emulator that answers 500 to every default-route read, as a server with a
// locked database does: what deploy and the pipeline do when the model's URL cannot be read.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Forwards to the emulator, answering 500 to every default-route read. */
export async function routeBreakingProxy(upstream: string) {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        if (req.url?.endsWith('/default-route')) {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end('{"message":"database is locked"}');
          return;
        }
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.headers))
          if (typeof v === 'string' && k !== 'host' && k !== 'connection') headers[k] = v;
        const answer = await fetch(upstream + (req.url ?? ''), {
          method: req.method,
          headers,
          body: chunks.length ? Buffer.concat(chunks) : undefined,
        });
        res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/plain' });
        res.end(Buffer.from(await answer.arrayBuffer()));
      })();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}
