// What is on its way between the emulator and the HTTP clients of its own process (a test's steps,
// the runner's in-process stages): a request whose connection is not made or not yet accepted, bytes
// one side has written that the other has not read, a request taken whose answer has not begun.
// A test that holds the clock moves it on only once nothing is (EmulatorTime in __tests__/helpers):
// what the cluster's last step did (a log line, a stream's end, a state to read) has then reached
// the step that waits for it. A fixed number of event-loop turns is not enough on a loaded machine:
// loopback delivery and the thread pool (signing a token, a lookup) take wall time.
//
// Only this process's clients are seen (diagnostics_channel): a client in another process (a bundle,
// the Odahu CLI) is not waited for, as it waits on no held clock.

import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

const CLIENT_SOCKETS = 'net.client.socket';
const CLIENT_REQUESTS = 'http.client.request.start';

export class InFlight {
  /** This process's requests to the emulator, until they close. */
  private readonly requests = new Set<ClientRequest>();
  /** This process's client ends of connections to the emulator, until they close. */
  private readonly clients = new Set<Socket>();
  /** The emulator's end of each open connection, by the client's port. */
  private readonly accepted = new Map<number, Socket>();
  /** Requests the emulator has taken, until their answers close. */
  private readonly answers = new Map<ServerResponse, string>();

  constructor(private readonly server: Server) {
    subscribe(CLIENT_SOCKETS, this.onClientSocket);
    subscribe(CLIENT_REQUESTS, this.onClientRequest);
    server.on('connection', this.onAccepted);
    server.on('request', this.onRequest);
  }

  /** The first thing on its way, in words; undefined when nothing is. */
  describe(): string | undefined {
    for (const request of this.requests) {
      if (request.destroyed) continue;
      if (!request.socket) return `${request.method} ${request.path} waits for a connection`;
      if (request.socket.connecting) return `${request.method} ${request.path} is connecting`;
    }
    for (const [answer, what] of this.answers) {
      if (!answer.headersSent && !answer.destroyed) return `the answer to ${what} has not begun`;
    }
    for (const client of this.clients) {
      const port = client.localPort;
      const server = port === undefined ? undefined : this.accepted.get(port);
      if (!server) return `the connection from port ${port} is not accepted yet`;
      if (client.bytesWritten > server.bytesRead)
        return `${client.bytesWritten - server.bytesRead} bytes from port ${port} are on their way to the emulator`;
      if (server.bytesWritten > client.bytesRead)
        return `${server.bytesWritten - client.bytesRead} bytes of the emulator are on their way to port ${port}`;
    }
    return undefined;
  }

  close(): void {
    unsubscribe(CLIENT_SOCKETS, this.onClientSocket);
    unsubscribe(CLIENT_REQUESTS, this.onClientRequest);
    this.server.off('connection', this.onAccepted);
    this.server.off('request', this.onRequest);
  }

  private get address(): AddressInfo | undefined {
    const address = this.server.address();
    return address && typeof address === 'object' ? address : undefined;
  }

  /** Whether a client connected to (or a request is sent to) `host`:`port` reaches this server. */
  private isMine(host: string | undefined, port: number | undefined): boolean {
    const address = this.address;
    if (!address || port !== address.port || host === undefined) return false;
    const bare = host.replace(/^\[|\]$/g, '').replace(/^::ffff:/, '');
    const any = address.address === '0.0.0.0' || address.address === '::';
    return any || bare === address.address || (bare === 'localhost' && isLoopback(address.address));
  }

  private readonly onClientSocket = (message: unknown): void => {
    const { socket } = message as { socket: Socket };
    socket.once('connect', () => {
      if (!this.isMine(socket.remoteAddress, socket.remotePort)) return;
      this.clients.add(socket);
      // A closed client has read all it will: its connection is no longer on its way.
      socket.once('close', () => this.clients.delete(socket));
    });
  };

  private readonly onClientRequest = (message: unknown): void => {
    const { request } = message as { request: ClientRequest };
    const target = /^(.*):(\d+)$/.exec(String(request.getHeader('host') ?? ''));
    if (!target || !this.isMine(target[1], Number(target[2]))) return;
    this.requests.add(request);
    request.once('close', () => this.requests.delete(request));
  };

  private readonly onAccepted = (socket: Socket): void => {
    const port = socket.remotePort;
    if (port === undefined) return;
    this.accepted.set(port, socket);
    // Until the client has seen the end too (it closes then), the connection counts as not accepted.
    socket.once('close', () => {
      if (this.accepted.get(port) === socket) this.accepted.delete(port);
    });
  };

  private readonly onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    this.answers.set(res, `${req.method ?? 'GET'} ${req.url ?? '/'}`);
    res.once('close', () => this.answers.delete(res));
  };
}

function isLoopback(address: string): boolean {
  return address === '::1' || address.startsWith('127.');
}
