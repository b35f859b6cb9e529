// A model server that misbehaves on purpose, for what the emulator's models will not do: answer
// whatever a test gives (a title with line breaks, 5,000 columns), send 30 MB, trickle a byte every
// so often and never finish, or take the request and say nothing. Real HTTP on a free port; it
// counts what it sent, so a test can see that the client stopped reading.

import { createServer } from 'node:http';
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ModelBehaviour =
  /** This JSON for /api/model/invoke and /api/model/info alike. */
  | { kind: 'json'; body: unknown; status?: number }
  /** A 200 JSON answer of `bytes` bytes, written as fast as the client reads. */
  | { kind: 'huge'; bytes: number }
  /** The head at once, then one byte of body every `everyMs`, never ending. */
  | { kind: 'trickle'; everyMs: number }
  /** The request read, then nothing at all. */
  | { kind: 'silent' };

export interface HostileModel {
  /** The model's URL, as predict's url input takes it. */
  url: string;
  /** Body bytes handed to the socket so far. */
  readonly sent: number;
  /** Requests seen, as `METHOD /path`. */
  requests: string[];
  behave(behaviour: ModelBehaviour): void;
  close(): Promise<void>;
}

const CHUNK = 64 * 1024;

export async function startHostileModel(first: ModelBehaviour): Promise<HostileModel> {
  let behaviour = first;
  let sent = 0;
  const requests: string[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const huge = (response: ServerResponse, bytes: number): void => {
    response.writeHead(200, { 'content-type': 'application/json' });
    const head = '{"prediction": [["';
    const tail = '"]]}';
    let left = bytes - head.length - tail.length;
    response.write(head);
    sent += head.length;
    const pump = (): void => {
      while (left > 0 && !response.destroyed) {
        const size = Math.min(CHUNK, left);
        left -= size;
        sent += size;
        if (!response.write('x'.repeat(size))) {
          response.once('drain', pump);
          return;
        }
      }
      if (!response.destroyed) {
        sent += tail.length;
        response.end(tail);
      }
    };
    pump();
  };

  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      requests.push(`${request.method} ${request.url}`);
      switch (behaviour.kind) {
        case 'json': {
          const text = JSON.stringify(behaviour.body);
          response.writeHead(behaviour.status ?? 200, { 'content-type': 'application/json' });
          sent += Buffer.byteLength(text);
          response.end(text);
          return;
        }
        case 'huge':
          huge(response, behaviour.bytes);
          return;
        case 'trickle': {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.write('{');
          const timer = setInterval(() => {
            if (response.destroyed) {
              clearInterval(timer);
              timers.delete(timer);
              return;
            }
            sent += 1;
            response.write(' ');
          }, behaviour.everyMs);
          timers.add(timer);
          return;
        }
        case 'silent':
          return;
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get sent() {
      return sent;
    },
    requests,
    behave: (next) => {
      behaviour = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearInterval(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
