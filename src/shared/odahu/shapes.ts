// What each kind's JSON looks like to the Odahu server: field names, JSON types and the Go types the
// server decodes them into. Read by the manifest loader (shape errors, unknown-field warnings, YAML
// scalars turned into the string a string field needs) and by the emulator (Go encoding/json errors,
// e.g. `json: cannot unmarshal number into Go struct field ModelIdentity.spec.model.version of type string`).

import type { KindName } from './kinds.js';

export type Shape =
  | { t: 'string' }
  | { t: 'int'; go: 'int' | 'int32' | 'int64' }
  | { t: 'bool' }
  /** interface{}: any JSON value. */
  | { t: 'any' }
  | { t: 'object'; go: string; fields: Readonly<Record<string, Shape>> }
  | { t: 'array'; of: Shape }
  | { t: 'map'; of: Shape };

const str: Shape = { t: 'string' };
const int32: Shape = { t: 'int', go: 'int32' };
const bool: Shape = { t: 'bool' };
const any: Shape = { t: 'any' };
const obj = (go: string, fields: Record<string, Shape>): Shape => ({ t: 'object', go, fields });
const arr = (of: Shape): Shape => ({ t: 'array', of });
const map = (of: Shape): Shape => ({ t: 'map', of });

const stringMap = map(str);
const resourceList = obj('ResourceList', { cpu: str, memory: str, gpu: str });
const resources = obj('ResourceRequirements', { limits: resourceList, requests: resourceList });
const envs = arr(obj('EnvironmentVariable', { name: str, value: str }));
const connectionReference = obj('ConnectionReference', { connection: str, path: str });

/** The envelope every kind shares; `spec` and `status` differ. */
function resource(go: string, spec: Shape, status: Shape, extra: Record<string, Shape> = {}): Shape {
  return obj(go, { id: str, createdAt: str, updatedAt: str, deletionMark: bool, spec, status, ...extra });
}

export const KIND_SHAPES: Readonly<Record<KindName, Shape>> = {
  ModelTraining: resource(
    'ModelTraining',
    obj('ModelTrainingSpec', {
      model: obj('ModelIdentity', { name: str, version: str, artifactNameTemplate: str }),
      toolchain: str,
      image: str,
      entrypoint: str,
      args: arr(str),
      data: arr(obj('DataBindingDir', { connection: str, localPath: str, remotePath: str })),
      envs,
      hyperParameters: stringMap,
      resources,
      workDir: str,
      outputConnection: str,
      nodeSelector: stringMap,
      algorithmSource: obj('AlgorithmSource', {
        vcs: obj('VCS', { connection: str, reference: str }),
        objectStorage: obj('ObjectStorage', { connection: str, path: str }),
      }),
    }),
    obj('ModelTrainingStatus', {
      podName: str,
      state: str,
      exitCode: int32,
      reason: str,
      message: str,
      artifacts: arr(obj('TrainingResult', { runId: str, artifactName: str, commitID: str })),
    }),
  ),
  ToolchainIntegration: resource(
    'ToolchainIntegration',
    obj('ToolchainIntegrationSpec', {
      entrypoint: str,
      defaultImage: str,
      additionalEnvironments: stringMap,
    }),
    obj('ToolchainIntegrationStatus', {}),
  ),
  ModelPackaging: resource(
    'ModelPackaging',
    obj('ModelPackagingSpec', {
      artifactName: str,
      integrationName: str,
      image: str,
      arguments: map(any),
      targets: arr(obj('Target', { name: str, connectionName: str })),
      resources,
      outputConnection: str,
      nodeSelector: stringMap,
    }),
    obj('ModelPackagingStatus', {
      podName: str,
      state: str,
      exitCode: int32,
      reason: str,
      message: str,
      results: arr(obj('ModelPackagingResult', { name: str, value: str })),
    }),
  ),
  PackagingIntegration: resource(
    'PackagingIntegration',
    obj('PackagingIntegrationSpec', {
      entrypoint: str,
      defaultImage: str,
      privileged: bool,
      schema: obj('Schema', {
        targets: arr(
          obj('TargetSchema', { name: str, connectionTypes: arr(str), default: str, required: bool }),
        ),
        arguments: obj('JsonSchema', {
          properties: arr(
            obj('Property', { name: str, parameters: arr(obj('Parameter', { name: str, value: any })) }),
          ),
          required: arr(str),
        }),
      }),
    }),
    obj('PackagingIntegrationStatus', {}),
  ),
  ModelDeployment: resource(
    'ModelDeployment',
    obj('ModelDeploymentSpec', {
      image: str,
      predictor: str,
      resources,
      annotations: stringMap,
      minReplicas: int32,
      maxReplicas: int32,
      livenessProbeInitialDelay: int32,
      readinessProbeInitialDelay: int32,
      roleName: str,
      imagePullConnID: str,
      nodeSelector: stringMap,
    }),
    obj('ModelDeploymentStatus', {
      state: str,
      deployment: str,
      hostHeader: str,
      availableReplicas: int32,
      replicas: int32,
      lastUpdatedTime: str,
      modelName: str,
      modelVersion: str,
    }),
  ),
  ModelRoute: resource(
    'ModelRoute',
    obj('ModelRouteSpec', {
      urlPrefix: str,
      mirror: str,
      modelDeployments: arr(obj('ModelDeploymentTarget', { mdName: str, weight: int32 })),
    }),
    obj('ModelRouteStatus', { edgeUrl: str, state: str }),
    { default: bool },
  ),
  Connection: resource(
    'Connection',
    obj('ConnectionSpec', {
      type: str,
      uri: str,
      region: str,
      role: str,
      keyID: str,
      keySecret: str,
      username: str,
      password: str,
      publicKey: str,
      reference: str,
      description: str,
      webUILink: str,
      vital: bool,
    }),
    obj('ConnectionStatus', { secretName: str, serviceAccount: str }),
  ),
  InferenceService: resource(
    'InferenceService',
    obj('InferenceServiceSpec', {
      image: str,
      command: arr(str),
      args: arr(str),
      modelRegistry: obj('ModelSource', {
        remote: obj('RemoteModelSource', { modelConnection: str, modelPath: str }),
        local: obj('LocalModelSource', {
          meta: obj('ModelMeta', { name: str, version: str }),
          modelPath: str,
        }),
      }),
      dataSource: connectionReference,
      outputDestination: connectionReference,
      triggers: obj('InferenceServiceTriggers', {
        webhook: obj('PredictorWebhookTrigger', { enabled: bool }),
      }),
      nodeSelector: stringMap,
      resources,
    }),
    obj('InferenceServiceStatus', {}),
  ),
  InferenceJob: resource(
    'InferenceJob',
    obj('InferenceJobSpec', {
      inferenceServiceId: str,
      dataSource: connectionReference,
      outputDestination: connectionReference,
      nodeSelector: stringMap,
      resources,
      requestId: str,
    }),
    obj('InferenceJobStatus', { state: str, message: str, reason: str, podName: str }),
  ),
};
