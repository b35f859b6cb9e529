// The connection action: secrets from inputs and from what the job already has are base64-encoded for
// the API, manifest secrets are sent as written, and no key material is ever shown.

import { jest } from '@jest/globals';
import * as core from './helpers/core-mock.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from '../src/shared/odahu/types.js';
import type { TestEmulator } from './helpers/emulator.js';
import { Api, fetchToken } from './helpers/emulator-http.js';
import { emulatorEnv } from './helpers/run-action.js';

jest.unstable_mockModule('@actions/core', () => core);
const { startTestEmulator } = await import('./helpers/emulator.js');
const { runInProcess } = await import('./helpers/in-process.js');

let emulator: TestEmulator;
let env: Record<string, string>;
let api: Api;

const PRIVATE_KEY_LINE = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7';
const KEY = JSON.stringify({
  type: 'service_account',
  project_id: 'key-project',
  private_key: `-----BEGIN PRIVATE KEY-----\n${PRIVATE_KEY_LINE}\n-----END PRIVATE KEY-----\n`,
  client_email: 'bot@key-project.iam.gserviceaccount.com',
});

beforeAll(async () => {
  emulator = await startTestEmulator();
  env = emulatorEnv(emulator);
  api = new Api(emulator, await fetchToken(emulator));
});

afterAll(() => emulator.close());

async function decrypted(id: string): Promise<Connection['spec']> {
  const reply = await api.get<Connection>(`connection/${id}/decrypted`);
  return reply.json.spec;
}

const b64 = (text: string) => Buffer.from(text).toString('base64');
const gcs = (id: string, extra = '') =>
  `kind: Connection\nid: ${id}\nspec:\n  type: gcs\n  uri: gs://bucket/data${extra}`;

function expectNothingShown(
  run: { log: string[]; summary: string; outputs: Record<string, string> },
  secrets: string[],
) {
  const shown = [...run.log, run.summary, ...Object.values(run.outputs)].join('\n');
  for (const secret of secrets) expect(shown).not.toContain(secret);
}

test('gcs: the key from gcp-credentials becomes keySecret, base64, with the region from the key', async () => {
  const run = await runInProcess(
    'connection',
    { connection: gcs('from-input'), 'gcp-credentials': KEY },
    { env, emulator },
  );
  expect(run.failure).toBeUndefined();
  expect(run.outputs).toEqual({ 'connection-id': 'from-input' });
  expect(run.log).toEqual(
    expect.arrayContaining([
      'spec.keySecret from input gcp-credentials',
      "spec.region from the key's project_id (key-project)",
    ]),
  );
  const spec = await decrypted('from-input');
  expect(spec.keySecret).toBe(b64(KEY));
  expect(spec.region).toBe('key-project');
  expectNothingShown(run, [PRIVATE_KEY_LINE, b64(KEY)]);
});

test('gcs: by default the key file google-github-actions/auth wrote', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gcp-'));
  writeFileSync(join(dir, 'key.json'), KEY);
  const run = await runInProcess(
    'connection',
    { connection: gcs('from-env', '\n  region: my-project') },
    { emulator, env: { ...env, GOOGLE_APPLICATION_CREDENTIALS: join(dir, 'key.json') } },
  );
  expect(run.failure).toBeUndefined();
  const spec = await decrypted('from-env');
  expect(spec).toMatchObject({ keySecret: b64(KEY), region: 'my-project' });
  expectNothingShown(run, [PRIVATE_KEY_LINE]);
});

test('s3: keys and region from what aws-actions/configure-aws-credentials set', async () => {
  const run = await runInProcess(
    'connection',
    { connection: 'kind: Connection\nid: s3-data\nspec: {type: s3, uri: "s3://bucket/data"}' },
    {
      emulator,
      env: {
        ...env,
        AWS_ACCESS_KEY_ID: 'AKIAEXAMPLEKEYID0001',
        AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMIexamplesecretkey',
        AWS_REGION: 'eu-west-1',
      },
    },
  );
  expect(run.failure).toBeUndefined();
  expect(await decrypted('s3-data')).toMatchObject({
    keyID: b64('AKIAEXAMPLEKEYID0001'),
    keySecret: b64('wJalrXUtnFEMIexamplesecretkey'),
    region: 'eu-west-1',
  });
  expectNothingShown(run, ['wJalrXUtnFEMIexamplesecretkey']);
});

