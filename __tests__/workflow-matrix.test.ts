// strategy.matrix expanded as GitHub expands it: the cross product (first key slowest), exclude,
// include (added to the combinations it matches, later entries winning, else a combination of its
// own), matching by the expression language's == (case-insensitive strings, coerced numbers, nested
// values), names with the combination's values, fail-fast and max-parallel, and GitHub's refusals.

import type { JsonValue } from '../src/workflow/expressions.js';
import type { MatrixJob } from '../src/workflow/matrix.js';
import { StrategyError, expandStrategy, jobDisplayName, strategyContext } from '../src/workflow/matrix.js';

const matrices = (strategy: JsonValue) => expandStrategy(strategy).jobs.map((job) => job.matrix);
const names = (strategy: JsonValue, name = 'train') =>
  expandStrategy(strategy).jobs.map((job: MatrixJob) => jobDisplayName(name, job.segments));

function problems(strategy: JsonValue): string[] {
  try {
    expandStrategy(strategy);
  } catch (error) {
    if (error instanceof StrategyError) return error.problems;
    throw error;
  }
  throw new Error('expanded without a problem');
}

test('the cross product, the first key varying slowest', () => {
  expect(matrices({ matrix: { arch: ['x64', 'x86'], os: ['linux', 'windows'] } })).toEqual([
    { arch: 'x64', os: 'linux' },
    { arch: 'x64', os: 'windows' },
    { arch: 'x86', os: 'linux' },
    { arch: 'x86', os: 'windows' },
  ]);
});

test("GitHub's documented include example: added where nothing original changes, else a new combination", () => {
  const strategy: JsonValue = {
    matrix: {
      fruit: ['apple', 'pear'],
      animal: ['cat', 'dog'],
      include: [
        { color: 'green' },
        { color: 'pink', animal: 'cat' },
        { fruit: 'apple', shape: 'circle' },
        { fruit: 'banana' },
        { fruit: 'banana', animal: 'cat' },
      ],
    },
  };
  expect(matrices(strategy)).toEqual([
    { fruit: 'apple', animal: 'cat', color: 'pink', shape: 'circle' },
    { fruit: 'apple', animal: 'dog', color: 'green', shape: 'circle' },
    { fruit: 'pear', animal: 'cat', color: 'pink' },
    { fruit: 'pear', animal: 'dog', color: 'green' },
    { fruit: 'banana' },
    { fruit: 'banana', animal: 'cat' },
  ]);
  // The name shows the combination's own values, not what include added to it.
  expect(names(strategy)).toEqual([
    'train (apple, cat)',
    'train (apple, dog)',
    'train (pear, cat)',
    'train (pear, dog)',
    'train (banana)',
    'train (banana, cat)',
  ]);
});

test('exclude removes what it matches, partially and nested; == ignores case and coerces numbers', () => {
  expect(
    matrices({
      matrix: {
        os: ['ubuntu', 'windows'],
        node: [{ version: 18, lts: true }, { version: 20 }],
        exclude: [{ os: 'WINDOWS', node: { version: '18' } }],
      },
    }),
  ).toEqual([
    { os: 'ubuntu', node: { version: 18, lts: true } },
    { os: 'ubuntu', node: { version: 20 } },
    { os: 'windows', node: { version: 20 } },
  ]);
});

test('a matrix of include entries only; everything excluded runs the job once without a matrix', () => {
  expect(matrices({ matrix: { include: [{ site: 'a' }, { site: 'b', region: 'eu' }] } })).toEqual([
    { site: 'a' },
    { site: 'b', region: 'eu' },
  ]);
  expect(expandStrategy({ matrix: { os: ['a'], exclude: [{ os: 'a' }] } })).toEqual({
    failFast: true,
    maxParallel: 1,
    jobs: [{ matrix: null, segments: [] }],
  });
  expect(expandStrategy(undefined).jobs).toEqual([{ matrix: null, segments: [] }]);
});

test('names: scalars in order, nested ones too, empty ones left out; cut at 100 characters', () => {
  expect(
    names({ matrix: { size: ['lite'], flag: [true, ''], n: [1.5], deep: [{ a: 'x', b: [null, 'y'] }] } }),
  ).toEqual(['train (lite, true, 1.5, x, y)', 'train (lite, 1.5, x, y)']);
  const long = jobDisplayName('train', ['x'.repeat(120)]);
  expect(long).toHaveLength(100);
  expect(long.endsWith('...')).toBe(true);
  expect(jobDisplayName('deploy', [])).toBe('deploy');
});

test('fail-fast and max-parallel, and the strategy context', () => {
  const strategy = expandStrategy({ 'fail-fast': false, 'max-parallel': 2, matrix: { n: [1, 2, 3] } });
  expect([strategy.failFast, strategy.maxParallel]).toEqual([false, 2]);
  expect(strategyContext(strategy, 1)).toEqual({
    'fail-fast': false,
    'job-index': 1,
    'job-total': 3,
    'max-parallel': 2,
  });
  // Without max-parallel, all at once.
  expect(expandStrategy({ matrix: { n: [1, 2, 3] } }).maxParallel).toBe(3);
});

test('what GitHub refuses, every problem at once', () => {
  expect(
    problems({
      'fail-fast': 'yes',
      matrix: { os: [], arch: 'x64', exclude: [{ nope: 1 }, {}], include: [{}] },
      parallel: 2,
    }),
  ).toEqual([
    'strategy.fail-fast must be true or false, not "yes"',
    'strategy.parallel is not a strategy key (fail-fast, max-parallel, matrix)',
    'matrix.os has no values',
    'matrix.arch must be a list, not "x64"',
    'matrix.include has an empty entry',
    'matrix.exclude: nope is not a key of the matrix',
    'matrix.exclude has an empty entry',
  ]);
  expect(problems({ matrix: {} })).toEqual(['the matrix has no values: give it a list, or include entries']);
  expect(problems({ matrix: { a: [...Array(17).keys()], b: [...Array(16).keys()] } })).toEqual([
    'the matrix makes 272 jobs; GitHub allows at most 256',
  ]);
  expect(problems('fromJSON')).toEqual(['strategy must be a mapping, not "fromJSON"']);
});
