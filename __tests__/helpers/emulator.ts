// The emulator every test file starts: fast state machines, a free port, and the contract check on
// every answer it gives, so a test that drives the emulator also proves the emulator follows the spec.

import { generateKeyPair } from 'jose';
import type { GenerateKeyPairResult } from 'jose';
import type { EmulatorOptions, RecordedAnswer, RunningEmulator } from '../../src/emulator/options.js';
import { startEmulator } from '../../src/emulator/server.js';
import { ClientCredentialsTokenSource } from '../../src/shared/odahu/auth.js';
import { OdahuClient } from '../../src/shared/odahu/client.js';
import { holdClock, settle } from './emulator-time.js';
import { checkAnswer, contractAvailable } from './swagger-contract.js';

export { contractAvailable };

export type TestEmulator = RunningEmulator & {
  /** Every answer of the API and the model server, in order. */
  answers: RecordedAnswer[];
  /**
   * The API calls answered since `from` (an index into `answers`), as `METHOD /api/v1/path`; with
   * `writes`, reads left out.
   */
  callsSince(from: number, options?: { writes?: boolean }): string[];
  /**
   * Runs `act` with the emulator's clock held (nothing happens over time but the steps `act` takes),
   * then releases it, whatever happened.
   */
  held<T>(act: () => Promise<T>): Promise<T>;
  /**
   * Lets `ms` of the emulator's time pass at once, its steps run in order (what passes between two
   * steps of a job while the runner starts the next one's process).
   */
  advance(ms: number): Promise<void>;
};

/** Short enough to keep tests quick, long enough that intermediate states can still be seen. */
const TEST_DEFAULTS: EmulatorOptions = {
  port: 0,
  trainingSeconds: 0.3,
  packagingSeconds: 0.3,
  deploymentSeconds: 0.2,
  jobSeconds: 0.2,
  edgeWarmupSeconds: 0.05,
  launchPeriodSeconds: 0.1,
};

/** One RS256 key pair for every emulator a test file starts: making one costs a few hundred ms. */
let signingKeys: Promise<GenerateKeyPairResult> | undefined;

/**
 * Starts an emulator for a test. `close()` rejects, listing every violation, if any answer broke the
 * Odahu API spec (checked only where swagger.yaml is available).
 */
export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const answers: RecordedAnswer[] = [];
  const violations: string[] = [];
  const callerOnAnswer = options.onAnswer;

  signingKeys ??= generateKeyPair('RS256', { extractable: true });
  const emulator = await startEmulator({
    ...TEST_DEFAULTS,
    signingKeys: await signingKeys,
    ...options,
    onAnswer: (answer) => {
      answers.push(answer);
      // Checked before the caller's hook runs, so a throwing hook cannot skip the check.
      if (contractAvailable) violations.push(...checkAnswer(answer));
      callerOnAnswer?.(answer);
    },
  });

  return {
    ...emulator,
    answers,
    callsSince: (from, { writes = false } = {}) =>
      answers
        .slice(from)
        .filter((a) => a.path.startsWith('/api/v1/') && !(writes && a.method === 'GET'))
        .map((a) => `${a.method} ${a.path}`),
    held: async (act) => {
      const release = holdClock(emulator.clock);
      try {
        return await act();
      } finally {
        release();
      }
    },
    advance: async (ms) => {
      const { clock } = emulator;
      const release = holdClock(clock);
      try {
        const until = clock.now() + ms;
        while (clock.stepTowards(until)) await settle(emulator);
      } finally {
        release();
      }
    },
    close: async () => {
      await emulator.close();
      if (violations.length > 0) throw new Error(contractReport(violations));
    },
  };
}

/** One line per distinct violation, with a count where an answer broke the spec the same way again. */
function contractReport(violations: string[]): string {
  const counts = new Map<string, number>();
  for (const line of violations) counts.set(line, (counts.get(line) ?? 0) + 1);
  const lines = [...counts].map(([line, count]) => (count > 1 ? `${line} (${count} times)` : line));
  return [
    `${violations.length} emulator answer violation(s) of the Odahu API spec (swagger.yaml):`,
    ...lines,
  ].join('\n');
}

/** An API client of the emulator's admin client, in the test's own process (dispose it). */
export function apiClient(emulator: RunningEmulator): OdahuClient {
  return new OdahuClient({
    apiUrl: emulator.apiUrl,
    tokens: new ClientCredentialsTokenSource({
      authUrl: emulator.authUrl,
      clientId: emulator.clientId,
      clientSecret: emulator.clientSecret,
      scope: 'openid',
    }),
  });
}
