import { parseDuration } from '../src/shared/duration.js';

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
