// Trainings and toolchain integrations: the server's checks, their order, messages and defaults.

import { ApiFailure } from '../src/emulator/cluster.js';
import type { ClusterView } from '../src/emulator/cluster.js';
import { prepareModelTraining, prepareToolchainIntegration } from '../src/emulator/rules/index.js';
import type { DecodedBody } from '../src/emulator/rules/index.js';
import { CONFIG, cluster, configWith, connection } from './emulator-rules-fixture.js';

const LABEL_PATTERN = '^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$';
const PREFIX = 'Validation of model training is failed: ';

const connections = [
  connection('wine-git', {
    type: 'git',
    uri: 'git@github.com:odahu/odahu-examples.git',
    reference: 'develop',
  }),
  connection('plain-git', { type: 'git', uri: 'git@github.com:odahu/plain.git' }),
  connection('wine-data', { type: 's3', uri: 's3://wine/data', region: 'eu' }),
];
const view = cluster({ connections });

function training(spec: Record<string, unknown>, id = 'wine'): DecodedBody {
  return {
    id,
    spec: {
      model: { name: 'wine', version: '1.0' },
      toolchain: 'mlflow',
      algorithmSource: { vcs: { connection: 'wine-git' } },
      ...spec,
    },
  };
}

function refusal(body: DecodedBody, on: ClusterView = view): string {
  try {
    prepareModelTraining(body, on, { create: true });
  } catch (error) {
    if (error instanceof ApiFailure && error.status === 400) return error.message;
    throw error;
  }
  throw new Error('the training was accepted');
}

