// Runs an action's sources (src/<name>/main.ts, what its bundle runs) in the test's own process, with
// @actions/core mocked (core-mock.ts, which the test file mocks first), as GitHub's runner would run
// the bundle: the step's environment alone in process.env (the job's variables, RUNNER_TEMP,
// GITHUB_WORKSPACE, the file-command files), its working directory, the inputs with action.yml's
// defaults, and its stdout read as the runner reads it (workflow-commands.ts): the same `ActionRun`
// as the bundle's child process gives (run-action.ts), in milliseconds instead of a process start.
// `inProcessStages` does the same for the workflow runner's steps that run an odahu action.
//
// With an emulator, the step waits on its held clock (emulator-time.ts): a poll, a retry or an
// outage of any length takes no wall time, and the step's waits interleave with the emulator's steps
// in order, however loaded the machine.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { jest } from '@jest/globals';
import { useClock } from '../../src/shared/clock.js';
import type { Clock } from '../../src/shared/clock.js';
import { forgetSecrets } from '../../src/shared/odahu/secrets.js';
import type { ActionDefinition } from '../../src/workflow/action-file.js';
import type { Cluster } from '../../src/workflow/cluster.js';
import { createFileCommands, readFileCommands } from '../../src/workflow/file-commands.js';
import { PROCESS_STAGES, renderLog } from '../../src/workflow/node-action.js';
import type { StageOptions, Stages } from '../../src/workflow/node-action.js';
import type { ProcessStageOptions, StageResult } from '../../src/workflow/stage-process.js';
import { WorkflowCommands } from '../../src/workflow/workflow-commands.js';
import type { LogEvent } from '../../src/workflow/workflow-commands.js';
import * as core from './core-mock.js';
import { EmulatorTime, holdClock } from './emulator-time.js';
import type { SteppedEmulator } from './emulator-time.js';
import type { ActionRun, RunOptions } from './run-action.js';
import { ROOT, actionDefinition } from './run-action.js';

export type ActionName =
  | 'train'
  | 'package'
  | 'deploy'
  | 'predict'
  | 'connection'
  | 'wait'
  | 'batch'
  | 'apply'
  | 'evaluate'
  | 'report'
  | 'pipeline'
  | 'resume';

export interface InProcessOptions extends RunOptions {
  /** The cluster whose clock the step waits on (held for the step, or kept held if it was). */
  emulator?: SteppedEmulator;
  /** With `emulator`: awaited after each step of its clock during the step's waits (a test watching). */
  betweenSteps?: () => Promise<void>;
}

export interface InProcessRun extends ActionRun {
  /** Each setFailed message (one for a failed step). */
  failures: string[];
  /** Values the step registered as secrets. */
  secrets: string[];
  /** Each job-summary write as data: heading, raw text, table rows. */
  summaries: typeof core.recorded.summaries;
  /** The emulator-clock (or wall-clock) milliseconds the step took. */
  tookMs: number;
}

export async function runInProcess(
  name: ActionName,
  inputs: Record<string, string>,
  options: InProcessOptions = {},
): Promise<InProcessRun> {
  return stepInProcess(name, inputs, await mainOf(name), options);
}

/** `body` run as a step of action `name` (its inputs, environment and log), e.g. a piece of a step. */
export async function stepInProcess(
  name: ActionName,
  inputs: Record<string, string>,
  body: () => Promise<void>,
  options: InProcessOptions = {},
): Promise<InProcessRun> {
  const action = actionDefinition(name);
  const temp = mkdtempSync(join(tmpdir(), `odahu-${name}-`));
  const summaryFile = join(temp, 'summary.md');
  writeFileSync(summaryFile, '');
  const workspace = options.workspace ?? ROOT;
  const commands = new WorkflowCommands();
  for (const secret of options.secrets ?? []) commands.addMask(secret);
  const log: LogEvent[] = [];
  const stage = await runStage({
    action,
    inputs: withDefaults(action, inputs),
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? temp,
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: temp,
      GITHUB_ACTION_PATH: action.dir,
      GITHUB_STEP_SUMMARY: summaryFile,
      ...options.env,
    },
    cwd: workspace,
    summaryFile,
    commands,
    onEvent: (event) => {
      log.push(event);
      if (options.onLine) renderLog([event]).forEach(options.onLine);
    },
    signal: options.signal,
    emulator: options.emulator,
    betweenSteps: options.betweenSteps,
    body,
  });
  // An output the action sets but does not declare would be invisible to a workflow: a bug. (The
  // pipeline's check step hands its outputs to the composite's next steps, not to the workflow.)
  const declared = new Set(action.outputs.map((output) => output.id));
  const undeclared = Object.keys(stage.outputs).filter((output) => !declared.has(output));
  if (action.runs?.using === 'node' && undeclared.length > 0)
    throw new Error(`${name} set outputs its action.yml does not declare: ${undeclared.join(', ')}`);
  const annotations = log.flatMap((e) => (e.type === 'annotation' ? [e.annotation] : []));
  return {
    exitCode: stage.exitCode,
    outputs: stage.outputs,
    summary: readFileSync(summaryFile, 'utf8'),
    log: renderLog(log),
    annotations,
    failure: annotations.find((a) => a.level === 'error')?.message,
    cancelled: options.signal?.aborted ?? false,
    failures: stage.failures,
    secrets: stage.secrets,
    summaries: stage.summaries,
    tookMs: stage.tookMs,
  };
}

