// Units into jobs: units that follow each other in a line (each the only one after the one before,
// and the only one before the next) stay one job, in order; where the DAG branches, or joins, a new
// job starts, with `needs` on the jobs of the units before it, so branches that can run at once do.

import type { Unit, UnitGraph } from './units.js';

export interface Job {
  id: string;
  units: Unit[];
  /** The jobs this one needs (those its first unit's upstream units are in). */
  needs: Job[];
}

export function buildJobs(graph: UnitGraph): { jobs: Job[]; jobOf: Map<Unit, Job> } {
  const jobs: Job[] = [];
  const jobOf = new Map<Unit, Job>();
  const ups = (unit: Unit) => graph.edges.filter(([, down]) => down === unit).map(([up]) => up);
  const downs = (unit: Unit) => graph.edges.filter(([up]) => up === unit).map(([, down]) => down);
  for (const unit of graph.units) {
    const before = ups(unit);
    const single = before.length === 1 ? before[0]! : undefined;
    const job = single && downs(single).length === 1 ? jobOf.get(single) : undefined;
    if (job && job.units[job.units.length - 1] === single) {
      job.units.push(unit);
      jobOf.set(unit, job);
      continue;
    }
    const created: Job = { id: unit.id, units: [unit], needs: [] };
    for (const up of before) {
      const need = jobOf.get(up)!;
      if (!created.needs.includes(need)) created.needs.push(need);
    }
    jobs.push(created);
    jobOf.set(unit, created);
  }
  return { jobs, jobOf };
}
