// One DAG as one workflow: its units as steps, its jobs with `needs`, XCom wired through step
// outputs (and job outputs across jobs), the triggers (workflow_dispatch with the dag_run.conf keys
// it reads as inputs, and the schedule), and the files its steps read (manifests, request bodies).
// Also what the report and --check need: where each task went, and every secret, variable and input
// the workflow reads.

import { relative } from 'node:path';
import { dump } from 'js-yaml';
import type { Dag } from './dag.js';
import { escapeExpressions, expressionOf, unresolvedMark } from './expressions.js';
import { inputName, variableName } from './github-names.js';
import type { Job } from './jobs.js';
import { buildJobs } from './jobs.js';
import type { Manifest } from './manifests.js';
import { connectionsNamed, manifestFileName, placeholderName } from './manifests.js';
import { scheduleOf } from './schedule.js';
import type { Piece, Ref, StepSpec } from './steps.js';
import { buildStep } from './steps.js';
import type { Unit } from './units.js';
import { buildUnits } from './units.js';
import type { Dynamic, Unresolved } from './values.js';
import type { YamlEntry, YamlItem, YamlMap } from './yaml-text.js';
import { entry, map, yamlText } from './yaml-text.js';

export interface WorkflowOptions {
  /** The DAG file as messages show it (relative to where the user stands). */
  shown: string;
  /** The output root: the repository the workflow runs in (absolute). */
  outDir: string;
  actionOwner: string;
  actionRef: string;
  allowTodo: boolean;
}

export interface TaskPlace {
  taskId: string;
  line: number;
  className: string;
  /** Undefined for an empty operator (no step). */
  job?: string;
  step?: string;
  becomes: string;
}

export interface ConvertedDag {
  dag: Dag;
  /** How it was converted (--check converts it again with the not-converted steps skipped). */
  options: WorkflowOptions;
  /** The workflow's path under the output root. */
  workflowPath: string;
  workflow: string;
  /** Files under the output root its steps read, path → content. */
  files: Map<string, string>;
  /** Files of the DAG's folder the workflow names as they are (resource('x.yaml') read unchanged). */
  referenced: string[];
  tasks: TaskPlace[];
  jobs: { id: string; needs: string[]; steps: string[] }[];
  steps: StepSpec[];
  secrets: Map<string, { what: string; tasks: string[] }>;
  vars: Map<string, { key: string; fallback?: string; lines: number[] }>;
  inputs: Map<string, { key: string; fallback?: string; lines: number[] }>;
  unresolved: Unresolved[];
  notes: { line: number; text: string }[];
  /** Connections the manifests name that no step of the workflow creates: the cluster must have them. */
  clusterConnections: { id: string; role: 'git' | 'storage' | 'registry'; manifest: string }[];
  /** Steps that fail until someone does their work (or are skipped with --allow-todo). */
  todo: string[];
}

