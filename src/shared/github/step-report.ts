// What a step tells GitHub, and when: with github-environment, a GitHub deployment from the moment
// the model's deployment starts until it serves (or fails); with pr-comment, the step's section of
// the pull request's report once it has ended, success or failure. The step's job summary rows are
// the report's; a step adds tables of its own (the prediction's first rows, a roll-out's steps).
// Nothing here fails the step: GitHub refusing (a missing permission) is one warning saying what to
// change; a pull request from a fork, whose run's token is read-only, gets its section saved for the
// report action to post from a workflow_run workflow (saved-section.ts). A cancelled step has seconds
// left before the runner's SIGTERM: the deployment record gets its final state the moment the cancel
// comes (beside whatever the step undoes), and every GitHub call stops when the step's cancel window
// closes.

import * as core from '@actions/core';
import { messageOf } from '../thrown.js';
import { runPhaseStep } from '../action/run-phase.js';
import type { PhaseRun } from '../action/run-phase.js';
import { cancelWindow } from '../action/step.js';
import type { StepContext } from '../action/step.js';
import type { SummaryRow } from '../action/summary.js';
import type { OdahuClient } from '../odahu/client.js';
import type { OdahuSettings } from '../odahu/settings.js';
import type { Resource } from '../odahu/types.js';
import { escapeHtml } from '../action/summary.js';
import { logText, markdownCode, markdownText } from '../odahu/untrusted-text.js';
import { ACTIONS_VERSION } from '../version.js';
import { describeGitHubFailure, gitHubApi, isRefusal } from './api.js';
import type { GitHubApi } from './api.js';
import { DeploymentRecord } from './deployment-record.js';
import { noReportLine } from './inputs.js';
import type { GitHubReportInputs } from './inputs.js';
import type { GitHubRun } from '../action/github-run.js';
import { upsertReportSection } from './pr-comment.js';
import type { ReportKey } from './pr-comment.js';
import { renderSection } from './report-section.js';
import type { ReportTable, StepSection } from './report-section.js';
import { saveSection, savedSectionsFolder } from './saved-section.js';
import type { SavedSection } from './saved-section.js';
import type { Chart } from './mermaid-chart.js';

const PR_PERMISSION = 'pull-requests: write';
const DEPLOYMENTS_PERMISSION = 'deployments: write';

export class GitHubReport {
  /** The step's job-summary rows: what runs push there, the report shows. */
  readonly rows: SummaryRow[] = [];
  private readonly tables: ReportTable[] = [];
  private readonly charts: Chart[] = [];
  /** Made on the first call to GitHub. */
  private connection: Promise<{ api: GitHubApi; dispose(): void }> | undefined;
  private record: DeploymentRecord | undefined;
  /** The record's creation and in_progress status, while under way. */
  private recording: Promise<void> | undefined;
  /** The record's final state, set when the step was cancelled. */
  private endedOnCancel: Promise<void> | undefined;
  /** Aborts when a cancelled step's time is up: every call to GitHub stops then. */
  private readonly window: AbortSignal;
  /** The model's URL, once known. */
  private url: string | undefined;
  private servedNote = '';

  constructor(
    private readonly ctx: StepContext,
    private readonly inputs: GitHubReportInputs,
    /** `Odahu deploy`: the section's title, as the job summary's. */
    private readonly title: string,
    /** The model the report is about: its deployment id, or its URL where that is all the step has. */
    private readonly resource: string,
  ) {
    this.window = cancelWindow(ctx);
  }

  /** The API, when something is to be told to GitHub. */
  private api(): Promise<GitHubApi> | undefined {
    const options = this.inputs.api;
    if (!options) return undefined;
    this.connection ??= gitHubApi(options, { signal: this.window });
    return this.connection.then(({ api }) => api);
  }

  addTable(table: ReportTable): void {
    this.tables.push(table);
  }

