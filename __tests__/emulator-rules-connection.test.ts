// Connections: base64 secrets (stored decoded), per-type checks, git host keys, answers' form.

import { ApiFailure } from '../src/emulator/cluster.js';
import { fakeHostKeyLine } from '../src/emulator/rules/git-host-key.js';
import { prepareConnection, presentConnection } from '../src/emulator/rules/index.js';
import type { DecodedBody } from '../src/emulator/rules/index.js';
import type { Connection } from '../src/shared/odahu/types.js';
import { cluster } from './emulator-rules-fixture.js';

const PREFIX = 'Validation of connection is failed: ';
const view = cluster();
const b64 = (text: string) => Buffer.from(text).toString('base64');

function refusal(spec: Record<string, unknown>, id = 'conn'): ApiFailure {
  try {
    prepareConnection({ id, spec }, view, { create: true });
  } catch (error) {
    if (error instanceof ApiFailure) return error;
    throw error;
  }
  throw new Error('the connection was accepted');
}

const docker = (password: string) => ({ type: 'docker', uri: 'registry.local', username: 'ci', password });

describe('prepareConnection base64 fields', () => {
  it.each([
    ['abc', 0],
    ['*****', 0],
    ['YWJj*', 4],
    ['YQ=x', 2],
    ['YQ==x', 4],
    ['YQ=', 3],
    ['Y===', 1],
  ])('%j: illegal base64 data at input byte %d', (password, at) => {
    expect(refusal(docker(password)).message).toBe(
      `${PREFIX}password must be base64-encoded, error: illegal base64 data at input byte ${at}`,
    );
  });

  it('stores the secrets decoded, ignoring line breaks as Go does', () => {
    const spec = prepareConnection(
      { id: 'conn', spec: { ...docker('cGFz\r\ncw=='), keyID: '', publicKey: b64('ssh-rsa AAA') } },
      view,
      { create: true },
    ).spec;
    expect(spec).toEqual({
      type: 'docker',
      uri: 'registry.local',
      username: 'ci',
      password: 'pass',
      keyID: '',
      publicKey: 'ssh-rsa AAA',
    });
  });

  it('names each field as the server does, and checks them before the id', () => {
    expect(
      refusal(
        { type: 'docker', username: 'ci', password: '!', keySecret: '!', keyID: '!', publicKey: '!' },
        '',
      ).message,
    ).toBe(
      PREFIX +
        [
          'password must be base64-encoded, error: illegal base64 data at input byte 0',
          'key secret must be base64-encoded, error: illegal base64 data at input byte 0',
          'key id must be base64-encoded, error: illegal base64 data at input byte 0',
          'public key must be base64-encoded, error: illegal base64 data at input byte 0',
          'ID is not valid',
          'empty "ID"',
          'empty uri',
        ].join('; '),
    );
  });
});

describe('prepareConnection type checks', () => {
  it.each<[Record<string, unknown>, string[]]>([
    [
      { type: 's3', uri: 's3://bucket', role: 'admin' },
      [
        's3 type requires that region must be non-empty',
        's3 type does not support role parameter yet',
        's3 type requires that keyID and keySecret parameters must be non-empty',
      ],
    ],
    [
      { type: 's3', uri: 's3://bucket', region: 'eu', keyID: b64('id') },
      ['s3 type requires that keyID and keySecret parameters must be non-empty'],
    ],
    [
      { type: 'gcs', uri: 'gs://bucket', role: 'admin' },
      [
        'gcs type requires that region must be non-empty',
        'gcs type does not support role parameter yet must be non-empty',
        'gcs type requires that keySecret parameter must be non-empty',
      ],
    ],
    [
      { type: 'azureblob', uri: 'https://x.blob.core.windows.net' },
      ['azureblob type requires that keySecret parameter contains HTTP endpoint with SAS Token'],
    ],
    [
      { type: 'docker', uri: 'registry.local' },
      ['docker type requires the password parameter', 'docker type requires the username parameter'],
    ],
    [
      { type: 'ecr', uri: 'registry.local/models', keyID: b64('id') },
      [
        'not valid uri for ecr type: docker-credential-ecr-login can only be used with Amazon Elastic Container Registry.',
        'ecr type requires that keyID and keySecret parameters must be non-empty',
      ],
    ],
    [
      {
        type: 'ecr',
        uri: 'https://1.dkr.ecr.eu-west-1.amazon aws.com',
        keyID: b64('id'),
        keySecret: b64('s'),
      },
      [
        'not valid uri for ecr type: parse "https://1.dkr.ecr.eu-west-1.amazon aws.com": invalid character " " in host name',
      ],
    ],
    [
      {
        type: 'ecr',
        uri: '1.dkr.ecr.eu-west-1.amazonaws.com:https/x',
        keyID: b64('id'),
        keySecret: b64('s'),
      },
      [
        'not valid uri for ecr type: parse "https://1.dkr.ecr.eu-west-1.amazonaws.com:https/x": invalid port ":https" after host',
      ],
    ],
    [
      { type: 'ftp', uri: 'ftp://x' },
      ['unknown type: ftp. Supported types: [s3 gcs azureblob git docker ecr]'],
    ],
    [{ uri: 'x' }, ['unknown type: . Supported types: [s3 gcs azureblob git docker ecr]']],
  ])('%j', (spec, errors) => {
    const error = refusal(spec);
    expect([error.status, error.message]).toEqual([400, PREFIX + errors.join('; ')]);
  });

  it.each([
    ['123456789012.dkr.ecr.eu-central-1.amazonaws.com/models', 'eu-central-1'],
    ['https://123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com', 'us-gov-west-1'],
    ['1.dkr.ecr.cn-north-1.amazonaws.com.cn:443/models', 'cn-north-1'],
  ])('takes the ECR region from %s when none is given', (uri, region) => {
    const spec = prepareConnection(
      { id: 'ecr', spec: { type: 'ecr', uri, keyID: b64('id'), keySecret: b64('secret') } },
      view,
      { create: true },
    ).spec;
    expect(spec).toMatchObject({ region, keyID: 'id', keySecret: 'secret' });
  });

  it('keeps a given ECR region', () => {
    const body: DecodedBody = {
      id: 'ecr',
      spec: {
        type: 'ecr',
        uri: '1.dkr.ecr.eu-west-1.amazonaws.com',
        region: 'us-east-1',
        keyID: b64('i'),
        keySecret: b64('s'),
      },
    };
    expect(prepareConnection(body, view, { create: true }).spec.region).toBe('us-east-1');
  });
});

