// Reads a DAG file's top level as Airflow would when it imports the file, without running anything:
// imports (aliases too), assignments of constants, SDK models and resource() manifests, DAGs (as a
// variable, in a with-block, several per file), the tasks made in them with their arguments
// (default_args merged as Airflow merges them), and every form of dependency (>>, <<, lists,
// set_upstream/set_downstream, chain, cross_downstream). What it cannot know is kept as an
// Unresolved value with its line; what it cannot read at all (tasks made in a loop, a DAG made by a
// function) stops the conversion with one line naming the file and line.

import { basename, dirname, isAbsolute, join, normalize } from 'node:path';
import { ConversionError } from './conversion-error.js';
import type { Dag, Task } from './dag.js';
import { addEdge } from './dag.js';
import { airflowName, isPluginResourceModule, PLUGIN_CLASSES, pluginClass } from './operators.js';
import type { PluginClass } from './operators.js';
import type { PyNode } from './python-syntax.js';
import { field, fieldAll } from './python-syntax.js';
import { stringValue } from './python-strings.js';
import type { ResourceFinder } from './resource-files.js';
import { readResource } from './resource-files.js';
import { SDK_CLASSES } from './sdk-fields.js';
import type { OperatorKind } from './task-kind.js';
import type { Dict, Dynamic, FunctionValue, List, TaskValue, Unresolved, Value } from './values.js';
import { asText, constantString, describe, joinParts, NONE, text } from './values.js';

export interface ReadOptions {
  /** The DAG file, absolute, and as messages show it. */
  path: string;
  shown: string;
  resources: ResourceFinder;
}

export interface DagFile {
  dags: Dag[];
  /** Every value the converter could not know, in the order met. */
  unresolved: Unresolved[];
  /** What the reader noticed that the report should say (line, text). */
  notes: { line: number; text: string }[];
}

interface FunctionInfo extends FunctionValue {
  node: PyNode;
  /** A TaskFlow @task function: calling it in a DAG makes a task. */
  taskflow: boolean;
  /** A TaskFlow @dag function: calling it makes a DAG. */
  dagFactory: boolean;
}

const SDK_MODULE = /^odahuflow\.sdk\.models(\.|$)/;
const MAX_UNROLL = 100;

export function readDagFile(module: PyNode, source: string, options: ReadOptions): DagFile {
  const reader = new DagFileReader(source, options);
  reader.block(module.children);
  if (reader.dags.length === 0) {
    throw new ConversionError(`${options.shown}:1: no DAG in this file (no DAG(...) call at its top level)`);
  }
  for (const dag of reader.dags) {
    if (dag.tasks.length === 0) reader.note(dag.line, `DAG ${dag.dagId} has no tasks`);
  }
  return { dags: reader.dags, unresolved: reader.unresolved, notes: reader.notes };
}

class DagFileReader {
  readonly dags: Dag[] = [];
  readonly unresolved: Unresolved[] = [];
  readonly notes: { line: number; text: string }[] = [];
  private readonly names = new Map<string, Value>();
  private readonly functions = new Map<FunctionValue, FunctionInfo>();
  /** Modules of `from m import *`: their names are recognised when used. */
  private readonly starImports: string[] = [];
  /** The DAGs of the with-blocks around the statement being read, innermost last. */
  private readonly dagContext: Dag[] = [];
  /** The statement being read (a task's source lines are its statement's). */
  private statement: PyNode | undefined;
  private readonly lines: string[];

  constructor(
    source: string,
    private readonly options: ReadOptions,
  ) {
    this.lines = source.split('\n');
    this.names.set('__file__', { kind: 'path', path: options.path });
    this.names.set('__name__', text(basename(options.path).replace(/\.py$/, '')));
  }

  note(line: number, message: string): void {
    this.notes.push({ line, text: message });
  }

  private fail(line: number, message: string): never {
    throw new ConversionError(`${this.options.shown}:${line}: ${message}`);
  }

  private unknown(node: PyNode, why: string): Unresolved {
    const value: Unresolved = { kind: 'unresolved', line: node.line, source: node.text, why };
    this.unresolved.push(value);
    return value;
  }

  // ── statements ────────────────────────────────────────────────────────────────────────────────

  block(statements: PyNode[]): void {
    for (const statement of statements) this.statementOf(statement);
  }

  private statementOf(node: PyNode): void {
    const outer = this.statement;
    this.statement = node;
    try {
      this.read(node);
    } finally {
      this.statement = outer;
    }
  }

  private read(node: PyNode): void {
    switch (node.type) {
      case 'import_statement':
      case 'import_from_statement':
      case 'future_import_statement':
        return this.importOf(node);
      case 'expression_statement':
        for (const child of node.children) this.expressionStatement(child);
        return;
      case 'with_statement':
        return this.withOf(node);
      case 'if_statement':
        return this.ifOf(node);
      case 'for_statement':
      case 'while_statement':
        return this.loopOf(node);
      case 'try_statement':
        return this.tryOf(node);
      case 'function_definition':
        return this.functionOf(node, []);
      case 'decorated_definition':
        return this.decoratedOf(node);
      case 'class_definition':
        if (this.makesTasks(node))
          this.fail(node.line, 'tasks made inside a class: the converter reads tasks made at the top level');
        return;
      default:
        // pass, comments, docstrings, global, assert, ...: nothing a DAG is made of.
        return;
    }
  }

  private importOf(node: PyNode): void {
    if (node.type === 'future_import_statement') return;
    if (node.type === 'import_statement') {
      for (const name of fieldAll(node, 'name')) {
        if (name.type === 'aliased_import') {
          const dotted = field(name, 'name')?.text ?? '';
          this.names.set(field(name, 'alias')?.text ?? dotted, this.moduleValue(dotted));
        } else {
          // `import a.b` binds a, through which a.b is reached.
          const root = name.text.split('.')[0] ?? name.text;
          this.names.set(root, { kind: 'module', module: root });
        }
      }
      return;
    }
    const from = field(node, 'module_name')?.text ?? '';
    if (from.startsWith('.')) {
      this.note(node.line, `relative import ${node.text}: the names it brings are not read`);
    }
    if (node.children.some((child) => child.type === 'wildcard_import')) {
      this.note(node.line, `${node.text}: names imported with * are recognised only by their names`);
      this.starImports.push(from);
      return;
    }
    for (const name of fieldAll(node, 'name')) {
      const original = name.type === 'aliased_import' ? (field(name, 'name')?.text ?? '') : name.text;
      const bound = name.type === 'aliased_import' ? (field(name, 'alias')?.text ?? original) : original;
      this.names.set(bound, this.symbol(from, original));
    }
  }

