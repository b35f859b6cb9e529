// decodeBody: request bodies read as the server's Go encoding/json reads them.

import { ApiFailure } from '../src/emulator/cluster.js';
import { decodeBody } from '../src/emulator/rules/index.js';
import type { KindName } from '../src/shared/odahu/kinds.js';

function failure(kind: KindName, raw: string): ApiFailure {
  try {
    decodeBody(kind, raw);
  } catch (error) {
    if (error instanceof ApiFailure) return error;
    throw error;
  }
  throw new Error(`decodeBody accepted ${raw}`);
}

describe('decodeBody syntax errors', () => {
  it.each([
    ['', 'EOF'],
    [' \n\t ', 'EOF'],
    ['{', 'unexpected EOF'],
    ['{"id": "wine"', 'unexpected EOF'],
    ['{"id": "wi', 'unexpected EOF'],
    ['[1, 2', 'unexpected EOF'],
    ['tr', 'unexpected EOF'],
    ['-', 'unexpected EOF'],
    ['x', "invalid character 'x' looking for beginning of value"],
    ['é', "invalid character 'Ã' looking for beginning of value"],
    ['{"id" "wine"}', `invalid character '"' after object key`],
    ['{"id": "wine" "spec": {}}', `invalid character '"' after object key:value pair`],
    ['{"id": "wine",}', "invalid character '}' looking for beginning of object key string"],
    ['{id: "wine"}', "invalid character 'i' looking for beginning of object key string"],
    ["{'id': 1}", "invalid character '\\'' looking for beginning of object key string"],
    ['{"spec": {"args": ["a" "b"]}}', `invalid character '"' after array element`],
    ['{"spec": {"args": ["a",]}}', "invalid character ']' looking for beginning of value"],
    ['{"id": tru}', "invalid character '}' in literal true (expecting 'e')"],
    ['{"id": fasle}', "invalid character 's' in literal false (expecting 'l')"],
    ['{"id": nul}', "invalid character '}' in literal null (expecting 'l')"],
    ['{"id": -}', "invalid character '}' in numeric literal"],
    ['{"id": 1.}', "invalid character '}' after decimal point in numeric literal"],
    ['{"id": 1e}', "invalid character '}' in exponent of numeric literal"],
    ['{"id": 01}', "invalid character '1' after object key:value pair"],
    ['{"id": "a\\qb"}', "invalid character 'q' in string escape code"],
    ['{"id": "\\u12x4"}', "invalid character 'x' in \\u hexadecimal character escape"],
    ['{"id": "a\nb"}', "invalid character '\\n' in string literal"],
    ['{"id": "a\u0001b"}', "invalid character '\\x01' in string literal"],
  ])('%j → %s', (raw, message) => {
    const error = failure('ModelTraining', raw);
    expect(error.status).toBe(400);
    expect(error.message).toBe(message);
  });

  it('reads only the first value: anything after it is never looked at', () => {
    expect(decodeBody('ModelTraining', '{"id": "wine"} and then {')).toEqual({ id: 'wine' });
  });
});

