// What a long training costs in runner time: waited for (the train step with `wait: true` holds its
// job until the end) vs parked (`wait: park`: the step starts it and ends; the resume workflow ticks on
// a schedule and finishes it). Both are the examples' own workflows (wine-park.yml, wine-resume.yml;
// the waited one is wine-park.yml with `wait: true`), run by the local runner's command line in a
// repository of their own, as a user runs them, against an emulator whose clock is held: the
// training's minutes pass only when the bench moves them on, so a 10-minute or 7-hour training takes
// seconds.
//
// A job holds its runner for its wall time plus the cluster time the bench moved on while it ran: the
// waiting step's minutes. A parking run and a resume tick run while the clock stands still, so theirs
// is their wall time alone; between ticks the bench moves the clock on by the schedule's interval,
// with no job running. GitHub's own part of a job (setting up the runner, downloading the actions) is
// not here: it adds the same few seconds to every job, the waited one's and each tick's.
//
// GitHub ends a job at 6 hours (GitHub-hosted runners): the bench does what GitHub does when the
// waiting job's runner time reaches it, and cancels the run (SIGINT to the runner, as a cancel).

import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { emulatorApi, seedConnections } from '../src/demo/park.js';
import { passTime } from '../src/emulator/held-time.js';
import { startEmulator } from '../src/emulator/server.js';
import type { RunningEmulator } from '../src/emulator/options.js';
import type { GitHubRecordsState } from '../src/workflow/github-records.js';
import { gitHubStateFile } from '../src/workflow/github-service.js';
import { runsFolder } from '../src/workflow/run-workflow.js';
import { root } from './steps.js';

/** The resume workflow's schedule in the comparison: every 5 minutes. */
export const SCHEDULE_MINUTES = 5;
/** GitHub-hosted runners end a job at 6 hours. */
export const JOB_LIMIT_MINUTES = 360;
/** How far the bench moves the cluster's clock at a time while a waiting job runs. */
const WAIT_STEP_MS = 60_000;

export interface JobTime {
  /** The workflow and its event. */
  what: string;
  wallMs: number;
  /** Cluster time the bench moved on while the job ran. */
  clusterMs: number;
  exitCode: number | null;
}

/** What a job holds its runner for. */
export const runnerMs = (job: JobTime): number => job.wallMs + job.clusterMs;

/** What GitHub bills a private repository's jobs on its hosted runners: each rounded up to a minute. */
export const billedMinutes = (jobs: JobTime[]): number =>
  jobs.reduce((sum, job) => sum + Math.max(1, Math.ceil(runnerMs(job) / 60_000)), 0);

export interface TrainingCost {
  trainingMinutes: number;
  jobs: JobTime[];
  runnerMs: number;
  billedMinutes: number;
  /** The training's state when the last job ended (deleted: the waiting step's cancel removed it). */
  trainingState: string;
  /**
   * Whether the training got to its end and what follows was started (the waited job's next step, or
   * the continuation's dispatch).
   */
  completed: boolean;
  /** Waited: GitHub's job limit came first and cancelled the run. */
  cancelledAtLimit?: boolean;
  /** Parked: cluster minutes from the training's end to the tick that dispatched the continuation. */
  dispatchDelayMinutes?: number;
}

const PARK = 'examples/workflows/wine-park.yml';
const RESUME = 'examples/workflows/wine-resume.yml';
const CONTINUE = 'examples/workflows/wine-continue.yml';

/** wine-park.yml as the same job that waits: `wait: true`, GitHub's default job limit, no continuation. */
export function waitingVariant(parkWorkflow: string): string {
  const edits: [RegExp, string][] = [
    [/^ {4}timeout-minutes: 10\b.*\n/m, ''],
    [/^( {10}wait: )park$/m, '$1true'],
    [/^ {10}resume-workflow: .*\n/m, ''],
    [/^ {10}resume-inputs: \|\n( {12}.*\n)+/m, ''],
  ];
  return edits.reduce((text, [pattern, replacement]) => {
    if (!pattern.test(text)) throw new Error(`${PARK} has changed: ${pattern} matches nothing`);
    return text.replace(pattern, replacement);
  }, parkWorkflow);
}