  /** `from m import n`: a module when m.n is one the converter knows, else a symbol. */
  private symbol(module: string, name: string): Value {
    const full = `${module}.${name}`;
    // Modules are lower-case (training, models, path); classes are not.
    const lower = /^[a-z_]/.test(name);
    if (
      full === 'os.path' ||
      full === 'airflow.models' ||
      pluginSubmodule(full) ||
      (lower && SDK_MODULE.test(full))
    ) {
      return { kind: 'module', module: full };
    }
    return { kind: 'symbol', module, name };
  }

  private moduleValue(dotted: string): Value {
    return { kind: 'module', module: dotted };
  }

  private expressionStatement(node: PyNode): void {
    if (node.type === 'assignment') return this.assignment(node);
    if (node.type === 'augmented_assignment') {
      const target = field(node, 'left');
      const right = field(node, 'right');
      const operator = field(node, 'operator')?.text;
      if (target?.type === 'identifier' && right && operator) {
        const current = this.names.get(target.text);
        const added = this.evaluate(right);
        if (operator === '+=' && current) this.names.set(target.text, this.add(node, current, added));
        else this.names.set(target.text, this.unknown(node, `${node.text} is computed`));
      }
      return;
    }
    this.evaluate(node);
  }

  private assignment(node: PyNode): void {
    const right = field(node, 'right');
    const left = field(node, 'left');
    if (!left) return;
    if (!right) return; // an annotation alone
    // a = b = value: the parser nests the second assignment as the right side.
    const value = right.type === 'assignment' ? this.assignmentValue(right) : this.evaluate(right);
    this.bind(left, value, node);
  }

  private assignmentValue(node: PyNode): Value {
    const right = field(node, 'right');
    const value = right
      ? right.type === 'assignment'
        ? this.assignmentValue(right)
        : this.evaluate(right)
      : NONE;
    const left = field(node, 'left');
    if (left) this.bind(left, value, node);
    return value;
  }

  private bind(target: PyNode, value: Value, at: PyNode): void {
    switch (target.type) {
      case 'identifier':
        this.names.set(target.text, value);
        return;
      case 'pattern_list':
      case 'tuple_pattern':
      case 'list_pattern':
      case 'tuple':
      case 'list': {
        const items = this.unpack(value, target.children.length, at);
        target.children.forEach((child, index) => this.bind(child, items[index] ?? NONE, at));
        return;
      }
      case 'parenthesized_expression':
        if (target.children[0]) this.bind(target.children[0], value, at);
        return;
      default:
        // a.b = ..., a[k] = ...: an object changed in place.
        if (target.type === 'subscript' || target.type === 'attribute') this.setMember(target, value, at);
        return;
    }
  }

  /** `x.attr = v` or `x["k"] = v` on a dict or model the file built: kept; anything else noted. */
  private setMember(target: PyNode, value: Value, at: PyNode): void {
    const object = field(target, 'object') ?? field(target, 'value');
    const owner = object ? this.evaluate(object) : undefined;
    if (target.type === 'attribute' && owner?.kind === 'model') {
      owner.args.set(field(target, 'attribute')?.text ?? '', value);
      return;
    }
    const key = field(target, 'subscript');
    if (target.type === 'subscript' && owner?.kind === 'dict' && key) {
      const keyValue = this.evaluate(key);
      const name = constantString(keyValue);
      const existing = owner.entries.findIndex(([k]) => constantString(k) === name);
      if (existing >= 0) owner.entries[existing] = [keyValue, value];
      else owner.entries.push([keyValue, value]);
      return;
    }
    this.note(at.line, `${at.text}: this change to an object is not read`);
  }

  /** resource() gives (id, model); a list or tuple gives its items. */
  private unpack(value: Value, count: number, at: PyNode): Value[] {
    if (value.kind === 'resource') {
      const id = typeof value.document.id === 'string' ? text(value.document.id) : NONE;
      return [id, value];
    }
    if (value.kind === 'list' && value.items.length === count) return value.items;
    if (value.kind === 'unresolved') return Array.from({ length: count }, () => value);
    return Array.from({ length: count }, () => this.unknown(at, `${at.text} unpacks ${describe(value)}`));
  }

  private withOf(node: PyNode): void {
    let pushed = 0;
    for (const item of node.children.find((child) => child.type === 'with_clause')?.children ?? []) {
      let expression = field(item, 'value');
      if (expression?.type === 'parenthesized_expression' && expression.children[0]?.type === 'as_pattern') {
        expression = expression.children[0];
      }
      let alias: PyNode | undefined;
      if (expression?.type === 'as_pattern') {
        alias = field(expression, 'alias')?.children[0];
        expression = expression.children[0];
      }
      if (!expression) continue;
      const value = this.evaluate(expression);
      if (value.kind === 'symbol' && value.name === 'TaskGroup') {
        this.fail(node.line, 'TaskGroup: task groups are not converted (move their tasks to the DAG)');
      }
      if (alias) this.bind(alias, value, node);
      if (value.kind === 'dag') {
        this.dagContext.push(value.dag);
        pushed += 1;
      }
    }
    try {
      const body = field(node, 'body');
      if (body) this.block(body.children);
    } finally {
      this.dagContext.splice(this.dagContext.length - pushed, pushed);
    }
  }

  private ifOf(node: PyNode): void {
    // The branches in order; the first whose condition is a known true (or the else) is read.
    const branches: { condition?: PyNode; body: PyNode[] }[] = [
      { condition: field(node, 'condition'), body: field(node, 'consequence')?.children ?? [] },
    ];
    for (const alternative of fieldAll(node, 'alternative')) {
      if (alternative.type === 'elif_clause') {
        branches.push({
          condition: field(alternative, 'condition'),
          body: field(alternative, 'consequence')?.children ?? [],
        });
      } else {
        branches.push({ body: field(alternative, 'body')?.children ?? [] });
      }
    }
    let undecided = false;
    for (const branch of branches) {
      const truth = branch.condition ? this.truth(branch.condition) : true;
      if (truth === true) return this.block(branch.body);
      if (truth === undefined) {
        undecided = true;
        break;
      }
    }
    if (!undecided) return;
    // `if __name__ == "__main__": dag.cli()` and the like: branches that make no tasks are passed by.
    if (this.makesTasks(node)) {
      this.fail(
        node.line,
        `tasks made under ${firstLine(node.text.split(':')[0] ?? 'a condition')}, known only when the DAG file runs`,
      );
    }
    for (const name of assignedNames(node)) {
      this.names.set(
        name,
        this.unknown(node, `${name} is set under a condition known only when the DAG file runs`),
      );
    }
  }