describe('decodeBody type mismatches', () => {
  it.each<[KindName, string, string]>([
    ['ModelTraining', '{"id": 5}', 'number into Go struct field ModelTraining.id of type string'],
    [
      'ModelTraining',
      '{"spec": {"model": {"version": 1}}}',
      'number into Go struct field ModelIdentity.spec.model.version of type string',
    ],
    [
      'ModelTraining',
      '{"spec": "wine"}',
      'string into Go struct field ModelTraining.spec of type v1alpha1.ModelTrainingSpec',
    ],
    [
      'ModelTraining',
      '{"spec": {"args": "a"}}',
      'string into Go struct field ModelTrainingSpec.spec.args of type []string',
    ],
    [
      'ModelTraining',
      '{"spec": {"args": [1]}}',
      'number into Go struct field ModelTrainingSpec.spec.args of type string',
    ],
    [
      'ModelTraining',
      '{"spec": {"hyperParameters": {"alpha": true}}}',
      'bool into Go struct field ModelTrainingSpec.spec.hyperParameters of type string',
    ],
    [
      'ModelTraining',
      '{"spec": {"data": [{"connection": []}]}}',
      'array into Go struct field DataBindingDir.spec.data.connection of type string',
    ],
    [
      'ModelTraining',
      '{"spec": {"data": {}}}',
      'object into Go struct field ModelTrainingSpec.spec.data of type []v1alpha1.DataBindingDir',
    ],
    [
      'ModelTraining',
      '{"spec": {"resources": {"limits": {"cpu": 1}}}}',
      'number into Go struct field ResourceList.spec.resources.limits.cpu of type string',
    ],
    [
      'ModelDeployment',
      '{"spec": {"minReplicas": 1.5}}',
      'number 1.5 into Go struct field ModelDeploymentSpec.spec.minReplicas of type int32',
    ],
    [
      'ModelDeployment',
      '{"spec": {"maxReplicas": 3000000000}}',
      'number 3000000000 into Go struct field ModelDeploymentSpec.spec.maxReplicas of type int32',
    ],
    [
      'ModelDeployment',
      '{"spec": {"minReplicas": 1e2}}',
      'number 1e2 into Go struct field ModelDeploymentSpec.spec.minReplicas of type int32',
    ],
    [
      'ModelDeployment',
      '{"spec": {"minReplicas": "1"}}',
      'string into Go struct field ModelDeploymentSpec.spec.minReplicas of type int32',
    ],
    [
      'ModelRoute',
      '{"spec": {"modelDeployments": [{"weight": "50"}]}}',
      'string into Go struct field ModelDeploymentTarget.spec.modelDeployments.weight of type int32',
    ],
    [
      'Connection',
      '{"spec": {"type": 1}}',
      'number into Go struct field ConnectionSpec.spec.type of type v1alpha1.ConnectionType',
    ],
    [
      'Connection',
      '{"spec": {"vital": "yes"}}',
      'string into Go struct field ConnectionSpec.spec.vital of type bool',
    ],
    [
      'ModelPackaging',
      '{"spec": {"arguments": []}}',
      'array into Go struct field ModelPackagingSpec.spec.arguments of type map[string]interface {}',
    ],
    [
      'ModelPackaging',
      '{"spec": {"arguments": {"port": 1e999}}}',
      'number 1e999 into Go struct field ModelPackagingSpec.spec.arguments of type float64',
    ],
    [
      'InferenceJob',
      '{"spec": {"dataSource": 1}}',
      'number into Go struct field InferenceJobSpec.spec.dataSource of type batch.ConnectionReference',
    ],
    ['ModelTraining', '[]', 'array into Go value of type training.ModelTraining'],
    ['Connection', '"s3"', 'string into Go value of type connection.Connection'],
    ['InferenceService', '1', 'number into Go value of type batch.InferenceService'],
  ])('%s %s', (kind, raw, detail) => {
    const error = failure(kind, raw);
    expect(error.status).toBe(400);
    expect(error.message).toBe(`json: cannot unmarshal ${detail}`);
  });

  it('reports the first type error although it keeps decoding', () => {
    expect(failure('ModelTraining', '{"id": 1, "spec": {"toolchain": 2}}').message).toBe(
      'json: cannot unmarshal number into Go struct field ModelTraining.id of type string',
    );
  });
});

