// @actions/core writes core.debug as `::debug::` lines on stdout. The client logs every attempt that
// way, which in a test run buries the results; ODAHU_TEST_DEBUG=1 keeps them. The same goes for the
// `::add-mask::` lines of a client used in the test process itself (every token it fetches).
const FILTERED = Symbol.for('odahu-actions.debug-filter');
if (!process.env.ODAHU_TEST_DEBUG && !process.stdout[FILTERED]) {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk, ...rest) =>
    typeof chunk === 'string' && /^::(debug|add-mask)::/.test(chunk) ? true : write(chunk, ...rest);
  process.stdout[FILTERED] = true;
}
