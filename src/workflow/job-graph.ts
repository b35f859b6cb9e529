// The jobs of a run and how they depend on each other: each job's needs (only those in the run: with
// --job, the one job's needs are not run), its ancestors (its needs, their needs, ...), whose results
// the status functions of its `if:` look at, and an order that puts every job after its needs
// (file order otherwise). The parser has already refused cycles and unknown needs.

import type { SelectedJob } from './workflow-file.js';

export class JobGraph {
  /** The jobs, each after its needs; file order among jobs that do not depend on each other. */
  readonly order: SelectedJob[] = [];
  private readonly byId = new Map<string, SelectedJob>();

  constructor(jobs: SelectedJob[]) {
    for (const job of jobs) this.byId.set(job.id, job);
    const placed = new Set<string>();
    while (this.order.length < jobs.length) {
      const ready = jobs.filter(
        (job) => !placed.has(job.id) && this.needs(job.id).every((id) => placed.has(id)),
      );
      if (ready.length === 0)
        throw new Error(
          `the needs of ${jobs
            .filter((job) => !placed.has(job.id))
            .map((job) => job.id)
            .join(', ')} form a cycle`,
        );
      for (const job of ready) {
        placed.add(job.id);
        this.order.push(job);
      }
    }
  }

  /** The job's needs that are part of this run. */
  needs(id: string): string[] {
    const job = this.byId.get(id);
    return (job?.job.needs ?? []).map((need) => need.value).filter((need) => this.byId.has(need));
  }

  /** Its needs, their needs, and so on. */
  ancestors(id: string): Set<string> {
    const found = new Set<string>();
    const visit = (of: string) => {
      for (const need of this.needs(of)) {
        if (found.has(need)) continue;
        found.add(need);
        visit(need);
      }
    };
    visit(id);
    return found;
  }
}
