// The check run that shows a parked phase on the run's commit (and so on its pull request): in
// progress with a link to the run that parked it and a Cancel button, then completed with what the
// step's summary would have shown had it waited (states, duration, artifact / image / URL, the log's
// last lines on failure). Its text is HTML like the report's: values from outside go through
// renderSection (untrusted-text.ts).

import { escapeHtml } from '../action/summary.js';
import type { SummaryRow } from '../action/summary.js';
import { PARKED } from '../action/run-phase.js';
import { PHASE_OF_KIND } from '../action/phases.js';
import { cutText, markdownText } from '../odahu/untrusted-text.js';
import type { GitHubApi } from './api.js';
import type { ParkedRecord, PhaseEnding, Repository } from './parked-store.js';
import { renderSection } from './report-section.js';

/** The identifier of the check run's button, which a `check_run` `requested_action` event names. */
export const CANCEL_ACTION = 'cancel';

export function checkRunName(record: Pick<ParkedRecord, 'kind' | 'id'>): string {
  return `odahu ${PHASE_OF_KIND[record.kind]!.noun} ${record.id}`;
}

export async function startCheckRun(
  api: GitHubApi,
  repository: Repository,
  record: ParkedRecord,
  headSha: string,
  externalId: string,
): Promise<number> {
  const { data } = await api.rest.checks.create({
    ...repository,
    name: checkRunName(record),
    head_sha: headSha,
    status: 'in_progress',
    started_at: new Date(record.parkedAt).toISOString(),
    details_url: record.run.url || undefined,
    external_id: externalId,
    output: checkRunOutput(record, undefined),
    actions: [
      { label: 'Cancel', description: 'Delete the phase and end this check', identifier: CANCEL_ACTION },
    ],
  });
  return data.id;
}

/** Completes the check run: the same call for the same ending says the same, so a repeat is harmless. */
export async function completeCheckRun(
  api: GitHubApi,
  repository: Repository,
  record: ParkedRecord,
  ending: PhaseEnding,
  note = '',
): Promise<void> {
  if (!record.checkRun) return;
  await api.rest.checks.update({
    ...repository,
    check_run_id: record.checkRun.id,
    status: 'completed',
    conclusion: ending.conclusion,
    completed_at: new Date(ending.endedAt).toISOString(),
    output: checkRunOutput(record, ending, note),
    // The button goes with the phase's end.
    actions: [],
  });
}

/** What the check says: one line, and the step's section as the report would show it. */
export function checkRunOutput(
  record: ParkedRecord,
  ending: PhaseEnding | undefined,
  note = '',
): { title: string; summary: string } {
  const phase = PHASE_OF_KIND[record.kind]!;
  const outputs = ending?.outputs ?? record.outputs;
  const state = ending?.state ?? record.outputs.state ?? '';
  const row: SummaryRow = {
    kind: phase.kind,
    id: record.id,
    action: ending ? `${record.action}, parked, resumed` : `${record.action}, parked`,
    state: ending ? state : `${PARKED} (${state || 'unknown'})`,
    durationMs: (ending?.endedAt ?? record.parkedAt) - record.parkedAt,
    outputs: Object.fromEntries(phase.keyOutputs.map((name) => [name, outputs[name] ?? ''])),
  };
  const rendered = renderSection({
    title: record.title,
    rows: [row],
    tables: ending?.logTail?.length
      ? [{ heading: 'Log, last lines', columns: ['line'], rows: ending.logTail.map((line) => [line]) }]
      : [],
    failure: ending && ending.conclusion !== 'success' ? (ending.reason ?? ending.conclusion) : undefined,
  });
  // Still running: neither ✅ nor ❌ yet.
  const section = ending ? rendered : rendered.replace(/^#### ✅ /, '#### ⏳ ');
  const parkedBy = record.run.url
    ? `Parked by <a href="${escapeHtml(record.run.url)}">run ${escapeHtml(record.run.id)}</a>`
    : `Parked by run ${escapeHtml(record.run.id)}`;
  const next = record.continuation
    ? `; on success, <code>${escapeHtml(record.continuation.workflow)}</code> runs on <code>${escapeHtml(record.continuation.ref)}</code>`
    : '';
  const summary = [`${parkedBy}${next}.`, '', section, ...(note ? ['', markdownText(note, 2000)] : [])].join(
    '\n',
  );
  const title = ending
    ? `${phase.noun} ${record.id}: ${ending.conclusion === 'success' ? state : (ending.reason ?? ending.conclusion)}`
    : `${phase.noun} ${record.id}: ${state || 'started'}, parked`;
  // A title is plain text, not markdown: one line, cut.
  return { title: cutText(title.replace(/\s+/g, ' ').trim(), 200), summary };
}