  /** True or false when the condition is a constant the converter reads; undefined otherwise. */
  private truth(node: PyNode): boolean | undefined {
    if (node.type === 'comparison_operator' && node.children.length === 2) {
      const [a, b] = node.children.map((child) => constantString(this.evaluate(child)));
      const operator = field(node, 'operators')?.text;
      if (a === undefined || b === undefined) return undefined;
      if (operator === '==') return a === b;
      if (operator === '!=') return a !== b;
      return undefined;
    }
    const value = this.evaluate(node);
    if (value.kind === 'bool') return value.value;
    if (value.kind === 'none') return false;
    return undefined;
  }

  private loopOf(node: PyNode): void {
    if (this.makesTasks(node)) {
      this.fail(
        node.line,
        `dynamic task generation in a loop (${firstLine(node.text)}): write the tasks out, or convert this DAG by hand`,
      );
    }
    const body = field(node, 'body');
    const iterable = node.type === 'for_statement' ? field(node, 'right') : undefined;
    const target = node.type === 'for_statement' ? field(node, 'left') : undefined;
    if (body && target && iterable && setsDependencies(body)) {
      const items = this.evaluate(iterable);
      if (items.kind !== 'list' || items.items.length > MAX_UNROLL) {
        this.fail(
          node.line,
          `dependencies set in a loop over ${iterable.text}, known only when the DAG file runs`,
        );
      }
      for (const item of items.items) {
        this.bind(target, item, node);
        this.block(body.children);
      }
      return;
    }
    for (const name of assignedNames(node)) {
      this.names.set(name, this.unknown(node, `${name} is set in a loop`));
    }
  }

  private tryOf(node: PyNode): void {
    const body = field(node, 'body');
    if (body) this.block(body.children);
    for (const clause of node.children) {
      if (clause.type === 'except_clause' || clause.type === 'except_group_clause') {
        // Import fallbacks (`except ImportError: from airflow.operators.bash_operator import ...`):
        // only imports of names not bound yet.
        for (const statement of clause.children.find((child) => child.type === 'block')?.children ?? []) {
          if (statement.type !== 'import_from_statement' && statement.type !== 'import_statement') continue;
          const before = new Map(this.names);
          this.statementOf(statement);
          for (const [name, value] of before) this.names.set(name, value);
        }
      } else if (clause.type === 'finally_clause' || clause.type === 'else_clause') {
        const block = clause.children.find((child) => child.type === 'block');
        if (block) this.block(block.children);
      }
    }
  }

  private decoratedOf(node: PyNode): void {
    const definition = field(node, 'definition');
    const decorators = node.children
      .filter((child) => child.type === 'decorator')
      .map((child) => child.children[0]);
    if (definition?.type === 'function_definition')
      this.functionOf(definition, decorators.filter(isNode), node);
    else if (definition?.type === 'class_definition' && this.makesTasks(definition)) {
      this.fail(node.line, 'tasks made inside a class: the converter reads tasks made at the top level');
    }
  }

  private functionOf(node: PyNode, decorators: PyNode[], whole: PyNode = node): void {
    const name = field(node, 'name')?.text ?? '';
    const decoratedBy = decorators.map((decorator) => {
      const callee = decorator.type === 'call' ? field(decorator, 'function') : decorator;
      const base = callee?.type === 'attribute' ? field(callee, 'object') : callee;
      const value = base ? this.evaluate(base) : undefined;
      return value?.kind === 'symbol' ? value.name : '';
    });
    const info: FunctionInfo = {
      kind: 'function',
      name,
      line: whole.line,
      node: whole,
      taskflow: decoratedBy.includes('task'),
      dagFactory: decoratedBy.includes('dag'),
    };
    const value: FunctionValue = { kind: 'function', name, line: whole.line };
    this.functions.set(value, info);
    this.names.set(name, value);
  }

  /** Whether a statement (or anything in it) calls a DAG, an operator, or a TaskFlow function. */
  private makesTasks(node: PyNode): boolean {
    if (node.type === 'call') {
      const callee = field(node, 'function');
      const value = callee ? this.peek(callee) : undefined;
      if (value && this.isTaskMaker(value, node)) return true;
    }
    return node.children.some((child) => this.makesTasks(child));
  }

  /** A name's value without side effects (no task made, nothing recorded as unresolved). */
  private peek(node: PyNode): Value | undefined {
    if (node.type === 'identifier') return this.names.get(node.text) ?? this.starSymbol(node.text);
    if (node.type === 'attribute') {
      const object = field(node, 'object');
      const base = object ? this.peek(object) : undefined;
      const attribute = field(node, 'attribute')?.text ?? '';
      if (base?.kind === 'module') return this.symbol(base.module, attribute);
    }
    return undefined;
  }

  private isTaskMaker(value: Value, call: PyNode): boolean {
    if (value.kind === 'function') {
      const info = this.functions.get(value);
      return Boolean(info && (info.taskflow || info.dagFactory || this.makesTasks(info.node)));
    }
    if (value.kind !== 'symbol') return false;
    const known = airflowName(value.module, value.name);
    if (known === 'DAG' || known === 'BashOperator' || known === 'EmptyOperator') return true;
    if (pluginClass(value.module, value.name)) return true;
    return hasKeyword(call, 'task_id');
  }

  private starSymbol(name: string): Value | undefined {
    for (const module of this.starImports) {
      if (pluginClass(module, name) || airflowName(module, name)) return { kind: 'symbol', module, name };
    }
    if (this.starImports.some((module) => SDK_MODULE.test(module)) && name in SDK_CLASSES) {
      return { kind: 'symbol', module: 'odahuflow.sdk.models', name };
    }
    return undefined;
  }

  // ── expressions ───────────────────────────────────────────────────────────────────────────────

