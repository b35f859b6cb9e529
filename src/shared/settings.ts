// Every Odahu setting of an action, read and checked in one place. Each comes from its own input,
// else from the Airflow connection in `api-connection`, else from its ODAHU_* variable, so a workflow
// can set them per step, reuse the Airflow plugin's connection secret, or set them once for a job.

import * as core from '@actions/core';

import { apiUrlOf, extraString, parseAirflowConnection } from './airflow-connection.js';
import type { AirflowConnection } from './airflow-connection.js';
import { parseDuration } from './duration.js';
import { InputError } from './errors.js';
import { DEFAULT_RETRY_BUDGET_MS } from './retry.js';
import { markSecretText } from './secrets.js';

/** Where settings are read from; tests pass their own instead of @actions/core and process.env. */
export interface InputSource {
  /** The input's value, '' when not given. */
  input(name: string): string;
  env: Readonly<Record<string, string | undefined>>;
}

export const actionInputs: InputSource = {
  input: (name) => core.getInput(name),
  env: process.env,
};

export const DEFAULT_SCOPE = 'openid profile email offline_access groups';

export type Credentials =
  /** A ready bearer token: no grant, no refresh. */
  | { type: 'token'; token: string }
  /** The OAuth2 client-credentials grant at `authUrl` (a token endpoint, or an issuer to discover it). */
  | { type: 'client-credentials'; authUrl: string; clientId: string; clientSecret: string; scope: string };

export interface OdahuSettings {
  /** The server's base URL, without a trailing `/` or `/api/v1`. */
  apiUrl: string;
  credentials: Credentials;
  /** How long one call is tried through transient failures (retry-timeout); 0: once. */
  retryTimeoutMs: number;
}

/** A retry-timeout longer than a day is a typo. */
const MAX_RETRY_TIMEOUT_MS = 24 * 3600 * 1000;

type SettingName = 'api-url' | 'auth-url' | 'client-id' | 'client-secret' | 'scope' | 'token';

const VARIABLES: Record<SettingName | 'api-connection', string> = {
  'api-url': 'ODAHU_API_URL',
  'auth-url': 'ODAHU_AUTH_URL',
  'client-id': 'ODAHU_CLIENT_ID',
  'client-secret': 'ODAHU_CLIENT_SECRET',
  scope: 'ODAHU_SCOPE',
  token: 'ODAHU_TOKEN',
  'api-connection': 'ODAHU_API_CONNECTION',
};

const SECRET_SETTINGS: ReadonlySet<string> = new Set(['client-secret', 'token', 'api-connection']);

/** What the Airflow connection holds for each setting. */
const FROM_CONNECTION: Record<SettingName, (connection: AirflowConnection) => string | undefined> = {
  'api-url': apiUrlOf,
  'auth-url': (connection) => extraString(connection, 'auth_url'),
  'client-id': (connection) => extraString(connection, 'client_id'),
  'client-secret': (connection) => connection.password,
  scope: (connection) => extraString(connection, 'scope'),
  token: () => undefined,
};

interface Setting {
  value: string;
  /** Said in messages, so the user knows which of the three places to fix. */
  origin: string;
}

