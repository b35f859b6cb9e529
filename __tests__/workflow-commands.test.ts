import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileCommands, parseKeyValueFile, readFileCommands } from '../src/workflow/file-commands.js';
import { WorkflowCommands } from '../src/workflow/workflow-commands.js';

describe('file commands', () => {
  test('reads name=value lines and heredocs, as @actions/core writes them', () => {
    const text = 'plain=one=two\nmulti<<ghadelimiter_1\nline 1\nline 2\nghadelimiter_1\nempty<<EOF\nEOF\n';
    expect(parseKeyValueFile(text, 'GITHUB_OUTPUT')).toEqual({
      plain: 'one=two',
      multi: 'line 1\nline 2',
      empty: '',
    });
  });

  test('an unclosed heredoc or a line without = is an error naming the file', () => {
    expect(() => parseKeyValueFile('x<<END\nvalue\n', 'GITHUB_ENV')).toThrow(
      'GITHUB_ENV: no closing delimiter END for x',
    );
    expect(() => parseKeyValueFile('nonsense\n', 'GITHUB_OUTPUT')).toThrow(
      'GITHUB_OUTPUT: invalid line 1: nonsense',
    );
  });

  test('fresh files per step, read back with PATH entries and the summary', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fc-'));
    const paths = createFileCommands(dir, 'step1');
    writeFileSync(paths.GITHUB_OUTPUT, 'a=1\n');
    writeFileSync(paths.GITHUB_PATH, '/opt/tool/bin\n\n');
    writeFileSync(paths.GITHUB_STEP_SUMMARY, '### hi\n');
    const read = readFileCommands(paths);
    expect(read).toEqual({
      outputs: { a: '1' },
      state: {},
      env: {},
      path: ['/opt/tool/bin'],
      summary: '### hi\n',
    });
  });
});

describe('workflow commands', () => {
  test('add-mask hides the value in every later line, multi-line secrets line by line', () => {
    const commands = new WorkflowCommands();
    expect(commands.process('::add-mask::s3cr3t')).toEqual([]);
    commands.addMask('first line\nsecond line');
    expect(commands.process('token s3cr3t and second line')).toEqual([
      { type: 'line', text: 'token *** and ***' },
    ]);
  });

  test('stop-commands turns commands into plain log until its token', () => {
    const commands = new WorkflowCommands();
    // The runner shows both lines of the pair (a token of 7 characters or more masked).
    expect(commands.process('::stop-commands::tok')).toEqual([
      { type: 'line', text: '::stop-commands::tok' },
    ]);
    expect(commands.process('::add-mask::notmasked')).toEqual([
      { type: 'line', text: '::add-mask::notmasked' },
    ]);
    expect(commands.process('::tok::')).toEqual([{ type: 'line', text: '::tok::' }]);
    expect(commands.process('::add-mask::now')).toEqual([]);
    expect(commands.process('now')).toEqual([{ type: 'line', text: '***' }]);
  });

  test('annotations with escaped data and properties, groups and debug', () => {
    const commands = new WorkflowCommands();
    expect(commands.process('::error file=a.yml,line=3::bad%0Athing 100%25')).toEqual([
      {
        type: 'annotation',
        annotation: { level: 'error', message: 'bad\nthing 100%', properties: { file: 'a.yml', line: '3' } },
      },
    ]);
    expect(commands.process('::group::Log of training wine')).toEqual([
      { type: 'group', title: 'Log of training wine' },
    ]);
    expect(commands.process('::endgroup::')).toEqual([{ type: 'endgroup' }]);
    expect(commands.process('::debug::details')).toEqual([{ type: 'debug', text: 'details' }]);
  });
});