  evaluate(node: PyNode): Value {
    switch (node.type) {
      case 'string':
      case 'concatenated_string':
        return stringValue(node, (expression) => this.evaluate(expression));
      case 'integer':
      case 'float': {
        const number = Number(node.text.replace(/_/g, ''));
        return Number.isNaN(number)
          ? this.unknown(node, `${node.text} is not a number the converter reads`)
          : { kind: 'number', value: number };
      }
      case 'true':
        return { kind: 'bool', value: true };
      case 'false':
        return { kind: 'bool', value: false };
      case 'none':
        return NONE;
      case 'identifier':
        return this.name(node);
      case 'list':
      case 'tuple':
      case 'set':
        return this.sequence(node);
      case 'parenthesized_expression':
        return node.children[0] ? this.evaluate(node.children[0]) : NONE;
      case 'dictionary':
        return this.dictionary(node);
      case 'attribute':
        return this.attribute(node);
      case 'subscript':
        return this.subscript(node);
      case 'call':
        return this.call(node);
      case 'binary_operator':
        return this.binary(node);
      case 'unary_operator': {
        const value = this.evaluate(field(node, 'argument') ?? node);
        const operator = field(node, 'operator')?.text;
        if (value.kind === 'number' && operator === '-') return { kind: 'number', value: -value.value };
        if (value.kind === 'number' && operator === '+') return value;
        return this.unknown(node, `${node.text} is computed`);
      }
      case 'boolean_operator': {
        // `Variable.get("X") or "default"`, `a and b`: constants only.
        const left = this.evaluate(field(node, 'left') ?? node);
        const right = this.evaluate(field(node, 'right') ?? node);
        const operator = field(node, 'operator')?.text;
        const truthy = isTruthy(left);
        if (truthy === undefined)
          return this.unknown(node, `${node.text} depends on a value known only when the DAG runs`);
        if (operator === 'or') return truthy ? left : right;
        return truthy ? right : left;
      }
      case 'conditional_expression': {
        const [whenTrue, condition, whenFalse] = node.children;
        const truth = condition ? this.truth(condition) : undefined;
        if (truth === true && whenTrue) return this.evaluate(whenTrue);
        if (truth === false && whenFalse) return this.evaluate(whenFalse);
        return this.unknown(node, `${node.text} depends on a condition known only when the DAG runs`);
      }
      case 'list_comprehension':
      case 'dictionary_comprehension':
      case 'set_comprehension':
      case 'generator_expression':
        if (this.makesTasks(node)) {
          this.fail(
            node.line,
            `dynamic task generation in a loop (${firstLine(node.text)}): write the tasks out, or convert this DAG by hand`,
          );
        }
        return this.unknown(node, 'a comprehension is computed when the DAG file runs');
      case 'lambda':
        return this.unknown(node, 'a lambda runs only when the DAG runs');
      case 'keyword_argument':
      case 'comment':
        return NONE;
      default:
        return this.unknown(node, `${firstLine(node.text)} is computed when the DAG file runs`);
    }
  }

  private name(node: PyNode): Value {
    const value = this.names.get(node.text) ?? this.starSymbol(node.text);
    if (value) return value;
    if (['str', 'int', 'float', 'dict', 'list', 'len', 'range', 'print', 'open'].includes(node.text)) {
      return { kind: 'symbol', module: 'builtins', name: node.text };
    }
    return this.unknown(node, `${node.text} is not defined at the top level of the file`);
  }

  private sequence(node: PyNode): List {
    const items: Value[] = [];
    for (const child of node.children) {
      if (child.type === 'list_splat') {
        const inner = child.children[0] ? this.evaluate(child.children[0]) : NONE;
        if (inner.kind === 'list') items.push(...inner.items);
        else items.push(this.unknown(child, `${child.text} unpacks ${describe(inner)}`));
      } else {
        items.push(this.evaluate(child));
      }
    }
    return { kind: 'list', items };
  }

  private dictionary(node: PyNode): Dict {
    const entries: [Value, Value][] = [];
    for (const child of node.children) {
      if (child.type === 'pair') {
        const key = field(child, 'key');
        const value = field(child, 'value');
        if (key && value) entries.push([this.evaluate(key), this.evaluate(value)]);
      } else if (child.type === 'dictionary_splat') {
        const inner = child.children[0] ? this.evaluate(child.children[0]) : NONE;
        if (inner.kind === 'dict') mergeEntries(entries, inner.entries);
        else
          entries.push([
            text(`**${child.children[0]?.text ?? ''}`),
            this.unknown(child, `${child.text} unpacks ${describe(inner)}`),
          ]);
      }
    }
    return { kind: 'dict', entries };
  }

  private attribute(node: PyNode): Value {
    const object = field(node, 'object');
    const attribute = field(node, 'attribute')?.text ?? '';
    if (!object) return this.unknown(node, 'an attribute of nothing');
    return this.member(node, this.evaluate(object), attribute);
  }

  /** `base.attribute`, for the values that have attributes the converter reads. */
  private member(node: PyNode, base: Value, attribute: string): Value {
    switch (base.kind) {
      case 'module':
        return this.symbol(base.module, attribute);
      case 'model':
        return base.args.get(attribute) ?? NONE;
      case 'resource':
        if (attribute === 'resource') return base;
        if (attribute === 'resource_id')
          return typeof base.document.id === 'string' ? text(base.document.id) : NONE;
        break;
      case 'task':
        if (attribute === 'task_id') return text(base.task.taskId);
        break;
      case 'dag':
        if (attribute === 'dag_id') return text(base.dag.dagId);
        break;
      case 'path':
        if (attribute === 'parent') return { kind: 'path', path: dirname(base.path) };
        if (attribute === 'name') return text(basename(base.path));
        break;
      case 'symbol':
        // Variable.get, Path.cwd, ...: resolved when called.
        return { kind: 'symbol', module: `${base.module}.${base.name}`, name: attribute };
      case 'unresolved':
        return base;
      default:
        break;
    }
    return this.unknown(node, `${firstLine(node.text)} is read when the DAG runs`);
  }

  private subscript(node: PyNode): Value {
    const object = field(node, 'value');
    const key = field(node, 'subscript');
    if (!object || !key) return this.unknown(node, `${node.text} is computed`);
    const base = this.evaluate(object);
    const index = this.evaluate(key);
    if (base.kind === 'list' && index.kind === 'number') {
      const item = base.items.at(index.value);
      if (item) return item;
    }
    if (base.kind === 'dict') {
      const name = constantString(index);
      const found = base.entries.find(([k]) => constantString(k) === name);
      if (found) return found[1];
    }
    if (base.kind === 'resource' && index.kind === 'number') {
      return this.unpack(base, 2, node)[index.value] ?? this.unknown(node, `${node.text} is out of range`);
    }
    if (base.kind === 'unresolved') return base;
    return this.unknown(node, `${node.text} is looked up when the DAG file runs`);
  }

  private add(node: PyNode, left: Value, right: Value): Value {
    if (left.kind === 'number' && right.kind === 'number')
      return { kind: 'number', value: left.value + right.value };
    if (left.kind === 'list' && right.kind === 'list')
      return { kind: 'list', items: [...left.items, ...right.items] };
    if (left.kind === 'dict' || right.kind === 'dict') return this.unknown(node, `${node.text} adds dicts`);
    const a = left.kind === 'path' ? undefined : asText(left);
    const b = right.kind === 'path' ? undefined : asText(right);
    if (a && b && left.kind !== 'number' && right.kind !== 'number')
      return joinParts([...a.parts, ...b.parts]);
    return this.unknown(node, `${node.text} is computed`);
  }