/**
 * The workflow runner's stages (WorkflowRunOptions.stages) with every step that runs an odahu action's
 * bundle (`uses:` one of this repository's actions, or the pipeline's `exec node .../dist/<phase>`)
 * run from its sources in this process instead, on the clock of `emulator` (the cluster the steps
 * talk to), or without one of the run's embedded emulator (or the wall clock's); every other stage
 * (run scripts, other actions) a process, as the runner runs it.
 */
export function inProcessStages(
  options: {
    emulator?: SteppedEmulator;
    /** The steps talk to a cluster the test does not hold (one a step started): the wall clock. */
    wallClock?: boolean;
  } = {},
) {
  return (cluster: Cluster): Stages => {
    const emulator = options.wallClock ? undefined : (options.emulator ?? cluster.emulator);
    const inProcess = (name: ActionName, stage: StageOptions | ProcessStageOptions) =>
      runnerStage(name, stage, emulator);
    return {
      node: (stage) => {
        const name = bundledAction(stage.script);
        return name ? inProcess(name, stage) : PROCESS_STAGES.node(stage);
      },
      process: (stage) => {
        const name = compositePhase(stage);
        return name ? inProcess(name, stage) : PROCESS_STAGES.process(stage);
      },
    };
  };
}

/** `<this repository>/dist/<name>/index.js` → name. */
function bundledAction(script: string): ActionName | undefined {
  const match = /^dist\/([\w-]+)\/index\.js$/.exec(
    resolve(script)
      .slice(ROOT.length + 1)
      .split('\\')
      .join('/'),
  );
  return resolve(script).startsWith(ROOT) ? (match?.[1] as ActionName | undefined) : undefined;
}

/** A composite's `exec node "$GITHUB_ACTION_PATH/../../dist/<name>/index.js"` step → name. */
function compositePhase(stage: ProcessStageOptions): ActionName | undefined {
  const actionPath = stage.env.GITHUB_ACTION_PATH;
  const script = stage.args.at(-1);
  if (stage.command !== 'bash' || !actionPath || !script) return undefined;
  const last = readFileSync(script, 'utf8').trimEnd().split('\n').at(-1)?.trim() ?? '';
  const match = /^exec node "\$GITHUB_ACTION_PATH\/\.\.\/\.\.\/dist\/([\w-]+)\/index\.js"$/.exec(last);
  return match ? bundledAction(join(actionPath, '..', '..', 'dist', match[1]!, 'index.js')) : undefined;
}

/** One runner stage of an odahu action, in this process: the file commands written as core would. */
async function runnerStage(
  name: ActionName,
  options: StageOptions | ProcessStageOptions,
  emulator: SteppedEmulator | undefined,
): Promise<StageResult> {
  const files = createFileCommands(options.filesDir, options.stepKey);
  const inputs: Record<string, string> = {};
  for (const [key, value] of Object.entries(options.env)) {
    if (key.startsWith('INPUT_')) inputs[key.slice('INPUT_'.length).toLowerCase()] = value;
  }
  const log: LogEvent[] = [];
  const stage = await runStage({
    action: actionDefinition(name),
    inputs,
    env: { ...options.env, ...files },
    cwd: options.cwd,
    summaryFile: files.GITHUB_STEP_SUMMARY,
    commands: options.commands,
    onEvent: (event) => {
      log.push(event);
      options.onEvent?.(event);
    },
    signal: options.signal,
    emulator,
    body: await mainOf(name),
  });
  // What core.setOutput writes: a heredoc per output.
  writeFileSync(
    files.GITHUB_OUTPUT,
    Object.entries(stage.outputs)
      .map(([key, value]) => `${key}<<ghadelimiter_in_process\n${value}\nghadelimiter_in_process\n`)
      .join(''),
  );
  return { exitCode: stage.exitCode, files: readFileCommands(files), log, cancelled: stage.cancelled };
}

async function mainOf(name: ActionName): Promise<() => Promise<void>> {
  if ((await import('@actions/core')).info !== core.info) {
    throw new Error(
      'mock @actions/core with core-mock.ts (jest.unstable_mockModule) before importing in-process.ts',
    );
  }
  const { run } = (await import(`../../src/${name}/main.js`)) as { run: () => Promise<void> };
  return run;
}

