// What waiting costs the API: every request of a 10-minute training's wait (and of a 10-minute
// deployment's), counted by the emulator. Ten real minutes are not needed: the emulator's phase and
// token lifetime are divided by TIME_SCALE and the wait runs on a clock TIME_SCALE times as fast, so
// the wait takes the same decisions at the same moments of its own time. What does not scale is each
// request's own few milliseconds, which count TIME_SCALE times longer here: if anything, the wait
// looks a little cheaper than on a cluster by that. The wait is the actions' own watch(), in this
// process; the train and deploy actions run exactly it.

import { startEmulator } from '../src/emulator/server.js';
import type { RunningEmulator } from '../src/emulator/options.js';
import { ClientCredentialsTokenSource } from '../src/shared/odahu/auth.js';
import type { TokenSource } from '../src/shared/odahu/auth.js';
import { OdahuClient } from '../src/shared/odahu/client.js';
import { deploymentPhase, trainingPhase } from '../src/shared/action/phases.js';
import type { Phase } from '../src/shared/action/phases.js';
import { watch } from '../src/shared/action/watch.js';
import type { WatchClock } from '../src/shared/action/watch.js';
import { deployment, quickArtifactAndImage, training } from './resources.js';

export const TIME_SCALE = 20;
const PHASE_SECONDS = 600;
const TOKEN_TTL_SECONDS = 300;

export interface WaitingCost {
  /** API requests from the create to the final state, the create included; an open log stream counts once. */
  requests: number;
  /** The most requests in any one minute of the wait after its first. */
  maxPerMinuteAfterFirst: number;
  /** Requests in each minute of the wait. */
  perMinute: number[];
  /** Client-credentials grants (a token lives 5 minutes). */
  tokens: number;
}

/** A clock `scale` times as fast as the wall's, from now on. */
function fastClock(scale: number): WatchClock {
  const origin = Date.now();
  return {
    now: () => origin + (Date.now() - origin) * scale,
    sleep: (ms, signal) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(resolve, ms / scale);
        signal.addEventListener(
          'abort',
          () => {
            clearTimeout(timer);
            reject(signal.reason as Error);
          },
          { once: true },
        );
      }),
  };
}

/** Counts the distinct tokens handed out: each is one grant. */
function countingTokens(inner: TokenSource, seen: Set<string>): TokenSource {
  return {
    token: async (signal) => {
      const token = await inner.token(signal);
      seen.add(token);
      return token;
    },
    refresh: async (refused, signal) => {
      const token = await inner.refresh(refused, signal);
      if (token) seen.add(token);
      return token;
    },
  };
}

async function costOf<T extends { id: string }>(
  phase: Phase<T>,
  /** Makes what the resource needs (not counted) and returns it. */
  prepare: (client: OdahuClient) => Promise<T>,
  create: (client: OdahuClient, resource: T) => Promise<unknown>,
): Promise<WaitingCost> {
  let requestTimes: number[] = [];
  const emulator: RunningEmulator = await startEmulator({
    port: 0,
    trainingSeconds: PHASE_SECONDS / TIME_SCALE,
    deploymentSeconds: PHASE_SECONDS / TIME_SCALE,
    tokenTtlSeconds: Math.round(TOKEN_TTL_SECONDS / TIME_SCALE),
    onAnswer: (answer) => {
      if (answer.path.startsWith('/api/v1/')) requestTimes.push(Date.now());
    },
  });
  const tokens = new Set<string>();
  const client = new OdahuClient({
    apiUrl: emulator.apiUrl,
    tokens: countingTokens(
      new ClientCredentialsTokenSource({
        authUrl: emulator.authUrl,
        clientId: emulator.clientId,
        clientSecret: emulator.clientSecret,
        scope: 'openid',
      }),
      tokens,
    ),
  });
  let started: number;
  try {
    const resource = await prepare(client);
    requestTimes = [];
    started = Date.now();
    await create(client, resource);
    await watch(phase, client, resource.id, {
      timeoutMs: 2 * PHASE_SECONDS * 1000,
      pollIntervalMs: undefined,
      signal: new AbortController().signal,
      logs: false,
      clock: fastClock(TIME_SCALE),
    });
  } finally {
    client.dispose();
    await emulator.close();
  }
  // Minutes of the wait's own time; the last one is the part-minute in which the wait ended.
  const perMinute: number[] = [];
  for (const at of requestTimes) {
    const minute = Math.floor(((at - started) * TIME_SCALE) / 60_000);
    while (perMinute.length <= minute) perMinute.push(0);
    perMinute[minute]! += 1;
  }
  return {
    requests: requestTimes.length,
    maxPerMinuteAfterFirst: Math.max(...perMinute.slice(1)),
    perMinute,
    tokens: tokens.size,
  };
}

/** A 10-minute training (logs followed, unprinted) and a 10-minute deployment, side by side. */
export async function measureWaitingCost(): Promise<{ training: WaitingCost; deployment: WaitingCost }> {
  const [trainingCost, deploymentCost] = await Promise.all([
    costOf(
      trainingPhase,
      () => Promise.resolve(training('ten-minutes')),
      (client, t) => client.trainings.create(t),
    ),
    costOf(
      deploymentPhase,
      async (client) => deployment('ten-minutes', undefined, (await quickArtifactAndImage(client)).image),
      (client, d) => client.deployments.create(d),
    ),
  ]);
  return { training: trainingCost, deployment: deploymentCost };
}
