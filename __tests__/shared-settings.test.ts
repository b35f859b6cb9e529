import { jest } from '@jest/globals';

import { apiUrlOf, parseAirflowConnection } from '../src/shared/odahu/airflow-connection.js';
import { InputError } from '../src/shared/odahu/errors.js';
import { DEFAULT_SCOPE, discoveryUrlOf, readSettings } from '../src/shared/odahu/settings.js';
import type { InputSource, OdahuSettings } from '../src/shared/odahu/settings.js';

function source(inputs: Record<string, string> = {}, env: Record<string, string> = {}): InputSource {
  return { input: (name) => inputs[name] ?? '', env };
}

function problemsOf(read: () => unknown): readonly string[] {
  try {
    read();
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  throw new Error('no InputError');
}

const CLIENT = { 'auth-url': 'https://keycloak.example.com/token', 'client-id': 'odahu-ci' };

describe('settings: where each one comes from', () => {
  test('inputs alone: the client-credentials grant with the default scope', () => {
    const settings = readSettings(
      source({ 'api-url': 'https://odahu.example.com', ...CLIENT, 'client-secret': 'in-s1' }),
    );
    expect(settings).toEqual<OdahuSettings>({
      apiUrl: 'https://odahu.example.com',
      credentials: {
        type: 'client-credentials',
        authUrl: 'https://keycloak.example.com/token',
        clientId: 'odahu-ci',
        clientSecret: 'in-s1',
        scope: DEFAULT_SCOPE,
      },
      retryTimeoutMs: 180_000,
    });
  });

  test('variables alone', () => {
    const settings = readSettings(
      source(
        {},
        {
          ODAHU_API_URL: 'http://127.0.0.1:8765',
          ODAHU_AUTH_URL: 'http://127.0.0.1:8765/oauth/token',
          ODAHU_CLIENT_ID: 'env-client',
          ODAHU_CLIENT_SECRET: 'env-s1',
          ODAHU_SCOPE: 'openid',
        },
      ),
    );
    expect(settings.apiUrl).toBe('http://127.0.0.1:8765');
    expect(settings.credentials).toEqual({
      type: 'client-credentials',
      authUrl: 'http://127.0.0.1:8765/oauth/token',
      clientId: 'env-client',
      clientSecret: 'env-s1',
      scope: 'openid',
    });
  });

  const connection =
    'http://:conn-s1@conn.example.com/https?auth_url=https%3A%2F%2Fconn-auth.example.com%2Ftoken&client_id=conn-client&scope=openid+groups';
  const env = {
    ODAHU_API_URL: 'https://env.example.com',
    ODAHU_AUTH_URL: 'https://env-auth.example.com/token',
    ODAHU_CLIENT_ID: 'env-client',
    ODAHU_CLIENT_SECRET: 'env-s2',
    ODAHU_SCOPE: 'env-scope',
  };

  test('api-connection wins over the variables, setting by setting', () => {
    const settings = readSettings(source({ 'api-connection': connection }, env));
    expect(settings).toEqual({
      apiUrl: 'https://conn.example.com',
      credentials: {
        type: 'client-credentials',
        authUrl: 'https://conn-auth.example.com/token',
        clientId: 'conn-client',
        clientSecret: 'conn-s1',
        scope: 'openid groups',
      },
      retryTimeoutMs: 180_000,
    });
  });

  test.each([
    ['api-url', 'https://input.example.com', (s: OdahuSettings) => s.apiUrl],
    ['auth-url', 'https://input-auth.example.com/token', (s: OdahuSettings) => authOf(s).authUrl],
    ['client-id', 'input-client', (s: OdahuSettings) => authOf(s).clientId],
    ['client-secret', 'input-s3', (s: OdahuSettings) => authOf(s).clientSecret],
    ['scope', 'input-scope', (s: OdahuSettings) => authOf(s).scope],
  ])('the %s input wins over api-connection and the variable', (name, value, pick) => {
    const settings = readSettings(source({ 'api-connection': connection, [name]: value }, env));
    expect(pick(settings)).toBe(value);
  });

  test('a setting api-connection lacks comes from its variable', () => {
    const settings = readSettings(source({ 'api-connection': 'http://conn.example.com/https' }, env));
    expect(settings.apiUrl).toBe('https://conn.example.com');
    expect(authOf(settings)).toMatchObject({
      authUrl: env.ODAHU_AUTH_URL,
      clientSecret: 'env-s2',
      scope: 'env-scope',
    });
  });

  test('api-connection may come from ODAHU_API_CONNECTION; the input wins over it', () => {
    expect(readSettings(source({}, { ODAHU_API_CONNECTION: connection })).apiUrl).toBe(
      'https://conn.example.com',
    );
    const both = source(
      { 'api-connection': 'http://:x@input-conn.example.com?auth_url=http://a/t&client_id=c' },
      {
        ODAHU_API_CONNECTION: connection,
      },
    );
    expect(readSettings(both).apiUrl).toBe('http://input-conn.example.com');
  });

  test('a token needs no grant and wins over client credentials; a Bearer prefix is dropped', () => {
    expect(
      readSettings(source({ 'api-url': 'https://o.example.com', token: 'tok-1', ...CLIENT })).credentials,
    ).toEqual({
      type: 'token',
      token: 'tok-1',
    });
    expect(
      readSettings(source({}, { ODAHU_API_URL: 'https://o', ODAHU_TOKEN: 'Bearer tok-2' })).credentials,
    ).toEqual({
      type: 'token',
      token: 'tok-2',
    });
  });

  test('the client secret may be empty (a public client)', () => {
    expect(authOf(readSettings(source({ 'api-url': 'https://o.example.com', ...CLIENT }))).clientSecret).toBe(
      '',
    );
  });

  test.each([
    ['https://odahu.example.com/', 'https://odahu.example.com'],
    ['https://odahu.example.com/api/v1', 'https://odahu.example.com'],
    ['https://odahu.example.com/api/v1/', 'https://odahu.example.com'],
    ['https://example.com/odahu//', 'https://example.com/odahu'],
  ])('the API URL %s is used as %s', (given, used) => {
    expect(readSettings(source({ 'api-url': given, token: 't' })).apiUrl).toBe(used);
  });
});

describe('settings: problems, all of them, one line each', () => {
  test('api-url is not a URL, naming where it came from', () => {
    expect(problemsOf(() => readSettings(source({ 'api-url': 'odahu.example.com', token: 't' })))).toEqual([
      'api-url is not a URL: "odahu.example.com" (from input api-url)',
    ]);
    expect(problemsOf(() => readSettings(source({ token: 't' }, { ODAHU_API_URL: 'ftp://x' })))).toEqual([
      'api-url is not a URL: "ftp://x" (from ODAHU_API_URL)',
    ]);
  });

  test('missing api-url and no credentials', () => {
    expect(problemsOf(() => readSettings(source()))).toEqual([
      'api-url is missing: set the api-url input, the host of api-connection, or ODAHU_API_URL',
      'no credentials: set token (or ODAHU_TOKEN), or auth-url and client-id with client-secret ' +
        '(as inputs, in api-connection, or as ODAHU_* variables), or auth-url with auth github-oidc',
    ]);
  });

  test('auth-url without client-id, client-id without auth-url, auth-url not a URL', () => {
    const api = { 'api-url': 'https://o.example.com' };
    expect(problemsOf(() => readSettings(source({ ...api, 'auth-url': 'https://k/token' })))).toEqual([
      'client-id is missing: auth-url (from input auth-url) needs the client-id input, ' +
        'client_id in the extra of api-connection, or ODAHU_CLIENT_ID',
    ]);
    expect(problemsOf(() => readSettings(source(api, { ODAHU_CLIENT_ID: 'c' })))).toEqual([
      'auth-url is missing: client-id (from ODAHU_CLIENT_ID) needs the auth-url input, ' +
        'auth_url in the extra of api-connection, or ODAHU_AUTH_URL',
    ]);
    expect(
      problemsOf(() => readSettings(source({ ...api, 'auth-url': 'keycloak', 'client-id': 'c' }))),
    ).toEqual(['auth-url is not a URL: "keycloak" (from input auth-url)']);
  });

  test('an unreadable api-connection, with the other problems, and without its secret', () => {
    const problems = problemsOf(() => readSettings(source({ 'api-connection': '{"password": "leak-s1", ' })));
    expect(problems).toEqual([
      'api-connection is neither an Airflow connection URI nor JSON: it starts with "{" but is not valid JSON',
      'api-url is missing: set the api-url input, the host of api-connection, or ODAHU_API_URL',
      expect.stringMatching(/^no credentials/),
    ]);
    expect(problems.join('\n')).not.toContain('leak-s1');
    expect(
      problemsOf(() => readSettings(source({ 'api-connection': 'odahu.example.com', token: 't' }))),
    ).toEqual([
      'api-connection is neither an Airflow connection URI nor JSON: ' +
        'expected <type>://[login:password@]host[:port][/schema][?extra] or a JSON object',
      'api-url is missing: set the api-url input, the host of api-connection, or ODAHU_API_URL',
    ]);
  });

  test('secrets are masked as soon as they are read, and never in a message', () => {
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const problems = problemsOf(() =>
        readSettings(
          source(
            {
              'client-secret': 'mask-s1',
              'api-connection': 'http://:mask%2Fs2@h.example.com/https?auth_url=x',
            },
            { ODAHU_TOKEN: '', ODAHU_CLIENT_SECRET: 'mask-s3' },
          ),
        ),
      );
      const masked = write.mock.calls
        .map(([chunk]) => String(chunk))
        .filter((line) => line.startsWith('::add-mask::'))
        .map((line) => decodeURIComponent(line.slice('::add-mask::'.length).trim()));
      expect(masked).toEqual(expect.arrayContaining(['mask-s1', 'mask/s2', 'mask%2Fs2', 'mask-s3']));
      expect(problems).toEqual([
        'auth-url is not a URL: "x" (from api-connection)',
        expect.stringMatching(/^client-id is missing/),
      ]);
    } finally {
      write.mockRestore();
    }
  });
});

