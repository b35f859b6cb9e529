// Batch inference: services (create and update differ) and jobs (generated ids, copied defaults).

import { ApiFailure } from '../src/emulator/cluster.js';
import { prepareInferenceJob, prepareInferenceService } from '../src/emulator/rules/index.js';
import type { DecodedBody } from '../src/emulator/rules/index.js';
import type { InferenceService } from '../src/shared/odahu/types.js';
import { cluster, connection } from './emulator-rules-fixture.js';

function refusal(run: () => unknown): ApiFailure {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiFailure) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('prepareInferenceService', () => {
  const service = (spec: Record<string, unknown>, id = 'wine-batch'): DecodedBody => ({
    id,
    spec: {
      image: 'wine:1',
      command: ['python', 'predict.py'],
      modelRegistry: { local: { meta: { name: 'wine', version: '1' } } },
      ...spec,
    },
  });
  const message = (body: DecodedBody) =>
    refusal(() => prepareInferenceService(body, cluster(), { create: true })).message;

  it.each<[string, DecodedBody, string]>([
    [
      'an empty service',
      { id: '', spec: {} },
      'entity "" is invalid; errors: ID is not valid, empty "ID", image must be non-empty, command must be non-empty, ' +
        'whether modelRegistry.local.meta.name or modelRegistry.local.meta.version must be defined for embedded models, ' +
        'whether modelRegistry.local or modelRegistry.remote must be defined',
    ],
    [
      'a long id',
      service({}, `w${'x'.repeat(53)}`),
      `entity "w${'x'.repeat(53)}" is invalid; errors: ID length must be less or equal to 53`,
    ],
    [
      'a remote model without connection',
      service({ modelRegistry: { remote: { modelPath: 'models/' } } }),
      'entity "wine-batch" is invalid; errors: modelRegistry.remote.modelConnection must be non-empty',
    ],
    [
      'an embedded model without name and version',
      service({ modelRegistry: { local: {} } }),
      'entity "wine-batch" is invalid; errors: modelRegistry.local.meta.name must be non-empty, modelRegistry.local.meta.version must be non-empty',
    ],
    [
      'a quantity that does not parse',
      service({ resources: { limits: { memory: 'much' } } }),
      'entity "wine-batch" is invalid; errors: validation of memory limit is failed: quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'',
    ],
  ])('refuses %s', (_what, body, expected) => {
    expect(message(body)).toBe(expected);
  });

  it('enables the webhook on create only, and emits args and modelRegistry always', () => {
    const body: DecodedBody = {
      id: 'wine-batch',
      spec: {
        image: 'wine:1',
        command: ['predict'],
        modelRegistry: { remote: { modelConnection: 'models-output' } },
      },
    };
    expect(prepareInferenceService(body, cluster(), { create: true }).spec).toEqual({
      image: 'wine:1',
      command: ['predict'],
      args: null,
      modelRegistry: { remote: { modelConnection: 'models-output' } },
      triggers: { webhook: { enabled: true } },
    });
    expect(prepareInferenceService(body, cluster(), { create: false }).spec.triggers).toEqual({});
    const disabled = service({ triggers: { webhook: { enabled: false } } });
    expect(prepareInferenceService(disabled, cluster(), { create: true }).spec.triggers).toEqual({
      webhook: { enabled: false },
    });
  });

  it('does not check resource rules or connections, only quantities', () => {
    const spec = {
      resources: { requests: { cpu: '2' }, limits: { cpu: '1' } },
      dataSource: { connection: 'nope' },
    };
    expect(() => prepareInferenceService(service(spec), cluster(), { create: true })).not.toThrow();
  });
});

