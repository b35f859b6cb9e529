// An input that holds either the text itself or the path of a file with it (manifests, prediction
// requests, key files). One rule everywhere: a single line naming an existing file is a path, looked
// up in GITHUB_WORKSPACE and then the working directory; a single line that only looks like a path
// (by its extension) is a missing file; anything else is the text itself. A file outside the
// workspace (and RUNNER_TEMP) is refused, links followed (workspace-files.ts).

import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';

import { InputError } from '../odahu/errors.js';
import { outsideWorkspaceProblem } from './workspace-files.js';

export interface TextInputOptions {
  /** The action input, for messages. */
  inputName: string;
  /** A single line ending like this is a path even when no such file exists. */
  pathLike: RegExp;
  /** GITHUB_WORKSPACE is read from here. Default process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Default process.cwd(). */
  cwd?: string;
}

export interface TextInput {
  text: string;
  /** The path as given, or `inline <input>`. */
  source: string;
}

export function readTextInput(input: string, options: TextInputOptions): TextInput {
  const value = input.trim();
  const { inputName } = options;
  if (value === '') throw new InputError([`${inputName} is empty`]);
  if (value.includes('\n')) return { text: input, source: `inline ${inputName}` };
  const candidates = candidatePaths(value, options);
  const found = candidates.find((path) => existsSync(path) && statSync(path).isFile());
  if (found) {
    const outside = outsideWorkspaceProblem(found, inputName, options);
    if (outside) throw new InputError([outside]);
    try {
      return { text: readFileSync(found, 'utf8'), source: value };
    } catch (error) {
      throw new InputError([`${value}: cannot read ${found}: ${(error as Error).message}`]);
    }
  }
  if (options.pathLike.test(value)) {
    throw new InputError([`${inputName}: file ${value} not found (looked for ${candidates.join(' and ')})`]);
  }
  return { text: input, source: `inline ${inputName}` };
}

/** Relative paths are looked up in GITHUB_WORKSPACE, then in the working directory. */
export function candidatePaths(path: string, options: Pick<TextInputOptions, 'env' | 'cwd'>): string[] {
  if (isAbsolute(path)) return [path];
  const workspace = (options.env ?? process.env).GITHUB_WORKSPACE;
  const roots = [workspace, options.cwd ?? process.cwd()].filter((root): root is string => !!root);
  return [...new Set(roots.map((root) => resolve(root, path)))];
}
