import { InputError } from '../src/shared/odahu/errors.js';
import { MarkedTemplate, parseVars } from '../src/shared/action/template.js';

/** The text with its tokens filled again: where placeholders are found, and what stands for them. */
const fill = (text: string, vars: Record<string, string> = {}) => {
  const template = new MarkedTemplate(text, vars, 'inline training');
  return template.fill(template.text);
};

describe('template placeholders', () => {
  test('an identifier in single braces is filled, as often as it occurs', () => {
    expect(fill('id: {name}-{version}\nname: {name}', { name: 'wine', version: '1.0' })).toBe(
      'id: wine-1.0\nname: wine',
    );
  });

  test('JSON objects and YAML flow maps pass through', () => {
    const text = '{"kind": "ModelRoute", "spec": {"a": 1}}\nx: {a: 1, b: {c: d}}\ny: {}\nz: { spaced }';
    expect(fill(text, { a: 'no' })).toBe(text);
  });

  test("Odahu's Go templates pass through, spaced or not", () => {
    const text = 'a: "{{ .Name }}-{{ .Version }}"\nb: "{{Name}}:{{ RandomUUID }}"\nc: "{{{x}}}"';
    expect(fill(text, { Name: 'no', RandomUUID: 'no', x: 'no' })).toBe(text);
  });

  test('shell expansions pass through', () => {
    expect(fill('cmd: echo ${HOME} {dir}', { HOME: 'no', dir: '/tmp' })).toBe('cmd: echo ${HOME} /tmp');
  });

  test('a placeholder with no value is an error naming it and its line, once per name', () => {
    let caught: unknown;
    try {
      fill('id: {name}\nversion: {version}\nagain: {version}\nok: {ok}', { ok: 'fine' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as InputError).problems).toEqual([
      'inline training, line 1: no value for template variable {name}',
      'inline training, line 2: no value for template variable {version}',
    ]);
  });

  test('values are inserted as they are, braces included', () => {
    expect(fill('a: {x}', { x: '{y}' })).toBe('a: {y}');
  });

  test('a placeholder becomes a token of letters and digits until the text is parsed', () => {
    const template = new MarkedTemplate(
      '{"id": "{name}", "n": "{n}"}',
      { name: 'x","workDir":"/evil', n: '2' },
      's',
    );
    expect(template.text).toMatch(/^\{"id": "odahuvar[0-9a-f]{12}x0x", "n": "odahuvar[0-9a-f]{12}x1x"\}$/);
    const parsed = JSON.parse(template.text) as Record<string, string>;
    // As a whole plain scalar a value is typed as YAML types it; in quotes it stays a string.
    expect(template.fillTree(parsed, new Set([parsed.n!]))).toEqual({ id: 'x","workDir":"/evil', n: 2 });
    expect(template.fillTree(parsed)).toEqual({ id: 'x","workDir":"/evil', n: '2' });
  });
});

describe('the vars input', () => {
  test('KEY=VALUE lines, comments and blank lines skipped, one pair of quotes dropped', () => {
    expect(
      parseVars('# versions\nmodel_version=1.0\n\n  run_id = 42 \nurl=http://x?a=b\nq="quoted"\n'),
    ).toEqual({
      model_version: '1.0',
      run_id: '42',
      url: 'http://x?a=b',
      q: 'quoted',
    });
  });

  test('a YAML map keeps the text of its values', () => {
    expect(parseVars('model_version: 1.0\nenabled: true\nempty:\nflow: "{x}"')).toEqual({
      model_version: '1.0',
      enabled: 'true',
      empty: '',
      flow: '{x}',
    });
    expect(parseVars('{a: 1, b: two}')).toEqual({ a: '1', b: 'two' });
  });

  test('empty input: no vars', () => {
    expect(parseVars('  \n# nothing\n')).toEqual({});
  });

  test.each([
    ['a=1\na=2', 'vars: a is given twice'],
    ['just text', 'vars is neither KEY=VALUE lines nor a YAML map of names to values'],
    ['- a\n- b', 'vars is neither KEY=VALUE lines nor a YAML map of names to values'],
    ['a: [1, 2]', 'vars: a must be a single value, not a list or map'],
    ['my-var: 1', 'vars: "my-var" cannot be a placeholder name (letters, digits and _, not first a digit)'],
  ])('%p is refused', (text, problem) => {
    expect(() => parseVars(text)).toThrow(problem);
  });
});
