// The report comment on a pull request: one per workflow, job and model, found again by a hidden
// marker on its first line and edited in place, so a re-run (or a new push) updates it instead of
// adding another. Each step that reports on the model (train, package, deploy, predict in the same
// job, or the pipeline's phases) has its own section in it, keyed by the step's id. A section
// remembers the run that wrote it: the first step of a new run starts the report afresh, so it never
// shows a step of an earlier run beside this run's (a re-run that fails in training shows no deploy).

import type { GitHubApi } from './api.js';

/** What makes a report comment: its workflow, job and model (a deployment id, or a model URL). */
export interface ReportKey {
  workflow: string;
  job: string;
  /** The deployment's id; a model URL where a step knows only that. */
  resource: string;
  /** The model's URL, once known: a step that knows only the URL finds the deployment's report by it. */
  url?: string;
}

export interface ReportSectionUpdate {
  /** The step's id in the job (stable across re-runs). */
  stepId: string;
  /** The run (its URL, attempt included) the step belongs to. */
  run: string;
  markdown: string;
}

const MARKER = 'odahu-actions:report';
const SECTION = 'odahu-actions:section';
const SECTION_END = 'odahu-actions:end';

/** Keys are URI-encoded in the marker, so no value can end the HTML comment or fake another field. */
export function reportMarker(key: ReportKey): string {
  const fields = Object.entries({
    workflow: key.workflow,
    job: key.job,
    resource: key.resource,
    url: key.url,
  })
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}=${encodeURIComponent(value!)}`);
  return `<!-- ${MARKER} ${fields.join(' ')} -->`;
}

/** The key in a comment's first line; undefined for any other comment (a quote of it included). */
export function parseReportMarker(body: string): ReportKey | undefined {
  const match = new RegExp(`^<!-- ${MARKER} ([^\\n]*?) -->`).exec(body);
  if (!match) return undefined;
  const fields = new Map<string, string>();
  for (const pair of match[1]!.split(' ')) {
    const [name, value] = pair.split('=', 2);
    if (!name || value === undefined) continue;
    try {
      fields.set(name, decodeURIComponent(value));
    } catch {
      return undefined;
    }
  }
  const [workflow, job, resource] = [fields.get('workflow'), fields.get('job'), fields.get('resource')];
  if (workflow === undefined || job === undefined || resource === undefined) return undefined;
  return { workflow, job, resource, url: fields.get('url') };
}

/** Same workflow and job, and the same model: by its id, or by its URL when the step has only that. */
export function sameReport(found: ReportKey, wanted: ReportKey): boolean {
  if (found.workflow !== wanted.workflow || found.job !== wanted.job) return false;
  const url = (text: string | undefined) => text?.replace(/\/+$/, '');
  return (
    found.resource === wanted.resource || (wanted.url !== undefined && url(found.url) === url(wanted.url))
  );
}

export interface Section {
  id: string;
  /** The run that wrote it; '' in a report of a version that did not say. */
  run: string;
  markdown: string;
}

/** The sections of a report's body, in order. */
export function sectionsOf(body: string): Section[] {
  const pattern = new RegExp(
    `<!-- ${SECTION} (\\S+)(?: run=(\\S+))? -->\\n([\\s\\S]*?)\\n<!-- ${SECTION_END} \\1 -->`,
    'g',
  );
  return [...body.matchAll(pattern)].map((match) => ({
    id: decodeURIComponent(match[1]!),
    run: decodeURIComponent(match[2] ?? ''),
    markdown: match[3]!,
  }));
}

/** GitHub refuses a comment longer than this (422). */
export const MAX_COMMENT_CHARS = 65_536;

/**
 * A report's whole body: the marker, the title, every section, the footer. Past GitHub's limit, the
 * longest sections give way, one at a time, to a line pointing at the run's job summary.
 */
export function reportBody(key: ReportKey, title: string, sections: Section[], footer: string): string {
  let shown = sections;
  let body = assemble(key, title, shown, footer);
  while (body.length > MAX_COMMENT_CHARS) {
    const longest = shown.reduce((a, b) => (b.markdown.length > a.markdown.length ? b : a));
    const note = "_This section is too long for a comment: the run's job summary has it._";
    if (longest.markdown.length <= note.length) break;
    const heading = longest.markdown.split('\n')[0] ?? '';
    shown = shown.map((section) =>
      section === longest ? { ...section, markdown: `${heading.slice(0, 200)}\n\n${note}` } : section,
    );
    body = assemble(key, title, shown, footer);
  }
  return body;
}

function assemble(key: ReportKey, title: string, sections: Section[], footer: string): string {
  return [
    reportMarker(key),
    `### ${title}`,
    '',
    ...sections.flatMap(({ id, run, markdown }) => [
      `<!-- ${SECTION} ${encodeURIComponent(id)}${run ? ` run=${encodeURIComponent(run)}` : ''} -->`,
      markdown,
      `<!-- ${SECTION_END} ${encodeURIComponent(id)} -->`,
      '',
    ]),
    footer,
  ].join('\n');
}

export interface PullRequestRef {
  owner: string;
  repo: string;
  number: number;
}

/**
 * Adds or replaces this step's section of the report for `key`, creating the comment the first
 * time. Answers what was done and the comment's page.
 */
export async function upsertReportSection(
  api: GitHubApi,
  pr: PullRequestRef,
  key: ReportKey,
  render: { title: (key: ReportKey) => string; footer: string },
  section: ReportSectionUpdate,
): Promise<{ action: 'created' | 'updated'; url: string }> {
  const { owner, repo } = pr;
  const comments = await api.paginate(api.rest.issues.listComments, {
    owner,
    repo,
    issue_number: pr.number,
    per_page: 100,
  });
  for (const comment of comments) {
    const found = comment.body ? parseReportMarker(comment.body) : undefined;
    if (!found || !sameReport(found, key)) continue;
    // The report keeps the model it was made for; a URL learnt since is added.
    const merged: ReportKey = { ...found, url: key.url ?? found.url };
    // This run's other steps are kept; an earlier run's are what this run replaces.
    const sections = sectionsOf(comment.body!).filter(({ run }) => run === section.run);
    const mine = { id: section.stepId, run: section.run, markdown: section.markdown };
    const at = sections.findIndex(({ id }) => id === section.stepId);
    if (at >= 0) sections[at] = mine;
    else sections.push(mine);
    const { data } = await api.rest.issues.updateComment({
      owner,
      repo,
      comment_id: comment.id,
      body: reportBody(merged, render.title(merged), sections, render.footer),
    });
    return { action: 'updated', url: data.html_url };
  }
  const { data } = await api.rest.issues.createComment({
    owner,
    repo,
    issue_number: pr.number,
    body: reportBody(
      key,
      render.title(key),
      [{ id: section.stepId, run: section.run, markdown: section.markdown }],
      render.footer,
    ),
  });
  return { action: 'created', url: data.html_url };
}
