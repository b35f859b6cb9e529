// The one place untrusted text becomes log text or markdown (src/shared/odahu/untrusted-text.ts), judged by
// the local runner's parser, which reads commands as GitHub's runner does.

import { WorkflowCommands } from '../src/workflow/workflow-commands.js';
import {
  cutText,
  inertLine,
  logLines,
  logText,
  markdownCode,
  markdownText,
  oneLine,
  printUntrusted,
} from '../src/shared/odahu/untrusted-text.js';

/** Every command form the runner reads, in the places it reads them. */
const COMMANDS = [
  '::add-mask::everything',
  '   ::error::indented',
  '\t::warning::tab',
  '\u0085::add-mask::next line',
  '\u00A0::notice::no-break space',
  '\u2028::error::line separator',
  '\u3000::error::ideographic space',
  '\uFEFF::error::byte order mark',
  '\u200B::error::zero width',
  '\x01::error::control',
  'text ##[error]in the middle',
  '##[add-mask]old form first',
  '#\u200B#[error]split by a zero-width space',
  '###[error]three',
  '::STOP-COMMANDS::upper-case-token',
];

function obeyed(line: string): boolean {
  const commands = new WorkflowCommands();
  const events = commands.process(line);
  commands.process('::add-mask::probe-value-123');
  return !(events.length === 1 && events[0]!.type === 'line') || commands.mask('probe-value-123') !== '***';
}

describe('log text', () => {
  test.each(COMMANDS)('%j is a command as it is, and text after inertLine', (line) => {
    expect(obeyed(line)).toBe(true);
    expect(obeyed(inertLine(line))).toBe(false);
  });

  test('lines that cannot be commands are left as they are, colours and all', () => {
    for (const line of [
      'INFO epoch 1/3 loss=0.5',
      '\x1b[32mok\x1b[0m',
      'url: http://x:8080/a::b',
      '# heading',
      '',
    ]) {
      expect(inertLine(line)).toBe(line);
    }
  });

  test("a dangerous line's invisible characters are shown as escapes, the rest kept", () => {
    expect(inertLine('\u200B::error::x')).toBe('\\u200b::error::x');
    expect(inertLine('\x1b::error::x')).toBe('\\x1b::error::x');
    // A colour code first is no command (the runner does not skip "[31m"): left alone.
    expect(inertLine('\x1b[31m::error::x')).toBe('\x1b[31m::error::x');
    expect(inertLine('\u{E0001}##[error]x')).toBe('\\u{e0001}#\\#[error]x');
    expect(inertLine('  ::error::x')).toBe('\\  ::error::x');
  });

  test('logText: one line, breaks shown as \\n and \\r, inert', () => {
    const text = logText('title\n::error::x\r\n##[add-mask]y\rz');
    expect(text).toBe('title\\n::error::x\\r\\n#\\#[add-mask]y\\rz');
    expect(obeyed(text)).toBe(false);
    expect(obeyed(`Model info: ${logText('\n::error::x')}`)).toBe(false);
    expect(obeyed(logText('::error::alone'))).toBe(false);
  });

  test('logLines: a line per line as the runner splits them (\\n, \\r\\n, \\r), each inert', () => {
    expect(logLines('a\n::error::b\r\nc\r##[error]d')).toEqual(['a', '\\::error::b', 'c', '#\\#[error]d']);
  });

  test('printUntrusted: between stop-commands with a fresh token; the runner obeys again after', () => {
    const printed: string[] = [];
    printUntrusted('one\n::error::two\n::odahu-guess::', (line) => printed.push(line));
    printUntrusted(['x'], (line) => printed.push(line));
    const [first, , , , last] = printed;
    const token = /^::stop-commands::(odahu-[0-9a-f]{32})$/.exec(first!)?.[1];
    expect(token).toBeDefined();
    expect(last).toBe(`::${token}::`);
    expect(printed[5]).not.toBe(first);
    const commands = new WorkflowCommands();
    const events = printed.flatMap((line) => commands.process(line));
    expect(events.filter((e) => e.type === 'annotation')).toEqual([]);
    commands.process('::add-mask::after-the-block');
    expect(commands.mask('after-the-block')).toBe('***');
  });
});

describe('markdown', () => {
  test('one line, every syntax character a reference, @ and # joined to nothing', () => {
    const text = markdownText('@octocat\n\n# head [a](b) ![i](p) <img> *x* `c` | ~ \\ #12');
    expect(text).not.toMatch(/[\n<>[\]()!*`|~\\]/);
    // As GitHub reads it: the references are characters again, and no @ or # touches a word.
    const read = text.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
    expect(read).toBe('@\u2060octocat #\u2060 head [a](b) ![i](p) <img> *x* `c` | ~ \\ #\u206012');
    expect(text).toBe(
      '&#64;&#8288;octocat &#35;&#8288; head &#91;a&#93;&#40;b&#41; &#33;&#91;i&#93;&#40;p&#41; &#60;img&#62; &#42;x&#42; &#96;c&#96; &#124; &#126; &#92; &#35;&#8288;12',
    );
  });

  test('bidi overrides and other format characters are gone; the text is cut whole code points', () => {
    expect(markdownText('a\u202Eb\u200Bc')).toBe('a b c');
    expect(markdownText('😀'.repeat(5), 3)).toBe('😀😀😀…');
    expect(cutText('abc', 3)).toBe('abc');
  });

  test('markdownCode: in <code>, a lone space when empty', () => {
    expect(markdownCode('<b>')).toBe('<code>&#60;b&#62;</code>');
    expect(markdownCode('')).toBe(' ');
  });
});

describe('oneLine: the one helper that makes untrusted text one line and clips it', () => {
  test('line breaks, controls and bidi overrides one space each run, trimmed, then cut once', () => {
    expect(oneLine('  model\r\n\tfailed:\u202e evil\u0085 \u0000 end  ', 100)).toBe('model failed: evil end');
    const long = `${'x'.repeat(10)}\n${'y'.repeat(10)}`;
    expect(oneLine(long, 15)).toBe(`${'x'.repeat(10)} ${'y'.repeat(4)}…`);
    // markdownText clips through it, once: escaping comes after the cut.
    expect(markdownText('<b>'.repeat(10), 6)).toBe('&#60;b&#62;&#60;b&#62;…');
  });
});
