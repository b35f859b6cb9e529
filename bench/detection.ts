// How soon a step notices that its phase has finished: from the moment the emulator's controller
// writes the final state (its onStatus hook) to the moment the step prints it. The real bundles run
// as steps, several at a time, with their phases' durations spread so that no poll schedule lines up
// with them. Trainings and packagings end with their pod log; as on a cluster, the final state
// reaches the API a controller pass later (a lag spread over 0-3 s, `statusLagSeconds`), so the
// figure includes the catch-up after the log's end. Deployments have no log: polling alone.

import { startEmulator } from '../src/emulator/server.js';
import type { RunningEmulator, StatusChange } from '../src/emulator/options.js';
import { ClientCredentialsTokenSource } from '../src/shared/odahu/auth.js';
import { OdahuClient } from '../src/shared/odahu/client.js';
import { deployment, manifest, packaging, quickArtifactAndImage, training } from './resources.js';
import { inParallel, median, p95 } from './stats.js';
import { clusterEnv, runStep } from './steps.js';

export interface Detection {
  runs: number;
  medianMs: number;
  p95Ms: number;
  /** The phases' durations and the status lags, as given to the emulator. */
  durations: string;
}

const FINAL_LINE = /^\d\d:\d\d:\d\dZ (training|packaging|deployment) (\S+): (succeeded|failed|Ready)\b/;
/** Status lags of the emulators the pod phases run on: spread over a controller pass (3 s). */
const STATUS_LAGS = [0.3, 0.9, 1.5, 2.1, 2.7];

type Kind = 'training' | 'packaging' | 'deployment';

/** Where each emulator's controller wrote a final state, by `<kind>/<id>`. */
class FinalStates {
  private readonly at = new Map<string, number>();
  private readonly waiters = new Map<string, (at: number) => void>();

  record(change: StatusChange): void {
    if (!['succeeded', 'failed', 'Ready'].includes(change.state)) return;
    const key = `${change.kind}/${change.id}`;
    if (this.at.has(key)) return;
    this.at.set(key, change.at);
    this.waiters.get(key)?.(change.at);
  }

  when(kind: Kind, id: string): Promise<number> {
    const key = `${kind}/${id}`;
    const known = this.at.get(key);
    if (known !== undefined) return Promise.resolve(known);
    return new Promise((resolve) => this.waiters.set(key, resolve));
  }
}

export async function measureDetection(runsPerKind: number): Promise<Record<Kind, Detection>> {
  const finals = new FinalStates();
  const emulators: RunningEmulator[] = [];
  for (const statusLagSeconds of STATUS_LAGS) {
    emulators.push(await startEmulator({ port: 0, statusLagSeconds, onStatus: (c) => finals.record(c) }));
  }
  try {
    // Each emulator has its own artifacts and images.
    const made = await Promise.all(emulators.map(makeArtifactAndImage));
    const result = {} as Record<Kind, Detection>;
    // A training of 1.5-6 s, a packaging of 1.5-6 s, a deployment of 2-30 s.
    const spread = (i: number, low: number, high: number) =>
      low + ((high - low) * ((i * 7) % runsPerKind)) / runsPerKind;
    const kinds: {
      kind: Kind;
      action: string;
      seconds: (i: number) => number;
      inputs: (i: number, s: number, on: { artifact: string; image: string }) => Record<string, string>;
    }[] = [
      {
        kind: 'training',
        action: 'train',
        seconds: (i) => spread(i, 1.5, 6),
        inputs: (i, s) => ({ training: manifest('ModelTraining', training(`det-t-${i}`, s)) }),
      },
      {
        kind: 'packaging',
        action: 'package',
        seconds: (i) => spread(i, 1.5, 6),
        inputs: (i, s, { artifact }) => ({
          packaging: manifest('ModelPackaging', packaging(`det-p-${i}`, s)),
          'artifact-name': artifact,
        }),
      },
      {
        kind: 'deployment',
        action: 'deploy',
        seconds: (i) => spread(i, 2, 30),
        inputs: (i, s, { image }) => ({
          deployment: manifest('ModelDeployment', deployment(`det-d-${i}`, s)),
          image,
        }),
      },
    ];
    for (const { kind, action, seconds, inputs } of kinds) {
      const durations: number[] = [];
      // Waiting steps are mostly idle: a few at a time keeps the run short without crowding two cores.
      const latencies = await inParallel(runsPerKind, kind === 'deployment' ? 5 : 4, async (i) => {
        // Pod phases on emulators of each status lag in turn (deployments have none).
        const on = i % emulators.length;
        const emulator = emulators[on]!;
        const s = seconds(i);
        durations.push(s);
        const id = `det-${kind[0]}-${i}`;
        let noticed: number | undefined;
        const run = await runStep(
          action,
          { ...inputs(i, s, made[on]!), logs: 'true' },
          {
            env: clusterEnv(emulator),
            onLine: (line) => {
              const match = FINAL_LINE.exec(line);
              if (match && match[2] === id) noticed ??= Date.now();
            },
          },
        );
        if (run.exitCode !== 0 || noticed === undefined) {
          throw new Error(`${action} ${id} exited ${run.exitCode}:\n${run.lastLines.join('\n')}`);
        }
        return noticed - (await finals.when(kind, id));
      });
      const lags = kind === 'deployment' ? '' : `, status lags ${STATUS_LAGS.join('/')} s`;
      result[kind] = {
        runs: latencies.length,
        medianMs: median(latencies),
        p95Ms: p95(latencies),
        durations: `${Math.min(...durations).toFixed(1)}-${Math.max(...durations).toFixed(1)} s phases${lags}`,
      };
    }
    return result;
  } finally {
    for (const emulator of emulators) await emulator.close();
  }
}

/** A training's artifact and a packaging's image on this emulator. */
async function makeArtifactAndImage(emulator: RunningEmulator): Promise<{ artifact: string; image: string }> {
  const tokens = new ClientCredentialsTokenSource({
    authUrl: emulator.authUrl,
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    scope: 'openid',
  });
  const client = new OdahuClient({ apiUrl: emulator.apiUrl, tokens });
  try {
    return await quickArtifactAndImage(client);
  } finally {
    client.dispose();
  }
}