/** Reads and checks every setting; throws one InputError listing every problem. */
export function readSettings(source: InputSource = actionInputs): OdahuSettings {
  const problems: string[] = [];
  const read = (name: SettingName | 'api-connection'): { input: string; variable: string } => {
    const input = source.input(name).trim();
    const variable = (source.env[VARIABLES[name]] ?? '').trim();
    if (SECRET_SETTINGS.has(name)) {
      // The JSON form of api-connection may span lines: each one is masked too.
      markSecretText(input);
      markSecretText(variable);
    }
    return { input, variable };
  };

  const connectionText = read('api-connection');
  let connection: AirflowConnection | undefined;
  const connectionValue = connectionText.input || connectionText.variable;
  if (connectionValue) {
    const parsed = parseAirflowConnection(connectionValue);
    if (parsed.ok) connection = parsed.connection;
    else problems.push(`api-connection is neither an Airflow connection URI nor JSON: ${parsed.reason}`);
  }

  const setting = (name: SettingName): Setting | undefined => {
    const { input, variable } = read(name);
    if (input) return { value: input, origin: `input ${name}` };
    const fromConnection = connection && FROM_CONNECTION[name](connection)?.trim();
    if (fromConnection) return { value: fromConnection, origin: 'api-connection' };
    if (variable) return { value: variable, origin: VARIABLES[name] };
    return undefined;
  };

  const apiUrl = setting('api-url');
  const authUrl = setting('auth-url');
  const clientId = setting('client-id');
  const clientSecret = setting('client-secret');
  const scope = setting('scope');
  const token = setting('token');

  if (!apiUrl) {
    problems.push('api-url is missing: set the api-url input, the host of api-connection, or ODAHU_API_URL');
  } else if (!isHttpUrl(apiUrl.value)) {
    problems.push(`api-url is not a URL: "${apiUrl.value}" (from ${apiUrl.origin})`);
  }

  if (!token && authUrl && !isHttpUrl(authUrl.value)) {
    problems.push(`auth-url is not a URL: "${authUrl.value}" (from ${authUrl.origin})`);
  }
  let credentials: Credentials | undefined;
  if (token) {
    credentials = { type: 'token', token: token.value.replace(/^Bearer\s+/i, '') };
  } else if (authUrl && clientId) {
    credentials = {
      type: 'client-credentials',
      authUrl: authUrl.value,
      clientId: clientId.value,
      // The seed's connection allows an empty secret (a public client).
      clientSecret: clientSecret?.value ?? '',
      scope: scope?.value ?? DEFAULT_SCOPE,
    };
  } else if (authUrl) {
    problems.push(
      `client-id is missing: auth-url (from ${authUrl.origin}) needs the client-id input, ` +
        `client_id in the extra of api-connection, or ODAHU_CLIENT_ID`,
    );
  } else if (clientId) {
    problems.push(
      `auth-url is missing: client-id (from ${clientId.origin}) needs the auth-url input, ` +
        `auth_url in the extra of api-connection, or ODAHU_AUTH_URL`,
    );
  } else {
    problems.push(
      'no credentials: set token (or ODAHU_TOKEN), or auth-url and client-id with client-secret ' +
        '(as inputs, in api-connection, or as ODAHU_* variables)',
    );
  }

  const retryTimeoutMs = readRetryTimeout(source, problems);

  if (problems.length > 0 || !apiUrl || !credentials) throw new InputError(problems);
  return { apiUrl: normaliseApiUrl(apiUrl.value), credentials, retryTimeoutMs };
}

/** `retry-timeout`, else ODAHU_RETRY_TIMEOUT, else 3 minutes. */
function readRetryTimeout(source: InputSource, problems: string[]): number {
  const input = source.input('retry-timeout').trim();
  const variable = (source.env.ODAHU_RETRY_TIMEOUT ?? '').trim();
  const [text, origin] = input ? [input, 'input retry-timeout'] : [variable, 'ODAHU_RETRY_TIMEOUT'];
  if (!text) return DEFAULT_RETRY_BUDGET_MS;
  try {
    const ms = parseDuration(text, origin);
    if (ms <= MAX_RETRY_TIMEOUT_MS) return ms;
    problems.push(`${origin} must be at most 24h, not "${text}"`);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problems.push(...error.problems);
  }
  return DEFAULT_RETRY_BUDGET_MS;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Users paste the base URL in several spellings; the client appends `/api/v1/...` itself. */
function normaliseApiUrl(url: string): string {
  return url
    .replace(/\/+$/, '')
    .replace(/\/api\/v1$/, '')
    .replace(/\/+$/, '');
}
