// Which secrets and vars a job reads (`secrets.NAME`, `vars['NAME']`), found in the parsed
// expressions, so that a dry run can say which ones were not given: on GitHub an unset one reads as ''
// and the step that needs it fails later, far from the cause. Also which contexts a token reads at
// all (a strategy that reads `needs` can only be expanded once its needs are done).

import type { Expr } from '@actions/expressions';
import {
  ContextAccess,
  FunctionCall,
  Grouping,
  IndexAccess,
  Literal,
  Logical,
  Binary,
  Unary,
} from '@actions/expressions/ast';
import { TemplateToken } from '@actions/workflow-parser/templates/tokens/template-token';
import { isBasicExpression } from '@actions/workflow-parser';
import { parseExpression } from './expressions.js';

export interface References {
  secrets: Set<string>;
  vars: Set<string>;
  /** Every context named, lower case. */
  contexts: Set<string>;
  /** `needs.<job>.outputs.<name>` read, as `<job>.<name>`. */
  needsOutputs: Set<string>;
}

export function findReferences(tokens: (TemplateToken | undefined)[]): References {
  const found: References = {
    secrets: new Set(),
    vars: new Set(),
    contexts: new Set(),
    needsOutputs: new Set(),
  };
  for (const root of tokens) {
    if (!root) continue;
    for (const [, token] of TemplateToken.traverse(root)) {
      if (!isBasicExpression(token)) continue;
      try {
        walk(parseExpression(token.expression), found);
      } catch {
        // The parser has validated every expression; one that does not parse here reads nothing.
      }
    }
  }
  return found;
}

function walk(expr: Expr | undefined, found: References): void {
  if (expr instanceof ContextAccess) {
    found.contexts.add(expr.name.lexeme.toLowerCase());
  } else if (expr instanceof IndexAccess) {
    if (expr.expr instanceof ContextAccess && expr.index instanceof Literal) {
      const context = expr.expr.name.lexeme.toLowerCase();
      const name = expr.index.literal.coerceString();
      if (context === 'secrets') found.secrets.add(name);
      if (context === 'vars') found.vars.add(name);
    }
    const output = needsOutput(expr);
    if (output) found.needsOutputs.add(output);
    walk(expr.expr, found);
    walk(expr.index, found);
  } else if (expr instanceof FunctionCall || expr instanceof Logical) {
    expr.args.forEach((arg) => walk(arg, found));
  } else if (expr instanceof Binary) {
    walk(expr.left, found);
    walk(expr.right, found);
  } else if (expr instanceof Unary) {
    walk(expr.expr, found);
  } else if (expr instanceof Grouping) {
    walk(expr.group, found);
  }
}

/** `needs.<job>.outputs.<name>` (or with indexes): `<job>.<name>`. */
function needsOutput(expr: IndexAccess): string | undefined {
  const literal = (e: Expr) => (e instanceof Literal ? e.literal.coerceString() : undefined);
  const outputs = expr.expr;
  if (!(outputs instanceof IndexAccess) || literal(outputs.index)?.toLowerCase() !== 'outputs')
    return undefined;
  const job = outputs.expr;
  if (!(job instanceof IndexAccess) || !(job.expr instanceof ContextAccess)) return undefined;
  if (job.expr.name.lexeme.toLowerCase() !== 'needs') return undefined;
  const id = literal(job.index);
  const name = literal(expr.index);
  return id === undefined || name === undefined ? undefined : `${id}.${name}`;
}
