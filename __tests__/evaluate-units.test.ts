// The evaluation's parts that need no model: the CSV reader (RFC 4180, chunk boundaries anywhere),
// the metrics against values scikit-learn gives, the gates' grammar and lines, the Mermaid chart's
// labels.

import { CsvParser, CsvSyntaxError } from '../src/shared/evaluation/csv.js';
import type { CsvRecord } from '../src/shared/evaluation/csv.js';
import { Agreement, ClassificationScore, RegressionScore } from '../src/shared/evaluation/metrics.js';
import { judgeGates, parseGates } from '../src/shared/evaluation/gates.js';
import type { GateFigures } from '../src/shared/evaluation/gates.js';
import { chartLabel, renderChart } from '../src/shared/github/mermaid-chart.js';
import { escapeHtml } from '../src/shared/action/summary.js';

/** The records of `text` fed in chunks of `size` characters. */
function parse(text: string, size = text.length || 1): CsvRecord[] {
  const parser = new CsvParser();
  const records: CsvRecord[] = [];
  for (let i = 0; i < text.length; i += size) records.push(...parser.push(text.slice(i, i + size)));
  records.push(...parser.end());
  return records;
}

describe('the CSV reader', () => {
  const text = '\uFEFFname,"note",n\r\nwine,"dry, ""red""\r\nfrom 2019",1\r\n\r\nbeer,,2\nlast,"x"';
  const expected = [
    { fields: ['name', 'note', 'n'], line: 1 },
    { fields: ['wine', 'dry, "red"\r\nfrom 2019', '1'], line: 2 },
    { fields: ['beer', '', '2'], line: 5 },
    { fields: ['last', 'x'], line: 6 },
  ];

  test('reads quotes, doubled quotes, line breaks in fields, blank lines; lines where records start', () => {
    expect(parse(text)).toEqual(expected);
  });

  test('gives the same records whatever the chunks', () => {
    for (const size of [1, 2, 3, 5, 7, 13]) expect(parse(text, size)).toEqual(expected);
  });

  test('keeps empty fields and a trailing comma; a lone quote inside an unquoted field is text', () => {
    expect(parse('a,,\n5" screen,b\n')).toEqual([
      { fields: ['a', '', ''], line: 1 },
      { fields: ['5" screen', 'b'], line: 2 },
    ]);
  });

  test('refuses text after a closing quote and a quote never closed, naming the line', () => {
    const error = (input: string) => {
      try {
        parse(input, 2);
      } catch (caught) {
        return caught instanceof CsvSyntaxError ? `${caught.line}: ${caught.message}` : String(caught);
      }
      return 'no error';
    };
    expect(error('a\n"b"c\n')).toBe(
      `2: text after a quoted field's closing quote (a quote inside a quoted field is written twice: "")`,
    );
    expect(error('a\nb\n"c\nd\n')).toBe('3: a quoted field is never closed');
  });
});

describe('metrics', () => {
  test('regression: rmse, mae, mse, r2 and max-error', () => {
    const score = new RegressionScore();
    [
      [1, 1],
      [2, 2],
      [3, 4],
    ].forEach(([y, p]) => score.add(y!, p!));
    expect(score.value('rmse')).toBeCloseTo(Math.sqrt(1 / 3));
    expect(score.value('mae')).toBeCloseTo(1 / 3);
    expect(score.value('mse')).toBeCloseTo(1 / 3);
    expect(score.value('r2')).toBeCloseTo(0.5);
    expect(score.value('max-error')).toBe(1);
    const constant = new RegressionScore();
    constant.add(2, 2);
    constant.add(2, 3);
    expect(constant.value('r2')).toBeUndefined();
  });

  test('classification: macro averages as scikit-learn computes them', () => {
    const score = new ClassificationScore();
    const truth = ['0', '0', '1', '1', '2'];
    const answers = ['0', '1', '1', '1', '0'];
    truth.forEach((label, i) => score.add(label, answers[i]!));
    expect(score.value('accuracy')).toBeCloseTo(0.6);
    expect(score.value('precision')).toBeCloseTo((0.5 + 2 / 3 + 0) / 3);
    expect(score.value('recall')).toBeCloseTo(0.5);
    expect(score.value('f1')).toBeCloseTo((0.5 + 0.8 + 0) / 3);
  });

  test('agreement: the same class, or numbers within the tolerance', () => {
    const numbers = new Agreement(0.1);
    numbers.add(1, 1.05);
    numbers.add(1, 1.2);
    expect(numbers.share).toBe(0.5);
    const classes = new Agreement(undefined);
    classes.add('a', 'a');
    expect(classes.share).toBe(1);
  });
});