describe('auth github-oidc: the GitHub OIDC token instead of a secret', () => {
  const realm = 'https://keycloak.example.com/realms/odahu';
  const job = { ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.example/idtoken?api-version=2.0' };

  test("without oidc-audience none is set: the token source reads the realm's issuer", () => {
    for (const authUrl of [`${realm}/protocol/openid-connect/token`, realm, `${realm}/`]) {
      const settings = readSettings(
        source({ 'api-url': 'https://odahu.example.com', 'auth-url': authUrl, auth: 'github-oidc' }, job),
      );
      expect(settings.credentials).toEqual({ type: 'github-oidc', authUrl, scope: DEFAULT_SCOPE });
    }
    // Where its OpenID configuration is, whichever of the three auth-url is.
    for (const authUrl of [
      `${realm}/protocol/openid-connect/token`,
      realm,
      `${realm}/`,
      `${realm}/.well-known/openid-configuration`,
    ]) {
      expect(discoveryUrlOf(authUrl)).toBe(`${realm}/.well-known/openid-configuration`);
    }
  });

  test('from the variables, with oidc-audience and scope', () => {
    const settings = readSettings(
      source(
        {},
        {
          ...job,
          ODAHU_API_URL: 'https://odahu.example.com',
          ODAHU_AUTH_URL: 'http://keycloak.internal:8080/auth/realms/odahu/protocol/openid-connect/token',
          ODAHU_AUTH: 'github-oidc',
          ODAHU_OIDC_AUDIENCE: 'https://keycloak.example.com/auth/realms/odahu',
          ODAHU_SCOPE: 'openid',
        },
      ),
    );
    expect(settings.credentials).toEqual({
      type: 'github-oidc',
      authUrl: 'http://keycloak.internal:8080/auth/realms/odahu/protocol/openid-connect/token',
      audience: 'https://keycloak.example.com/auth/realms/odahu',
      scope: 'openid',
    });
  });

  test('without id-token: write, the permission is named, before any call', () => {
    expect(
      problemsOf(() =>
        readSettings(source({ 'api-url': 'https://o.example.com', 'auth-url': realm, auth: 'github-oidc' })),
      ),
    ).toEqual([
      "auth github-oidc (from input auth) needs the job's GitHub OIDC token, which this job may not ask for: " +
        'add "permissions: id-token: write" to the job or the workflow (ACTIONS_ID_TOKEN_REQUEST_URL is not set)',
    ]);
  });

  test("the step's own secret, token or client id given with it, a missing auth-url, an unknown auth: one line each", () => {
    const problems = problemsOf(() =>
      readSettings(
        source(
          {
            'api-url': 'https://o.example.com',
            'client-secret': 'oidc-s1',
            token: 'oidc-t1',
            'client-id': 'odahu-ci',
          },
          { ...job, ODAHU_AUTH: 'github-oidc' },
        ),
      ),
    );
    expect(problems).toEqual([
      'token (from input token) is not used with auth github-oidc (from ODAHU_AUTH): ' +
        'the token comes from Keycloak in exchange for the GitHub OIDC token; remove it',
      'client-secret (from input client-secret) is not used with auth github-oidc (from ODAHU_AUTH): ' +
        'the GitHub OIDC token proves the client instead; remove it',
      'client-id (from input client-id) is not used with auth github-oidc (from ODAHU_AUTH): ' +
        "Keycloak finds the client by the GitHub OIDC token's subject; remove it",
      "auth-url is missing: auth github-oidc (from ODAHU_AUTH) needs the realm's token endpoint or issuer URL: " +
        'set the auth-url input, auth_url in the extra of api-connection, or ODAHU_AUTH_URL',
    ]);
    expect(problems.join('\n')).not.toMatch(/oidc-s1|oidc-t1/);
    expect(
      problemsOf(() =>
        readSettings(source({ 'api-url': 'https://o.example.com', auth: 'oidc', 'auth-url': realm }, job)),
      ),
    ).toEqual(['auth must be client-secret or github-oidc, not "oidc" (from input auth)']);
  });

  test("a client id and secret from the job's variables (for its client-secret steps): a notice each, not used", () => {
    let printed = '';
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed += chunk.toString();
      return true;
    });
    try {
      const settings = readSettings(
        source(
          { 'api-url': 'https://o.example.com', 'auth-url': realm, auth: 'github-oidc' },
          { ...job, ODAHU_CLIENT_ID: 'odahu-ci', ODAHU_CLIENT_SECRET: 'job-s1' },
        ),
      );
      expect(settings.credentials).toEqual({ type: 'github-oidc', authUrl: realm, scope: DEFAULT_SCOPE });
    } finally {
      write.mockRestore();
    }
    expect(printed.split('\n').filter((line) => line.startsWith('::notice::'))).toEqual([
      '::notice::client-secret from ODAHU_CLIENT_SECRET is not used with auth github-oidc (from input auth) ' +
        '(the GitHub OIDC token proves the client instead): ignored',
      '::notice::client-id from ODAHU_CLIENT_ID is not used with auth github-oidc (from input auth) ' +
        "(Keycloak finds the client by the GitHub OIDC token's subject): ignored",
    ]);
    // Masked as soon as read, never shown.
    expect(printed).toContain('::add-mask::job-s1');
    expect(printed.replace(/^::add-mask::.*$/gm, '')).not.toContain('job-s1');
  });

  test('oidc-audience is only for github-oidc', () => {
    expect(
      problemsOf(() =>
        readSettings(source({ 'api-url': 'https://o.example.com', token: 't', 'oidc-audience': realm }, job)),
      ),
    ).toEqual(['oidc-audience (from input oidc-audience) is only used with auth github-oidc']);
  });
});

