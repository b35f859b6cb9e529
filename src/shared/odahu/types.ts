// The Odahu-flow 1.6 API's resources as they travel over the wire (camelCase JSON), written from the
// official swagger.yaml and the reference notes on what the server really emits. Fields the server
// always emits are required here; omitempty fields are optional.

export interface ResourceList {
  cpu?: string;
  memory?: string;
  gpu?: string;
}

export interface ResourceRequirements {
  limits?: ResourceList;
  requests?: ResourceList;
}

export interface EnvironmentVariable {
  name: string;
  value: string;
}

/** Common envelope of every stored object: `{id, createdAt, updatedAt, spec, status}`. */
export interface Resource<Spec, Status> {
  id: string;
  createdAt?: string;
  updatedAt?: string;
  spec: Spec;
  status?: Status;
  /** Present (true) only while a deletion is pending: trainings, packagings, deployments, routes, jobs. */
  deletionMark?: boolean;
}

/** Error and DELETE answers of the API server. */
export interface HTTPResult {
  message: string;
}

// ---------------------------------------------------------------------------------------------
// Training

export interface ModelIdentity {
  name: string;
  version: string;
  /** Go template; default `{{ .Name }}-{{ .Version }}-{{ .RandomUUID }}.zip`. */
  artifactNameTemplate?: string;
}

export interface DataBindingDir {
  connection: string;
  localPath: string;
  remotePath?: string;
}

export interface AlgorithmSource {
  vcs?: { connection?: string; reference?: string };
  objectStorage?: { connection?: string; path?: string };
}

export interface ModelTrainingSpec {
  model: ModelIdentity;
  toolchain: string;
  entrypoint?: string;
  args?: string[];
  envs?: EnvironmentVariable[];
  hyperParameters?: Record<string, string>;
  data?: DataBindingDir[];
  nodeSelector?: Record<string, string>;
  workDir?: string;
  algorithmSource?: AlgorithmSource;
  outputConnection?: string;
  image?: string;
  resources?: ResourceRequirements;
}

export const TRAINING_STATES = ['unknown', 'scheduling', 'running', 'succeeded', 'failed'] as const;
export type TrainingState = (typeof TRAINING_STATES)[number];

export interface TrainingResult {
  runId: string;
  artifactName: string;
  commitID: string;
}

export interface ModelTrainingStatus {
  podName?: string;
  state?: TrainingState;
  exitCode?: number;
  reason?: string;
  message?: string;
  artifacts?: TrainingResult[];
}

export type ModelTraining = Resource<ModelTrainingSpec, ModelTrainingStatus>;

export interface ToolchainIntegrationSpec {
  entrypoint: string;
  defaultImage: string;
  additionalEnvironments?: Record<string, string>;
}

export type ToolchainIntegration = Resource<ToolchainIntegrationSpec, Record<string, never>>;

// ---------------------------------------------------------------------------------------------
// Packaging

export interface Target {
  name: string;
  connectionName: string;
}

export interface ModelPackagingSpec {
  artifactName: string;
  integrationName: string;
  image?: string;
  /** Validated against the integration's argument schema; always emitted (null when absent). */
  arguments?: Record<string, unknown> | null;
  targets?: Target[] | null;
  resources?: ResourceRequirements;
  outputConnection?: string;
  nodeSelector?: Record<string, string>;
}

/** Packaging shares the training state machine (lower case). */
export type PackagingState = TrainingState;

export interface ModelPackagingResult {
  name: string;
  value: string;
}

export interface ModelPackagingStatus {
  podName?: string;
  state?: PackagingState;
  exitCode?: number;
  reason?: string;
  message?: string;
  results?: ModelPackagingResult[];
}

export type ModelPackaging = Resource<ModelPackagingSpec, ModelPackagingStatus>;

export interface TargetSchema {
  name: string;
  connectionTypes: string[];
  default: string;
  required: boolean;
}

export interface ArgumentParameter {
  name: string;
  /** Any JSON value: becomes a JSON-Schema keyword of the property (type, default, enum...). */
  value: unknown;
}

export interface ArgumentProperty {
  name: string;
  parameters: ArgumentParameter[];
}

export interface PackagingIntegrationSpec {
  entrypoint: string;
  defaultImage: string;
  privileged?: boolean;
  schema: {
    targets: TargetSchema[] | null;
    arguments: { properties: ArgumentProperty[] | null; required?: string[] };
  };
}

export type PackagingIntegration = Resource<PackagingIntegrationSpec, Record<string, never>>;

// ---------------------------------------------------------------------------------------------
// Deployment and routes

export interface ModelDeploymentSpec {
  image: string;
  predictor: string;
  resources?: ResourceRequirements;
  annotations?: Record<string, string>;
  nodeSelector?: Record<string, string>;
  minReplicas?: number;
  maxReplicas?: number;
  livenessProbeInitialDelay?: number;
  readinessProbeInitialDelay?: number;
  roleName?: string;
  imagePullConnID?: string;
}

/** Capitalised, unlike trainings. `Failed` is in the enum but the 1.6 controller never sets it. */
export const DEPLOYMENT_STATES = ['Processing', 'Ready', 'Failed', 'Deleting'] as const;
export type DeploymentState = (typeof DEPLOYMENT_STATES)[number];

