// The connection → train → package → deploy → predict chain, each a real step, on an emulator that
// answers 20% of API requests 503, throttles 10% (429) and cuts 5% after processing them. npm run
// bench runs seeds 1-20; here two of them, so that a regression fails the suite too.

import { runFaultChain } from '../bench/fault-chain.js';

test.each([1, 2])(
  'passes under injected faults with seed %i, creating nothing twice',
  async (seed) => {
    expect(await runFaultChain(seed)).toBeUndefined();
  },
  120_000,
);
