// What the runner does with a step's stdout: `::command props::data` lines are workflow commands
// (masks, groups, annotations, stop-commands), everything else is log. Masks hold for the rest of the
// job and every shown line has them applied, as on GitHub, so a log built here shows what a user's
// job log would show.

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

// The runner trims leading white space before looking for `::`.
const COMMAND = /^\s*::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/;

function unescapeData(text: string): string {
  return text.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
}

function unescapeProperty(text: string): string {
  return unescapeData(text).replace(/%3A/gi, ':').replace(/%2C/gi, ',');
}

function parseProperties(text: string | undefined): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const pair of (text ?? '').split(',')) {
    const equals = pair.indexOf('=');
    if (equals > 0) properties[pair.slice(0, equals).trim()] = unescapeProperty(pair.slice(equals + 1));
  }
  return properties;
}

export class WorkflowCommands {
  private readonly masks = new Set<string>();
  /** The token that ends a ::stop-commands:: span, while one is open. */
  private stoppedUntil: string | undefined;

  /** Values registered as secrets, e.g. by the workflow runner for `secrets.*`. */
  addMask(value: string): void {
    const trimmed = value.trim();
    if (trimmed === '') return;
    this.masks.add(trimmed);
    // A multi-line secret is masked line by line, as the runner does.
    for (const line of trimmed.split(/\r?\n/)) if (line.trim().length > 0) this.masks.add(line.trim());
  }

  /** The text with every mask replaced by `***`. */
  mask(text: string): string {
    let result = text;
    for (const secret of [...this.masks].sort((a, b) => b.length - a.length))
      result = result.split(secret).join('***');
    return result;
  }

  /** Interpret one stdout line. */
  process(rawLine: string): LogEvent[] {
    const line = rawLine.replace(/\r$/, '');
    if (this.stoppedUntil !== undefined) {
      if (line === `::${this.stoppedUntil}::`) {
        this.stoppedUntil = undefined;
        return [];
      }
      return [{ type: 'line', text: this.mask(line) }];
    }
    const match = COMMAND.exec(line);
    if (!match) return [{ type: 'line', text: this.mask(line) }];
    const [, name = '', props, data = ''] = match;
    switch (name) {
      case 'add-mask':
        this.addMask(unescapeData(data));
        return [];
      case 'stop-commands':
        this.stoppedUntil = data;
        return [];
      case 'group':
        return [{ type: 'group', title: this.mask(unescapeData(data)) }];
      case 'endgroup':
        return [{ type: 'endgroup' }];
      case 'debug':
        return [{ type: 'debug', text: this.mask(unescapeData(data)) }];
      case 'error':
      case 'warning':
      case 'notice':
        return [
          {
            type: 'annotation',
            annotation: {
              level: name,
              message: this.mask(unescapeData(data)),
              properties: parseProperties(props),
            },
          },
        ];
      case 'echo':
        return [];
      default:
        // set-output, save-state and unknown commands are not run; GitHub shows them as log.
        return [{ type: 'line', text: this.mask(line) }];
    }
  }
}
