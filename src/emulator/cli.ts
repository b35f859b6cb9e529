// The odahu-emulator command: starts the emulator, prints where it is as one JSON line on stdout
// ({"apiUrl","authUrl","clientId","clientSecret"}), and runs until SIGINT or SIGTERM.

import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { EmulatorClient, EmulatorOptions, FederatedClient, Role } from './options.js';
import type { Outage } from './outages.js';
import { messageOf } from '../shared/thrown.js';
import { listenProblem } from './listen-error.js';
import { startEmulator } from './server.js';

const USAGE = `Usage: odahu-emulator [flags]

A local Odahu 1.6.1 cluster: API server, OpenID provider, controller, pod logs and model servers.
Prints {"apiUrl","authUrl","clientId","clientSecret"} as one JSON line on stdout, then runs until
interrupted.

  --port N                   port to listen on; 0 picks a free one (default 8765)
  --host ADDRESS             address to listen on (default 127.0.0.1; 0.0.0.0 for containers)
  --public-url URL           base URL clients use, if not http://<host>:<port>
  --client-id ID             the admin client's id (default odahu-actions)
  --client-secret SECRET     the admin client's secret
  --client ID:SECRET:ROLE    one more client; ROLE is admin, data_scientist or viewer (repeatable)
  --federated-client ID:ROLE:ISSUER:SUBJECT
                             one more client, proven by ISSUER's tokens whose sub is exactly
                             SUBJECT, not by a secret (Keycloak's federated client authentication;
                             ISSUER ends at the first ":" after its host and port) (repeatable)
  --use-refresh-token ID:on|off
                             Keycloak's client_credentials.use_refresh_token of client ID: whether
                             its client-credentials answer has a refresh_token (default on for the
                             clients with a secret, off for federated ones) (repeatable)
  --federated-client-id client|subject
                             what a federated grant's client_id must be when sent: the proven
                             client's id (newest Keycloak, the default) or the assertion's sub
                             (Keycloak before keycloak/keycloak#48026)
  --realm-clock-lag SECONDS  the realm's clock runs this far behind this machine's, as a
                             Keycloak's behind GitHub's (default 0)
  --allowed-clock-skew SECONDS
                             the identity provider's allowedClockSkew for federated assertions
                             (default 0, Keycloak's)
  --token-ttl SECONDS        access token lifetime (default 300)
  --training-seconds S       time from create to a final state (default 3)
  --packaging-seconds S      (default 3)
  --deployment-seconds S     (default 2)
  --job-seconds S            batch jobs (default 2)
  --edge-warmup-seconds S    a Ready model's edge answers 503 this long (default 0.5)
  --launch-period SECONDS    the controller's period: a deleted training's or packaging's
                             Kubernetes object (and log) outlives it this long (default 1)
  --status-lag SECONDS       a finished pod's state reaches the API this long after
                             its log ends (default 0)
  --default-push-connection ID|none
                             the connection the packagers' docker-push target defaults to, as an
                             installation sets it (default docker-ci; none: a packaging must name
                             its target)
  --missing-image PATTERN    images matching PATTERN never pull (* is any run of characters);
                             their deployments stay Processing (repeatable)
  --fail-rate R              share of API requests answered 503 unprocessed (0..1)
  --throttle-rate R          share answered 429 with Retry-After (0..1)
  --retry-after SECONDS      Retry-After of a 429 (default 1)
  --latency-ms MS            delay before each API request
  --drop-rate R              share processed, then cut mid-answer (0..1)
  --seed N                   seed of the fault dice, to replay a run's faults
  --outage START:SECONDS     from START seconds after start-up, for SECONDS, the API
                             answers every request 503 (state is kept; repeatable)
  --outage auth:START:SECONDS  the same for the token endpoint (the OpenID provider)
  --verbose                  one line per request on stderr
  --help                     this text
`;

class UsageError extends Error {}

type Reader = (value: string, flag: string) => unknown;

const number =
  (min: number, max = Infinity, integer = false): Reader =>
  (value, flag) => {
    const n = Number(value);
    if (
      value.trim() === '' ||
      !Number.isFinite(n) ||
      n < min ||
      n > max ||
      (integer && !Number.isInteger(n))
    ) {
      const range = max === Infinity ? `${min} or more` : `between ${min} and ${max}`;
      throw new UsageError(`${flag} must be ${integer ? 'an integer' : 'a number'} ${range}, not "${value}"`);
    }
    return n;
  };
