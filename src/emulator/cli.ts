// The odahu-emulator command: starts the emulator, prints where it is as one JSON line on stdout
// ({"apiUrl","authUrl","clientId","clientSecret"}), and runs until SIGINT or SIGTERM.

import type { EmulatorClient, EmulatorOptions, Role } from './options.js';
import { messageOf } from '../shared/thrown.js';
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
  --token-ttl SECONDS        access token lifetime (default 300)
  --training-seconds S       time from create to a final state (default 3)
  --packaging-seconds S      (default 3)
  --deployment-seconds S     (default 2)
  --job-seconds S            batch jobs (default 2)
  --edge-warmup-seconds S    a Ready model's edge answers 503 this long (default 0.5)
  --launch-period SECONDS    the controller's period: a deleted training's or packaging's
                             Kubernetes object (and log) outlives it this long (default 1)
  --fail-rate R              share of API requests answered 503 unprocessed (0..1)
  --throttle-rate R          share answered 429 with Retry-After (0..1)
  --retry-after SECONDS      Retry-After of a 429 (default 1)
  --latency-ms MS            delay before each API request
  --drop-rate R              share processed, then cut mid-answer (0..1)
  --seed N                   seed of the fault dice, to replay a run's faults
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

const FLAGS: Readonly<Record<string, { option: keyof EmulatorOptions; read: Reader }>> = {
  '--port': { option: 'port', read: number(0, 65535, true) },
  '--host': { option: 'host', read: text },
  '--public-url': { option: 'publicUrl', read: url },
  '--client-id': { option: 'clientId', read: text },
  '--client-secret': { option: 'clientSecret', read: text },
  '--client': { option: 'extraClients', read: client },
  '--token-ttl': { option: 'tokenTtlSeconds', read: number(1, Infinity, true) },
  '--training-seconds': { option: 'trainingSeconds', read: number(0) },
  '--packaging-seconds': { option: 'packagingSeconds', read: number(0) },
  '--deployment-seconds': { option: 'deploymentSeconds', read: number(0) },
  '--job-seconds': { option: 'jobSeconds', read: number(0) },
  '--edge-warmup-seconds': { option: 'edgeWarmupSeconds', read: number(0) },
  '--launch-period': { option: 'launchPeriodSeconds', read: number(0) },
  '--fail-rate': { option: 'failRate', read: number(0, 1) },
  '--throttle-rate': { option: 'throttleRate', read: number(0, 1) },
  '--retry-after': { option: 'retryAfterSeconds', read: number(0, Infinity, true) },
  '--latency-ms': { option: 'latencyMs', read: number(0) },
  '--drop-rate': { option: 'dropRate', read: number(0, 1) },
  '--seed': { option: 'seed', read: number(0, 2 ** 32 - 1, true) },
};

/** The options the flags ask for, or 'help'. */
function parseFlags(args: readonly string[]): EmulatorOptions | 'help' {
  const options: Record<string, unknown> = {};
  const clients: EmulatorClient[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--verbose') {
      options.verbose = true;
      continue;
    }
    const [flag = '', inline] = arg.startsWith('--') && arg.includes('=') ? splitOnce(arg) : [arg, undefined];
    const spec = FLAGS[flag];
    if (!spec) throw new UsageError(`unknown flag ${JSON.stringify(arg)} (see --help)`);
    const value = inline ?? args[(i += 1)];
    if (value === undefined) throw new UsageError(`${flag} needs a value`);
    const read = spec.read(value, flag);
    if (spec.option === 'extraClients') clients.push(read as EmulatorClient);
    else options[spec.option] = read;
  }
  if (clients.length > 0) options.extraClients = clients;
  return options;
}

function splitOnce(arg: string): [string, string] {
  const at = arg.indexOf('=');
  return [arg.slice(0, at), arg.slice(at + 1)];
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
  const emulator = await startEmulator(parsed);
  const stop = (): void => {
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`odahu-emulator: ${String(error)}\n`);
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
