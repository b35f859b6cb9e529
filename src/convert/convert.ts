// Converting DAG files, in memory first and then to disk: each file parsed (never run), its DAGs read,
// each DAG converted to a workflow with its manifests and request files; then everything written
// under the output root (.github/workflows/<dag_id>.yml, odahu/<dag_id>/...).

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gitRoot } from '../workflow/run-workflow.js';
import { ConversionError } from './conversion-error.js';
import { readDagFile } from './dag-file-reader.js';
import { parsePython } from './python-syntax.js';
import type { ConvertedDag } from './workflow.js';
import { convertDag } from './workflow.js';

export interface ConvertOptions {
  /** Where relative paths are from (the user's working directory). */
  cwd: string;
  /** The output root: the repository the workflows go into. */
  outDir: string;
  /** --dags-folder: where resource() finds a relative file; default the DAG's folder, then the repository root. */
  dagsFolder?: string;
  actionOwner: string;
  actionRef: string;
  allowTodo: boolean;
}

export interface ConvertedFile {
  /** The DAG file as messages show it. */
  file: string;
  dags: ConvertedDag[];
  /** What the reader noticed (a task outside any with-block, a relative import, ...). */
  notes: { line: number; text: string }[];
  /** Milliseconds the conversion of this file took. */
  ms: number;
}

export const DEFAULT_ACTION_OWNER = 'odahu';

/** One DAG file, converted in memory (nothing written). A file it cannot read throws ConversionError. */
export async function convertFile(path: string, options: ConvertOptions): Promise<ConvertedFile> {
  const started = performance.now();
  const absolute = resolve(options.cwd, path);
  const shown = relative(options.cwd, absolute) || absolute;
  let source: string;
  try {
    source = readFileSync(absolute, 'utf8');
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder: name its DAG files (dags/*.py)'
          : (error as Error).message;
    throw new ConversionError(`${shown}:1: cannot read the DAG file: ${reason}`);
  }
  const module = await parsePython(source, shown);
  const folders = options.dagsFolder
    ? [resolve(options.cwd, options.dagsFolder)]
    : [...new Set([dirname(absolute), gitRoot(dirname(absolute)) ?? options.outDir])];
  const read = readDagFile(module, source, {
    path: absolute,
    shown,
    resources: { folders, shownFolders: folders.map((folder) => relative(options.cwd, folder) || '.') },
  });
  const dags = read.dags.map((dag) =>
    convertDag(dag, {
      shown,
      outDir: options.outDir,
      actionOwner: options.actionOwner,
      actionRef: options.actionRef,
      allowTodo: options.allowTodo,
    }),
  );
  const taken = new Map<string, string>();
  for (const dag of dags) {
    const other = taken.get(dag.workflowPath);
    if (other)
      throw new ConversionError(
        `${shown}:${dag.dag.line}: DAG ${dag.dag.dagId} would overwrite ${dag.workflowPath} of ${other}`,
      );
    taken.set(dag.workflowPath, `${shown}:${dag.dag.line}`);
  }
  return { file: shown, dags, notes: read.notes, ms: performance.now() - started };
}

/** Every file, all read before anything is written: one unreadable file leaves nothing half-written. */
export async function convertFiles(paths: string[], options: ConvertOptions): Promise<ConvertedFile[]> {
  const converted: ConvertedFile[] = [];
  const problems: string[] = [];
  for (const path of paths) {
    try {
      converted.push(await convertFile(path, options));
    } catch (error) {
      if (!(error instanceof ConversionError)) throw error;
      problems.push(error.line);
    }
  }
  if (problems.length > 0) throw new ConversionErrors(problems);
  const workflows = new Map<string, string>();
  for (const file of converted) {
    for (const dag of file.dags) {
      const other = workflows.get(dag.workflowPath);
      if (other)
        problems.push(
          `${file.file}:${dag.dag.line}: DAG ${dag.dag.dagId} is also in ${other}: dag ids must be unique`,
        );
      workflows.set(dag.workflowPath, file.file);
    }
  }
  if (problems.length > 0) throw new ConversionErrors(problems);
  return converted;
}

export class ConversionErrors extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
    this.name = 'ConversionErrors';
  }
}

/** Writes every workflow and file under the output root; returns the paths written (relative to it). */
export function writeConverted(files: ConvertedFile[], outDir: string): string[] {
  const written: string[] = [];
  const write = (path: string, content: string) => {
    const target = join(outDir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    written.push(path);
  };
  for (const file of files) {
    for (const dag of file.dags) {
      write(dag.workflowPath, dag.workflow);
      for (const [path, content] of dag.files) write(path, content);
    }
  }
  return written;
}