describe("commands as GitHub's runner parses them (ActionCommand.TryParseV2, then TryParse)", () => {
  test('the old ##[name]data form anywhere in a line', () => {
    const commands = new WorkflowCommands();
    expect(commands.process('epoch 3 ##[error]from the middle')).toEqual([
      { type: 'annotation', annotation: { level: 'error', message: 'from the middle', properties: {} } },
    ]);
    expect(commands.process('x ##[add-mask]hidden%5Dvalue')).toEqual([]);
    expect(commands.process('hidden]value')).toEqual([{ type: 'line', text: '***' }]);
    // An unknown name is no command: the line is log.
    expect(commands.process('##[not-a-command]x')).toEqual([{ type: 'line', text: '##[not-a-command]x' }]);
  });

  test("TrimStart's white space is .NET's: U+0085 and U+3000 before :: still make a command", () => {
    for (const space of ['\u0085', '\u3000', '\u2028', '\t ']) {
      const commands = new WorkflowCommands();
      expect(commands.process(`${space}::add-mask::secret-${space.length}`)).toEqual([]);
      expect(commands.process(`x secret-${space.length}`)).toEqual([{ type: 'line', text: 'x ***' }]);
    }
    // U+FEFF is white space to JavaScript, not to .NET; but a weightless character, skipped.
    expect(new WorkflowCommands().process('\uFEFF::error::bom')[0]).toMatchObject({ type: 'annotation' });
  });

  test('zero-width and control characters are skipped, as culture-sensitive matching may', () => {
    const commands = new WorkflowCommands();
    expect(commands.process('\u200B::error::zero width')[0]).toMatchObject({ type: 'annotation' });
    expect(commands.process('a #\u200B#[error]split')[0]).toMatchObject({ type: 'annotation' });
    expect(commands.process('\x01::warning::control')[0]).toMatchObject({ type: 'annotation' });
  });

  test('command names compare without case; data escapes are case-sensitive, as the runner has them', () => {
    const commands = new WorkflowCommands();
    expect(commands.process('::ERROR::a%0Ab%0ac')).toEqual([
      { type: 'annotation', annotation: { level: 'error', message: 'a\nb%0ac', properties: {} } },
    ]);
  });

  test('stop-commands: nothing runs until its token comes back, in either form; the lines are shown', () => {
    const commands = new WorkflowCommands();
    expect(commands.process('::stop-commands::resume-token-1')).toEqual([
      { type: 'line', text: '::stop-commands::***' },
    ]);
    for (const line of ['::error::no', 'x ##[error]no', '::add-mask::no', '::endgroup::']) {
      expect(commands.process(line)).toEqual([{ type: 'line', text: line }]);
    }
    // Masks are case-sensitive: the token as registered is hidden, another spelling is not.
    expect(commands.process('##[RESUME-TOKEN-1]')).toEqual([{ type: 'line', text: '##[RESUME-TOKEN-1]' }]);
    expect(commands.process('::error::yes')[0]).toMatchObject({ type: 'annotation' });
  });

  test('a stop-commands token that is empty or a command name is refused, as the runner refuses it', () => {
    for (const token of ['', 'add-mask', 'Pause-Logging']) {
      const commands = new WorkflowCommands();
      expect(commands.process(`::stop-commands::${token}`)[0]).toMatchObject({
        type: 'annotation',
        annotation: { level: 'error' },
      });
      expect(commands.process('::error::still obeyed')[0]).toMatchObject({ type: 'annotation' });
    }
  });

  test("a mask covers the runner's spellings of the value: base64 (three alignments), JSON, URI", () => {
    const commands = new WorkflowCommands();
    const secret = 'my secret"(value)!';
    commands.addMask(secret);
    const shown = [
      Buffer.from(secret).toString('base64'),
      Buffer.from(secret.slice(1)).toString('base64'),
      Buffer.from(secret.slice(2)).toString('base64'),
      JSON.stringify(secret).slice(1, -1),
      'my%20secret%22%28value%29%21',
    ].map((spelling) => commands.mask(`a ${spelling} b`));
    expect(shown).toEqual(Array(5).fill('a *** b'));
    // Form encoding is not one of them: whoever sends a secret so must mask that spelling itself.
    expect(commands.mask('my+secret%22%28value%29%21')).toBe('my+secret%22%28value%29%21');
  });
});

describe('pod log lines', () => {
  test('a log line that looks like a workflow command reaches the job log as text', async () => {
    const { inertLine } = await import('../src/shared/odahu/untrusted-text.js');
    const raw = new WorkflowCommands();
    // As they are, the runner would obey them: a mask swallowing the log, a fake error annotation.
    expect(raw.process('::add-mask::everything')).toEqual([]);
    expect(raw.process('  ::error::fake failure')[0]).toMatchObject({ type: 'annotation' });

    const commands = new WorkflowCommands();
    const hostile = [
      '::add-mask::everything',
      '  ::error::fake failure',
      '##[set-output name=x;]y',
      'step 1 ##[stop-commands]x',
      '\u0085::add-mask::next-line',
      '\u200B::error::zero width',
      '#\u200B#[error]split',
      '###[error]triple',
    ];
    for (const line of hostile) {
      const events = commands.process(inertLine(line));
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ type: 'line' });
    }
    expect(inertLine('INFO step-trainer epoch 1')).toBe('INFO step-trainer epoch 1');
    expect(inertLine('\x1b[32mgreen\x1b[0m ok')).toBe('\x1b[32mgreen\x1b[0m ok');
    expect(inertLine('step 1 ##[stop-commands]x')).toBe('step 1 #\\#[stop-commands]x');
    // White space to .NET stays, behind a \ that TrimStart does not remove.
    expect(inertLine('\u0085::add-mask::x')).toBe('\\\u0085::add-mask::x');
    expect(inertLine('INFO\tstep ##[error]x')).toBe('INFO\tstep #\\#[error]x');
  });
});
