// The example workflows are valid GitHub workflows (checked with the official @actions/workflow-parser)
// and use these actions as their action.yml files define them: every `with:` key is a declared input,
// and every required input is given.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NoOperationTraceWriter, convertWorkflowTemplate, parseWorkflow } from '@actions/workflow-parser';
import { load } from 'js-yaml';
import { ROOT, actionDefinition } from './helpers/run-action.js';

const dir = join(ROOT, 'examples', 'workflows');
const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name));

interface Step {
  name?: string;
  uses?: string;
  with?: Record<string, unknown>;
}

test('there are examples: the wine DAG, fire-and-forget, the Airflow migration, the pull request preview', () => {
  expect(files).toEqual(
    expect.arrayContaining([
      'wine.yml',
      'wine-fire-and-forget.yml',
      'airflow-migration.yml',
      'pr-preview.yml',
    ]),
  );
});

describe.each(files)('%s', (file) => {
  const content = readFileSync(join(dir, file), 'utf8');

  test('parses and converts without errors', async () => {
    const parsed = parseWorkflow({ name: file, content }, new NoOperationTraceWriter());
    expect(parsed.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    const template = await convertWorkflowTemplate(parsed.context, parsed.value!);
    expect(template.errors ?? []).toEqual([]);
    expect(template.jobs.length).toBeGreaterThan(0);
  });

  test('each odahu step passes the inputs its action declares, and the required ones', () => {
    const workflow = load(content) as { jobs: Record<string, { steps: Step[] }> };
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    const ours = steps.filter((step) => step.uses?.startsWith('odahu/odahu-actions/'));
    expect(ours.length).toBeGreaterThan(0);
    for (const step of ours) {
      const match = /^odahu\/odahu-actions\/([a-z-]+)@v1$/.exec(step.uses!);
      expect(match).not.toBeNull();
      const action = actionDefinition(match![1]!);
      const declared = action.inputs.map((input) => input.id);
      const given = Object.keys(step.with ?? {});
      expect({ step: step.name, unknown: given.filter((name) => !declared.includes(name)) }).toEqual({
        step: step.name,
        unknown: [],
      });
      const required = action.inputs.filter((input) => input.required && input.default === undefined);
      expect({
        step: step.name,
        missing: required.map((input) => input.id).filter((name) => !given.includes(name)),
      }).toEqual({
        step: step.name,
        missing: [],
      });
    }
  });
});

test('the parse check fails a broken workflow (a step with both run and uses, a job without runs-on)', () => {
  const broken = 'on: push\njobs:\n  x:\n    steps:\n      - run: echo\n        uses: ./actions/train\n';
  const parsed = parseWorkflow({ name: 'broken.yml', content: broken }, new NoOperationTraceWriter());
  expect(parsed.context.errors.getErrors().length).toBeGreaterThan(0);
});
