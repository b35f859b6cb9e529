// A workflow file as the official parser reads it: parsed and schema-checked by
// @actions/workflow-parser, converted to its model (jobs, steps, events), with the token tree kept for
// the keys the model leaves out (defaults, timeout-minutes, with, shell, ...). Its jobs, or one of them.

import { readFileSync } from 'node:fs';
import {
  NoOperationTraceWriter,
  convertWorkflowTemplate,
  isMapping,
  isSequence,
  isString,
  parseWorkflow,
} from '@actions/workflow-parser';
import type {
  InputConfig,
  WorkflowJob,
  WorkflowTemplate,
} from '@actions/workflow-parser/model/workflow-template';
import type { MappingToken, TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import { CannotRun, templateErrors } from './cannot-run.js';
import type { StepPlan } from './step-plan.js';
import { stepPlans } from './step-plan.js';

export interface WorkflowFile {
  /** The path as messages show it. */
  file: string;
  /** Its `name:`, else its path. */
  name: string;
  template: WorkflowTemplate;
  root: MappingToken;
}

export interface SelectedJob {
  id: string;
  job: WorkflowJob;
  /** The job's own mapping in the file. */
  token: MappingToken;
}

export async function loadWorkflow(path: string, file: string): Promise<WorkflowFile> {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CannotRun([`${file}: cannot read the workflow: ${(error as Error).message}`]);
  }
  const parsed = parseWorkflow({ name: file, content }, new NoOperationTraceWriter());
  if (!parsed.value || parsed.context.errors.count > 0)
    throw new CannotRun(templateErrors(parsed.context, file));
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  if (parsed.context.errors.count > 0) throw new CannotRun(templateErrors(parsed.context, file));
  if (!isMapping(parsed.value)) throw new CannotRun([`${file}: not a workflow`]);
  const name = parsed.value.find('name');
  return {
    file,
    name: name && isString(name) ? name.value : file,
    template,
    root: parsed.value,
  };
}

/** Every job of the workflow, in file order. */
export function workflowJobs(workflow: WorkflowFile): SelectedJob[] {
  return workflow.template.jobs.map((job) => selectJob(workflow, job.id.value));
}

/** The job given by id. */
export function selectJob(workflow: WorkflowFile, id: string): SelectedJob {
  const ids = workflow.template.jobs.map((job) => job.id.value);
  const job = workflow.template.jobs.find((candidate) => candidate.id.value === id);
  const jobs = workflow.root.find('jobs');
  const token = jobs && isMapping(jobs) ? jobs.find(id) : undefined;
  if (!job || !token || !isMapping(token)) {
    throw new CannotRun([`${workflow.file} has no job ${id} (its jobs: ${ids.join(', ')})`]);
  }
  return { id, job, token };
}

/** The events the workflow runs on, in file order. */
export function workflowEvents(workflow: WorkflowFile): string[] {
  return Object.keys(workflow.template.events ?? {});
}

/** The workflow_dispatch inputs, name to definition. */
export function dispatchInputs(workflow: WorkflowFile): Record<string, InputConfig> {
  return workflow.template.events?.workflow_dispatch?.inputs ?? {};
}

/** `defaults.run.<key>` of the job, else of the workflow. */
export function runDefault(
  workflow: WorkflowFile,
  job: SelectedJob,
  key: 'shell' | 'working-directory',
): TemplateToken | undefined {
  for (const owner of [job.token, workflow.root]) {
    const defaults = owner.find('defaults');
    const run = defaults && isMapping(defaults) ? defaults.find('run') : undefined;
    const value = run && isMapping(run) ? run.find(key) : undefined;
    if (value) return value;
  }
  return undefined;
}

/** The job's steps as plans (none for a reusable-workflow job). */
export function jobSteps(selected: SelectedJob): StepPlan[] {
  if (selected.job.type !== 'job') return [];
  const sequence = selected.token.find('steps');
  return sequence && isSequence(sequence) ? stepPlans(selected.job.steps, sequence) : [];
}
