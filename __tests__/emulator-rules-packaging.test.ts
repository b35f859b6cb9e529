// Packagings, packaging integrations and the argument schema check.

import { ApiFailure } from '../src/emulator/cluster.js';
import {
  SchemaCompileError,
  prepareModelPackaging,
  preparePackagingIntegration,
  validateArguments,
} from '../src/emulator/rules/index.js';
import type { DecodedBody } from '../src/emulator/rules/index.js';
import type { ArgumentProperty, PackagingIntegration } from '../src/shared/odahu/types.js';
import { CONFIG, DOCKER_REST, cluster, configWith, connection } from './emulator-rules-fixture.js';

const PREFIX = 'Validation of model packaging is failed: ';
const view = cluster({
  connections: [connection('ecr-registry', { type: 'ecr', uri: '1.dkr.ecr.eu-west-1.amazonaws.com/models' })],
});

function packaging(spec: Record<string, unknown>): DecodedBody {
  return {
    id: 'wine-pack',
    spec: {
      artifactName: 'wine-1.0.zip',
      integrationName: 'docker-rest',
      targets: [{ name: 'docker-push', connectionName: 'docker-ci' }],
      ...spec,
    },
  };
}

function refusal(body: DecodedBody, on = view): string {
  try {
    prepareModelPackaging(body, on, { create: true });
  } catch (error) {
    if (error instanceof ApiFailure && error.status === 400) return error.message;
    throw error;
  }
  throw new Error('the packaging was accepted');
}

describe('prepareModelPackaging', () => {
  it('applies the defaults and emits arguments and targets always', () => {
    expect(prepareModelPackaging(packaging({}), view, { create: true })).toEqual({
      id: 'wine-pack',
      spec: {
        artifactName: 'wine-1.0.zip',
        integrationName: 'docker-rest',
        image: 'odahu/odahu-flow-packagers:1.6.1',
        arguments: null,
        targets: [{ name: 'docker-push', connectionName: 'docker-ci' }],
        resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '2', memory: '2Gi' } },
        outputConnection: 'models-output',
      },
    });
  });

  it("appends the integration's default targets, without checking their connections", () => {
    const prepared = prepareModelPackaging(
      packaging({ integrationName: 'docker-cli', targets: null }),
      view,
      {
        create: true,
      },
    );
    expect(prepared.spec.targets).toEqual([
      { name: 'docker-push', connectionName: 'docker-ci' },
      { name: 'docker-pull', connectionName: 'odahuflow-docker-repository' },
    ]);
  });

  it('appends only the default targets that were not given', () => {
    const prepared = prepareModelPackaging(
      packaging({
        integrationName: 'docker-cli',
        targets: [{ name: 'docker-push', connectionName: 'ecr-registry' }],
      }),
      view,
      { create: true },
    );
    expect(prepared.spec.targets).toEqual([
      { name: 'docker-push', connectionName: 'ecr-registry' },
      { name: 'docker-pull', connectionName: 'odahuflow-docker-repository' },
    ]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'a missing integration',
      { integrationName: 'docker-grpc' },
      'packaging integration with name .spec.integrationName = "docker-grpc" is not found',
    ],
    ['a missing required target', { targets: [] }, '[docker-push] are required targets'],
    [
      'an unknown target',
      {
        targets: [
          { name: 'docker-push', connectionName: 'docker-ci' },
          { name: 's3', connectionName: 'docker-ci' },
        ],
      },
      'cannot find s3 target in packaging integration docker-rest',
    ],
    [
      'a target given twice',
      {
        targets: [
          { name: 'docker-push', connectionName: 'docker-ci' },
          { name: 'docker-push', connectionName: 'docker-ci' },
        ],
      },
      'cannot find docker-push target in packaging integration docker-rest',
    ],
    [
      'a missing target connection',
      { targets: [{ name: 'docker-push', connectionName: 'nope' }] },
      'entity "nope" is not found',
    ],
    [
      'a target connection of the wrong type',
      { targets: [{ name: 'docker-push', connectionName: 'models-output' }] },
      'docker-push target has not valid connection type gcs for packaging integration docker-rest',
    ],
    [
      'an unknown argument',
      { arguments: { foo: 1 } },
      'argument validation is failed: [(root): Additional property foo is not allowed]',
    ],
    [
      'arguments of the wrong type',
      { arguments: { port: '5000', dockerfileAddCondaInstallation: 'yes' } },
      'argument validation is failed: [dockerfileAddCondaInstallation: Invalid type. Expected: boolean, given: string ' +
        'port: Invalid type. Expected: integer, given: string]',
    ],
    [
      'an unknown node selector',
      { nodeSelector: { mode: 'x' } },
      'node selector map[mode:x] is not presented in ODAHU config',
    ],
    [
      'a missing output connection',
      { outputConnection: 'nope' },
      '"Spec."OutputConnection"" validation errors: entity "nope" is not found',
    ],
  ])('refuses %s', (_what, spec, message) => {
    expect(refusal(packaging(spec))).toBe(PREFIX + message);
  });

  it('refuses an empty packaging with the server order', () => {
    expect(
      refusal({ id: 'Pack', spec: { resources: { limits: { cpu: '1' }, requests: { cpu: '2' } } } }),
    ).toBe(
      PREFIX +
        'ID is not valid; empty artifactName; resources.requests: Invalid value: "2": must be less than or equal to cpu limit; ' +
        'empty integrationName',
    );
  });

  it('compares node selectors exactly, unlike trainings', () => {
    const pools = [{ nodeSelector: { pool: '' }, tags: [] }];
    const exact = cluster({ config: configWith({ packaging: { ...CONFIG.packaging, nodePools: pools } }) });
    expect(refusal(packaging({ nodeSelector: { other: '' } }), exact)).toBe(
      `${PREFIX}node selector map[other:] is not presented in ODAHU config`,
    );
    expect(() =>
      prepareModelPackaging(packaging({ nodeSelector: { pool: '' } }), exact, { create: true }),
    ).not.toThrow();
  });
});

