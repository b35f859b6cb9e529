// The report action: the sections a pull request's run saved (saved-section.ts; downloaded from its
// artifact by actions/download-artifact), posted into that pull request's report comments with this
// run's write token. What the files say is the fork's to write, so each is checked (shape and sizes),
// rendered here with every value escaped, keyed by the workflow_run event's facts (the workflow, the
// run), and posted only to a pull request whose head is the commit that run ran on. Without a token
// (a local rehearsal) nothing is posted: the job summary shows what would be.

import * as core from '@actions/core';
import { logText, markdownCode, markdownText } from '../shared/odahu/untrusted-text.js';
import { escapeHtml } from '../shared/action/summary.js';
import { describeGitHubFailure, gitHubApi } from '../shared/github/api.js';
import type { GitHubApi } from '../shared/github/api.js';
import { upsertReportSection } from '../shared/github/pr-comment.js';
import { renderSection } from '../shared/github/report-section.js';
import { readSavedSections } from '../shared/github/saved-section.js';
import type { SavedSection } from '../shared/github/saved-section.js';
import { reportFooter, reportTitle } from '../shared/github/step-report.js';
import type { ReportInputs } from './inputs.js';

const PERMISSION = 'pull-requests: write';

interface Outcome {
  section: SavedSection;
  /** What became of it: posted (the comment's URL), or why not. */
  result: string;
}

export async function postSavedSections(inputs: ReportInputs): Promise<void> {
  const { folder, saving, run } = inputs;
  const { sections, problems } = readSavedSections(folder);
  for (const problem of problems) core.warning(logText(`${problem}: not posted`));
  if (sections.length === 0) {
    core.info(
      `Nothing to post: no report sections in ${folder} (the run ${saving.runUrl} saved none: its steps posted their reports themselves, or had pr-comment off)`,
    );
    core.setOutput('posted', '0');
    return;
  }
  if (!['pull_request', 'pull_request_target'].includes(saving.event)) {
    throw new Error(
      `the run ${saving.runUrl} was for ${saving.event || 'an unknown event'}, not a pull request: its sections are not posted`,
    );
  }
  const outcomes: Outcome[] = [];
  const connection =
    inputs.token && run.repository ? await gitHubApi({ token: inputs.token, apiUrl: run.apiUrl }) : undefined;
  try {
    if (!connection) {
      core.info(
        `github-token is empty (as github.token is outside GitHub's runners): nothing is posted; the ${sections.length} section(s) that would be are in the job summary.`,
      );
    }
    for (const [number, ofPullRequest] of groupByPullRequest(sections)) {
      const refusal = connection ? await headProblem(connection.api, inputs, number) : undefined;
      for (const section of ofPullRequest) {
        if (refusal) {
          core.warning(logText(`${section.section.title} (step ${section.stepId}): ${refusal}`));
          outcomes.push({ section, result: `not posted: ${refusal}` });
          continue;
        }
        outcomes.push({
          section,
          result: connection ? await post(connection.api, inputs, section) : 'not posted: no github-token',
        });
      }
    }
  } finally {
    connection?.dispose();
  }
  const posted = outcomes.filter((outcome) => outcome.result.startsWith('http')).length;
  core.setOutput('posted', String(posted));
  await writeReportSummary(inputs, outcomes);
}

function groupByPullRequest(sections: SavedSection[]): Map<number, SavedSection[]> {
  const groups = new Map<number, SavedSection[]>();
  for (const section of sections) {
    groups.set(section.pullRequest, [...(groups.get(section.pullRequest) ?? []), section]);
  }
  return groups;
}

/** Why sections may not go to pull request `number`: it is not the one the saving run ran for. */
async function headProblem(
  api: GitHubApi,
  inputs: ReportInputs,
  number: number,
): Promise<string | undefined> {
  const { owner, repo } = inputs.run.repository!;
  try {
    const { data } = await api.rest.pulls.get({ owner, repo, pull_number: number });
    if (data.head.sha === inputs.saving.headSha) return undefined;
    return `pull request #${number} is at ${data.head.sha.slice(0, 12)}, and the run ${inputs.saving.runUrl} ran on ${inputs.saving.headSha.slice(0, 12)}: a section goes only to the pull request its run was for (or it was pushed to since)`;
  } catch (error) {
    return describeGitHubFailure(error, `Reading pull request #${number}`, 'pull-requests: read');
  }
}

async function post(api: GitHubApi, inputs: ReportInputs, saved: SavedSection): Promise<string> {
  const { run, saving } = inputs;
  const key = { ...saved.key, workflow: saving.workflow || saved.key.workflow };
  const footer = reportFooter({
    workflowName: saving.workflowName,
    job: saved.key.job,
    runUrl: saving.runUrl,
    sha: saving.headSha,
  });
  try {
    const result = await upsertReportSection(
      api,
      { ...run.repository!, number: saved.pullRequest },
      key,
      { title: reportTitle, footer },
      { stepId: saved.stepId, run: saving.runUrl, markdown: render(saved) },
    );
    // The title and the step's id are the saved file's: a fork's to write.
    core.info(
      logText(
        `${saved.section.title} (step ${saved.stepId}) posted on pull request #${saved.pullRequest}, ${result.action}: ${result.url}`,
      ),
    );
    return result.url;
  } catch (error) {
    const line = describeGitHubFailure(error, `The report on pull request #${saved.pullRequest}`, PERMISSION);
    core.warning(line);
    return `not posted: ${line}`;
  }
}

/** The section as markdown, rendered here from its data (JSON's null is "absent"). */
function render(saved: SavedSection): string {
  const { section } = saved;
  return renderSection({ ...section, failure: section.failure ?? undefined, charts: section.charts ?? [] });
}

async function writeReportSummary(inputs: ReportInputs, outcomes: Outcome[]): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const summary = core.summary
    .addHeading('Odahu report', 3)
    .addRaw(
      `<p>Sections saved by <a href="${escapeHtml(inputs.saving.runUrl)}">${markdownText(inputs.saving.workflowName || 'the run')}</a> for its pull request:</p>`,
      true,
    );
  for (const { section, result } of outcomes) {
    const where = result.startsWith('http')
      ? `<a href="${escapeHtml(result)}">posted</a>`
      : markdownText(result, 1000);
    summary.addRaw(
      `<p><b>#${section.pullRequest}</b> · ${markdownCode(section.key.resource)} · step ${markdownCode(section.stepId)}: ${where}</p>\n\n${render(section)}\n`,
      true,
    );
  }
  await summary.write();
}
