// The terminal shared by jobs that run at once: the oldest unfinished job is shown live, the others
// are kept and shown whole, in the order they started, when their turn comes.

import { RunLog } from '../src/workflow/run-log.js';

test('blocks show in start order, each whole; the oldest unfinished one is live', () => {
  const shown: string[] = [];
  const log = new RunLog((text) => shown.push(text));
  log.write('header\n');
  const first = log.open();
  const second = log.open();
  first.write('first 1\n');
  second.write('second 1\n');
  log.write('a line of the run\n');
  const third = log.open();
  third.write('third 1\n');
  expect(shown).toEqual(['header\n', 'first 1\n']);

  second.write('second 2\n');
  second.close();
  third.close();
  expect(shown).toEqual(['header\n', 'first 1\n']);

  first.write('first 2\n');
  first.close();
  expect(shown).toEqual([
    'header\n',
    'first 1\n',
    'first 2\n',
    'second 1\n',
    'second 2\n',
    'a line of the run\n',
    'third 1\n',
  ]);
  // Nothing is open: a new block is live at once.
  const fourth = log.open();
  fourth.write('fourth\n');
  expect(shown.at(-1)).toBe('fourth\n');
});
