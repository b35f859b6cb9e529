// The rig of the park tests (actions-park, -edges, -failures): the emulator (its clock held) and the
// GitHub stand-in, a step that parks a training as a run of acme/models does, a resume tick as a run
// of its own (GitHub says it runs while it does), and what a user looks at afterwards: the record
// under refs/odahu/parked/, the check runs, the tick's outputs. Import it after mocking @actions/core
// (it runs the actions' sources in-process).

import type { EmulatorOptions } from '../../src/emulator/options.js';
import type { TestEmulator } from './emulator.js';
import { startTestEmulator } from './emulator.js';
import { passTime } from '../../src/emulator/held-time.js';
import { GITHUB_TOKEN, startGitHubStandIn } from './github-stand-in.js';
import type { GitHubStandIn } from './github-stand-in.js';
import { runInProcess } from './in-process.js';
import { emulatorEnv, trainingManifest } from './run-action.js';

export const MINUTE = 60_000;
/** The commit of every run of the rig (GITHUB_SHA). */
export const PARK_SHA = 'd'.repeat(40);

export interface ParkRig {
  emulator: TestEmulator;
  github: GitHubStandIn;
  /** The variables a GitHub runner gives a step of acme/models' run `runId` (on a push to main). */
  runEnv(runId: string, extra?: Record<string, string>): Record<string, string>;
  /** A fresh run id. */
  nextRunId(): string;
  /** train with wait: park, as a step of a run of its own. */
  park(
    id: string,
    hyperParameters: Record<string, string>,
    inputs?: Record<string, string>,
    env?: Record<string, string>,
  ): Promise<Awaited<ReturnType<typeof runInProcess>> & { runId: string }>;
  /** One tick of the resume workflow, as its own run: in progress while it runs, completed after. */
  tick(
    inputs?: Record<string, string>,
    env?: Record<string, string>,
  ): Promise<Awaited<ReturnType<typeof runInProcess>> & { runId: string }>;
  /** The emulator's time moves on by `ms`, its steps run in order. */
  passTime(ms: number): Promise<void>;
  /** The commit the record of `key` (`training/<id>`) points at; undefined when none is parked. */
  record(key: string): string | undefined;
  /** The record of `key`, as its commit's message holds it. */
  recordJson(key: string): Record<string, unknown>;
  checkRuns(name: string): GitHubStandIn['checkRuns'];
  /** The tick's `resumed` (or `running`) entries for `key`. */
  outputOf(run: { outputs: Record<string, string> }, output: 'resumed' | 'running', key: string): unknown[];
  close(): Promise<void>;
}

export async function startParkRig(options: EmulatorOptions = {}, firstRun = 100): Promise<ParkRig> {
  const emulator = await startTestEmulator(options);
  emulator.clock.hold();
  const github = await startGitHubStandIn();
  const odahu = emulatorEnv(emulator);
  let runs = firstRun;
  const nextRunId = () => String(runs++);
  const runEnv = (runId: string, extra: Record<string, string> = {}) => ({
    ...odahu,
    GITHUB_REPOSITORY: 'acme/models',
    GITHUB_RUN_ID: runId,
    GITHUB_SHA: PARK_SHA,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKFLOW_REF: 'acme/models/.github/workflows/train-wine.yml@refs/heads/main',
    ...extra,
  });
  const record = (key: string) => github.refs.get(`refs/odahu/parked/${key}`);
  return {
    emulator,
    github,
    runEnv,
    nextRunId,
    park: async (id, hyperParameters, inputs = {}, env = {}) => {
      const runId = nextRunId();
      const run = await runInProcess(
        'train',
        {
          training: trainingManifest(id, hyperParameters),
          wait: 'park',
          'github-token': GITHUB_TOKEN,
          ...inputs,
        },
        { env: runEnv(runId, env), emulator },
      );
      return { ...run, runId };
    },
    tick: async (inputs = {}, env = {}) => {
      const runId = nextRunId();
      github.setRun(runId, 'in_progress');
      try {
        const run = await runInProcess(
          'resume',
          { 'github-token': GITHUB_TOKEN, ...inputs },
          { env: runEnv(runId, env), emulator },
        );
        return { ...run, runId };
      } finally {
        github.setRun(runId, 'completed');
      }
    },
    passTime: (ms) => passTime(emulator, ms),
    record,
    recordJson: (key) => {
      const message = github.commits.get(record(key)!)!.message;
      return JSON.parse(message.slice(message.indexOf('\n\n') + 2)) as Record<string, unknown>;
    },
    checkRuns: (name) => github.checkRuns.filter((run) => run.name === name),
    outputOf: (run, output, key) =>
      (JSON.parse(run.outputs[output] ?? '[]') as { phase: string }[]).filter((r) => r.phase === key),
    close: async () => {
      await github.close();
      emulator.clock.release();
      await emulator.close();
    },
  };
}