const text: Reader = (value, flag) => {
  if (value === '') throw new UsageError(`${flag} must not be empty`);
  return value;
};
const url: Reader = (value, flag) => {
  if (!/^https?:\/\/[^/]+/.test(value))
    throw new UsageError(`${flag} must be an http(s) URL, not "${value}"`);
  return value;
};

const outage: Reader = (value, flag): Outage => {
  const parts = value.split(':');
  const target = parts.length === 3 ? parts.shift() : 'api';
  const [start, seconds] = parts.map((part) => (part.trim() === '' ? NaN : Number(part)));
  if (
    parts.length !== 2 ||
    (target !== 'api' && target !== 'auth') ||
    !Number.isFinite(start) ||
    !Number.isFinite(seconds) ||
    start! < 0 ||
    seconds! <= 0
  ) {
    throw new UsageError(
      `${flag} must be START:SECONDS or auth:START:SECONDS (seconds after start-up, a duration above 0), not "${value}"`,
    );
  }
  return { target, startSeconds: start!, seconds: seconds! };
};

const ROLES: readonly Role[] = ['admin', 'data_scientist', 'viewer'];
const client: Reader = (value, flag): EmulatorClient => {
  const [clientId = '', clientSecret = '', role = '', ...rest] = value.split(':');
  if (!clientId || !clientSecret || rest.length > 0 || !ROLES.includes(role as Role)) {
    throw new UsageError(
      `${flag} must be ID:SECRET:ROLE with ROLE one of ${ROLES.join(', ')}, not "${value}"`,
    );
  }
  return { clientId, clientSecret, role: role as Role };
};