export function convertDag(dag: Dag, options: WorkflowOptions): ConvertedDag {
  const graph = buildUnits(dag, options.shown);
  const { jobs, jobOf } = buildJobs(graph);
  const folder = `odahu/${dag.dagId}`;
  const files = new Map<string, string>();
  const referenced: string[] = [];
  const manifests: { path: string; manifest: Manifest }[] = [];
  const secrets = new Map<string, { what: string; tasks: string[] }>();
  const unresolved: Unresolved[] = [];
  const notes: { line: number; text: string }[] = [];
  const steps = new Map<Unit, StepSpec>();

  for (const unit of graph.units) {
    steps.set(
      unit,
      buildStep(unit, {
        dag,
        shown: options.shown,
        allowTodo: options.allowTodo,
        unitOfTask: (taskId) => graph.unitOf.get(taskId),
        manifestPath: (manifest, owner) => {
          if (manifest.sourceFile && !relative(options.outDir, manifest.sourceFile).startsWith('..')) {
            const path = relative(options.outDir, manifest.sourceFile).split('\\').join('/');
            if (!referenced.includes(path)) referenced.push(path);
            manifests.push({ path, manifest });
            return path;
          }
          const content = manifestYaml(manifest, options.shown);
          let path = `${folder}/${manifestFileName(manifest, owner.id)}`;
          if (files.has(path) && files.get(path) !== content)
            path = path.replace(/\.odahuflow\.yaml$/, `-${owner.id}.odahuflow.yaml`);
          files.set(path, content);
          manifests.push({ path, manifest });
          return path;
        },
        requestPath: (owner, json) => {
          const path = `${folder}/request-${owner.id}.json`;
          files.set(path, `${JSON.stringify(json, null, 2)}\n`);
          return path;
        },
        secret: (name, what, task) => {
          const known = secrets.get(name) ?? { what, tasks: [] };
          if (!known.tasks.includes(task.taskId)) known.tasks.push(task.taskId);
          secrets.set(name, known);
        },
        unresolved: (value) => {
          if (!unresolved.includes(value)) unresolved.push(value);
        },
      }),
    );
  }

  const writer = new StepWriter(
    jobOf,
    steps,
    options.shown,
    `${options.actionOwner}/odahu-actions/<action>@${options.actionRef}`,
  );
  const workspaceFiles = new Set([...files.keys(), ...referenced]);
  // Twice: a job's outputs are known once the jobs after it that read them are written.
  let jobEntries: YamlEntry[] = [];
  for (let pass = 0; pass < 2; pass += 1) {
    writer.dynamics.length = 0;
    jobEntries = jobs.map((job, index) => ({ ...writer.job(job, workspaceFiles), blankBefore: index > 0 }));
  }
  const used = writer.dynamics;
  const vars = new Map<string, { key: string; fallback?: string; lines: number[] }>();
  const inputs = new Map<string, { key: string; fallback?: string; lines: number[] }>();
  for (const dynamic of used) {
    if (dynamic.kind !== 'var' && dynamic.kind !== 'conf') continue;
    const target = dynamic.kind === 'var' ? vars : inputs;
    const name = dynamic.kind === 'var' ? variableName(dynamic.key) : inputName(dynamic.key);
    const known = target.get(name) ?? { key: dynamic.key, lines: [] };
    if (dynamic.fallback !== undefined) known.fallback ??= dynamic.fallback;
    if (!known.lines.includes(dynamic.line)) known.lines.push(dynamic.line);
    target.set(name, known);
  }
  for (const dynamic of used)
    if (dynamic.kind === 'unresolved' && !unresolved.includes(dynamic)) unresolved.push(dynamic);

  const retries = dag.defaultArgs.get('retries');
  if (retries?.kind === 'number' && retries.value > 0) {
    notes.push({
      line: dag.line,
      text: `default_args retries=${retries.value}: steps are not retried (the actions retry failing API calls themselves; re-run a failed job)`,
    });
  }
  const schedule = scheduleOf(dag);
  for (const note of schedule.notes) notes.push({ line: dag.schedule?.line ?? dag.line, text: note });
  if (schedule.unresolved) {
    unresolved.push({
      kind: 'unresolved',
      line: dag.schedule?.line ?? dag.line,
      source: dag.schedule?.argument ?? 'schedule',
      why: schedule.unresolved,
    });
  }
  const created = new Set(
    manifests
      .filter(({ manifest }) => manifest.kind === 'Connection')
      .map(({ manifest }) => String(manifest.document.id)),
  );
  const clusterConnections: ConvertedDag['clusterConnections'] = [];
  for (const { path, manifest } of manifests) {
    for (const connection of connectionsNamed(manifest)) {
      if (created.has(connection.id) || clusterConnections.some((each) => each.id === connection.id))
        continue;
      clusterConnections.push({ ...connection, manifest: path });
    }
  }

  const workflowPath = `.github/workflows/${dag.dagId}.yml`;
  const document = map([
    entry('name', dag.dagId),
    { key: 'on', value: triggers(inputs, schedule.crons), blankBefore: true },
    { key: 'permissions', value: map([entry('contents', 'read')]), blankBefore: true },
    { key: 'jobs', value: map(jobEntries), blankBefore: true },
  ]);
  const header = headerLines(dag, options.shown, secrets, vars, inputs, unresolved);
  const tasks: TaskPlace[] = dag.tasks.map((task) => {
    const unit = graph.unitOf.get(task.taskId);
    const step = unit ? steps.get(unit) : undefined;
    return {
      taskId: task.taskId,
      line: task.line,
      className: task.className,
      ...(unit ? { job: jobOf.get(unit)!.id, step: unit.id } : {}),
      becomes: step?.becomes ?? 'no step (an empty operator: its dependencies pass through it)',
    };
  });
  const allSteps = [...steps.values()];
  return {
    dag,
    options,
    workflowPath,
    workflow: yamlText(document, header),
    files,
    referenced,
    tasks,
    jobs: jobs.map((job) => ({
      id: job.id,
      needs: [...writer.needsOf(job)].map((need) => need.id),
      steps: job.units.map((unit) => unit.id),
    })),
    steps: allSteps,
    secrets,
    vars,
    inputs,
    unresolved,
    notes,
    clusterConnections,
    todo: allSteps.filter((step) => step.todo).map((step) => step.id),
  };
}

