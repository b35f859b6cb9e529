// Actions from other repositories (google-github-actions/auth, aws-actions/..., actions/cache) are not
// run on this machine: the step is skipped with one line, `not run here: <uses>`, and its outputs read
// as '' unless the user gives them, by `--step-output <step id>.<name>=<value>` or a stub file. The run
// counts them and says so at its end ("succeeded, 2 steps not run"), since a green run that skipped
// a step proves less than one that ran it. actions/setup-node and actions/setup-python are played with
// this machine's own Node and Python (setup-actions.ts): not here.

import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { CannotRun } from './cannot-run.js';

/** Stub outputs: by step id, or by the action (`owner/repo[/path]`, any ref). */
export type StubOutputs = Record<string, Record<string, string>>;

const STEP_OUTPUT = /^([A-Za-z_][\w-]*)\.([A-Za-z_][\w-]*)=(.*)$/s;

/** `--step-output auth.project_id=acme`, each checked; the outputs by step id. */
export function parseStepOutputs(values: string[], flag = '--step-output', what = 'a step id'): StubOutputs {
  const stubs: StubOutputs = {};
  const problems: string[] = [];
  for (const value of values) {
    const match = STEP_OUTPUT.exec(value);
    if (!match) {
      const wants = flag === '--step-output' ? 'STEP.OUTPUT=VALUE' : 'JOB.OUTPUT=VALUE';
      problems.push(`${flag} wants ${wants} (${what}, then an output name), not ${JSON.stringify(value)}`);
      continue;
    }
    const [, step = '', name = '', output = ''] = match;
    (stubs[step] ??= {})[name] = output;
  }
  if (problems.length > 0) throw new CannotRun(problems);
  return stubs;
}

/**
 * A stub file: YAML or JSON, each key a step id or an action (`google-github-actions/auth`, its ref
 * left out), each value the outputs it gives:
 *   auth:
 *     project_id: acme
 *   actions/cache:
 *     cache-hit: 'true'
 */
export function readStubFile(path: string, shown: string): StubOutputs {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new CannotRun([`--stub-file ${shown}: cannot read it`]);
  }
  let parsed: unknown;
  try {
    parsed = load(text);
  } catch (error) {
    throw new CannotRun([`--stub-file ${shown}: ${(error as Error).message.split('\n')[0] ?? ''}`]);
  }
  if (parsed === undefined || parsed === null) return {};
  const problems: string[] = [];
  const stubs: StubOutputs = {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new CannotRun([`--stub-file ${shown}: a mapping of step ids (or actions) to their outputs`]);
  }
  for (const [key, outputs] of Object.entries(parsed as Record<string, unknown>)) {
    if (typeof outputs !== 'object' || outputs === null || Array.isArray(outputs)) {
      problems.push(`--stub-file ${shown}: ${key}: a mapping of output names to values`);
      continue;
    }
    const given: Record<string, string> = {};
    for (const [name, value] of Object.entries(outputs as Record<string, unknown>)) {
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        given[name] = String(value);
      } else if (value === null) given[name] = '';
      else problems.push(`--stub-file ${shown}: ${key}.${name}: a string, a number or a boolean`);
    }
    stubs[key] = given;
  }
  if (problems.length > 0) throw new CannotRun(problems);
  return stubs;
}

/** The action of a `uses:` without its ref: `google-github-actions/auth@v2` → `google-github-actions/auth`. */
export function actionWithoutRef(uses: string): string {
  return uses.replace(/@.*$/, '');
}

export interface NotRunStep {
  /** The job as the log names it. */
  job: string;
  /** The step's id (its own, or the runner's `__<n>`). */
  stepId: string;
  uses: string;
}

/** The run's steps that were not run here, and the outputs given for them. */
export class OtherActions {
  readonly notRun: NotRunStep[] = [];

  constructor(
    /** --step-output (by step id) over the stub file (by step id or action). */
    private readonly stubs: StubOutputs = {},
  ) {}

  /**
   * Every stub must name a step that is not run here (a step id) or an action that is: a stub for
   * anything else is a typo that would silently do nothing.
   */
  check(steps: { id: string; uses: string }[]): void {
    const problems: string[] = [];
    const ids = new Set(steps.map((step) => step.id));
    const actions = new Set(steps.map((step) => actionWithoutRef(step.uses)));
    for (const key of Object.keys(this.stubs)) {
      if (ids.has(key) || actions.has(key)) continue;
      const known = [...ids].filter((id) => !id.startsWith('__'));
      problems.push(
        `stub outputs for ${key} (--step-output, --stub-file): no step ${key} among the steps not run here (${[...known, ...actions].join(', ') || 'there are none'})`,
      );
    }
    if (problems.length > 0) throw new CannotRun(problems);
  }

  /** A step not run: its outputs (given, or none: they read as ''), and the note in the run's count. */
  skip(job: string, stepId: string, uses: string): Record<string, string> {
    this.notRun.push({ job, stepId, uses });
    return { ...this.stubs[actionWithoutRef(uses)], ...this.stubs[stepId] };
  }
}
