// Manifests as users hand them to an action: inline YAML or JSON, or a file in the workspace; one
// resource or many (YAML documents, JSON arrays). Each is checked against its kind's shape before any
// call, so a wrong type fails here with the file and line instead of as a Go decoder message, and a
// field the server would silently ignore (`minReplica`) is reported as a warning.

import {
  EVENT_ID,
  FAILSAFE_SCHEMA,
  SCALAR_STYLE,
  YAMLException,
  constructFromEvents,
  parseEvents,
} from 'js-yaml';

import { InputError } from '../odahu/errors.js';
import { KINDS, KIND_NAMES, isKindName } from '../odahu/kinds.js';
import type { KindName, KindResources } from '../odahu/kinds.js';
import { KIND_SHAPES } from '../odahu/shapes.js';
import type { Shape } from '../odahu/shapes.js';
import { MarkedTemplate, lineAt } from './template.js';
import { readTextInput } from './text-input.js';
import type { TextInput } from './text-input.js';
import type { TemplateVars } from './template.js';
import { editDistance } from '../edit-distance.js';

export interface ManifestOptions {
  /** The action input the text came from, for messages about inline text. Default `manifest`. */
  inputName?: string;
  /** Values of `{name}` placeholders. Without any, the text is taken as it is. */
  vars?: TemplateVars;
  /** The names of the vars a placeholder used are added here (to name those none used). */
  usedVars?: Set<string>;
  /** The action's `id` input may give the id: a manifest without one is not refused here. */
  idFromInput?: boolean;
  /** GITHUB_WORKSPACE is read from here. Default process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Default process.cwd(). */
  cwd?: string;
}

export interface Manifest<K extends KindName = KindName> {
  kind: K;
  /** As written; may be empty for kinds whose ids the server generates (batch jobs). */
  id: string;
  /** What to send: the document, with string fields as written (`version: 1.0` gives "1.0"). */
  resource: KindResources[K];
  /** Where it was written, e.g. `manifests/train.yaml, document 2 (line 14)`. */
  origin: string;
  /** Fields the server would ignore, one line each. */
  warnings: string[];
}

/** Every resource of a manifest input, in order. An InputError lists every problem of every one. */
export function loadManifests(input: string, options: ManifestOptions = {}): Manifest[] {
  return load(input, options).manifests;
}

/** Exactly one resource of `kind`; a document without a kind is taken to be of that kind. */
export function loadManifest<K extends KindName>(
  input: string,
  kind: K,
  options: ManifestOptions = {},
): Manifest<K> {
  const { manifests, source } = load(input, options, kind);
  if (manifests.length !== 1) {
    throw new InputError([`${source} holds ${manifests.length} resources; exactly one ${kind} is expected`]);
  }
  const [manifest] = manifests;
  if (!manifest || manifest.kind !== kind) {
    throw new InputError([`${manifest?.origin ?? source}: kind is ${manifest?.kind}; a ${kind} is expected`]);
  }
  return manifest as Manifest<K>;
}

function load(
  input: string,
  options: ManifestOptions,
  defaultKind?: KindName,
): { manifests: Manifest[]; source: string } {
  const { text, source } = readInput(input, options);
  const template =
    options.vars && Object.keys(options.vars).length > 0
      ? new MarkedTemplate(text, options.vars, source)
      : undefined;
  for (const name of template?.used ?? []) options.usedVars?.add(name);
  const problems: string[] = [];
  const manifests: Manifest[] = [];
  for (const document of parseDocuments(template?.text ?? text, source, template)) {
    const manifest = checkDocument(document, defaultKind, problems, options.idFromInput === true);
    if (manifest) manifests.push(manifest);
  }
  if (problems.length > 0) throw new InputError(problems);
  return { manifests, source };
}

function inputNameOf(options: ManifestOptions): string {
  return options.inputName ?? 'manifest';
}

function readInput(input: string, options: ManifestOptions): TextInput {
  return readTextInput(input, { ...options, inputName: inputNameOf(options), pathLike: /\.(ya?ml|json)$/i });
}

// ---------------------------------------------------------------------------------------------
// Parsing

interface ParsedDocument {
  /** As YAML's core schema reads it: numbers, booleans, nulls. */
  value: unknown;
  /** Every scalar as the text it was written as, for the fields that are strings. */
  text: unknown;
  origin: string;
}

