// Running a JavaScript action's stage (pre, main or post) the way GitHub's runner does: inputs as
// INPUT_* variables with action.yml defaults applied, fresh file-command files, stdout interpreted as
// workflow commands, and cancellation as SIGINT, then SIGTERM after 7.5 s, then a kill 2.5 s later.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { load } from 'js-yaml';
import type { FileCommandResults } from './file-commands.js';
import { createFileCommands, readFileCommands } from './file-commands.js';
import type { LogEvent, WorkflowCommands } from './workflow-commands.js';

export interface ActionInput {
  description?: string;
  required?: boolean;
  default?: string;
}

export interface ActionMetadata {
  name?: string;
  description?: string;
  inputs?: Record<string, ActionInput>;
  outputs?: Record<string, { description?: string; value?: string }>;
  runs: {
    using: string;
    main?: string;
    pre?: string;
    post?: string;
    'pre-if'?: string;
    'post-if'?: string;
    steps?: Record<string, unknown>[];
  };
}

export function readActionMetadata(actionDir: string): ActionMetadata {
  for (const name of ['action.yml', 'action.yaml']) {
    let text: string;
    try {
      text = readFileSync(join(actionDir, name), 'utf8');
    } catch {
      continue;
    }
    const meta = load(text) as ActionMetadata | undefined;
    if (!meta?.runs?.using) throw new Error(`${join(actionDir, name)}: no runs.using`);
    return meta;
  }
  throw new Error(`no action.yml in ${actionDir}`);
}

/** The runner's name for an input's variable: INPUT_ + upper case, spaces to underscores. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/**
 * INPUT_* variables for the given inputs, with action.yml defaults for those not given. `evaluate`
 * turns a default holding `${{ }}` into its value (the workflow runner passes its evaluator).
 */
export function inputVariables(
  meta: ActionMetadata,
  given: Record<string, string>,
  evaluate: (text: string) => string = (text) => text,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, input] of Object.entries(meta.inputs ?? {})) {
    if (input.default !== undefined) env[inputVariable(name)] = evaluate(String(input.default));
  }
  for (const [name, value] of Object.entries(given)) env[inputVariable(name)] = value;
  return env;
}

export interface StageOptions {
  /** The script, absolute. */
  script: string;
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
  /** Node to run with; the current one by default. */
  node?: string;
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

export async function runNodeStage(options: StageOptions): Promise<StageResult> {
  const files = createFileCommands(options.filesDir, options.stepKey);
  const child = spawn(options.node ?? process.execPath, [options.script], {
    cwd: options.cwd,
    env: { ...options.env, ...files },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: LogEvent[] = [];
  const emit = (event: LogEvent) => {
    log.push(event);
    options.onEvent?.(event);
  };

  let cancelled = false;
  const timers: NodeJS.Timeout[] = [];
  const cancel = () => {
    cancelled = true;
    child.kill('SIGINT');
    timers.push(
      setTimeout(() => {
        child.kill('SIGTERM');
        timers.push(setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS));
      }, SIGTERM_AFTER_MS),
    );
  };
  if (options.signal?.aborted) cancel();
  else options.signal?.addEventListener('abort', cancel, { once: true });

  const stdout = createInterface({ input: child.stdout });
  stdout.on('line', (line) => options.commands.process(line).forEach(emit));
  const stderr = createInterface({ input: child.stderr });
  stderr.on('line', (line) => emit({ type: 'line', text: options.commands.mask(line) }));

  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
  timers.forEach(clearTimeout);
  options.signal?.removeEventListener('abort', cancel);
  return { exitCode, files: readFileCommands(files), log, cancelled };
}

/** The log as plain text lines, as a reader of the job log sees it. */
export function renderLog(events: LogEvent[]): string[] {
  return events.map((event) => {
    switch (event.type) {
      case 'line':
        return event.text;
      case 'group':
        return `▸ ${event.title}`;
      case 'endgroup':
        return '◂';
      case 'debug':
        return `##[debug]${event.text}`;
      case 'annotation':
        return `${event.annotation.level === 'error' ? 'Error' : event.annotation.level === 'warning' ? 'Warning' : 'Notice'}: ${event.annotation.message}`;
    }
  });
}
