// Every Odahu setting of an action, read and checked in one place. Each comes from its own input,
// else from the Airflow connection in `api-connection`, else from its ODAHU_* variable, so a workflow
// can set them per step, reuse the Airflow plugin's connection secret, or set them once for a job.

import * as core from '@actions/core';

import { apiUrlOf, extraString, parseAirflowConnection } from './airflow-connection.js';
import type { AirflowConnection } from './airflow-connection.js';
import { parseDuration } from '../duration.js';
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

/** How the client proves itself to the token endpoint: the `auth` setting. */
export const AUTH_METHODS = ['client-secret', 'github-oidc'] as const;

export type Credentials =
  /** A ready bearer token: no grant, no refresh. */
  | { type: 'token'; token: string }
  /** The OAuth2 client-credentials grant at `authUrl` (a token endpoint, or an issuer to discover it). */
  | { type: 'client-credentials'; authUrl: string; clientId: string; clientSecret: string; scope: string }
  /**
   * The same grant without a secret: the client is proven by the job's GitHub OIDC token, asked for
   * `audience` (Keycloak's federated client authentication finds the client by the token's subject);
   * without one, for the realm's issuer as its OpenID configuration names it.
   */
  | { type: 'github-oidc'; authUrl: string; audience?: string; scope: string };

export interface OdahuSettings {
  /** The server's base URL, without a trailing `/` or `/api/v1`. */
  apiUrl: string;
  credentials: Credentials;
  /** How long one call is tried through transient failures (retry-timeout); 0: once. */
  retryTimeoutMs: number;
}

/** A retry-timeout longer than a day is a typo. */
const MAX_RETRY_TIMEOUT_MS = 24 * 3600 * 1000;

type SettingName =
  'api-url' | 'auth-url' | 'auth' | 'oidc-audience' | 'client-id' | 'client-secret' | 'scope' | 'token';

const VARIABLES: Record<SettingName | 'api-connection', string> = {
  'api-url': 'ODAHU_API_URL',
  'auth-url': 'ODAHU_AUTH_URL',
  auth: 'ODAHU_AUTH',
  'oidc-audience': 'ODAHU_OIDC_AUDIENCE',
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
  // The Airflow plugin's connection knows only secrets.
  auth: () => undefined,
  'oidc-audience': () => undefined,
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
  const given: GivenCredentials = {
    authUrl: setting('auth-url'),
    auth: setting('auth'),
    audience: setting('oidc-audience'),
    clientId: setting('client-id'),
    clientSecret: setting('client-secret'),
    scope: setting('scope'),
    token: setting('token'),
  };

  if (!apiUrl) {
    problems.push('api-url is missing: set the api-url input, the host of api-connection, or ODAHU_API_URL');
  } else if (!isHttpUrl(apiUrl.value)) {
    problems.push(`api-url is not a URL: "${apiUrl.value}" (from ${apiUrl.origin})`);
  }
  const { auth } = given;
  let credentials: Credentials | undefined;
  if (auth && !(AUTH_METHODS as readonly string[]).includes(auth.value)) {
    problems.push(`auth must be ${AUTH_METHODS.join(' or ')}, not "${auth.value}" (from ${auth.origin})`);
  } else if (auth?.value === 'github-oidc') {
    credentials = gitHubOidcCredentials(given, auth, source.env, problems);
  } else {
    credentials = secretCredentials(given, problems);
  }

  const retryTimeoutMs = readRetryTimeout(source, problems);

  if (problems.length > 0 || !apiUrl || !credentials) throw new InputError(problems);
  return { apiUrl: normaliseApiUrl(apiUrl.value), credentials, retryTimeoutMs };
}

interface GivenCredentials {
  authUrl?: Setting;
  auth?: Setting;
  audience?: Setting;
  clientId?: Setting;
  clientSecret?: Setting;
  scope?: Setting;
  token?: Setting;
}