/**
 * YAML documents (JSON is YAML), each read twice: with types, and as written. A document that is a
 * list gives one resource per item. Empty documents are skipped. With a template, the values go into
 * what was parsed (template.ts).
 */
function parseDocuments(source: string, name: string, template?: MarkedTemplate): ParsedDocument[] {
  let events;
  let values: unknown[];
  let texts: unknown[];
  try {
    events = parseEvents(source, {});
    values = constructFromEvents(events, { source });
    texts = constructFromEvents(events, { source, schema: FAILSAFE_SCHEMA });
    if (template) {
      const plain = plainTokens(events, source, template);
      values = values.map((value) => template.fillTree(value, plain));
      texts = texts.map((text) => template.fillTree(text));
    }
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const where = error.mark ? `, line ${error.mark.line + 1}, column ${error.mark.column + 1}` : '';
    throw new InputError([`${name}${where}: not valid YAML or JSON: ${error.reason}`]);
  }
  const starts = documentStarts(events);
  const documents: ParsedDocument[] = [];
  values.forEach((value, index) => {
    if (value === null || value === undefined) return;
    const start = starts[index];
    const documentName = `${name}, document ${index + 1}`;
    if (Array.isArray(value)) {
      const itemTexts = texts[index] as unknown[];
      value.forEach((item, itemIndex) => {
        const offset = start?.items[itemIndex] ?? start?.offset ?? -1;
        documents.push({
          value: item,
          text: itemTexts[itemIndex],
          origin: `${documentName}, item ${itemIndex + 1}${lineNote(source, offset)}`,
        });
      });
    } else {
      documents.push({
        value,
        text: texts[index],
        origin: `${documentName}${lineNote(source, start?.offset ?? -1)}`,
      });
    }
  });
  return documents;
}

/** The tokens that were whole plain scalars (`replicas: {n}`): their values are typed as YAML types them. */
function plainTokens(events: ParserEvent[], source: string, template: MarkedTemplate): Set<string> {
  const plain = new Set<string>();
  for (const event of events) {
    if (event.type !== EVENT_ID.SCALAR || !('style' in event) || event.style !== SCALAR_STYLE.PLAIN) continue;
    if (!('valueStart' in event) || event.valueStart < 0) continue;
    const text = source.slice(event.valueStart, event.valueEnd);
    if (template.isToken(text)) plain.add(text);
  }
  return plain;
}

function lineNote(source: string, offset: number): string {
  return offset >= 0 ? ` (line ${lineAt(source, offset)})` : '';
}

interface DocumentStart {
  /** Offset of the document's root node. */
  offset: number;
  /** Offsets of the items when the root is a list. */
  items: number[];
}

type ParserEvent = ReturnType<typeof parseEvents>[number];

/** Where each document (and each item of a top-level list) starts, from the parser's events. */
function documentStarts(events: ParserEvent[]): DocumentStart[] {
  const starts: DocumentStart[] = [];
  let depth = 0;
  let current: DocumentStart | undefined;
  let rootIsList = false;
  for (const event of events) {
    const offset =
      'start' in event
        ? event.start
        : 'valueStart' in event
          ? event.valueStart
          : 'anchorStart' in event
            ? event.anchorStart
            : -1;
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        current = { offset: -1, items: [] };
        starts.push(current);
        depth = 0;
        continue;
      case EVENT_ID.POP: // the end of a document, list or map
        depth--;
        continue;
    }
    if (!current) continue;
    if (depth === 0) {
      current.offset = offset;
      rootIsList = event.type === EVENT_ID.SEQUENCE;
    } else if (depth === 1 && rootIsList) {
      current.items.push(offset);
    }
    if (event.type === EVENT_ID.SEQUENCE || event.type === EVENT_ID.MAPPING) depth++;
  }
  return starts;
}

// ---------------------------------------------------------------------------------------------
// Checking a resource against its kind's shape

const ENVELOPE_EXTRA = new Set(['kind']);