/** action.yml's defaults, then the given inputs, as the runner passes them. */
function withDefaults(action: ActionDefinition, inputs: Record<string, string>): Record<string, string> {
  const all: Record<string, string> = {};
  for (const input of action.inputs)
    if (input.default !== undefined) all[input.id] = input.default.toString();
  return { ...all, ...inputs };
}

interface StageRun {
  action: ActionDefinition;
  /** Every input, defaults applied. */
  inputs: Record<string, string>;
  /** The step's whole environment. */
  env: Record<string, string>;
  cwd: string;
  summaryFile: string;
  commands: WorkflowCommands;
  onEvent: (event: LogEvent) => void;
  signal?: AbortSignal;
  emulator?: SteppedEmulator;
  betweenSteps?: () => Promise<void>;
  body: () => Promise<void>;
}

interface StageEnd {
  exitCode: number;
  outputs: Record<string, string>;
  failures: string[];
  secrets: string[];
  summaries: typeof core.recorded.summaries;
  cancelled: boolean;
  tookMs: number;
}

/** One step at a time per process: a step owns process.env, the cwd, stdout, the clock and the mock. */
let turn: Promise<unknown> = Promise.resolve();

function runStage(run: StageRun): Promise<StageEnd> {
  const mine = turn.then(() => stageNow(run));
  turn = mine.catch(() => undefined);
  return mine;
}

async function stageNow(run: StageRun): Promise<StageEnd> {
  const stdout = new LineReader((line) => run.commands.process(line).forEach(run.onEvent));
  const clock: Clock | undefined = run.emulator && new EmulatorTime(run.emulator, run.betweenSteps);
  let release: (() => void) | undefined;
  const savedEnv = { ...process.env };
  const savedCwd = process.cwd();
  const savedExitCode = process.exitCode;
  // The step's own SIGINT handler (runStep's) is told of a cancel, not the test's or a runner's.
  const listenersBefore = new Set(process.listeners('SIGINT'));
  const cancel = (): void => {
    for (const listener of process.listeners('SIGINT')) {
      if (!listenersBefore.has(listener)) listener('SIGINT');
    }
  };
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(chunk.toString());
    return true;
  });
  let crashed: unknown;
  const started = (clock ?? Date).now();
  let tookMs: number;
  try {
    for (const key of Object.keys(process.env)) delete process.env[key];
    Object.assign(process.env, run.env);
    process.chdir(run.cwd);
    // What a bundle's fresh process would not know: the secrets an earlier step masked.
    forgetSecrets();
    core.startStep(run.inputs, run.summaryFile);
    if (run.emulator) release = holdClock(run.emulator.clock);
    if (clock) useClock(clock);
    if (run.signal?.aborted) setImmediate(cancel);
    else run.signal?.addEventListener('abort', cancel, { once: true });
    try {
      await run.body();
    } catch (error) {
      // What an unhandled rejection does to the bundle: its stack on stderr, exit code 1.
      crashed = error;
    }
  } finally {
    tookMs = (clock ?? Date).now() - started;
    run.signal?.removeEventListener('abort', cancel);
    useClock();
    release?.();
    stdout.end();
    write.mockRestore();
    process.chdir(savedCwd);
    for (const key of Object.keys(process.env)) delete process.env[key];
    Object.assign(process.env, savedEnv);
    process.exitCode = savedExitCode;
  }
  if (crashed !== undefined) {
    const text = crashed instanceof Error ? (crashed.stack ?? crashed.message) : JSON.stringify(crashed);
    run.onEvent({ type: 'line', text: run.commands.mask(text) });
  }
  const failures = [...core.recorded.failures];
  return {
    exitCode: failures.length > 0 || crashed !== undefined ? 1 : 0,
    outputs: { ...core.recorded.outputs },
    failures,
    secrets: [...core.recorded.secrets],
    summaries: [...core.recorded.summaries],
    cancelled: run.signal?.aborted ?? false,
    tookMs,
  };
}

/** Stdout as the runner reads it: lines ending at \n, \r\n or a lone \r. */
class LineReader {
  private pending = '';

  constructor(private readonly onLine: (line: string) => void) {}

  push(text: string): void {
    this.pending += text;
    for (;;) {
      const match = /\r\n|\n|\r(?!$)/.exec(this.pending);
      if (!match) return;
      this.onLine(this.pending.slice(0, match.index));
      this.pending = this.pending.slice(match.index + match[0].length);
    }
  }

  end(): void {
    if (this.pending !== '') this.onLine(this.pending.replace(/\r$/, ''));
    this.pending = '';
  }
}
