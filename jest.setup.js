// Code under test that runs in the test's own process (settings, the client, the actions' sources)
// writes @actions/core's workflow commands on stdout: `::debug::` for every client attempt,
// `::add-mask::` for every secret read. Outside a runner they are noise that buries the results, so
// they are dropped here; ODAHU_TEST_DEBUG=1 keeps them. Tests that check commands read them from a
// child process's output or from a mocked @actions/core, never from this stream.
const FILTERED = Symbol.for('odahu-actions.command-filter');
const COMMAND = /^::[a-z-]+(?: [^\n]*)?::/;
if (!process.env.ODAHU_TEST_DEBUG && !process.stdout[FILTERED]) {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk, ...rest) =>
    typeof chunk === 'string' && COMMAND.test(chunk) ? true : write(chunk, ...rest);
  process.stdout[FILTERED] = true;
}