  private binary(node: PyNode): Value {
    const operator = field(node, 'operator')?.text ?? '';
    const leftNode = field(node, 'left');
    const rightNode = field(node, 'right');
    if (!leftNode || !rightNode) return this.unknown(node, `${node.text} is computed`);
    const left = this.evaluate(leftNode);
    const right = this.evaluate(rightNode);
    if (operator === '>>' || operator === '<<') {
      const [upstream, downstream] = operator === '>>' ? [left, right] : [right, left];
      this.depend(
        node,
        upstream,
        downstream,
        operator === '>>' ? leftNode : rightNode,
        operator === '>>' ? rightNode : leftNode,
      );
      return right;
    }
    if (operator === '+') return this.add(node, left, right);
    if (operator === '/' && left.kind === 'path') {
      const part = constantString(right);
      if (part !== undefined) return { kind: 'path', path: isAbsolute(part) ? part : join(left.path, part) };
    }
    if (left.kind === 'number' && right.kind === 'number') {
      const [a, b] = [left.value, right.value];
      const result: Record<string, number> = {
        '-': a - b,
        '*': a * b,
        '/': a / b,
        '//': Math.floor(a / b),
        '%': a % b,
        '**': a ** b,
      };
      if (operator in result) return { kind: 'number', value: result[operator]! };
    }
    if (operator === '%' && left.kind === 'text') {
      return this.unknown(node, `${firstLine(node.text)}: %-formatting is not applied by the converter`);
    }
    return this.unknown(node, `${firstLine(node.text)} is computed when the DAG file runs`);
  }

  /** The tasks a dependency operand stands for (a task, or a list of tasks). */
  private tasksOf(value: Value, node: PyNode): TaskValue['task'][] {
    if (value.kind === 'task') return [value.task];
    if (value.kind === 'list' && value.items.every((item) => item.kind === 'task')) {
      return value.items.flatMap((item) => (item.kind === 'task' ? [item.task] : []));
    }
    this.fail(
      node.line,
      `${firstLine(node.text)} is ${describe(value)}, not a task or a list of tasks the converter knows`,
    );
  }

  private depend(at: PyNode, upstream: Value, downstream: Value, upNode: PyNode, downNode: PyNode): void {
    if (upstream.kind === 'list' && downstream.kind === 'list') {
      this.fail(
        at.line,
        `${firstLine(at.text)}: a list cannot depend on a list (Airflow refuses it too); use cross_downstream`,
      );
    }
    const ups = this.tasksOf(upstream, upNode);
    const downs = this.tasksOf(downstream, downNode);
    for (const up of ups) for (const down of downs) this.edge(at, up, down);
  }

  private edge(at: PyNode, upstream: Task, downstream: Task): void {
    const dag = this.dagOfTask(upstream);
    if (dag !== this.dagOfTask(downstream)) {
      this.fail(at.line, `${upstream.taskId} and ${downstream.taskId} are in different DAGs`);
    }
    if (dag) addEdge(dag, upstream, downstream);
  }

  private dagOfTask(task: Task): Dag | undefined {
    return this.dags.find((dag) => dag.tasks.includes(task));
  }

  // ── calls ─────────────────────────────────────────────────────────────────────────────────────

  private call(node: PyNode): Value {
    const callee = field(node, 'function');
    if (!callee) return this.unknown(node, 'a call of nothing');
    let target: Value;
    if (callee.type === 'attribute') {
      // Evaluated once: the object may itself make a task (`BashOperator(...).set_downstream(x)`).
      const object = field(callee, 'object');
      const method = field(callee, 'attribute')?.text ?? '';
      const base = object ? this.evaluate(object) : NONE;
      if (base.kind !== 'module' && base.kind !== 'symbol') {
        const handled = this.method(node, base, method);
        if (handled) return handled;
        return this.unknown(node, `${firstLine(node.text)} is computed when the DAG file runs`);
      }
      target = this.member(callee, base, method);
    } else {
      target = this.evaluate(callee);
    }
    const { positional, keywords } = this.arguments(node);
    if (target.kind === 'function') return this.callFunction(node, target, keywords);
    if (target.kind !== 'symbol') {
      return this.unknown(node, `${firstLine(node.text)} calls ${describe(target)}`);
    }
    return this.callSymbol(node, target.module, target.name, positional, keywords);
  }

  private arguments(node: PyNode): { positional: Value[]; keywords: Map<string, Value> } {
    const positional: Value[] = [];
    const keywords = new Map<string, Value>();
    for (const argument of field(node, 'arguments')?.children ?? []) {
      if (argument.type === 'keyword_argument') {
        const name = field(argument, 'name')?.text ?? '';
        const value = field(argument, 'value');
        keywords.set(name, value ? this.evaluate(value) : NONE);
      } else if (argument.type === 'list_splat') {
        const inner = argument.children[0] ? this.evaluate(argument.children[0]) : NONE;
        if (inner.kind === 'list') positional.push(...inner.items);
        else positional.push(this.unknown(argument, `${argument.text} unpacks ${describe(inner)}`));
      } else if (argument.type === 'dictionary_splat') {
        const inner = argument.children[0] ? this.evaluate(argument.children[0]) : NONE;
        if (inner.kind === 'dict') {
          for (const [key, value] of inner.entries) {
            const name = constantString(key);
            if (name !== undefined) keywords.set(name, value);
          }
        } else {
          this.note(
            argument.line,
            `${argument.text}: arguments unpacked from ${describe(inner)} are not read`,
          );
        }
      } else if (argument.type !== 'comment') {
        positional.push(this.evaluate(argument));
      }
    }
    return { positional, keywords };
  }

