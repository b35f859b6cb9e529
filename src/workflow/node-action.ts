// Running a JavaScript action's stage (pre, main or post) the way GitHub's runner does: inputs as
// INPUT_* variables, and the stage as a process (stage-process.ts: file commands, workflow commands,
// cancellation). The action.yml itself is read by action-file.ts.

import type { ProcessStageOptions, StageResult } from './stage-process.js';
import { runProcessStage } from './stage-process.js';
import type { LogEvent } from './workflow-commands.js';

/**
 * How a step's stages run: a node action's script, and a run step's process. The runner runs both as
 * processes; a test may run the odahu actions' sources in its own process instead.
 */
export interface Stages {
  node(options: StageOptions): Promise<StageResult>;
  process(options: ProcessStageOptions): Promise<StageResult>;
}

/** The runner's name for an input's variable: INPUT_ + upper case, spaces to underscores. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
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

export const PROCESS_STAGES: Stages = { node: runNodeStage, process: runProcessStage };

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
