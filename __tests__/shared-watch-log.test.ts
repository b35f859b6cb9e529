// A followed pod log cut by an API outage, when the state's read comes back before the log's reopen
// (both wait out the outage with their own retries, up to 10 s apart): the pod has ended meanwhile,
// and the lines it printed while the log was not followed are shown once, after the ones shown
// before. The order of the two reads is what matters, so the phase here is a stand-in whose reads
// the test orders; the same outage over HTTP is in actions-outages.test.ts.

import { jest } from '@jest/globals';
import { PassThrough } from 'node:stream';
import type { Readable } from 'node:stream';
import { setTimeout as wallSleep } from 'node:timers/promises';
import type { OdahuClient } from '../src/shared/odahu/client.js';
import type { Phase } from '../src/shared/action/phases.js';
import { watch } from '../src/shared/action/watch.js';
import { useClock } from '../src/shared/clock.js';

/**
 * The step's clock, a hundred times faster than the wall's: the 5 s the wait gives a finished pod's
 * log to drain take 50 ms, while the stand-in's streams keep their wall-clock timing.
 */
function fastClock() {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    sleep: async (ms: number, signal?: AbortSignal) => {
      signal?.throwIfAborted();
      await wallSleep(ms / 100, undefined, { signal });
      offset += ms - ms / 100;
    },
  };
}

interface Run {
  state: string;
}

const LINES = ['epoch 1', 'epoch 2', 'epoch 3', 'artifact saved'];

function streamOf(lines: string[]): PassThrough {
  const stream = new PassThrough();
  stream.end(lines.map((line) => `${line}\n`).join(''));
  return stream;
}

test('lines printed while the log was not followed are shown once the final state is read', async () => {
  let podEnded = false;
  const opens: string[] = [];
  const phase = {
    kind: 'ModelTraining',
    noun: 'training',
    get: () => Promise.resolve({ state: podEnded ? 'succeeded' : 'running' }),
    state: (run: Run) => run.state,
    detail: () => '',
    outcome: (run: Run) => (run.state === 'succeeded' ? 'succeeded' : 'pending'),
    failure: () => '',
    logs: {
      ready: (run: Run) => run.state === 'running',
      open: (_client: OdahuClient, _id: string, follow: boolean, options?: { signal?: AbortSignal }) => {
        opens.push(follow ? 'follow' : 'read');
        if (!follow) return Promise.resolve(streamOf(LINES));
        if (opens.length === 1) {
          // Two lines, then the outage cuts the stream; the pod prints the rest and ends meanwhile.
          const first = new PassThrough();
          first.write(`${LINES[0]}\n${LINES[1]}\n`);
          setTimeout(() => {
            podEnded = true;
            first.destroy(new Error('aborted'));
          }, 50);
          return Promise.resolve(first);
        }
        // The reopen is still waiting out the outage when the state's read succeeds.
        return new Promise<Readable>((_resolve, reject) =>
          options?.signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true }),
        );
      },
    },
    outputs: () => Promise.resolve({}),
    keyOutputs: [],
  } as unknown as Phase<Run>;

  const written: string[] = [];
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
  useClock(fastClock());
  try {
    const final = await watch(phase, {} as OdahuClient, 'cut', {
      timeoutMs: 60_000,
      pollIntervalMs: 100,
      signal: new AbortController().signal,
      logs: true,
    });
    expect(final.state).toBe('succeeded');
  } finally {
    useClock();
    write.mockRestore();
  }
  const printed = written.join('').split('\n');
  expect(printed.filter((line) => LINES.includes(line))).toEqual(LINES);
  expect(printed).toContain('::group::Log of training cut (continued)');
  expect(opens).toEqual(['follow', 'follow', 'read']);
});

test('a failed pod whose log was empty: the log is read once, not again for its last lines', async () => {
  let reads = 0;
  const opens: string[] = [];
  const phase = {
    kind: 'ModelTraining',
    noun: 'training',
    // Running at the first read, failed from the second on.
    get: () => Promise.resolve({ state: reads++ === 0 ? 'running' : 'failed' }),
    state: (run: Run) => run.state,
    detail: () => '',
    outcome: (run: Run) => (run.state === 'failed' ? 'failed' : 'pending'),
    failure: () => 'Failed',
    logs: {
      ready: (run: Run) => run.state === 'running',
      open: (_client: OdahuClient, _id: string, follow: boolean) => {
        opens.push(follow ? 'follow' : 'read');
        return Promise.resolve(streamOf([]));
      },
    },
    outputs: () => Promise.resolve({}),
    keyOutputs: [],
  } as unknown as Phase<Run>;
  for (const logs of [true, false]) {
    opens.length = 0;
    reads = 0;
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    useClock(fastClock());
    try {
      await expect(
        watch(phase, {} as OdahuClient, 'silent', {
          timeoutMs: 60_000,
          pollIntervalMs: 100,
          signal: new AbortController().signal,
          logs,
        }),
      ).rejects.toThrow('training silent failed: Failed');
    } finally {
      useClock();
      write.mockRestore();
    }
    // Followed to its end (it printed nothing), whether shown or not: nothing more to read.
    expect(opens).toEqual(['follow']);
  }
});