  /** Methods on values: dependencies, str.format/join, dict.get, os.path results. */
  private method(node: PyNode, base: Value, method: string): Value | undefined {
    const { positional, keywords } = this.arguments(node);
    if (base.kind === 'task' && (method === 'set_downstream' || method === 'set_upstream')) {
      const others = positional[0] ?? NONE;
      const argument = field(node, 'arguments')?.children[0] ?? node;
      for (const other of this.tasksOf(others, argument)) {
        if (method === 'set_downstream') this.edge(node, base.task, other);
        else this.edge(node, other, base.task);
      }
      return NONE;
    }
    if (base.kind === 'text' && method === 'format') return this.format(node, base, positional, keywords);
    if (base.kind === 'text' && method === 'join' && positional[0]?.kind === 'list') {
      const separator = constantString(base);
      if (separator !== undefined) {
        const pieces = positional[0].items.map((item) => asText(item));
        if (pieces.every(Boolean)) {
          return joinParts(
            pieces.flatMap((piece, index) => (index === 0 ? piece!.parts : [separator, ...piece!.parts])),
          );
        }
      }
    }
    if (base.kind === 'text' && ['upper', 'lower', 'strip', 'replace'].includes(method)) {
      const value = constantString(base);
      const [from, to] = positional.map((argument) => constantString(argument));
      if (value !== undefined && method === 'replace' && from !== undefined && to !== undefined) {
        return text(value.split(from).join(to));
      }
      if (value !== undefined && method !== 'replace') {
        return text(
          method === 'upper' ? value.toUpperCase() : method === 'lower' ? value.toLowerCase() : value.trim(),
        );
      }
    }
    if (base.kind === 'dict' && method === 'get') {
      const name = constantString(positional[0]);
      const found = base.entries.find(([k]) => constantString(k) === name);
      return found ? found[1] : (positional[1] ?? NONE);
    }
    if (base.kind === 'dict' && method === 'copy') return { kind: 'dict', entries: [...base.entries] };
    if (base.kind === 'path' && ['resolve', 'absolute'].includes(method)) return base;
    if (base.kind === 'path' && method === 'joinpath') return this.joinPath(node, base.path, positional);
    if (base.kind === 'unresolved') return base;
    return undefined;
  }

  private format(node: PyNode, base: Value, positional: Value[], keywords: Map<string, Value>): Value {
    const template = constantString(base);
    if (template === undefined)
      return this.unknown(node, `${firstLine(node.text)} formats a value known only when it runs`);
    const parts: (string | Dynamic)[] = [];
    let auto = 0;
    let failed = false;
    const pattern = /\{\{|\}\}|\{([^{}!:]*)(![rsa])?(:[^{}]*)?\}/g;
    let last = 0;
    for (let match = pattern.exec(template); match; match = pattern.exec(template)) {
      parts.push(template.slice(last, match.index));
      last = match.index + match[0].length;
      if (match[0] === '{{' || match[0] === '}}') {
        parts.push(match[0][0]!);
        continue;
      }
      const key = match[1] ?? '';
      const value =
        key === '' ? positional[auto++] : /^\d+$/.test(key) ? positional[Number(key)] : keywords.get(key);
      const asString = value ? asText(value) : undefined;
      if (!asString || match[3]) {
        failed = true;
        break;
      }
      parts.push(...asString.parts);
    }
    if (failed) return this.unknown(node, `${firstLine(node.text)}: the converter cannot apply this format`);
    parts.push(template.slice(last));
    return joinParts(parts);
  }

  private joinPath(node: PyNode, start: string | undefined, parts: Value[]): Value {
    let path = start;
    for (const part of parts) {
      const piece = part.kind === 'path' ? part.path : constantString(part);
      if (piece === undefined)
        return this.unknown(node, `${firstLine(node.text)} joins a value known only when the DAG runs`);
      path = path === undefined || isAbsolute(piece) ? piece : join(path, piece);
    }
    return path === undefined
      ? this.unknown(node, `${node.text} joins nothing`)
      : { kind: 'path', path: normalize(path) };
  }

  private callFunction(node: PyNode, target: FunctionValue, keywords: Map<string, Value>): Value {
    const info = this.functions.get(target);
    if (info?.dagFactory) {
      this.fail(
        node.line,
        `${target.name}() is a @dag function: the converter reads DAG(...) calls and with DAG(...) blocks`,
      );
    }
    if (info?.taskflow) {
      const taskId = constantString(keywords.get('task_id')) ?? target.name;
      return this.makeTask(
        node,
        taskId,
        target.name,
        { kind: 'other', module: 'airflow.decorators (@task)' },
        new Map(),
        info,
      );
    }
    if (info && this.makesTasks(info.node)) {
      this.fail(
        node.line,
        `${firstLine(node.text)} makes tasks inside ${target.name}() (line ${info.line}): the converter reads tasks made at the top level`,
      );
    }
    return this.unknown(node, `${firstLine(node.text)} runs ${target.name}() when the DAG file runs`);
  }

  private callSymbol(
    node: PyNode,
    module: string,
    name: string,
    positional: Value[],
    keywords: Map<string, Value>,
  ): Value {
    const plugin = pluginClass(module, name);
    if (plugin) return this.pluginTask(node, plugin, positional, keywords);
    if (isPluginResourceModule(module) && name === 'resource')
      return this.resource(node, positional, keywords);
    const known = airflowName(module, name);
    switch (known) {
      case 'DAG':
        return this.makeDag(node, positional, keywords);
      case 'Variable':
        break;
      case 'BashOperator':
        return this.operatorTask(node, name, { kind: 'bash' }, keywords);
      case 'EmptyOperator':
        return this.operatorTask(node, name, { kind: 'empty' }, keywords);
      case 'chain':
        this.chain(node, positional);
        return NONE;
      case 'cross_downstream': {
        const [from, to] = positional;
        const args = field(node, 'arguments')?.children ?? [];
        for (const up of this.tasksOf(from ?? NONE, args[0] ?? node))
          for (const down of this.tasksOf(to ?? NONE, args[1] ?? node)) this.edge(node, up, down);
        return NONE;
      }
      case 'TaskGroup':
        this.fail(node.line, 'TaskGroup: task groups are not converted (move their tasks to the DAG)');
      // falls through: fail() never returns
      case 'days_ago':
        return { kind: 'date' };
      default:
        break;
    }
    if (
      name === 'get' &&
      /(^|\.)Variable$/.test(module) &&
      airflowName(module.replace(/\.Variable$/, ''), 'Variable')
    ) {
      return this.variable(node, positional, keywords);
    }
    if (SDK_MODULE.test(module) && name in SDK_CLASSES) return this.model(node, name, positional, keywords);
    if (module === 'datetime' && name === 'timedelta') return this.timedelta(node, positional, keywords);
    if (
      (module === 'datetime' && name === 'datetime') ||
      module === 'pendulum' ||
      module.startsWith('datetime.')
    )
      return { kind: 'date' };
    if (module === 'pathlib' && (name === 'Path' || name === 'PurePath')) {
      return positional.length === 0
        ? { kind: 'path', path: '.' }
        : this.joinPath(node, undefined, positional);
    }
    if (module === 'os.path' || module === 'os.path.os.path') return this.osPath(node, name, positional);
    if (module === 'builtins') return this.builtin(node, name, positional, keywords);
    if (hasKeyword(node, 'task_id')) {
      return this.operatorTask(node, name, { kind: 'other', module }, keywords);
    }
    return this.unknown(node, `${firstLine(node.text)} is computed when the DAG file runs`);
  }

