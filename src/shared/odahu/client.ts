// The typed Odahu API client, one method per endpoint, and the client of a deployed model's server.
// Both stand on the Transport (tokens, retries, errors); here only paths and types.

import type { IncomingMessage } from 'node:http';

import type { TokenSource } from './auth.js';
import { tokenSourceFor } from './auth.js';
import { ApiError } from './errors.js';
import { Transport } from './http.js';
import type { Query, TransportOptions } from './http.js';
import { KINDS } from './kinds.js';
import type { KindName, KindResources } from './kinds.js';
import type { OdahuSettings } from './settings.js';
import type {
  Connection,
  DeploymentEvent,
  InferenceJob,
  LatestEvents,
  ModelDeployment,
  ModelInfoDocument,
  ModelPackaging,
  ModelRoute,
  ModelTraining,
  OdahuConfiguration,
  PredictionRequest,
  PredictionResponse,
  RouteEvent,
  UserInfo,
} from './types.js';

export interface CallOptions {
  /** Stops the call, its retries and its waits. */
  signal?: AbortSignal;
  /** Retry until then (ms since the epoch) instead of for the retry budget: a wait's own end. */
  retryUntil?: number;
  /** The call must be over by then (ms since the epoch), the answer read: a step's own deadline. */
  deadline?: number;
}

/** `page` is 0-based; `size` defaults to 500 on the server. */
export interface Paging {
  page?: number;
  size?: number;
}

/** List filters: exact match; several values match any of them. */
type Filter<Names extends string> = Partial<Record<Names, string | readonly string[]>>;

export type TrainingFilter = Filter<'toolchain' | 'model_name' | 'model_version'>;
export type DeploymentFilter = Filter<'roleName'>;
export type ConnectionFilter = Filter<'type'>;

export interface LogOptions extends CallOptions {
  /** Keep the stream open while the pod runs, as `kubectl logs -f` does. */
  follow?: boolean;
}

function itemPath(collection: string, id: string): string {
  return `${collection}/${encodeURIComponent(id)}`;
}

/** GET of a collection and of its items. */
export class ReadableCollection<T extends { id: string }, F extends object = Paging> {
  constructor(
    protected readonly transport: Transport,
    /** e.g. `/model/training`. */
    readonly path: string,
  ) {}

  /** One page of objects (the server's default page holds 500). */
  async list(query?: F & Paging, options: CallOptions = {}): Promise<T[]> {
    // The connection list answers `null` past its last page.
    const items = await this.transport.json<T[] | null>('GET', this.path, {
      ...options,
      query: query as Query | undefined,
    });
    return items ?? [];
  }

  /** The object; an ApiError 404 when there is none. */
  get(id: string, options: CallOptions = {}): Promise<T> {
    return this.transport.json<T>('GET', itemPath(this.path, id), options);
  }

  /** The object, or undefined when there is none. */
  async find(id: string, options: CallOptions = {}): Promise<T | undefined> {
    try {
      return await this.get(id, options);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }
}

/** Kinds that are created and deleted but never changed (batch jobs; their ids are generated). */
export class CreateOnlyCollection<
  T extends { id: string },
  F extends object = Paging,
> extends ReadableCollection<T, F> {
  /** POSTs the object. Not sent twice after a failure that may have reached the server. */
  create(resource: T, options: CallOptions = {}): Promise<T> {
    return this.transport.json<T>('POST', this.path, {
      body: resource,
      signal: options.signal,
      idempotent: false,
    });
  }

  /** DELETE; a retry that finds it gone counts as done. */
  async delete(id: string, options: CallOptions = {}): Promise<void> {
    await this.transport.json<unknown>('DELETE', itemPath(this.path, id), options);
  }
}

/** The full set: list, get, find, create, update, delete. */
export class Collection<T extends { id: string }, F extends object = Paging> extends CreateOnlyCollection<
  T,
  F
> {
  /** POSTs the object; a retry that meets 409 after an unanswered attempt reads the created object. */
  override create(resource: T, options: CallOptions = {}): Promise<T> {
    return this.transport.json<T>('POST', this.path, {
      body: resource,
      signal: options.signal,
      createdObjectPath: itemPath(this.path, resource.id),
    });
  }

  /** PUTs the object; the server finds it by the body's id. */
  update(resource: T, options: CallOptions = {}): Promise<T> {
    return this.transport.json<T>('PUT', this.path, { body: resource, signal: options.signal });
  }
}

/** Trainings and packagings: their pods' logs. */
export class RunCollection<T extends { id: string }, F extends object = Paging> extends Collection<T, F> {
  /** The pod's log as a text stream; with `follow` it ends when the run does. */
  logs(id: string, options: LogOptions = {}): Promise<IncomingMessage> {
    return this.transport.stream(`${itemPath(this.path, id)}/log`, {
      query: { follow: options.follow ?? false },
      signal: options.signal,
      retryUntil: options.retryUntil,
    });
  }
}

export class DeploymentCollection extends Collection<ModelDeployment, DeploymentFilter> {
  /** The route the server made with the deployment; its `status.edgeUrl` is the model's URL. */
  defaultRoute(id: string, options: CallOptions = {}): Promise<ModelRoute> {
    return this.transport.json<ModelRoute>('GET', `${itemPath(this.path, id)}/default-route`, options);
  }

