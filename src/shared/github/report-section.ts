// What one step says in the pull-request report: the job summary's rows (what was trained,
// packaged, deployed or asked: ids, states, durations, artifact, image, URL), further tables the
// step adds (the prediction's first rows, a roll-out's steps, an evaluation's metrics), its charts,
// and the failure if it failed. HTML, as in the job summary: every value from outside goes through
// markdownText/markdownCode (untrusted-text.ts), and a section is kept under MAX_SECTION_CHARS (a
// comment holds 65,536 characters, and holds the sections of a whole job): tables lose rows and
// columns first, each cut said in the table's note; a chart that does not fit is left out.

import { SUMMARY_COLUMNS, summaryCells } from '../action/summary.js';
import type { SummaryRow } from '../action/summary.js';
import { markdownCode, markdownText } from '../odahu/untrusted-text.js';
import { renderChart } from './mermaid-chart.js';
import type { Chart } from './mermaid-chart.js';

/** A table a step adds below its rows, e.g. the prediction's first rows or a roll-out's steps. */
export interface ReportTable {
  heading: string;
  columns: string[];
  rows: string[][];
  /** Shown after the heading, e.g. "first 5 of 120 rows". */
  note?: string;
}

export interface StepSection {
  /** `Odahu deploy`, `Odahu predict`... */
  title: string;
  rows: SummaryRow[];
  tables: ReportTable[];
  /** Drawn after the tables (Mermaid); absent in sections of steps that draw none. */
  charts?: Chart[];
  /** The step's failure, one line; undefined when it succeeded. */
  failure: string | undefined;
}

const MAX_TABLE_ROWS = 20;
const MAX_TABLE_COLUMNS = 20;
const MAX_CHARTS = 2;
/** A step's section at most; with the report's other sections, a comment stays under GitHub's limit. */
export const MAX_SECTION_CHARS = 16_000;

export function renderSection(section: StepSection): string {
  const mark = section.failure === undefined ? '✅' : '❌';
  // The title is ours, or a saved section's (a fork's to write): text, not markdown.
  const lines = [`#### ${mark} ${markdownText(section.title)}`, ''];
  const failure = section.failure === undefined ? [] : [`**Failed:** ${markdownText(section.failure)}`, ''];
  // What the tables may take: the section's budget less its heading and failure line.
  let budget = MAX_SECTION_CHARS - [...lines, ...failure].join('\n').length - 200;
  if (section.rows.length > 0) {
    const table = htmlTable(SUMMARY_COLUMNS, section.rows.map(summaryCells), budget);
    lines.push(table.html, ...(table.leftOut ? [`<sub>${table.leftOut}</sub>`] : []), '');
    budget -= table.html.length;
  }
  for (const table of section.tables) {
    const columns = table.columns.slice(0, MAX_TABLE_COLUMNS);
    const rows = table.rows.slice(0, MAX_TABLE_ROWS);
    const cuts = [
      table.note,
      columns.length < table.columns.length
        ? `first ${columns.length} of ${table.columns.length} columns`
        : '',
      rows.length < table.rows.length ? `first ${rows.length} of ${table.rows.length} rows shown` : '',
    ].filter(Boolean);
    const html = htmlTable(
      columns.map((column) => markdownText(column)),
      rows.map((row) => columns.map((_, i) => markdownCode(row[i] ?? ''))),
      budget,
    );
    const note = [...cuts, html.leftOut].filter(Boolean).join('; ');
    lines.push(
      `**${markdownText(table.heading)}**${note ? ` (${markdownText(note, 1000)})` : ''}`,
      '',
      html.html,
      '',
    );
    budget -= html.html.length;
  }
  for (const chart of (section.charts ?? []).slice(0, MAX_CHARTS)) {
    const drawn = renderChart(chart, (text) => markdownText(text, 1000));
    if (drawn.length > budget) continue;
    lines.push(drawn, '');
    budget -= drawn.length;
  }
  lines.push(...failure);
  return lines.join('\n').trimEnd();
}

/**
 * An HTML table on one line (a line break could end the HTML block), its rows as many as fit in
 * `budget` characters; `leftOut` says how many did not.
 */
function htmlTable(header: string[], rows: string[][], budget: number): { html: string; leftOut: string } {
  const row = (cells: string[], tag: 'th' | 'td') =>
    `<tr>${cells.map((cell) => `<${tag}>${cell}</${tag}>`).join('')}</tr>`;
  const shown = [row(header, 'th')];
  let length = shown[0]!.length + '<table></table>'.length;
  for (const cells of rows) {
    const next = row(cells, 'td');
    if (length + next.length > budget) break;
    shown.push(next);
    length += next.length;
  }
  const missing = rows.length - (shown.length - 1);
  const leftOut =
    missing > 0
      ? `${missing} more row${missing === 1 ? '' : 's'} left out to keep the comment under GitHub's limit`
      : '';
  return { html: `<table>${shown.join('')}</table>`, leftOut };
}

/** What serves: the image, and the model's name, version and replicas once the deployment is Ready. */
export function servedModelTable(image: string, outputs: Record<string, string> = {}): ReportTable {
  return {
    heading: 'Model',
    columns: ['Image', 'Name', 'Version', 'Available replicas'],
    rows: [
      [
        image,
        outputs['model-name'] ?? '',
        outputs['model-version'] ?? '',
        outputs['available-replicas'] ?? '',
      ],
    ],
  };
}

/**
 * The first rows of a prediction (odahu-ml-server's `{"prediction": [[...]], "columns": [...]}`);
 * undefined for an answer of another shape, which the summary shows as JSON anyway.
 */
export function predictionTable(body: unknown, shown = 5): ReportTable | undefined {
  const answer = body as { prediction?: unknown; columns?: unknown } | null;
  if (typeof answer !== 'object' || answer === null || !Array.isArray(answer.prediction)) return undefined;
  const rows = (answer.prediction as unknown[]).map((row): unknown[] =>
    Array.isArray(row) ? (row as unknown[]) : [row],
  );
  const width = Math.max(1, ...rows.map((row) => row.length));
  const named = Array.isArray(answer.columns) ? answer.columns.map(String) : [];
  const columns = Array.from({ length: width }, (_, i) => named[i] ?? `column ${i + 1}`);
  const total = rows.length;
  return {
    heading: 'Prediction',
    columns,
    rows: rows.slice(0, shown).map((row) => columns.map((_, i) => stringOf(row[i]))),
    note: total > shown ? `first ${shown} of ${total} rows` : `${total} row${total === 1 ? '' : 's'}`,
  };
}

function stringOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
