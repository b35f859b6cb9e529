// The emulator's clock as tests hold it: held, its time stands still and nothing comes due; each
// step moves the time to the earliest planned step and runs it (the one planned first, of two at
// once), whatever the wall clock did meanwhile; a cancelled group's steps are gone; released, the
// time goes on from where it stood.

import { Timers } from '../src/emulator/timers.js';
import { sleep } from './helpers/emulator-http.js';

let timers: Timers;

beforeEach(() => {
  timers = new Timers();
});

afterEach(() => timers.close());

it('runs steps when due while not held; its time is the wall clock', async () => {
  const ran: string[] = [];
  timers.after('a', 5, () => ran.push('a'));
  const before = Date.now();
  const now = timers.now();
  expect(now >= before && now <= Date.now()).toBe(true);
  await sleep(30);
  expect(ran).toEqual(['a']);
});

it('held: the time stands still and nothing comes due; step() runs the earliest, moving the time to it', async () => {
  const ran: string[] = [];
  timers.after('late', 200, () => ran.push('late'));
  timers.hold();
  const heldAt = timers.now();
  timers.after('early', 5, () => ran.push('early'));
  timers.after('also-early', 5, () => ran.push('also-early'));
  await sleep(50);
  expect(ran).toEqual([]);
  expect(timers.now()).toBe(heldAt);
  expect(timers.step()).toBe('early');
  expect(timers.now()).toBe(heldAt + 5);
  expect(timers.step()).toBe('also-early');
  // Planned for 200 ms from a moment before the hold began.
  expect(timers.step()).toBe('late');
  expect(timers.now()).toBeLessThanOrEqual(heldAt + 200);
  expect(ran).toEqual(['early', 'also-early', 'late']);
});

it('held: the steps keep their order however long a test takes between them', async () => {
  const ran: string[] = [];
  timers.hold();
  timers.after('a', 100, () => {
    ran.push('a');
    timers.after('after-a', 300, () => ran.push('after-a'));
  });
  timers.step();
  // The wall clock passes the 250 ms mark while the time stands at 100 ms.
  await sleep(300);
  timers.after('b', 150, () => ran.push('b'));
  timers.step();
  timers.step();
  expect(ran).toEqual(['a', 'b', 'after-a']);
});

it('held: cancelling a group drops its steps; step() throws when nothing is planned', () => {
  const ran: string[] = [];
  timers.hold();
  timers.after('gone', 1, () => ran.push('gone'));
  timers.cancel('gone');
  expect(() => timers.step()).toThrow('the emulator has no step planned');
  expect(ran).toEqual([]);
});

it('released: the time goes on from where it stood; what is due runs in order, the rest when due', async () => {
  const ran: string[] = [];
  timers.hold();
  timers.after('b', 0, () => ran.push('b'));
  timers.after('a', 0, () => ran.push('a'));
  timers.after('c', 50, () => ran.push('c'));
  const heldAt = timers.now();
  await sleep(100);
  const released = Date.now();
  timers.release();
  expect(timers.held).toBe(false);
  // The 100 ms held are not counted.
  expect(timers.now() - heldAt).toBeLessThanOrEqual(Date.now() - released);
  await sleep(10);
  expect(ran).toEqual(['b', 'a']);
  await sleep(80);
  expect(ran).toEqual(['b', 'a', 'c']);
  expect(() => timers.step()).toThrow('the emulator clock is not held');
});
