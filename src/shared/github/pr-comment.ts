// The report comment on a pull request: one per workflow, job and model, found again by a hidden
// marker on its first line and edited in place, so a re-run (or a new push) updates it instead of
// adding another. Each step that reports on the model (train, package, deploy, predict in the same
// job, or the pipeline's phases) has its own section in it, keyed by the step's id. A section
// remembers the run that wrote it: the first step of a new run starts the report afresh, so it never
// shows a step of an earlier run beside this run's (a re-run that fails in training shows no deploy).
// A comment is the report only if the token's own identity wrote it: anyone can copy the marker into
// a comment of theirs, and the report must never edit (and so vouch for) what someone else wrote.
// The comment stays under GitHub's 65,536 characters: sections that would not fit are left out, with
// a line saying so.

import type { GitHubApi } from './api.js';
import { tokenLogin } from './api.js';

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

/** GitHub refuses a comment body longer than this. */
export const MAX_COMMENT_CHARS = 65_536;

/** What stands for a section left out of a comment that would be too long. */
export const LEFT_OUT_SECTION =
  "_This step's section was left out: the comment would be longer than GitHub's 65,536 characters. The step's job summary has it._";

/** A section left out of a comment: its heading (which step) kept, then LEFT_OUT_SECTION. */
function leftOut(markdown: string): string {
  const heading = markdown.split('\n', 1)[0] ?? '';
  return heading.startsWith('#') ? `${heading.slice(0, 200)}\n\n${LEFT_OUT_SECTION}` : LEFT_OUT_SECTION;
}

/**
 * A report's whole body: the marker, the title, every section, the footer. Sections that would take
 * it over MAX_COMMENT_CHARS are left out (their heading kept), the longest first, `keep` (this
 * step's) last.
 */
export function reportBody(
  key: ReportKey,
  title: string,
  sections: Section[],
  footer: string,
  keep?: string,
): string {
  const render = (shown: Section[]) =>
    [
      reportMarker(key),
      `### ${title}`,
      '',
      ...shown.flatMap(({ id, run, markdown }) => [
        `<!-- ${SECTION} ${encodeURIComponent(id)}${run ? ` run=${encodeURIComponent(run)}` : ''} -->`,
        markdown,
        `<!-- ${SECTION_END} ${encodeURIComponent(id)} -->`,
        '',
      ]),
      footer,
    ].join('\n');
  const shown = [...sections];
  let body = render(shown);
  while (body.length > MAX_COMMENT_CHARS) {
    const candidates = shown
      .map((section, index) => ({ section, index }))
      .filter(({ section }) => !section.markdown.endsWith(LEFT_OUT_SECTION))
      .sort(
        (a, b) =>
          Number(a.section.id === keep) - Number(b.section.id === keep) ||
          b.section.markdown.length - a.section.markdown.length,
      );
    const longest = candidates[0];
    if (!longest) break;
    shown[longest.index] = { ...longest.section, markdown: leftOut(longest.section.markdown) };
    body = render(shown);
  }
  return body;
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
  const login = await tokenLogin(api);
  const comments = await api.paginate(api.rest.issues.listComments, {
    owner,
    repo,
    issue_number: pr.number,
    per_page: 100,
  });
  for (const comment of comments) {
    if (comment.user?.login !== login) continue;
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
      body: reportBody(merged, render.title(merged), sections, render.footer, section.stepId),
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
      section.stepId,
    ),
  });
  return { action: 'created', url: data.html_url };
}
