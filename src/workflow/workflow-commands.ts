// What the runner does with a step's output lines (stdout and stderr alike): workflow commands (masks,
// groups, annotations, stop-commands), everything else is log. Masks hold for the rest of the job
// and every shown line has them applied, as on GitHub, so a log built here shows what a user's job
// log would show.
//
// Parsed as GitHub's runner parses (actions/runner: ActionCommandManager.TryProcessCommand, then
// ActionCommand.TryParseV2 and TryParse): `::name props::data` once .NET's TrimStart has removed the
// white space it knows (U+0085 among it), else the old `##[name props]data` anywhere in the line.
// The runner matches `::` and `##[` culture-sensitively, and on Linux ICU may skip characters that
// have no collation weight (controls, zero-width and format characters): this runner skips them
// always, so a test that passes here cannot rely on one of them to keep a line from being a command.

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface Annotation {
  level: AnnotationLevel;
  message: string;
  properties: Record<string, string>;
}

export type LogEvent =
  | { type: 'line'; text: string }
  | { type: 'group'; title: string }
  | { type: 'endgroup' }
  | { type: 'annotation'; annotation: Annotation }
  | { type: 'debug'; text: string };

/** The commands the runner knows; a name it does not know makes no command (the line is log). */
const REGISTERED = new Set([
  'stop-commands',
  'set-env',
  'set-output',
  'save-state',
  'add-mask',
  'add-path',
  'add-matcher',
  'remove-matcher',
  'debug',
  'warning',
  'error',
  'notice',
  'group',
  'endgroup',
  'echo',
]);

/** .NET's Char.IsWhiteSpace, which String.TrimStart removes (JavaScript's \s has U+FEFF, not U+0085). */
const DOTNET_LEADING_SPACE = /^[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/;
/** Characters ICU may give no weight when comparing: controls (not white space), format characters. */
const WEIGHTLESS = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
/** The controls that are white space to .NET: TrimStart removes them, they are not skipped. */
const SPACE_CONTROLS = '\t\n\v\f\r\u0085';

/** GitHub's stop-commands tokens may not be these (ValidateStopToken). */
const INVALID_STOP_TOKEN =
  "You cannot use a endToken that is an empty string, the string 'pause-logging', or another workflow command.";

type Mapping = readonly (readonly [token: string, escaped: string])[];

// The runner's escape mappings, undone in this order with case-sensitive replaces.
const V1_ESCAPES: Mapping = [
  [';', '%3B'],
  ['\r', '%0D'],
  ['\n', '%0A'],
  [']', '%5D'],
  ['%', '%25'],
];
const DATA_ESCAPES: Mapping = [
  ['\r', '%0D'],
  ['\n', '%0A'],
  ['%', '%25'],
];
const PROPERTY_ESCAPES: Mapping = [
  ['\r', '%0D'],
  ['\n', '%0A'],
  [':', '%3A'],
  [',', '%2C'],
  ['%', '%25'],
];

function unescape(text: string, mapping: Mapping): string {
  return mapping.reduce((result, [token, escaped]) => result.split(escaped).join(token), text);
}

interface ParsedCommand {
  /** Lower case: the runner's command names compare case-insensitively. */
  name: string;
  properties: Record<string, string>;
  data: string;
}

/** A line as the runner reads it: its command, if `registered` knows the name. */
export function parseCommand(line: string, registered: ReadonlySet<string>): ParsedCommand | undefined {
  const text = line.replace(WEIGHTLESS, (char) => (SPACE_CONTROLS.includes(char) ? char : ''));
  if (!text.includes('::') && !text.includes('##[')) return undefined;
  return parseV2(text, registered) ?? parseV1(text, registered);
}

function parseV2(line: string, registered: ReadonlySet<string>): ParsedCommand | undefined {
  const message = line.replace(DOTNET_LEADING_SPACE, '');
  if (!message.startsWith('::')) return undefined;
  const end = message.indexOf('::', 2);
  if (end < 0) return undefined;
  const info = message.slice(2, end);
  const space = info.indexOf(' ');
  const name = (space < 0 ? info : info.slice(0, space)).toLowerCase();
  if (!registered.has(name)) return undefined;
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const pair of info
      .slice(space + 1)
      .trim()
      .split(',')) {
      const equals = pair.indexOf('=');
      // As .NET's Split('=', 2, RemoveEmptyEntries): a key and a non-empty value.
      if (equals > 0 && equals < pair.length - 1)
        properties[pair.slice(0, equals).toLowerCase()] = unescape(pair.slice(equals + 1), PROPERTY_ESCAPES);
    }
  }
  return { name, properties, data: unescape(message.slice(end + 2), DATA_ESCAPES) };
}

