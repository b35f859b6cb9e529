// Where a step's `uses:` points, and the action.yml found there, parsed by @actions/workflow-parser
// (so input defaults, composite steps and output values keep their `${{ }}` as expression tokens).
// This runner knows these kinds of `uses:`: actions/checkout (the local working tree is the checkout),
// actions/setup-node and actions/setup-python (this machine's Node and Python: setup-actions.ts),
// actions/upload-artifact and actions/download-artifact (the run's folder: artifacts.ts), ./path (an
// action in the workspace) and <owner>/odahu-actions/<name>@<ref> (this repository's actions/<name>,
// whatever the owner and ref). Any other repository's action is not run here: the step is skipped
// with one line, its outputs stubbed (other-actions.ts). Docker actions are refused.

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NoOperationTraceWriter, isMapping, isSequence } from '@actions/workflow-parser';
import type { ActionTemplate } from '@actions/workflow-parser/actions/index';
import { convertActionTemplate, parseAction } from '@actions/workflow-parser/actions/index';
import { CannotRun, templateErrors } from './cannot-run.js';
import type { ArtifactVerb } from './artifacts.js';
import type { StepPlan } from './step-plan.js';
import { stepPlans } from './step-plan.js';

export type ActionReference =
  | { kind: 'checkout' }
  | { kind: 'setup'; tool: SetupTool }
  | { kind: 'artifact'; verb: ArtifactVerb }
  | { kind: 'local'; dir: string; shown: string }
  | { kind: 'elsewhere'; uses: string }
  | { kind: 'unsupported'; feature: string };

/** The setup actions whose effect this machine gives: its own Node, its own Python. */
export type SetupTool = 'node' | 'python';

const REMOTE = /^([^/@]+)\/([^/@]+)(?:\/([^@]+))?@(.+)$/;

/** `actionsRoot` is this repository's actions/ folder. */
export function resolveUses(uses: string, workspace: string, actionsRoot: string): ActionReference {
  if (uses.startsWith('docker://')) return { kind: 'unsupported', feature: `docker actions (${uses})` };
  if (uses.startsWith('./')) return { kind: 'local', dir: resolve(workspace, uses), shown: uses };
  const [, owner = '', repo = '', path, ref = ''] = REMOTE.exec(uses) ?? [];
  if (owner.toLowerCase() === 'actions' && repo.toLowerCase() === 'checkout' && path === undefined) {
    return { kind: 'checkout' };
  }
  const setup = /^setup-(node|python)$/.exec(repo.toLowerCase());
  if (owner.toLowerCase() === 'actions' && setup && path === undefined) {
    return { kind: 'setup', tool: setup[1] as SetupTool };
  }
  const artifact = /^(upload|download)-artifact$/.exec(repo.toLowerCase());
  if (owner.toLowerCase() === 'actions' && artifact && path === undefined) {
    return { kind: 'artifact', verb: artifact[1] as ArtifactVerb };
  }
  if (repo === 'odahu-actions' && path && /^[\w.-]+$/.test(path) && ref) {
    return { kind: 'local', dir: join(actionsRoot, path), shown: `actions/${path} (for ${uses})` };
  }
  if (REMOTE.test(uses)) return { kind: 'elsewhere', uses };
  return { kind: 'unsupported', feature: `uses: ${uses} (owner/repository[/path]@ref, ./path)` };
}

export interface NodeRuns {
  using: 'node';
  /** As action.yml says it, e.g. node24. */
  version: string;
  main: string;
  pre?: string;
  post?: string;
  preIf?: string;
  postIf?: string;
}

export interface CompositeRuns {
  using: 'composite';
  steps: StepPlan[];
}

export interface ActionDefinition {
  dir: string;
  /** The action.yml path as messages show it. */
  file: string;
  name: string;
  inputs: NonNullable<ActionTemplate['inputs']>;
  outputs: NonNullable<ActionTemplate['outputs']>;
  /** Undefined for a kind this runner does not run (docker, node12, node16). */
  runs: NodeRuns | CompositeRuns | undefined;
  /** runs.using as written. */
  using: string;
}

export function loadAction(dir: string, shownDir: string): ActionDefinition {
  const name = ['action.yml', 'action.yaml'].find((candidate) => existsSync(join(dir, candidate)));
  if (!name) throw new CannotRun([`${shownDir}: no action.yml`]);
  const file = `${shownDir.replace(/ \(for .*\)$/, '')}/${name}`;
  const parsed = parseAction(
    { name: file, content: readFileSync(join(dir, name), 'utf8') },
    new NoOperationTraceWriter(),
  );
  if (!parsed.value || parsed.context.errors.count > 0)
    throw new CannotRun(templateErrors(parsed.context, file));
  const template = convertActionTemplate(parsed.context, parsed.value);
  if (parsed.context.errors.count > 0) throw new CannotRun(templateErrors(parsed.context, file));
  const definition = {
    dir,
    file,
    name: template.name,
    inputs: template.inputs ?? [],
    outputs: template.outputs ?? [],
    using: template.runs.using,
  };
  const runs = template.runs;
  if (runs.using === 'composite') {
    const runsToken = isMapping(parsed.value) ? parsed.value.find('runs') : undefined;
    const sequence = runsToken && isMapping(runsToken) ? runsToken.find('steps') : undefined;
    if (!sequence || !isSequence(sequence)) throw new CannotRun([`${file}: runs.steps is missing`]);
    const steps = stepPlans(runs.steps, sequence).map((step, index) =>
      // The converter gives composite steps without an id none; the runner names them like its own.
      step.id ? step : { ...step, id: `__composite_${index + 1}` },
    );
    return { ...definition, runs: { using: 'composite', steps } };
  }
  if (runs.using === 'node20' || runs.using === 'node24') {
    const { main, pre, post, preIf, postIf } = runs;
    return { ...definition, runs: { using: 'node', version: runs.using, main, pre, post, preIf, postIf } };
  }
  return { ...definition, runs: undefined };
}
