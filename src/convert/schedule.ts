// A DAG's schedule (schedule_interval, schedule, or Airflow's default) as the workflow's `on:`
// schedule: cron strings as they are (GitHub reads them in UTC, as Airflow does unless the DAG has
// a timezone), Airflow's presets as the crons they stand for, a timedelta as a cron when one says the
// same, None and @once as no schedule (the workflow still runs on workflow_dispatch).

import type { Dag } from './dag.js';
import type { Value } from './values.js';
import { constantString, describe } from './values.js';

export interface Schedule {
  crons: string[];
  notes: string[];
  /** The schedule could not be written: why (the report names it with its line). */
  unresolved?: string;
}

const PRESETS: Record<string, string | null> = {
  '@once': null,
  '@continuous': null,
  '@hourly': '0 * * * *',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@weekly': '0 0 * * 0',
  '@monthly': '0 0 1 * *',
  '@quarterly': '0 0 1 */3 *',
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
};

export function scheduleOf(dag: Dag): Schedule {
  if (!dag.schedule) {
    // Airflow's default when a DAG names none (schedule_interval=timedelta(days=1)).
    return {
      crons: ['0 0 * * *'],
      notes: ['no schedule given: Airflow ran the DAG daily, so does the workflow (0 0 * * *)'],
    };
  }
  return fromValue(dag.schedule.value, dag.schedule.argument);
}

function fromValue(value: Value, argument: string): Schedule {
  if (value.kind === 'none')
    return { crons: [], notes: [`${argument}=None: runs only when started (workflow_dispatch)`] };
  if (value.kind === 'duration') return fromDuration(value.seconds);
  const given = constantString(value);
  if (given === undefined) return { crons: [], notes: [], unresolved: `${argument} is ${describe(value)}` };
  const text = given.trim();
  if (text in PRESETS) {
    const cron = PRESETS[text];
    if (cron === null || cron === undefined)
      return { crons: [], notes: [`${argument}=${text}: runs only when started (workflow_dispatch)`] };
    return { crons: [cron], notes: [`${text} is ${cron}`] };
  }
  const fields = text.split(/\s+/);
  if (fields.length === 5) {
    const notes =
      fields[0]!.includes('/') && /^\*\/[1-4]$/.test(fields[0]!)
        ? ['GitHub runs scheduled workflows at most every 5 minutes']
        : [];
    return { crons: [text], notes };
  }
  return {
    crons: [],
    notes: [],
    unresolved: `${argument}=${JSON.stringify(text)} is no cron expression GitHub reads (5 fields)`,
  };
}

function fromDuration(seconds: number): Schedule {
  const minutes = seconds / 60;
  const note = [
    `the interval was counted from start_date; the cron counts from the clock's hour and midnight (UTC)`,
  ];
  if (Number.isInteger(minutes) && minutes > 0 && minutes < 60 && 60 % minutes === 0) {
    return {
      crons: [`*/${minutes} * * * *`],
      notes: minutes < 5 ? [...note, 'GitHub runs scheduled workflows at most every 5 minutes'] : note,
    };
  }
  const hours = minutes / 60;
  if (Number.isInteger(hours) && hours >= 1 && hours < 24 && 24 % hours === 0) {
    return { crons: [hours === 1 ? '0 * * * *' : `0 */${hours} * * *`], notes: note };
  }
  if (hours === 24) return { crons: ['0 0 * * *'], notes: note };
  if (hours === 24 * 7) return { crons: ['0 0 * * 0'], notes: note };
  return { crons: [], notes: [], unresolved: `an interval of ${seconds} s has no cron that says the same` };
}
