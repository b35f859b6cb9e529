// A cluster for the API rules' tests: the configuration of a fresh install, its integrations (the
// mlflow toolchain, the docker-rest and docker-cli packagers with their target and argument schemas)
// and its connections (models-output, docker-ci), plus whatever a test adds.

import type { ClusterConfig, ClusterView } from '../src/emulator/cluster.js';
import type {
  ArgumentProperty,
  Connection,
  ConnectionSpec,
  InferenceService,
  ModelDeployment,
  PackagingIntegration,
  ToolchainIntegration,
} from '../src/shared/odahu/types.js';

export const CONFIG: ClusterConfig = {
  edgeHost: 'http://127.0.0.1:8765',
  customRoutePrefix: '/custom',
  defaultDockerPullConnName: '',
  training: {
    outputConnectionID: 'models-output',
    defaultResources: {
      requests: { cpu: '125m', memory: '128Mi' },
      limits: { cpu: '250m', memory: '256Mi' },
    },
    nodePools: [{ nodeSelector: { mode: 'odahu-flow-training' }, tags: ['cpu'] }],
    gpuNodePools: [{ nodeSelector: { mode: 'odahu-flow-training-gpu' }, tags: ['gpu'] }],
  },
  packaging: {
    outputConnectionID: 'models-output',
    defaultResources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '2', memory: '2Gi' } },
    nodePools: [{ nodeSelector: { mode: 'odahu-flow-packaging' }, tags: [] }],
  },
  deployment: {
    defaultResources: {
      requests: { cpu: '125m', memory: '128Mi' },
      limits: { cpu: '250m', memory: '256Mi' },
    },
    nodePools: [{ nodeSelector: { mode: 'odahu-flow-deployment' }, tags: [] }],
  },
};

export const MLFLOW: ToolchainIntegration = {
  id: 'mlflow',
  spec: {
    entrypoint: '/opt/conda/bin/odahu-flow-mlflow-runner',
    defaultImage: 'odahu/mlflow-toolchain:1.6.1',
  },
  status: {},
};

const property = (name: string, type: string, defaultValue?: unknown): ArgumentProperty => ({
  name,
  parameters: [
    { name: 'description', value: `The ${name} argument.` },
    { name: 'type', value: type },
    ...(defaultValue === undefined ? [] : [{ name: 'default', value: defaultValue }]),
  ],
});

export const DOCKER_REST: PackagingIntegration = {
  id: 'docker-rest',
  spec: {
    entrypoint: '/usr/local/bin/odahu-flow-pack-to-flask',
    defaultImage: 'odahu/odahu-flow-packagers:1.6.1',
    privileged: true,
    schema: {
      targets: [
        { name: 'docker-push', connectionTypes: ['docker', 'ecr'], default: '', required: true },
        { name: 'docker-pull', connectionTypes: ['docker', 'ecr'], default: '', required: false },
      ],
      arguments: {
        properties: [
          property('dockerfileAddCondaInstallation', 'boolean', true),
          property('dockerfileBaseImage', 'string', 'odahu/docker-packager-base:1.6.1'),
          property('host', 'string', '0.0.0.0'),
          property('port', 'integer', 5000),
          property('timeout', 'integer', 60),
          property('imageName', 'string', '{{ Name }}-{{ Version }}:{{ RandomUUID }}'),
        ],
      },
    },
  },
  status: {},
};

export const DOCKER_CLI: PackagingIntegration = {
  id: 'docker-cli',
  spec: {
    entrypoint: '/usr/local/bin/odahu-flow-pack-to-cli',
    defaultImage: 'odahu/odahu-flow-packagers:1.6.1',
    privileged: true,
    schema: {
      targets: [
        { name: 'docker-push', connectionTypes: ['docker', 'ecr'], default: 'docker-ci', required: true },
        {
          name: 'docker-pull',
          connectionTypes: ['docker', 'ecr'],
          default: 'odahuflow-docker-repository',
          required: false,
        },
      ],
      arguments: { properties: [property('dockerfileBaseImage', 'string'), property('imageName', 'string')] },
    },
  },
  status: {},
};

export function connection(
  id: string,
  spec: Partial<ConnectionSpec> & Pick<ConnectionSpec, 'type'>,
): Connection {
  return { id, spec: { uri: `${spec.type}://${id}`, ...spec }, status: {} };
}

export const MODELS_OUTPUT = connection('models-output', {
  type: 'gcs',
  uri: 'gs://odahu-models/output',
  region: 'odahu-project',
  keySecret: '{"type": "service_account"}',
});
export const DOCKER_CI = connection('docker-ci', {
  type: 'docker',
  uri: 'registry.odahu.local/odahu',
  username: 'ci',
  password: 'secret',
});

export function deployment(id: string): ModelDeployment {
  return {
    id,
    spec: { image: `registry.odahu.local/${id}:1`, predictor: 'odahu-ml-server' },
    status: { availableReplicas: 0, replicas: 0 },
  };
}

export interface ClusterContents {
  config?: ClusterConfig;
  connections?: Connection[];
  toolchains?: ToolchainIntegration[];
  packagingIntegrations?: PackagingIntegration[];
  deployments?: ModelDeployment[];
  inferenceServices?: InferenceService[];
}

/** The fresh cluster plus `extra` (objects with the same id replace the defaults). */
export function cluster(extra: ClusterContents = {}): ClusterView {
  const byId = <T extends { id: string }>(items: T[]) => new Map(items.map((item) => [item.id, item]));
  const connections = byId([MODELS_OUTPUT, DOCKER_CI, ...(extra.connections ?? [])]);
  const toolchains = byId([MLFLOW, ...(extra.toolchains ?? [])]);
  const integrations = byId([DOCKER_REST, DOCKER_CLI, ...(extra.packagingIntegrations ?? [])]);
  const deployments = byId(extra.deployments ?? []);
  const services = byId(extra.inferenceServices ?? []);
  return {
    config: extra.config ?? CONFIG,
    connection: (id) => connections.get(id),
    toolchain: (id) => toolchains.get(id),
    packagingIntegration: (id) => integrations.get(id),
    deployment: (id) => deployments.get(id),
    inferenceService: (id) => services.get(id),
  };
}

/** The configuration with some sections replaced. */
export function configWith(changes: Partial<ClusterConfig>): ClusterConfig {
  return { ...CONFIG, ...changes };
}
