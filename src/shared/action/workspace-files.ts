// Where the files an input names may be: in the workspace (GITHUB_WORKSPACE, else the working
// directory) or in RUNNER_TEMP, where earlier steps write. A workflow that runs a pull request's
// manifests must not be made to read the runner's own files (a key, a token file) into an API call
// or an error message, nor to write over them. Symbolic links are followed before the check, so a
// link in the workspace that points out of it is refused too. A job that means to read or write
// elsewhere says so: ODAHU_ALLOW_FILES_OUTSIDE_WORKSPACE=true.

import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';

export const ALLOW_OUTSIDE_VARIABLE = 'ODAHU_ALLOW_FILES_OUTSIDE_WORKSPACE';

export interface FileRootsOptions {
  /** GITHUB_WORKSPACE, RUNNER_TEMP and ALLOW_OUTSIDE_VARIABLE are read from here. Default process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Default process.cwd(). */
  cwd?: string;
}

/** The folders files may be in, links resolved. */
export function fileRoots(options: FileRootsOptions = {}): string[] {
  const env = options.env ?? process.env;
  const roots = [env.GITHUB_WORKSPACE || options.cwd || process.cwd(), env.RUNNER_TEMP];
  return [...new Set(roots.filter((root): root is string => !!root && existsSync(root)).map(real))];
}

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

function inside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Why `path` may not be used (`read` an existing file, or `write` one, whose folder must exist), or
 * undefined when it may. `what` names it in the message: `input output-file`.
 */
export function outsideWorkspaceProblem(
  path: string,
  what: string,
  options: FileRootsOptions = {},
): string | undefined {
  const env = options.env ?? process.env;
  if (/^true$/i.test(env[ALLOW_OUTSIDE_VARIABLE]?.trim() ?? '')) return undefined;
  // A file that exists is judged where its links lead; a new one by its folder.
  const resolved = existsSync(path)
    ? real(path)
    : resolve(real(dirname(path)), relative(dirname(path), path));
  const roots = fileRoots(options);
  if (roots.some((root) => inside(resolved, root))) return undefined;
  const lead = resolved === resolve(path) ? '' : ` (it leads to ${resolved})`;
  return (
    `${what}: ${path} is outside the workspace${lead}: files are read and written only in ` +
    `GITHUB_WORKSPACE or RUNNER_TEMP; set ${ALLOW_OUTSIDE_VARIABLE}: true in the job's env to allow it`
  );
}
