// Query parameters: list paging and filters, log `follow`, event feed `cursor`.

import { ApiFailure } from '../src/emulator/cluster.js';
import { applyListQuery, parseCursor, parseFollow, parseListQuery } from '../src/emulator/rules/index.js';
import type { KindName } from '../src/shared/odahu/kinds.js';

const query = (kind: KindName, search: string) => parseListQuery(kind, new URLSearchParams(search));

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiFailure && error.status === 400) return error.message;
    throw error;
  }
  throw new Error('accepted');
}

describe('parseListQuery', () => {
  it('defaults to page 0 of 500', () => {
    expect(query('ModelRoute', '')).toEqual({ kind: 'ModelRoute', size: 500, page: 0, filters: {} });
  });

  it('reads paging and repeated filters', () => {
    expect(query('ModelTraining', 'size=2&page=1&toolchain=mlflow&toolchain=tf&model_name=wine')).toEqual({
      kind: 'ModelTraining',
      size: 2,
      page: 1,
      filters: { toolchain: ['mlflow', 'tf'], model_name: ['wine'] },
    });
  });

  it.each<[KindName, string, string]>([
    ['ModelTraining', 'size=abc', 'strconv.Atoi: parsing "abc": invalid syntax'],
    ['ModelTraining', 'page=', 'strconv.Atoi: parsing "": invalid syntax'],
    ['ModelTraining', 'page=1.5', 'strconv.Atoi: parsing "1.5": invalid syntax'],
    [
      'ModelTraining',
      'size=99999999999999999999',
      'strconv.Atoi: parsing "99999999999999999999": value out of range',
    ],
    ['ModelTraining', 'size=a%22b', 'strconv.Atoi: parsing "a\\"b": invalid syntax'],
    // As in Go's url.ParseQuery, a plus sign is a space.
    ['ModelTraining', 'size=+3', 'strconv.Atoi: parsing " 3": invalid syntax'],
    ['ModelTraining', 'size=1&size=2', 'the size URL parameter must be only one'],
    ['ModelTraining', 'page=1&page=2', 'the page URL parameter must be only one'],
    ['ModelTraining', 'name=wine', 'cannot find name url parameter'],
    ['ModelDeployment', 'toolchain=mlflow', 'cannot find toolchain url parameter'],
    ['ModelRoute', 'roleName=x', 'cannot find roleName url parameter'],
    ['ToolchainIntegration', 'type=x', 'cannot find type url parameter'],
  ])('%s ?%s → %s', (kind, search, message) => {
    expect(refusal(() => query(kind, search))).toBe(message);
  });

  it('accepts signs as strconv.Atoi does', () => {
    expect(query('Connection', 'size=%2B3&page=-0')).toMatchObject({ size: 3, page: 0 });
  });
});

describe('applyListQuery', () => {
  const training = (id: string, toolchain: string, name: string, version = '1') => ({
    id,
    spec: { toolchain, model: { name, version } },
  });
  const trainings = [
    training('c', 'mlflow', 'wine'),
    training('a', 'mlflow', 'beer', '2'),
    training('b', 'tf', 'wine', '2'),
    training('a-b', 'tf', 'cider'),
  ];
  const ids = (items: { id: string }[] | null) => items && items.map((item) => item.id);

  it.each([
    ['', ['a', 'a-b', 'b', 'c']],
    ['toolchain=mlflow', ['a', 'c']],
    ['toolchain=*', ['a', 'a-b', 'b', 'c']],
    ['toolchain=*&toolchain=tf', ['a-b', 'b']],
    ['model_name=wine&model_version=2', ['b']],
    ['model_name=wine&model_name=cider', ['a-b', 'b', 'c']],
    ['size=2', ['a', 'a-b']],
    ['size=2&page=1', ['b', 'c']],
    ['size=2&page=2', []],
    ['size=0', []],
  ])('trainings ?%s', (search, expected) => {
    expect(ids(applyListQuery(trainings, query('ModelTraining', search)))).toEqual(expected);
  });

  it('filters deployments by role name, and packagings by a type they never have', () => {
    const deployments = [
      { id: 'x', spec: { roleName: 'role-x' } },
      { id: 'y', spec: { roleName: 'admins' } },
    ];
    expect(ids(applyListQuery(deployments, query('ModelDeployment', 'roleName=admins')))).toEqual(['y']);
    const packagings = [{ id: 'p', spec: { integrationName: 'docker-rest' } }];
    expect(applyListQuery(packagings, query('ModelPackaging', 'type=docker-rest'))).toEqual([]);
    expect(ids(applyListQuery(packagings, query('ModelPackaging', 'type=*')))).toEqual(['p']);
  });

  it('refuses negative paging as Postgres does (500)', () => {
    for (const search of ['size=-1', 'page=-1']) {
      const failure = (() => {
        try {
          applyListQuery(trainings, query('ModelTraining', search));
        } catch (error) {
          return error as ApiFailure;
        }
        return undefined;
      })();
      expect([failure?.status, failure?.message]).toEqual([500, 'pq: bigint out of range']);
    }
    expect(applyListQuery(trainings, query('ModelTraining', 'size=0&page=-1'))).toEqual([]);
  });

  it('pages connections as Kubernetes does: null past the end, size 0 means all', () => {
    const connections = ['d', 'c', 'b', 'a'].map((id) => ({ id, spec: { type: id === 'a' ? 'git' : 's3' } }));
    const page = (search: string) => ids(applyListQuery(connections, query('Connection', search)));
    expect(page('type=s3')).toEqual(['b', 'c', 'd']);
    expect(page('size=2&page=1')).toEqual(['c', 'd']);
    expect(page('size=2&page=2')).toBeNull();
    expect(page('size=4&page=1')).toBeNull();
    expect(page('size=0')).toEqual(['a', 'b', 'c', 'd']);
    expect(page('size=0&page=1')).toBeNull();
    expect(ids(applyListQuery([], query('Connection', '')))).toEqual([]);
    expect(ids(applyListQuery([], query('Connection', 'page=1')))).toBeNull();
  });
});

describe('parseFollow', () => {
  it.each<[string | null, boolean]>([
    [null, false],
    ['', false],
    ...['1', 't', 'T', 'TRUE', 'true', 'True'].map((value): [string, boolean] => [value, true]),
    ...['0', 'f', 'F', 'FALSE', 'false', 'False'].map((value): [string, boolean] => [value, false]),
  ])('%j → %s', (value, follow) => {
    expect(parseFollow(value)).toBe(follow);
  });

  it.each(['yes', 'tRUE', ' true'])('refuses %j', (value) => {
    expect(refusal(() => parseFollow(value))).toBe(`Convert ${value} to bool`);
  });
});

describe('parseCursor', () => {
  it.each([
    [null, 0],
    ['', 0],
    ['42', 42],
    ['-3', -3],
  ])('%j → %d', (value, cursor) => {
    expect(parseCursor(value)).toBe(cursor);
  });

  it.each([
    ['abc', 'invalid syntax'],
    ['1.5', 'invalid syntax'],
    ['9223372036854775808', 'value out of range'],
  ])('refuses %j', (value, reason) => {
    expect(refusal(() => parseCursor(value))).toBe(
      `Incorrect "cursor" query parameter value: ${value}. Integer expected. Details: strconv.Atoi: parsing "${value}": ${reason}`,
    );
  });
});
