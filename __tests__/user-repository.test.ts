// Used as a team would: a repository of their own, outside this project (its own git init, its own
// .gitignore), whose workflow starts with actions/checkout, google-github-actions/auth and
// actions/setup-python before these actions, run from inside it with the documented command,
// `npx odahu-actions workflow <file>`. The package is linked into the repository's node_modules, as
// `npm install --save-dev github:odahu/odahu-actions` would put it (no network here). Green, the
// skipped step named, the run's files under the repository's ignored .tmp/, paths printed from there.

import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, pathWithBundleNode } from './helpers/run-action.js';

const SSH_KEY =
  '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU\n-----END OPENSSH PRIVATE KEY-----';

function userRepository(): string {
  const repo = mkdtempSync(join(tmpdir(), 'acme-models-'));
  execFileSync('git', ['init', '-q', repo]);
  writeFileSync(join(repo, '.gitignore'), 'node_modules/\n.tmp/\n');
  mkdirSync(join(repo, 'odahu'));
  writeFileSync(
    join(repo, 'odahu', 'examples.yaml'),
    [
      'kind: Connection',
      'id: acme-examples',
      'spec:',
      '  type: git',
      '  uri: git@github.com:acme/models.git',
      '  reference: main',
      '',
    ].join('\n'),
  );
  mkdirSync(join(repo, '.github', 'workflows'), { recursive: true });
  writeFileSync(
    join(repo, '.github', 'workflows', 'model.yml'),
    `name: model
on:
  push:
    branches: [main]
  workflow_dispatch:
jobs:
  connect:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      id-token: write
    env:
      ODAHU_API_URL: \${{ vars.ODAHU_API_URL }}
      ODAHU_AUTH_URL: \${{ vars.ODAHU_AUTH_URL }}
      ODAHU_CLIENT_ID: \${{ vars.ODAHU_CLIENT_ID }}
      ODAHU_CLIENT_SECRET: \${{ secrets.ODAHU_CLIENT_SECRET }}
    steps:
      - uses: actions/checkout@v4
      - id: auth
        uses: google-github-actions/auth@v2
        with:
          workload_identity_provider: projects/1/locations/global/workloadIdentityPools/gh/providers/gh
          service_account: trainer@acme.iam.gserviceaccount.com
      - uses: actions/setup-python@v5
        with:
          python-version: '3.x'
      - run: python3 -c 'print("python runs")'
      - name: Connect the code repository
        id: connect
        uses: odahu/odahu-actions/connection@v1
        with:
          connection: odahu/examples.yaml
          ssh-key: \${{ secrets.EXAMPLES_SSH_KEY }}
      - run: echo "connected \${{ steps.connect.outputs.connection-id }} for project [\${{ steps.auth.outputs.project_id }}]"
`,
  );
  // What an install of the package leaves: the package, and its bin on npx's path.
  mkdirSync(join(repo, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(ROOT, join(repo, 'node_modules', 'odahu-actions'));
  symlinkSync(
    join('..', 'odahu-actions', 'bin', 'odahu-actions.js'),
    join(repo, 'node_modules', '.bin', 'odahu-actions'),
  );
  return repo;
}

function npx(cwd: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^(ODAHU_|INIT_CWD$|npm_)/.test(name)) env[name] = value;
  }
  const child = spawn('npx', ['--no-install', ...args], {
    cwd,
    env: { ...env, PATH: pathWithBundleNode(env.PATH) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

test('npx odahu-actions workflow, from inside a repository of their own: green, the skipped step named', async () => {
  const repo = userRepository();
  const run = await npx(repo, [
    'odahu-actions',
    'workflow',
    '.github/workflows/model.yml',
    '--secret',
    `EXAMPLES_SSH_KEY=${SSH_KEY}`,
  ]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const lines = run.stdout.split('\n');
  expect(lines[0]).toBe('model  .github/workflows/model.yml › job connect (workflow_dispatch)');
  expect(lines).toContain(`workspace  ${repo}`);
  expect(lines).toContain('– Run google-github-actions/auth@v2  not run here: google-github-actions/auth@v2');
  expect(run.stdout).toMatch(/this machine's Python 3\.\d+\.\d+ .* is the job's python/);
  expect(lines).toContain('  python runs');
  expect(lines).toContain('  connected acme-examples for project []');
  expect(lines.at(-2)).toMatch(
    /^✓ run succeeded in [\d.]+s, 1 step not run \(google-github-actions\/auth\): succeeded connect$/,
  );
  // The run's files under the repository's own ignored .tmp/, the path printed from where the user stands.
  const summary = /^job summary {2}(\.tmp\/runs\/\d+\/summary\.md)$/m.exec(run.stdout)?.[1] ?? '';
  expect(summary).not.toBe('');
  expect(readFileSync(join(repo, summary), 'utf8')).toMatch(/^# model\n/);
  expect(existsSync(join(repo, summary, '..', 'log.txt'))).toBe(true);
  expect(existsSync(join(ROOT, summary))).toBe(false);
  // Nothing the run made shows up as a change of the repository.
  expect(
    execFileSync('git', ['-C', repo, 'status', '--porcelain'], { encoding: 'utf8' }).split('\n').sort(),
  ).toEqual(['', '?? .github/', '?? .gitignore', '?? odahu/']);
});

test('npx odahu-actions lists its commands: workflow, emulator, demo, convert', async () => {
  const repo = userRepository();
  const help = await npx(repo, ['odahu-actions', '--help']);
  expect(help.code).toBe(0);
  expect(help.stdout).toMatch(/^ {2}workflow +dry-run a workflow/m);
  expect(help.stdout).toMatch(/^ {2}emulator +the Odahu emulator/m);
  expect(help.stdout).toMatch(/^ {2}demo +an example workflow/m);
  const typo = await npx(repo, ['odahu-actions', 'workflow', '.github/workflows/modle.yml']);
  expect(typo.code).toBe(2);
  expect(typo.stderr).toBe(
    'workflow: .github/workflows/modle.yml: no such file: did you mean .github/workflows/model.yml?\n',
  );
});