describe('prepareConnection git host keys', () => {
  it('stores a made-up ssh-keyscan line for the host of a user@host:path uri, the same every time', () => {
    const prepare = () =>
      prepareConnection(
        { id: 'repo', spec: { type: 'git', uri: 'git@github.com:odahu/odahu-examples.git' } },
        view,
        {
          create: true,
        },
      ).spec.publicKey;
    const key = prepare();
    expect(key).toBe(fakeHostKeyLine('github.com'));
    expect(key).toMatch(/^github\.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI[A-Za-z0-9+/]{43}\n$/);
    expect(prepare()).toBe(key);
    expect(fakeHostKeyLine('gitlab.com')).not.toBe(key);
  });

  it('takes the host of an ssh:// uri too, and keeps a given key', () => {
    const spec = (uri: string, extra = {}) =>
      prepareConnection({ id: 'repo', spec: { type: 'git', uri, ...extra } }, view, { create: true }).spec;
    expect(spec('ssh://git@gitlab.example.org:2222/team/repo.git').publicKey).toBe(
      fakeHostKeyLine('gitlab.example.org'),
    );
    expect(spec('git@github.com:a/b.git', { publicKey: b64('github.com ssh-rsa AAAA') }).publicKey).toBe(
      'github.com ssh-rsa AAAA',
    );
  });

  it('panics (500, empty body) on a uri without user@host, as the server does', () => {
    const error = refusal({ type: 'git', uri: 'https://github.com/odahu/odahu-examples.git' });
    expect([error.status, error.message, error.emptyBody]).toEqual([500, '', true]);
  });

  it('only reports an empty uri', () => {
    expect(refusal({ type: 'git' }).message).toBe(`${PREFIX}empty uri`);
  });
});

describe('presentConnection', () => {
  const stored: Connection = {
    id: 'conn',
    spec: {
      type: 's3',
      uri: 's3://b',
      region: 'eu',
      keyID: 'id',
      keySecret: 'sécret',
      password: '',
      publicKey: 'ssh-rsa A',
    },
    status: {},
  };

  it('masks password, keySecret and keyID, omits empty ones and shows publicKey base64', () => {
    expect(presentConnection(stored, 'masked')).toEqual({
      id: 'conn',
      spec: {
        type: 's3',
        uri: 's3://b',
        region: 'eu',
        keyID: '*****',
        keySecret: '*****',
        publicKey: b64('ssh-rsa A'),
      },
      status: {},
    });
  });

  it('shows all four base64 when decrypted', () => {
    expect(presentConnection(stored, 'decrypted').spec).toEqual({
      type: 's3',
      uri: 's3://b',
      region: 'eu',
      keyID: b64('id'),
      keySecret: b64('sécret'),
      publicKey: b64('ssh-rsa A'),
    });
  });

  it('round-trips with prepareConnection', () => {
    const answer = presentConnection(
      {
        ...prepareConnection(
          {
            id: 'c',
            spec: { type: 's3', uri: 's3://b', region: 'eu', keyID: b64('i'), keySecret: b64('s') },
          },
          view,
          { create: true },
        ),
        status: {},
      },
      'decrypted',
    );
    expect(answer.spec).toMatchObject({ keyID: b64('i'), keySecret: b64('s') });
    expect(stored.spec.keyID).toBe('id');
  });
});
