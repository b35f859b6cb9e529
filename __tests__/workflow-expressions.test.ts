// `${{ }}` as the local runner evaluates it: @actions/expressions over the runner's contexts, the status
// functions of a step and of a job's if:, and the `if:` rules (a condition without a status function
// means `success() && (...)`), checked on steps parsed by @actions/workflow-parser from real workflow text.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Contexts, JobConclusion, Scope, Status } from '../src/workflow/expressions.js';
import {
  CONTEXT_NAMES,
  evaluate,
  evaluateCondition,
  evaluateToJson,
  evaluateToString,
  evaluateToValue,
  expressionEquals,
} from '../src/workflow/expressions.js';
import { splitTemplate } from '../src/workflow/multiline-scalar.js';
import { jobSteps, loadWorkflow, workflowJobs } from '../src/workflow/workflow-file.js';

function scope(contexts: Partial<Contexts> = {}, status: Scope['status'] = 'success'): Scope {
  const empty = Object.fromEntries(CONTEXT_NAMES.map((name) => [name, {}])) as Contexts;
  return { contexts: { ...empty, ...contexts }, status };
}

const contexts: Partial<Contexts> = {
  steps: {
    train: {
      outputs: { 'artifact-name': 'wine-1.0.zip', status: '{"state":"succeeded","n":3}' },
      outcome: 'success',
      conclusion: 'success',
    },
    lint: { outputs: {}, outcome: 'failure', conclusion: 'success' },
  },
  env: { WINE_BUCKET: 'bucket-1' },
  vars: { ODAHU_API_URL: 'http://odahu' },
  secrets: { TOKEN: 's3cr3t' },
  inputs: { replicas: '2', dry: true },
  github: { ref: 'refs/heads/main', event_name: 'workflow_dispatch', run_number: '7' },
};