/** auth client-secret (the default): a token, or the grant with the client's id and secret. */
function secretCredentials(given: GivenCredentials, problems: string[]): Credentials | undefined {
  const { authUrl, clientId, clientSecret, scope, token, audience } = given;
  if (audience) {
    problems.push(`oidc-audience (from ${audience.origin}) is only used with auth github-oidc`);
  }
  if (!token && authUrl && !isHttpUrl(authUrl.value)) {
    problems.push(`auth-url is not a URL: "${authUrl.value}" (from ${authUrl.origin})`);
  }
  if (token) return { type: 'token', token: token.value.replace(/^Bearer\s+/i, '') };
  if (authUrl && clientId) {
    return {
      type: 'client-credentials',
      authUrl: authUrl.value,
      clientId: clientId.value,
      // The seed's connection allows an empty secret (a public client).
      clientSecret: clientSecret?.value ?? '',
      scope: scope?.value ?? DEFAULT_SCOPE,
    };
  }
  if (authUrl) {
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
        '(as inputs, in api-connection, or as ODAHU_* variables), or auth-url with auth github-oidc',
    );
  }
  return undefined;
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

/** Why each setting the GitHub OIDC token replaces must not be given with it. */
const REPLACED_BY_OIDC: [keyof GivenCredentials, string, string][] = [
  ['token', 'token', 'the token comes from Keycloak in exchange for the GitHub OIDC token'],
  ['clientSecret', 'client-secret', 'the GitHub OIDC token proves the client instead'],
  ['clientId', 'client-id', "Keycloak finds the client by the GitHub OIDC token's subject"],
];

/**
 * auth github-oidc: the grant at auth-url with the job's GitHub OIDC token for the realm. The job
 * must be allowed to ask for that token; no secret, token or client id is read. The step's own
 * input of one is refused; one from the job's variables or api-connection (a job that also runs
 * client-secret steps) is left for those steps, with a notice.
 */
function gitHubOidcCredentials(
  given: GivenCredentials,
  auth: Setting,
  env: InputSource['env'],
  problems: string[],
): Credentials | undefined {
  const { authUrl, audience, scope } = given;
  const mode = `auth github-oidc (from ${auth.origin})`;
  for (const [key, name, why] of REPLACED_BY_OIDC) {
    const setting = given[key];
    if (!setting) continue;
    if (setting.origin === `input ${name}`)
      problems.push(`${name} (from ${setting.origin}) is not used with ${mode}: ${why}; remove it`);
    else core.notice(`${name} from ${setting.origin} is not used with ${mode} (${why}): ignored`);
  }
  if (!env.ACTIONS_ID_TOKEN_REQUEST_URL) {
    problems.push(
      `${mode} needs the job's GitHub OIDC token, which this job may not ask for: ` +
        'add "permissions: id-token: write" to the job or the workflow (ACTIONS_ID_TOKEN_REQUEST_URL is not set)',
    );
  }
  if (!authUrl) {
    problems.push(
      `auth-url is missing: ${mode} needs the realm's token endpoint or issuer URL: set the auth-url ` +
        'input, auth_url in the extra of api-connection, or ODAHU_AUTH_URL',
    );
    return undefined;
  }
  if (!isHttpUrl(authUrl.value)) {
    problems.push(`auth-url is not a URL: "${authUrl.value}" (from ${authUrl.origin})`);
    return undefined;
  }
  return {
    type: 'github-oidc',
    authUrl: authUrl.value,
    ...(audience ? { audience: audience.value } : {}),
    scope: scope?.value ?? DEFAULT_SCOPE,
  };
}

const DISCOVERY_PATH = '/.well-known/openid-configuration';

/** Whether the auth-url is an OpenID configuration (`<issuer>/.well-known/openid-configuration`). */
export function isDiscoveryUrl(authUrl: string): boolean {
  return authUrl.replace(/\/+$/, '').endsWith(DISCOVERY_PATH);
}

/**
 * The realm's issuer URL as the auth-url spells it: cut from its token endpoint
 * (`<issuer>/protocol/openid-connect/token`) or its OpenID configuration, or the issuer itself.
 * Keycloak's own word for it is its OpenID configuration's `issuer`, which may name another host
 * (its public one) than an auth-url inside the cluster.
 */
export function realmIssuerOf(authUrl: string): string {
  return authUrl
    .replace(/\/+$/, '')
    .replace(/\/protocol\/openid-connect\/token$/, '')
    .replace(/\/\.well-known\/openid-configuration$/, '');
}

/** Where the realm's OpenID configuration is, for an auth-url that is its token endpoint, issuer or configuration. */
export function discoveryUrlOf(authUrl: string): string {
  return `${realmIssuerOf(authUrl)}${DISCOVERY_PATH}`;
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
