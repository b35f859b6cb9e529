// The Odahu SDK's model classes (odahuflow.sdk.models, Odahu-flow 1.6.1) as DAGs construct them:
// for each class, each Python keyword argument and the API's field name it is sent as (the SDK's
// attribute maps), with the class a nested field holds when it is a model itself. A DAG's
// `ModelTrainingSpec(work_dir=...)` becomes `workDir` from this table, never by guessing camelCase.
// Read off the SDK's generated models; status classes and server-set times are left out (a manifest
// never sends them).

export interface SdkField {
  /** The API's name. */
  api: string;
  /** The model class the field holds (one, or a list or a dict of them); undefined for plain values. */
  model?: string;
}

export type SdkClass = Record<string, SdkField>;

export const SDK_CLASSES: Record<string, SdkClass> = {
  ModelTraining: {
    id: { api: 'id' },
    spec: { api: 'spec', model: 'ModelTrainingSpec' },
  },
  ModelTrainingSpec: {
    algorithm_source: { api: 'algorithmSource', model: 'AlgorithmSource' },
    args: { api: 'args' },
    data: { api: 'data', model: 'DataBindingDir' },
    entrypoint: { api: 'entrypoint' },
    envs: { api: 'envs', model: 'EnvironmentVariable' },
    hyper_parameters: { api: 'hyperParameters' },
    image: { api: 'image' },
    model: { api: 'model', model: 'ModelIdentity' },
    node_selector: { api: 'nodeSelector' },
    output_connection: { api: 'outputConnection' },
    resources: { api: 'resources', model: 'ResourceRequirements' },
    toolchain: { api: 'toolchain' },
    work_dir: { api: 'workDir' },
  },
  ModelIdentity: {
    artifact_name_template: { api: 'artifactNameTemplate' },
    name: { api: 'name' },
    version: { api: 'version' },
  },
  DataBindingDir: {
    connection: { api: 'connection' },
    local_path: { api: 'localPath' },
    remote_path: { api: 'remotePath' },
  },
  AlgorithmSource: {
    object_storage: { api: 'objectStorage', model: 'ObjectStorage' },
    vcs: { api: 'vcs', model: 'VCS' },
  },
  VCS: {
    connection: { api: 'connection' },
    reference: { api: 'reference' },
  },
  ObjectStorage: {
    connection: { api: 'connection' },
    path: { api: 'path' },
  },
  EnvironmentVariable: {
    name: { api: 'name' },
    value: { api: 'value' },
  },
  ResourceRequirements: {
    limits: { api: 'limits', model: 'ResourceList' },
    requests: { api: 'requests', model: 'ResourceList' },
  },
  ResourceList: {
    cpu: { api: 'cpu' },
    gpu: { api: 'gpu' },
    memory: { api: 'memory' },
  },
  ModelPackaging: {
    id: { api: 'id' },
    spec: { api: 'spec', model: 'ModelPackagingSpec' },
  },
  ModelPackagingSpec: {
    arguments: { api: 'arguments' },
    artifact_name: { api: 'artifactName' },
    image: { api: 'image' },
    integration_name: { api: 'integrationName' },
    node_selector: { api: 'nodeSelector' },
    output_connection: { api: 'outputConnection' },
    resources: { api: 'resources', model: 'ResourceRequirements' },
    targets: { api: 'targets', model: 'Target' },
  },
  Target: {
    connection_name: { api: 'connectionName' },
    name: { api: 'name' },
  },
  Parameter: {
    name: { api: 'name' },
    value: { api: 'value' },
  },
  ModelDeployment: {
    id: { api: 'id' },
    spec: { api: 'spec', model: 'ModelDeploymentSpec' },
  },
  ModelDeploymentSpec: {
    annotations: { api: 'annotations' },
    image: { api: 'image' },
    image_pull_conn_id: { api: 'imagePullConnID' },
    liveness_probe_initial_delay: { api: 'livenessProbeInitialDelay' },
    max_replicas: { api: 'maxReplicas' },
    min_replicas: { api: 'minReplicas' },
    node_selector: { api: 'nodeSelector' },
    predictor: { api: 'predictor' },
    readiness_probe_initial_delay: { api: 'readinessProbeInitialDelay' },
    resources: { api: 'resources', model: 'ResourceRequirements' },
    role_name: { api: 'roleName' },
  },
  ModelRoute: {
    default: { api: 'default' },
    id: { api: 'id' },
    spec: { api: 'spec', model: 'ModelRouteSpec' },
  },
  ModelRouteSpec: {
    mirror: { api: 'mirror' },
    model_deployments: { api: 'modelDeployments', model: 'ModelDeploymentTarget' },
    url_prefix: { api: 'urlPrefix' },
  },
  ModelDeploymentTarget: {
    md_name: { api: 'mdName' },
    weight: { api: 'weight' },
  },
  Connection: {
    id: { api: 'id' },
    spec: { api: 'spec', model: 'ConnectionSpec' },
  },
  ConnectionSpec: {
    description: { api: 'description' },
    key_id: { api: 'keyID' },
    key_secret: { api: 'keySecret' },
    password: { api: 'password' },
    public_key: { api: 'publicKey' },
    reference: { api: 'reference' },
    region: { api: 'region' },
    role: { api: 'role' },
    type: { api: 'type' },
    uri: { api: 'uri' },
    username: { api: 'username' },
    vital: { api: 'vital' },
    web_ui_link: { api: 'webUILink' },
  },
  InferenceService: {
    id: { api: 'id' },
    spec: { api: 'spec', model: 'InferenceServiceSpec' },
  },
  InferenceServiceSpec: {
    args: { api: 'args' },
    command: { api: 'command' },
    data_source: { api: 'dataSource', model: 'ConnectionReference' },
    image: { api: 'image' },
    model_registry: { api: 'modelRegistry', model: 'ModelSource' },
    node_selector: { api: 'nodeSelector' },
    output_destination: { api: 'outputDestination', model: 'ConnectionReference' },
    resources: { api: 'resources', model: 'ResourceRequirements' },
    triggers: { api: 'triggers', model: 'InferenceServiceTriggers' },
  },
  InferenceServiceTriggers: {
    webhook: { api: 'webhook', model: 'PredictorWebhookTrigger' },
  },
  PredictorWebhookTrigger: {
    enabled: { api: 'enabled' },
  },
  ModelSource: {
    local: { api: 'local', model: 'LocalModelSource' },
    remote: { api: 'remote', model: 'RemoteModelSource' },
  },
  RemoteModelSource: {
    model_connection: { api: 'modelConnection' },
    model_path: { api: 'modelPath' },
  },
  LocalModelSource: {
    meta: { api: 'meta', model: 'ModelMeta' },
    model_path: { api: 'modelPath' },
  },
  ModelMeta: {
    name: { api: 'name' },
    version: { api: 'version' },
  },
  ConnectionReference: {
    connection: { api: 'connection' },
    path: { api: 'path' },
  },
  InferenceJob: {
    id: { api: 'id' },
    spec: { api: 'spec', model: 'InferenceJobSpec' },
  },
  InferenceJobSpec: {
    data_source: { api: 'dataSource', model: 'ConnectionReference' },
    inference_service_id: { api: 'inferenceServiceId' },
    node_selector: { api: 'nodeSelector' },
    output_destination: { api: 'outputDestination', model: 'ConnectionReference' },
    request_id: { api: 'requestId' },
    resources: { api: 'resources', model: 'ResourceRequirements' },
  },
  ToolchainIntegration: {
    id: { api: 'id' },
    spec: { api: 'spec', model: 'ToolchainIntegrationSpec' },
  },
  ToolchainIntegrationSpec: {
    additional_environments: { api: 'additionalEnvironments' },
    default_image: { api: 'defaultImage' },
    entrypoint: { api: 'entrypoint' },
  },
  PackagingIntegration: {
    id: { api: 'id' },
    spec: { api: 'spec', model: 'PackagingIntegrationSpec' },
  },
  PackagingIntegrationSpec: {
    default_image: { api: 'defaultImage' },
    entrypoint: { api: 'entrypoint' },
    privileged: { api: 'privileged' },
    schema: { api: 'schema', model: 'Schema' },
  },
  Schema: {
    arguments: { api: 'arguments' },
    targets: { api: 'targets', model: 'TargetSchema' },
  },
  TargetSchema: {
    connection_types: { api: 'connectionTypes' },
    default: { api: 'default' },
    name: { api: 'name' },
    required: { api: 'required' },
  },
};

/**
 * Keyword arguments of SDKs before 1.5 (the Airflow 1 plugin's time) that 1.5 moved, and the path
 * each has in a 1.6 manifest: a training's code repository went under algorithmSource.vcs, a data
 * binding's connName became connection.
 */
export const MOVED_FIELDS: Record<string, Record<string, string[]>> = {
  ModelTrainingSpec: {
    vcs_name: ['algorithmSource', 'vcs', 'connection'],
    reference: ['algorithmSource', 'vcs', 'reference'],
  },
  DataBindingDir: { conn_name: ['connection'] },
};

/** The manifest kind of each top-level class. */
export const KIND_OF_CLASS: Record<string, string> = {
  ModelTraining: 'ModelTraining',
  ModelPackaging: 'ModelPackaging',
  ModelDeployment: 'ModelDeployment',
  ModelRoute: 'ModelRoute',
  Connection: 'Connection',
  InferenceService: 'InferenceService',
  InferenceJob: 'InferenceJob',
  ToolchainIntegration: 'ToolchainIntegration',
  PackagingIntegration: 'PackagingIntegration',
};
