// --env-file: dotenv lines as Node reads them (`node --env-file`, node:util's parseEnv): `NAME=VALUE`,
// optionally after `export `; blank lines and `#` comments skipped; an unquoted value ends at `#` and
// is trimmed; a value in "double", 'single' or `back` quotes is taken as written (double quotes turn
// \n into a new line) and may span lines until its closing quote. parseEnv reads the values; this
// module checks each line first, because parseEnv takes a bad line silently (`junk` then `A=1`
// becomes a variable named "junk\nA"): every bad line is one `file:line: problem` message.

import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { CannotRun } from './cannot-run.js';

const ASSIGNMENT = /^\s*(?:export\s+)?([A-Za-z_][\w.-]*)\s*=(.*)$/;
const QUOTES = ['"', "'", '`'];

/** The file's lines checked, each problem with its line number; what parseEnv is given. */
function checkLines(text: string, file: string): { problems: string[]; checked: string } {
  const lines = text.split(/\r?\n/);
  const problems: string[] = [];
  const checked: string[] = [];
  const afterQuote = (rest: string, quote: string, at: number) => {
    const trailing = rest.trim();
    if (trailing !== '' && !trailing.startsWith('#')) {
      problems.push(
        `${file}:${at}: text after the closing ${quote}: a value cannot hold its own quote (quote it with another kind)`,
      );
    }
  };
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (/^\s*(#|$)/.test(line)) continue;
    const match = ASSIGNMENT.exec(line);
    if (!match) {
      problems.push(`${file}:${i + 1}: not a NAME=VALUE line`);
      continue;
    }
    const [, name = '', raw = ''] = match;
    const value = raw.trimStart();
    // Written again without `export` and spaces: Node versions differ on those, not on values.
    checked.push(`${name}=${value}`);
    const quote = QUOTES.find((each) => value.startsWith(each));
    if (!quote) continue;
    const close = value.indexOf(quote, 1);
    if (close >= 0) {
      afterQuote(value.slice(close + 1), quote, i + 1);
      continue;
    }
    // A quoted value spanning lines ends on the first line holding its quote.
    const end = lines.findIndex((each, j) => j > i && each.includes(quote));
    if (end < 0) {
      problems.push(`${file}:${i + 1}: the ${quote} quote of ${name} is never closed`);
      continue;
    }
    checked.push(...lines.slice(i + 1, end + 1));
    const last = lines[end] ?? '';
    afterQuote(last.slice(last.indexOf(quote) + 1), quote, end + 1);
    i = end;
  }
  return { problems, checked: checked.join('\n') };
}

export function parseEnvFile(text: string, file: string): Record<string, string> {
  const { problems, checked } = checkLines(text, file);
  if (problems.length > 0) throw new CannotRun(problems);
  return parseEnv(checked) as Record<string, string>;
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
