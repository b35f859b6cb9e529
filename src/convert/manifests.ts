// A resource of the DAG (an SDK model constructed in Python, a resource() manifest, a plain dict)
// as the manifest the actions read: API field names from the SDK's attribute maps (sdk-fields.ts),
// fields of SDKs before 1.5 moved where 1.6 has them, None left out. What is known only when the
// workflow runs becomes a `{NAME}` placeholder the step fills through its `vars` input (the same
// syntax resource() templates use); what cannot be known, an `{UNRESOLVED_LINE_<n>}` placeholder
// that fails the step with a line naming it until someone fills it in.

import { variableName, inputName } from './github-names.js';
import { KIND_OF_CLASS, MOVED_FIELDS, SDK_CLASSES } from './sdk-fields.js';
import type { Dynamic, ModelValue, Text, Value } from './values.js';
import { asText, constantString, describe } from './values.js';

export interface Manifest {
  kind: string;
  document: Record<string, unknown>;
  /** Placeholder name → what fills it when the workflow runs. */
  placeholders: Map<string, Text>;
  /** What was moved or left out, for the report. */
  notes: string[];
  /** resource('file') read unchanged: the file itself (absolute), which the workflow may name instead. */
  sourceFile?: string;
  /** The DAG line the resource was made on. */
  line: number;
}

export function placeholderName(dynamic: Dynamic): string {
  switch (dynamic.kind) {
    case 'var':
      return variableName(dynamic.key);
    case 'conf':
      return inputName(dynamic.key);
    case 'run':
      return dynamic.expression.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();
    case 'unresolved':
      return `UNRESOLVED_LINE_${dynamic.line}`;
  }
}

/** The manifest a value describes; undefined (with why) when it describes none. */
export function manifestOf(value: Value | undefined, expectedKind: string): Manifest | { problem: string } {
  if (!value || value.kind === 'none') return { problem: 'no resource given' };
  if (value.kind === 'unresolved') return { problem: value.why };
  const placeholders = new Map<string, Text>();
  const notes: string[] = [];
  if (value.kind === 'resource') {
    const kind = String(value.document.kind);
    if (kind !== expectedKind) return { problem: `resource() holds a ${kind}, not a ${expectedKind}` };
    for (const [name, given] of value.templateVars) {
      const filled = asText(given);
      if (filled) placeholders.set(name, filled);
    }
    return {
      kind,
      document: value.document,
      placeholders,
      notes,
      ...(value.file && value.unchanged && placeholders.size === 0 ? { sourceFile: value.file } : {}),
      line: value.line,
    };
  }
  if (value.kind === 'model') {
    const kind = KIND_OF_CLASS[value.className];
    if (kind !== expectedKind) return { problem: `${value.className} is not a ${expectedKind}` };
    const body = modelJson(value, placeholders, notes);
    return { kind, document: { kind, ...body }, placeholders, notes, line: value.line };
  }
  if (value.kind === 'dict') {
    const body = json(value, placeholders, notes) as Record<string, unknown>;
    if (body.kind !== undefined && body.kind !== expectedKind) {
      return { problem: `the dict's kind is ${JSON.stringify(body.kind)}, not ${expectedKind}` };
    }
    return { kind: expectedKind, document: { kind: expectedKind, ...body }, placeholders, notes, line: 0 };
  }
  return { problem: `${describe(value)} is not a ${expectedKind} the converter can read` };
}

