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
    commands.process('::stop-commands::tok');
    expect(commands.process('::add-mask::notmasked')).toEqual([
      { type: 'line', text: '::add-mask::notmasked' },
    ]);
    expect(commands.process('::tok::')).toEqual([]);
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

describe('pod log lines', () => {
  test('a log line that looks like a workflow command reaches the job log as text', async () => {
    const { inert } = await import('../src/shared/action/pod-log.js');
    const raw = new WorkflowCommands();
    // As they are, the runner would obey them: a mask swallowing the log, a fake error annotation.
    expect(raw.process('::add-mask::everything')).toEqual([]);
    expect(raw.process('  ::error::fake failure')[0]).toMatchObject({ type: 'annotation' });

    const commands = new WorkflowCommands();
    for (const hostile of ['::add-mask::everything', '  ::error::fake failure', '##[set-output name=x;]y']) {
      expect(commands.process(inert(hostile))).toEqual([{ type: 'line', text: `\u200B${hostile}` }]);
    }
    expect(inert('INFO step-trainer epoch 1')).toBe('INFO step-trainer epoch 1');
  });
});
