// Runs an action's sources (src/<name>/main.ts, what its bundle runs) in the test's own process, with
// @actions/core mocked (core-mock.ts, which the test file mocks first), as GitHub's runner would run
// the bundle: the step's environment alone in process.env (the job's variables, RUNNER_TEMP,
// GITHUB_WORKSPACE, the summary file), its working directory, the inputs with action.yml's defaults,
// and its stdout read as the runner reads it (workflow-commands.ts): the same `ActionRun` as the
// bundle's child process gives (run-action.ts), in milliseconds instead of a process start.
//
// With `emulator`, the step waits on the emulator's held clock (emulator-time.ts): a poll, a retry or
// an outage of any length takes no wall time, and the step's waits interleave with the emulator's
// steps in order, however loaded the machine.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { useClock } from '../../src/shared/clock.js';
import type { Clock } from '../../src/shared/clock.js';
import { forgetSecrets } from '../../src/shared/odahu/secrets.js';
import { renderLog } from '../../src/workflow/node-action.js';
import { WorkflowCommands } from '../../src/workflow/workflow-commands.js';
import type { LogEvent } from '../../src/workflow/workflow-commands.js';
import * as core from './core-mock.js';
import type { EmulatorClock } from '../../src/emulator/options.js';
import { EmulatorTime } from './emulator-time.js';
import type { ActionRun, RunOptions } from './run-action.js';
import { ROOT, actionDefinition } from './run-action.js';

export interface InProcessOptions extends RunOptions {
  /** The cluster whose clock the step waits on (held for the step, or kept held if it was). */
  emulator?: { clock: EmulatorClock };
  /** With `emulator`: awaited after each step of its clock during the step's waits (a test watching). */
  betweenSteps?: () => Promise<void>;
  /** Another clock to wait on (e.g. an EmulatorTime shared by several steps); the wall clock without either. */
  clock?: Clock;
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

type ActionName =
  'train' | 'package' | 'deploy' | 'predict' | 'connection' | 'wait' | 'batch' | 'apply' | 'pipeline';

/** One step at a time per process: a step owns process.env, stdout, the clock and the mocked core. */
let running = false;

export async function runInProcess(
  name: ActionName,
  inputs: Record<string, string>,
  options: InProcessOptions = {},
): Promise<InProcessRun> {
  if ((await import('@actions/core')).info !== core.info) {
    throw new Error(
      'mock @actions/core with core-mock.ts (jest.unstable_mockModule) before importing in-process.ts',
    );
  }
  const { run } = (await import(`../../src/${name}/main.js`)) as { run: () => Promise<void> };
  return stepInProcess(name, inputs, run, options);
}

/** `body` run as a step of action `name` (its inputs, environment and log), e.g. a piece of a step. */
export async function stepInProcess(
  name: ActionName,
  inputs: Record<string, string>,
  body: () => Promise<void>,
  options: InProcessOptions = {},
): Promise<InProcessRun> {
  if (running) throw new Error('another in-process step is running: steps share process.env and stdout');
  const action = actionDefinition(name);
  const temp = mkdtempSync(join(tmpdir(), `odahu-${name}-`));
  const summaryFile = join(temp, 'summary.md');
  writeFileSync(summaryFile, '');
  const workspace = options.workspace ?? ROOT;
  const stepEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? temp,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: temp,
    GITHUB_ACTION_PATH: action.dir,
    GITHUB_STEP_SUMMARY: summaryFile,
    ...options.env,
  };

  const commands = new WorkflowCommands();
  for (const secret of options.secrets ?? []) commands.addMask(secret);
  const log: LogEvent[] = [];
  const emit = (event: LogEvent): void => {
    log.push(event);
    if (options.onLine) renderLog([event]).forEach(options.onLine);
  };
  const stdout = new LineReader((line) => commands.process(line).forEach(emit));

  const clock =
    options.clock ??
    (options.emulator ? new EmulatorTime(options.emulator.clock, options.betweenSteps) : undefined);
  const holding = options.emulator && !options.emulator.clock.held;
  const savedEnv = { ...process.env };
  const savedCwd = process.cwd();
  const savedExitCode = process.exitCode;
  running = true;
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(chunk.toString());
    return true;
  });
  const cancel = (): void => void process.emit('SIGINT', 'SIGINT');
  let crashed: unknown;
  const started = (clock ?? Date).now();
  let tookMs: number;
  try {
    for (const key of Object.keys(process.env)) delete process.env[key];
    Object.assign(process.env, stepEnv);
    process.chdir(workspace);
    // What a bundle's fresh process would not know: the secrets an earlier step masked.
    forgetSecrets();
    core.startStep(action, inputs, summaryFile);
    if (holding) options.emulator!.clock.hold();
    if (clock) useClock(clock);
    if (options.signal?.aborted) setImmediate(cancel);
    else options.signal?.addEventListener('abort', cancel, { once: true });
    try {
      await body();
    } catch (error) {
      // What an unhandled rejection does to the bundle: its stack on stderr, exit code 1.
      crashed = error;
    }
  } finally {
    tookMs = (clock ?? Date).now() - started;
    options.signal?.removeEventListener('abort', cancel);
    useClock();
    if (holding) options.emulator!.clock.release();
    stdout.end();
    write.mockRestore();
    process.chdir(savedCwd);
    for (const key of Object.keys(process.env)) delete process.env[key];
    Object.assign(process.env, savedEnv);
    process.exitCode = savedExitCode;
    running = false;
  }
  if (crashed !== undefined)
    emit({
      type: 'line',
      text: crashed instanceof Error ? (crashed.stack ?? crashed.message) : JSON.stringify(crashed),
    });

  // An output the action sets but does not declare would be invisible to a workflow: a bug. (The
  // pipeline's check step hands its outputs to the composite's next steps, not to the workflow.)
  const declared = new Set(action.outputs.map((output) => output.id));
  const undeclared = Object.keys(core.recorded.outputs).filter((output) => !declared.has(output));
  if (action.runs?.using === 'node' && undeclared.length > 0)
    throw new Error(`${name} set outputs its action.yml does not declare: ${undeclared.join(', ')}`);
  const annotations = log.flatMap((e) => (e.type === 'annotation' ? [e.annotation] : []));
  const failures = [...core.recorded.failures];
  return {
    exitCode: failures.length > 0 || crashed !== undefined ? 1 : 0,
    outputs: { ...core.recorded.outputs },
    summary: readFileSync(summaryFile, 'utf8'),
    log: renderLog(log),
    annotations,
    failure: annotations.find((a) => a.level === 'error')?.message,
    cancelled: options.signal?.aborted ?? false,
    failures,
    secrets: [...core.recorded.secrets],
    summaries: [...core.recorded.summaries],
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