describe('the Airflow connection', () => {
  function parsed(text: string) {
    const result = parseAirflowConnection(text);
    if (!result.ok) throw new Error(result.reason);
    return result.connection;
  }

  test('URI: the scheme is the type, the path the schema, the password the secret, the query the extra', () => {
    const connection = parsed(
      'http://:s3cr%3Dt+x@Odahu.Example.com/https?auth_url=https://keycloak.example.com&client_id=my-app&scope=openid+profile',
    );
    expect(connection).toEqual({
      connType: 'http',
      host: 'odahu.example.com',
      port: undefined,
      schema: 'https',
      login: '',
      password: 's3cr=t+x',
      extra: { auth_url: 'https://keycloak.example.com', client_id: 'my-app', scope: 'openid profile' },
    });
    expect(apiUrlOf(connection)).toBe('https://odahu.example.com');
  });

  test('URI: the port is kept; no schema means http', () => {
    expect(apiUrlOf(parsed('http://:x@odahu.example.com:8443/https'))).toBe('https://odahu.example.com:8443');
    expect(apiUrlOf(parsed('http://odahu.example.com:8080'))).toBe('http://odahu.example.com:8080');
    expect(apiUrlOf(parsed('http://odahu.example.com'))).toBe('http://odahu.example.com');
  });

  test('URI: Extra as JSON in __extra__, a login, a host with its own protocol, a dashed type', () => {
    const connection = parsed(
      'odahu-flow://user:pw@odahu.example.com?__extra__=%7B%22auth_url%22%3A+%22https%3A%2F%2Fk%22%2C+%22client_id%22%3A+%22c%22%7D',
    );
    expect(connection).toMatchObject({ connType: 'odahu_flow', login: 'user', password: 'pw' });
    expect(connection.extra).toEqual({ auth_url: 'https://k', client_id: 'c' });
    expect(apiUrlOf(parsed('http://https://odahu.example.com:444'))).toBe('https://odahu.example.com:444');
  });

  test('JSON: extra as an object or as a string, port as a number or a string', () => {
    const base = { conn_type: 'http', host: 'odahu.example.com', schema: 'https', login: '', password: 'pw' };
    const withObject = parsed(
      JSON.stringify({ ...base, port: 443, extra: { client_id: 'c', auth_url: 'https://k' } }),
    );
    const withString = parsed(
      JSON.stringify({ ...base, port: '443', extra: '{"client_id": "c", "auth_url": "https://k"}' }),
    );
    expect(withObject).toEqual(withString);
    expect(withObject).toMatchObject({ port: 443, password: 'pw', extra: { client_id: 'c' } });
    expect(apiUrlOf(withObject)).toBe('https://odahu.example.com:443');
    expect(apiUrlOf(parsed('{"host": "https://odahu.example.com"}'))).toBe('https://odahu.example.com');
  });

  test.each([
    ['a://b://c://d', "more than two '://' before the query"],
    ['http://:x@host:port/https', 'the port is not a number from 0 to 65535'],
    ['http://h?__extra__=nope', 'its extra is not valid JSON'],
    ['[1]', URI_FORM_REASON()],
    ['{"host": 1}', 'its host is not a string'],
    ['{"host": "h", "extra": "[1]"}', 'its extra is not a JSON object'],
    ['{"host": "h", "extra": 5}', 'its extra is neither a JSON object nor a string holding one'],
    ['{"host": "h", "port": "x"}', 'the port is not a number from 0 to 65535'],
  ])('%s is refused: %s', (text, reason) => {
    expect(parseAirflowConnection(text)).toEqual({ ok: false, reason });
  });
});

