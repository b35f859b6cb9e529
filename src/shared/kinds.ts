// The resource kinds a manifest can hold and where each lives in the API. One table, read by the
// manifest loader (is this kind known?), the client (which path?) and the emulator (which routes?).

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
} from './types.js';

export interface KindInfo {
  /** The manifest's `kind`, as the Odahu SDK and CLI write it. */
  kind: string;
  /** Collection path under `/api/v1`. */
  path: string;
  /** The server generates the id (batch jobs): a manifest's id is ignored and every apply creates. */
  generatedId: boolean;
  /** PUT exists for this kind (batch jobs have none). */
  updatable: boolean;
}

export const KINDS = {
  ModelTraining: { kind: 'ModelTraining', path: 'model/training', generatedId: false, updatable: true },
  ToolchainIntegration: {
    kind: 'ToolchainIntegration',
    path: 'toolchain/integration',
    generatedId: false,
    updatable: true,
  },
  ModelPackaging: { kind: 'ModelPackaging', path: 'model/packaging', generatedId: false, updatable: true },
  PackagingIntegration: {
    kind: 'PackagingIntegration',
    path: 'packaging/integration',
    generatedId: false,
    updatable: true,
  },
  ModelDeployment: { kind: 'ModelDeployment', path: 'model/deployment', generatedId: false, updatable: true },
  ModelRoute: { kind: 'ModelRoute', path: 'model/route', generatedId: false, updatable: true },
  Connection: { kind: 'Connection', path: 'connection', generatedId: false, updatable: true },
  InferenceService: { kind: 'InferenceService', path: 'batch/service', generatedId: false, updatable: true },
  InferenceJob: { kind: 'InferenceJob', path: 'batch/job', generatedId: true, updatable: false },
} as const satisfies Record<string, KindInfo>;

export type KindName = keyof typeof KINDS;

/** The object each kind's endpoints take and answer with. */
export interface KindResources {
  ModelTraining: ModelTraining;
  ToolchainIntegration: ToolchainIntegration;
  ModelPackaging: ModelPackaging;
  PackagingIntegration: PackagingIntegration;
  ModelDeployment: ModelDeployment;
  ModelRoute: ModelRoute;
  Connection: Connection;
  InferenceService: InferenceService;
  InferenceJob: InferenceJob;
}

export const KIND_NAMES = Object.keys(KINDS) as KindName[];

export function isKindName(value: unknown): value is KindName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(KINDS, value);
}
