// YAML written for people to read: block style, two-space indents, comments above entries and a blank
// line between steps, scalars quoted by js-yaml only where YAML needs it, and multi-line strings as
// literal blocks. (js-yaml's dump writes no comments, which the converted workflow needs.)

import { dump } from 'js-yaml';

export type YamlValue = string | number | boolean | YamlMap | YamlList;

export interface YamlEntry {
  key: string;
  value: YamlValue;
  comments?: string[];
  blankBefore?: boolean;
}

export interface YamlMap {
  kind: 'map';
  entries: YamlEntry[];
}

export interface YamlItem {
  value: YamlValue;
  comments?: string[];
  blankBefore?: boolean;
}

export interface YamlList {
  kind: 'list';
  items: YamlItem[];
  /** Written inline (`[a, b]`): for short lists of scalars. */
  flow?: boolean;
}

export function map(entries: (YamlEntry | undefined | false)[]): YamlMap {
  return { kind: 'map', entries: entries.filter((entry): entry is YamlEntry => Boolean(entry)) };
}

export function entry(
  key: string,
  value: YamlValue | undefined,
  extra: Omit<YamlEntry, 'key' | 'value'> = {},
): YamlEntry | undefined {
  return value === undefined ? undefined : { key, value, ...extra };
}

function scalar(value: string | number | boolean): string {
  return dump(value, { lineWidth: -1 }).trimEnd();
}

function isScalar(value: YamlValue): value is string | number | boolean {
  return typeof value !== 'object';
}

function comments(lines: string[] | undefined, indent: string): string[] {
  return (lines ?? []).map((line) => `${indent}#${line === '' ? '' : ` ${line}`}`);
}

/** `key: value` or `key:` with the block below, for a value at this indent. */
function valueLines(prefix: string, value: YamlValue, indent: string): string[] {
  if (isScalar(value)) {
    if (typeof value === 'string' && value.includes('\n')) {
      const body = value.replace(/\n+$/, '');
      const keep = value.endsWith('\n') ? '' : '-';
      const indicator = /^\s/.test(body) ? '2' : '';
      return [
        `${prefix} |${indicator}${keep}`,
        ...body.split('\n').map((line) => (line === '' ? '' : `${indent}  ${line}`)),
      ];
    }
    return [`${prefix} ${scalar(value)}`];
  }
  if (value.kind === 'list' && value.flow && value.items.every((item) => isScalar(item.value))) {
    return [`${prefix} [${value.items.map((item) => scalar(item.value as string)).join(', ')}]`];
  }
  if (value.kind === 'map' && value.entries.length === 0) return [`${prefix} {}`];
  if (value.kind === 'list' && value.items.length === 0) return [`${prefix} []`];
  return [prefix, ...block(value, `${indent}  `)];
}

function block(value: YamlMap | YamlList, indent: string): string[] {
  const lines: string[] = [];
  if (value.kind === 'map') {
    for (const item of value.entries) {
      if (item.blankBefore) lines.push('');
      lines.push(...comments(item.comments, indent));
      lines.push(...valueLines(`${indent}${scalarKey(item.key)}:`, item.value, indent));
    }
    return lines;
  }
  for (const item of value.items) {
    if (item.blankBefore) lines.push('');
    lines.push(...comments(item.comments, indent));
    if (isScalar(item.value) || item.value.kind === 'list') {
      lines.push(...valueLines(`${indent}-`, item.value, indent));
      continue;
    }
    // A map in a list: its first entry on the dash's line, the rest under it.
    const inner = block(item.value, `${indent}  `);
    const firstEntry = inner.findIndex((line) => !line.trimStart().startsWith('#') && line !== '');
    inner.forEach((line, index) => {
      if (index === firstEntry) lines.push(`${indent}- ${line.slice(indent.length + 2)}`);
      else lines.push(line);
    });
  }
  return lines;
}

function scalarKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : scalar(key);
}

export function yamlText(document: YamlMap, header: string[] = []): string {
  return [...comments(header, ''), ...block(document, '')].join('\n') + '\n';
}