  addChart(chart: Chart): void {
    this.charts.push(chart);
  }

  /** The model serves at `url`; `note` says how far the step saw it (e.g. not waited for). */
  served(url: string | undefined, note = ''): void {
    this.url = url || this.url;
    this.servedNote = note;
  }

  /** The model's deployment starts: with github-environment, a GitHub deployment records it. */
  async deploying(deploymentId: string): Promise<void> {
    this.recording = this.startRecord(deploymentId);
    await this.recording;
  }

  private async startRecord(deploymentId: string): Promise<void> {
    const { environment, run } = this.inputs;
    if (!environment || !run.repository) return;
    const api = this.api();
    if (!api) return;
    // A cancel stops these at once: the record's final state comes next (endOnCancel).
    const { signal } = this.ctx;
    try {
      this.record = await DeploymentRecord.create(
        await api,
        { ...run.repository, environment: environment.name, ref: environment.ref },
        run,
        deploymentId,
        signal,
      );
      // Kept even when this status is refused: the step's end still gives it a final state.
      await this.record.inProgress(deploymentId, signal);
      core.info(
        logText(
          `GitHub deployment ${this.record.id} in environment ${environment.name} (ref ${environment.ref}): in progress.`,
        ),
      );
    } catch (error) {
      if (signal.aborted) return;
      core.warning(describeGitHubFailure(error, 'Recording a GitHub deployment', DEPLOYMENTS_PERMISSION));
    }
  }

  /**
   * Runs the step's work, then reports how it went; the work's failure is the step's. A cancel sets
   * the deployment record's final state at once, while the work undoes what it started.
   */
  async around(work: () => Promise<void>): Promise<void> {
    const onCancel = (): void => {
      this.endedOnCancel ??= this.endOnCancel();
    };
    if (this.ctx.signal.aborted) onCancel();
    else this.ctx.signal.addEventListener('abort', onCancel, { once: true });
    try {
      await work();
    } catch (error) {
      await this.finish(messageOf(error));
      throw error;
    } finally {
      this.ctx.signal.removeEventListener('abort', onCancel);
    }
    await this.finish(undefined);
  }

  /** The record's end, as soon as the step is cancelled (its creation, if under way, stopped first). */
  private async endOnCancel(): Promise<void> {
    await this.recording?.catch(() => undefined);
    await this.endRecord('cancelled');
  }

  private async finish(failure: string | undefined): Promise<void> {
    try {
      await (this.endedOnCancel ?? this.endRecord(failure));
      await this.comment(failure);
    } finally {
      // A connection that never came (its failure was a warning already) has nothing to close.
      await this.connection?.then(
        (connection) => connection.dispose(),
        () => undefined,
      );
    }
  }

  private async endRecord(failure: string | undefined): Promise<void> {
    const record = this.record;
    if (!record) return;
    const state = failure === undefined ? 'success' : 'failure';
    try {
      if (failure === undefined) {
        const where = this.url ? `serves at ${this.url}` : 'is deployed';
        await record.succeeded(
          this.url,
          `${this.resource} ${where}${this.servedNote ? ` (${this.servedNote})` : ''}`,
        );
      } else {
        await record.failed(failure);
      }
      core.info(
        logText(`GitHub deployment ${record.id}: ${state}${this.url && !failure ? `, ${this.url}` : ''}.`),
      );
    } catch (error) {
      core.warning(
        describeGitHubFailure(
          error,
          `Setting GitHub deployment ${record.id} to ${state}`,
          DEPLOYMENTS_PERMISSION,
        ),
      );
    }
  }

