// startEmulator: one HTTP server that plays a whole Odahu 1.6.1 cluster: the OpenID provider (under
// /auth/realms/odahu), the API server (/api/v1, behind its gateway), the edge with the model servers
// (/model, /custom), a controller moving resources through their states, and GET /health.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TokenVerifier } from './access.js';
import { apiRouter } from './api/router.js';
import { ApiGateway, answerFailure, NOT_FOUND_PAGE } from './api/gateway.js';
import { Artifacts } from './artifacts.js';
import { moment } from './clock.js';
import { seedConnections, seedPackagingIntegrations, seedToolchains } from './cluster-defaults.js';
import { clusterConfig, configurationDocument } from './configuration.js';
import { createDice } from './dice.js';
import { Outbox } from './events.js';
import { Exchange, TEXT_TYPE } from './exchange.js';
import { Faults, UPSTREAM_FAILURE } from './faults.js';
import { ImagePulls } from './image-pulls.js';
import { Outages } from './outages.js';
import { EDGE_PREFIXES, ModelServer } from './model-server.js';
import { createIdentityProvider, REALM_PATH } from './oidc.js';
import type {
  EmulatorClient,
  EmulatorClock,
  EmulatorOptions,
  RecordedAnswer,
  RunningEmulator,
  StatusChange,
} from './options.js';
import { InFlight } from './in-flight.js';
import { Rollouts } from './rollouts.js';
import { Store } from './store.js';
import { TaskRuns } from './task-runs.js';
import { Timers } from './timers.js';

export const DEFAULT_PORT = 8765;
export const DEFAULT_CLIENT_ID = 'odahu-actions';
/** A development secret, printed on start-up: the emulator guards nothing of value. */
export const DEFAULT_CLIENT_SECRET = 'odahu-emulator-secret';

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer();
  // The port is known only once listening, and the cluster needs it for its URLs: requests that
  // come in meanwhile (a script polling /health) wait for the cluster instead of hanging.
  let dispatch: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  let announceReady = (): void => undefined;
  const ready = new Promise<void>((resolve) => (announceReady = resolve));
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    void ready.then(() => dispatch?.(req, res));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const inFlight = new InFlight(server);
  const baseUrl = (options.publicUrl ?? `http://${reachableHost(host)}:${port}`).replace(/\/+$/, '');
  try {
    const cluster = await startCluster(options, baseUrl);
    dispatch = cluster.dispatch;
    announceReady();
    return {
      ...cluster.urls,
      outage: cluster.outage,
      clock: cluster.clock,
      inFlight: () => inFlight.describe(),
      close: async () => {
        cluster.stop();
        inFlight.close();
        await closeServer(server);
      },
    };
  } catch (error) {
    inFlight.close();
    await closeServer(server);
    throw error;
  }
}

function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

interface Cluster {
  urls: Omit<RunningEmulator, 'close' | 'outage' | 'clock' | 'inFlight'>;
  outage: RunningEmulator['outage'];
  clock: EmulatorClock;
  dispatch: (req: IncomingMessage, res: ServerResponse) => void;
  /** Stops every timer of the controller. */
  stop: () => void;
}

