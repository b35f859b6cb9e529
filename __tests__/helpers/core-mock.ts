// @actions/core for unit tests of the actions' sources (as actions/typescript-action does): a test
// mocks the module with this one before importing src/<action>/main.ts, gives the step its inputs
// (action.yml defaults applied, as the runner does) and reads what the step did: its outputs, its
// one failure line, its log lines and secrets, and its job-summary tables.
//
//   jest.unstable_mockModule('@actions/core', () => core);
//   const { run } = await import('../src/deploy/main.js');

import { jest } from '@jest/globals';
import type { ActionDefinition } from '../../src/workflow/action-file.js';

interface Recorded {
  inputs: Record<string, string>;
  outputs: Record<string, string>;
  failures: string[];
  /** info, warning (`Warning: `), error (`Error: `) and notice lines, in order. */
  log: string[];
  secrets: string[];
  /** Each write of the job summary: its heading, raw text and rows of cell texts. */
  summaries: { heading: string; text: string; rows: string[][] }[];
}

export const recorded: Recorded = {
  inputs: {},
  outputs: {},
  failures: [],
  log: [],
  secrets: [],
  summaries: [],
};

/** A new step: the action's input defaults, then the given inputs; nothing recorded yet. */
export function startStep(action: ActionDefinition, inputs: Record<string, string>): void {
  recorded.inputs = {};
  for (const input of action.inputs) {
    if (input.default !== undefined) recorded.inputs[input.id] = input.default.toString();
  }
  Object.assign(recorded.inputs, inputs);
  recorded.outputs = {};
  recorded.failures = [];
  recorded.log = [];
  recorded.summaries = [];
}

const text = (message: unknown) => (message instanceof Error ? message.message : String(message));

export const getInput = jest.fn(
  (name: string, options?: { required?: boolean; trimWhitespace?: boolean }) => {
    const value = recorded.inputs[name] ?? '';
    if (options?.required && !value) throw new Error(`Input required and not supplied: ${name}`);
    return options?.trimWhitespace === false ? value : value.trim();
  },
);
export const setOutput = jest.fn((name: string, value: unknown) => {
  recorded.outputs[name] = typeof value === 'string' ? value : JSON.stringify(value);
});
export const setFailed = jest.fn((message: string | Error) => {
  recorded.failures.push(text(message));
});
export const setSecret = jest.fn((secret: string) => void recorded.secrets.push(secret));
export const info = jest.fn((message: string) => void recorded.log.push(message));
export const warning = jest.fn(
  (message: string | Error) => void recorded.log.push(`Warning: ${text(message)}`),
);
export const error = jest.fn((message: string | Error) => void recorded.log.push(`Error: ${text(message)}`));
export const notice = jest.fn(
  (message: string | Error) => void recorded.log.push(`Notice: ${text(message)}`),
);
export const debug = jest.fn();
export const isDebug = jest.fn(() => false);
export const startGroup = jest.fn((name: string) => void recorded.log.push(`▸ ${name}`));
export const endGroup = jest.fn(() => void recorded.log.push('◂'));

/** core.summary's builder, as the actions use it: per write a heading, raw text and a table. */
class FakeSummary {
  private heading = '';
  private text = '';
  private rows: string[][] = [];

  addHeading(heading: string): this {
    this.heading = heading;
    return this;
  }

  addRaw(text: string, addEol = false): this {
    this.text += addEol ? `${text}\n` : text;
    return this;
  }

  addTable(rows: (string | { data: string })[][]): this {
    this.rows = rows.map((row) => row.map((cell) => (typeof cell === 'string' ? cell : cell.data)));
    return this;
  }

  write(): Promise<this> {
    recorded.summaries.push({ heading: this.heading, text: this.text, rows: this.rows });
    this.heading = '';
    this.text = '';
    this.rows = [];
    return Promise.resolve(this);
  }
}

export const summary = new FakeSummary();
