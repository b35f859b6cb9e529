// When the actions read a phase's state: the adaptive default, a user's poll-interval kept as set,
// and the catch-up after a pod log's end.

import {
  FIRST_POLL_MS,
  FOLLOWING_POLL_MS,
  PollSchedule,
  STEADY_POLL_MS,
} from '../src/shared/action/poll-schedule.js';

test('adaptive: often at first, growing with the wait to 20 reads a minute after the first minute', () => {
  const schedule = new PollSchedule(undefined);
  expect(schedule.delay('polling', 0)).toBe(FIRST_POLL_MS);
  expect(schedule.delay('polling', 10_000)).toBe(FIRST_POLL_MS);
  expect(schedule.delay('polling', 30_000)).toBe(1500);
  expect(schedule.delay('polling', 60_000)).toBe(STEADY_POLL_MS);
  expect(schedule.delay('polling', 3_600_000)).toBe(STEADY_POLL_MS);
  expect(60_000 / STEADY_POLL_MS).toBeLessThanOrEqual(20);
  // Never slower before the steady state than in it.
  for (let t = 0; t <= 120_000; t += 1000)
    expect(schedule.delay('polling', t)).toBeLessThanOrEqual(STEADY_POLL_MS);
});

test('adaptive: a followed log stands for the pod, so the state is only checked now and then', () => {
  const schedule = new PollSchedule(undefined);
  expect(schedule.delay('following', 0)).toBe(FOLLOWING_POLL_MS);
  expect(schedule.delay('following', 600_000)).toBe(FOLLOWING_POLL_MS);
});

test("after the log's end: a short doubling backoff while the status catches up", () => {
  const schedule = new PollSchedule(undefined);
  const waits = [0, 1, 2, 3, 4, 5].map((tries) => schedule.delay('catching-up', 90_000, tries));
  expect(waits).toEqual([100, 200, 400, 500, 500, 500]);
});

test("a user's poll-interval keeps its meaning: every wait is that long, a catch-up's never longer", () => {
  const schedule = new PollSchedule(5000);
  expect(schedule.delay('polling', 0)).toBe(5000);
  expect(schedule.delay('polling', 600_000)).toBe(5000);
  expect(schedule.delay('following', 0)).toBe(5000);
  expect(schedule.delay('catching-up', 0, 0)).toBe(100);
  const fast = new PollSchedule(150);
  expect(fast.delay('catching-up', 0, 5)).toBe(150);
});

test('a delete being confirmed is polled briefly, or at the poll-interval if that is shorter', () => {
  expect(new PollSchedule(undefined).shortMs).toBe(FIRST_POLL_MS);
  expect(new PollSchedule(100).shortMs).toBe(100);
  expect(new PollSchedule(60_000).shortMs).toBe(1000);
});
