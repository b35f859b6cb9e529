// The job summary (GITHUB_STEP_SUMMARY): one table per step saying what it did to which resource,
// its final state, how long it took and the outputs worth seeing (the model URL for deploy).
// Values come from the server: they go through markdownText/markdownCode (untrusted-text.ts). A
// step's summary stays under GitHub's 1 MiB (a larger one is not shown at all): rows that would not
// fit are left out, with a line saying how many.

import { statSync } from 'node:fs';
import * as core from '@actions/core';
import { formatDuration } from '../duration.js';
import { MAX_MARKDOWN_VALUE, markdownCode, markdownText } from '../odahu/untrusted-text.js';

/** GitHub shows a step's summary only if it is at most this many bytes. */
export const MAX_STEP_SUMMARY_BYTES = 1024 * 1024;

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

/** A link only to an http(s) URL on one line; anything else is text. */
const LINK = /^https?:\/\/[^\s"'<>]+$/;

/** A value from outside: a link when it is an http(s) URL, else in <code>. */
export function linkOrCode(value: string): string {
  return LINK.test(value) && value.length <= MAX_MARKDOWN_VALUE
    ? `<a href="${escapeHtml(value)}">${markdownText(value)}</a>`
    : markdownCode(value);
}

function outputCell(outputs: Record<string, string>): string {
  return Object.entries(outputs)
    .filter(([, value]) => value !== '')
    .map(([name, value]) => `${escapeHtml(name)}: ${linkOrCode(value)}`)
    .join('<br>');
}

export const SUMMARY_COLUMNS = ['Resource', 'Id', 'Action', 'State', 'Duration', 'Outputs'];

/** A row's cells as HTML, escaped: the job summary's, and the pull-request report's. */
export function summaryCells(row: SummaryRow): string[] {
  return [
    escapeHtml(row.kind),
    markdownCode(row.id),
    escapeHtml(row.action),
    markdownText(row.state),
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
  const cells = rows.map(summaryCells);
  const room = MAX_STEP_SUMMARY_BYTES - summarySize() - 1024;
  let kept = cells.length;
  while (kept > 0 && tableBytes(cells.slice(0, kept)) > room) kept = Math.floor(kept / 2);
  const summary = core.summary.addHeading(escapeHtml(title), 3).addTable([header, ...cells.slice(0, kept)]);
  if (kept < cells.length) {
    summary.addRaw(
      `<p>${cells.length - kept} of ${cells.length} rows left out: GitHub shows a step's summary only up to 1 MiB.</p>`,
      true,
    );
  }
  await summary.write();
}

/** The bytes the step's summary file holds already (an earlier write of the same step). */
function summarySize(): number {
  const path = process.env.GITHUB_STEP_SUMMARY;
  return (path && statSync(path, { throwIfNoEntry: false })?.size) || 0;
}

function tableBytes(cells: string[][]): number {
  return Buffer.byteLength(cells.flat().join('<td></td>'), 'utf8') + 200;
}