test('docker: a password written in the manifest is sent as written (already base64)', async () => {
  const run = await runInProcess(
    'connection',
    {
      connection: `kind: Connection\nid: registry\nspec: {type: docker, uri: registry.example.com/team, username: bot, password: ${b64('hunter22hunter22')}}`,
    },
    { env, emulator },
  );
  expect(run.failure).toBeUndefined();
  expect(await decrypted('registry')).toMatchObject({ username: 'bot', password: b64('hunter22hunter22') });
});

test('git: the ssh-key input becomes keySecret', async () => {
  const key =
    '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAAB\n-----END OPENSSH PRIVATE KEY-----';
  const run = await runInProcess(
    'connection',
    {
      connection:
        'kind: Connection\nid: code\nspec: {type: git, uri: "git@github.com:odahu/odahu-examples.git", reference: develop}',
      'ssh-key': key,
    },
    { env, emulator },
  );
  expect(run.failure).toBeUndefined();
  expect(await decrypted('code')).toMatchObject({ keySecret: b64(`${key}\n`) });
  expectNothingShown(run, ['b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAAB']);
});

test('update by default, replace on request, fail on request', async () => {
  const manifest = (uri: string) =>
    `kind: Connection\nid: moving\nspec: {type: docker, uri: ${uri}, username: bot}`;
  await runInProcess(
    'connection',
    { connection: manifest('one.example.com'), password: 'pw-one-long' },
    { env, emulator },
  );
  const updated = await runInProcess(
    'connection',
    { connection: manifest('two.example.com'), password: 'pw-two-long' },
    { env, emulator },
  );
  expect(updated.log).toContain('Connection moving (docker) updated.');
  expect(await decrypted('moving')).toMatchObject({ uri: 'two.example.com', password: b64('pw-two-long') });
  const replaced = await runInProcess(
    'connection',
    { connection: manifest('three.example.com'), password: 'pw-three-long', 'if-exists': 'replace' },
    { env, emulator },
  );
  expect(replaced.log).toContain('Connection moving (docker) replaced.');
  const refused = await runInProcess(
    'connection',
    { connection: manifest('four.example.com'), password: 'pw-four-long', 'if-exists': 'fail' },
    { env, emulator },
  );
  expect(refused.failure).toBe('connection moving already exists and if-exists is fail');
});

describe('bad input fails before any API call', () => {
  const cases: [string, Record<string, string>, Record<string, string>, string][] = [
    [
      'a gcs connection without any key',
      { connection: gcs('no-key') },
      {},
      'a gcs connection needs a service-account key: set gcp-credentials, GOOGLE_APPLICATION_CREDENTIALS (google-github-actions/auth sets it) or spec.keySecret',
    ],
    [
      'an input for another type',
      { connection: gcs('wrong-type'), 'gcp-credentials': KEY, 'ssh-key': 'k' },
      {},
      'input ssh-key is for git connections; this connection is gcs',
    ],
    [
      'a manifest secret that is not base64',
      {
        connection:
          'kind: Connection\nid: plain\nspec: {type: docker, uri: r.example.com, username: u, password: "plain text!"}',
      },
      {},
      'spec.password in the manifest is not base64: the API takes it base64-encoded; encode it, or give it through the matching input, which encodes it',
    ],
    [
      'a key that is not JSON',
      { connection: gcs('bad-key'), 'gcp-credentials': '{not json' },
      {},
      'the service-account key from input gcp-credentials is not JSON',
    ],
    [
      'a key file that does not exist',
      { connection: gcs('no-file'), 'gcp-credentials': 'keys/missing.json' },
      {},
      'input gcp-credentials: file keys/missing.json not found',
    ],
  ];
  test.each(cases)('%s', async (_name, inputs, extraEnv, message) => {
    const before = emulator.answers.length;
    const run = await runInProcess('connection', inputs, { env: { ...env, ...extraEnv }, emulator });
    expect(run.failure).toContain(message);
    expect(emulator.answers.slice(before)).toEqual([]);
  });
});