function checkDocument(
  document: ParsedDocument,
  defaultKind: KindName | undefined,
  problems: string[],
  idFromInput: boolean,
): Manifest | undefined {
  const { value, text, origin } = document;
  const fail = (problem: string): undefined => {
    problems.push(`${origin}: ${problem}`);
    return undefined;
  };
  if (!isPlainObject(value)) {
    return fail(`a resource must be a map with kind, id and spec, not ${describe(value)}`);
  }
  const rawKind = value.kind ?? defaultKind;
  if (rawKind === undefined || rawKind === null)
    return fail(`kind is missing (one of ${KIND_NAMES.join(', ')})`);
  if (!isKindName(rawKind)) {
    const written = typeof rawKind === 'string' ? rawKind : describe(rawKind);
    return fail(`unknown kind of object: '${written}' (known: ${KIND_NAMES.join(', ')})`);
  }
  const kind = rawKind;
  const before = problems.length;
  const warnings: string[] = [];
  const context: CheckContext = { origin, problems, warnings };
  const resource = checkValue(KIND_SHAPES[kind], value, text, '', context, ENVELOPE_EXTRA) as Record<
    string,
    unknown
  >;
  const noId = typeof resource.id !== 'string' || resource.id === '';
  if (!KINDS[kind].generatedId && noId && !idFromInput) problems.push(`${origin}: id is missing`);
  if (resource.spec === undefined || resource.spec === null) problems.push(`${origin}: spec is missing`);
  if (problems.length > before) return undefined;
  if (value.kind === undefined) resource.kind = kind;
  return {
    kind,
    id: typeof resource.id === 'string' ? resource.id : '',
    resource: resource as unknown as KindResources[KindName],
    origin,
    warnings,
  };
}

interface CheckContext {
  origin: string;
  problems: string[];
  warnings: string[];
}

/** The value with string fields as written; type problems and unknown fields go to the context. */
function checkValue(
  shape: Shape,
  value: unknown,
  text: unknown,
  path: string,
  context: CheckContext,
  allowedExtra: ReadonlySet<string> = new Set(),
): unknown {
  // JSON null is "absent" to the server's decoder.
  if (value === null || value === undefined) return value;
  const wrong = (expected: string): unknown => {
    context.problems.push(`${context.origin}: ${path} must be ${expected}, not ${describe(value)}`);
    return value;
  };
  switch (shape.t) {
    case 'any':
      return value;
    case 'string':
      if (typeof value === 'string') return value;
      // A plain YAML scalar in a string field: the text as written, not what YAML made of it.
      if ((typeof value === 'number' || typeof value === 'boolean') && typeof text === 'string') return text;
      return wrong('a string');
    case 'int':
      return Number.isInteger(value) && Math.abs(value as number) < 2 ** 31 ? value : wrong('a whole number');
    case 'bool':
      return typeof value === 'boolean' ? value : wrong('true or false');
    case 'array': {
      if (!Array.isArray(value)) return wrong('a list');
      const texts = Array.isArray(text) ? text : [];
      return value.map((item, index) =>
        checkValue(shape.of, item, texts[index], `${path}[${index}]`, context),
      );
    }
    case 'map': {
      if (!isPlainObject(value)) return wrong('a map');
      const texts = isPlainObject(text) ? text : {};
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [
          key,
          checkValue(shape.of, item, texts[key], join(path, key), context),
        ]),
      );
    }
    case 'object': {
      if (!isPlainObject(value)) return wrong('a map');
      const texts = isPlainObject(text) ? text : {};
      const checked: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        const field = shape.fields[key];
        if (field) {
          checked[key] = checkValue(field, item, texts[key], join(path, key), context);
        } else {
          if (!allowedExtra.has(key))
            context.warnings.push(unknownFieldWarning(shape, key, path, context.origin));
          checked[key] = item;
        }
      }
      return checked;
    }
  }
}

function unknownFieldWarning(
  shape: Extract<Shape, { t: 'object' }>,
  key: string,
  path: string,
  origin: string,
): string {
  const near = Object.keys(shape.fields).find((field) => isNear(field, key));
  return (
    `${origin}: ${join(path, key)} is not a field of ${shape.go}; the server ignores it` +
    (near ? ` (did you mean ${near}?)` : '')
  );
}

/** A likely typo: same letters in another case, or one edit away (two for long names). */
function isNear(field: string, key: string): boolean {
  if (field.toLowerCase() === key.toLowerCase()) return true;
  return editDistance(field, key) <= (field.length > 8 ? 2 : 1);
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (isPlainObject(value)) return 'a map';
  // Cut: a file that is not a manifest (a key, a page of text) must not be printed whole.
  if (typeof value === 'string')
    return `the string "${value.length > 60 ? `${value.slice(0, 60)}…` : value}"`;
  return `${typeof value} ${String(value)}`;
}
