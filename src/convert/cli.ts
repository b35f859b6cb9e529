// `odahu-actions convert DAG.py... [flags]`: Airflow DAGs that use Odahu's plugin, read statically,
// written as GitHub workflows with their manifests, a report of what each task became, and with
// --check the proof (schema, dependency graph, a dry run on the embedded emulator). Paths are
// relative to where the user stands. Exit 0 when done (and, with --check, proven), 1 when a DAG
// cannot be read or a check fails, 2 on bad usage. Flags are read by node:util's parseArgs.

import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { messageOf } from '../shared/thrown.js';
import type { DryRunStages } from './check.js';
import { checkConverted } from './check.js';
import { ConversionErrors, convertFiles, DEFAULT_ACTION_OWNER, writeConverted } from './convert.js';
import type { Report } from './report.js';
import { buildReport, reportMarkdown, reportText } from './report.js';

export const USAGE = `Usage: odahu-actions convert DAG.py... [flags]

Reads Airflow DAG files that use Odahu's plugin (never runs them) and writes, per DAG, a GitHub
workflow (.github/workflows/<dag_id>.yml), its manifests (odahu/<dag_id>/), and a report of what
each task became, what was not converted, and the secrets and variables to set.

  --out DIR            the repository to write into (default: the current directory)
  --report FILE        also write the report as FILE.json and FILE.md
  --check              prove the result: GitHub's schema, the DAG's dependencies, and a dry run
                       on the embedded Odahu emulator (placeholder secrets, not-converted steps
                       skipped, the connections the manifests name created as placeholders)
  --action-owner NAME  uses: NAME/odahu-actions/<action>@v1 (default: ${DEFAULT_ACTION_OWNER})
  --dags-folder DIR    where resource('file.yaml') looks (default: the DAG's folder, then the
                       repository root)
  --allow-todo         not-converted tasks become skipped steps instead of failing ones
  --help               this text
`;

const OPTIONS = {
  out: { type: 'string' },
  report: { type: 'string' },
  check: { type: 'boolean' },
  'action-owner': { type: 'string' },
  'dags-folder': { type: 'string' },
  'allow-todo': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface CommandIo {
  cwd: string;
  write: (text: string) => void;
  error: (text: string) => void;
  environment: NodeJS.ProcessEnv;
  /** --check's dry run: how its steps run (tests: in-process). */
  stages?: DryRunStages;
}

const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

/** The convert command; resolves to its exit code. */
export async function convertCommand(args: string[], io: CommandIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    io.error(
      `convert: ${(messageOf(error).split('\n')[0] ?? '').replace(/\. To specify.*$/, '')} (see --help)\n`,
    );
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.write(USAGE);
    return 0;
  }
  const problems: string[] = [];
  if (positionals.length === 0)
    problems.push('name at least one DAG file (odahu-actions convert dags/my_dag.py)');
  const owner = values['action-owner'] ?? DEFAULT_ACTION_OWNER;
  if (!OWNER.test(owner)) problems.push(`--action-owner ${owner}: not a GitHub user or organization name`);
  const outDir = resolve(io.cwd, values.out ?? '.');
  // Found before anything is read or written, not as a raw ENOTDIR halfway through the writing.
  if (statSync(outDir, { throwIfNoEntry: false })?.isDirectory() === false)
    problems.push(`--out ${values.out}: a file, not a folder to write the workflows into`);
  if (problems.length > 0) {
    for (const problem of problems) io.error(`convert: ${problem}\n`);
    return 2;
  }
  const options = {
    cwd: io.cwd,
    outDir,
    ...(values['dags-folder'] ? { dagsFolder: values['dags-folder'] } : {}),
    actionOwner: owner,
    actionRef: 'v1',
    allowTodo: values['allow-todo'] ?? false,
  };
  let converted;
  try {
    converted = await convertFiles(positionals, options);
  } catch (error) {
    if (!(error instanceof ConversionErrors)) throw error;
    for (const line of error.lines) io.error(`${line}\n`);
    return 1;
  }
  const written = writeConverted(converted, outDir);
  const report: Report = buildReport(converted);
  let exitCode = 0;
  if (values.check) {
    const checks = await checkConverted(converted, {
      outDir,
      write: io.write,
      environment: io.environment,
      ...(io.stages ? { stages: io.stages } : {}),
    });
    for (const dag of report.dags) {
      dag.check = checks.get(`${dag.file}:${dag.dagId}`) ?? [];
      if (dag.check.some((check) => !check.ok)) exitCode = 1;
    }
  }
  io.write(reportText(report));
  io.write(`wrote ${written.length} file${written.length === 1 ? '' : 's'} under ${outDir}\n`);
  if (values.report) {
    const base = resolve(io.cwd, values.report).replace(/\.(json|md)$/, '');
    mkdirSync(dirname(base), { recursive: true });
    writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(`${base}.md`, reportMarkdown(report));
    io.write(`report: ${base}.json, ${base}.md\n`);
  }
  if (values.check)
    io.write(exitCode === 0 ? '✓ check passed\n' : "✗ check failed (see each DAG's check above)\n");
  return exitCode;
}
