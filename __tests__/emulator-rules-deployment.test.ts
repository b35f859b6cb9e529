// Deployments and routes: defaults, the deployment's peculiar error order, route messages.

import { ApiFailure } from '../src/emulator/cluster.js';
import { prepareModelDeployment, prepareModelRoute } from '../src/emulator/rules/index.js';
import type { DecodedBody } from '../src/emulator/rules/index.js';
import { cluster, configWith, deployment } from './emulator-rules-fixture.js';

const view = cluster({ deployments: [deployment('wine'), deployment('wine-v2')] });

function refusal(run: () => unknown): ApiFailure {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiFailure) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('prepareModelDeployment', () => {
  const PREFIX = 'Validation of model deployment is failed: ';
  const deploy = (spec: Record<string, unknown>, id = 'wine'): DecodedBody => ({
    id,
    spec: { image: 'registry/wine:1', predictor: 'odahu-ml-server', ...spec },
  });
  const message = (body: DecodedBody, on = view) =>
    refusal(() => prepareModelDeployment(body, on, { create: true })).message;

  it("gives the reference's e2e message", () => {
    expect(message({ id: '', spec: { minReplicas: 3, maxReplicas: 2 } })).toBe(
      PREFIX +
        'maximum number of replicas parameter must not be less than minimum number of replicas parameter; ' +
        'ID is not valid; empty "ID"; empty image parameter; empty predictor parameter',
    );
  });

  it('puts its errors in the documented final order', () => {
    const body: DecodedBody = {
      id: 'Wine',
      spec: {
        nodeSelector: { mode: 'gpu' },
        livenessProbeInitialDelay: -1,
        readinessProbeInitialDelay: -1,
        minReplicas: -1,
        maxReplicas: 0,
        roleName: 'data scientist',
        resources: { requests: { cpu: 'x', memory: '2Gi' }, limits: { memory: '1Gi' } },
      },
    };
    const parseError =
      "validation of cpu request is failed: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
    expect(message(body)).toBe(
      PREFIX +
        [
          'node selector map[mode:gpu] is not presented in ODAHU config',
          'livenessProbeInitialDelay must be non-negative integer',
          'readinessProbeInitialDelay must be non-negative integer',
          'maximum number of replicas parameter must not be less than 1',
          'minimum number of replicas parameter must not be less than 0',
          'ID is not valid',
          'empty image parameter',
          'empty predictor parameter',
          'data scientist must be valid Kubernetes label, i.e. match this pattern: ^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$',
          parseError,
          parseError,
          'resources.requests: Invalid value: "2Gi": must be less than or equal to memory limit',
        ].join('; '),
    );
  });

  it('skips the id pattern for ids over 46 characters', () => {
    expect(message(deploy({}, `Wine-${'x'.repeat(42)}`))).toBe(
      `${PREFIX}model deployment ID should not exceed 46 symbols`,
    );
    expect(() =>
      prepareModelDeployment(deploy({}, `w${'x'.repeat(45)}`), view, { create: true }),
    ).not.toThrow();
  });

  it('applies the defaults', () => {
    expect(prepareModelDeployment(deploy({}), view, { create: true })).toEqual({
      id: 'wine',
      spec: {
        image: 'registry/wine:1',
        predictor: 'odahu-ml-server',
        minReplicas: 0,
        maxReplicas: 1,
        livenessProbeInitialDelay: 2,
        readinessProbeInitialDelay: 2,
        roleName: 'role-wine',
        imagePullConnID: '',
        resources: { requests: { cpu: '125m', memory: '128Mi' }, limits: { cpu: '250m', memory: '256Mi' } },
      },
    });
  });

  it('defaults maxReplicas to minReplicas above 1, and the pull connection to the configured one', () => {
    const configured = cluster({ config: configWith({ defaultDockerPullConnName: 'docker-ci' }) });
    const spec = prepareModelDeployment(deploy({ minReplicas: 3, roleName: '' }), configured, {
      create: true,
    }).spec;
    expect(spec).toMatchObject({
      minReplicas: 3,
      maxReplicas: 3,
      roleName: 'role-wine',
      imagePullConnID: 'docker-ci',
    });
  });

  it('keeps given values, zeros included', () => {
    const spec = prepareModelDeployment(
      deploy({
        minReplicas: 0,
        maxReplicas: 2,
        livenessProbeInitialDelay: 0,
        roleName: 'wine-users',
        imagePullConnID: 'x',
      }),
      view,
      { create: false },
    ).spec;
    expect(spec).toMatchObject({
      minReplicas: 0,
      maxReplicas: 2,
      livenessProbeInitialDelay: 0,
      roleName: 'wine-users',
    });
    expect(spec.imagePullConnID).toBe('x');
  });
});

