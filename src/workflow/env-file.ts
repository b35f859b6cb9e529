// --env-file: dotenv lines. `NAME=VALUE`, optionally after `export `; blank lines and `#` comments
// skipped; a value in single quotes is taken as written, in double quotes with \n, \t, \" and \\
// escapes; an unquoted value ends at ` #` and is trimmed.

import { readFileSync } from 'node:fs';
import { CannotRun } from './cannot-run.js';

const LINE = /^\s*(?:export\s+)?([A-Za-z_][\w.-]*)\s*=\s*(.*?)\s*$/;

function parseEnvFile(text: string, file: string): Record<string, string> {
  const values: Record<string, string> = {};
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (/^\s*(#|$)/.test(line)) return;
    const match = LINE.exec(line);
    const value = match ? unquote(match[2] ?? '') : undefined;
    if (!match || value === undefined) problems.push(`${file}:${index + 1}: not a NAME=VALUE line`);
    else values[match[1] ?? ''] = value;
  });
  if (problems.length > 0) throw new CannotRun(problems);
  return values;
}

function unquote(raw: string): string | undefined {
  if (raw.startsWith("'")) return /^'([^']*)'(?:\s+#.*)?$/.exec(raw)?.[1];
  if (raw.startsWith('"')) {
    const inner = /^"((?:[^"\\]|\\.)*)"(?:\s+#.*)?$/.exec(raw)?.[1];
    return inner?.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t' })[c] ?? c);
  }
  return raw.replace(/\s+#.*$/, '');
}

export function readEnvFile(path: string, shown: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CannotRun([`--env-file ${shown}: ${(error as Error).message}`]);
  }
  return parseEnvFile(text, shown);
}