  private builtin(node: PyNode, name: string, positional: Value[], keywords: Map<string, Value>): Value {
    const [first] = positional;
    if (name === 'str' && first) {
      if (first.kind === 'path') return text(first.path);
      const value = asText(first);
      if (value) return value;
    }
    if (name === 'int' && first) {
      const value = constantString(first);
      if (value !== undefined && /^-?\d+$/.test(value.trim()))
        return { kind: 'number', value: Number(value) };
    }
    if (name === 'dict') {
      const entries: [Value, Value][] = first?.kind === 'dict' ? [...first.entries] : [];
      for (const [key, value] of keywords) entries.push([text(key), value]);
      return { kind: 'dict', entries };
    }
    if (name === 'list' && first?.kind === 'list') return first;
    return this.unknown(node, `${firstLine(node.text)} is computed when the DAG file runs`);
  }

  private osPath(node: PyNode, name: string, positional: Value[]): Value {
    const [first] = positional;
    const path = first?.kind === 'path' ? first.path : constantString(first);
    switch (name) {
      case 'join':
        return this.joinPath(node, undefined, positional);
      case 'dirname':
        if (path !== undefined) return { kind: 'path', path: dirname(path) };
        break;
      case 'abspath':
      case 'realpath':
      case 'normpath':
        if (path !== undefined)
          return {
            kind: 'path',
            path: normalize(isAbsolute(path) ? path : join(dirname(this.options.path), path)),
          };
        break;
      case 'basename':
        if (path !== undefined) return text(basename(path));
        break;
      default:
        break;
    }
    return this.unknown(node, `${firstLine(node.text)} is computed when the DAG file runs`);
  }

  private timedelta(node: PyNode, positional: Value[], keywords: Map<string, Value>): Value {
    const units: [string, number][] = [
      ['days', 86400],
      ['seconds', 1],
      ['microseconds', 1e-6],
      ['milliseconds', 1e-3],
      ['minutes', 60],
      ['hours', 3600],
      ['weeks', 604800],
    ];
    let seconds = 0;
    for (const [index, [unit, factor]] of units.entries()) {
      const value = keywords.get(unit) ?? positional[index];
      if (value === undefined) continue;
      if (value.kind !== 'number')
        return this.unknown(node, `${firstLine(node.text)}: ${unit} is known only when the DAG runs`);
      seconds += value.value * factor;
    }
    return { kind: 'duration', seconds };
  }

  private variable(node: PyNode, positional: Value[], keywords: Map<string, Value>): Value {
    const key = constantString(positional[0] ?? keywords.get('key'));
    if (key === undefined) return this.unknown(node, 'Variable.get of a key known only when the DAG runs');
    if (
      keywords.get('deserialize_json')?.kind === 'bool' &&
      (keywords.get('deserialize_json') as { value: boolean }).value
    ) {
      return this.unknown(node, `Variable ${key} is read as JSON: give its fields as variables of their own`);
    }
    const fallbackValue = keywords.get('default_var') ?? positional[1];
    const fallback =
      fallbackValue && fallbackValue.kind !== 'none' ? constantString(fallbackValue) : undefined;
    return { kind: 'var', key, line: node.line, ...(fallback !== undefined ? { fallback } : {}) };
  }

  private model(node: PyNode, className: string, positional: Value[], keywords: Map<string, Value>): Value {
    if (positional.length > 0) {
      // The SDK's constructors take their fields in the attribute map's order.
      const order = Object.keys(SDK_CLASSES[className] ?? {});
      positional.forEach((value, index) => {
        const name = order[index];
        if (name && !keywords.has(name)) keywords.set(name, value);
      });
    }
    return { kind: 'model', className, args: keywords, line: node.line };
  }

  private resource(node: PyNode, positional: Value[], keywords: Map<string, Value>): Value {
    const argument = positional[0] ?? keywords.get('path_or_body');
    keywords.delete('path_or_body');
    const result = readResource(argument, keywords, {
      line: node.line,
      finder: this.options.resources,
      shown: this.options.shown,
    });
    if ('problem' in result) return this.unknown(node, result.problem);
    return result;
  }

  private chain(node: PyNode, items: Value[]): void {
    const args = field(node, 'arguments')?.children ?? [];
    for (let index = 0; index + 1 < items.length; index += 1) {
      const up = items[index]!;
      const down = items[index + 1]!;
      if (up.kind === 'list' && down.kind === 'list') {
        if (up.items.length !== down.items.length) {
          this.fail(
            node.line,
            `chain(): lists of ${up.items.length} and ${down.items.length} tasks side by side (Airflow needs the same length)`,
          );
        }
        up.items.forEach((item, position) =>
          this.depend(node, item, down.items[position]!, args[index] ?? node, args[index + 1] ?? node),
        );
      } else {
        this.depend(node, up, down, args[index] ?? node, args[index + 1] ?? node);
      }
    }
  }

  // ── DAGs and tasks ────────────────────────────────────────────────────────────────────────────

  private makeDag(node: PyNode, positional: Value[], keywords: Map<string, Value>): Value {
    const idValue = keywords.get('dag_id') ?? positional[0];
    const dagId = constantString(idValue);
    if (dagId === undefined)
      this.fail(
        node.line,
        `the DAG's id ${idValue ? `is ${describe(idValue)}` : 'is missing'}: give it as a string`,
      );
    if (this.dags.some((dag) => dag.dagId === dagId))
      this.fail(node.line, `a second DAG with the id ${dagId}`);
    const scheduleArgument = ['schedule_interval', 'schedule', 'timetable'].find((name) =>
      keywords.has(name),
    );
    const defaults = keywords.get('default_args');
    const params = keywords.get('params');
    const description = constantString(keywords.get('description') ?? positional[1]);
    const dag: Dag = {
      dagId,
      file: this.options.shown,
      line: node.line,
      ...(scheduleArgument
        ? {
            schedule: { value: keywords.get(scheduleArgument)!, line: node.line, argument: scheduleArgument },
          }
        : {}),
      defaultArgs: dictToMap(defaults),
      params: dictToMap(params),
      ...(description !== undefined ? { description } : {}),
      tasks: [],
      edges: [],
    };
    if (defaults && defaults.kind !== 'dict' && defaults.kind !== 'none') {
      this.note(node.line, `default_args is ${describe(defaults)}: not read`);
    }
    this.dags.push(dag);
    return { kind: 'dag', dag };
  }

