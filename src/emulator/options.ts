// How the emulator is started (by the CLI, by tests, by the demo) and what a running one offers.
// The CLI flags map one to one onto EmulatorOptions (`--token-ttl` → tokenTtlSeconds, ...).

import type { GenerateKeyPairResult } from 'jose';
import type { Outage, OutageTarget } from './outages.js';
import type { FederatedClient } from './federated-clients.js';

export type { FederatedClient };

export type Role = 'admin' | 'data_scientist' | 'viewer';

export interface EmulatorClient {
  clientId: string;
  clientSecret: string;
  /** Becomes the token's realm_access.roles (odahu_admin, odahu_data_scientist, odahu_viewer). */
  role: Role;
}

export interface EmulatorOptions {
  /** 0 picks a free port. Default 8765. */
  port?: number;
  /** Default 127.0.0.1; 0.0.0.0 makes it reachable from act's containers. */
  host?: string;
  /** Base URL printed and used for the issuer and edge URLs, when clients reach it by another name
   * (e.g. http://host.docker.internal:8765 from a container). Default http://<host>:<port>. */
  publicUrl?: string;
  /** The first client, printed on start-up. Default odahu-actions / a fixed development secret. */
  clientId?: string;
  clientSecret?: string;
  /** More clients, e.g. a viewer to see 403s. */
  extraClients?: EmulatorClient[];
  /** Clients proven by another issuer's tokens (Keycloak's federated client authentication), not by a secret. */
  federatedClients?: FederatedClient[];
  /**
   * Keycloak's `client_credentials.use_refresh_token` by client id (Keycloak's default since 12 is
   * off): whether the client's client-credentials answer carries a refresh token. Not given, it is
   * on for the clients given with secrets (Odahu's realm clients have it: the upstream CLI's
   * client-credentials login needs one) and off for federated clients (made for GitHub, they
   * usually keep Keycloak's default).
   */
  useRefreshToken?: Record<string, boolean>;
  /**
   * What a federated grant's `client_id`, when sent, must be: `client`, the id of the client the
   * assertion proves (Keycloak since keycloak/keycloak#48026, May 2026); `subject`, the assertion's
   * `sub` (Keycloak 26.5 and 26.6 before it). Default `client`.
   */
  federatedClientIdCheck?: 'client' | 'subject';
  /** The realm's clock runs this far behind the machine's, as a Keycloak whose clock lags GitHub's. Default 0. */
  realmClockLagSeconds?: number;
  /** The identity provider's allowedClockSkew for federated assertions, in seconds (Keycloak's default 0). */
  allowedClockSkewSeconds?: number;
  /**
   * The connection the packaging integrations' docker-push target defaults to, as an installation
   * sets it in the packagers' chart (Odahu's end-to-end clusters: docker-ci); '' for none. Default
   * docker-ci.
   */
  defaultPushConnection?: string;
  /** Access token lifetime. Default 300. */
  tokenTtlSeconds?: number;
  /** The realm's RS256 signing key pair; default a new one. Tests that start many emulators share one. */
  signingKeys?: GenerateKeyPairResult;
  /** Time from create to a final state. Defaults: training 3, packaging 3, deployment 2, batch job 2. */
  trainingSeconds?: number;
  packagingSeconds?: number;
  deploymentSeconds?: number;
  jobSeconds?: number;
  /** After a deployment turns Ready its edge answers 503 for this long, as a real one can. Default 0.5. */
  edgeWarmupSeconds?: number;
  /** The controller's period (`common.launchPeriod`, 3 s on a cluster): a deleted training's or
   * packaging's Kubernetes object (with its log) outlives the row this long. Default 1. */
  launchPeriodSeconds?: number;
  /** How long after a training's or packaging's pod ends (its log stream with it) the API shows its
   * final state: on a cluster the controller writes it on its next pass, up to `common.launchPeriod`
   * later. Default 0. */
  statusLagSeconds?: number;
  /** Images that never pull (their deployments stay Processing): `*` matches any run of characters. */
  missingImages?: string[];
  /** Faults on /api/v1 requests: shares in [0, 1], and a delay. */
  failRate?: number;
  throttleRate?: number;
  /** Retry-After seconds sent with a 429. Default 1. */
  retryAfterSeconds?: number;
  latencyMs?: number;
  dropRate?: number;
  /** Seed of the fault dice, so a run's faults can be replayed. */
  seed?: number;
  /** Windows during which the API (or the token endpoint, `auth`) answers only 503. */
  outages?: Outage[];
  /** Each answer of the API and the model server, for the contract check and for debugging. */
  onAnswer?: (answer: RecordedAnswer) => void;
  /** Each state the controller writes, when it writes it (the benchmark times steps against it). */
  onStatus?: (change: StatusChange) => void;
  /** One line per request on stderr. */
  verbose?: boolean;
}

export interface StatusChange {
  kind: 'training' | 'packaging' | 'job' | 'deployment';
  id: string;
  state: string;
  /** Date.now() when it was written. */
  at: number;
}

export interface RecordedAnswer {
  method: string;
  /** Path without the query, e.g. /api/v1/model/training/wine. */
  path: string;
  /** The route template that answered, e.g. /api/v1/model/training/{id}; undefined for a 404 page. */
  route?: string;
  status: number;
  contentType: string;
  body: string;
}

export interface RunningEmulator {
  /** Base URL of the API server (the client appends /api/v1/...). */
  apiUrl: string;
  /** The OAuth2 token endpoint. */
  authUrl: string;
  /** The OpenID issuer (its /.well-known/openid-configuration is served). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** deployment.edge.host: where model URLs point. */
  edgeUrl: string;
  /** An outage of the API (or of the token endpoint) from now on, for `seconds`. */
  outage(seconds: number, target?: OutageTarget): void;
  /** Trusts one more issuer and subject for a new client, as --federated-client does at start-up. */
  addFederatedClient(client: FederatedClient): void;
  /** For tests: the clock of everything the cluster does over time (see EmulatorClock). */
  clock: EmulatorClock;
  /**
   * For tests: what is on its way between the emulator and the HTTP clients of this process (a
   * request not connected, bytes not yet read, an answer not begun), in words; undefined when
   * nothing is. A held clock is moved on only once nothing is (see in-flight.ts).
   */
  inFlight(): string | undefined;
  close(): Promise<void>;
}

/**
 * The emulated cluster's clock: every step it takes over time (the controller's passes, a pod's
 * states and log lines, the edge's warm-up, outages) comes due on it. Held, its time stands still and
 * nothing happens by itself: a test can read a state, or act before the next step, however loaded the
 * machine is, and the steps keep their order however long it takes in between.
 */
export interface EmulatorClock {
  /** From now on the time stands still. */
  hold(): void;
  /** While held: moves the time to the next planned step and runs it; returns its group
   * (`training/<id>`, `deployment/<id>`, ...). Throws when no step is planned at all. */
  step(): string;
  /**
   * While held: moves the time towards `at` (ms since the epoch): to the next planned step when one
   * is due by then, running it (true), else to `at` itself (false).
   */
  stepTowards(at: number): boolean;
  /** The time goes on from where it stood (what came due runs at once, in order). */
  release(): void;
  readonly held: boolean;
  /** The clock's time in ms since the epoch: the wall clock's, less the spans it was held. */
  now(): number;
}
