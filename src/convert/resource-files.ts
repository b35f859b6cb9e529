// The plugin's resource() helper, read statically: its argument is a file found as the plugin finds
// it (a relative path under the DAGs folder; here the --dags-folder given, else the DAG's own folder
// and then the repository root), or the YAML/JSON itself. Either way the text goes through Python's
// str.format with resource()'s keyword arguments, as the plugin does, and must hold one resource.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { loadAll } from 'js-yaml';
import type { ResourceValue, Value } from './values.js';
import { asText, constantString } from './values.js';

export interface ResourceFinder {
  /** Where a relative path is looked for, in order (absolute). */
  folders: string[];
  /** How messages name those folders. */
  shownFolders: string[];
}

/** A value known only when the workflow runs stands in the text as this until the YAML is parsed. */
const SENTINEL = (name: string) => `@@odahu-template-${name}@@`;
const SENTINELS = /@@odahu-template-([A-Za-z_][A-Za-z0-9_]*)@@/g;

export function readResource(
  argument: Value | undefined,
  templateVars: Map<string, Value>,
  at: { line: number; finder: ResourceFinder; shown: string },
): ResourceValue | { problem: string } {
  const given = argument?.kind === 'path' ? argument.path : constantString(argument);
  if (given === undefined) return { problem: 'resource() of a value known only when the DAG runs' };
  let file: string | undefined;
  if (isAbsolute(given)) file = isFile(given) ? given : undefined;
  else file = at.finder.folders.map((folder) => join(folder, given)).find(isFile);
  const looksLikePath = !given.includes('\n') && /\.(ya?ml|json)$/i.test(given.trim());
  if (!file && (looksLikePath || argument?.kind === 'path')) {
    const where = isAbsolute(given) ? given : `${given} under ${at.finder.shownFolders.join(' or ')}`;
    return {
      problem: `resource(): no file ${where} (the plugin looks under the DAGs folder: say where with --dags-folder)`,
    };
  }
  const body = file ? readFileSync(file, 'utf8') : given;
  const formatted = pythonFormat(body, templateVars);
  if ('problem' in formatted) return formatted;
  let documents: unknown[];
  try {
    documents = loadAll(formatted.text).filter((document) => document !== null && document !== undefined);
  } catch (error) {
    const reason = ((error as Error).message.split('\n')[0] ?? '').trim();
    return {
      problem: `resource(${file ? relative(process.cwd(), file) : 'inline YAML'}): not YAML or JSON: ${reason}`,
    };
  }
  if (documents.length !== 1) {
    return {
      problem: `resource() must hold exactly one resource, not ${documents.length} (the plugin refuses it too)`,
    };
  }
  const [document] = documents;
  if (
    typeof document !== 'object' ||
    document === null ||
    Array.isArray(document) ||
    typeof (document as { kind?: unknown }).kind !== 'string'
  ) {
    return { problem: 'resource(): the document has no kind (ModelTraining, ModelPackaging, ...)' };
  }
  return {
    kind: 'resource',
    document: restorePlaceholders(document) as Record<string, unknown>,
    ...(file ? { file } : {}),
    unchanged: formatted.text === body,
    templateVars: formatted.kept,
    line: at.line,
  };
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

/**
 * Python's `text.format(**vars)`: `{{` and `}}` are braces, `{name}` is the variable. Constants are
 * put in; a value known only when the workflow runs is kept as `{name}` (the actions' own template
 * syntax) with its value in `kept`; a name without a value fails, as the plugin's KeyError does.
 */
function pythonFormat(
  body: string,
  vars: Map<string, Value>,
): { text: string; kept: Map<string, Value> } | { problem: string } {
  const kept = new Map<string, Value>();
  let problem: string | undefined;
  const text = body.replace(/\{\{|\}\}|\{([^{}]*)\}/g, (whole, name: string | undefined) => {
    if (whole === '{{') return '{';
    if (whole === '}}') return '}';
    const key = (name ?? '').trim();
    const value = vars.get(key);
    if (value === undefined) {
      problem ??= `resource(): {${key}} has no value (give it as resource(..., ${key}=...); the plugin fails with KeyError)`;
      return whole;
    }
    const constant = constantString(value);
    if (constant !== undefined) return constant;
    if (!asText(value) || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
      problem ??= `resource(): {${key}} is given a value the converter cannot write into a manifest`;
      return whole;
    }
    kept.set(key, value);
    return SENTINEL(key);
  });
  return problem ? { problem } : { text, kept };
}

function restorePlaceholders(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(SENTINELS, '{$1}');
  if (Array.isArray(value)) return value.map(restorePlaceholders);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, restorePlaceholders(item)]));
  }
  return value;
}
