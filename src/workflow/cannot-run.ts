// Why a run cannot start (bad usage, a workflow or action file the parser rejects, a feature this
// runner does not support): one line each, shown as they are; the command exits with 2.

import type { TemplateContext } from '@actions/workflow-parser/templates/template-context';

export class CannotRun extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
    this.name = 'CannotRun';
  }
}

/** The parser's errors as `file:line: message`, one line each (a YAML error's code frame left out). */
export function templateErrors(context: TemplateContext, file: string): string[] {
  return context.errors.getErrors().map((error) => {
    const message = error.range ? `${file}:${error.range.start.line}: ${error.rawMessage}` : error.message;
    return (message.split('\n')[0] ?? message).trim().replace(/:$/, '');
  });
}
