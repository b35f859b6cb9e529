// `{name}` placeholders in manifest text, filled before parsing as the Airflow plugin's resource()
// helper fills its template variables. Only an identifier in single braces is a placeholder, so JSON
// and YAML flow maps (`{"a": 1}`, `{a: 1}`), Odahu's Go templates (`{{ .Name }}`, `{{Name}}`) and
// shell expansions (`${HOME}`) pass through untouched.

import { FAILSAFE_SCHEMA, load } from 'js-yaml';

import { InputError } from '../odahu/errors.js';

export type TemplateVars = Readonly<Record<string, string>>;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PLACEHOLDER = /(?<![{$])\{([A-Za-z_][A-Za-z0-9_]*)\}(?!\})/g;

/** The text with every placeholder filled; an InputError naming each one that has no value. */
export function fillTemplate(text: string, vars: TemplateVars, source: string): string {
  const missing = new Map<string, number>();
  const filled = text.replace(PLACEHOLDER, (placeholder, name: string, offset: number) => {
    if (Object.prototype.hasOwnProperty.call(vars, name)) return vars[name] ?? '';
    if (!missing.has(name)) missing.set(name, lineAt(text, offset));
    return placeholder;
  });
  if (missing.size > 0) {
    throw new InputError(
      [...missing].map(([name, line]) => `${source}, line ${line}: no value for template variable {${name}}`),
    );
  }
  return filled;
}

/** 1-based line of an offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * The `vars` input: KEY=VALUE lines (`#` starts a comment line) or a YAML map of single values.
 * Values keep their text as written (`version: 1.0` is "1.0").
 */
export function parseVars(text: string, inputName = 'vars'): Record<string, string> {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '' && !line.trim().startsWith('#'));
  if (lines.length === 0) return {};
  if (lines.every((line) => /^\s*[A-Za-z_][A-Za-z0-9_]*\s*=/.test(line)))
    return varsOfLines(lines, inputName);
  return varsOfYaml(text, inputName);
}

function varsOfLines(lines: string[], inputName: string): Record<string, string> {
  const vars: Record<string, string> = {};
  const problems: string[] = [];
  for (const line of lines) {
    const at = line.indexOf('=');
    const name = line.slice(0, at).trim();
    const value = line.slice(at + 1).trim();
    if (Object.prototype.hasOwnProperty.call(vars, name))
      problems.push(`${inputName}: ${name} is given twice`);
    // dotenv style: one pair of matching quotes around the value is not part of it.
    vars[name] = /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
  }
  if (problems.length > 0) throw new InputError(problems);
  return vars;
}

function varsOfYaml(text: string, inputName: string): Record<string, string> {
  let document: unknown;
  try {
    document = load(text, { schema: FAILSAFE_SCHEMA });
  } catch {
    document = undefined;
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new InputError([`${inputName} is neither KEY=VALUE lines nor a YAML map of names to values`]);
  }
  const problems: string[] = [];
  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries(document)) {
    if (!NAME.test(name)) {
      problems.push(
        `${inputName}: "${name}" cannot be a placeholder name (letters, digits and _, not first a digit)`,
      );
    } else if (typeof value !== 'string') {
      problems.push(`${inputName}: ${name} must be a single value, not a list or map`);
    } else {
      vars[name] = value;
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return vars;
}
