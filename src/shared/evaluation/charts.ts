// The picture of an evaluation, where a reader would rather look than read: for a regression the
// distribution of the two models' absolute errors (without labels: of their predictions), for a
// classification the share of each class's rows each model answered right (without labels: how often
// each answered each class). The candidate is the bars, the baseline the line. Made from the tally's
// sample of rows (tally.ts) and its per-class counts, so its cost does not grow with the dataset.

import type { Chart } from '../github/mermaid-chart.js';
import { formatNumber } from './gates.js';
import { ClassificationScore } from './metrics.js';
import type { EvaluationReport } from './report.js';
import type { Role, SampledRow, Tally } from './tally.js';

const BINS = 8;
const MAX_CLASSES_SHOWN = 12;

export function evaluationChart(report: EvaluationReport, tally: Tally): Chart | undefined {
  const roles: Role[] = report.baseline ? ['candidate', 'baseline'] : ['candidate'];
  const name = (role: Role) =>
    `${role} ${role === 'candidate' ? report.candidate.target : report.baseline!.target}`;
  const series = (role: Role, values: number[]) => ({ name: name(role), values });
  const labelled = report.labelColumn !== undefined;
  let made:
    { title: string; yTitle: string; categories: string[]; values: Record<Role, number[]> } | undefined;
  if (report.task === 'regression') {
    const valuesOf = (role: Role) => tally.sample.flatMap((row) => regressionValue(row, role, labelled));
    made = histogram(
      labelled ? 'Absolute error' : 'Prediction',
      roles,
      Object.fromEntries(roles.map((role) => [role, valuesOf(role)])) as Record<Role, number[]>,
      !labelled,
    );
  } else {
    made = labelled ? classRecall(roles, tally) : classShares(roles, tally.sample);
  }
  if (!made || made.categories.length === 0) return undefined;
  return {
    title: made.title,
    categories: made.categories,
    yTitle: made.yTitle,
    bars: series('candidate', made.values.candidate),
    ...(report.baseline ? { line: series('baseline', made.values.baseline) } : {}),
  };
}

function regressionValue(row: SampledRow, role: Role, labelled: boolean): number[] {
  const answer = row.answers[role];
  if (typeof answer !== 'number') return [];
  if (!labelled) return [answer];
  return typeof row.label === 'number' ? [Math.abs(answer - row.label)] : [];
}

/** Equal bins over both models' values (the top 1% folded into the last), as % of each model's rows. */
function histogram(
  what: string,
  roles: Role[],
  values: Record<Role, number[]>,
  fromMinimum: boolean,
): { title: string; yTitle: string; categories: string[]; values: Record<Role, number[]> } | undefined {
  const pooled = roles.flatMap((role) => values[role]).sort((a, b) => a - b);
  if (pooled.length === 0) return undefined;
  const lowest = fromMinimum ? pooled[Math.floor(pooled.length * 0.01)]! : 0;
  const high = pooled[Math.min(pooled.length - 1, Math.ceil(pooled.length * 0.99) - 1)]!;
  // Round bins (0.05, 0.1, 0.25...) starting at a multiple of their width, so the labels read well.
  const width = niceStep(high > lowest ? (high - lowest) / (BINS - 1) : 1);
  const low = Math.floor(lowest / width) * width;
  const edges = Array.from({ length: BINS }, (_, i) => low + i * width);
  const categories = edges.map((edge, i) =>
    i === BINS - 1 ? `≥ ${formatNumber(edge)}` : `${formatNumber(edge)}–${formatNumber(edge + width)}`,
  );
  const shares = (list: number[]) => {
    const counts = Array<number>(BINS).fill(0);
    for (const value of list) {
      counts[Math.max(0, Math.min(BINS - 1, Math.floor((value - low) / width)))]! += 1;
    }
    return counts.map((count) => (list.length > 0 ? (100 * count) / list.length : 0));
  };
  return {
    title: `${what}: % of rows per bin`,
    yTitle: '% of rows',
    categories,
    values: Object.fromEntries(roles.map((role) => [role, shares(values[role])])) as Record<Role, number[]>,
  };
}

/** The smallest of 1, 2, 2.5 and 5 times a power of ten that is at least `step`. */
function niceStep(step: number): number {
  const power = 10 ** Math.floor(Math.log10(step));
  return [1, 2, 2.5, 5, 10].map((m) => m * power).find((candidate) => candidate >= step * (1 - 1e-9))!;
}

/** The share of each class's rows answered right, the largest classes first. */
function classRecall(roles: Role[], tally: Tally) {
  const perRole = Object.fromEntries(
    roles.map((role) => {
      const score = tally.overall.models[role]?.score;
      return [role, score instanceof ClassificationScore ? score.perClass() : []];
    }),
  ) as Record<Role, ReturnType<ClassificationScore['perClass']>>;
  const classes = [...perRole.candidate]
    .sort((a, b) => b.rows - a.rows)
    .slice(0, MAX_CLASSES_SHOWN)
    .map((c) => c.name)
    .sort();
  return {
    title: 'Right answers: % of each class',
    yTitle: '% of the class',
    categories: classes.map((c) => `class ${c}`),
    values: Object.fromEntries(
      roles.map((role) => [
        role,
        classes.map((c) => 100 * (perRole[role].find((x) => x.name === c)?.recall ?? 0)),
      ]),
    ) as Record<Role, number[]>,
  };
}

/** How often each model answered each class (no labels to judge by). */
function classShares(roles: Role[], sample: SampledRow[]) {
  const counts = (role: Role) => {
    const map = new Map<string, number>();
    for (const row of sample) {
      const answer = row.answers[role];
      if (answer !== undefined) map.set(String(answer), (map.get(String(answer)) ?? 0) + 1);
    }
    return map;
  };
  const byRole = Object.fromEntries(roles.map((role) => [role, counts(role)])) as Record<
    Role,
    Map<string, number>
  >;
  const classes = [...byRole.candidate.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_CLASSES_SHOWN)
    .map(([name]) => name)
    .sort();
  const total = (role: Role) => [...byRole[role].values()].reduce((sum, n) => sum + n, 0) || 1;
  return {
    title: 'Answers: % of rows per class',
    yTitle: '% of rows',
    categories: classes.map((c) => `class ${c}`),
    values: Object.fromEntries(
      roles.map((role) => [role, classes.map((c) => (100 * (byRole[role].get(c) ?? 0)) / total(role))]),
    ) as Record<Role, number[]>,
  };
}
