import { formatDuration, parseDuration } from '../src/shared/duration.js';

describe('durations', () => {
  test.each([
    ['90s', 90_000],
    ['15m', 900_000],
    ['2h', 7_200_000],
    ['1h30m', 5_400_000],
    ['1h0m5s', 3_605_000],
    ['1.5h', 5_400_000],
    ['45', 45_000],
    [' 10m ', 600_000],
    ['0', 0],
    ['500ms', 500],
    ['1m500ms', 60_500],
    ['2s250ms', 2_250],
  ])('%s is %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  test.each(['', 'abc', '5d', '1m1h', '-5s', '10 m', 'h', 's', 'ms', '5ms1s'])(
    '%p is refused, naming the input',
    (text) => {
      expect(() => parseDuration(text, 'timeout')).toThrow(
        `timeout "${text}" is not a duration: use seconds or h, m, s and ms parts, e.g. 90, 90s, 15m, 2h, 1h30m, 500ms`,
      );
    },
  );
});

describe('formatDuration', () => {
  test.each([
    [0, 0, '0s'],
    [400, 0, '0s'],
    [600, 0, '1s'],
    [400, 1, '0.4s'],
    [12_340, 1, '12.3s'],
    [2_000, 1, '2.0s'],
    [250, 2, '0.25s'],
    [12_340, 0, '12s'],
    [59_600, 0, '1m'],
    [59_960, 1, '1m'],
    [65_000, 1, '1m 05s'],
    [900_000, 0, '15m'],
    [3_600_000, 0, '1h'],
    [3_720_000, 0, '1h 02m'],
    [7_200_000, 0, '2h'],
    [24 * 24 * 3_600_000, 1, '576h'],
    [100, 1, '0.1s'],
  ])('%i ms with %i decimals is %s', (ms, fraction, text) => {
    expect(formatDuration(ms, fraction)).toBe(text);
  });

  test('what it prints, parseDuration reads back', () => {
    for (const ms of [100, 5_000, 65_000, 900_000, 3_720_000, 7_200_000]) {
      expect(parseDuration(formatDuration(ms, 1).replace(' ', ''))).toBe(ms);
    }
  });
});