describe('expressions', () => {
  test('contexts: steps outputs (hyphenated names), outcome and conclusion, env, vars, secrets, inputs, github', () => {
    const s = scope(contexts);
    expect(evaluate('steps.train.outputs.artifact-name', s)).toBe('wine-1.0.zip');
    expect(evaluate("steps.lint.outcome == 'failure' && steps.lint.conclusion == 'success'", s)).toBe(true);
    expect(evaluate('env.WINE_BUCKET', s)).toBe('bucket-1');
    expect(evaluate("vars['ODAHU_API_URL']", s)).toBe('http://odahu');
    expect(evaluate('secrets.TOKEN', s)).toBe('s3cr3t');
    expect(evaluate('inputs.dry && inputs.replicas', s)).toBe('2');
    expect(evaluate("github.event_name == 'workflow_dispatch'", s)).toBe(true);
    // Missing properties read as null, names are case-insensitive.
    expect(evaluate('steps.nothing.outputs.x', s)).toBeNull();
    expect(evaluate('ENV.wine_bucket', s)).toBe('bucket-1');
  });

  test('functions: fromJSON, toJSON, contains, startsWith, endsWith, format, join', () => {
    const s = scope(contexts);
    expect(evaluate('fromJSON(steps.train.outputs.status).state', s)).toBe('succeeded');
    expect(evaluate('fromJSON(steps.train.outputs.status).n', s)).toBe(3);
    expect(evaluate('toJSON(inputs)', s)).toBe('{\n  "replicas": "2",\n  "dry": true\n}');
    expect(
      evaluate(
        "contains(github.ref, 'main') && startsWith(github.ref, 'refs/') && endsWith(github.ref, 'main')",
        s,
      ),
    ).toBe(true);
    expect(evaluate('contains(fromJSON(\'["a","b"]\'), \'b\')', s)).toBe(true);
    expect(evaluate("format('wine-{0}-{1}', github.run_number, 'x')", s)).toBe('wine-7-x');
    expect(evaluate('join(fromJSON(\'["a","b"]\'), \'+\')', s)).toBe('a+b');
  });

  test('hashFiles() stops with "not supported"; a bad JSON names the expression', () => {
    expect(() => evaluate("hashFiles('**/package-lock.json')", scope())).toThrow(
      'hashFiles() is not supported by this runner',
    );
    expect(() => evaluate("fromJSON('{nope')", scope())).toThrow(/in fromJSON\('\{nope'\)/);
  });

  test('status functions follow the status; always() is always true', () => {
    const cases: [Status, Record<string, boolean>][] = [
      ['success', { 'success()': true, 'failure()': false, 'cancelled()': false, 'always()': true }],
      ['failure', { 'success()': false, 'failure()': true, 'cancelled()': false, 'always()': true }],
      ['cancelled', { 'success()': false, 'failure()': false, 'cancelled()': true, 'always()': true }],
    ];
    for (const [status, answers] of cases) {
      for (const [expression, answer] of Object.entries(answers)) {
        expect([status, expression, evaluateCondition(expression, scope({}, status))]).toEqual([
          status,
          expression,
          answer,
        ]);
      }
    }
  });

  test("a job's if: success() wants every ancestor succeeded, failure() one failed; by id too", () => {
    const decide = (ancestors: Record<string, JobConclusion>, cancelled = false) =>
      [
        'success()',
        'failure()',
        'cancelled()',
        'always()',
        "success('build')",
        "failure('lint', 'test')",
      ].map((expression) => evaluateCondition(expression, scope({}, { ancestors, cancelled })));
    expect(decide({})).toEqual([true, false, false, true, false, false]);
    expect(decide({ build: 'success', test: 'success' })).toEqual([true, false, false, true, true, false]);
    // A skipped ancestor is not a success (GitHub skips the default if: success() job after it).
    expect(decide({ build: 'success', test: 'skipped' })).toEqual([false, false, false, true, true, false]);
    expect(decide({ build: 'success', test: 'failure' })).toEqual([false, true, false, true, true, true]);
    expect(decide({ build: 'cancelled' })).toEqual([false, false, false, true, false, false]);
    // A cancelled run: success() is false even when everything before succeeded.
    expect(decide({ BUILD: 'success' }, true)).toEqual([false, false, true, true, false, false]);
  });

  test('expressionEquals is ==: strings without case, numbers coerced (null and "" are 0)', () => {
    expect(expressionEquals('Ubuntu', 'ubuntu')).toBe(true);
    expect(expressionEquals(18, '18')).toBe(true);
    expect(expressionEquals(true, 'true')).toBe(false);
    expect(expressionEquals(null, null)).toBe(true);
    expect(expressionEquals(null, '')).toBe(true);
    expect(expressionEquals(null, 'x')).toBe(false);
  });

  test('evaluateToJson: a whole tree, each expression with its own type', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'wf-json-')), 'json.yml');
    writeFileSync(
      file,
      [
        'on: push',
        'jobs:',
        '  build:',
        '    runs-on: ubuntu-latest',
        '    strategy:',
        '      max-parallel: ${{ fromJSON(inputs.replicas) }}',
        '      matrix:',
        "        ref: ['${{ github.ref }}', plain]",
        '        include: ${{ fromJSON(vars.INCLUDE) }}',
        '    steps:',
        '      - run: echo',
      ].join('\n'),
    );
    const [job] = workflowJobs(await loadWorkflow(file, 'json.yml'));
    const withList = scope({ ...contexts, vars: { INCLUDE: '[{"x": 1}]' } });
    expect(evaluateToJson(job!.token.find('strategy')!, withList, 'json.yml')).toEqual({
      'max-parallel': 2,
      matrix: { ref: ['refs/heads/main', 'plain'], include: [{ x: 1 }] },
    });
  });

  test('truthiness: empty string, 0, null and false are false', () => {
    for (const falsy of ["''", '0', 'null', 'false', 'steps.none.outputs.x']) {
      expect(evaluateCondition(falsy, scope())).toBe(false);
    }
    for (const truthy of ["'false'", '1', "'0'", "fromJSON('{}')"])
      expect(evaluateCondition(truthy, scope())).toBe(true);
  });

  test("a string's every '' is one quote, as in the format() the parser makes of `echo 'x ${{ e }} y'`", () => {
    const s = scope(contexts);
    expect(evaluate("format('echo ''x {0} y''', github.event_name)", s)).toBe("echo 'x workflow_dispatch y'");
    expect(evaluate("'''a'' ''b'''", s)).toBe("'a' 'b'");
    expect(evaluate("'it''s'", s)).toBe("it's");
  });

  test('splitting a template: `}}` inside a quoted string does not close the expression', () => {
    expect(splitTemplate("a ${{ format('}}{0}', 1) }} b ${{x}}")).toEqual([
      { literal: 'a ' },
      { expression: "format('}}{0}', 1)" },
      { literal: ' b ' },
      { expression: 'x' },
    ]);
  });
});

