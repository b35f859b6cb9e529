// Which Odahu cluster a run talks to. ODAHU_API_URL given (--var, --env-file or the environment)
// means that cluster: the ODAHU_* settings found there fill vars.ODAHU_* and
// secrets.ODAHU_CLIENT_SECRET where the user gave none, so workflows that read them from vars and
// secrets (as on GitHub) find them. Otherwise the embedded emulator starts in this process, with
// durations fit for a demo, and the same vars and secrets point at it.

import type { RunningEmulator } from '../emulator/options.js';
import { startEmulator } from '../emulator/server.js';
import { formatDuration } from '../shared/duration.js';
import { checkCluster } from './cluster-check.js';

export interface ClusterSources {
  vars: Record<string, string>;
  secrets: Record<string, string>;
  envFile: Record<string, string>;
  environment: NodeJS.ProcessEnv;
}

export interface Cluster {
  /** What the run talks to, for the first lines of its log. */
  description: string[];
  vars: Record<string, string>;
  secrets: Record<string, string>;
  /**
   * The embedded emulator only: trusts GitHub tokens of `issuer` with `subject` (once per subject),
   * for a client of their own with the admin role.
   */
  trustGitHubSubject?: (issuer: string, subject: string) => void;
  /** A given cluster: one request to it and its token endpoint before the first step (cluster-check.ts). */
  check?: () => Promise<void>;
  /** The embedded emulator itself (a test runs the steps on its clock). */
  emulator?: RunningEmulator;
  close(): Promise<void>;
}

const VAR_SETTINGS = ['ODAHU_API_URL', 'ODAHU_AUTH_URL', 'ODAHU_CLIENT_ID', 'ODAHU_SCOPE'];
const SECRET_SETTINGS = ['ODAHU_CLIENT_SECRET', 'ODAHU_TOKEN'];

/** A demo's pace: long enough to see the states change, short enough to watch. */
export const DEMO_DURATIONS = {
  trainingSeconds: 2,
  packagingSeconds: 2,
  deploymentSeconds: 1,
  jobSeconds: 1,
  edgeWarmupSeconds: 0.2,
};

export async function chooseCluster(
  sources: ClusterSources,
  emulatorOnly = false,
  /** The embedded emulator's pace, where a run wants another (the parked demo's 10-minute training). */
  durations: Partial<typeof DEMO_DURATIONS> = {},
): Promise<Cluster> {
  const origin = emulatorOnly ? undefined : givenClusterOrigin(sources);
  if (origin) return givenCluster(sources, origin);

  const pace = { ...DEMO_DURATIONS, ...durations };
  const emulator = await startEmulator({ port: 0, ...pace });
  const provided: Record<string, string> = {
    'vars.ODAHU_API_URL': emulator.apiUrl,
    'vars.ODAHU_AUTH_URL': emulator.authUrl,
    'vars.ODAHU_CLIENT_ID': emulator.clientId,
    'secrets.ODAHU_CLIENT_SECRET': emulator.clientSecret,
  };
  const vars = { ...sources.vars };
  const secrets = { ...sources.secrets };
  const filled: string[] = [];
  for (const [key, value] of Object.entries(provided)) {
    const [kind, name = ''] = key.split('.');
    const target = kind === 'vars' ? vars : secrets;
    if (target[name] === undefined) {
      target[name] = value;
      filled.push(key);
    }
  }
  return {
    description: [
      `cluster    the embedded Odahu emulator at ${emulator.apiUrl} (${pace.trainingSeconds === pace.packagingSeconds ? `training and packaging take ~${pace.trainingSeconds} s` : `training takes ~${formatDuration(pace.trainingSeconds * 1000)} on its clock, packaging ~${pace.packagingSeconds} s`}, a deployment ~${pace.deploymentSeconds} s)`,
      ...(filled.length > 0
        ? [`           ${filled.join(', ')} point at it; set ODAHU_API_URL to use a real cluster`]
        : []),
    ],
    vars,
    secrets,
    trustGitHubSubject: federatedTrust(emulator),
    emulator,
    close: () => emulator.close(),
  };
}

/**
 * One federated client per subject, as a realm has it, named after the subject's tail
 * (`repo:acme/models:environment:production` → `github-environment-production`).
 */
function federatedTrust(emulator: RunningEmulator): Cluster['trustGitHubSubject'] {
  const clients = new Map<string, string>();
  return (issuer, subject) => {
    const key = `${issuer} ${subject}`;
    if (clients.has(key)) return;
    const tail = subject.replace(/^repo:[^:]+:/, '').replace(/[^A-Za-z0-9_.-]+/g, '-');
    const base = `github-${tail}`.replace(/-+$/, '');
    const taken = new Set(clients.values());
    let clientId = base;
    for (let n = 2; taken.has(clientId); n += 1) clientId = `${base}-${n}`;
    emulator.addFederatedClient({ clientId, role: 'admin', issuer, subject });
    clients.set(key, clientId);
  };
}

/** Where the settings of a given cluster may come from, first found first. */
function layersOf(sources: ClusterSources): [string, Record<string, string | undefined>][] {
  return [
    ['--env-file', sources.envFile],
    ['the environment', sources.environment],
  ];
}

/** A setting that is set: an empty value (`ODAHU_API_URL=`) counts as unset, as the actions read it. */
const isSet = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

/**
 * Where the run's cluster is given (`--var ODAHU_API_URL`, `--env-file`, `the environment`), or
 * undefined when none is: the embedded emulator then. Known before anything starts.
 */
export function givenClusterOrigin(sources: ClusterSources): string | undefined {
  if (isSet(sources.vars.ODAHU_API_URL)) return '--var ODAHU_API_URL';
  return layersOf(sources).find(([, values]) => isSet(values.ODAHU_API_URL))?.[0];
}

function givenCluster(sources: ClusterSources, origin: string): Cluster {
  const vars = { ...sources.vars };
  const secrets = { ...sources.secrets };
  for (const [, values] of layersOf(sources)) {
    for (const [names, target] of [
      [VAR_SETTINGS, vars],
      [SECRET_SETTINGS, secrets],
    ] as const) {
      for (const name of names) {
        const value = values[name];
        if (!isSet(target[name]) && isSet(value)) target[name] = value;
      }
    }
  }
  return {
    description: [`cluster    ${vars.ODAHU_API_URL} (ODAHU_API_URL from ${origin})`],
    vars,
    secrets,
    check: () => checkCluster({ apiUrl: vars.ODAHU_API_URL ?? '', authUrl: vars.ODAHU_AUTH_URL, origin }),
    close: () => Promise.resolve(),
  };
}