  private pluginTask(
    node: PyNode,
    cls: PluginClass,
    positional: Value[],
    keywords: Map<string, Value>,
  ): Value {
    const order = PLUGIN_CLASSES[cls] as readonly string[];
    positional.forEach((value, index) => {
      const name = order[index];
      if (name && !keywords.has(name)) keywords.set(name, value);
    });
    return this.operatorTask(node, cls, { kind: 'plugin', cls }, keywords);
  }

  private operatorTask(
    node: PyNode,
    className: string,
    kind: OperatorKind,
    keywords: Map<string, Value>,
  ): Value {
    const idValue = keywords.get('task_id');
    const taskId = constantString(idValue);
    if (taskId === undefined) {
      this.fail(
        node.line,
        `${className}: task_id ${idValue ? `is ${describe(idValue)}` : 'is missing'}: give it as a string`,
      );
    }
    return this.makeTask(node, taskId, className, kind, keywords);
  }

  private makeTask(
    node: PyNode,
    taskId: string,
    className: string,
    kind: OperatorKind,
    keywords: Map<string, Value>,
    callable?: FunctionInfo,
  ): Value {
    const dag = this.dagFor(node, keywords.get('dag'), taskId);
    if (dag.tasks.some((task) => task.taskId === taskId)) {
      this.fail(node.line, `a second task with the id ${taskId} in DAG ${dag.dagId}`);
    }
    const args = new Map<string, Value>();
    // Airflow fills an operator's arguments from default_args (the operator's own over the DAG's)
    // where the call gives none.
    const own = keywords.get('default_args');
    for (const source of [dag.defaultArgs, dictToMap(own)])
      for (const [key, value] of source) args.set(key, value);
    for (const [key, value] of keywords) if (key !== 'default_args') args.set(key, value);
    const statement = this.statement && this.statement.line <= node.line ? this.statement : node;
    const functionNode = callable?.node ?? this.callableOf(args.get('python_callable'));
    const [line, endLine] = [statement.line, Math.max(statement.endLine, node.endLine)];
    const task: Task = {
      taskId,
      className,
      kind,
      args,
      line,
      endLine,
      source: [
        ...(functionNode ? [this.sourceLines(functionNode.line, functionNode.endLine)] : []),
        this.sourceLines(line, endLine),
      ].join('\n'),
    };
    dag.tasks.push(task);
    return { kind: 'task', task };
  }

  private callableOf(value: Value | undefined): PyNode | undefined {
    if (value?.kind !== 'function') return undefined;
    return this.functions.get(value)?.node;
  }

  private sourceLines(from: number, to: number): string {
    return this.lines.slice(from - 1, to).join('\n');
  }

  /** dag=..., else the with-block's DAG, else the file's only DAG. */
  private dagFor(node: PyNode, given: Value | undefined, taskId: string): Dag {
    if (given?.kind === 'dag') return given.dag;
    if (given && given.kind !== 'none')
      this.fail(node.line, `task ${taskId}: dag= is ${describe(given)}, not a DAG of this file`);
    const inner = this.dagContext[this.dagContext.length - 1];
    if (inner) return inner;
    if (this.dags.length === 1) {
      this.note(
        node.line,
        `task ${taskId} has no dag= and is outside any with DAG(...): taken as DAG ${this.dags[0]!.dagId}'s`,
      );
      return this.dags[0]!;
    }
    this.fail(
      node.line,
      `task ${taskId} belongs to no DAG (no dag= argument, outside any with DAG(...) block)`,
    );
  }
}

function dictToMap(value: Value | undefined): Map<string, Value> {
  const map = new Map<string, Value>();
  if (value?.kind !== 'dict') return map;
  for (const [key, item] of value.entries) {
    const name = constantString(key);
    if (name !== undefined) map.set(name, item);
  }
  return map;
}

function mergeEntries(entries: [Value, Value][], more: [Value, Value][]): void {
  for (const [key, value] of more) {
    const name = constantString(key);
    const at = entries.findIndex(([k]) => name !== undefined && constantString(k) === name);
    if (at >= 0) entries[at] = [key, value];
    else entries.push([key, value]);
  }
}

function isTruthy(value: Value): boolean | undefined {
  switch (value.kind) {
    case 'none':
      return false;
    case 'bool':
      return value.value;
    case 'number':
      return value.value !== 0;
    case 'text': {
      const constant = constantString(value);
      return constant === undefined ? undefined : constant !== '';
    }
    case 'list':
      return value.items.length > 0;
    case 'dict':
      return value.entries.length > 0;
    case 'var':
    case 'conf':
    case 'unresolved':
      return undefined;
    default:
      return true;
  }
}

function hasKeyword(call: PyNode, name: string): boolean {
  return (field(call, 'arguments')?.children ?? []).some(
    (argument) => argument.type === 'keyword_argument' && field(argument, 'name')?.text === name,
  );
}

/** Whether a loop's body sets dependencies (>>, <<, set_upstream/set_downstream, chain). */
function setsDependencies(node: PyNode): boolean {
  if (node.type === 'binary_operator' && ['>>', '<<'].includes(field(node, 'operator')?.text ?? ''))
    return true;
  if (node.type === 'call') {
    const callee = field(node, 'function');
    const name = callee?.type === 'attribute' ? field(callee, 'attribute')?.text : callee?.text;
    if (['set_upstream', 'set_downstream', 'chain', 'cross_downstream'].includes(name ?? '')) return true;
  }
  return node.children.some(setsDependencies);
}

/** Names a statement assigns anywhere inside it. */
function assignedNames(node: PyNode): string[] {
  const names: string[] = [];
  const visit = (current: PyNode) => {
    if (current.type === 'assignment' || current.type === 'augmented_assignment') {
      const left = field(current, 'left');
      if (left?.type === 'identifier') names.push(left.text);
      for (const child of left?.children ?? []) if (child.type === 'identifier') names.push(child.text);
    }
    if (current.type === 'for_statement') {
      const left = field(current, 'left');
      if (left?.type === 'identifier') names.push(left.text);
    }
    current.children.forEach(visit);
  };
  visit(node);
  return names;
}

const PLUGIN_SUBMODULES = [
  'training',
  'packaging',
  'deployment',
  'model',
  'connection',
  'batch',
  'resources',
  'plugin',
  'api',
];

/** `odahuflow.airflow_plugin.training` and the like: modules of the plugin. */
function pluginSubmodule(module: string): boolean {
  return ['odahuflow.airflow', 'odahuflow.airflow_plugin'].some(
    (root) => module === root || PLUGIN_SUBMODULES.some((sub) => module === `${root}.${sub}`),
  );
}

function firstLine(source: string): string {
  const line = source.split('\n')[0] ?? source;
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}

function isNode(node: PyNode | undefined): node is PyNode {
  return node !== undefined;
}