export interface ModelDeploymentStatus {
  state?: DeploymentState;
  deployment?: string;
  hostHeader?: string;
  availableReplicas: number;
  replicas: number;
  lastUpdatedTime?: string;
  modelName?: string;
  modelVersion?: string;
}

export type ModelDeployment = Resource<ModelDeploymentSpec, ModelDeploymentStatus>;

export interface ModelDeploymentTarget {
  mdName: string;
  weight?: number;
}

export interface ModelRouteSpec {
  urlPrefix: string;
  mirror?: string;
  modelDeployments: ModelDeploymentTarget[];
}

export interface ModelRouteStatus {
  edgeUrl: string;
  state: '' | 'Processing' | 'Ready';
}

export interface ModelRoute extends Resource<ModelRouteSpec, ModelRouteStatus> {
  /** Set on the route the server creates with each deployment; such routes cannot be changed. */
  default?: boolean;
}

export interface DeploymentEvent {
  entityID: string;
  payload: ModelDeployment;
  type: string;
  datetime: string;
}

export interface RouteEvent {
  entityID: string;
  payload: ModelRoute;
  type: string;
  datetime: string;
}

export interface LatestEvents<E> {
  events: E[] | null;
  cursor: number;
}

// ---------------------------------------------------------------------------------------------
// Connections

export const CONNECTION_TYPES = ['s3', 'gcs', 'azureblob', 'git', 'docker', 'ecr'] as const;
export type ConnectionType = (typeof CONNECTION_TYPES)[number];

/** The fields the API takes base64-encoded and masks (`*****`) in its answers, except publicKey. */
export const CONNECTION_SECRET_FIELDS = ['password', 'keySecret', 'keyID', 'publicKey'] as const;
export type ConnectionSecretField = (typeof CONNECTION_SECRET_FIELDS)[number];

export interface ConnectionSpec {
  type: ConnectionType;
  uri: string;
  region?: string;
  username?: string;
  password?: string;
  role?: string;
  keyID?: string;
  keySecret?: string;
  publicKey?: string;
  reference?: string;
  description?: string;
  webUILink?: string;
  vital?: boolean;
}

export interface ConnectionStatus {
  secretName?: string;
  serviceAccount?: string;
}

export type Connection = Resource<ConnectionSpec, ConnectionStatus>;

// ---------------------------------------------------------------------------------------------
// Batch inference

export interface ConnectionReference {
  connection?: string;
  path?: string;
}

export interface InferenceServiceSpec {
  image: string;
  command: string[];
  /** Always emitted; null when absent. */
  args?: string[] | null;
  modelRegistry?: {
    remote?: { modelConnection?: string; modelPath?: string };
    local?: { meta?: { name?: string; version?: string }; modelPath?: string };
  };
  dataSource?: ConnectionReference;
  outputDestination?: ConnectionReference;
  triggers?: { webhook?: { enabled?: boolean } };
  nodeSelector?: Record<string, string>;
  resources?: ResourceRequirements;
}

export type InferenceService = Resource<InferenceServiceSpec, Record<string, never>>;

export interface InferenceJobSpec {
  inferenceServiceId: string;
  dataSource?: ConnectionReference | null;
  outputDestination?: ConnectionReference | null;
  nodeSelector?: Record<string, string> | null;
  resources?: ResourceRequirements | null;
  requestId?: string;
}

export type InferenceJobState = '' | 'scheduling' | 'running' | 'succeeded' | 'failed' | 'unknown';

export interface InferenceJobStatus {
  state: InferenceJobState;
  message: string;
  reason: string;
  podName: string;
}

export type InferenceJob = Resource<InferenceJobSpec, InferenceJobStatus>;

// ---------------------------------------------------------------------------------------------
// Users, configuration, model server

export interface UserInfo {
  email: string;
  username: string;
}

/** `GET /api/v1/configuration`: only the keys the actions read are typed; the rest pass through. */
export interface OdahuConfiguration {
  common?: { version?: string; externalUrls?: { name: string; url: string; imageUrl?: string }[] };
  deployment?: {
    edge?: { host?: string };
    /** Every custom ModelRoute's urlPrefix starts with it (`/custom` by default). */
    customRoutePrefix?: string;
    enabled?: boolean;
    defaultResources?: ResourceRequirements;
    defaultDockerPullConnName?: string;
  };
  training?: { outputConnectionID?: string; enabled?: boolean; defaultResources?: ResourceRequirements };
  packaging?: { outputConnectionID?: string; enabled?: boolean; defaultResources?: ResourceRequirements };
  [key: string]: unknown;
}

/** Body of `POST <model>/api/model/invoke` on odahu-ml-server. */
export interface PredictionRequest {
  columns?: string[];
  data: unknown[][];
}

export interface PredictionResponse {
  prediction: unknown[];
  columns: string[];
}

/** `GET <model>/api/model/info`: a Swagger 2.0 document whose info names the model. */
export interface ModelInfoDocument {
  swagger: string;
  info: { title: string; version: string; [key: string]: unknown };
  paths: Record<string, unknown>;
  [key: string]: unknown;
}
