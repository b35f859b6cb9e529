// The units of work a DAG becomes, one step each: an operator and the sensor that waits for what it
// started collapse into one step that waits (when nothing else runs between them); a batch service
// and the job started right after it collapse into one batch step; an empty operator is no step at
// all (its dependencies pass through it); every other task is a unit of its own. Dependencies
// between tasks become dependencies between units.

import { ConversionError } from './conversion-error.js';
import type { Dag, Task } from './dag.js';
import type { PluginClass } from './operators.js';
import type { Value } from './values.js';
import { constantString } from './values.js';

export interface Unit {
  /** The step id (unique in the workflow), from the first task's id. */
  id: string;
  /** The tasks it stands for, in the order they ran. */
  tasks: Task[];
  /** Why tasks were or were not collapsed, for the report. */
  notes: string[];
}

export interface UnitGraph {
  units: Unit[];
  /** upstream → downstream, each once; units in topological order (the file's order among equals). */
  edges: [Unit, Unit][];
  /** Task id → its unit (empty operators have none). */
  unitOf: Map<string, Unit>;
}

/** The operator each sensor waits for, and the argument naming what it waits for. */
const SENSOR_OF: Partial<
  Record<PluginClass, { operator: PluginClass; idArgument: string; resource: string }>
> = {
  TrainingSensor: { operator: 'TrainingOperator', idArgument: 'training_id', resource: 'training' },
  PackagingSensor: { operator: 'PackagingOperator', idArgument: 'packaging_id', resource: 'packaging' },
  DeploymentSensor: { operator: 'DeploymentOperator', idArgument: 'deployment_id', resource: 'deployment' },
};

export function pluginClassOf(task: Task): PluginClass | undefined {
  return task.kind.kind === 'plugin' ? task.kind.cls : undefined;
}

/** The id of the resource an Odahu model or resource() value describes, when it is a constant. */
export function resourceId(value: Value | undefined): string | undefined {
  if (value?.kind === 'model') return constantString(value.args.get('id'));
  if (value?.kind === 'resource')
    return typeof value.document.id === 'string' ? value.document.id : undefined;
  return undefined;
}

export function buildUnits(dag: Dag, file: string): UnitGraph {
  const edges = workEdges(dag);
  const ups = (task: Task) => edges.filter(([, down]) => down === task).map(([up]) => up);
  const downs = (task: Task) => edges.filter(([up]) => up === task).map(([, down]) => down);
  /** The only link of `a` downstream is `b`, and of `b` upstream is `a`. */
  const alone = (a: Task, b: Task) => {
    const after = downs(a);
    const before = ups(b);
    return after.length === 1 && after[0] === b && before.length === 1 && before[0] === a;
  };

  const tasks = dag.tasks.filter((task) => task.kind.kind !== 'empty');
  const groups = new Map<Task, Task[]>(tasks.map((task) => [task, [task]]));
  const notes = new Map<Task, string[]>(tasks.map((task) => [task, []]));
  const groupOf = (task: Task) => [...groups.entries()].find(([, members]) => members.includes(task));
  const merge = (first: Task, second: Task, why: string) => {
    const [headA, a] = groupOf(first)!;
    const [headB, b] = groupOf(second)!;
    groups.set(headA, [...a, ...b]);
    groups.delete(headB);
    notes.get(headA)!.push(why, ...(notes.get(headB) ?? []));
  };

  for (const sensor of tasks) {
    const cls = pluginClassOf(sensor);
    if (cls === 'InferenceJobSensor') {
      const jobTask = constantString(sensor.args.get('inference_job_task_id'));
      const operator = tasks.find(
        (task) => task.taskId === jobTask && pluginClassOf(task) === 'InferenceJobOperator',
      );
      if (operator && alone(operator, sensor)) {
        merge(
          operator,
          sensor,
          `${operator.taskId} and ${sensor.taskId} (which waits for its job) are one step that waits`,
        );
      }
      continue;
    }
    const pairing = cls ? SENSOR_OF[cls] : undefined;
    if (!pairing) continue;
    const waitedFor = constantString(sensor.args.get(pairing.idArgument));
    const operator = tasks.find(
      (task) =>
        pluginClassOf(task) === pairing.operator &&
        waitedFor !== undefined &&
        resourceId(task.args.get(pairing.resource)) === waitedFor,
    );
    if (!operator) continue;
    if (alone(operator, sensor)) {
      merge(
        operator,
        sensor,
        `${operator.taskId} and ${sensor.taskId} (which waits for ${waitedFor}) are one step that waits`,
      );
    } else {
      notes
        .get(sensor)!
        .push(
          `${sensor.taskId} waits for ${operator.taskId}'s ${waitedFor} with other tasks between them: kept as its own wait step`,
        );
    }
  }
  // A batch service then the job started on it: one batch step.
  for (const jobTask of tasks.filter((task) => pluginClassOf(task) === 'InferenceJobOperator')) {
    const [service] = ups(jobTask);
    const serviceId = service ? resourceId(service.args.get('service')) : undefined;
    const job = jobTask.args.get('job');
    const named =
      job?.kind === 'model' ? constantString(innerSpec(job)?.args.get('inference_service_id')) : undefined;
    if (
      service &&
      pluginClassOf(service) === 'InferenceServiceOperator' &&
      alone(service, jobTask) &&
      serviceId !== undefined &&
      (named === undefined || named === serviceId)
    ) {
      merge(
        service,
        jobTask,
        `${service.taskId} (the service) and ${jobTask.taskId} (its job) are one batch step`,
      );
    }
  }

  const units: Unit[] = [];
  const unitOf = new Map<string, Unit>();
  const taken = new Set<string>();
  for (const [head, members] of groups) {
    const ordered = tasks.filter((task) => members.includes(task));
    const unit: Unit = {
      id: uniqueId(stepId(head.taskId), taken),
      tasks: ordered,
      notes: notes.get(head) ?? [],
    };
    units.push(unit);
    for (const task of ordered) unitOf.set(task.taskId, unit);
  }
  const unitEdges: [Unit, Unit][] = [];
  for (const [up, down] of edges) {
    const a = unitOf.get(up.taskId)!;
    const b = unitOf.get(down.taskId)!;
    if (a !== b && !unitEdges.some(([x, y]) => x === a && y === b)) unitEdges.push([a, b]);
  }
  return { units: topological(units, unitEdges, dag, file), edges: unitEdges, unitOf };
}

