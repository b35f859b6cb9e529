// A step's report section saved as a file instead of posted, for pull requests from forks: their run's
// token is read-only (a comment is refused with 403), so, as GitHub recommends, the run keeps what it
// would post, the workflow uploads the folder as an artifact (actions/upload-artifact), and a
// workflow on `workflow_run` (which has a write token, and runs this repository's code, not the
// fork's) downloads it and posts it with the report action. Every action's section is saved the same
// way (GitHubReport). The file holds the section as data, not markdown: the report action renders it
// itself, every value escaped, after checking the file's shape and sizes, because a fork's run can
// write anything there.

import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SummaryRow } from '../action/summary.js';
import type { Chart } from './mermaid-chart.js';
import type { ReportKey } from './pr-comment.js';
import type { ReportTable, StepSection } from './report-section.js';
import { cutText } from '../odahu/untrusted-text.js';

/** The folder under RUNNER_TEMP where sections are saved, and the report action reads them. */
export const SAVED_SECTIONS_FOLDER = 'odahu-report';
const FORMAT = 'odahu-actions/report-section';
const VERSION = 1;

export interface SavedSection {
  format: typeof FORMAT;
  version: typeof VERSION;
  /** The pull request the section is for, and its head commit when the run started. */
  pullRequest: number;
  headSha: string;
  key: ReportKey;
  stepId: string;
  /** The run (its URL, attempt included) that wrote it. */
  run: string;
  /** When (ms since the epoch): sections are posted in the order their steps ended. */
  savedAt: number;
  section: StepSection;
}

/** Where a run saves its sections: $RUNNER_TEMP/odahu-report. */
export function savedSectionsFolder(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return join(env.RUNNER_TEMP ?? process.cwd(), SAVED_SECTIONS_FOLDER);
}

/** Writes the section; a re-run of the step in the same job replaces its file. Returns its path. */
export function saveSection(
  folder: string,
  saved: Omit<SavedSection, 'format' | 'version' | 'savedAt'>,
): string {
  mkdirSync(folder, { recursive: true });
  const digest = createHash('sha256')
    .update(JSON.stringify([saved.key.workflow, saved.key.job, saved.key.resource, saved.stepId]))
    .digest('hex')
    .slice(0, 12);
  const path = join(folder, `${saved.stepId.replace(/[^\w.-]+/g, '_').slice(0, 60)}-${digest}.json`);
  const file: SavedSection = {
    format: FORMAT,
    version: VERSION,
    ...saved,
    section: withinTextLimit(saved.section),
    savedAt: Date.now(),
  };
  writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);
  return path;
}

/**
 * The section with each value and the failure cut to what readSavedSections takes (a model's whole
 * answer may be one); a section shows a value cut shorter still (MAX_MARKDOWN_VALUE).
 */
function withinTextLimit(section: StepSection): StepSection {
  // Whole code points, two UTF-16 units at most each, and the `…`.
  const cut = (text: string) => cutText(text, LIMITS.text / 2 - 1);
  return {
    ...section,
    rows: section.rows.map((row) => ({
      ...row,
      outputs: Object.fromEntries(Object.entries(row.outputs).map(([name, value]) => [name, cut(value)])),
    })),
    tables: section.tables.map((table) => ({ ...table, rows: table.rows.map((cells) => cells.map(cut)) })),
    failure: section.failure === undefined ? undefined : cut(section.failure),
  };
}

/** Sizes a saved section may have: a report is for reading, and a comment holds 65,536 characters. */
const LIMITS = {
  fileBytes: 256 * 1024,
  text: 2000,
  rows: 50,
  tables: 10,
  columns: 20,
  charts: 2,
  categories: 24,
};

/** The sections in `folder` (its subfolders too: one per downloaded artifact), each checked, oldest first. */
export function readSavedSections(folder: string): { sections: SavedSection[]; problems: string[] } {
  const sections: SavedSection[] = [];
  const problems: string[] = [];
  for (const path of jsonFiles(folder)) {
    const shown = path.slice(folder.length + 1);
    if (statSync(path).size > LIMITS.fileBytes) {
      problems.push(`${shown}: larger than ${LIMITS.fileBytes / 1024} KB: not a report section`);
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      problems.push(`${shown}: not JSON`);
      continue;
    }
    const problem = sectionProblem(value);
    if (problem) problems.push(`${shown}: ${problem}`);
    else sections.push(value as SavedSection);
  }
  return { sections: sections.sort((a, b) => a.savedAt - b.savedAt), problems };
}

function jsonFiles(folder: string): string[] {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

type Check = (value: unknown) => string | undefined;

const text =
  (max = LIMITS.text): Check =>
  (value) =>
    typeof value !== 'string' ? 'not text' : value.length > max ? `longer than ${max} characters` : undefined;
const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined || value === null ? undefined : check(value);
const number: Check = (value) =>
  typeof value === 'number' && Number.isFinite(value) ? undefined : 'not a number';
const list =
  (item: Check, max: number): Check =>
  (value) => {
    if (!Array.isArray(value)) return 'not a list';
    if (value.length > max) return `more than ${max} items`;
    for (const [i, each] of value.entries()) {
      const problem = item(each);
      if (problem) return `[${i}] ${problem}`;
    }
    return undefined;
  };
const object =
  (fields: Record<string, Check>): Check =>
  (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object';
    for (const [name, check] of Object.entries(fields)) {
      const problem = check((value as Record<string, unknown>)[name]);
      if (problem) return `${name} ${problem}`;
    }
    return undefined;
  };
const map =
  (check: Check, max: number): Check =>
  (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object';
    const entries = Object.entries(value);
    if (entries.length > max) return `more than ${max} entries`;
    for (const [name, each] of entries) {
      const problem = text(100)(name) ?? check(each);
      if (problem) return `${name.slice(0, 40)} ${problem}`;
    }
    return undefined;
  };

const ROW: Check = object({
  kind: text(100),
  id: text(300),
  action: text(300),
  state: text(100),
  durationMs: number,
  outputs: map(text(), 20),
} satisfies Record<keyof SummaryRow, Check>);

const TABLE: Check = object({
  heading: text(200),
  columns: list(text(100), LIMITS.columns),
  rows: list(list(text(), LIMITS.columns), LIMITS.rows),
  note: optional(text(300)),
} satisfies Record<keyof ReportTable, Check>);

const SERIES = object({ name: text(200), values: list(number, LIMITS.categories) });
const CHART: Check = object({
  title: text(200),
  categories: list(text(100), LIMITS.categories),
  yTitle: text(100),
  bars: SERIES,
  line: optional(SERIES),
} satisfies Record<keyof Chart, Check>);

const SECTION: Check = object({
  format: (value) => (value === FORMAT ? undefined : `is not ${FORMAT}`),
  version: (value) => (value === VERSION ? undefined : `${String(value)} is not ${VERSION}`),
  pullRequest: (value) =>
    typeof value === 'number' && Number.isInteger(value) && value > 0 ? undefined : 'not a number',
  headSha: (value) =>
    typeof value === 'string' && /^[0-9a-f]{40,64}$/.test(value) ? undefined : 'not a commit',
  key: object({ workflow: text(300), job: text(200), resource: text(300), url: optional(text(500)) }),
  stepId: text(200),
  run: text(500),
  savedAt: number,
  section: object({
    title: text(200),
    rows: list(ROW, LIMITS.rows),
    tables: list(TABLE, LIMITS.tables),
    charts: optional(list(CHART, LIMITS.charts)),
    failure: optional(text()),
  } satisfies Record<keyof StepSection, Check>),
});

function sectionProblem(value: unknown): string | undefined {
  return SECTION(value);
}
