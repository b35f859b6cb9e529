#!/usr/bin/env node
// `odahu-actions <command> [args]` (npx, or `npm run <command> -- ...` in a clone): each command is
// a bundle under dist/ exporting run(args) → exit code. Adding a command is one line here.

const COMMANDS = {
  convert: {
    bundle: '../dist/convert/index.js',
    does: 'Airflow DAGs that use the Odahu plugin → GitHub workflows',
  },
};

const [name, ...args] = process.argv.slice(2);
const command = COMMANDS[name];
if (!command) {
  const list = Object.entries(COMMANDS)
    .map(([each, { does }]) => `  ${each.padEnd(10)} ${does}`)
    .join('\n');
  const lines = [
    ...(name && !['-h', '--help', 'help'].includes(name) ? [`odahu-actions: no command ${name}`] : []),
    'Usage: odahu-actions <command> [args] (each command has --help)',
    list,
  ];
  (name && !['-h', '--help', 'help'].includes(name) ? process.stderr : process.stdout).write(
    `${lines.join('\n')}\n`,
  );
  process.exitCode = name && !['-h', '--help', 'help'].includes(name) ? 2 : 0;
} else {
  const { run } = await import(command.bundle);
  process.exitCode = await run(args);
}
