// `{name}` placeholders in manifest text, as the Airflow plugin's resource() helper has template
// variables. Only an identifier in single braces is a placeholder, so JSON and YAML flow maps
// (`{"a": 1}`, `{a: 1}`), Odahu's Go templates (`{{ .Name }}`, `{{Name}}`) and shell expansions
// (`${HOME}`) pass through untouched. A value is data, never manifest: each placeholder becomes a
// token of letters and digits (a plain scalar anywhere YAML or JSON can hold one), the text is parsed,
// and only then do the tokens in the parsed strings become the values. A value with quotes, commas or
// line breaks (`x","workDir":"/evil`) stays inside the string it was written in.

import { randomBytes } from 'node:crypto';
import { FAILSAFE_SCHEMA, load } from 'js-yaml';

import { InputError } from '../odahu/errors.js';

export type TemplateVars = Readonly<Record<string, string>>;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PLACEHOLDER = /(?<![{$])\{([A-Za-z_][A-Za-z0-9_]*)\}(?!\})/g;

/** Manifest text whose placeholders are tokens, and how to put the values back into what it parses to. */
export class MarkedTemplate {
  /** The text with a token for each placeholder: parse this. */
  readonly text: string;
  /** The value of each token, by its number. */
  private readonly values: string[] = [];
  /** The names of the vars a placeholder of the text used. */
  readonly used = new Set<string>();
  private readonly token: RegExp;
  private readonly wholeToken: RegExp;

  /** Throws an InputError naming each placeholder that has no value, with its line. */
  constructor(text: string, vars: TemplateVars, source: string) {
    // Random, so that no text of the manifest can pass for a token.
    const mark = `odahuvar${randomBytes(6).toString('hex')}`;
    const missing = new Map<string, number>();
    this.text = text.replace(PLACEHOLDER, (placeholder, name: string, offset: number) => {
      if (!Object.prototype.hasOwnProperty.call(vars, name)) {
        if (!missing.has(name)) missing.set(name, lineAt(text, offset));
        return placeholder;
      }
      this.values.push(vars[name] ?? '');
      this.used.add(name);
      return `${mark}x${this.values.length - 1}x`;
    });
    if (missing.size > 0) {
      throw new InputError(
        [...missing].map(
          ([name, line]) => `${source}, line ${line}: no value for template variable {${name}}`,
        ),
      );
    }
    this.token = new RegExp(`${mark}x(\\d+)x`, 'g');
    this.wholeToken = new RegExp(`^${mark}x(\\d+)x$`);
  }

  /** Whether a scalar's text is one token and nothing else. */
  isToken(text: string): boolean {
    return this.wholeToken.test(text);
  }

  /** A string with each token replaced by its value. */
  fill(text: string): string {
    return text.replace(this.token, (_, index: string) => this.values[Number(index)] ?? '');
  }

  /**
   * A parsed document with the values put in: in every string (keys too). A token that was a whole
   * plain scalar (`replicas: {n}`), listed in `plain`, is typed as YAML types a plain scalar (a
   * number, true, null); a value that YAML would read as a list or a map stays a string.
   */
  fillTree(tree: unknown, plain: ReadonlySet<string> = new Set()): unknown {
    if (typeof tree === 'string') {
      if (!plain.has(tree)) return this.fill(tree);
      return plainScalar(this.fill(tree));
    }
    if (Array.isArray(tree)) return tree.map((item) => this.fillTree(item, plain));
    if (typeof tree === 'object' && tree !== null) {
      return Object.fromEntries(
        Object.entries(tree).map(([key, value]) => [this.fill(key), this.fillTree(value, plain)]),
      );
    }
    return tree;
  }
}

/** A value as YAML reads a plain scalar: a number, a boolean or null; any other the text as it is. */
function plainScalar(value: string): unknown {
  let typed: unknown;
  try {
    typed = load(value);
  } catch {
    return value;
  }
  if (typed === null || typed === undefined) return null;
  return typeof typed === 'number' || typeof typed === 'boolean' ? typed : value;
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