const property = (name: string, parameters: Record<string, unknown>): ArgumentProperty => ({
  name,
  parameters: Object.entries(parameters).map(([key, value]) => ({ name: key, value })),
});

function integration(properties: ArgumentProperty[], required?: string[]): PackagingIntegration {
  return {
    id: 'custom',
    spec: {
      entrypoint: '/run',
      defaultImage: 'custom:1',
      schema: { targets: null, arguments: { properties, ...(required ? { required } : {}) } },
    },
  };
}

describe('validateArguments', () => {
  const schema = integration(
    [
      property('name', { type: 'string', minLength: 3, maxLength: 5, pattern: '^[a-z]+$' }),
      property('mode', { type: 'string', enum: ['fast', 'slow'] }),
      property('port', { type: 'integer', minimum: 1024, maximum: 65535.5 }),
      property('ratio', { type: ['number', 'null'], minimum: 0.25 }),
      property('anything', { description: 'no type' }),
    ],
    ['name', 'mode'],
  );

  it.each<[Record<string, unknown> | null, string[]]>([
    [{ name: 'abc', mode: 'fast' }, []],
    [null, ['(root): name is required', '(root): mode is required']],
    [
      { name: 'abc', mode: 'fast', extra: 1, more: 2 },
      ['(root): Additional property extra is not allowed', '(root): Additional property more is not allowed'],
    ],
    [{ name: 'ab', mode: 'fast' }, ['name: String length must be greater than or equal to 3']],
    [{ name: 'abcdef', mode: 'fast' }, ['name: String length must be less than or equal to 5']],
    [{ name: 'ABC', mode: 'fast' }, ["name: Does not match pattern '^[a-z]+$'"]],
    [{ name: 'abc', mode: 'quick' }, ['mode: mode must be one of the following: "fast", "slow"']],
    [{ name: 'abc', mode: 'fast', port: 80 }, ['port: Must be greater than or equal to 1024/1']],
    [{ name: 'abc', mode: 'fast', port: 70000 }, ['port: Must be less than or equal to 131071/2']],
    [{ name: 'abc', mode: 'fast', port: 8080.5 }, ['port: Invalid type. Expected: integer, given: number']],
    [{ name: 'abc', mode: 'fast', port: null }, ['port: Invalid type. Expected: integer, given: null']],
    [{ name: 'abc', mode: 'fast', ratio: 0.1 }, ['ratio: Must be greater than or equal to 1/4']],
    [
      { name: 'abc', mode: 'fast', ratio: 'x' },
      ['ratio: Invalid type. Expected: [number,null], given: string'],
    ],
    [{ name: 'abc', mode: 'fast', ratio: null, anything: [1, { a: 2 }] }, []],
    [{ name: 7, mode: 'fast' }, ['name: Invalid type. Expected: string, given: integer']],
  ])('%j → %j', (args, errors) => {
    expect(validateArguments(schema, args)).toEqual(errors);
  });

  it('accepts the arguments of the docker-rest integration', () => {
    expect(
      validateArguments(DOCKER_REST, { port: 5000, host: '0.0.0.0', dockerfileAddCondaInstallation: false }),
    ).toEqual([]);
  });

  it('throws when the schema does not compile', () => {
    expect(() => validateArguments(integration([property('a', { type: 'text' })]), {})).toThrow(
      SchemaCompileError,
    );
  });
});