describe('prepareModelRoute', () => {
  const ROUTE = 'Validation of model route is failed: ';
  const route = (spec: Record<string, unknown>, id = 'wine-route', extra: Record<string, unknown> = {}) => ({
    id,
    spec: { urlPrefix: '/custom/wine', modelDeployments: [{ mdName: 'wine' }], ...spec },
    ...extra,
  });
  const message = (body: DecodedBody, on = view) =>
    refusal(() => prepareModelRoute(body, on, { create: true })).message;

  it("gives the reference's combined message", () => {
    expect(message({ id: 'Wine', spec: {} })).toBe(
      `ID is not valid; ${ROUTE}empty URL Prefix; model deployment targets must contain at least one element`,
    );
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a prefix without slash', { urlPrefix: 'custom/wine' }, `${ROUTE}the URL prefix must start with slash`],
    ['a prefix outside /custom', { urlPrefix: '/wine' }, `${ROUTE}custom URL prefix must start with /custom`],
    ['a missing mirror', { mirror: 'wine-v3' }, `${ROUTE}entity "wine-v3" is not found`],
    [
      'a bad prefix and a missing mirror',
      { urlPrefix: '/wine', mirror: 'wine-v3' },
      `${ROUTE}custom URL prefix must start with /custom; entity "wine-v3" is not found`,
    ],
    ['a missing deployment', { modelDeployments: [{ mdName: 'beer' }] }, 'entity "beer" is not found'],
    [
      'a single target weighing less than 100',
      { modelDeployments: [{ mdName: 'wine', weight: 50 }] },
      'it must have 100 weight or nil value if there is only one target',
    ],
    [
      'targets without weights',
      { modelDeployments: [{ mdName: 'wine' }, { mdName: 'beer', weight: 100 }] },
      'weights must be present if there are more than one model deployment targets; entity "beer" is not found',
    ],
    [
      'weights that do not add up to 100',
      {
        modelDeployments: [
          { mdName: 'wine', weight: 30 },
          { mdName: 'wine-v2', weight: 30 },
        ],
      },
      'total target weight does not equal 100',
    ],
  ])('refuses %s', (_what, spec, expected) => {
    expect(message(route(spec))).toBe(expected);
  });

  it('forbids /model and /feedback when the custom prefix lies under them', () => {
    const under = cluster({
      config: configWith({ customRoutePrefix: '/model' }),
      deployments: [deployment('wine')],
    });
    expect(message(route({ urlPrefix: '/model/wine' }), under)).toBe(
      `${ROUTE}the URL prefix /model is forbidden`,
    );
  });

  it('gives a single target the full weight and accepts split weights', () => {
    expect(prepareModelRoute(route({}), view, { create: true })).toEqual({
      id: 'wine-route',
      spec: { urlPrefix: '/custom/wine', modelDeployments: [{ mdName: 'wine', weight: 100 }] },
      isDefault: false,
    });
    const split = [
      { mdName: 'wine', weight: 70 },
      { mdName: 'wine-v2', weight: 30 },
    ];
    expect(
      prepareModelRoute(route({ modelDeployments: split, mirror: 'wine' }), view, { create: true }).spec,
    ).toEqual({
      urlPrefix: '/custom/wine',
      mirror: 'wine',
      modelDeployments: split,
    });
  });

  it('refuses to create a default route after validation, and passes the flag on for an update', () => {
    const failure = refusal(() =>
      prepareModelRoute(route({}, 'wine-route', { default: true }), view, { create: true }),
    );
    expect([failure.status, failure.message]).toEqual([500, 'unable to create default route']);
    expect(message(route({ urlPrefix: '' }, 'wine-route', { default: true }))).toBe(
      `${ROUTE}empty URL Prefix`,
    );
    expect(
      prepareModelRoute(route({}, 'wine-route', { default: true }), view, { create: false }).isDefault,
    ).toBe(true);
  });
});