function parseV1(line: string, registered: ReadonlySet<string>): ParsedCommand | undefined {
  const prefix = line.indexOf('##[');
  if (prefix < 0) return undefined;
  const bracket = line.indexOf(']', prefix);
  if (bracket < 0) return undefined;
  const info = line.slice(prefix + 3, bracket);
  const space = info.indexOf(' ');
  const name = (space < 0 ? info : info.slice(0, space)).toLowerCase();
  if (!registered.has(name)) return undefined;
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const pair of info.slice(space + 1).split(';')) {
      const equals = pair.indexOf('=');
      if (equals > 0 && equals < pair.length - 1)
        properties[pair.slice(0, equals).toLowerCase()] = unescape(pair.slice(equals + 1), V1_ESCAPES);
    }
  }
  return { name, properties, data: unescape(line.slice(bracket + 1), V1_ESCAPES) };
}

/**
 * The spellings of a secret the runner masks besides the value (its SecretMasker's value encoders):
 * base64 (from each of the first three bytes, as inside `base64(user:secret)`), JSON string escaping,
 * URI data escaping, XML escaping, and the value without surrounding double quotes.
 */
export function runnerMaskSpellings(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const spellings = [0, 1, 2].map((shift) =>
    bytes.length > shift ? bytes.subarray(shift).toString('base64') : bytes.toString('base64'),
  );
  spellings.push(
    JSON.stringify(value).slice(1, -1),
    encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
    value.replace(
      /[&<>"']/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
    ),
    value.replace(/"/g, '\\"'),
    value.replace(/'/g, "''"),
  );
  if (value.length > 8 && value.startsWith('"') && value.endsWith('"')) spellings.push(value.slice(1, -1));
  return spellings;
}

export class WorkflowCommands {
  private readonly masks = new Set<string>();
  private readonly registered = new Set(REGISTERED);
  /** The token that ends a ::stop-commands:: span, while one is open. */
  private stoppedUntil: string | undefined;

  /** Values registered as secrets, e.g. by the workflow runner for `secrets.*`. */
  addMask(value: string): void {
    if (value.trim() === '') return;
    this.addMaskValue(value);
    // A multi-line secret is masked line by line too, as the runner does.
    for (const line of value.split(/[\r\n]/)) if (line.trim().length > 0) this.addMaskValue(line.trim());
  }

  private addMaskValue(value: string): void {
    this.masks.add(value);
    for (const spelling of runnerMaskSpellings(value)) if (spelling !== '') this.masks.add(spelling);
  }

  /** The text with every mask replaced by `***`. */
  mask(text: string): string {
    let result = text;
    for (const secret of [...this.masks].sort((a, b) => b.length - a.length))
      result = result.split(secret).join('***');
    return result;
  }

  /** Interpret one output line (the runner reads stdout and stderr alike). */
  process(rawLine: string): LogEvent[] {
    const line = rawLine.replace(/\r$/, '');
    const command = parseCommand(line, this.registered);
    const shown: LogEvent = { type: 'line', text: this.mask(line) };
    if (this.stoppedUntil !== undefined) {
      if (command?.name !== this.stoppedUntil) return [shown];
      this.registered.delete(this.stoppedUntil);
      this.stoppedUntil = undefined;
      return [shown];
    }
    if (!command) return [shown];
    const { name, properties, data } = command;
    switch (name) {
      case 'add-mask':
        this.addMask(data);
        return [];
      case 'stop-commands': {
        const token = data.toLowerCase();
        if (token === '' || token === 'pause-logging' || this.registered.has(token)) {
          return [
            {
              type: 'annotation',
              annotation: { level: 'error', message: INVALID_STOP_TOKEN, properties: {} },
            },
          ];
        }
        this.stoppedUntil = token;
        this.registered.add(token);
        // The runner masks a token longer than 6 characters and shows the line.
        if (data.length > 6) this.masks.add(data);
        return [{ type: 'line', text: this.mask(line) }];
      }
      case 'group':
        return [{ type: 'group', title: this.mask(data) }];
      case 'endgroup':
        return [{ type: 'endgroup' }];
      case 'debug':
        return [{ type: 'debug', text: this.mask(data) }];
      case 'error':
      case 'warning':
      case 'notice':
        return [
          {
            type: 'annotation',
            annotation: { level: name, message: this.mask(data), properties },
          },
        ];
      case 'echo':
        return [];
      default:
        // set-output, save-state, add-path, matchers, set-env: not run here; shown as log.
        return [shown];
    }
  }
}
