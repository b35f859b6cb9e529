// actions/upload-artifact and actions/download-artifact as this runner plays them: a run's artifacts
// are folders under its own (.tmp/runs/<run id>/artifacts/<name>), so a later run (a workflow_run
// workflow rehearsed with --event workflow_run) downloads what an earlier one uploaded, by its
// run-id as on GitHub. Their inputs are v4's, each read as GitHub's actions read them; the ones that
// only matter to GitHub's storage (retention-days, compression-level) are accepted and ignored.

import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import * as glob from '@actions/glob';

export type ArtifactVerb = 'upload' | 'download';

export interface ArtifactStepResult {
  outputs: Record<string, string>;
  /** What the step says, one line each. */
  lines: string[];
  /** A warning (if-no-files-found: warn). */
  warnings: string[];
}

/** Fails the step with this line. */
export class ArtifactError extends Error {}

export class RunArtifacts {
  constructor(
    /** .tmp/runs: every run's folder. */
    private readonly runsDir: string,
    private readonly runId: string,
  ) {}

  private folder(runId: string): string {
    return join(this.runsDir, runId, 'artifacts');
  }

  async upload(inputs: Record<string, string>, workspace: string): Promise<ArtifactStepResult> {
    const name = inputs.name?.trim() || 'artifact';
    if (/[":<>|*?\r\n\\/]/.test(name)) {
      throw new ArtifactError(
        `The artifact name is not valid: ${name}. It may not hold " : < > | * ? \\ / or line breaks`,
      );
    }
    const patterns = (inputs.path ?? '')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
    if (patterns.length === 0) throw new ArtifactError('Input required and not supplied: path');
    const { files, roots } = await findFiles(patterns, workspace, inputs['include-hidden-files'] === 'true');
    const lines: string[] = [];
    const warnings: string[] = [];
    if (files.length === 0) {
      const message = `No files were found with the provided path: ${patterns.join(', ')}. No artifacts will be uploaded.`;
      const mode = inputs['if-no-files-found']?.trim() || 'warn';
      if (mode === 'error') throw new ArtifactError(message);
      if (mode === 'warn') warnings.push(message);
      else lines.push(message);
      return { outputs: {}, lines, warnings };
    }
    const target = join(this.folder(this.runId), name);
    if (existsSync(target)) {
      if (inputs.overwrite !== 'true') {
        throw new ArtifactError(
          `Failed to create the artifact ${name}: an artifact with this name already exists on the workflow run (overwrite: true replaces it)`,
        );
      }
      rmSync(target, { recursive: true, force: true });
    }
    // As upload-artifact: the files keep their paths below the search paths' common folder.
    const root = commonFolder(roots);
    for (const file of files) {
      const to = join(target, relative(root, file));
      mkdirSync(dirname(to), { recursive: true });
      cpSync(file, to);
    }
    lines.push(
      `Uploaded ${files.length} file${files.length === 1 ? '' : 's'} as artifact ${name} (${relative(process.cwd(), target) || target}).`,
    );
    return {
      outputs: { 'artifact-id': String(readdirSync(this.folder(this.runId)).length), 'artifact-url': target },
      lines,
      warnings,
    };
  }

  download(inputs: Record<string, string>, workspace: string): ArtifactStepResult {
    const runId = inputs['run-id']?.trim() || this.runId;
    const folder = this.folder(runId);
    if (!existsSync(join(this.runsDir, runId))) {
      throw new ArtifactError(
        `Unable to download artifact(s): run ${runId} is not one of this machine's runs (${this.runsDir})`,
      );
    }
    const available = existsSync(folder) ? readdirSync(folder).sort() : [];
    const path = resolve(workspace, inputs.path?.trim() || '.');
    const name = inputs.name?.trim();
    const lines: string[] = [];
    if (name) {
      if (!available.includes(name)) {
        throw new ArtifactError(
          `Unable to download artifact(s): Artifact not found for name: ${name} (run ${runId} has ${available.join(', ') || 'none'})`,
        );
      }
      copyInto(join(folder, name), path);
      lines.push(`Artifact ${name} of run ${runId} downloaded to ${path}.`);
      return { outputs: { 'download-path': path }, lines, warnings: [] };
    }
    const pattern = inputs.pattern?.trim();
    const matching = pattern ? available.filter((each) => wildcard(pattern).test(each)) : available;
    const merge = inputs['merge-multiple'] === 'true';
    for (const each of matching) copyInto(join(folder, each), merge ? path : join(path, each));
    lines.push(
      matching.length === 0
        ? `No artifacts of run ${runId}${pattern ? ` match ${pattern}` : ''}: nothing downloaded.`
        : `${matching.length} artifact${matching.length === 1 ? '' : 's'} of run ${runId} (${matching.join(', ')}) downloaded to ${path}${merge ? ', merged' : ''}.`,
    );
    return { outputs: { 'download-path': path }, lines, warnings: [] };
  }
}

/**
 * The files the path lines name and the folders they are searched from, found by @actions/glob as
 * upload-artifact v4 finds them (a folder means all below it, `!` leaves out; hidden files are left
 * out unless asked for, as v4.4 does).
 */
async function findFiles(
  patterns: string[],
  workspace: string,
  hidden: boolean,
): Promise<{ files: string[]; roots: string[] }> {
  const rooted = patterns.map((line) =>
    line.startsWith('!') ? `!${resolve(workspace, line.slice(1))}` : resolve(workspace, line),
  );
  const globber = await glob.create(rooted.join('\n'), {
    implicitDescendants: true,
    matchDirectories: false,
    omitBrokenSymbolicLinks: true,
    excludeHiddenFiles: !hidden,
  });
  const files = [...new Set(await globber.glob())].sort();
  const roots = globber
    .getSearchPaths()
    .map((root) => (existsSync(root) && statSync(root).isFile() ? dirname(root) : root));
  return { files, roots };
}

function copyInto(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  cpSync(from, to, { recursive: true });
}

/** `odahu-report-*`: * is any run of characters, ? one. */
function wildcard(pattern: string): RegExp {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`);
}

function commonFolder(paths: string[]): string {
  if (paths.length === 0) return '/';
  let common = paths[0]!;
  for (const path of paths.slice(1)) {
    while (!(path === common || path.startsWith(`${common}${sep}`))) {
      const up = dirname(common);
      if (up === common) return common;
      common = up;
    }
  }
  return common;
}