  /** Changes after `cursor` (0: all kept), newest per deployment. */
  events(cursor = 0, options: CallOptions = {}): Promise<LatestEvents<DeploymentEvent>> {
    return this.transport.json('GET', '/model/deployment-events', {
      query: { cursor },
      signal: options.signal,
    });
  }
}

export class RouteCollection extends Collection<ModelRoute> {
  /** Changes after `cursor` (0: all kept), newest per route. */
  events(cursor = 0, options: CallOptions = {}): Promise<LatestEvents<RouteEvent>> {
    return this.transport.json('GET', '/model/route-events', { query: { cursor }, signal: options.signal });
  }
}

export class ConnectionCollection extends Collection<Connection, ConnectionFilter> {
  /** The connection with its secrets unmasked (base64), for admins. */
  decrypted(id: string, options: CallOptions = {}): Promise<Connection> {
    return this.transport.json<Connection>('GET', `${itemPath(this.path, id)}/decrypted`, options);
  }
}

/** The collection of each kind, for manifests: jobs have no update. */
export type CollectionOf<K extends KindName> = K extends 'InferenceJob'
  ? CreateOnlyCollection<InferenceJob>
  : Collection<KindResources[K]>;

export interface ClientOptions extends Omit<TransportOptions, 'baseUrl' | 'tokens'> {
  /** The server's base URL (without `/api/v1`). */
  apiUrl: string;
  tokens: TokenSource;
}

export class OdahuClient {
  private readonly transport: Transport;
  /** Where the client's bearer tokens come from: a model is asked, and a token's roles read, with it. */
  readonly tokens: TokenSource;
  private configurationRead: Promise<OdahuConfiguration> | undefined;

  readonly trainings: RunCollection<ModelTraining, TrainingFilter>;
  readonly toolchainIntegrations: Collection<KindResources['ToolchainIntegration']>;
  /** The server's `type` filter of packagings matches nothing: not offered. */
  readonly packagings: RunCollection<ModelPackaging>;
  readonly packagingIntegrations: Collection<KindResources['PackagingIntegration']>;
  readonly deployments: DeploymentCollection;
  readonly routes: RouteCollection;
  readonly connections: ConnectionCollection;
  readonly inferenceServices: Collection<KindResources['InferenceService']>;
  readonly inferenceJobs: CreateOnlyCollection<InferenceJob>;

  private readonly byKind: { [K in KindName]: CollectionOf<K> };

  constructor(options: ClientOptions) {
    const { apiUrl, ...transportOptions } = options;
    this.tokens = options.tokens;
    this.transport = new Transport({ ...transportOptions, baseUrl: `${apiUrl.replace(/\/+$/, '')}/api/v1` });
    const path = (kind: KindName): string => `/${KINDS[kind].path}`;
    this.trainings = new RunCollection(this.transport, path('ModelTraining'));
    this.toolchainIntegrations = new Collection(this.transport, path('ToolchainIntegration'));
    this.packagings = new RunCollection(this.transport, path('ModelPackaging'));
    this.packagingIntegrations = new Collection(this.transport, path('PackagingIntegration'));
    this.deployments = new DeploymentCollection(this.transport, path('ModelDeployment'));
    this.routes = new RouteCollection(this.transport, path('ModelRoute'));
    this.connections = new ConnectionCollection(this.transport, path('Connection'));
    this.inferenceServices = new Collection(this.transport, path('InferenceService'));
    this.inferenceJobs = new CreateOnlyCollection(this.transport, path('InferenceJob'));
    this.byKind = {
      ModelTraining: this.trainings,
      ToolchainIntegration: this.toolchainIntegrations,
      ModelPackaging: this.packagings,
      PackagingIntegration: this.packagingIntegrations,
      ModelDeployment: this.deployments,
      ModelRoute: this.routes,
      Connection: this.connections,
      InferenceService: this.inferenceServices,
      InferenceJob: this.inferenceJobs,
    };
  }