describe('preparePackagingIntegration', () => {
  const PI_PREFIX = 'Validation of packaging integration is failed: ';

  function piRefusal(body: DecodedBody): string {
    try {
      preparePackagingIntegration(body, view, { create: true });
    } catch (error) {
      if (error instanceof ApiFailure && error.status === 400) return error.message;
      throw error;
    }
    throw new Error('the integration was accepted');
  }

  const valid = (schema: Record<string, unknown>): DecodedBody => ({
    id: 'custom',
    spec: { entrypoint: '/run', defaultImage: 'custom:1', schema },
  });

  it.each<[DecodedBody, string]>([
    [{ id: '', spec: {} }, 'ID is not valid; empty "ID"; empty entrypoint; empty defaultImage'],
    [
      valid({
        targets: [
          { connectionTypes: ['docker'] },
          { name: 'push' },
          { name: 'pull', connectionTypes: ['docker', 'ftp', 'svn'] },
        ],
      }),
      'one of target has empty name; push target must have at least one connection type; ' +
        'pull target have unknown connection type: ftp; pull target have unknown connection type: svn',
    ],
    [
      valid({ arguments: { properties: [property('a', { type: 'text' })] } }),
      'arguments have not valid json schema: has a primitive type that is NOT VALID -- given: /text/ ' +
        'Expected valid values are:[array boolean integer number null object string]',
    ],
    [
      valid({ arguments: { properties: [property('a', { type: 7 })] } }),
      'arguments have not valid json schema: Invalid type. Expected: string/array of strings, given: type',
    ],
    [
      valid({ arguments: { properties: [property('a', { minimum: 'low' })] } }),
      'arguments have not valid json schema: minimum must be of a number',
    ],
    [
      valid({ arguments: { properties: [property('a', { minimum: 2, maximum: 1 })] } }),
      'arguments have not valid json schema: minimum cannot be greater than maximum',
    ],
    [
      valid({ arguments: { properties: [property('a', { minLength: 1.5 })] } }),
      'arguments have not valid json schema: minLength must be of an integer',
    ],
    [
      valid({ arguments: { properties: [property('a', { maxLength: -1 })] } }),
      'arguments have not valid json schema: maxLength must be greater than or equal to 0',
    ],
    [
      valid({ arguments: { properties: [property('a', { pattern: '(' })] } }),
      "arguments have not valid json schema: Invalid regex pattern '('",
    ],
    [
      valid({ arguments: { properties: [property('a', { enum: ['x', 'x'] })] } }),
      'arguments have not valid json schema: enum items must be unique',
    ],
    [
      valid({ arguments: { properties: [property('a', { description: 1 })] } }),
      'arguments have not valid json schema: Invalid type. Expected: string, given: description',
    ],
    [
      valid({ arguments: { properties: [], required: ['a', 'a'] } }),
      'arguments have not valid json schema: required items must be unique',
    ],
  ])('refuses %j', (body, message) => {
    expect(piRefusal(body)).toBe(PI_PREFIX + message);
  });

  it('emits every key of each target and null lists', () => {
    const prepared = preparePackagingIntegration(
      valid({ targets: [{ name: 'push', connectionTypes: ['docker'] }], arguments: {} }),
      view,
      { create: true },
    );
    expect(prepared.spec.schema).toEqual({
      targets: [{ name: 'push', connectionTypes: ['docker'], default: '', required: false }],
      arguments: { properties: null },
    });
    expect(preparePackagingIntegration(valid({}), view, { create: true }).spec.schema).toEqual({
      targets: null,
      arguments: { properties: null },
    });
  });
});
