// A few lines of real HTTP for what the emulator cannot play: an OpenID provider that answers with
// an id_token, an issuer URL that needs discovery, a proxy's HTML page, a proxy in front of the
// emulator that refuses some calls. No HTTP mocking library.

import { createServer } from 'node:http';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  /** Path and query. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface TinyServer {
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

export async function startTinyServer(
  handle: (request: SeenRequest, response: ServerResponse) => void,
): Promise<TinyServer> {
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      handle(request, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * Sends `request` on to `upstream` (the same method, path, headers and body) and answers with what
 * came back: a proxy in front of the emulator that a test can make refuse or break some calls.
 */
export async function forwardTo(
  upstream: string,
  request: SeenRequest,
  response: ServerResponse,
): Promise<void> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers))
    if (typeof value === 'string' && name !== 'host' && name !== 'connection') headers[name] = value;
  const answer = await fetch(upstream + request.url, {
    method: request.method,
    headers,
    body: request.body === '' ? undefined : request.body,
  });
  response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/plain' });
  response.end(Buffer.from(await answer.arrayBuffer()));
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

/** An unsigned JWT with these claims (the client only reads `exp`). */
export function fakeJwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.sig`;
}
