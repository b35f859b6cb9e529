// What the emulator says is on its way between it and this process's clients (in-flight.ts), which
// the held clock waits for before it moves on: a request taken whose answer has not begun, and bytes
// written but not yet read, until they are read.

import { connect } from 'node:net';
import { once } from 'node:events';
import type { TestEmulator } from './helpers/emulator.js';
import { startTestEmulator } from './helpers/emulator.js';
import { settle } from './helpers/emulator-time.js';

let emulator: TestEmulator;
let port: number;

beforeAll(async () => {
  emulator = await startTestEmulator();
  port = Number(new URL(emulator.apiUrl).port);
});

afterAll(() => emulator.close());

/**
 * Event-loop turns until `what` holds: what the test watches happens without the test's doing. A
 * ceiling, not a wait: a state that never comes fails the test instead of spinning on.
 */
async function until(what: () => boolean): Promise<void> {
  const since = Date.now();
  while (!what()) {
    if (Date.now() - since > 20_000) throw new Error(`never came; on its way: ${emulator.inFlight()}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

test('a request taken whose answer has not begun is on its way; settle returns once it is read', async () => {
  await settle(emulator);
  expect(emulator.inFlight()).toBeUndefined();

  const socket = connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')));
  await once(socket, 'connect');
  const { pathname } = new URL(emulator.authUrl);
  const body = 'grant_type=client_credentials';
  // Half the body: the token endpoint has the request and waits for the rest before it answers.
  socket.write(
    `POST ${pathname} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n` +
      `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n` +
      body.slice(0, 10),
  );
  await until(() => /has not begun/.test(emulator.inFlight() ?? ''));
  expect(emulator.inFlight()).toBe(`the answer to POST ${pathname} has not begun`);

  socket.write(body.slice(10));
  await settle(emulator);
  expect(emulator.inFlight()).toBeUndefined();
  // Settled means delivered: the answer (a refusal, no client given) is in this process already.
  expect(received).toMatch(/^HTTP\/1\.1 4\d\d /);
  socket.destroy();
});

test("the emulator's bytes that a client has not read are on their way, until it reads them", async () => {
  const socket = connect(port, '127.0.0.1');
  // A client that reads nothing: what the emulator answers (a refusal: no token) stays on its way.
  socket.pause();
  await once(socket, 'connect');
  socket.write(`GET /health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
  await until(() => /bytes of the emulator are on their way/.test(emulator.inFlight() ?? ''));
  expect(emulator.inFlight()).toMatch(
    new RegExp(`^\\d+ bytes of the emulator are on their way to port ${socket.localPort}$`),
  );

  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')));
  socket.resume();
  await settle(emulator);
  expect(emulator.inFlight()).toBeUndefined();
  expect(received).toMatch(/^HTTP\/1\.1 401 Unauthorized\r\n/);
  socket.destroy();
});