/** Everything behind the HTTP server, wired together for one base URL. */
async function startCluster(options: EmulatorOptions, baseUrl: string): Promise<Cluster> {
  const clientId = options.clientId ?? DEFAULT_CLIENT_ID;
  const clientSecret = options.clientSecret ?? DEFAULT_CLIENT_SECRET;
  const clients: EmulatorClient[] = [
    { clientId, clientSecret, role: 'admin' },
    ...(options.extraClients ?? []),
  ];
  const timers = new Timers();
  const realmLagMs = (options.realmClockLagSeconds ?? 0) * 1000;
  const identity = await createIdentityProvider({
    baseUrl,
    clients,
    federatedClients: options.federatedClients,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 300,
    signingKeys: options.signingKeys,
    useRefreshToken: options.useRefreshToken,
    federation: {
      // The cluster's clock (held in tests), less the realm's lag.
      now: () => timers.now() - realmLagMs,
      allowedClockSkewSeconds: options.allowedClockSkewSeconds,
      clientIdCheck: options.federatedClientIdCheck,
    },
  });
  const verifier = new TokenVerifier(identity.issuer, identity.publicKeys);

  const config = clusterConfig(baseUrl);
  const store = new Store(config);
  seed(store, options.defaultPushConnection ?? 'docker-ci');
  const outbox = new Outbox();
  const artifacts = new Artifacts();
  const launchPeriodSeconds = options.launchPeriodSeconds ?? 1;
  const observe = (change: StatusChange): void => {
    try {
      options.onStatus?.(change);
    } catch (error) {
      console.error('onStatus hook failed:', error);
    }
  };
  const runs = new TaskRuns(
    store,
    artifacts,
    timers,
    {
      training: options.trainingSeconds ?? 3,
      packaging: options.packagingSeconds ?? 3,
      job: options.jobSeconds ?? 2,
    },
    { launchPeriodSeconds, statusLagSeconds: options.statusLagSeconds ?? 0 },
    observe,
  );
  const faultSeed = options.seed ?? Date.now();
  const images = new ImagePulls(store, artifacts, options.missingImages);
  const rollouts = new Rollouts(
    store,
    outbox,
    images,
    timers,
    {
      deploymentSeconds: options.deploymentSeconds ?? 2,
      edgeWarmupSeconds: options.edgeWarmupSeconds ?? 0.5,
      launchPeriodSeconds,
    },
    observe,
  );
  const configuration = configurationDocument(
    config,
    {
      apiUrl: baseUrl,
      issuer: identity.issuer,
      tokenUrl: identity.tokenUrl,
      jwksUrl: identity.jwksUrl,
    },
    { launchPeriodSeconds },
  );
  const router = apiRouter({
    store,
    outbox,
    runs,
    rollouts,
    timers,
    configuration,
    jobSeconds: options.jobSeconds ?? 2,
  });
  const faults = new Faults({
    failRate: options.failRate ?? 0,
    throttleRate: options.throttleRate ?? 0,
    retryAfterSeconds: options.retryAfterSeconds ?? 1,
    latencyMs: options.latencyMs ?? 0,
    dropRate: options.dropRate ?? 0,
    seed: faultSeed,
  });
  // What the API has open, to cut when an outage begins.
  const openApiAnswers = new Set<ServerResponse>();
  const outages = new Outages(options.outages ?? [], timers, () => {
    for (const res of openApiAnswers) res.destroy();
  });
  const gateway = new ApiGateway(router, verifier, faults, baseUrl, outages);
  // Its own dice, so that model traffic does not shift the API's fault sequence.
  const modelServer = new ModelServer(rollouts, verifier, createDice(faultSeed + 1));

  const record = (answer: RecordedAnswer): void => {
    try {
      options.onAnswer?.(answer);
    } catch (error) {
      console.error('onAnswer hook failed:', error);
    }
  };

  const dispatch = (req: IncomingMessage, res: ServerResponse): void => {
    const started = Date.now();
    if (options.verbose) {
      // As requested: the OpenID provider rewrites req.url to the path under its mount point.
      const target = req.url ?? '';
      res.on('close', () => {
        console.error(`${req.method ?? ''} ${target} ${res.statusCode} ${Date.now() - started}ms`);
      });
    }
    // Concatenated, not resolved: a path starting with // must stay a path, not become a host.
    const url = new URL(`http://emulator${req.url ?? '/'}`);
    if (url.pathname === REALM_PATH || url.pathname.startsWith(`${REALM_PATH}/`)) {
      if (outages.down('auth')) res.writeHead(503, { 'content-type': TEXT_TYPE }).end(UPSTREAM_FAILURE);
      else identity.handle(req, res);
      return;
    }
    if (url.pathname.startsWith('/api/v1/')) {
      openApiAnswers.add(res);
      res.once('close', () => openApiAnswers.delete(res));
    }
    const exchange = new Exchange(req, res, url, record);
    const path = exchange.path;
    const answer = async (): Promise<void> => {
      if (path.startsWith('/api/v1/')) await gateway.handle(exchange);
      else if (EDGE_PREFIXES.some((prefix) => path.startsWith(prefix))) await modelServer.handle(exchange);
      else if (path === '/health' && exchange.method === 'GET') await gateway.health(exchange);
      else exchange.text(404, NOT_FOUND_PAGE);
    };
    answer().catch((error: unknown) => answerFailure(exchange, error));
  };

  return {
    urls: {
      apiUrl: baseUrl,
      authUrl: identity.tokenUrl,
      issuer: identity.issuer,
      clientId,
      clientSecret,
      edgeUrl: config.edgeHost,
      addFederatedClient: (client) => identity.addFederatedClient(client),
    },
    dispatch,
    outage: (seconds, target = 'api') => outages.begin(target, seconds),
    clock: timers,
    stop: () => timers.close(),
  };
}

/** Where clients on this machine reach a server listening on `host`. */
function reachableHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

/** What a fresh cluster holds. */
function seed(store: Store, defaultPushConnection: string): void {
  const installed = moment().stored;
  for (const toolchain of seedToolchains())
    store.toolchains.put({ ...toolchain, createdAt: installed, updatedAt: installed });
  for (const integration of seedPackagingIntegrations(defaultPushConnection)) {
    store.packagingIntegrations.put({ ...integration, createdAt: installed, updatedAt: installed });
  }
  for (const connection of seedConnections()) store.connections.put(connection);
}