/** A repository of the user's own: the three park workflows, the waiting one, the training manifest. */
function userRepository(): { dir: string; waited: string; park: string; resume: string } {
  const dir = mkdtempSync(join(tmpdir(), 'bench-park-'));
  execFileSync('git', ['init', '-q', dir]);
  // The runs (and the local GitHub's records) inside it, gone with it.
  writeFileSync(join(dir, '.gitignore'), '.tmp/\n');
  const copy = (from: string, to: string, text = readFileSync(join(root, from), 'utf8')) => {
    mkdirSync(join(dir, to, '..'), { recursive: true });
    writeFileSync(join(dir, to), text);
    return join(dir, to);
  };
  copy('examples/odahu/training.odahuflow.yaml', 'examples/odahu/training.odahuflow.yaml');
  copy(CONTINUE, '.github/workflows/wine-continue.yml');
  const park = copy(PARK, '.github/workflows/wine-park.yml');
  return {
    dir,
    park,
    resume: copy(RESUME, '.github/workflows/wine-resume.yml'),
    waited: copy(PARK, '.github/workflows/wine-wait.yml', waitingVariant(readFileSync(park, 'utf8'))),
  };
}

interface RunningJob {
  /** performance.now() at its start. */
  started: number;
  /** What GitHub does at the job's limit: cancels the run (the runner's SIGINT). */
  cancel(): void;
  ended(): boolean;
}

/**
 * The local runner's command line on one workflow of the repository; `whileRunning` may move the
 * cluster's clock on while the job runs and returns how far. A job that fails throws with its log's
 * end, unless `mayEndCancelled`.
 */
async function runJob(
  emulator: RunningEmulator,
  workspace: string,
  file: string,
  options: {
    args?: string[];
    whileRunning?: (job: RunningJob) => Promise<number>;
    mayEndCancelled?: boolean;
  } = {},
): Promise<JobTime> {
  const args = options.args ?? [];
  const flags = [
    ...['--workspace', workspace],
    ...['--var', `ODAHU_API_URL=${emulator.apiUrl}`],
    ...['--var', `ODAHU_AUTH_URL=${emulator.authUrl}`],
    ...['--var', `ODAHU_CLIENT_ID=${emulator.clientId}`],
    ...['--secret', `ODAHU_CLIENT_SECRET=${emulator.clientSecret}`],
    ...args,
  ];
  const started = performance.now();
  const child = spawn(process.execPath, [join(root, 'build', 'workflow', 'index.js'), file, ...flags], {
    cwd: workspace,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? workspace, NO_COLOR: '1' },
  });
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  let exited = false;
  const exit = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      exited = true;
      resolve(code);
    }),
  );
  const job: RunningJob = { started, cancel: () => child.kill('SIGINT'), ended: () => exited };
  const clusterMs = options.whileRunning ? await options.whileRunning(job) : 0;
  const exitCode = await exit;
  const wallMs = performance.now() - started;
  const what = `${basename(file)}${args.includes('schedule') ? ' (schedule)' : ''}`;
  if (exitCode !== 0 && !(options.mayEndCancelled && /cancel/i.test(log)))
    throw new Error(`${what} exited ${exitCode}:\n${log.slice(-3000)}`);
  return { what, wallMs, clusterMs, exitCode };
}

type Repository = ReturnType<typeof userRepository>;

/** A repository and a cluster of their own, the cluster's clock held; `state` reads the training's. */
async function withRepositoryAndCluster<T>(
  trainingMinutes: number,
  work: (repository: Repository, emulator: RunningEmulator, state: () => Promise<string>) => Promise<T>,
): Promise<T> {
  const repository = userRepository();
  const emulator = await startEmulator({ port: 0, trainingSeconds: trainingMinutes * 60 });
  try {
    const api = await emulatorApi(emulator);
    await seedConnections(api);
    emulator.clock.hold();
    const state = async () => {
      try {
        const training = (await api('GET', 'model/training/wine')) as { status?: { state?: string } };
        return training.status?.state ?? 'unknown';
      } catch (error) {
        if (/: 404 /.test((error as Error).message)) return 'deleted';
        throw error;
      }
    };
    return await work(repository, emulator, state);
  } finally {
    if (emulator.clock.held) emulator.clock.release();
    await emulator.close();
    rmSync(repository.dir, { recursive: true, force: true });
  }
}

