// Multi-line scalars holding `${{ }}` (a `run: |` script, a `vars: |` input). @actions/workflow-parser
// builds their format() expression from the YAML *source* (it serves editors, which need positions),
// so the block's indentation, a folded block's line breaks and a quoted scalar's quotes would end up
// in the value. GitHub's runner uses the scalar's value. Here the source is decoded by js-yaml (with
// the block header the parser kept) and split into literal text and `${{ }}` expressions again, the
// way the parser splits a single-line value.

import { FAILSAFE_SCHEMA, load } from 'js-yaml';
import type { BasicExpressionToken } from '@actions/workflow-parser/templates/tokens/index';

export type Part = { literal: string } | { expression: string };

/** The parts of a multi-line scalar's value; undefined for a single-line one (its expression is right). */
export function multilineParts(token: BasicExpressionToken): Part[] | undefined {
  const source = token.source;
  if (source === undefined || token.range === undefined || token.range.start.line === token.range.end.line) {
    return undefined;
  }
  // An explicit indentation indicator counts from the parent's indentation, which a lone block
  // does not have: the block's own indentation is used instead.
  const header = token.blockScalarHeader?.replace(/\d/g, '');
  const value = load(header !== undefined ? `${header}\n${source}` : source, { schema: FAILSAFE_SCHEMA });
  return typeof value === 'string' ? splitTemplate(value) : undefined;
}

/** `text ${{ expr }} text` into parts; `}}` inside a '...' string does not close the expression. */
export function splitTemplate(text: string): Part[] {
  const parts: Part[] = [];
  let i = 0;
  while (i < text.length) {
    const start = text.indexOf('${{', i);
    if (start < 0) {
      parts.push({ literal: text.slice(i) });
      break;
    }
    if (start > i) parts.push({ literal: text.slice(i, start) });
    let inString = false;
    let end = -1;
    for (let j = start + 3; j < text.length; j++) {
      if (text[j] === "'") inString = !inString;
      else if (!inString && text[j] === '}' && text[j - 1] === '}') {
        end = j;
        break;
      }
    }
    // The parser has rejected unclosed expressions already; keep the rest as text if one slips by.
    if (end < 0) {
      parts.push({ literal: text.slice(start) });
      break;
    }
    parts.push({ expression: text.slice(start + 3, end - 1).trim() });
    i = end + 1;
  }
  return parts;
}