/** ID:ROLE:ISSUER:SUBJECT; the issuer is a URL whose path has no ':', the subject may have them. */
const federatedClient: Reader = (value, flag): FederatedClient => {
  const match = /^([^:]+):([^:]+):(https?:\/\/[^/:?#\s]+(?::\d+)?(?:\/[^:?#\s]*)?):(.+)$/.exec(value);
  const [, clientId = '', role = '', issuer = '', subject = ''] = match ?? [];
  if (!match || !ROLES.includes(role as Role)) {
    throw new UsageError(
      `${flag} must be ID:ROLE:ISSUER:SUBJECT with ROLE one of ${ROLES.join(', ')} and ISSUER an ` +
        `http(s) URL, not "${value}"`,
    );
  }
  return { clientId, role: role as Role, issuer, subject };
};

const refreshTokenSetting: Reader = (value, flag): [string, boolean] => {
  const match = /^(.+):(on|off)$/.exec(value);
  if (!match) throw new UsageError(`${flag} must be ID:on or ID:off, not "${value}"`);
  return [match[1]!, match[2] === 'on'];
};

const oneOf =
  (...choices: string[]): Reader =>
  (value, flag) => {
    if (!choices.includes(value))
      throw new UsageError(`${flag} must be ${choices.join(' or ')}, not "${value}"`);
    return value;
  };

/** A connection id, or `none` for no default (''). */
const connectionOrNone: Reader = (value, flag) => (value === 'none' ? '' : text(value, flag));

/** The flags that take a value, each read into its option; `repeatable` ones collect a list. */
const VALUE_FLAGS: Readonly<
  Record<string, { option: keyof EmulatorOptions; read: Reader; repeatable?: boolean }>
> = {
  port: { option: 'port', read: number(0, 65535, true) },
  host: { option: 'host', read: text },
  'public-url': { option: 'publicUrl', read: url },
  'client-id': { option: 'clientId', read: text },
  'client-secret': { option: 'clientSecret', read: text },
  client: { option: 'extraClients', read: client, repeatable: true },
  'federated-client': { option: 'federatedClients', read: federatedClient, repeatable: true },
  'use-refresh-token': { option: 'useRefreshToken', read: refreshTokenSetting, repeatable: true },
  'federated-client-id': { option: 'federatedClientIdCheck', read: oneOf('client', 'subject') },
  'realm-clock-lag': { option: 'realmClockLagSeconds', read: number(0) },
  'allowed-clock-skew': { option: 'allowedClockSkewSeconds', read: number(0) },
  'default-push-connection': { option: 'defaultPushConnection', read: connectionOrNone },
  'token-ttl': { option: 'tokenTtlSeconds', read: number(1, Infinity, true) },
  'training-seconds': { option: 'trainingSeconds', read: number(0) },
  'packaging-seconds': { option: 'packagingSeconds', read: number(0) },
  'deployment-seconds': { option: 'deploymentSeconds', read: number(0) },
  'job-seconds': { option: 'jobSeconds', read: number(0) },
  'edge-warmup-seconds': { option: 'edgeWarmupSeconds', read: number(0) },
  'launch-period': { option: 'launchPeriodSeconds', read: number(0) },
  'status-lag': { option: 'statusLagSeconds', read: number(0) },
  'missing-image': { option: 'missingImages', read: text, repeatable: true },
  'fail-rate': { option: 'failRate', read: number(0, 1) },
  'throttle-rate': { option: 'throttleRate', read: number(0, 1) },
  'retry-after': { option: 'retryAfterSeconds', read: number(0, Infinity, true) },
  'latency-ms': { option: 'latencyMs', read: number(0) },
  'drop-rate': { option: 'dropRate', read: number(0, 1) },
  seed: { option: 'seed', read: number(0, 2 ** 32 - 1, true) },
  outage: { option: 'outages', read: outage, repeatable: true },
};

const PARSE_OPTIONS: NonNullable<ParseArgsConfig['options']> = {
  help: { type: 'boolean', short: 'h' },
  verbose: { type: 'boolean' },
  ...Object.fromEntries(
    Object.entries(VALUE_FLAGS).map(([name, flag]) => [
      name,
      { type: 'string' as const, multiple: flag.repeatable === true },
    ]),
  ),
};

/** The options the flags ask for, or 'help'. */
function parseFlags(args: string[]): EmulatorOptions | 'help' {
  let values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  try {
    ({ values } = parseArgs({ args, options: PARSE_OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    throw usageErrorOf(error, args);
  }
  if (values.help === true) return 'help';
  const options: Record<string, unknown> = values.verbose === true ? { verbose: true } : {};
  for (const [name, flag] of Object.entries(VALUE_FLAGS)) {
    const given = values[name];
    if (given === undefined) continue;
    const read = (value: string | boolean) => flag.read(String(value), `--${name}`);
    options[flag.option] = Array.isArray(given) ? given.map(read) : read(given);
  }
  // ID:on|off pairs, the last one of an id winning.
  if (Array.isArray(options.useRefreshToken)) {
    options.useRefreshToken = Object.fromEntries(options.useRefreshToken as [string, boolean][]);
  }
  return options;
}

/** parseArgs' refusals, some of them several lines long, as one line naming the flag. */
function usageErrorOf(error: unknown, args: readonly string[]): Error {
  const code = (error as { code?: unknown }).code;
  const message = messageOf(error);
  const named = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(`unknown flag "${named}" (see --help)`);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UsageError(`unexpected argument "${/'([^']*)'/.exec(message)?.[1] ?? ''}" (see --help)`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      if (message.includes('does not take an argument')) return new UsageError(`${named} takes no value`);
      // "Ambiguous": the next argument starts with a dash, so it is taken for a flag, not the value.
      const next = args[args.indexOf(named) + 1];
      const nextName = next === undefined ? undefined : /^--?([^=]+)/.exec(next)?.[1];
      const nextIsFlag = nextName !== undefined && nextName in PARSE_OPTIONS;
      return new UsageError(
        next === undefined || nextIsFlag
          ? `${named} needs a value`
          : `${named} needs a value; for one that starts with "-", write ${named}=${next}`,
      );
    }
    default:
      return error instanceof Error ? error : new Error(message);
  }
}

async function main(): Promise<void> {
  let parsed: EmulatorOptions | 'help';
  try {
    parsed = parseFlags(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`odahu-emulator: ${error.message}\n`);
    process.exit(2);
  }
  if (parsed === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  let emulator;
  try {
    emulator = await startEmulator(parsed);
  } catch (error) {
    const problem = listenProblem(error, parsed.port, parsed.host);
    if (!problem) throw error;
    process.stderr.write(`odahu-emulator: ${problem}\n`);
    process.exit(2);
  }
  const stop = (): void => {
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`odahu-emulator: ${messageOf(error)}\n`);
        process.exit(1);
      },
    );
  };
  // Before the start-up line: whoever reads it may signal at once.
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const { apiUrl, authUrl, clientId, clientSecret } = emulator;
  process.stdout.write(`${JSON.stringify({ apiUrl, authUrl, clientId, clientSecret })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`odahu-emulator: ${messageOf(error)}\n`);
  process.exit(1);
});
