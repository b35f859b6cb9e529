// The canary's part of the job summary and of the pull request's report: what became of the release,
// and one row per step with the figures it was judged on (weight, probes, failures, p95 latency,
// agreement).

import * as core from '@actions/core';
import { linkOrCode } from '../../shared/action/summary.js';
import { markdownCode, markdownText } from '../../shared/odahu/untrusted-text.js';
import { formatMs } from '../../shared/duration.js';
import { formatShare } from './checks.js';
import type { ReportTable } from '../../shared/github/report-section.js';
import type { GitHubReport } from '../../shared/github/step-report.js';
import type { CanaryOutcome, CanaryReport } from './rollout.js';

const STEP_COLUMNS = ['Weight', 'Probes', 'Failures', 'p95 latency', 'Agreement', 'Result'];

/** One row per step, as plain text: the job summary's and the pull request report's. */
function stepRows(report: CanaryReport): string[][] {
  return report.steps.map((step) => [
    `${step.weight}%`,
    String(step.probes),
    String(step.errors + step.slow),
    formatMs(step.p95LatencyMs),
    step.agreement === undefined ? '–' : formatShare(step.agreement),
    step.failed ? `failed the ${step.failed} check` : 'passed',
  ]);
}

export async function writeCanarySummary(report: CanaryReport): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY || !report.candidate) return;
  const header = STEP_COLUMNS.map((data) => ({ data, header: true }));
  const rows = stepRows(report);
  const summary = core.summary
    .addHeading(`Canary release of ${markdownCode(report.candidate)}`, 4)
    .addRaw(`<p>${outcomeText(report)}</p>`, true);
  if (rows.length > 0) summary.addTable([header, ...rows]);
  await summary.write();
}

function outcomeText(report: CanaryReport): string {
  // The URL and the ids the route names are the cluster's words.
  const url = linkOrCode(report.url);
  const code = (id: string | undefined) => markdownCode(id ?? '');
  switch (report.outcome) {
    case 'first-release':
      return `First release: ${url} serves ${code(report.candidate)}.`;
    case 'promoted':
      return `Promoted: ${url} serves ${code(report.candidate)} alone; the previous version ${code(report.previous)} was deleted.`;
    case 'unchanged':
      return `${url} serves ${code(report.candidate)} already: nothing to roll out.`;
    case 'rolled-back':
      return `Rolled back${report.serving ? `: ${url} serves ${code(report.serving)} again` : ''}.${report.failure ? ` Why: ${markdownText(report.failure, 1000)}` : ''}`;
    default:
      return `Stopped before a decision${report.serving ? `; ${url} serves ${code(report.serving)}` : ''}.`;
  }
}

const OUTCOMES: Record<CanaryOutcome, string> = {
  'first-release': 'first release',
  promoted: 'promoted',
  unchanged: 'already serving: nothing rolled out',
  'rolled-back': 'rolled back',
};

/** The stable URL and the release's steps, in the pull request's report. */
export function reportCanary(github: GitHubReport, report: CanaryReport): void {
  github.served(report.url);
  const table = canaryTable(report);
  if (table) github.addTable(table);
}

/** The release's steps as a report table; undefined before a version was chosen. */
function canaryTable(report: CanaryReport): ReportTable | undefined {
  if (!report.candidate) return undefined;
  const outcome = report.outcome ? OUTCOMES[report.outcome] : 'stopped before a decision';
  const serving = report.serving ? `; ${report.url} serves ${report.serving}` : '';
  return {
    heading: `Canary release of ${report.candidate}`,
    columns: STEP_COLUMNS,
    rows: stepRows(report),
    note: `${outcome}${serving}`,
  };
}