  /** A client for the settings' server and credentials, retrying for their retry-timeout. */
  static fromSettings(
    settings: OdahuSettings,
    options: Omit<ClientOptions, 'apiUrl' | 'tokens'> & { tokens?: TokenSource } = {},
  ): OdahuClient {
    return new OdahuClient({
      retry: { policy: { budgetMs: settings.retryTimeoutMs } },
      ...options,
      apiUrl: settings.apiUrl,
      tokens: options.tokens ?? tokenSourceFor(settings.credentials, settings.retryTimeoutMs),
    });
  }

  /** The collection of a manifest's kind. */
  kind<K extends KindName>(kind: K): CollectionOf<K> {
    return this.byKind[kind];
  }

  /** Name and email from the token's claims (the server does not verify it). */
  userInfo(options: CallOptions = {}): Promise<UserInfo> {
    return this.transport.json<UserInfo>('GET', '/user/info', options);
  }

  /**
   * The server's configuration: edge host, output connections, what is enabled. Read once per client
   * (a step's): it does not change while a step runs, and several checks need it; a failed read is
   * made again by the next call.
   */
  configuration(options: CallOptions = {}): Promise<OdahuConfiguration> {
    if (!this.configurationRead) {
      const read = this.transport.json<OdahuConfiguration>('GET', '/configuration', options);
      this.configurationRead = read;
      read.catch(() => {
        if (this.configurationRead === read) this.configurationRead = undefined;
      });
    }
    return this.configurationRead;
  }

  /** Closes the kept-alive connections. */
  dispose(): void {
    this.transport.dispose();
  }
}

/** A model server's answer with what the edge says about it. */
export interface ModelAnswer<T> {
  body: T;
  status: number;
  /** The edge's request id, to send feedback on this prediction. */
  requestId: string | undefined;
  /** From the route's `model-name`/`model-version` headers. */
  modelName: string | undefined;
  modelVersion: string | undefined;
}

export type Prediction = ModelAnswer<PredictionResponse>;

export interface ModelClientOptions extends Omit<TransportOptions, 'baseUrl' | 'tokens'> {
  /** The model's URL behind the edge, e.g. a route's `status.edgeUrl`. */
  url: string;
  /** The model's credentials, which may differ from the API's. */
  tokens: TokenSource;
}

/** A model's answer longer than this is not read: predict fails with one line saying so. */
export const MAX_MODEL_ANSWER_BYTES = 8 * 1024 * 1024;

/** The model server of a deployment (odahu-ml-server), reached through the edge. */
export class ModelClient {
  private readonly transport: Transport;

  constructor(options: ModelClientOptions) {
    const { url, ...transportOptions } = options;
    this.transport = new Transport({
      server: 'the model',
      maxAnswerBytes: MAX_MODEL_ANSWER_BYTES,
      ...transportOptions,
      baseUrl: url,
    });
  }

  /** POST `<url>/api/model/invoke`. Predictions change nothing, so retries are safe. */
  invoke(request: PredictionRequest, options: CallOptions = {}): Promise<Prediction> {
    return this.ask<PredictionResponse>('POST', '/api/model/invoke', request, options);
  }

  /** GET `<url>/api/model/info`: the model's Swagger document; `info.title`/`info.version` name it. */
  info(options: CallOptions = {}): Promise<ModelAnswer<ModelInfoDocument>> {
    return this.ask<ModelInfoDocument>('GET', '/api/model/info', undefined, options);
  }

  private async ask<T>(
    method: string,
    path: string,
    body: unknown,
    options: CallOptions,
  ): Promise<ModelAnswer<T>> {
    const answer = await this.transport.exchange<T>(method, path, { ...options, body });
    const header = (name: string): string | undefined => {
      const value = answer.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    return {
      body: answer.body,
      status: answer.status,
      requestId: header('request-id'),
      modelName: header('model-name'),
      modelVersion: header('model-version'),
    };
  }

  dispose(): void {
    this.transport.dispose();
  }
}

/** The server answered 404: the thing is not there (or no longer). */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}
