// Running a JavaScript action's stage (pre, main or post) the way GitHub's runner does: inputs as
// INPUT_* variables with action.yml defaults applied, and the stage as a process (stage-process.ts:
// file commands, workflow commands, cancellation).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import type { ProcessStageOptions, StageResult } from './stage-process.js';
import { runProcessStage } from './stage-process.js';
import type { LogEvent } from './workflow-commands.js';

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

export interface StageOptions extends Omit<ProcessStageOptions, 'command' | 'args'> {
  /** The script, absolute. */
  script: string;
  /** Node to run with; the current one by default. */
  node?: string;
}

export function runNodeStage(options: StageOptions): Promise<StageResult> {
  const { script, node, ...rest } = options;
  return runProcessStage({ ...rest, command: node ?? process.execPath, args: [script] });
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
