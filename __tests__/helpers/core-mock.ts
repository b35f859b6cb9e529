// @actions/core for tests of the actions' sources in the test's own process, as actions/typescript-action
// tests its action: a test file mocks the module with this one before anything of src/ is imported,
//
//   jest.unstable_mockModule('@actions/core', () => core);
//   const { runInProcess } = await import('./helpers/in-process.js');
//
// and runs steps with in-process.ts. Each function does what the real one does on a runner, for the
// step at hand: inputs come from the step's map, outputs go to its map, and every log line, group,
// annotation and mask is written on stdout as the same workflow command the real one writes, which
// the step reads as GitHub's runner reads it (masks, groups, annotations). The job summary is the real
// one's builder writing to the step's file, so a test reads the HTML a user's summary shows.

import { EOL } from 'node:os';
import { jest } from '@jest/globals';
// The real builder, by path: '@actions/core' itself is this module once mocked.
import { summary as realSummary } from '../../node_modules/@actions/core/lib/summary.js';
import { OidcClient } from '../../node_modules/@actions/core/lib/oidc-utils.js';

interface Recorded {
  inputs: Record<string, string>;
  outputs: Record<string, string>;
  /** Each setFailed message. */
  failures: string[];
  secrets: string[];
  /** Each write of the job summary: its heading, raw text and rows of cell texts. */
  summaries: { heading: string; text: string; rows: string[][] }[];
  /** The job-summary file of the step. */
  summaryFile: string | undefined;
}

export const recorded: Recorded = {
  inputs: {},
  outputs: {},
  failures: [],
  secrets: [],
  summaries: [],
  summaryFile: undefined,
};

/** A new step: its inputs (action.yml's defaults already applied) and its summary file. */
export function startStep(inputs: Record<string, string>, summaryFile?: string): void {
  recorded.inputs = { ...inputs };
  recorded.outputs = {};
  recorded.failures = [];
  recorded.secrets = [];
  recorded.summaries = [];
  recorded.summaryFile = summaryFile;
}

/** The real toCommandValue and command escaping (@actions/core's utils.ts and command.ts). */
const commandValue = (value: unknown): string =>
  value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
const escapeData = (value: unknown): string =>
  commandValue(value).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

function issue(command: string, message: unknown = ''): void {
  process.stdout.write(`::${command}::${escapeData(message)}${EOL}`);
}

/** warning(), error() and notice() print an Error as `Error: message`, as the real ones do. */
const annotationText = (message: unknown): string =>
  message instanceof Error ? message.toString() : commandValue(message);

export const getInput = jest.fn(
  (name: string, options?: { required?: boolean; trimWhitespace?: boolean }) => {
    const value = recorded.inputs[name] ?? '';
    if (options?.required && !value) throw new Error(`Input required and not supplied: ${name}`);
    return options?.trimWhitespace === false ? value : value.trim();
  },
);
export const setOutput = jest.fn((name: string, value: unknown) => {
  recorded.outputs[name] = commandValue(value);
});
export const setFailed = jest.fn((message: string | Error) => {
  recorded.failures.push(message instanceof Error ? message.message : message);
  issue('error', annotationText(message));
});
export const setSecret = jest.fn((secret: string) => {
  recorded.secrets.push(secret);
  issue('add-mask', secret);
});
export const info = jest.fn((message: string) => void process.stdout.write(`${message}${EOL}`));
export const warning = jest.fn((message: string | Error) => issue('warning', annotationText(message)));
export const error = jest.fn((message: string | Error) => issue('error', annotationText(message)));
export const notice = jest.fn((message: string | Error) => issue('notice', annotationText(message)));
export const debug = jest.fn((message: string) => issue('debug', message));
export const isDebug = jest.fn(() => process.env.RUNNER_DEBUG === '1');
export const startGroup = jest.fn((name: string) => issue('group', name));
export const endGroup = jest.fn(() => issue('endgroup'));
/** The real one: asks ACTIONS_ID_TOKEN_REQUEST_URL of the step's environment. */
export const getIDToken = jest.fn((audience?: string) => OidcClient.getIDToken(audience));

type TableRows = Parameters<(typeof realSummary)['addTable']>[0];

/** The real builder's methods this one overrides (its filePath is private in the typings). */
interface Builder {
  filePath(): Promise<string>;
  addHeading(text: string, level?: number | string): this;
  addRaw(text: string, addEOL?: boolean): this;
  addTable(rows: TableRows): this;
  write(options?: { overwrite?: boolean }): Promise<this>;
}
const SummaryBuilder = realSummary.constructor as new () => Builder;

/** core.summary: the real builder, writing to the step's file, each write also kept as data. */
class StepSummary extends SummaryBuilder {
  private heading = '';
  private raw = '';
  private rows: string[][] = [];
  /** Inside addHeading or addTable, which write through addRaw too. */
  private building = false;

  override filePath(): Promise<string> {
    if (!recorded.summaryFile) return Promise.reject(new Error('no job summary file for this step'));
    return Promise.resolve(recorded.summaryFile);
  }

  override addHeading(text: string, level?: number | string): this {
    this.heading = text;
    return this.built(() => super.addHeading(text, level));
  }

  override addRaw(text: string, addEOL?: boolean): this {
    if (!this.building) this.raw += addEOL ? `${text}\n` : text;
    return super.addRaw(text, addEOL);
  }

  override addTable(rows: TableRows): this {
    this.rows = rows.map((row) => row.map((cell) => (typeof cell === 'string' ? cell : cell.data)));
    return this.built(() => super.addTable(rows));
  }

  private built(add: () => this): this {
    this.building = true;
    try {
      return add();
    } finally {
      this.building = false;
    }
  }

  override async write(options?: { overwrite?: boolean }): Promise<this> {
    recorded.summaries.push({ heading: this.heading, text: this.raw, rows: this.rows });
    this.heading = '';
    this.raw = '';
    this.rows = [];
    return super.write(options);
  }
}

export const summary = new StepSummary();
