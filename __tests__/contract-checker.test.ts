// Proves the contract check can fail: hand-made emulator answers that break the spec must be reported
// with the exact line, and conforming ones (including the documented deviations) must pass.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedAnswer } from '../src/emulator/options.js';
import { checkAnswer, contractAvailable, loadContract } from './helpers/swagger-contract.js';

const JSON_TYPE = 'application/json; charset=utf-8';
const T0 = '2024-05-04T10:11:12.123456Z';

function answer(
  method: string,
  route: string | undefined,
  status: number,
  body: unknown,
  contentType = JSON_TYPE,
): RecordedAnswer {
  return {
    method,
    path: route?.replace(/\{id\}/g, 'wine') ?? '/nowhere',
    route,
    status,
    contentType,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

function training(overrides: Record<string, unknown> = {}, spec: Record<string, unknown> = {}): unknown {
  return {
    id: 'wine',
    createdAt: T0,
    updatedAt: T0,
    spec: {
      model: { name: 'wine', version: '1.0', artifactNameTemplate: '{{ .Name }}-{{ .Version }}.zip' },
      toolchain: 'mlflow',
      entrypoint: 'main',
      args: ['--epochs', '3'],
      envs: [{ name: 'A', value: 'b' }],
      hyperParameters: { alpha: '1.0' },
      data: [{ connection: 'wine-data', localPath: 'data/' }],
      workDir: './',
      algorithmSource: { vcs: { connection: 'git-repo', reference: 'main' }, objectStorage: {} },
      outputConnection: 'models-output',
      image: 'odahu/mlflow-toolchain:1.6.1',
      resources: { requests: { cpu: '125m', memory: '128Mi' }, limits: { cpu: '250m', memory: '256Mi' } },
      ...spec,
    },
    status: {
      state: 'succeeded',
      podName: 'wine-pod',
      reason: 'Succeeded',
      artifacts: [{ runId: 'r1', artifactName: 'wine-1.0.zip', commitID: 'abc' }],
    },
    ...overrides,
  };
}

const connection = {
  id: 'wine-data',
  createdAt: '0001-01-01T00:00:00Z',
  updatedAt: T0,
  spec: { type: 's3', uri: 's3://bucket/data', region: 'eu', keyID: '*****', keySecret: '*****' },
  status: {},
};

const describeWithSpec = contractAvailable ? describe : describe.skip;

describeWithSpec('checkAnswer against the shared swagger.yaml', () => {
  describe('reports', () => {
    it('a property of the wrong type', () => {
      const body = training({ status: { state: 3 } });
      expect(checkAnswer(answer('GET', '/api/v1/model/training/{id}', 200, body))).toEqual([
        'GET /api/v1/model/training/{id} 200: $.status.state: expected string, got number',
      ]);
    });

    it('an unknown property, such as a typo', () => {
      const body = training({}, { imagee: 'x' });
      expect(checkAnswer(answer('POST', '/api/v1/model/training', 201, body))).toEqual([
        'POST /api/v1/model/training 201: $.spec.imagee: unknown property (not in ModelTrainingSpec)',
      ]);
    });

    it('a status the operation does not declare', () => {
      expect(checkAnswer(answer('POST', '/api/v1/model/training', 202, training()))).toEqual([
        'POST /api/v1/model/training 202: status not in the spec (it lists 201, 400)',
      ]);
      expect(checkAnswer(answer('GET', '/api/v1/configuration', 404, { message: 'x' }))).toEqual([
        'GET /api/v1/configuration 404: status not in the spec (it lists 200)',
      ]);
      // 409 is documented for creating POSTs only; batch job ids are generated.
      expect(checkAnswer(answer('POST', '/api/v1/batch/job', 409, { message: 'x' }))).toEqual([
        'POST /api/v1/batch/job 409: status not in the spec (it lists 201, 400, 404)',
      ]);
    });

    it('an HTML body, by content type or by a body that is not JSON', () => {
      const html = '<html><body>Bad Gateway</body></html>';
      expect(checkAnswer(answer('GET', '/api/v1/model/training/{id}', 200, html, 'text/html'))).toEqual([
        'GET /api/v1/model/training/{id} 200: content type "text/html", expected application/json',
      ]);
      expect(checkAnswer(answer('GET', '/api/v1/model/training/{id}', 200, html))).toEqual([
        'GET /api/v1/model/training/{id} 200: body is not JSON: "<html><body>Bad Gateway</body></html>"',
      ]);
    });

    it('wrong types inside $ref targets, maps, arrays and integers', () => {
      const body = training(
        {},
        { resources: { limits: { cpu: 1 } }, hyperParameters: { alpha: 1 }, args: ['a', 2] },
      );
      expect(checkAnswer(answer('PUT', '/api/v1/model/training', 200, body))).toEqual([
        'PUT /api/v1/model/training 200: $.spec.args[1]: expected string, got number',
        'PUT /api/v1/model/training 200: $.spec.hyperParameters.alpha: expected string, got number',
        'PUT /api/v1/model/training 200: $.spec.resources.limits.cpu: expected string, got number',
      ]);
      const deployment = {
        id: 'wine',
        spec: { image: 'i', predictor: 'odahu-ml-server', minReplicas: 1.5, maxReplicas: '2' },
        status: { availableReplicas: 0, replicas: 0 },
      };
      expect(checkAnswer(answer('GET', '/api/v1/model/deployment', 200, [deployment]))).toEqual([
        'GET /api/v1/model/deployment 200: $[0].spec.minReplicas: expected integer, got number',
        'GET /api/v1/model/deployment 200: $[0].spec.maxReplicas: expected integer, got string',
      ]);
    });

    it('an object where an array belongs, and the reverse', () => {
      expect(checkAnswer(answer('GET', '/api/v1/model/training', 200, training()))).toEqual([
        'GET /api/v1/model/training 200: $: expected array, got object',
      ]);
      expect(checkAnswer(answer('GET', '/api/v1/connection/{id}', 200, [connection]))).toEqual([
        'GET /api/v1/connection/{id} 200: $: expected object, got array',
      ]);
    });

    it('null outside the documented always-emitted fields', () => {
      const body = training({}, { image: null });
      expect(checkAnswer(answer('GET', '/api/v1/model/training/{id}', 200, body))).toEqual([
        'GET /api/v1/model/training/{id} 200: $.spec.image: expected string, got null',
      ]);
      expect(checkAnswer(answer('GET', '/api/v1/model/training', 200, null))).toEqual([
        'GET /api/v1/model/training 200: $: expected array, got null',
      ]);
    });

    it('deletionMark where the server never sets it', () => {
      const body = { ...connection, deletionMark: true };
      expect(checkAnswer(answer('GET', '/api/v1/connection/{id}', 200, body))).toEqual([
        'GET /api/v1/connection/{id} 200: $.deletionMark: unknown property (not in Connection)',
      ]);
    });

    it('an HTTPResult where the connection PUT really returns the Connection', () => {
      expect(checkAnswer(answer('PUT', '/api/v1/connection', 200, { message: 'updated' }))).toEqual([
        'PUT /api/v1/connection 200: $.message: unknown property (not in Connection)',
      ]);
    });

    it('a JSON log, and an error body that is not an HTTPResult', () => {
      expect(checkAnswer(answer('GET', '/api/v1/model/training/{id}/log', 200, 'step-setup'))).toEqual([
        'GET /api/v1/model/training/{id}/log 200: content type "application/json; charset=utf-8", expected text/plain',
      ]);
      expect(checkAnswer(answer('GET', '/api/v1/model/training/{id}', 404, { error: 'not found' }))).toEqual([
        'GET /api/v1/model/training/{id} 404: $.error: unknown property (not in HTTPResult)',
      ]);
      // Outside the spec (fault injection, server errors), a JSON body still has to be an HTTPResult.
      expect(checkAnswer(answer('GET', '/api/v1/model/training', 503, { msg: 'down' }))).toEqual([
        'GET /api/v1/model/training 503: $.msg: unknown property (not in HTTPResult)',
      ]);
    });

    it('a duration as a string, where the server emits integer nanoseconds', () => {
      expect(
        checkAnswer(answer('GET', '/api/v1/configuration', 200, { training: { timeout: '4h' } })),
      ).toEqual(['GET /api/v1/configuration 200: $.training.timeout: expected integer, got string']);
    });

    it('an API route or method the spec does not have', () => {
      expect(checkAnswer(answer('GET', '/api/v1/model/trainings', 200, []))).toEqual([
        'GET /api/v1/model/trainings 200: no such operation in the spec',
      ]);
      expect(checkAnswer(answer('PUT', '/api/v1/batch/job', 200, {}))).toEqual([
        'PUT /api/v1/batch/job 200: no such operation in the spec',
      ]);
    });
  });

  describe('passes', () => {
    it('conforming resources, lists and results', () => {
      const conforming: RecordedAnswer[] = [
        answer('GET', '/api/v1/model/training/{id}', 200, training()),
        answer('GET', '/api/v1/model/training', 200, [training(), training({ id: 'b' })]),
        answer('GET', '/api/v1/model/training', 200, []),
        answer('POST', '/api/v1/model/training', 400, { message: 'Validation of model training is failed' }),
        answer('DELETE', '/api/v1/model/training/{id}', 200, { message: 'Model training wine was deleted' }),
        answer('GET', '/api/v1/connection/{id}/decrypted', 200, connection),
        answer('GET', '/api/v1/user/info', 200, { email: 'a@b.c', username: 'a' }),
        answer('GET', '/api/v1/configuration', 200, {
          common: { version: '1.6.1', externalUrls: [{ name: 'x', url: 'http://x' }] },
          deployment: { edge: { host: 'http://127.0.0.1' }, enabled: true, nodePools: [] },
          serviceCatalog: { fetchTimeout: 5 },
        }),
        answer('GET', '/api/v1/batch/service/{id}', 200, {
          id: 'svc',
          spec: {
            image: 'i',
            command: ['run'],
            args: null,
            modelRegistry: { local: { meta: { name: 'm', version: '1' }, modelPath: '/m' } },
            triggers: { webhook: { enabled: true } },
          },
          status: {},
        }),
      ];
      for (const a of conforming) expect(checkAnswer(a)).toEqual([]);
    });

    it('the documented deviations', () => {
      const packaging = {
        id: 'wine',
        spec: { artifactName: 'a.zip', integrationName: 'docker-rest', arguments: null, targets: null },
        status: { state: 'unknown' },
        deletionMark: true,
      };
      const integration = {
        id: 'docker-rest',
        spec: {
          entrypoint: 'e',
          defaultImage: 'i',
          schema: {
            targets: null,
            arguments: {
              properties: [
                {
                  name: 'port',
                  parameters: [
                    { name: 'type', value: 'integer' },
                    { name: 'default', value: 5000 },
                    { name: 'enum', value: [true, false] },
                  ],
                },
              ],
            },
          },
        },
        status: {},
      };
      const job = {
        id: 'job-svc-abcde',
        spec: {
          inferenceServiceId: 'svc',
          dataSource: null,
          outputDestination: null,
          nodeSelector: null,
          resources: null,
          requestId: 'r',
        },
        status: { state: '', message: '', reason: '', podName: '' },
        deletionMark: true,
      };
      const route = {
        id: 'wine-12345',
        default: true,
        deletionMark: true,
        spec: { urlPrefix: '/model/wine', modelDeployments: [{ mdName: 'wine', weight: 100 }] },
        status: { edgeUrl: '', state: '' },
      };
      const documented: RecordedAnswer[] = [
        answer('DELETE', '/api/v1/model/packaging/{id}', 200, {
          message: 'Model packaging wine was deleted',
        }),
        answer('GET', '/api/v1/model/packaging/{id}', 200, packaging),
        answer('GET', '/api/v1/packaging/integration/{id}', 200, integration),
        answer('GET', '/api/v1/batch/job/{id}', 200, job),
        answer('GET', '/api/v1/model/route/{id}', 200, route),
        answer('GET', '/api/v1/model/deployment-events', 200, { events: null, cursor: 0 }),
        answer('GET', '/api/v1/model/route-events', 200, {
          events: [{ entityID: 'wine-12345', type: 'ModelRouteCreated', datetime: T0, payload: route }],
          cursor: 3,
        }),
        answer('GET', '/api/v1/model/route-events', 200, {
          events: [
            {
              entityID: 'wine-12345',
              type: 'ModelRouteDeleted',
              datetime: T0,
              payload: {
                id: '',
                createdAt: '0001-01-01T00:00:00Z',
                updatedAt: '0001-01-01T00:00:00Z',
                spec: { urlPrefix: '', modelDeployments: null },
                status: { edgeUrl: '', state: '' },
              },
            },
          ],
          cursor: 4,
        }),
        answer('PUT', '/api/v1/connection', 200, connection),
        answer('GET', '/api/v1/connection', 200, null),
        answer('POST', '/api/v1/connection', 409, { message: 'entity "wine-data" already exists' }),
        answer('GET', '/api/v1/model/training/{id}/log', 200, 'step-setup\n', 'text/plain; charset=utf-8'),
        answer('GET', '/api/v1/model/training/{id}/log', 400, { message: 'Convert x to bool' }),
        answer('GET', '/api/v1/model/packaging/{id}/log', 404, { message: 'not found' }),
        answer('GET', '/api/v1/user/info', 400, { message: 'Malformed JWT: malformed JWT' }),
        answer('GET', '/api/v1/configuration', 200, {
          common: { gracefulTimeout: 20000000000, launchPeriod: 3000000000 },
          training: { timeout: 14400000000000 },
          packaging: { timeout: 14400000000000 },
          batch: { timeout: 14400000000000 },
        }),
      ];
      for (const a of documented) expect(checkAnswer(a)).toEqual([]);
    });

    it('answers from outside the API handlers and the spec', () => {
      const outside: RecordedAnswer[] = [
        answer('GET', undefined, 404, '404 page not found', 'text/plain'),
        answer('GET', '/api/v1/model/training', 401, 'Unauthorized', 'text/plain'),
        answer('DELETE', '/api/v1/model/route/{id}', 403, { message: 'access forbidden: default route' }),
        answer('POST', '/api/v1/model/training', 429, 'Too Many Requests', 'text/plain'),
        answer('GET', '/api/v1/model/training/{id}/log', 500, { message: 'has not started yet' }),
        answer('POST', '/api/v1/connection', 500, '', 'text/plain'),
        answer('POST', '/model/{id}/api/model/invoke', 200, { prediction: [1], columns: ['q'] }),
        answer('GET', '/health', 200, {}),
      ];
      for (const a of outside) expect(checkAnswer(a)).toEqual([]);
    });
  });
});

describe('loadContract', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'odahu-contract-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives no checker when the spec is absent, so only the contract check is skipped', () => {
    expect(loadContract(join(dir, 'missing', 'swagger.yaml'))).toBeUndefined();
  });

  it('reports a $ref whose target the spec does not define', () => {
    const path = join(dir, 'swagger.yaml');
    writeFileSync(
      path,
      [
        'swagger: "2.0"',
        'definitions:',
        '  Thing:',
        '    type: object',
        '    properties:',
        '      part: {$ref: "#/definitions/Missing"}',
        '      size: {type: integer}',
        'paths:',
        '  /api/v1/thing:',
        '    get:',
        '      produces: [application/json]',
        '      responses:',
        '        "200": {schema: {$ref: "#/definitions/Thing"}}',
      ].join('\n'),
    );
    const contract = loadContract(path);
    expect(contract).toBeDefined();
    expect(contract?.checkAnswer(answer('GET', '/api/v1/thing', 200, { part: {}, size: 'big' }))).toEqual([
      'GET /api/v1/thing 200: $.part: $ref #/definitions/Missing is not defined in the spec',
      'GET /api/v1/thing 200: $.size: expected integer, got string',
    ]);
    expect(contract?.checkAnswer(answer('GET', '/api/v1/thing', 200, { size: 3 }))).toEqual([]);
    expect(contract?.operations).toEqual(['GET /api/v1/thing']);
  });
});