describe('prepareInferenceJob', () => {
  const withWebhook = (spec: Partial<InferenceService['spec']>, id = 'wine-batch'): InferenceService => ({
    id,
    spec: { image: 'wine:1', command: ['predict'], triggers: { webhook: { enabled: true } }, ...spec },
    status: {},
  });
  const view = cluster({
    connections: [connection('wine-input', { type: 's3' }), connection('wine-output', { type: 's3' })],
    inferenceServices: [
      withWebhook({
        dataSource: { connection: 'wine-input', path: 'in/' },
        outputDestination: { connection: 'wine-output', path: 'out/' },
        nodeSelector: { mode: 'batch' },
        resources: { limits: { cpu: '1' } },
      }),
      withWebhook({}, 'bare'),
      withWebhook({ triggers: {} }, 'no-webhook'),
      withWebhook(
        { dataSource: { connection: 'gone-in' }, outputDestination: { connection: 'gone-out' } },
        'gone',
      ),
      withWebhook(
        { dataSource: { connection: 'wine-input' }, outputDestination: { connection: 'gone-out' } },
        'half',
      ),
    ],
  });
  const uuids =
    (...values: string[]) =>
    () =>
      values.shift() ?? 'no-more-uuids';
  const message = (body: DecodedBody) =>
    refusal(() => prepareInferenceJob(body, view, { create: true }, uuids('abcdef01-2345'))).message;

  it('makes the id and request id, and copies the empty fields from the service', () => {
    expect(
      prepareInferenceJob(
        { id: 'ignored', spec: { inferenceServiceId: 'wine-batch' } },
        view,
        { create: true },
        uuids('0f1e2d3c-aaaa', 'request-uuid'),
      ),
    ).toEqual({
      id: 'job-wine-batch-0f1e2',
      spec: {
        inferenceServiceId: 'wine-batch',
        dataSource: { connection: 'wine-input', path: 'in/' },
        outputDestination: { connection: 'wine-output', path: 'out/' },
        nodeSelector: { mode: 'batch' },
        resources: { limits: { cpu: '1' } },
        requestId: 'request-uuid',
      },
    });
  });

  it("keeps the job's own fields and request id", () => {
    const spec = prepareInferenceJob(
      {
        spec: {
          inferenceServiceId: 'wine-batch',
          dataSource: { connection: 'wine-output' },
          nodeSelector: {},
          requestId: 'mine',
        },
      },
      view,
      { create: true },
      uuids('12345678'),
    ).spec;
    expect(spec).toMatchObject({
      dataSource: { connection: 'wine-output' },
      nodeSelector: {},
      requestId: 'mine',
    });
  });

  it.each<[string, DecodedBody, string]>([
    [
      'a job without service',
      { id: 'my-job', spec: {} },
      'entity "my-job" is invalid; errors: service must be non-empty',
    ],
    [
      'an unknown service',
      { spec: { inferenceServiceId: 'beer' } },
      'entity "job" is invalid; errors: unable to fetch corresponding service: entity "beer" is not found',
    ],
    [
      'a service without webhook and defaults',
      { spec: { inferenceServiceId: 'no-webhook' } },
      'entity "job-no-webhook-abcde" is invalid; errors: InferenceService: no-webhook webhook trigger is disabled, ' +
        'field "dataSource"" must be set for BatchInferenceJob \nor as a default for a corresponding BatchInferenceService, ' +
        'field "outputDestination"" must be set for BatchInferenceJob \nor as a default for a corresponding BatchInferenceService',
    ],
    [
      'missing connections',
      { spec: { inferenceServiceId: 'gone' } },
      'entity "job-gone-abcde" is invalid; errors: connection from "dataSource" with name "gone-in" is not found, ' +
        'connection from "outputDestination" with name "gone-out" is not found',
    ],
    [
      'a missing output connection after a missing data source',
      {
        spec: {
          inferenceServiceId: 'bare',
          dataSource: { connection: 'x' },
          outputDestination: { connection: 'y' },
        },
      },
      'entity "job-bare-abcde" is invalid; errors: connection from "dataSource" with name "x" is not found, ' +
        'connection from "outputDestination" with name "y" is not found',
    ],
  ])('refuses %s', (_what, body, expected) => {
    expect(message(body)).toBe(expected);
  });

  it('stops at an existing data source connection, so a missing output connection goes unseen', () => {
    expect(() =>
      prepareInferenceJob(
        { spec: { inferenceServiceId: 'half' } },
        view,
        { create: true },
        uuids('aaaaaaaa', 'r'),
      ),
    ).not.toThrow();
  });
});
