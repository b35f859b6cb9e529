// What one step says in the pull-request report: the job summary's rows (what was trained,
// packaged, deployed or asked: ids, states, durations, artifact, image, URL), further tables the
// step adds (the prediction's first rows, a roll-out's steps, an evaluation's metrics), charts, and
// the failure if it failed. HTML, as in the job summary: every value is escaped, and kept short (a
// comment holds 65,536 characters).

import { SUMMARY_COLUMNS, escapeHtml, summaryCells } from '../action/summary.js';
import type { SummaryRow } from '../action/summary.js';
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

/** Longer values are cut: the report is for reading, the job log has everything. */
const MAX_CELL = 300;
const MAX_TABLE_ROWS = 20;
const MAX_CHARTS = 2;

export function renderSection(section: StepSection): string {
  const mark = section.failure === undefined ? '✅' : '❌';
  const lines = [`#### ${mark} ${escapeHtml(section.title)}`, ''];
  if (section.rows.length > 0) {
    const rows = section.rows.map((row) => ({
      ...row,
      outputs: Object.fromEntries(Object.entries(row.outputs).map(([name, value]) => [name, cut(value)])),
    }));
    lines.push(htmlTable(SUMMARY_COLUMNS, rows.map(summaryCells)), '');
  }
  for (const table of section.tables) {
    const note = table.note ? ` (${escapeHtml(table.note)})` : '';
    lines.push(`**${escapeHtml(table.heading)}**${note}`, '');
    const cells = table.rows.slice(0, MAX_TABLE_ROWS).map((row) => row.map((cell) => codeCell(cell)));
    lines.push(htmlTable(table.columns.map(escapeHtml), cells), '');
  }
  for (const chart of (section.charts ?? []).slice(0, MAX_CHARTS)) {
    lines.push(renderChart(chart, escapeHtml), '');
  }
  if (section.failure !== undefined) {
    lines.push(`**Failed:** ${escapeHtml(cut(section.failure))}`, '');
  }
  return lines.join('\n').trimEnd();
}

function htmlTable(header: string[], rows: string[][]): string {
  const row = (cells: string[], tag: 'th' | 'td') =>
    `<tr>${cells.map((cell) => `<${tag}>${cell}</${tag}>`).join('')}</tr>`;
  return `<table>${[row(header, 'th'), ...rows.map((cells) => row(cells, 'td'))].join('')}</table>`;
}

/** A value from a server or a model: in <code>, so no mention or reference is made of it. */
function codeCell(value: string): string {
  return value === '' ? ' ' : `<code>${escapeHtml(cut(value))}</code>`;
}

function cut(text: string): string {
  const line = text.replace(/\s*[\r\n]+\s*/g, ' ');
  return line.length > MAX_CELL ? `${line.slice(0, MAX_CELL)}…` : line;
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