describe('gates', () => {
  const context = { task: 'classification' as const, labelled: true, withBaseline: true, withSlices: true };

  test('parse every line, skipping comments and blanks', () => {
    const { gates, problems } = parseGates(
      '# quality\naccuracy >= 90%\n\nf1 regression ≤ 0.02  # at most 2 points worse\np95-latency < 1.5s\nfailed-rows <= 0\nrecall > 0.5 per slice',
      context,
    );
    expect(problems).toEqual([]);
    expect(gates.map((g) => [g.subject, g.regression, g.operator, g.threshold, g.perSlice])).toEqual([
      ['accuracy', false, '>=', 0.9, false],
      ['f1', true, '<=', 0.02, false],
      ['p95-latency', false, '<', 1500, false],
      ['failed-rows', false, '<=', 0, false],
      ['recall', false, '>', 0.5, true],
    ]);
  });

  test('judge: the failed line names the value, the threshold and the baseline', () => {
    const { gates } = parseGates('accuracy >= 0.9\naccuracy regression <= 0.01\nfailed-rows <= 1%', context);
    const metrics: Record<string, [number, number]> = { accuracy: [0.871, 0.902], 'failed-rows': [3, 0] };
    const figures: GateFigures = {
      rows: 200,
      name: '',
      candidate: (subject) => metrics[subject]?.[0],
      baseline: (subject) => metrics[subject]?.[1],
    };
    expect(judgeGates(gates, figures, []).map((result) => [result.passed, result.line])).toEqual([
      [false, 'accuracy 0.871 < 0.9 (baseline 0.902)'],
      [false, 'accuracy regression 0.031 > 0.01 (0.871 against baseline 0.902)'],
      [false, 'failed-rows 1.5% > 1% (baseline 0%)'],
    ]);
  });

  test('a metric that has no value fails its gate, saying why', () => {
    const { gates } = parseGates('accuracy >= 0.9', context);
    const none: GateFigures = { rows: 0, name: '', candidate: () => undefined, baseline: () => undefined };
    expect(judgeGates(gates, none, [])[0]!.line).toBe(
      'accuracy: no value for the candidate (no row answered)',
    );
  });
});

describe('Mermaid charts', () => {
  test('labels cannot end a string, the block or the diagram', () => {
    expect(chartLabel('a"b`c]\n```d<e>')).toBe('a_b_c_____d_e_');
    expect(chartLabel('x'.repeat(40))).toHaveLength(24);
  });

  test('an xychart-beta with a bar and a line series, and a caption naming them', () => {
    const markdown = renderChart(
      {
        title: 'Absolute error',
        categories: ['0–0.1', '≥ 0.1'],
        yTitle: '% of rows',
        bars: { name: 'candidate <b>', values: [80, 20] },
        line: { name: 'baseline', values: [90.12345, 9.87655] },
      },
      escapeHtml,
    );
    expect(markdown).toBe(
      [
        '```mermaid',
        'xychart-beta',
        '  title "Absolute error"',
        '  x-axis ["0–0.1", "≥ 0.1"]',
        '  y-axis "% of rows" 0 --> 100',
        '  bar [80, 20]',
        '  line [90.12, 9.877]',
        '```',
        '',
        '<sub>Bars: candidate &#60;b&#62;; line: baseline.</sub>',
      ].join('\n'),
    );
  });
});