describe('prepareModelTraining', () => {
  it("gives the reference's combined message for an empty spec", () => {
    expect(refusal({ id: 'wine', spec: {} })).toBe(
      `${PREFIX}empty model.name; empty model.version; both VCS and ObjectStorage names are empty; empty toolchain parameter`,
    );
  });

  it('applies the defaults: template, resources, workDir, VCS reference, image, output connection', () => {
    const prepared = prepareModelTraining(training({ entrypoint: 'main' }), view, { create: true });
    expect(prepared).toEqual({
      id: 'wine',
      spec: {
        model: {
          name: 'wine',
          version: '1.0',
          artifactNameTemplate: '{{ .Name }}-{{ .Version }}-{{ .RandomUUID }}.zip',
        },
        toolchain: 'mlflow',
        entrypoint: 'main',
        image: 'odahu/mlflow-toolchain:1.6.1',
        workDir: './',
        outputConnection: 'models-output',
        resources: { requests: { cpu: '125m', memory: '128Mi' }, limits: { cpu: '250m', memory: '256Mi' } },
        algorithmSource: { vcs: { connection: 'wine-git', reference: 'develop' }, objectStorage: {} },
      },
    });
    expect(prepared.spec.resources).not.toBe(CONFIG.training.defaultResources);
  });

  it('keeps what was given over the defaults', () => {
    const spec = prepareModelTraining(
      training({
        image: 'my/image',
        workDir: 'src',
        outputConnection: 'wine-data',
        algorithmSource: { vcs: { connection: 'wine-git', reference: 'main' } },
        resources: { limits: { cpu: '1' } },
        model: { name: 'wine', version: '1.0', artifactNameTemplate: 'wine.zip' },
      }),
      view,
      { create: true },
    ).spec;
    expect(spec).toMatchObject({
      image: 'my/image',
      workDir: 'src',
      outputConnection: 'wine-data',
      resources: { limits: { cpu: '1' } },
      model: { artifactNameTemplate: 'wine.zip' },
      algorithmSource: { vcs: { reference: 'main' } },
      entrypoint: '',
    });
  });

  it.each<[string, Record<string, unknown>, string, string?]>([
    ['an upper-case id', {}, 'ID is not valid', 'Wine'],
    ['an empty id', {}, 'ID is not valid; empty "ID"', ''],
    ['an id ending in a dash', {}, 'ID is not valid', 'wine-'],
    [
      'a name that is no label',
      { model: { name: 'wine model', version: '1.0' } },
      `invalid training name: wine model must be valid Kubernetes label, i.e. match this pattern: ${LABEL_PATTERN}`,
    ],
    [
      'a version that is no label',
      { model: { name: 'wine', version: '1.0-' } },
      `invalid training version: 1.0- must be valid Kubernetes label, i.e. match this pattern: ${LABEL_PATTERN}`,
    ],
    [
      'both algorithm sources',
      { algorithmSource: { vcs: { connection: 'wine-git' }, objectStorage: { connection: 'wine-data' } } },
      'both VCS and ObjectStorage names are specified, must be only one',
    ],
    [
      'a missing VCS connection',
      { algorithmSource: { vcs: { connection: 'nope' } } },
      'entity "nope" is not found',
    ],
    [
      'a VCS connection that is not git',
      { algorithmSource: { vcs: { connection: 'wine-data' } } },
      'VCS connection must have the GIT type. You pass the connection of s3 type',
    ],
    [
      'an object storage connection of the wrong type',
      { algorithmSource: { objectStorage: { connection: 'docker-ci' } } },
      'docker-ci object storage has wrong data type. Currently supported the following types of connections for object storage: [s3 gcs azureblob]',
    ],
    [
      'a missing object storage connection',
      { algorithmSource: { objectStorage: { connection: 'nope' } } },
      'entity "nope" is not found',
    ],
    [
      'an empty data binding',
      { data: [{}] },
      'you should specify local path for 0 number of data binding; you should specify connection name for 0 number of data binding',
    ],
    [
      'data bindings with a missing and a wrong connection',
      {
        data: [
          { connection: 'wine-data', localPath: 'data' },
          { connection: 'nope', localPath: 'a' },
          { connection: 'docker-ci', localPath: 'b' },
        ],
      },
      'entity "nope" is not found; docker-ci data binding has wrong data type. Currently supported the following types of connections for data bindings: [s3 gcs azureblob]',
    ],
    ['a missing toolchain', { toolchain: 'tensorflow' }, 'entity "tensorflow" is not found'],
    [
      'a toolchain that is no label and does not exist',
      { toolchain: 'ml flow' },
      `invalid training toolchain: ml flow must be valid Kubernetes label, i.e. match this pattern: ${LABEL_PATTERN}; entity "ml flow" is not found`,
    ],
    [
      'a missing output connection',
      { outputConnection: 'nope' },
      '"Spec."OutputConnection"" validation errors: entity "nope" is not found',
    ],
    [
      'an unknown node selector',
      { nodeSelector: { mode: 'gpu', zone: 'a' } },
      'node selector map[mode:gpu zone:a] is not presented in ODAHU config',
    ],
    [
      'a CPU node pool asked for with a GPU',
      { nodeSelector: { mode: 'odahu-flow-training' }, resources: { limits: { gpu: '1' } } },
      'node selector map[mode:odahu-flow-training] is not presented in ODAHU config',
    ],
    [
      'a quantity that does not parse (reported twice, as the server does)',
      { resources: { requests: { cpu: 'one' } } },
      "validation of cpu request is failed: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'; " +
        "validation of cpu request is failed: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    ],
    [
      'a request above its limit',
      { resources: { requests: { cpu: '2' }, limits: { cpu: '1' } } },
      'resources.requests: Invalid value: "2": must be less than or equal to cpu limit',
    ],
  ])('refuses %s', (_what, spec, message, id = 'wine') => {
    expect(refusal(training(spec, id))).toBe(PREFIX + message);
  });

  it('checks everything, in order, before refusing', () => {
    const body: DecodedBody = {
      id: 'Wine',
      spec: {
        model: { name: '', version: 'v 1' },
        algorithmSource: { vcs: { connection: 'nope' } },
        data: [{ connection: 'wine-data' }],
        toolchain: 'tensorflow',
        outputConnection: 'gone',
        nodeSelector: { a: 'b' },
        resources: { requests: { memory: '2Gi' }, limits: { memory: '1Gi' } },
      },
    };
    expect(refusal(body)).toBe(
      PREFIX +
        [
          'ID is not valid',
          'empty model.name',
          `invalid training version: v 1 must be valid Kubernetes label, i.e. match this pattern: ${LABEL_PATTERN}`,
          'entity "nope" is not found',
          'you should specify local path for 0 number of data binding',
          'entity "tensorflow" is not found',
          '"Spec."OutputConnection"" validation errors: entity "gone" is not found',
          'node selector map[a:b] is not presented in ODAHU config',
          'resources.requests: Invalid value: "2Gi": must be less than or equal to memory limit',
        ].join('; '),
    );
  });

  it('needs an output connection when none is configured', () => {
    const noDefault = cluster({
      connections,
      config: configWith({ training: { ...CONFIG.training, outputConnectionID: '' } }),
    });
    expect(refusal(training({}), noDefault)).toBe(
      `${PREFIX}"Spec."OutputConnection"" validation errors: empty "OutputConnection"`,
    );
  });

  it('accepts a configured node pool, the GPU pools when a GPU is asked for', () => {
    expect(() =>
      prepareModelTraining(training({ nodeSelector: { mode: 'odahu-flow-training' } }), view, {
        create: true,
      }),
    ).not.toThrow();
    expect(() =>
      prepareModelTraining(
        training({
          nodeSelector: { mode: 'odahu-flow-training-gpu' },
          resources: { requests: { gpu: '1' } },
        }),
        view,
        { create: true },
      ),
    ).not.toThrow();
  });

  it('lets a pool key with an empty value match a selector without that key (the server compares so)', () => {
    const pools = [{ nodeSelector: { pool: '' }, tags: [] }];
    const quirky = cluster({
      connections,
      config: configWith({ training: { ...CONFIG.training, nodePools: pools } }),
    });
    expect(() =>
      prepareModelTraining(training({ nodeSelector: { other: 'x' } }), quirky, { create: true }),
    ).not.toThrow();
  });

  it('uses a git connection without reference as it is, and any connection when a reference is given', () => {
    const plain = prepareModelTraining(
      training({ algorithmSource: { vcs: { connection: 'plain-git' } } }),
      view,
      {
        create: true,
      },
    );
    expect(plain.spec.algorithmSource).toEqual({ vcs: { connection: 'plain-git' }, objectStorage: {} });
    const s3 = prepareModelTraining(
      training({ algorithmSource: { vcs: { connection: 'wine-data', reference: 'x' } } }),
      view,
      { create: true },
    );
    expect(s3.spec.algorithmSource?.vcs).toEqual({ connection: 'wine-data', reference: 'x' });
  });

  it('accepts an object storage source', () => {
    const prepared = prepareModelTraining(
      training({ algorithmSource: { objectStorage: { connection: 'wine-data', path: 'code/' } } }),
      view,
      { create: true },
    );
    expect(prepared.spec.algorithmSource).toEqual({
      vcs: {},
      objectStorage: { connection: 'wine-data', path: 'code/' },
    });
  });
});

describe('prepareToolchainIntegration', () => {
  it.each<[DecodedBody, string]>([
    [{ id: '', spec: {} }, 'ID is not valid; empty "ID"; empty entrypoint; empty defaultImage'],
    [{ id: 'tf', spec: { entrypoint: '/run' } }, 'empty defaultImage'],
    [{ id: 'TF', spec: { entrypoint: '/run', defaultImage: 'tf:1' } }, 'ID is not valid'],
  ])('refuses %j', (body, message) => {
    expect(() => prepareToolchainIntegration(body, view, { create: true })).toThrow(
      new ApiFailure(400, `Validation of toolchain integration is failed: ${message}`),
    );
  });

  it('accepts a complete integration as it is', () => {
    const spec = { entrypoint: '/run', defaultImage: 'tf:1', additionalEnvironments: { A: 'b' } };
    expect(prepareToolchainIntegration({ id: 'tf', spec }, view, { create: false })).toEqual({
      id: 'tf',
      spec,
    });
  });
});