function URI_FORM_REASON(): string {
  return 'expected <type>://[login:password@]host[:port][/schema][?extra] or a JSON object';
}

function authOf(settings: OdahuSettings) {
  if (settings.credentials.type !== 'client-credentials') throw new Error('not client credentials');
  return settings.credentials;
}

describe('retry-timeout', () => {
  const base = { 'api-url': 'https://o.example.com', token: 't' };

  test('3 minutes by default; the input, else ODAHU_RETRY_TIMEOUT', () => {
    expect(readSettings(source(base)).retryTimeoutMs).toBe(180_000);
    expect(readSettings(source(base, { ODAHU_RETRY_TIMEOUT: '10m' })).retryTimeoutMs).toBe(600_000);
    expect(
      readSettings(source({ ...base, 'retry-timeout': '90s' }, { ODAHU_RETRY_TIMEOUT: '10m' }))
        .retryTimeoutMs,
    ).toBe(90_000);
    expect(readSettings(source({ ...base, 'retry-timeout': '0' })).retryTimeoutMs).toBe(0);
  });

  test('not a duration, or longer than a day: one line naming where it came from', () => {
    expect(() => readSettings(source({ ...base, 'retry-timeout': 'soon' }))).toThrow(
      /^input retry-timeout "soon" is not a duration/,
    );
    expect(() => readSettings(source(base, { ODAHU_RETRY_TIMEOUT: '48h' }))).toThrow(
      'ODAHU_RETRY_TIMEOUT must be at most 24h, not "48h"',
    );
  });
});
