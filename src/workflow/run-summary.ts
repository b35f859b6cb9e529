// The run's job summary: one Markdown file per run (`<runs>/<run-id>/summary.md`). While the run goes
// on it holds every job's summary (every step's GITHUB_STEP_SUMMARY, in order) under the job's name,
// in the order the jobs started, so it is readable as it grows; when the run ends it opens with what
// a reader looks for first: a table of the jobs (result, duration, the failing step and its error),
// then a Mermaid gantt of the jobs and their steps, then the steps' own summaries.

import { writeFileSync } from 'node:fs';
import { formatDuration } from '../shared/duration.js';
import type { StepSpan } from './step-runner.js';

export interface JobSummary {
  append(markdown: string): void;
}

/** One job of the run as the summary's table and chart show it. */
export interface SummaryJob {
  name: string;
  /** What the run's last line says of it: succeeded, failed, cancelled, skipped. */
  result: string;
  startedAt?: number;
  durationMs?: number;
  failedStep?: string;
  error?: string;
  steps: StepSpan[];
}

export interface SummaryHead {
  title: string;
  /** The run's last line, without colours. */
  conclusion: string;
  /** When the run started (a chart without jobs has nothing to start from). */
  startedAt: number;
  jobs: SummaryJob[];
}

const RESULT_MARK: Record<string, string> = {
  succeeded: '✅ succeeded',
  failed: '❌ failed',
  cancelled: '⛔ cancelled',
  skipped: '⏭️ skipped',
};

/** Text for a table cell: one line, no pipe to break the table. */
function cell(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}

/** A name for a Mermaid task: what its grammar takes (no `:`, `#` or `;`). */
function task(text: string): string {
  return text.replace(/[:#;]/g, ' ').replace(/\s+/g, ' ').trim() || 'step';
}

export class RunSummary {
  private readonly jobs: { name: string; parts: string[] }[] = [];
  private head = '';

  constructor(readonly path: string) {
    writeFileSync(path, '');
  }

  /** The summary of a job that starts now, under `name`. */
  job(name: string): JobSummary {
    const job = { name, parts: [] as string[] };
    this.jobs.push(job);
    return {
      append: (markdown) => {
        job.parts.push(markdown.replace(/\n*$/, '\n'));
        this.write();
      },
    };
  }

  /** The run is over: the jobs' table and chart go first. */
  finish(head: SummaryHead): void {
    const rows = head.jobs.map((job) =>
      [
        cell(job.name),
        RESULT_MARK[job.result] ?? job.result,
        job.durationMs === undefined ? '' : formatDuration(job.durationMs, 1),
        cell(job.failedStep ?? ''),
        cell(job.error ?? ''),
      ].join(' | '),
    );
    const lines = [
      `# ${head.title}`,
      '',
      head.conclusion,
      '',
      '| job | result | duration | failing step | error |',
      '| --- | --- | ---: | --- | --- |',
      ...rows.map((row) => `| ${row} |`),
      '',
    ];
    const charted = head.jobs.filter((job) => job.startedAt !== undefined);
    if (charted.length > 0) {
      // From the first job's start: the chart is about the jobs, not the cluster's start-up.
      const start = Math.min(...charted.map((job) => job.startedAt ?? head.startedAt));
      lines.push('```mermaid', 'gantt', '  dateFormat x', '  axisFormat %M:%S');
      for (const job of charted) {
        lines.push(`  section ${task(job.name)}`);
        const at = (ms: number) => String(Math.max(0, ms - start));
        const end = (job.startedAt ?? 0) + (job.durationMs ?? 0);
        const status = job.result === 'succeeded' ? 'done' : job.result === 'failed' ? 'crit' : 'active';
        lines.push(
          `  job ${task(job.name)} :${status}, ${at(job.startedAt ?? 0)}, ${at(Math.max(end, (job.startedAt ?? 0) + 1))}`,
        );
        for (const step of job.steps) {
          const tag = step.outcome === 'success' ? '' : 'crit, ';
          lines.push(
            `  ${task(step.name)} :${tag}${at(step.startedAt)}, ${at(Math.max(step.endedAt, step.startedAt + 1))}`,
          );
        }
      }
      lines.push('```', '');
    }
    this.head = lines.join('\n');
    this.write();
  }

  private write(): void {
    const sections = this.jobs
      .filter((job) => job.parts.length > 0)
      .map((job) => `## ${job.name}\n\n${job.parts.join('\n')}`);
    writeFileSync(this.path, [this.head, ...sections].filter(Boolean).join('\n'));
  }
}
