// What a freshly installed Odahu cluster already holds: the mlflow toolchain, the docker-rest and
// docker-cli packagers, and the connections the defaults point at: models-output for artifacts and
// docker-ci for images (both vital, so they cannot be deleted), and odahuflow-docker-repository, the
// registry of Odahu's own images that docker-cli's docker-pull target defaults to. The installer
// (odahu-automation) creates that one whenever it makes it the default, without `vital`.

import { ODAHU_VERSION } from './configuration.js';
import type {
  ArgumentProperty,
  Connection,
  PackagingIntegration,
  TargetSchema,
  ToolchainIntegration,
} from '../shared/odahu/types.js';

/** Where docker-ci pushes: the packagers' image results start with it. */
export const REGISTRY = 'registry.odahu.local/odahu';
/** Where Odahu's own images come from (the packagers' base images: `odahu/...` on Docker Hub). */
const ODAHU_IMAGES_REGISTRY = 'docker.io/odahu';
const ODAHU_IMAGES_CONNECTION = 'odahuflow-docker-repository';
export const DEFAULT_IMAGE_NAME = '{{ Name }}-{{ Version }}:{{ RandomUUID }}';

const property = (
  name: string,
  type: string,
  description: string,
  defaultValue?: unknown,
): ArgumentProperty => ({
  name,
  parameters: [
    { name: 'description', value: description },
    { name: 'type', value: type },
    ...(defaultValue === undefined ? [] : [{ name: 'default', value: defaultValue }]),
  ],
});

const imageName = property(
  'imageName',
  'string',
  'Name of the image to push: a fixed name, or a template over Name (model name), Version (model version) and RandomUUID.',
  DEFAULT_IMAGE_NAME,
);

const dockerTargets = (pushDefault: string, pullDefault: string): TargetSchema[] => [
  { name: 'docker-push', connectionTypes: ['docker', 'ecr'], default: pushDefault, required: true },
  { name: 'docker-pull', connectionTypes: ['docker', 'ecr'], default: pullDefault, required: false },
];

export function seedToolchains(): Omit<ToolchainIntegration, 'createdAt' | 'updatedAt'>[] {
  return [
    {
      id: 'mlflow',
      spec: {
        entrypoint: '/opt/conda/bin/odahu-flow-mlflow-runner',
        defaultImage: `odahu/odahu-flow-mlflow-toolchain:${ODAHU_VERSION}`,
      },
      status: {},
    },
  ];
}

/**
 * The packagers as an installation registers them. Their docker-push target defaults to the
 * connection the packagers' Helm chart is given (Odahu's end-to-end clusters: docker-ci), so that
 * a packaging without `targets` (as Odahu's own examples are written) pushes there; '' for none.
 */
export function seedPackagingIntegrations(
  defaultPushConnection = 'docker-ci',
): Omit<PackagingIntegration, 'createdAt' | 'updatedAt'>[] {
  const packagers = `odahu/odahu-flow-packagers:${ODAHU_VERSION}`;
  return [
    {
      id: 'docker-rest',
      spec: {
        entrypoint: '/usr/local/bin/odahu-flow-pack-to-rest',
        defaultImage: packagers,
        privileged: true,
        schema: {
          targets: dockerTargets(defaultPushConnection, ''),
          arguments: {
            properties: [
              property('dockerfileAddCondaInstallation', 'boolean', 'Install conda in the image.', true),
              property(
                'dockerfileBaseImage',
                'string',
                'Base image of the generated Dockerfile.',
                `odahu/odahu-flow-docker-packager-base:${ODAHU_VERSION}`,
              ),
              property(
                'dockerfileCondaEnvsLocation',
                'string',
                'Where conda environments live.',
                '/opt/conda/envs/',
              ),
              property('host', 'string', 'Address the model server binds.', '0.0.0.0'),
              property('port', 'integer', 'Port the model server listens on.', 5000),
              property('timeout', 'integer', 'Request timeout of the model server, in seconds.', 60),
              property('workers', 'integer', 'Worker processes of the model server.', 1),
              property('threads', 'integer', 'Threads per worker.', 4),
              imageName,
            ],
          },
        },
      },
      status: {},
    },
    {
      id: 'docker-cli',
      spec: {
        entrypoint: '/usr/local/bin/odahu-flow-pack-to-cli',
        defaultImage: packagers,
        privileged: true,
        schema: {
          targets: dockerTargets(defaultPushConnection, ODAHU_IMAGES_CONNECTION),
          arguments: {
            properties: [
              property('dockerfileBaseImage', 'string', 'Base image of the generated Dockerfile.'),
              imageName,
            ],
          },
        },
      },
      status: {},
    },
  ];
}

/** Secrets are held decoded, as the server stores them. */
export function seedConnections(): Connection[] {
  return [
    {
      id: 'models-output',
      spec: {
        type: 'gcs',
        uri: 'gs://odahu-emulator/models',
        region: 'us-central1',
        keySecret: JSON.stringify({ type: 'service_account', project_id: 'odahu-emulator' }),
        description: 'Trained model artifacts',
        webUILink: 'https://console.cloud.google.com/storage/browser/odahu-emulator/models',
        vital: true,
      },
      status: {},
    },
    {
      id: 'docker-ci',
      spec: {
        type: 'docker',
        uri: REGISTRY,
        username: 'odahu',
        password: 'emulator',
        description: 'Registry of packaged model images',
        webUILink: `https://${REGISTRY}`,
        vital: true,
      },
      status: {},
    },
    {
      // As the installer makes it: its id, type and description, no `vital`.
      id: ODAHU_IMAGES_CONNECTION,
      spec: {
        type: 'docker',
        uri: ODAHU_IMAGES_REGISTRY,
        username: 'odahu',
        password: 'emulator',
        description: 'Docker repository for ODAHU services',
      },
      status: {},
    },
  ];
}
