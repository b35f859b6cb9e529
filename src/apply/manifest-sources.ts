// Where the apply action's `manifests` input says its manifests are. Text with a `:` holds manifests
// (YAML always has one, JSON too), unless it is a single line naming an existing file; text without
// one is a list of files and globs in the workspace, one a line, as actions/cache takes its paths
// (@actions/glob: `**`, `!` to leave files out, `#` comments).

import { statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import * as glob from '@actions/glob';
import { candidatePaths } from '../shared/action/text-input.js';

export interface ManifestSources {
  /** Each is a path (one line) or the manifests themselves, as the manifest loader takes them. */
  inputs: string[];
  /** One line each: a file that is not there, a glob that matches nothing. */
  problems: string[];
}

const GLOB_CHARS = /[*?[]/;

export async function manifestSources(
  value: string,
  env: Readonly<Record<string, string | undefined>>,
  cwd = process.cwd(),
): Promise<ManifestSources> {
  const lines = value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const isList = !value.includes(':') && (lines.length > 1 || GLOB_CHARS.test(value));
  if (!isList) return { inputs: [value], problems: [] };

  const root = env.GITHUB_WORKSPACE || cwd;
  const excluded = lines.filter((line) => line.startsWith('!')).map((line) => line.slice(1).trim());
  const inputs: string[] = [];
  const problems: string[] = [];
  const add = (path: string) => {
    if (!inputs.includes(path)) inputs.push(path);
  };
  for (const line of lines.filter((l) => !l.startsWith('!'))) {
    if (GLOB_CHARS.test(line)) {
      const matches = await globFiles(line, excluded, root);
      if (matches.length === 0) problems.push(`input manifests: no file matches ${line} (in ${root})`);
      for (const file of matches) add(file);
      continue;
    }
    const candidates = candidatePaths(line, { env, cwd });
    const found = candidates.find((path) => statSync(path, { throwIfNoEntry: false })?.isFile());
    if (found) add(line);
    else if (candidates.some((path) => statSync(path, { throwIfNoEntry: false })?.isDirectory())) {
      problems.push(`input manifests: ${line} is a folder; name its files, or a glob such as ${line}/*.yaml`);
    } else {
      problems.push(`input manifests: file ${line} not found (looked for ${candidates.join(' and ')})`);
    }
  }
  return { inputs, problems };
}

/** The files a glob matches under root, less the excluded ones, sorted, as paths relative to root. */
async function globFiles(pattern: string, excluded: string[], root: string): Promise<string[]> {
  const rooted = (p: string) => (isAbsolute(p) ? p : join(escapeGlob(root), p));
  const patterns = [rooted(pattern), ...excluded.map((p) => `!${rooted(p)}`)];
  const globber = await glob.create(patterns.join('\n'), {
    matchDirectories: false,
    implicitDescendants: false,
  });
  const files = await globber.glob();
  return files.map((file) => (isAbsolute(pattern) ? file : relative(root, file))).sort();
}

/** A folder name taken literally inside a pattern. */
function escapeGlob(path: string): string {
  return path.replace(/[*?[]/g, (c) => `[${c}]`);
}