function innerSpec(model: Value): Extract<Value, { kind: 'model' }> | undefined {
  if (model.kind !== 'model') return undefined;
  const spec = model.args.get('spec');
  return spec?.kind === 'model' ? spec : undefined;
}

/** The DAG's edges between tasks that do work (each once): an empty operator's upstream and downstream joined. */
export function workEdges(dag: Dag): [Task, Task][] {
  const edges: [Task, Task][] = [];
  const add = (a: Task, b: Task) => {
    if (!edges.some(([x, y]) => x === a && y === b)) edges.push([a, b]);
  };
  const reach = (from: Task, seen: Set<Task>): Task[] =>
    dag.edges
      .filter(([up]) => up === from)
      .flatMap(([, down]) => {
        if (seen.has(down)) return [];
        seen.add(down);
        return down.kind.kind === 'empty' ? reach(down, seen) : [down];
      });
  for (const task of dag.tasks) {
    if (task.kind.kind === 'empty') continue;
    for (const down of reach(task, new Set())) add(task, down);
  }
  return edges;
}

/** Kahn's order, the file's order among units ready at once; a cycle is one line, as Airflow refuses it. */
function topological(units: Unit[], edges: [Unit, Unit][], dag: Dag, file: string): Unit[] {
  const remaining = [...units];
  const ordered: Unit[] = [];
  while (remaining.length > 0) {
    const ready = remaining.find(
      (unit) => !edges.some(([up, down]) => down === unit && !ordered.includes(up)),
    );
    if (!ready) {
      const names = remaining.map((unit) => unit.tasks[0]!.taskId).join(', ');
      const line = remaining[0]?.tasks[0]?.line ?? dag.line;
      throw new ConversionError(`${file}:${line}: DAG ${dag.dagId} has a cycle among ${names}`);
    }
    ordered.push(ready);
    remaining.splice(remaining.indexOf(ready), 1);
  }
  return ordered;
}

/** A GitHub step or job id: letters, digits, - and _, starting with a letter or _. */
export function stepId(taskId: string): string {
  const id = taskId.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return /^[A-Za-z_]/.test(id) ? id : `_${id}`;
}

export function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
