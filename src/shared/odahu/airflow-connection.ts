// The Odahu connection of the Airflow plugin, in the two forms Airflow reads from AIRFLOW_CONN_*
// variables: the connection URI and the JSON document. Parsed the way Airflow parses them, so a
// secret copied from an Airflow deployment means the same thing here.

import { markSecret } from './secrets.js';

export interface AirflowConnection {
  /** The URI's scheme (`http`), with `-` read as `_`, as Airflow normalises it. */
  connType: string;
  /** May carry its own protocol (`https://odahu.example.com`), as Airflow allows. */
  host: string;
  port: number | undefined;
  /** For an HTTP connection: the protocol of the host (`https`). */
  schema: string;
  login: string;
  /** The OAuth2 client secret. */
  password: string;
  /** The Extra field: `auth_url`, `client_id`, `scope`. */
  extra: Record<string, unknown>;
}

export type AirflowConnectionParse =
  { ok: true; connection: AirflowConnection } | { ok: false; reason: string };

const URI_FORM = 'expected <type>://[login:password@]host[:port][/schema][?extra] or a JSON object';

/** Reads either form. The reason of a failure never quotes the text (it holds the secret). */
export function parseAirflowConnection(text: string): AirflowConnectionParse {
  const trimmed = text.trim();
  try {
    const connection = trimmed.startsWith('{') ? fromJson(trimmed) : fromUri(trimmed);
    return { ok: true, connection };
  } catch (error) {
    if (error instanceof ConnectionFormatError) return { ok: false, reason: error.message };
    throw error;
  }
}

/** The API URL the connection names: `<schema or http>://<host>[:<port>]`; undefined without a host. */
export function apiUrlOf(connection: AirflowConnection): string | undefined {
  const { host, port, schema } = connection;
  if (!host) return undefined;
  const hostPart = host.includes(':') && !host.includes('://') && !host.startsWith('[') ? `[${host}]` : host;
  const base = host.includes('://') ? hostPart : `${schema || 'http'}://${hostPart}`;
  return port === undefined ? base : `${base}:${port}`;
}

/** A string field of Extra, if present. */
export function extraString(connection: AirflowConnection, key: string): string | undefined {
  const value = connection.extra[key];
  return typeof value === 'string' ? value : undefined;
}

class ConnectionFormatError extends Error {}

function fail(reason: string): never {
  throw new ConnectionFormatError(reason);
}

/** Python's urllib unquote: decodes %XX sequences and leaves malformed ones as they are. */
function unquote(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

function fromUri(uri: string): AirflowConnection {
  // Counted before the query, whose values (an auth_url) may hold unencoded URLs.
  const schemes = (uri.split('?', 1)[0] ?? '').split('://').length - 1;
  if (schemes > 2) fail(`more than two '://' before the query`);
  const typeMatch = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(uri);
  if (!typeMatch?.[1]) fail(URI_FORM);
  const connType = typeMatch[1];
  let rest = uri.slice(typeMatch[0].length);

  // `type://https://host/...`: the host keeps its own protocol (Airflow's host_with_protocol).
  let protocol = '';
  if (schemes === 2) {
    const index = rest.indexOf('://');
    protocol = rest.slice(0, index);
    if (protocol.includes('@') || protocol.includes(':')) fail(`the host's protocol holds '@' or ':'`);
    rest = rest.slice(index + 3);
  }

  // urlsplit: the fragment goes first, then the query; the netloc ends at the first / ? or #.
  const withoutFragment = rest.split('#', 1)[0] ?? '';
  const queryAt = withoutFragment.indexOf('?');
  const query = queryAt >= 0 ? withoutFragment.slice(queryAt + 1) : '';
  const beforeQuery = queryAt >= 0 ? withoutFragment.slice(0, queryAt) : withoutFragment;
  const pathAt = beforeQuery.indexOf('/');
  const netloc = pathAt >= 0 ? beforeQuery.slice(0, pathAt) : beforeQuery;
  const path = pathAt >= 0 ? beforeQuery.slice(pathAt) : '';

  const at = netloc.lastIndexOf('@');
  const userinfo = at >= 0 ? netloc.slice(0, at) : '';
  const hostPort = at >= 0 ? netloc.slice(at + 1) : netloc;
  const colon = userinfo.indexOf(':');
  const login = unquote(colon >= 0 ? userinfo.slice(0, colon) : userinfo);
  const rawPassword = colon >= 0 ? userinfo.slice(colon + 1) : '';
  const password = unquote(rawPassword);
  // Both spellings: the URI's own and the decoded one.
  markSecret(rawPassword);
  markSecret(password);

  const { hostname, port } = splitHostPort(hostPort);
  const host = unquote(hostname).toLowerCase();
  return {
    connType: connType.replace(/-/g, '_'),
    host: protocol && host ? `${protocol}://${host}` : host,
    port,
    schema: unquote(path.slice(1)),
    login,
    password,
    extra: extraOfQuery(query),
  };
}

function splitHostPort(hostPort: string): { hostname: string; port: number | undefined } {
  const bracketed = /^\[([^\]]*)\](?::(.*))?$/.exec(hostPort);
  const [hostname, portText] = bracketed
    ? [bracketed[1] ?? '', bracketed[2]]
    : hostPort.includes(':')
      ? [hostPort.slice(0, hostPort.lastIndexOf(':')), hostPort.slice(hostPort.lastIndexOf(':') + 1)]
      : [hostPort, undefined];
  if (portText === undefined || portText === '') return { hostname, port: undefined };
  return { hostname, port: parsePort(portText) };
}

function parsePort(value: unknown): number {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port >= 0 && port <= 65535)) fail(`the port is not a number from 0 to 65535`);
  return port;
}

/** Airflow keeps the query as Extra: `__extra__` holds it as JSON, else every parameter is one key. */
function extraOfQuery(query: string): Record<string, unknown> {
  const params = new URLSearchParams(query);
  const json = params.get('__extra__');
  if (json !== null) return extraOfJson(json);
  const extra: Record<string, unknown> = {};
  for (const [key, value] of params) extra[key] = value;
  return extra;
}

function extraOfJson(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    fail('its extra is not valid JSON');
  }
  if (!isPlainObject(value)) fail('its extra is not a JSON object');
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fromJson(text: string): AirflowConnection {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    // JSON.parse quotes the text around the error, and the text holds the secret.
    fail('it starts with "{" but is not valid JSON');
  }
  if (!isPlainObject(document)) fail('it is not a JSON object');
  const field = (name: string): string => {
    const value = document[name];
    if (value === undefined || value === null) return '';
    if (typeof value !== 'string') fail(`its ${name} is not a string`);
    return value;
  };
  const password = field('password');
  markSecret(password);
  const rawExtra = document.extra;
  const extra =
    rawExtra === undefined || rawExtra === null || rawExtra === ''
      ? {}
      : typeof rawExtra === 'string'
        ? extraOfJson(rawExtra)
        : isPlainObject(rawExtra)
          ? rawExtra
          : fail('its extra is neither a JSON object nor a string holding one');
  const rawPort = document.port;
  return {
    connType: field('conn_type').replace(/-/g, '_'),
    host: field('host'),
    port: rawPort === undefined || rawPort === null || rawPort === '' ? undefined : parsePort(rawPort),
    schema: field('schema'),
    login: field('login'),
    password,
    extra,
  };
}
