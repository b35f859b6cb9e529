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

/**
 * The order in which resources can be created: each kind only refers to kinds before it (a training
 * to connections and its toolchain, a packaging to its integration and connections, a route to
 * deployments, a job to its service). Deleting goes the other way.
 */
export const DEPENDENCY_ORDER = [
  'Connection',
  'ToolchainIntegration',
  'PackagingIntegration',
  'ModelTraining',
  'ModelPackaging',
  'ModelDeployment',
  'ModelRoute',
  'InferenceService',
  'InferenceJob',
] as const satisfies readonly KindName[];

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

/** The server's id rule (validation.ValidateID): 1–63 of a-z, 0-9 and -, a letter first, no - last. */
export const ID_PATTERN = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** Deployment ids are capped lower: their names grow inside Kubernetes. */
export const MAX_DEPLOYMENT_ID_LENGTH = 46;

/** Batch service ids too: their jobs are named `job-<service id>-<5 characters>`. */
export const MAX_SERVICE_ID_LENGTH = 53;

/** Why the server would refuse this id, in words a workflow author can act on; undefined if fine. */
export function idProblem(kind: KindName, id: string): string | undefined {
  if (kind === 'ModelDeployment' && id.length > MAX_DEPLOYMENT_ID_LENGTH) {
    return `id "${id}" is too long for a ModelDeployment: at most ${MAX_DEPLOYMENT_ID_LENGTH} characters`;
  }
  if (kind === 'InferenceService' && id.length > MAX_SERVICE_ID_LENGTH) {
    return `id "${id}" is too long for an InferenceService: at most ${MAX_SERVICE_ID_LENGTH} characters (its jobs are named job-<id>-xxxxx)`;
  }
  if (!ID_PATTERN.test(id)) {
    return `id "${id}" is not a valid Odahu id: 1 to 63 lower-case letters, digits and -, starting with a letter and not ending with -`;
  }
  return undefined;
}

/**
 * Why an image reference would be refused: it is one word (`registry.example.com/wine:1.0`,
 * `...@sha256:...`), so white space or a control character in it is a mistake, or text from
 * somewhere it should not come from (a packaging's output) trying to be more than an image.
 */
export function imageProblem(image: string): string | undefined {
  if (!/[\s\p{Cc}\p{Cf}]/u.test(image)) return undefined;
  const shown = JSON.stringify(image.length > 100 ? `${image.slice(0, 100)}…` : image);
  return `image ${shown} holds white space or control characters: an image is one word, e.g. registry.example.com/wine:1.0`;
}
