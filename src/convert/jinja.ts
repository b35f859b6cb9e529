// Airflow's Jinja templates in a templated field (a BashOperator's bash_command and env): the parts
// the workflow can say the same way become its own values (dag_run.conf keys, Variables, params, the
// DAG's and task's ids, the run's id); anything else is a value known only in Airflow, kept visible.

import type { Dag, Task } from './dag.js';
import type { Dynamic, Text, Unresolved } from './values.js';
import { asText, constantString, joinParts } from './values.js';

const QUOTED = `(?:'([^']*)'|"([^"]*)")`;
const CONF_INDEX = new RegExp(`^dag_run\\.conf\\[${QUOTED}\\]$`);
const CONF_GET = new RegExp(`^dag_run\\.conf\\.get\\(${QUOTED}(?:\\s*,\\s*${QUOTED})?\\)$`);
const VAR_VALUE = /^var\.value\.([A-Za-z_][A-Za-z0-9_]*)$/;
const VAR_GET = new RegExp(`^var\\.value\\.get\\(${QUOTED}(?:\\s*,\\s*${QUOTED})?\\)$`);
const PARAM = new RegExp(`^params(?:\\.([A-Za-z_][A-Za-z0-9_]*)|\\[${QUOTED}\\])$`);

/** The text with each `{{ ... }}` read; `{% ... %}` blocks are not, and stay visible. */
export function renderTemplate(value: Text, dag: Dag, task: Task): Text {
  const parts: (string | Dynamic)[] = [];
  for (const part of value.parts) {
    if (typeof part !== 'string') {
      parts.push(part);
      continue;
    }
    let last = 0;
    const pattern = /\{\{-?\s*(.*?)\s*-?\}\}|\{%.*?%\}/gs;
    for (let match = pattern.exec(part); match; match = pattern.exec(part)) {
      parts.push(part.slice(last, match.index));
      last = match.index + match[0].length;
      parts.push(...expression(match[1], match[0], dag, task));
    }
    parts.push(part.slice(last));
  }
  return joinParts(parts);
}

function expression(inner: string | undefined, whole: string, dag: Dag, task: Task): (string | Dynamic)[] {
  const unresolved = (why: string): Unresolved[] => [
    { kind: 'unresolved', line: task.line, source: whole, why },
  ];
  if (inner === undefined) return unresolved('a Jinja statement runs only in Airflow');
  let match = CONF_INDEX.exec(inner);
  if (match) return [{ kind: 'conf', key: match[1] ?? match[2] ?? '', line: task.line }];
  match = CONF_GET.exec(inner);
  if (match) {
    const fallback = match[3] ?? match[4];
    return [
      {
        kind: 'conf',
        key: match[1] ?? match[2] ?? '',
        line: task.line,
        ...(fallback !== undefined ? { fallback } : {}),
      },
    ];
  }
  match = VAR_VALUE.exec(inner);
  if (match) return [{ kind: 'var', key: match[1] ?? '', line: task.line }];
  match = VAR_GET.exec(inner);
  if (match) {
    const fallback = match[3] ?? match[4];
    return [
      {
        kind: 'var',
        key: match[1] ?? match[2] ?? '',
        line: task.line,
        ...(fallback !== undefined ? { fallback } : {}),
      },
    ];
  }
  match = PARAM.exec(inner);
  if (match) {
    const name = match[1] ?? match[2] ?? match[3] ?? '';
    const own = task.args.get('params');
    const fromTask =
      own?.kind === 'dict' ? own.entries.find(([key]) => constantString(key) === name)?.[1] : undefined;
    const value = fromTask ?? dag.params.get(name);
    const asString = value ? asText(value) : undefined;
    if (asString) return asString.parts;
    return unresolved(`params.${name} is not given in the DAG's or the task's params`);
  }
  if (inner === 'dag.dag_id') return [dag.dagId];
  if (inner === 'task.task_id' || inner === 'task_instance.task_id' || inner === 'ti.task_id')
    return [task.taskId];
  if (inner === 'run_id') return [{ kind: 'run', expression: 'github.run_id' }];
  return unresolved(`{{ ${inner} }} is Airflow's; write what it stands for`);
}