/** The steps of a one-job workflow whose `steps:` are these lines, as the runner parses them. */
async function parsedSteps(name: string, lines: string[]) {
  const file = join(mkdtempSync(join(tmpdir(), 'wf-steps-')), name);
  writeFileSync(
    file,
    ['on: workflow_dispatch', 'jobs:', '  j:', '    runs-on: ubuntu-latest', '    steps:', ...lines].join(
      '\n',
    ),
  );
  return jobSteps(workflowJobs(await loadWorkflow(file, name))[0]!);
}

describe('the if: rules, on steps parsed from a workflow', () => {
  const steps = () =>
    parsedSteps('if.yml', [
      '      - run: echo plain',
      "      - if: github.ref == 'refs/heads/main'",
      '        run: echo implied success',
      '      - if: ${{ failure() }}',
      '        run: echo on failure',
      "      - if: always() && github.ref == 'refs/heads/main'",
      '        run: echo always',
      '      - if: cancelled()',
      '        run: echo on cancel',
      '      - if: "!contains(github.ref, \'x\') || failure()"',
      '        run: echo status in an or',
      "      - name: ${{ format('Train {0}', github.run_number) }}",
      '        env:',
      '          SCRIPT: |',
      '            bucket: ${{ env.WINE_BUCKET }}',
      '              nested: ${{ github.run_number }}',
      '        run: >-',
      '          folded ${{ github.ref }}',
      '          line',
    ]);

  test('a condition without a status function implies success() &&', async () => {
    const conditions = (await steps()).map((step) => step.if.expression);
    expect(conditions).toEqual([
      'success()',
      "success() && (github.ref == 'refs/heads/main')",
      'failure()',
      "always() && github.ref == 'refs/heads/main'",
      'cancelled()',
      "!contains(github.ref, 'x') || failure()",
      'success()',
    ]);
    const decide = (status: Status) =>
      conditions.map((condition) => evaluateCondition(condition, scope(contexts, status)));
    expect(decide('success')).toEqual([true, true, false, true, false, true, true]);
    expect(decide('failure')).toEqual([false, false, true, true, false, true, false]);
    expect(decide('cancelled')).toEqual([false, false, false, true, true, true, false]);
  });

  test('names, and multi-line scalars as the runner reads them: indentation and folds decoded', async () => {
    const step = (await steps())[6]!;
    const s = scope(contexts);
    expect(evaluateToString(step.name!, s, 'if.yml')).toBe('Train 7');
    const [pair] = [...step.env!];
    expect(evaluateToString(pair!.value, s, 'if.yml')).toBe('bucket: bucket-1\n  nested: 7\n');
    expect(evaluateToString(step.run!, s, 'if.yml')).toBe('folded refs/heads/main line');
    expect(evaluateToValue(step.run!, s, 'if.yml')).toBe('folded refs/heads/main line');
  });
});

test("`run: echo 'x ${{ e }} y'` as the parser builds it: the quotes around the expression kept once", async () => {
  const [single, several] = await parsedSteps('quotes.yml', [
    "      - run: echo 'x ${{ github.run_number }} y'",
    "      - run: echo '${{ github.ref }}' 'and ''${{ github.run_number }}'''",
  ]);
  const s = scope(contexts);
  expect(single!.run!.toString()).toContain("''x {0} y''");
  expect(evaluateToString(single!.run!, s, 'quotes.yml')).toBe("echo 'x 7 y'");
  expect(evaluateToString(several!.run!, s, 'quotes.yml')).toBe("echo 'refs/heads/main' 'and ''7'''");
});
