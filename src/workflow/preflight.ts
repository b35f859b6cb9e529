// Everything checked before a job starts, so that an unsupported feature stops the run before any
// step has done anything: the job's kind and keys (container, services, strategy, runs-on), every
// step's shell, and every `uses:` resolved and its action.yml loaded, composite actions' steps
// included. Each problem is one line: `file:line: not supported: <feature>`.

import { isMapping, isString } from '@actions/workflow-parser';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import type { ActionDefinition } from './action-file.js';
import { loadAction, resolveUses } from './action-file.js';
import { CannotRun } from './cannot-run.js';
import type { StepPlan } from './step-plan.js';
import type { SelectedJob, WorkflowFile } from './workflow-file.js';
import { jobSteps, runDefault } from './workflow-file.js';

export type ResolvedUses = { kind: 'checkout' } | { kind: 'action'; action: ActionDefinition };

/** Every `uses:` of the job (and of its composite actions), resolved. */
export type ActionCatalog = Map<string, ResolvedUses>;

export const SHELLS = ['bash', 'sh'];

const JOB_KEYS: Record<string, string> = {
  container: 'container: (jobs in a container; this runner runs steps on this machine)',
  services: 'services: (service containers)',
  strategy: 'strategy: (matrix jobs; run one job with --job)',
};

export function preflight(
  workflow: WorkflowFile,
  selected: SelectedJob,
  workspace: string,
  actionsRoot: string,
): ActionCatalog {
  const problems: string[] = [];
  const notSupported = (file: string, token: TemplateToken | undefined, feature: string) =>
    problems.push(`${file}:${token?.line ?? 1}: not supported: ${feature}`);
  const { job, token } = selected;

  if (job.type === 'reusableWorkflowJob') {
    notSupported(workflow.file, token.find('uses') ?? token, `reusable workflows (jobs.${selected.id}.uses)`);
    throw new CannotRun(problems);
  }
  for (const pair of token) {
    const feature = JOB_KEYS[pair.key.toString()];
    if (feature) notSupported(workflow.file, pair.key, feature);
  }
  const runsOn = token.find('runs-on');
  if (runsOn && !(isString(runsOn) && /^ubuntu-/.test(runsOn.value))) {
    const shown = isString(runsOn) ? runsOn.value : JSON.stringify(runsOn.toJSON());
    notSupported(workflow.file, runsOn, `runs-on: ${shown} (only ubuntu-* runners)`);
  }
  const defaultShell = runDefault(workflow, selected, 'shell');
  if (defaultShell) checkShell(workflow.file, defaultShell, notSupported);

  const catalog: ActionCatalog = new Map();
  const visit = (steps: StepPlan[], file: string, seen: Set<string>) => {
    for (const step of steps) {
      if (step.shell) checkShell(file, step.shell, notSupported);
      if (step.uses === undefined) continue;
      const place = isMapping(step.token) ? step.token.find('uses') : step.token;
      const reference = resolveUses(step.uses, workspace, actionsRoot);
      if (reference.kind === 'unsupported') {
        notSupported(file, place, reference.feature);
        continue;
      }
      if (reference.kind === 'checkout') {
        catalog.set(step.uses, { kind: 'checkout' });
        continue;
      }
      let action: ActionDefinition;
      try {
        action = loadAction(reference.dir, reference.shown);
      } catch (error) {
        if (!(error instanceof CannotRun)) throw error;
        problems.push(...error.lines.map((line) => `${file}:${place?.line ?? 1}: ${line}`));
        continue;
      }
      catalog.set(step.uses, { kind: 'action', action });
      if (!action.runs) notSupported(file, place, `${action.using} actions (${step.uses})`);
      else if (action.runs.using === 'composite' && !seen.has(action.dir)) {
        visit(action.runs.steps, action.file, new Set([...seen, action.dir]));
      }
    }
  };
  visit(jobSteps(selected), workflow.file, new Set());
  if (problems.length > 0) throw new CannotRun(problems);
  return catalog;
}

function checkShell(
  file: string,
  shell: TemplateToken,
  notSupported: (file: string, token: TemplateToken, feature: string) => void,
): void {
  if (isString(shell) && !SHELLS.includes(shell.value)) {
    notSupported(file, shell, `shell: ${shell.value} (bash or sh)`);
  }
}
