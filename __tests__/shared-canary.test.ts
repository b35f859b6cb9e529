// The canary's pure parts: its inputs, the versions' names, the comparison of two answers and the
// judgement of a step from its probes.

import { judgeStep } from '../src/deploy/canary/checks.js';
import { percentile } from '../src/shared/percentile.js';
import { largestDifference } from '../src/deploy/canary/compare.js';
import type { CanaryOptions } from '../src/deploy/canary/options.js';
import { readStrategy } from '../src/deploy/canary/options.js';
import type { Probe } from '../src/deploy/canary/probes.js';
import { stableIdProblem, stableUrlPrefix, versionId } from '../src/deploy/canary/versions.js';
import { InputReader } from '../src/shared/action/inputs.js';
import { InputError } from '../src/shared/odahu/errors.js';

function read(inputs: Record<string, string>): CanaryOptions | undefined {
  const reader = new InputReader({ input: (name) => inputs[name] ?? '', env: {} });
  const options = readStrategy(reader);
  reader.finish();
  return options;
}

function problems(inputs: Record<string, string>): readonly string[] {
  try {
    read(inputs);
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  return [];
}

describe('canary inputs', () => {
  it('default to 10,50,100 held a minute each, the info endpoint, 2 s and 0%', () => {
    expect(read({})).toBeUndefined();
    expect(read({ strategy: 'canary' })).toEqual({
      weights: [10, 50, 100],
      intervalMs: 60_000,
      probeRequest: undefined,
      maxLatencyMs: 2000,
      maxErrorRate: 0,
      compare: false,
      compareTolerance: 0,
    });
    expect(
      read({
        strategy: 'canary',
        'canary-weights': ' 5, 25,100 ',
        'canary-interval': '30s',
        'probe-request': '{"data": [[1]]}',
        'max-latency': '500ms',
        'max-error-rate': '2.5%',
        compare: 'true',
        'compare-tolerance': '1e-3',
      }),
    ).toEqual({
      weights: [5, 25, 100],
      intervalMs: 30_000,
      probeRequest: { data: [[1]] },
      maxLatencyMs: 500,
      maxErrorRate: 0.025,
      compare: true,
      compareTolerance: 0.001,
    });
  });

  it.each([
    [
      '10,,100',
      'input canary-weights must be whole percentages from 1 to 100, separated by commas (an empty one is not), e.g. 10,50,100; not "10,,100"',
    ],
    [
      '0,100',
      'input canary-weights must be whole percentages from 1 to 100, separated by commas (0 is not), e.g. 10,50,100; not "0,100"',
    ],
    [
      '10,12.5,100',
      'input canary-weights must be whole percentages from 1 to 100, separated by commas (12.5 is not), e.g. 10,50,100; not "10,12.5,100"',
    ],
    ['10,10,100', 'input canary-weights must rise step by step, e.g. 10,50,100; not "10,10,100"'],
    [
      '10,50',
      'input canary-weights must end at 100: the last step sends every request to the new version, e.g. 10,50,100; not "10,50"',
    ],
  ])('refuse canary-weights %p', (weights, problem) => {
    expect(problems({ strategy: 'canary', 'canary-weights': weights })).toEqual([problem]);
  });

  it('refuse percentages without %, and canary inputs without strategy: canary', () => {
    expect(problems({ strategy: 'canary', 'max-error-rate': '101%' })).toEqual([
      'input max-error-rate must be a percentage from 0% to 100%, e.g. 0%, 5% or 2.5%; not "101%"',
    ]);
    expect(problems({ 'probe-request': '{"data": [[1]]}' })).toEqual([
      'inputs probe-request and compare apply to strategy: canary only',
    ]);
    expect(problems({ strategy: 'blue-green' })).toEqual([
      'input strategy must be one of rolling, canary, not "blue-green"',
    ]);
  });
});

describe('versions', () => {
  const spec = { image: 'ghcr.io/acme/wine:1', predictor: 'odahu-ml-server', roleName: 'role-wine' };

  it('are named after a hash of the spec, whatever its key order and zero values', () => {
    const id = versionId('wine', spec);
    expect(id).toMatch(/^wine-[0-9a-f]{6}$/);
    expect(
      versionId('wine', {
        roleName: 'role-wine',
        predictor: 'odahu-ml-server',
        image: 'ghcr.io/acme/wine:1',
        annotations: {},
      }),
    ).toBe(id);
    expect(versionId('wine', { ...spec, image: 'ghcr.io/acme/wine:2' })).not.toBe(id);
    expect(versionId('wine', { ...spec, annotations: { 'emulator-error-rate': '1' } })).not.toBe(id);
  });

  it('leave room for the hash in the deployment id, and live under the custom route prefix', () => {
    expect(stableIdProblem('w'.repeat(39))).toBeUndefined();
    expect(stableIdProblem('w'.repeat(40))).toMatch(/at most 39 characters/);
    expect(stableUrlPrefix(undefined, 'wine')).toBe('/custom/wine');
    expect(stableUrlPrefix('/models/', 'wine')).toBe('/models/wine');
  });
});

describe('comparing two answers', () => {
  it.each([
    [{ prediction: [1, 2] }, { prediction: [1, 2.5] }, 0.5],
    [{ prediction: [[1, 2]] }, { prediction: [[1.25, 2]] }, 0.25],
    [{ prediction: ['red'] }, { prediction: ['red'] }, 0],
    [{ prediction: ['red'] }, { prediction: ['blue'] }, Infinity],
    [{ prediction: [1, 2] }, { prediction: [1] }, Infinity],
    [{ prediction: [[1], [2]] }, { prediction: [[1, 2]] }, Infinity],
    [{ prediction: [null] }, { prediction: [1] }, Infinity],
    [{ message: 'x' }, { prediction: [1] }, Infinity],
  ])('%j and %j differ by %p', (a, b, difference) => {
    expect(largestDifference(a, b)).toBe(difference);
  });
});

describe('judging a step', () => {
  const options: CanaryOptions = {
    weights: [10, 100],
    intervalMs: 1000,
    probeRequest: undefined,
    maxLatencyMs: 100,
    maxErrorRate: 0.1,
    compare: true,
    compareTolerance: 0.01,
  };
  const ok = (latencyMs = 10, difference: number | undefined = 0): Probe => ({
    latencyMs,
    error: undefined,
    difference,
  });

  it('passes within max-error-rate, and reports p95 latency and agreement', () => {
    const probes = [...Array.from({ length: 9 }, () => ok()), ok(150)];
    const step = judgeStep(10, probes, options, 1000);
    expect(step).toMatchObject({
      probes: 10,
      errors: 0,
      slow: 1,
      p95LatencyMs: 150,
      agreement: 1,
      failed: undefined,
    });
  });

  it('fails the probe check past max-error-rate, naming what failed', () => {
    const probes = [
      ...Array.from({ length: 8 }, () => ok()),
      { latencyMs: 5, error: '500 boom', difference: undefined },
      ok(300),
    ];
    const step = judgeStep(50, probes, options, 1000);
    expect(step.failed).toBe('probe');
    expect(step.why).toBe(
      '2 of 10 probes failed, 20% > max-error-rate 10% (1 answered 500 boom, 1 slower than max-latency 100 ms; p95 latency 300 ms)',
    );
  });

  it('fails the compare check when too many answers disagree, or none could be compared', () => {
    const probes = [ok(10, 0), ok(10, 0.5), ok(10, 0.002), ok(10, Infinity)];
    const step = judgeStep(10, probes, options, 1000);
    expect(step.failed).toBe('compare');
    expect(step.why).toBe(
      "2 of 4 answers differ from the live version's by more than compare-tolerance 0.01, 50% > max-error-rate 10% (largest difference unbounded (the answers do not match in shape or labels), agreement 50%)",
    );
    const uncompared = judgeStep(
      10,
      [{ latencyMs: 10, error: undefined, difference: undefined }],
      options,
      1000,
    );
    expect(uncompared.why).toBe('no probe could be compared: the live version answered none of the 1 probes');
  });

  it('takes the nearest-rank percentile', () => {
    expect(percentile([], 0.95)).toBe(0);
    expect(percentile([5], 0.95)).toBe(5);
    expect(
      percentile(
        Array.from({ length: 100 }, (_, i) => i + 1),
        0.95,
      ),
    ).toBe(95);
  });
});
