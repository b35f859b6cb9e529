// `npm run workflow -- <file> [flags]`: runs one job of a workflow on this machine against the
// embedded Odahu emulator (or the cluster ODAHU_API_URL names). Exit 0 when the job succeeds, 1 when
// it fails, 2 on bad usage, a workflow the parser rejects, or a feature this runner does not support.

import { isAbsolute, resolve } from 'node:path';
import { messageOf } from '../shared/thrown.js';
import { CannotRun } from './cannot-run.js';
import { readEnvFile } from './env-file.js';
import { repositoryRoot } from './repository.js';
import { runWorkflow } from './run-workflow.js';

const USAGE = `Usage: npm run workflow -- <workflow.yml> [flags]

Runs one job of a GitHub workflow on this machine, with the odahu actions' real bundles, against the
embedded Odahu emulator unless ODAHU_API_URL is given (by --var, --env-file or the environment).

  --job ID               the job to run (needed when the workflow has several)
  --secret NAME=VALUE    a secret (secrets.NAME), masked in the log; --secret NAME takes $NAME
  --var NAME=VALUE       a configuration variable (vars.NAME)
  --env-file FILE        NAME=VALUE lines: workflow-level env, and ODAHU_* settings for the cluster
  --event NAME           the triggering event (default workflow_dispatch if the workflow has it)
  --input NAME=VALUE     a workflow_dispatch input (default: its default)
  --workspace DIR        the checkout (default: the git working tree holding the workflow)
  --help                 this text

Each flag taking a value is repeatable where it makes sense (--secret, --var, --input).
`;

interface CliArguments {
  workflow: string;
  jobId?: string;
  secrets: Record<string, string>;
  vars: Record<string, string>;
  envFile?: string;
  event?: string;
  inputs: Record<string, string>;
  workspace?: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

function parseArguments(args: readonly string[], environment: NodeJS.ProcessEnv): CliArguments | 'help' {
  const parsed: CliArguments = { workflow: '', secrets: {}, vars: {}, inputs: {} };
  const pair = (flag: string, value: string, fromEnvironment: boolean): [string, string] => {
    const equals = value.indexOf('=');
    if (equals < 0 && fromEnvironment && NAME.test(value)) {
      const found = environment[value];
      if (found === undefined) throw new CannotRun([`${flag} ${value}: $${value} is not set`]);
      return [value, found];
    }
    const name = value.slice(0, equals);
    if (equals < 0 || !NAME.test(name))
      throw new CannotRun([`${flag} wants NAME=VALUE, not ${JSON.stringify(value)}`]);
    return [name, value.slice(equals + 1)];
  };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--help' || arg === '-h') return 'help';
    if (!arg.startsWith('--')) {
      if (parsed.workflow) throw new CannotRun([`one workflow at a time (${parsed.workflow}, then ${arg})`]);
      parsed.workflow = arg;
      continue;
    }
    const [flag = '', inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg];
    const value = inline ?? args[(i += 1)];
    if (value === undefined) throw new CannotRun([`${flag} needs a value`]);
    switch (flag) {
      case '--job':
        parsed.jobId = value;
        break;
      case '--secret': {
        const [name, secret] = pair(flag, value, true);
        parsed.secrets[name] = secret;
        break;
      }
      case '--var': {
        const [name, variable] = pair(flag, value, false);
        parsed.vars[name] = variable;
        break;
      }
      case '--input': {
        const [name, input] = pair(flag, value, false);
        parsed.inputs[name] = input;
        break;
      }
      case '--env-file':
        parsed.envFile = value;
        break;
      case '--event':
        parsed.event = value;
        break;
      case '--workspace':
        parsed.workspace = value;
        break;
      default:
        throw new CannotRun([`unknown flag ${flag} (see --help)`]);
    }
  }
  if (!parsed.workflow) throw new CannotRun(['which workflow? (see --help)']);
  return parsed;
}

async function main(): Promise<number> {
  // npm runs scripts in the package's folder; paths on the command line are the caller's.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const at = (path: string) => (isAbsolute(path) ? path : resolve(cwd, path));
  try {
    const parsed = parseArguments(process.argv.slice(2), process.env);
    if (parsed === 'help') {
      process.stdout.write(USAGE);
      return 0;
    }
    const run = await runWorkflow({
      workflowPath: at(parsed.workflow),
      shownPath: parsed.workflow,
      jobId: parsed.jobId,
      workspace: parsed.workspace === undefined ? undefined : at(parsed.workspace),
      secrets: parsed.secrets,
      vars: parsed.vars,
      envFile: parsed.envFile === undefined ? {} : readEnvFile(at(parsed.envFile), parsed.envFile),
      event: parsed.event,
      inputs: parsed.inputs,
      repoRoot: repositoryRoot(),
      write: (text) => process.stdout.write(text),
      color: process.stdout.isTTY === true && !process.env.NO_COLOR,
      environment: process.env,
    });
    return run.exitCode;
  } catch (error) {
    if (!(error instanceof CannotRun)) throw error;
    for (const line of error.lines) process.stderr.write(`workflow: ${line}\n`);
    return 2;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`workflow: ${messageOf(error)}\n`);
    process.exitCode = 1;
  },
);
