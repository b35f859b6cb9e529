// One process of a step (a node action's stage, a run step's shell), run the way GitHub's runner runs
// it: fresh file-command files, stdout and stderr read as workflow commands, masks applied, and
// cancellation as SIGINT, then SIGTERM after 7.5 s, then a kill 2.5 s later. The process gets its
// own process group and the signals go to the whole group, so a shell's children stop with it.

import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { FileCommandResults } from './file-commands.js';
import { createFileCommands, readFileCommands } from './file-commands.js';
import type { LogEvent, WorkflowCommands } from './workflow-commands.js';

export interface ProcessStageOptions {
  command: string;
  args: string[];
  /** The step's whole environment (job and step env, GITHUB_*, INPUT_*); file-command paths are added. */
  env: Record<string, string>;
  cwd: string;
  /** Where the step's file-command files are made. */
  filesDir: string;
  /** Unique per step and stage, names its files. */
  stepKey: string;
  commands: WorkflowCommands;
  onEvent?: (event: LogEvent) => void;
  /** Aborting it cancels the stage as the runner does. */
  signal?: AbortSignal;
}

export interface StageResult {
  exitCode: number;
  files: FileCommandResults;
  /** What the job log shows, masks applied. */
  log: LogEvent[];
  cancelled: boolean;
}

const SIGTERM_AFTER_MS = 7500;
const KILL_AFTER_MS = 2500;

export async function runProcessStage(options: ProcessStageOptions): Promise<StageResult> {
  const files = createFileCommands(options.filesDir, options.stepKey);
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: { ...options.env, ...files },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const log: LogEvent[] = [];
  const emit = (event: LogEvent) => {
    log.push(event);
    options.onEvent?.(event);
  };

  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // The group is gone already.
    }
  };
  let cancelled = false;
  const timers: NodeJS.Timeout[] = [];
  const cancel = () => {
    cancelled = true;
    signalGroup('SIGINT');
    timers.push(
      setTimeout(() => {
        signalGroup('SIGTERM');
        timers.push(setTimeout(() => signalGroup('SIGKILL'), KILL_AFTER_MS));
      }, SIGTERM_AFTER_MS),
    );
  };
  if (options.signal?.aborted) cancel();
  else options.signal?.addEventListener('abort', cancel, { once: true });

  // The runner reads both streams for commands (NodeScriptActionHandler gives each an OutputManager).
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => options.commands.process(line).forEach(emit));
  }

  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
  timers.forEach(clearTimeout);
  options.signal?.removeEventListener('abort', cancel);
  return { exitCode, files: readFileCommands(files), log, cancelled };
}