  private async comment(failure: string | undefined): Promise<void> {
    const target = this.inputs.prComment;
    if (!target) return;
    if ('skipped' in target) {
      core.info(noReportLine(target.skipped));
      return;
    }
    const { run } = this.inputs;
    const { pullRequest } = target;
    const key: ReportKey = {
      workflow: run.workflow ?? '',
      job: run.job ?? '',
      resource: this.resource,
      url: this.url,
    };
    const section: StepSection = {
      title: this.title,
      rows: this.rows,
      tables: this.tables,
      charts: this.charts,
      failure,
    };
    const saved = {
      pullRequest: pullRequest.number,
      headSha: pullRequest.headSha,
      key,
      stepId: run.step ?? this.title,
      run: run.runUrl ?? '',
      section,
    };
    const api = this.api();
    if (!api || !run.repository) {
      // Only a fork's pull request comes this far without a token (inputs.ts).
      this.save(saved, 'this pull request comes from a fork, and there is no token to comment with');
      return;
    }
    try {
      const result = await upsertReportSection(
        await api,
        { ...run.repository, number: pullRequest.number },
        key,
        { title: reportTitle, footer: this.footer() },
        { stepId: saved.stepId, run: saved.run, markdown: renderSection(section) },
      );
      core.info(logText(`Report on pull request #${pullRequest.number} ${result.action}: ${result.url}`));
    } catch (error) {
      if (pullRequest.fromFork && isRefusal(error)) {
        this.save(saved, 'this pull request comes from a fork, whose token is read-only');
        return;
      }
      core.warning(
        describeGitHubFailure(error, `The report on pull request #${pullRequest.number}`, PR_PERMISSION),
      );
    }
  }

  /**
   * The section saved for the report action to post from a workflow_run workflow (saved-section.ts),
   * and one line saying where it is and what posts it.
   */
  private save(saved: Omit<SavedSection, 'format' | 'version' | 'savedAt'>, why: string): void {
    const folder = savedSectionsFolder();
    try {
      saveSection(folder, saved);
      core.info(
        `pr-comment: ${why}: the report section is saved in ${folder} for the report action to post from a workflow_run workflow (upload that folder with actions/upload-artifact; see the report action's README).`,
      );
    } catch (error) {
      core.warning(
        `pr-comment: ${why}, and the report section could not be saved in ${folder}: ${messageOf(error)}`,
      );
    }
  }

  private footer(): string {
    return reportFooter(this.inputs.run);
  }
}

/** The report's last line: which workflow, job, run and commit wrote it, and when. */
export function reportFooter(run: Pick<GitHubRun, 'workflowName' | 'job' | 'runUrl' | 'sha'>): string {
  const parts = [
    run.workflowName && `workflow ${markdownCode(run.workflowName)}`,
    run.job && `job ${markdownCode(run.job)}`,
    run.runUrl && `<a href="${escapeHtml(run.runUrl)}">run</a>`,
    run.sha && `commit ${markdownCode(run.sha.slice(0, 12))}`,
    `odahu-actions ${ACTIONS_VERSION}`,
    `updated ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
  ];
  return `<sub>${parts.filter(Boolean).join(' · ')}</sub>`;
}

export function reportTitle(key: ReportKey): string {
  return /^https?:\/\//.test(key.resource)
    ? `Odahu model at ${markdownText(key.resource)}`
    : `Odahu model ${markdownCode(key.resource)}`;
}

/**
 * A step that runs one phase before the deployment (train, package): its job summary, and with
 * pr-comment its section of the report of pr-comment-model (the deployment's id, so that one comment
 * holds the whole model), else of its own resource.
 */
export async function reportedPhaseStep<R extends Resource<unknown, unknown>>(
  ctx: StepContext,
  inputs: { settings: OdahuSettings; github: GitHubReportInputs; manifest: { resource: R } },
  title: string,
  describe: (client: OdahuClient) => PhaseRun<R>,
): Promise<void> {
  const report = new GitHubReport(
    ctx,
    inputs.github,
    title,
    inputs.github.model ?? inputs.manifest.resource.id,
  );
  await report.around(async () => {
    await runPhaseStep(ctx, inputs.settings, title, describe, report.rows);
  });
}
