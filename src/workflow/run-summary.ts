// The run's job summary: one Markdown file per run (`.tmp/runs/<run-id>/summary.md`) holding every
// job's summary under the job's name, in the order the jobs started, as GitHub's run page shows them.
// A job's summary is every step's GITHUB_STEP_SUMMARY, in order; a job without one is left out.
// The file is rewritten as summaries arrive, so it is readable while the run goes on.

import { writeFileSync } from 'node:fs';

export interface JobSummary {
  append(markdown: string): void;
}

export class RunSummary {
  private readonly jobs: { name: string; parts: string[] }[] = [];

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

  private write(): void {
    const sections = this.jobs
      .filter((job) => job.parts.length > 0)
      .map((job) => `## ${job.name}\n\n${job.parts.join('\n')}`);
    writeFileSync(this.path, sections.join('\n'));
  }
}
