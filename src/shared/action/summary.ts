// The job summary (GITHUB_STEP_SUMMARY): one table per step saying what it did to which resource,
// its final state, how long it took and the outputs worth seeing (the model URL for deploy).
// Values come from the server, so they are escaped; secrets never reach this module.

import * as core from '@actions/core';
import { formatDuration } from '../duration.js';

export interface SummaryRow {
  /** ModelTraining, ModelDeployment, ... */
  kind: string;
  id: string;
  /** What the step did: created, replaced, updated, reused, unchanged, waited, invoked... */
  action: string;
  state: string;
  durationMs: number;
  /** Output name → value, shown as `name: value` (URLs become links). */
  outputs: Record<string, string>;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function outputCell(outputs: Record<string, string>): string {
  return Object.entries(outputs)
    .filter(([, value]) => value !== '')
    .map(([name, value]) => {
      const shown = /^https?:\/\//.test(value)
        ? `<a href="${escapeHtml(value)}">${escapeHtml(value)}</a>`
        : `<code>${escapeHtml(value)}</code>`;
      return `${escapeHtml(name)}: ${shown}`;
    })
    .join('<br>');
}

export const SUMMARY_COLUMNS = ['Resource', 'Id', 'Action', 'State', 'Duration', 'Outputs'];

/** A row's cells as HTML, escaped: the job summary's, and the pull-request report's. */
export function summaryCells(row: SummaryRow): string[] {
  return [
    escapeHtml(row.kind),
    `<code>${escapeHtml(row.id)}</code>`,
    escapeHtml(row.action),
    escapeHtml(row.state),
    formatDuration(row.durationMs),
    outputCell(row.outputs),
    // core.summary writes an empty cell as a lone <td>, which breaks the table.
  ].map((cell) => cell || ' ');
}

/** Append the step's table to the job summary; a no-op where the runner gives no summary file. */
export async function writeSummary(title: string, rows: SummaryRow[]): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.debug('GITHUB_STEP_SUMMARY is not set: no job summary written');
    return;
  }
  const header = SUMMARY_COLUMNS.map((data) => ({ data, header: true }));
  await core.summary
    .addHeading(escapeHtml(title), 3)
    .addTable([header, ...rows.map(summaryCells)])
    .write();
}
