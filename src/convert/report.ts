// The conversion's report: for each DAG, every task and what it became (job and step, with its line),
// what was not converted and why, every secret, variable and input the workflow reads and how to set
// it, every value the converter could not know (with its line), what the cluster must already have,
// and, after --check, how each check went. Printed as text, written as JSON and Markdown.

import { logText, markdownCode } from '../shared/odahu/untrusted-text.js';
import type { ConvertedFile } from './convert.js';
import type { ConvertedDag } from './workflow.js';

export interface CheckResult {
  name: 'schema' | 'graph' | 'dry-run' | 'placeholders';
  ok: boolean;
  /** One line: what was checked and how it went. */
  summary: string;
  /** Lines naming each problem. */
  details: string[];
  /**
   * Lines the dry run's steps printed (the server's messages among them) and errors from the
   * emulator: data, shown only through src/shared/odahu/untrusted-text.ts.
   */
  printed?: string[];
}

export interface DagReport {
  file: string;
  dagId: string;
  line: number;
  workflow: string;
  files: string[];
  referenced: string[];
  jobs: { id: string; needs: string[]; steps: string[] }[];
  tasks: { taskId: string; line: number; className: string; job?: string; step?: string; becomes: string }[];
  notConverted: { taskId: string; line: number; className: string; step: string; skipped: boolean }[];
  secrets: { name: string; what: string; tasks: string[]; set: string }[];
  variables: { name: string; key: string; fallback?: string; lines: number[]; set: string }[];
  inputs: { name: string; key: string; fallback?: string; lines: number[] }[];
  unresolved: { line: number; source: string; why: string }[];
  clusterConnections: { id: string; role: string; manifest: string }[];
  notes: { line: number; text: string; step?: string }[];
  check?: CheckResult[];
}

export interface Report {
  dags: DagReport[];
  /** Milliseconds per file. */
  timings: { file: string; ms: number }[];
}

export function buildReport(files: ConvertedFile[]): Report {
  const dags: DagReport[] = [];
  for (const file of files) {
    for (const dag of file.dags) dags.push(dagReport(file, dag));
  }
  return { dags, timings: files.map((file) => ({ file: file.file, ms: Math.round(file.ms) })) };
}

function dagReport(file: ConvertedFile, converted: ConvertedDag): DagReport {
  const { dag } = converted;
  const notes: DagReport['notes'] = [
    ...file.notes.filter((note) => dagOwnsLine(converted, note.line)).map((note) => ({ ...note })),
    ...converted.notes,
  ];
  for (const step of converted.steps) {
    const line =
      dag.tasks.find(
        (task) => converted.tasks.find((place) => place.step === step.id)?.taskId === task.taskId,
      )?.line ?? dag.line;
    for (const text of step.notes) notes.push({ line, text, step: step.id });
  }
  return {
    file: file.file,
    dagId: dag.dagId,
    line: dag.line,
    workflow: converted.workflowPath,
    files: [...converted.files.keys()],
    referenced: converted.referenced,
    jobs: converted.jobs,
    tasks: converted.tasks,
    notConverted: converted.steps
      .filter((step) => step.todo)
      .map((step) => {
        const place = converted.tasks.find((task) => task.step === step.id)!;
        return {
          taskId: place.taskId,
          line: place.line,
          className: place.className,
          step: step.id,
          skipped: step.if === 'false',
        };
      }),
    secrets: [...converted.secrets].map(([name, secret]) => ({
      name,
      ...secret,
      set: `gh secret set ${name}`,
    })),
    variables: [...converted.vars].map(([name, variable]) => ({
      name,
      ...variable,
      set: `gh variable set ${name} --body "$(airflow variables get ${variable.key})"`,
    })),
    inputs: [...converted.inputs].map(([name, input]) => ({ name, ...input })),
    unresolved: converted.unresolved.map(({ line, source, why }) => ({ line, source, why })),
    clusterConnections: converted.clusterConnections,
    notes,
  };
}

