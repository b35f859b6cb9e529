// A bar chart (with an optional line over it) in Mermaid, which GitHub draws in comments and job
// summaries from a ```mermaid block, so a report needs no image host. Only what Mermaid's
// `xychart-beta` has had since it came (10.6; GitHub's renderer is newer): a title, the x axis's
// categories, the y axis's title and range, one `bar` and one `line` series. Two bar series would be
// drawn on top of each other, and series have no legend there: the second series is the line, and
// the caption under the chart says which is which. Labels are data: they are reduced to characters
// that cannot end a string, the block or the diagram.

export interface Chart {
  title: string;
  /** The x axis's categories, in order. */
  categories: string[];
  yTitle: string;
  bars: { name: string; values: number[] };
  /** A second series, drawn as a line over the bars. */
  line?: { name: string; values: number[] };
}

const MAX_LABEL = 24;
const MAX_CATEGORIES = 24;

/** Letters, digits and a few signs: no quote, backtick, bracket, angle bracket or line break. */
export function chartLabel(text: string, max = MAX_LABEL): string {
  const safe = text
    .replace(/[^\p{L}\p{N} .,:;=+\-_/()%#≤≥–]/gu, '_')
    .replace(/\s+/g, ' ')
    .trim();
  return safe.length > max ? `${safe.slice(0, max - 1)}…` : safe || '_';
}

function chartNumber(value: number): string {
  if (!Number.isFinite(value)) return '0';
  return String(Number(value.toPrecision(4)));
}

/** The chart as a fenced ```mermaid block, then its caption (HTML-escaped by `escape`). */
export function renderChart(chart: Chart, escape: (text: string) => string): string {
  const categories = chart.categories.slice(0, MAX_CATEGORIES);
  const n = categories.length;
  const values = (series: number[]) => series.slice(0, n);
  const all = [...values(chart.bars.values), ...values(chart.line?.values ?? [])].filter(Number.isFinite);
  const top = Math.max(1e-9, ...all);
  const lines = [
    '```mermaid',
    'xychart-beta',
    `  title "${chartLabel(chart.title, 60)}"`,
    `  x-axis [${categories.map((c) => `"${chartLabel(c)}"`).join(', ')}]`,
    `  y-axis "${chartLabel(chart.yTitle, 40)}" 0 --> ${chartNumber(niceCeiling(top))}`,
    `  bar [${values(chart.bars.values).map(chartNumber).join(', ')}]`,
    ...(chart.line ? [`  line [${values(chart.line.values).map(chartNumber).join(', ')}]`] : []),
    '```',
  ];
  const caption = chart.line
    ? `Bars: ${chart.bars.name}; line: ${chart.line.name}.`
    : `Bars: ${chart.bars.name}.`;
  return `${lines.join('\n')}\n\n<sub>${escape(caption)}</sub>`;
}

/** A round number at or above `value`, so the axis ends on a readable tick. */
function niceCeiling(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) {
    if (step * power >= value) return step * power;
  }
  return 10 * power;
}
