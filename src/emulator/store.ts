// The emulated cluster's database: one collection per kind, listed by id as Postgres lists them. It
// is also the ClusterView the API rules read (references, defaults, node pools).

import type { ClusterConfig, ClusterView } from './cluster.js';
import type {
  Connection,
  InferenceJob,
  InferenceService,
  ModelDeployment,
  ModelPackaging,
  ModelRoute,
  ModelTraining,
  PackagingIntegration,
  ToolchainIntegration,
} from '../shared/odahu/types.js';

export interface StoredObject {
  id: string;
}

export class Collection<T extends StoredObject> {
  private readonly items = new Map<string, T>();

  get(id: string): T | undefined {
    return this.items.get(id);
  }

  has(id: string): boolean {
    return this.items.has(id);
  }

  put(item: T): T {
    this.items.set(item.id, item);
    return item;
  }

  delete(id: string): boolean {
    return this.items.delete(id);
  }

  /** Ordered by id ascending (bytewise, as Postgres' C collation and Kubernetes list them). */
  list(): T[] {
    return [...this.items.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

export class Store implements ClusterView {
  readonly trainings = new Collection<ModelTraining>();
  readonly toolchains = new Collection<ToolchainIntegration>();
  readonly packagings = new Collection<ModelPackaging>();
  readonly packagingIntegrations = new Collection<PackagingIntegration>();
  readonly deployments = new Collection<ModelDeployment>();
  readonly routes = new Collection<ModelRoute>();
  /** Kept as the server keeps them: secrets decoded, no timestamps (the Kubernetes backend has none). */
  readonly connections = new Collection<Connection>();
  readonly services = new Collection<InferenceService>();
  readonly jobs = new Collection<InferenceJob>();

  constructor(readonly config: ClusterConfig) {}

  connection(id: string): Connection | undefined {
    return this.connections.get(id);
  }

  toolchain(id: string): ToolchainIntegration | undefined {
    return this.toolchains.get(id);
  }

  packagingIntegration(id: string): PackagingIntegration | undefined {
    return this.packagingIntegrations.get(id);
  }

  deployment(id: string): ModelDeployment | undefined {
    return this.deployments.get(id);
  }

  inferenceService(id: string): InferenceService | undefined {
    return this.services.get(id);
  }

  /** The route the server made with a deployment (`default: true`, 100% to it). */
  defaultRouteOf(deploymentId: string): ModelRoute | undefined {
    return this.routes
      .list()
      .find((r) => r.default === true && r.spec.modelDeployments?.some((t) => t.mdName === deploymentId));
  }
}