function dagOwnsLine(converted: ConvertedDag, line: number): boolean {
  return (
    converted.dag.tasks.some((task) => task.line <= line && line <= task.endLine) ||
    converted.dag.line === line
  );
}

const ROLE: Record<string, string> = {
  git: 'code repository (git)',
  storage: 'object storage',
  registry: 'image registry',
};

/** The report as printed: short lines, the things to do first. */
export function reportText(report: Report): string {
  const lines: string[] = [];
  for (const dag of report.dags) {
    const steps = dag.jobs.reduce((sum, job) => sum + job.steps.length, 0);
    lines.push(
      `${dag.file}:${dag.line}: DAG ${dag.dagId} → ${dag.workflow} (${dag.jobs.length} job${dag.jobs.length === 1 ? '' : 's'}, ${steps} step${steps === 1 ? '' : 's'})`,
    );
    for (const file of [...dag.files, ...dag.referenced.map((path) => `${path} (the DAG's own file)`)])
      lines.push(`  + ${file}`);
    lines.push('  tasks:');
    const width = Math.max(...dag.tasks.map((task) => task.taskId.length), 4);
    for (const task of dag.tasks) {
      const where = task.job ? `job ${task.job}, step ${task.step}` : '';
      lines.push(
        `    ${task.taskId.padEnd(width)}  line ${String(task.line).padEnd(4)} ${task.className} → ${task.becomes}${where ? `  (${where})` : ''}`,
      );
    }
    if (dag.notConverted.length > 0) {
      lines.push(
        `  not converted (${dag.notConverted.length}): each is a step that ${dag.notConverted.every((task) => task.skipped) ? 'is skipped (--allow-todo)' : 'fails until its work is done there'}:`,
      );
      for (const task of dag.notConverted)
        lines.push(`    ${task.taskId} (${task.className}, line ${task.line}): step ${task.step}`);
    }
    if (dag.secrets.length > 0) {
      lines.push('  secrets to set (gh secret set NAME, then paste the value):');
      for (const secret of dag.secrets) lines.push(`    ${secret.name}: ${secret.what}`);
    }
    if (dag.variables.length > 0) {
      lines.push('  variables to set (gh variable set NAME --body VALUE):');
      for (const variable of dag.variables) {
        lines.push(
          `    ${variable.name}: Airflow Variable ${variable.key} (line ${variable.lines.join(', ')})${variable.fallback !== undefined ? `, default ${variable.fallback}` : ''}`,
        );
      }
    }
    if (dag.inputs.length > 0) {
      lines.push('  workflow_dispatch inputs (from dag_run.conf):');
      for (const input of dag.inputs) {
        lines.push(
          `    ${input.name}: dag_run.conf['${input.key}'] (line ${input.lines.join(', ')})${input.fallback !== undefined ? `, default ${input.fallback}` : ', required'}`,
        );
      }
    }
    if (dag.unresolved.length > 0) {
      lines.push(
        `  UNRESOLVED (${dag.unresolved.length}): computed when the DAG runs; the workflow holds a placeholder for each:`,
      );
      for (const item of dag.unresolved)
        lines.push(`    line ${item.line}: ${item.source.split('\n')[0]}: ${item.why}`);
    }
    if (dag.clusterConnections.length > 0) {
      lines.push(
        '  the cluster must have these connections (the manifests name them; no step creates them):',
      );
      for (const connection of dag.clusterConnections)
        lines.push(
          `    ${connection.id}: ${ROLE[connection.role] ?? connection.role} (${connection.manifest})`,
        );
    }
    if (dag.notes.length > 0) {
      lines.push('  notes:');
      for (const note of dag.notes)
        lines.push(`    line ${note.line}${note.step ? ` (step ${note.step})` : ''}: ${note.text}`);
    }
    if (dag.check) {
      lines.push('  check:');
      for (const check of dag.check) {
        lines.push(`    ${check.ok ? '✓' : '✗'} ${check.summary}`);
        for (const detail of check.details) lines.push(`      ${detail}`);
        for (const line of check.printed ?? []) lines.push(`      | ${logText(line)}`);
      }
    }
    lines.push('');
  }
  return lines.join('\n');
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function reportMarkdown(report: Report): string {
  const lines: string[] = ['# Converted from Airflow', ''];
  for (const dag of report.dags) {
    lines.push(`## DAG \`${dag.dagId}\` (${dag.file}:${dag.line}) → \`${dag.workflow}\``, '');
    if (dag.check) {
      lines.push('### Check', '');
      for (const check of dag.check) {
        lines.push(`- ${check.ok ? '✅' : '❌'} ${cell(check.summary)}`);
        for (const detail of check.details) lines.push(`  - ${cell(detail)}`);
        for (const line of check.printed ?? []) lines.push(`  - ${markdownCode(line)}`);
      }
      lines.push('');
    }
    lines.push(
      '### Tasks',
      '',
      '| task | line | operator | became | job | step |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const task of dag.tasks) {
      lines.push(
        `| ${cell(task.taskId)} | ${task.line} | ${cell(task.className)} | ${cell(task.becomes)} | ${task.job ?? ''} | ${task.step ?? ''} |`,
      );
    }
    lines.push('');
    if (dag.notConverted.length > 0) {
      lines.push(
        '### Not converted',
        '',
        'Each is a step that fails with "not converted" (skipped with `--allow-todo`) and quotes the task\'s source: do its work there.',
        '',
      );
      for (const task of dag.notConverted)
        lines.push(`- \`${task.taskId}\` (${task.className}, line ${task.line}): step \`${task.step}\``);
      lines.push('');
    }
    if (dag.secrets.length > 0 || dag.variables.length > 0 || dag.inputs.length > 0) {
      lines.push(
        '### What the workflow reads',
        '',
        '| name | kind | what | how to set it |',
        '| --- | --- | --- | --- |',
      );
      for (const secret of dag.secrets)
        lines.push(`| \`${secret.name}\` | secret | ${cell(secret.what)} | \`${secret.set}\` |`);
      for (const variable of dag.variables) {
        lines.push(
          `| \`${variable.name}\` | variable | Airflow Variable \`${variable.key}\` (line ${variable.lines.join(', ')}) | \`${cell(variable.set)}\` |`,
        );
      }
      for (const input of dag.inputs) {
        lines.push(
          `| \`${input.name}\` | workflow_dispatch input | \`dag_run.conf['${input.key}']\`${input.fallback !== undefined ? `, default \`${input.fallback}\`` : ''} | \`gh workflow run ${dag.dagId}.yml -f ${input.name}=...\` |`,
        );
      }
      lines.push('');
    }
    if (dag.unresolved.length > 0) {
      lines.push(
        '### Unresolved',
        '',
        'Values the DAG computes when it runs. The workflow or a manifest holds a visible placeholder (`UNRESOLVED(...)` or `{UNRESOLVED_LINE_n}`) for each.',
        '',
      );
      for (const item of dag.unresolved)
        lines.push(`- line ${item.line}: \`${cell(item.source.split('\n')[0] ?? '')}\`: ${cell(item.why)}`);
      lines.push('');
    }
    if (dag.clusterConnections.length > 0) {
      lines.push('### What the cluster must have', '');
      for (const connection of dag.clusterConnections)
        lines.push(
          `- connection \`${connection.id}\`: ${ROLE[connection.role] ?? connection.role} (named in \`${connection.manifest}\`)`,
        );
      lines.push('');
    }
    if (dag.notes.length > 0) {
      lines.push('### Notes', '');
      for (const note of dag.notes)
        lines.push(`- line ${note.line}${note.step ? ` (step \`${note.step}\`)` : ''}: ${cell(note.text)}`);
      lines.push('');
    }
  }
  return lines.join('\n');
}
