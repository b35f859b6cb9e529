// The runner's file commands: per step, fresh files named by GITHUB_OUTPUT, GITHUB_STATE, GITHUB_ENV,
// GITHUB_PATH and GITHUB_STEP_SUMMARY, read back when the step ends. Values are `name=value` lines or
// heredocs (`name<<DELIMITER`, lines, `DELIMITER`), as @actions/core writes them.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FileCommandPaths {
  GITHUB_OUTPUT: string;
  GITHUB_STATE: string;
  GITHUB_ENV: string;
  GITHUB_PATH: string;
  GITHUB_STEP_SUMMARY: string;
}

export interface FileCommandResults {
  outputs: Record<string, string>;
  state: Record<string, string>;
  env: Record<string, string>;
  path: string[];
  summary: string;
}

/** Empty files for one step, in `dir`. */
export function createFileCommands(dir: string, stepKey: string): FileCommandPaths {
  mkdirSync(dir, { recursive: true });
  const file = (name: string) => {
    const path = join(dir, `${stepKey}-${name}`);
    writeFileSync(path, '');
    return path;
  };
  return {
    GITHUB_OUTPUT: file('output'),
    GITHUB_STATE: file('state'),
    GITHUB_ENV: file('env'),
    GITHUB_PATH: file('path'),
    GITHUB_STEP_SUMMARY: file('summary.md'),
  };
}

export function readFileCommands(paths: FileCommandPaths): FileCommandResults {
  return {
    outputs: parseKeyValueFile(readFileSync(paths.GITHUB_OUTPUT, 'utf8'), 'GITHUB_OUTPUT'),
    state: parseKeyValueFile(readFileSync(paths.GITHUB_STATE, 'utf8'), 'GITHUB_STATE'),
    env: parseKeyValueFile(readFileSync(paths.GITHUB_ENV, 'utf8'), 'GITHUB_ENV'),
    path: readFileSync(paths.GITHUB_PATH, 'utf8')
      .split(/\r?\n/)
      .filter((line) => line.trim() !== ''),
    summary: readFileSync(paths.GITHUB_STEP_SUMMARY, 'utf8'),
  };
}

/** Parses `name=value` lines and `name<<DELIM` heredocs; a malformed file is an error, as on GitHub. */
export function parseKeyValueFile(text: string, fileName: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    const equals = line.indexOf('=');
    if (heredoc && (equals === -1 || equals > line.indexOf('<<'))) {
      const [, name = '', delimiter = ''] = heredoc;
      const value: string[] = [];
      let closed = false;
      for (i++; i < lines.length; i++) {
        if (lines[i] === delimiter) {
          closed = true;
          break;
        }
        value.push(lines[i] ?? '');
      }
      if (!closed) throw new Error(`${fileName}: no closing delimiter ${delimiter} for ${name}`);
      result[name] = value.join('\n');
    } else if (equals > 0) {
      result[line.slice(0, equals)] = line.slice(equals + 1);
    } else {
      throw new Error(`${fileName}: invalid line ${i + 1}: ${line}`);
    }
  }
  return result;
}