const ENDED = ['succeeded', 'failed', 'deleted'];

/**
 * The waiting job: once its step has started the training, the bench moves the cluster's clock on a
 * minute at a time until the training ends, or until the job's runner time reaches GitHub's limit
 * (then cancels it, as GitHub does).
 */
export async function waitedTraining(trainingMinutes: number): Promise<TrainingCost> {
  return withRepositoryAndCluster(trainingMinutes, async (repository, emulator, state) => {
    let cancelledAtLimit = false;
    const job = await runJob(emulator, repository.dir, repository.waited, {
      mayEndCancelled: true,
      whileRunning: async (run) => {
        let clusterMs = 0;
        // Until the step has created it (a 404 reads as deleted).
        while ((await state()) === 'deleted') {
          if (run.ended()) return 0;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        for (;;) {
          if (ENDED.includes(await state())) return clusterMs;
          const held = performance.now() - run.started + clusterMs;
          const left = JOB_LIMIT_MINUTES * 60_000 - held;
          if (left <= 0) {
            cancelledAtLimit = true;
            run.cancel();
            return clusterMs;
          }
          const step = Math.min(WAIT_STEP_MS, left);
          await passTime(emulator, step);
          clusterMs += step;
        }
      },
    });
    const trainingState = await state();
    return {
      trainingMinutes,
      jobs: [job],
      runnerMs: runnerMs(job),
      billedMinutes: billedMinutes([job]),
      trainingState,
      completed: job.exitCode === 0 && trainingState === 'succeeded',
      cancelledAtLimit,
    };
  });
}

/**
 * The parking run, then a resume tick every SCHEDULE_MINUTES of cluster time until one dispatched the
 * continuation. The schedule keeps its own time (cron: every 5 minutes of the hour), so the first tick
 * comes `firstTickMinutes` after the parking run, anywhere in the interval.
 */
export async function parkedTraining(
  trainingMinutes: number,
  firstTickMinutes: number,
): Promise<TrainingCost> {
  return withRepositoryAndCluster(trainingMinutes, async (repository, emulator, state) => {
    const stateFile = gitHubStateFile(runsFolder(repository.dir, root), repository.dir);
    const gitHub = () => JSON.parse(readFileSync(stateFile, 'utf8')) as GitHubRecordsState;
    const jobs = [await runJob(emulator, repository.dir, repository.park)];
    const parkedAt = emulator.clock.now();
    let endedAt: number | undefined;
    for (let tickAt = parkedAt + firstTickMinutes * 60_000; ; tickAt += SCHEDULE_MINUTES * 60_000) {
      // To the tick, 10 s at a time until the training has ended: when it ended is known to 10 s.
      while (emulator.clock.now() < tickAt) {
        const step = endedAt === undefined ? 10_000 : tickAt - emulator.clock.now();
        await passTime(emulator, Math.min(step, tickAt - emulator.clock.now()));
        if (endedAt === undefined && ENDED.includes(await state())) endedAt = emulator.clock.now();
      }
      jobs.push(
        await runJob(emulator, repository.dir, repository.resume, {
          args: ['--event', 'schedule', '--no-dispatch'],
        }),
      );
      const records = gitHub();
      if (records.refs.length === 0) {
        return {
          trainingMinutes,
          jobs,
          runnerMs: jobs.reduce((sum, job) => sum + runnerMs(job), 0),
          billedMinutes: billedMinutes(jobs),
          trainingState: await state(),
          completed: records.dispatches.length === 1,
          dispatchDelayMinutes: endedAt === undefined ? undefined : (emulator.clock.now() - endedAt) / 60_000,
        };
      }
      const minutes = (tickAt - parkedAt) / 60_000;
      if (minutes > trainingMinutes + 6 * SCHEDULE_MINUTES)
        throw new Error(`the parked training was not resumed ${minutes} minutes on`);
    }
  });
}
