// The connection → train → package → deploy → predict chain, each step from its sources, on an
// emulator that answers 20% of API requests 503, throttles 10% (429) and cuts 5% after processing
// them. npm run bench runs seeds 1-20 with the bundles; here two of them in this process, on the
// emulator's held clock, so that a regression fails the suite too.

import { jest } from '@jest/globals';
import * as core from './helpers/core-mock.js';
import type { ChainStep } from '../bench/fault-chain.js';

jest.unstable_mockModule('@actions/core', () => core);
const { runFaultChain } = await import('../bench/fault-chain.js');
const { runInProcess } = await import('./helpers/in-process.js');

const inProcess: ChainStep = (action, inputs, env, emulator) =>
  runInProcess(action as Parameters<typeof runInProcess>[0], inputs, { env, emulator });

test.each([1, 2])('passes under injected faults with seed %i, creating nothing twice', async (seed) => {
  expect(await runFaultChain(seed, inProcess)).toBeUndefined();
});
