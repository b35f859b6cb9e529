// The action.yml files agree with each other, with their bundles and with their READMEs, read as the
// workflow runner reads them (@actions/workflow-parser).

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isString } from '@actions/workflow-parser';
import { load } from 'js-yaml';
import type { ActionDefinition } from '../src/workflow/action-file.js';
import { ROOT, actionDefinition } from './helpers/run-action.js';

const names = readdirSync(join(ROOT, 'actions')).filter((name) =>
  existsSync(join(ROOT, 'actions', name, 'action.yml')),
);
const SETTINGS = [
  'api-url',
  'auth-url',
  'client-id',
  'client-secret',
  'scope',
  'token',
  'auth',
  'oidc-audience',
  'api-connection',
];
const PHASES = [
  'apply',
  'batch',
  'connection',
  'deploy',
  'evaluate',
  'package',
  'predict',
  'resume',
  'train',
  'wait',
];
/** It talks to GitHub only: it posts what other steps saved. */
const GITHUB_ONLY = ['report'];

test('the twelve actions: eleven node24 ones and the composite pipeline', () => {
  expect(names.sort()).toEqual([...PHASES, ...GITHUB_ONLY, 'pipeline'].sort());
  for (const name of [...PHASES, ...GITHUB_ONLY]) expect(actionDefinition(name).using).toBe('node24');
  expect(actionDefinition('pipeline').using).toBe('composite');
});

/** An input as a plain object, to compare one action's with another's. */
function inputOf(action: ActionDefinition, id: string) {
  const input = action.inputs.find((candidate) => candidate.id === id);
  return (
    input && { description: input.description, required: input.required, default: input.default?.toString() }
  );
}

describe.each(names)('%s', (name) => {
  const action = actionDefinition(name);

  test('runs bundles of this repository that exist', () => {
    if (action.runs?.using === 'node') {
      expect(action.runs.main).toBe(`../../dist/${name}/index.js`);
      expect(existsSync(join(ROOT, 'dist', name, 'index.js'))).toBe(true);
      return;
    }
    expect(action.runs?.using).toBe('composite');
    for (const step of action.runs?.using === 'composite' ? action.runs.steps : []) {
      // Never `uses:` (the caller's workspace, or another owner and ref): this ref's bundles, exec'd.
      expect({ step: step.id, uses: step.uses }).toEqual({ step: step.id, uses: undefined });
      const run = step.run && isString(step.run) ? step.run.value : '';
      const bundle = /exec node "\$GITHUB_ACTION_PATH\/\.\.\/\.\.\/dist\/([\w-]+)\/index\.js"\s*$/.exec(
        run,
      )?.[1];
      expect({ step: step.id, bundle: bundle && existsSync(join(ROOT, 'dist', bundle, 'index.js')) }).toEqual(
        {
          step: step.id,
          bundle: true,
        },
      );
    }
  });

  test('every input and output is kebab-case and described', () => {
    for (const input of action.inputs) {
      expect(input.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(input.description?.length).toBeGreaterThan(10);
    }
    for (const output of action.outputs) {
      // Metric names keep their digits: r2, p95-latency-ms.
      expect(output.id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      expect(output.description?.length).toBeGreaterThan(5);
    }
  });

  test('takes the shared settings, described as in train, without defaults (so ODAHU_* can apply)', () => {
    if (GITHUB_ONLY.includes(name)) {
      expect(action.inputs.filter((input) => SETTINGS.includes(input.id))).toEqual([]);
      return;
    }
    const train = actionDefinition('train');
    for (const setting of SETTINGS) {
      expect(inputOf(action, setting)).toEqual(inputOf(train, setting));
      expect(inputOf(action, setting)?.default).toBeUndefined();
    }
  });
});

test('README tables are in step with action.yml', () => {
  expect(() =>
    execFileSync(process.execPath, ['scripts/readme-tables.js', '--check'], { cwd: ROOT, stdio: 'pipe' }),
  ).not.toThrow();
});

test("the pipeline passes each phase only inputs of that phase's action, and each of its own to a step", () => {
  const pipeline = load(readFileSync(join(ROOT, 'actions', 'pipeline', 'action.yml'), 'utf8')) as {
    inputs: Record<string, unknown>;
    runs: { steps: { id: string; run: string; env: Record<string, string> }[] };
  };
  const read = new Set<string>();
  for (const step of pipeline.runs.steps) {
    const bundle = /dist\/([\w-]+)\/index\.js/.exec(step.run)![1]!;
    const known = actionDefinition(bundle).inputs.map((input) => input.id);
    const passed = Object.keys(step.env)
      .filter((name) => name.startsWith('INPUT_'))
      .map((name) => name.slice('INPUT_'.length).toLowerCase());
    const unknown = passed.filter((input) => !known.includes(input));
    expect({ step: step.id, unknown }).toEqual({ step: step.id, unknown: [] });
    for (const value of Object.values(step.env)) {
      for (const [, input] of String(value).matchAll(/\binputs\.([\w-]+)/g)) read.add(input!);
    }
  }
  expect(Object.keys(pipeline.inputs).filter((input) => !read.has(input))).toEqual([]);
});
