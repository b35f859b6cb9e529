// The emulator's clock as tests hold it: steps that come due wait, run one by one in the order they
// came due, a cancelled group's waiting steps are dropped, and release lets everything run again.

import { Timers } from '../src/emulator/timers.js';
import { sleep } from './helpers/emulator-http.js';

let timers: Timers;

beforeEach(() => {
  timers = new Timers();
});

afterEach(() => timers.close());

it('runs steps when due while not held', async () => {
  const ran: string[] = [];
  timers.after('a', 5, () => ran.push('a'));
  await sleep(30);
  expect(ran).toEqual(['a']);
});

it('held: a step that has come due waits for step(), which runs the earliest first', async () => {
  const ran: string[] = [];
  timers.hold();
  timers.after('late', 20, () => ran.push('late'));
  timers.after('early', 5, () => ran.push('early'));
  await sleep(50);
  expect(ran).toEqual([]);
  expect(await timers.step()).toBe('early');
  expect(ran).toEqual(['early']);
  expect(await timers.step()).toBe('late');
  expect(ran).toEqual(['early', 'late']);
});

it('held: step() waits for the next step to come due, and one it plans comes after', async () => {
  const ran: string[] = [];
  timers.hold();
  timers.after('first', 10, () => {
    ran.push('first');
    timers.after('second', 10, () => ran.push('second'));
  });
  expect(await timers.step()).toBe('first');
  expect(await timers.step()).toBe('second');
  expect(ran).toEqual(['first', 'second']);
});

it('held: cancelling a group drops its waiting steps; step() rejects when nothing is planned', async () => {
  const ran: string[] = [];
  timers.hold();
  timers.after('gone', 1, () => ran.push('gone'));
  await sleep(20);
  timers.cancel('gone');
  await expect(timers.step()).rejects.toThrow('the emulator has no step planned');
  expect(ran).toEqual([]);
});

it('release runs what came due, in order, and later steps run when due', async () => {
  const ran: string[] = [];
  timers.hold();
  timers.after('b', 10, () => ran.push('b'));
  timers.after('a', 1, () => ran.push('a'));
  timers.after('c', 60, () => ran.push('c'));
  await sleep(30);
  timers.release();
  expect(ran).toEqual(['a', 'b']);
  expect(timers.held).toBe(false);
  await sleep(60);
  expect(ran).toEqual(['a', 'b', 'c']);
  await expect(timers.step()).rejects.toThrow('the emulator clock is not held');
});
