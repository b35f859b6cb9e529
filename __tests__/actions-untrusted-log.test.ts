// Issue 18, the rows about what the runner obeys: text from a pod, a model or a token endpoint reaches
// the job log as text. Each step runs from its sources in this process with the real @actions/core
// (so its commands and its lines reach stdout in the order the runner would read them), and the
// local runner's parser, which parses as GitHub's runner does (workflow-commands.ts), is the judge:
// no annotation the step did not make, no mask the step did not add, and commands still obeyed after
// the step (a stop-commands smuggled in would leave the rest of the job's masks unregistered).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { inputVariable } from '../src/workflow/node-action.js';
import { WorkflowCommands } from '../src/workflow/workflow-commands.js';
import type { LogEvent } from '../src/workflow/workflow-commands.js';
import { startHostileModel } from './helpers/hostile-model.js';
import type { HostileModel } from './helpers/hostile-model.js';
import type { TestEmulator } from './helpers/emulator.js';
import { startTestEmulator } from './helpers/emulator.js';
import { ROOT, actionDefinition, trainingManifest } from './helpers/run-action.js';
import { sendJson, startTinyServer } from './helpers/tiny-server.js';

const steps = {
  train: () => import('../src/train/main.js'),
  predict: () => import('../src/predict/main.js'),
};

let emulator: TestEmulator;
let model: HostileModel;

beforeAll(async () => {
  emulator = await startTestEmulator();
  model = await startHostileModel({ kind: 'json', body: {} });
});

afterAll(async () => {
  await model.close();
  await emulator.close();
});

/** Runs a step's sources with these inputs (action.yml defaults applied) and returns all it printed. */
async function runStep(name: keyof typeof steps, inputs: Record<string, string>): Promise<string> {
  const temp = mkdtempSync(join(tmpdir(), `untrusted-${name}-`));
  const env: Record<string, string> = {
    GITHUB_WORKSPACE: ROOT,
    RUNNER_TEMP: temp,
    GITHUB_OUTPUT: join(temp, 'output'),
    GITHUB_STEP_SUMMARY: join(temp, 'summary'),
  };
  for (const file of [env.GITHUB_OUTPUT!, env.GITHUB_STEP_SUMMARY!]) writeFileSync(file, '');
  for (const input of actionDefinition(name).inputs) {
    if (input.default !== undefined) env[inputVariable(input.id)] = input.default.toString();
  }
  for (const [input, value] of Object.entries(inputs)) env[inputVariable(input)] = value;
  const saved = { ...process.env };
  Object.assign(process.env, env);
  let out = '';
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += chunk.toString();
    return true;
  });
  try {
    await (await steps[name]()).run();
  } finally {
    write.mockRestore();
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    process.exitCode = undefined;
  }
  return out;
}

/** What GitHub's runner makes of the output: its events, and whether it still obeys commands after. */
function asTheRunnerReadsIt(out: string) {
  const commands = new WorkflowCommands();
  const events: LogEvent[] = out.split(/\r\n|\r|\n/).flatMap((line) => commands.process(line));
  const probe = 'probe-after-the-step-0123';
  commands.process(`::add-mask::${probe}`);
  return {
    events,
    annotations: events.flatMap((e) => (e.type === 'annotation' ? [e.annotation] : [])),
    lines: events.flatMap((e) => (e.type === 'line' ? [e.text] : [])),
    obeysCommandsAfter: commands.mask(probe) === '***',
    masks: (text: string) => commands.mask(text),
  };
}

/** Log lines a hostile program could print, each a command in some form GitHub's runner reads. */
const HOSTILE = {
  // `##[` anywhere in a line: the old form, which the runner reads after text too.
  a: 'epoch 1 ##[stop-commands]pwned-token-1234',
  // U+0085 (NEXT LINE) is white space to .NET's TrimStart, not to JavaScript's \\s.
  b: 'x\\n\\u0085::add-mask::Epoch',
  // Characters with no collation weight, which culture-sensitive matching may skip.
  c: 'x\\n\\u200B::error::zero-width',
  d: 'x\\n#\\u200B#[warning]split prefix',
  e: 'x\\n\\u3000::notice::ideographic space',
};

