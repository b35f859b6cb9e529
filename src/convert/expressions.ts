// Values into the workflow's text: constants as they are (a `${{` in them escaped, so GitHub does not
// read it as an expression), Variables as `${{ vars.NAME }}`, dag_run.conf keys as
// `${{ inputs.name }}` (with the DAG's default after `||`, so scheduled runs have it too), and what
// cannot be known as a visible placeholder that names the DAG file's line.

import { inputName, variableName } from './github-names.js';
import type { Dynamic, Text, Unresolved } from './values.js';

/** A YAML-safe single-quoted string of the expression language. */
export function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** The expression (without `${{ }}`) for a value known when the workflow runs; undefined if unknown. */
export function expressionOf(dynamic: Dynamic): string | undefined {
  switch (dynamic.kind) {
    case 'var': {
      const name = `vars.${variableName(dynamic.key)}`;
      return dynamic.fallback === undefined ? name : `${name} || ${literal(dynamic.fallback)}`;
    }
    case 'conf': {
      const name = `inputs.${inputName(dynamic.key)}`;
      return dynamic.fallback === undefined ? name : `${name} || ${literal(dynamic.fallback)}`;
    }
    case 'run':
      return dynamic.expression;
    case 'unresolved':
      return undefined;
  }
}

/** The placeholder a value that cannot be known leaves in the workflow. */
export function unresolvedMark(value: Unresolved, file: string): string {
  return `UNRESOLVED(${file}:${value.line}: ${value.source.split('\n')[0]?.trim() ?? ''})`;
}

/** Constant text with `${{` made literal: GitHub would evaluate it. */
export function escapeExpressions(text: string): string {
  return text.replace(/\$\{\{/g, "${{ '${{' }}");
}

/** Text as a with: or env: value. */
export function workflowText(value: Text, file: string): string {
  return value.parts
    .map((part) => {
      if (typeof part === 'string') return escapeExpressions(part);
      const expression = expressionOf(part);
      return expression === undefined ? unresolvedMark(part as Unresolved, file) : `\${{ ${expression} }}`;
    })
    .join('');
}
