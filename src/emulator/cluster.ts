// What the emulator's API rules (src/emulator/rules) may see of the cluster, and how they refuse a
// request. The runtime (server, store, controller) implements ClusterView; the rules stay pure.

import type {
  Connection,
  InferenceService,
  ModelDeployment,
  PackagingIntegration,
  ResourceRequirements,
  ToolchainIntegration,
} from '../shared/odahu/types.js';

export interface NodePool {
  nodeSelector: Record<string, string>;
  tags: string[];
}

/** The server configuration the rules read (defaults, node pools); GET /configuration reports it. */
export interface ClusterConfig {
  /** deployment.edge.host: scheme and host of model URLs, e.g. `http://127.0.0.1:8765`. */
  edgeHost: string;
  /** deployment.customRoutePrefix. */
  customRoutePrefix: string;
  defaultDockerPullConnName: string;
  training: {
    outputConnectionID: string;
    defaultResources: ResourceRequirements;
    nodePools: NodePool[];
    gpuNodePools: NodePool[];
  };
  packaging: { outputConnectionID: string; defaultResources: ResourceRequirements; nodePools: NodePool[] };
  deployment: { defaultResources: ResourceRequirements; nodePools: NodePool[] };
}

/** Read-only lookups of stored objects (connections hold their secrets decoded, as the server stores them). */
export interface ClusterView {
  readonly config: ClusterConfig;
  connection(id: string): Connection | undefined;
  toolchain(id: string): ToolchainIntegration | undefined;
  packagingIntegration(id: string): PackagingIntegration | undefined;
  deployment(id: string): ModelDeployment | undefined;
  inferenceService(id: string): InferenceService | undefined;
}

/** A refusal the server answers with `{"message": ...}` (or an empty body for a Go panic). */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** A Go panic answers 500 with an empty body. */
    readonly emptyBody = false,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}