describe('row 1: pod log lines (followed, and the last lines of a failure)', () => {
  test('a followed log: every hostile line is text, and the runner obeys commands after the step', async () => {
    const out = await runStep('train', {
      training: trainingManifest('hostile-log', HOSTILE),
      'poll-interval': '0.1s',
      ...settings(),
    });
    const runner = asTheRunnerReadsIt(out);
    expect(runner.annotations).toEqual([]);
    expect(runner.obeysCommandsAfter).toBe(true);
    // No mask came from the pod: its words are still shown.
    expect(runner.lines.some((line) => line.includes('Epoch 1/3'))).toBe(true);
    expect(runner.lines.some((line) => line.includes('#\\#[stop-commands]pwned-token-1234'))).toBe(true);
  });

  test("a failed training's last lines, shown again: text too", async () => {
    const out = await runStep('train', {
      training: trainingManifest('hostile-fail', { ...HOSTILE, 'emulator-outcome': 'failed' }),
      'poll-interval': '0.1s',
      logs: 'false',
      ...settings(),
    });
    const runner = asTheRunnerReadsIt(out);
    expect(runner.annotations.map((a) => a.message)).toEqual([
      expect.stringMatching(/^training hostile-fail failed: /),
    ]);
    expect(runner.obeysCommandsAfter).toBe(true);
    const shown = runner.lines.findIndex((line) =>
      /^Last \d+ log lines of training hostile-fail:$/.test(line),
    );
    expect(shown).toBeGreaterThanOrEqual(0);
    expect(runner.lines.slice(shown).some((line) => line.includes('pwned-token-1234'))).toBe(true);
  });
});

describe("row 2: a model's info and answers", () => {
  test('an info title with line breaks and commands is one line of text', async () => {
    model.behave({
      kind: 'json',
      body: {
        info: {
          title: 'wine\n::error::injected by the model\n::add-mask::wine',
          version: '1 ##[add-mask]Model',
        },
      },
    });
    const out = await runStep('predict', {
      url: model.url,
      info: 'true',
      token: 'static',
      'api-url': model.url,
    });
    const runner = asTheRunnerReadsIt(out);
    expect(runner.annotations).toEqual([]);
    expect(runner.obeysCommandsAfter).toBe(true);
    expect(runner.lines).toContain(
      'Model info: wine\\n::error::injected by the model\\n::add-mask::wine 1 #\\#[add-mask]Model',
    );
  });

  test("a prediction, and a refusal's body, with commands in them: text", async () => {
    model.behave({ kind: 'json', body: { prediction: [['ok ##[error]from the answer']] } });
    const answered = asTheRunnerReadsIt(
      await runStep('predict', {
        url: model.url,
        request: '{"data": [[1]]}',
        token: 'static',
        'api-url': model.url,
      }),
    );
    expect(answered.annotations).toEqual([]);
    expect(answered.obeysCommandsAfter).toBe(true);

    model.behave({ kind: 'json', status: 400, body: { message: 'no\n::add-mask::The\r##[error]refused' } });
    const refused = asTheRunnerReadsIt(
      await runStep('predict', {
        url: model.url,
        request: '{"data": [[1]]}',
        token: 'static',
        'api-url': model.url,
      }),
    );
    // The step's own failure only; the body between stop-commands, the runner obeying again after.
    expect(refused.annotations.map((a) => a.level)).toEqual(['error']);
    expect(refused.annotations[0]!.message).toMatch(/^POST .* failed: 400 /);
    expect(refused.obeysCommandsAfter).toBe(true);
    expect(refused.masks('The model answered')).toBe('The model answered');
  });
});

describe('row 8: a secret in the spellings it travels in', () => {
  test('a token endpoint that echoes the form body: the form-encoded secret is masked', async () => {
    const endpoint = await startTinyServer((request, response) => {
      sendJson(response, 401, { error: 'invalid_client', error_description: `bad client: ${request.body}` });
    });
    try {
      const out = await runStep('train', {
        training: trainingManifest('masked'),
        'api-url': emulator.apiUrl,
        'auth-url': `${endpoint.url}/token`,
        'client-id': 'wine-ci',
        'client-secret': 'my secret(value)!',
        'retry-timeout': '1s',
      });
      expect(endpoint.requests[0]?.body).toContain('client_secret=my+secret%28value%29%21');
      const runner = asTheRunnerReadsIt(out);
      const shown = [...runner.lines, ...runner.annotations.map((a) => a.message)].join('\n');
      expect(runner.annotations.map((a) => a.message)).toEqual([expect.stringContaining('bad client:')]);
      expect(shown).not.toContain('my+secret%28value%29%21');
      expect(shown).not.toContain('my secret(value)!');
    } finally {
      await endpoint.close();
    }
  });

  test('our own messages (and so comments, which no runner masks) hide JSON and base64 spellings', async () => {
    const { markSecret, redact } = await import('../src/shared/odahu/secrets.js');
    const secret = 'pa"ss\\word-0123456789';
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      markSecret(secret);
    } finally {
      write.mockRestore();
    }
    const json = JSON.stringify({ password: secret });
    expect(redact(`the server said ${json}`)).not.toContain('word-0123456789');
    const basic = Buffer.from(`user:${secret}`).toString('base64');
    expect(redact(`Authorization: Basic ${basic}`)).not.toContain(basic.slice(8, -4));
    expect(redact(`key ${Buffer.from(secret).toString('base64')}`)).toBe('key ***');
  });
});

function settings(): Record<string, string> {
  return {
    'api-url': emulator.apiUrl,
    'auth-url': emulator.authUrl,
    'client-id': emulator.clientId,
    'client-secret': emulator.clientSecret,
  };
}
