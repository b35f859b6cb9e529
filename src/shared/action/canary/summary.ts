// The canary's part of the job summary: what became of the release, and one row per step with the
// figures it was judged on (weight, probes, failures, p95 latency, agreement).

import * as core from '@actions/core';
import { escapeHtml } from '../summary.js';
import { formatMs, formatShare } from './checks.js';
import type { CanaryReport } from './rollout.js';

export async function writeCanarySummary(report: CanaryReport): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY || !report.candidate) return;
  const header = ['Weight', 'Probes', 'Failures', 'p95 latency', 'Agreement', 'Result'].map((data) => ({
    data,
    header: true,
  }));
  const rows = report.steps.map((step) => [
    `${step.weight}%`,
    String(step.probes),
    String(step.errors + step.slow),
    formatMs(step.p95LatencyMs),
    step.agreement === undefined ? '–' : formatShare(step.agreement),
    step.failed ? `failed the ${step.failed} check` : 'passed',
  ]);
  const summary = core.summary
    .addHeading(`Canary release of <code>${escapeHtml(report.candidate)}</code>`, 4)
    .addRaw(`<p>${outcomeText(report)}</p>`, true);
  if (rows.length > 0) summary.addTable([header, ...rows]);
  await summary.write();
}

function outcomeText(report: CanaryReport): string {
  const url = `<a href="${escapeHtml(report.url)}">${escapeHtml(report.url)}</a>`;
  const code = (id: string | undefined) => `<code>${escapeHtml(id ?? '')}</code>`;
  switch (report.outcome) {
    case 'first-release':
      return `First release: ${url} serves ${code(report.candidate)}.`;
    case 'promoted':
      return `Promoted: ${url} serves ${code(report.candidate)} alone; the previous version ${code(report.previous)} was deleted.`;
    case 'unchanged':
      return `${url} serves ${code(report.candidate)} already: nothing to roll out.`;
    case 'rolled-back':
      return `Rolled back${report.serving ? `: ${url} serves ${code(report.serving)} again` : ''}. ${escapeHtml(report.failure ?? '')}`;
    default:
      return `Stopped before a decision${report.serving ? `; ${url} serves ${code(report.serving)}` : ''}.`;
  }
}
