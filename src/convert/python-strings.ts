// Python string literals as their values: prefixes (r, b, u, f and their mixes), escapes, implicit
// concatenation, and f-strings, whose replacement fields are evaluated by the caller (a constant is
// formatted in; anything else stays a part of its own).

import type { PyNode } from './python-syntax.js';
import { field } from './python-syntax.js';
import type { Dynamic, Text, Value } from './values.js';
import { asText, constantString, joinParts, text } from './values.js';

const SIMPLE_ESCAPES: Record<string, string> = {
  '\n': '',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\u0007',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/** A non-raw literal's escapes decoded as Python decodes them (an unknown escape stays as written). */
export function decodeEscapes(raw: string): string {
  return raw.replace(
    /\\(\n|[\\'"abfnrtv]|[0-7]{1,3}|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|N\{[^}]*\})/g,
    (whole, escape: string) => {
      const simple = SIMPLE_ESCAPES[escape];
      if (simple !== undefined) return simple;
      if (/^[0-7]/.test(escape)) return String.fromCodePoint(parseInt(escape, 8));
      if (/^[xuU]/.test(escape)) return String.fromCodePoint(parseInt(escape.slice(1), 16));
      return whole;
    },
  );
}

/**
 * A `string` or `concatenated_string` node as text. `evaluate` reads an f-string's replacement
 * field; a format spec or conversion on a value known only later makes that part unresolved.
 */
export function stringValue(node: PyNode, evaluate: (expression: PyNode) => Value): Text {
  if (node.type === 'concatenated_string') {
    return joinParts(node.children.flatMap((child) => stringValue(child, evaluate).parts));
  }
  const start = node.children.find((child) => child.type === 'string_start')?.text ?? '"';
  const prefix = start.replace(/['"]+$/, '').toLowerCase();
  const raw = prefix.includes('r');
  const formatted = prefix.includes('f');
  const parts: (string | Dynamic)[] = [];
  for (const child of node.children) {
    if (child.type === 'string_content') {
      let content = child.text;
      if (formatted) content = content.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
      parts.push(raw ? content : decodeEscapes(content));
    } else if (child.type === 'interpolation') {
      parts.push(...interpolation(child, evaluate));
    }
  }
  return joinParts(parts);
}

function interpolation(node: PyNode, evaluate: (expression: PyNode) => Value): (string | Dynamic)[] {
  const expression = field(node, 'expression');
  const spec = field(node, 'format_specifier');
  const conversion = field(node, 'type_conversion');
  const unresolved = (why: string): Dynamic[] => [
    { kind: 'unresolved', line: node.line, source: node.text, why },
  ];
  if (!expression) return unresolved('an empty replacement field');
  const value = evaluate(expression);
  const asString = value.kind === 'bool' ? text(value.value ? 'True' : 'False') : asText(value);
  if (!asString) return unresolved(`${expression.text} is not a string the converter can read`);
  const constant = asString.parts.every((part) => typeof part === 'string');
  if ((spec || conversion) && !constant) {
    return unresolved(`${node.text} formats a value known only when the workflow runs`);
  }
  if (spec && spec.text !== ':')
    return unresolved(`the format spec ${spec.text} is not applied by the converter`);
  if (conversion && conversion.text === '!r') return [`'${constantString(asString) ?? ''}'`];
  return asString.parts;
}
