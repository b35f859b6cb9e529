// Everything checked before the run starts, so that an unsupported feature stops it before any step
// of any job has done anything: each job's kind and keys (a reusable workflow, container, services,
// runs-on), its matrix when it can be expanded already (it does not read `needs`), every step's
// shell, and every `uses:` resolved and its action.yml loaded, composite actions' steps included.
// Each problem is one line: `file:line: not supported: <feature>` (or what is wrong with a matrix).

import { isMapping, isString } from '@actions/workflow-parser';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import type { ActionDefinition, SetupTool } from './action-file.js';
import type { ArtifactVerb } from './artifacts.js';
import { loadAction, resolveUses } from './action-file.js';
import { CannotRun } from './cannot-run.js';
import type { Scope } from './expressions.js';
import { evaluateToJson } from './expressions.js';
import type { Strategy } from './matrix.js';
import { StrategyError, expandStrategy } from './matrix.js';
import { findReferences } from './references.js';
import type { StepPlan } from './step-plan.js';
import type { SelectedJob, WorkflowFile } from './workflow-file.js';
import { jobSteps, runDefault } from './workflow-file.js';

export type ResolvedUses =
  | { kind: 'checkout' }
  | { kind: 'setup'; tool: SetupTool }
  /** Another repository's action: not run here (other-actions.ts). */
  | { kind: 'elsewhere' }
  | { kind: 'artifact'; verb: ArtifactVerb }
  | { kind: 'action'; action: ActionDefinition };

/** Every `uses:` of the job (and of its composite actions), resolved. */
export type ActionCatalog = Map<string, ResolvedUses>;

export const SHELLS = ['bash', 'sh'];

const JOB_KEYS: Record<string, string> = {
  container: 'container: (jobs in a container; this runner runs steps on this machine)',
  services: 'services: (service containers)',
};

/**
 * The jobs of the run checked; `scope` holds the contexts a matrix may read before the run (github,
 * vars, inputs). The actions every `uses:` names, resolved and loaded.
 */
export function preflight(
  workflow: WorkflowFile,
  jobs: SelectedJob[],
  workspace: string,
  actionsRoot: string,
  scope: Scope,
): ActionCatalog {
  const problems: string[] = [];
  const notSupported = (file: string, token: TemplateToken | undefined, feature: string) =>
    problems.push(`${file}:${token?.line ?? 1}: not supported: ${feature}`);
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
      if (reference.kind === 'checkout' || reference.kind === 'elsewhere') {
        catalog.set(step.uses, { kind: reference.kind });
        continue;
      }
      if (reference.kind === 'setup') {
        catalog.set(step.uses, { kind: 'setup', tool: reference.tool });
        continue;
      }
      if (reference.kind === 'artifact') {
        catalog.set(step.uses, reference);
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

  for (const selected of jobs) {
    const { job, token } = selected;
    if (job.type === 'reusableWorkflowJob') {
      notSupported(
        workflow.file,
        token.find('uses') ?? token,
        `reusable workflows (jobs.${selected.id}.uses)`,
      );
      continue;
    }
    for (const pair of token) {
      const feature = JOB_KEYS[pair.key.toString()];
      if (feature) notSupported(workflow.file, pair.key, feature);
    }
    const runsOn = token.find('runs-on');
    const strategy = staticStrategy(workflow, selected, scope, problems);
    if (runsOn) {
      // An expression (${{ matrix.os }}) is checked for every matrix job now when it can be, else when the job starts.
      const matrices = strategy?.jobs.map((each) => each.matrix) ?? [null];
      const found = new Set<string>();
      for (const matrix of readsNeeds(runsOn) ? [] : matrices) {
        try {
          const problem = runsOnProblem(
            runsOn,
            { ...scope, contexts: { ...scope.contexts, matrix } },
            workflow.file,
          );
          if (problem) found.add(problem);
        } catch {
          // An expression that fails here fails the job when it starts, with its message.
        }
      }
      for (const problem of found) notSupported(workflow.file, runsOn, `runs-on: ${problem}`);
    }
    const defaultShell = runDefault(workflow, selected, 'shell');
    if (defaultShell) checkShell(workflow.file, defaultShell, notSupported);
    visit(jobSteps(selected), workflow.file, new Set());
  }
  if (problems.length > 0) throw new CannotRun(problems);
  return catalog;
}

const readsNeeds = (token: TemplateToken) => findReferences([token]).contexts.has('needs');

/** The job's strategy expanded now, unless it reads `needs`; its problems as `file:line:` lines. */
function staticStrategy(
  workflow: WorkflowFile,
  selected: SelectedJob,
  scope: Scope,
  problems: string[],
): Strategy | undefined {
  const token = selected.token.find('strategy');
  if (!token || readsNeeds(token)) return undefined;
  try {
    return expandStrategy(evaluateToJson(token, scope, workflow.file));
  } catch (error) {
    const lines = error instanceof StrategyError ? error.problems : [(error as Error).message];
    problems.push(
      ...lines.map((line) =>
        /^\S+:\d+: /.test(line) ? line : `${workflow.file}:${token.line ?? 1}: jobs.${selected.id}: ${line}`,
      ),
    );
    return undefined;
  }
}

/** Why a runs-on cannot run here (only ubuntu-* runners), or undefined when it can. */
export function runsOnProblem(token: TemplateToken, scope: Scope, file: string): string | undefined {
  const value = evaluateToJson(token, scope, file);
  if (typeof value === 'string' && /^ubuntu-/.test(value)) return undefined;
  return `${typeof value === 'string' ? value : JSON.stringify(value)} (only ubuntu-* runners)`;
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
