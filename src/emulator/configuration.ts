// The emulated server's configuration: what the API rules read (ClusterConfig) and the full document
// GET /api/v1/configuration answers (every section of the server's Config, secrets blanked where the
// server blanks them, durations in nanoseconds as Go's time.Duration marshals).

import type { ClusterConfig, NodePool } from './cluster.js';
import type { ResourceRequirements } from '../shared/odahu/types.js';

export const ODAHU_VERSION = '1.6.1';
const NAMESPACE = 'odahu-flow';
const FOUR_HOURS_NS = 4 * 3600 * 1e9;

const smallPod = (): ResourceRequirements => ({
  requests: { cpu: '125m', memory: '128Mi' },
  limits: { cpu: '250m', memory: '256Mi' },
});

const pool = (mode: string, tags: string[]): NodePool => ({ nodeSelector: { mode }, tags });

export function clusterConfig(edgeHost: string): ClusterConfig {
  return {
    edgeHost,
    customRoutePrefix: '/custom',
    defaultDockerPullConnName: 'docker-ci',
    training: {
      outputConnectionID: 'models-output',
      defaultResources: smallPod(),
      nodePools: [pool('odahu-flow-training', ['cpu'])],
      gpuNodePools: [pool('odahu-flow-training-gpu', ['gpu'])],
    },
    packaging: {
      outputConnectionID: 'models-output',
      defaultResources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '2', memory: '2Gi' } },
      nodePools: [pool('odahu-flow-packaging', ['packaging'])],
    },
    deployment: { defaultResources: smallPod(), nodePools: [pool('odahu-flow-deployment', ['deployment'])] },
  };
}

export interface PublicUrls {
  apiUrl: string;
  issuer: string;
  tokenUrl: string;
  jwksUrl: string;
}

/** The server's secrets (service credentials) are blanked in the answer, as the server does. */
const blankAuth = { apiToken: '', apiUrl: '', clientId: '', clientSecret: '', oauthOidcTokenEndpoint: '' };

/** The controller's settings the document reports as they are. */
export interface ControllerSettings {
  launchPeriodSeconds: number;
}

export function configurationDocument(
  config: ClusterConfig,
  urls: PublicUrls,
  controller: ControllerSettings,
): Record<string, unknown> {
  const edge = new URL(config.edgeHost);
  return {
    api: { backend: { type: 'config', local: { localBackendCrdPath: '' } }, port: 5000 },
    common: {
      databaseConnectionString: `postgresql://odahu@odahu-db.${NAMESPACE}-db:5432/odahu?sslmode=disable`,
      externalUrls: [
        { name: 'API Gateway', url: `${urls.apiUrl}/swagger/index.html`, imageUrl: '' },
        { name: 'Service Catalog', url: `${config.edgeHost}/service-catalog/catalog/`, imageUrl: '' },
      ],
      gracefulTimeout: 20 * 1e9,
      launchPeriod: Math.round(controller.launchPeriodSeconds * 1e9),
      oauthOidcTokenEndpoint: urls.tokenUrl,
      resourceGpuName: 'nvidia.com/gpu',
      version: ODAHU_VERSION,
    },
    users: { claims: { name: 'name', email: 'email' }, signOutUrl: `${urls.apiUrl}/oauth2/sign_out` },
    connection: {
      enabled: true,
      namespace: NAMESPACE,
      repositoryType: 'kubernetes',
      vault: { insecure: false, role: '', secretEnginePath: '', token: '', url: '' },
    },
    deployment: {
      customRoutePrefix: config.customRoutePrefix,
      defaultDockerPullConnName: config.defaultDockerPullConnName,
      defaultResources: config.deployment.defaultResources,
      edge: { host: config.edgeHost },
      enabled: true,
      istio: { namespace: 'istio-system', serviceName: 'istio-ingressgateway' },
      namespace: `${NAMESPACE}-deployment`,
      nodePools: config.deployment.nodePools,
      security: { jwks: { enabled: true, issuer: urls.issuer, url: urls.jwksUrl }, roleName: '' },
    },
    serviceCatalog: {
      auth: {
        ...blankAuth,
        apiUrl: urls.apiUrl,
        clientId: 'service-catalog',
        oauthOidcTokenEndpoint: urls.tokenUrl,
      },
      baseUrl: '/service-catalog',
      debug: false,
      edgeHost: edge.host,
      edgeURL: config.edgeHost,
      fetchTimeout: 5,
      workersCount: 4,
    },
    trainer: { auth: blankAuth, modelTrainingId: '', mtFile: 'mt.json', outputDir: 'output' },
    packager: { auth: blankAuth, modelTrainingId: '', mpFile: 'mp.json', outputDir: 'output' },
    training: {
      defaultResources: config.training.defaultResources,
      enabled: true,
      gpuNodePools: config.training.gpuNodePools,
      metricUrl: '',
      modelTrainerImage: `odahu/odahu-flow-trainer:${ODAHU_VERSION}`,
      namespace: `${NAMESPACE}-training`,
      nodePools: config.training.nodePools,
      outputConnectionID: config.training.outputConnectionID,
      serviceAccount: `${NAMESPACE}-model-trainer`,
      timeout: FOUR_HOURS_NS,
      toolchainIntegrationNamespace: NAMESPACE,
      toolchainIntegrationRepositoryType: 'postgres',
    },
    packaging: {
      defaultResources: config.packaging.defaultResources,
      enabled: true,
      modelPackagerImage: `odahu/odahu-flow-packager:${ODAHU_VERSION}`,
      namespace: `${NAMESPACE}-packaging`,
      nodePools: config.packaging.nodePools,
      outputConnectionID: config.packaging.outputConnectionID,
      packagerIntegrationNamespace: NAMESPACE,
      packagingIntegrationRepositoryType: 'postgres',
      serviceAccount: `${NAMESPACE}-model-packager`,
      timeout: FOUR_HOURS_NS,
    },
    operator: { auth: blankAuth, monitoringPort: 7777 },
    batch: {
      enabled: true,
      namespace: `${NAMESPACE}-batch`,
      nodePools: [],
      rcloneImage: 'rclone/rclone:1.55',
      serviceAccountName: `${NAMESPACE}-batch`,
      timeout: FOUR_HOURS_NS,
      toolsImage: `odahu/odahu-flow-tools:${ODAHU_VERSION}`,
      toolsSecret: '',
    },
  };
}
