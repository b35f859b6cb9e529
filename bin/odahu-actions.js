#!/usr/bin/env node
// `odahu-actions <command> [args]` (npx, or `npm run <command> -- ...` in a clone): each command is
// one of this repository's tools (scripts/build.js TOOLS), run from its build (build/<tool>, not
// committed), which is made first when it is missing or its sources changed (scripts/tool.js).
// Adding a command is one line in COMMANDS.
import '../scripts/node-check.js';
import { runTool } from '../scripts/tool.js';

const COMMANDS = {
  workflow: {
    tool: 'workflow',
    does: 'dry-run a workflow of this repository on this machine (the embedded emulator)',
  },
  emulator: {
    tool: 'emulator',
    does: 'the Odahu emulator: a local cluster for the actions and odahuflowctl',
  },
  demo: { tool: 'demo', does: 'an example workflow end to end on the embedded emulator' },
  convert: { tool: 'convert', does: 'Airflow DAGs that use the Odahu plugin → GitHub workflows' },
};

const HELP = ['-h', '--help', 'help'];
const [name, ...args] = process.argv.slice(2);
const command = COMMANDS[name];
if (command) {
  // The tool reads its own arguments from process.argv, as if run as `node build/<tool>/index.js`.
  process.argv.splice(2, process.argv.length - 2, ...args);
  try {
    await runTool(command.tool);
  } catch (error) {
    console.error(`odahu-actions ${name}: ${error.message}`);
    process.exitCode = 1;
  }
} else {
  const unknown = name !== undefined && !HELP.includes(name);
  const lines = [
    ...(unknown ? [`odahu-actions: no command ${name}`] : []),
    'Usage: odahu-actions <command> [args] (each command has --help)',
    ...Object.entries(COMMANDS).map(([each, { does }]) => `  ${each.padEnd(10)} ${does}`),
  ];
  (unknown ? process.stderr : process.stdout).write(`${lines.join('\n')}\n`);
  process.exitCode = unknown ? 2 : 0;
}