function modelJson(
  model: ModelValue,
  placeholders: Map<string, Text>,
  notes: string[],
): Record<string, unknown> {
  const fields = SDK_CLASSES[model.className] ?? {};
  const moved = MOVED_FIELDS[model.className] ?? {};
  const result: Record<string, unknown> = {};
  for (const [name, value] of model.args) {
    if (value.kind === 'none') continue;
    const converted = json(value, placeholders, notes);
    const field = fields[name];
    if (field) {
      result[field.api] = converted;
      continue;
    }
    const path = moved[name];
    if (path) {
      setPath(result, path, converted);
      notes.push(`${model.className}(${name}=...) of SDKs before 1.5 is ${path.join('.')} in 1.6`);
      continue;
    }
    notes.push(`${model.className} has no argument ${name} in the SDK (1.6.1): left out`);
  }
  return result;
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

function json(value: Value, placeholders: Map<string, Text>, notes: string[]): unknown {
  switch (value.kind) {
    case 'text':
    case 'var':
    case 'conf':
    case 'run':
    case 'unresolved': {
      const parts = value.kind === 'text' ? value.parts : [value];
      return parts
        .map((part) => {
          if (typeof part === 'string') return part;
          const name = placeholderName(part);
          placeholders.set(name, { kind: 'text', parts: [part] });
          return `{${name}}`;
        })
        .join('');
    }
    case 'number':
    case 'bool':
      return value.value;
    case 'none':
      return null;
    case 'list':
      return value.items.map((item) => json(item, placeholders, notes));
    case 'dict': {
      const result: Record<string, unknown> = {};
      for (const [key, item] of value.entries) {
        const name = constantString(key);
        if (name === undefined) {
          notes.push(`a dict key (${describe(key)}) is known only when the DAG runs: left out`);
          continue;
        }
        result[name] = json(item, placeholders, notes);
      }
      return result;
    }
    case 'model':
      return modelJson(value, placeholders, notes);
    case 'path':
      return value.path;
    case 'duration':
      return value.seconds;
    default: {
      const name = `UNRESOLVED_${describe(value)
        .replace(/[^A-Za-z0-9]+/g, '_')
        .toUpperCase()}`;
      const unresolved: Dynamic = {
        kind: 'unresolved',
        line: 0,
        source: describe(value),
        why: `${describe(value)} in a resource`,
      };
      placeholders.set(name, { kind: 'text', parts: [unresolved] });
      return `{${name}}`;
    }
  }
}

/** The file name a manifest is written to: <short kind>-<id>.odahuflow.yaml. */
export function manifestFileName(manifest: Manifest, fallbackId: string): string {
  const short: Record<string, string> = {
    ModelTraining: 'training',
    ModelPackaging: 'packaging',
    ModelDeployment: 'deployment',
    ModelRoute: 'route',
    Connection: 'connection',
    InferenceService: 'inference-service',
    InferenceJob: 'inference-job',
    ToolchainIntegration: 'toolchain',
    PackagingIntegration: 'packaging-integration',
  };
  const id =
    typeof manifest.document.id === 'string' && /^[A-Za-z0-9_.-]+$/.test(manifest.document.id)
      ? manifest.document.id
      : fallbackId;
  return `${short[manifest.kind] ?? manifest.kind.toLowerCase()}-${id}.odahuflow.yaml`;
}

/** The connections a manifest names (that the cluster must have), with what each is for. */
export function connectionsNamed(manifest: Manifest): { id: string; role: 'git' | 'storage' | 'registry' }[] {
  const found: { id: string; role: 'git' | 'storage' | 'registry' }[] = [];
  const spec = (manifest.document.spec ?? {}) as Record<string, unknown>;
  const add = (id: unknown, role: 'git' | 'storage' | 'registry') => {
    if (typeof id === 'string' && id !== '' && !id.includes('{') && !found.some((each) => each.id === id))
      found.push({ id, role });
  };
  const object = (value: unknown) =>
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  switch (manifest.kind) {
    case 'ModelTraining': {
      const source = object(spec.algorithmSource);
      add(object(source.vcs).connection, 'git');
      add(object(source.objectStorage).connection, 'storage');
      for (const binding of Array.isArray(spec.data) ? spec.data : [])
        add(object(binding).connection, 'storage');
      add(spec.outputConnection, 'storage');
      break;
    }
    case 'ModelPackaging':
      for (const target of Array.isArray(spec.targets) ? spec.targets : [])
        add(object(target).connectionName, 'registry');
      add(spec.outputConnection, 'storage');
      break;
    case 'ModelDeployment':
      add(spec.imagePullConnID, 'registry');
      break;
    case 'InferenceService':
    case 'InferenceJob':
      add(object(object(spec.modelRegistry).remote).modelConnection, 'storage');
      add(object(spec.dataSource).connection, 'storage');
      add(object(spec.outputDestination).connection, 'storage');
      break;
    default:
      break;
  }
  return found;
}
