// @actions/core writes core.debug as `::debug::` lines on stdout. The client logs every attempt that
// way, which in a test run buries the results; ODAHU_TEST_DEBUG=1 keeps them.
const FILTERED = Symbol.for('odahu-actions.debug-filter');
if (!process.env.ODAHU_TEST_DEBUG && !process.stdout[FILTERED]) {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk, ...rest) =>
    typeof chunk === 'string' && chunk.startsWith('::debug::') ? true : write(chunk, ...rest);
  process.stdout[FILTERED] = true;
}