function triggers(inputs: ConvertedDag['inputs'], crons: string[]): YamlMap {
  const inputEntries = [...inputs].map(([name, input]) =>
    entry(
      name,
      map([
        entry(
          'description',
          `dag_run.conf['${input.key}']${input.fallback === undefined ? '' : ` (the DAG's default: ${input.fallback})`}`,
        ),
        entry('required', input.fallback === undefined),
        input.fallback === undefined ? undefined : entry('default', input.fallback),
      ]),
    ),
  );
  return map([
    entry('workflow_dispatch', inputEntries.length > 0 ? map([entry('inputs', map(inputEntries))]) : map([])),
    crons.length > 0
      ? entry('schedule', {
          kind: 'list',
          items: crons.map((cron) => ({ value: map([entry('cron', cron)]) })),
        })
      : undefined,
  ]);
}

function headerLines(
  dag: Dag,
  shown: string,
  secrets: ConvertedDag['secrets'],
  vars: ConvertedDag['vars'],
  inputs: ConvertedDag['inputs'],
  unresolved: Unresolved[],
): string[] {
  const lines = [`DAG ${dag.dagId} (${shown}:${dag.line}), converted by odahu-actions convert.`];
  if (dag.description) lines.push(dag.description);
  if (secrets.size > 0) lines.push(`Secrets it reads: ${[...secrets.keys()].join(', ')}`);
  if (vars.size > 0) lines.push(`Variables it reads: ${[...vars.keys()].join(', ')}`);
  if (inputs.size > 0) lines.push(`Inputs (dag_run.conf): ${[...inputs.keys()].join(', ')}`);
  if (unresolved.length > 0) {
    lines.push(
      `UNRESOLVED: ${unresolved.length} value(s) the DAG computes when it runs; see the report and fill them in.`,
    );
  }
  return lines;
}

/** A manifest file: a comment naming where it came from, then the resource. */
function manifestYaml(manifest: Manifest, shown: string): string {
  const from = manifest.line > 0 ? `${shown}:${manifest.line}` : shown;
  const placeholders = [...manifest.placeholders.keys()];
  const header = [
    `# From ${from}, converted by odahu-actions convert.`,
    ...(placeholders.length > 0
      ? [`# {${placeholders.join('}, {')}}: filled by the step's vars input when the workflow runs.`]
      : []),
  ];
  return `${header.join('\n')}\n${dump(manifest.document, { lineWidth: -1, noRefs: true })}`;
}

/** Steps and jobs as YAML, with each piece's reference resolved and the jobs' outputs and needs. */
class StepWriter {
  /** Values known when the workflow runs that its text reads (for the report). */
  readonly dynamics: Dynamic[] = [];
  private readonly outputs = new Map<Job, Map<string, string>>();
  private readonly extraNeeds = new Map<Job, Set<Job>>();

  constructor(
    private readonly jobOf: Map<Unit, Job>,
    private readonly steps: Map<Unit, StepSpec>,
    private readonly shown: string,
    /** `<owner>/odahu-actions/<action>@<ref>` */
    private readonly actionPattern: string,
  ) {}

  needsOf(job: Job): Job[] {
    return [...new Set([...job.needs, ...(this.extraNeeds.get(job) ?? [])])];
  }

  job(job: Job, files: Set<string>): YamlEntry {
    const items: YamlItem[] = [];
    const specs = job.units.map((unit) => this.steps.get(unit)!);
    // A checkout where a step reads the repository: a manifest or request file, or a script.
    const readsFiles = specs.some(
      (spec) =>
        (spec.run !== undefined && !spec.todo) ||
        spec.with.some(([, pieces]) => pieces.some((piece) => typeof piece === 'string' && files.has(piece))),
    );
    if (readsFiles) items.push({ value: map([entry('uses', 'actions/checkout@v4')]) });
    for (const [index, spec] of specs.entries()) {
      items.push({
        value: this.step(spec, job),
        comments: spec.comments,
        blankBefore: index > 0 || readsFiles,
      });
    }
    // Outputs and extra needs are known once the steps are written.
    const outputs = this.outputs.get(job);
    const needs = this.needsOf(job);
    const first = specs[0];
    const jobIf = first?.if && needs.length > 0 ? `\${{ ${first.if} }}` : undefined;
    const last = job.units[job.units.length - 1]!;
    const value = map([
      job.units.length > 1
        ? entry('name', `${job.units[0]!.tasks[0]!.taskId} … ${last.tasks[last.tasks.length - 1]!.taskId}`)
        : undefined,
      needs.length === 1 ? entry('needs', needs[0]!.id) : undefined,
      needs.length > 1
        ? entry('needs', { kind: 'list', flow: true, items: needs.map((need) => ({ value: need.id })) })
        : undefined,
      jobIf ? entry('if', jobIf) : undefined,
      entry('runs-on', 'ubuntu-latest'),
      outputs && outputs.size > 0
        ? entry('outputs', map([...outputs].map(([name, expression]) => entry(name, expression))))
        : undefined,
      entry('steps', { kind: 'list', items }),
    ]);
    return { key: job.id, value };
  }

  private step(spec: StepSpec, job: Job): YamlMap {
    const withEntries = spec.with.map(([key, pieces]) => entry(key, this.text(pieces, job)));
    const envEntries = spec.env.map(([key, pieces]) => entry(key, this.text(pieces, job)));
    const run = spec.run ? this.script(spec.run, job, envEntries) : undefined;
    return map([
      entry('name', spec.name),
      entry('id', spec.id),
      spec.if ? entry('if', `\${{ ${spec.if} }}`) : undefined,
      spec.action ? entry('uses', this.actionPattern.replace('<action>', spec.action)) : undefined,
      spec.timeoutMinutes !== undefined ? entry('timeout-minutes', spec.timeoutMinutes) : undefined,
      envEntries.length > 0 ? entry('env', map(envEntries)) : undefined,
      withEntries.length > 0 ? entry('with', map(withEntries)) : undefined,
      run !== undefined ? entry('run', run) : undefined,
    ]);
  }

  /**
   * A run: script whose values known only when the workflow runs (inputs, Variables, other steps'
   * outputs: a model's answer, a cluster's URL) come through env: as `${NAME}`, never as `${{ }}`
   * pasted into the shell's text, where a value holding `"; curl ... #` would become code. Unquoted,
   * as the Jinja it replaces put the value into the command as words.
   */
  private script(pieces: Piece[], job: Job, env: (YamlEntry | undefined)[]): string {
    const taken = new Map(env.flatMap((item) => (item ? [[item.key, item.value]] : [])));
    return pieces
      .map((piece) => {
        if (typeof piece === 'string' || (piece.kind !== 'ref' && expressionOf(piece) === undefined))
          return this.text([piece], job);
        const value = this.text([piece], job);
        const wanted = (piece.kind === 'ref' ? `${piece.unit.id}_${piece.output}` : placeholderName(piece))
          .replace(/[^A-Za-z0-9_]+/g, '_')
          .toUpperCase();
        const base = /^(GITHUB_|RUNNER_|[0-9])/.test(wanted) ? `DAG_${wanted}` : wanted;
        let name = base;
        for (let n = 2; taken.has(name) && taken.get(name) !== value; n++) name = `${base}_${n}`;
        if (!taken.has(name)) {
          taken.set(name, value);
          env.push(entry(name, value));
        }
        return `\${${name}}`;
      })
      .join('');
  }

  private text(pieces: Piece[], job: Job): string {
    const joined = pieces
      .map((piece) => {
        if (typeof piece === 'string') return escapeExpressions(piece);
        if (piece.kind === 'ref') return `\${{ ${this.reference(piece, job)} }}`;
        this.dynamics.push(piece);
        const expression = expressionOf(piece);
        return expression === undefined
          ? unresolvedMark(piece as Unresolved, this.shown)
          : `\${{ ${expression} }}`;
      })
      .join('');
    return joined;
  }

  /** steps.<id>.outputs.<name> in the same job; else a job output of the producer, read via needs. */
  private reference(ref: Ref, job: Job): string {
    const producer = this.jobOf.get(ref.unit)!;
    let expression = `steps.${ref.unit.id}.outputs.${ref.output}`;
    if (producer !== job) {
      const name = `${ref.unit.id}-${ref.output}`;
      const outputs = this.outputs.get(producer) ?? new Map<string, string>();
      outputs.set(name, `\${{ ${expression} }}`);
      this.outputs.set(producer, outputs);
      if (!job.needs.includes(producer)) {
        const extra = this.extraNeeds.get(job) ?? new Set<Job>();
        extra.add(producer);
        this.extraNeeds.set(job, extra);
      }
      expression = `needs.${producer.id}.outputs.${name}`;
    }
    return ref.json ? `fromJSON(${expression})${ref.json}` : expression;
  }
}