describe('decodeBody timestamps (time.Time)', () => {
  it.each([
    [
      '"yesterday"',
      'parsing time ""yesterday"" as ""2006-01-02T15:04:05Z07:00"": cannot parse "yesterday"" as "2006"',
    ],
    ['5', 'parsing time "5" as ""2006-01-02T15:04:05Z07:00"": cannot parse "5" as """'],
    [
      '"2021-05-04 10:11:12Z"',
      'parsing time ""2021-05-04 10:11:12Z"" as ""2006-01-02T15:04:05Z07:00"": cannot parse " 10:11:12Z"" as "T"',
    ],
    ['"2021-13-01T00:00:00Z"', 'parsing time ""2021-13-01T00:00:00Z"": month out of range'],
    ['"2021-02-29T00:00:00Z"', 'parsing time ""2021-02-29T00:00:00Z"": day out of range'],
    ['"2021-05-04T25:00:00Z"', 'parsing time ""2021-05-04T25:00:00Z"": hour out of range'],
  ])('createdAt %s', (value, message) => {
    expect(failure('ModelTraining', `{"createdAt": ${value}}`).message).toBe(message);
  });

  it('returns a time error at once, ahead of a type error met before it', () => {
    expect(failure('ModelTraining', '{"id": 1, "updatedAt": "x"}').message).toMatch(/^parsing time/);
  });

  it('accepts RFC 3339 times, fractions and offsets, and null', () => {
    expect(
      decodeBody(
        'ModelRoute',
        '{"createdAt": "2021-05-04T10:11:12.123456Z", "updatedAt": "2020-02-29T23:59:59+05:30", "status": null}',
      ),
    ).toEqual({ createdAt: '2021-05-04T10:11:12.123456Z', updatedAt: '2020-02-29T23:59:59+05:30' });
    expect(decodeBody('ModelRoute', '{"createdAt": null}')).toEqual({});
  });
});

describe('decodeBody results', () => {
  it('keeps only known fields; null is absent; unknown members such as kind are dropped', () => {
    const body =
      '{"kind": "ModelTraining", "id": "wine", "status": null, "spec": {"model": {"name": "wine", "version": "1.0"},' +
      ' "toolchain": "mlflow", "image": null, "colour": "red"}}';
    expect(decodeBody('ModelTraining', body)).toEqual({
      id: 'wine',
      spec: { model: { name: 'wine', version: '1.0' }, toolchain: 'mlflow' },
    });
  });

  it('matches member names case-insensitively when no field matches exactly', () => {
    expect(decodeBody('ModelTraining', '{"ID": "wine", "Spec": {"TOOLCHAIN": "mlflow"}}')).toEqual({
      id: 'wine',
      spec: { toolchain: 'mlflow' },
    });
  });

  it('merges a repeated object member and replaces a repeated string', () => {
    const body =
      '{"id": "a", "spec": {"model": {"name": "wine"}}, "spec": {"model": {"version": "1"}}, "id": "b"}';
    expect(decodeBody('ModelTraining', body)).toEqual({
      id: 'b',
      spec: { model: { name: 'wine', version: '1' } },
    });
  });

  it('gives null the zero value inside maps and arrays, and keeps it inside interface{} values', () => {
    expect(
      decodeBody('ModelTraining', '{"spec": {"nodeSelector": {"a": null}, "args": ["x", null]}}'),
    ).toEqual({
      spec: { nodeSelector: { a: '' }, args: ['x', ''] },
    });
    expect(
      decodeBody('ModelPackaging', '{"spec": {"arguments": {"port": null, "ratio": 1.5, "tags": [1, "a"]}}}'),
    ).toEqual({ spec: { arguments: { port: null, ratio: 1.5, tags: [1, 'a'] } } });
  });

  it('keeps map keys such as __proto__ as plain keys', () => {
    const decoded = decodeBody(
      'ModelPackaging',
      '{"spec": {"arguments": {"__proto__": {"polluted": true}}}}',
    );
    const args = (decoded.spec as { arguments: Record<string, unknown> }).arguments;
    expect(Object.keys(args)).toEqual(['__proto__']);
    expect((args as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('decodes escapes as Go does, lone surrogates becoming U+FFFD', () => {
    expect(decodeBody('Connection', '{"id": "\\u00e9\\ud83d\\ude00\\ud800x\\/\\t"}')).toEqual({
      id: 'é😀\ufffdx/\t',
    });
  });

  it('decodes whole numbers into int32 fields, negative zero included', () => {
    expect(decodeBody('ModelDeployment', '{"spec": {"minReplicas": -0, "maxReplicas": 2147483647}}')).toEqual(
      {
        spec: { minReplicas: 0, maxReplicas: 2147483647 },
      },
    );
  });

  it('takes a null body as an empty object', () => {
    expect(decodeBody('Connection', 'null')).toEqual({});
  });
});
