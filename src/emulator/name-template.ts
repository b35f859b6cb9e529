// The name templates a run fills in: a training's artifactNameTemplate (a Go template, fields written
// `{{ .Name }}`) and a packager's imageName (written `{{ Name }}`). Only plain fields are used in
// practice; anything else fails the run, as a template error fails the real trainer or packager.

export class TemplateError extends Error {}

const ACTION = /\{\{(-?)\s*(.*?)\s*(-?)\}\}/g;

export function renderNameTemplate(template: string, fields: Readonly<Record<string, string>>): string {
  return template.replace(ACTION, (_all, _trimLeft: string, action: string) => {
    const field = /^\.?([A-Za-z_][A-Za-z0-9_]*)$/.exec(action)?.[1];
    if (field === undefined)
      throw new TemplateError(`template: ${template}: unsupported action {{ ${action} }}`);
    const value = fields[field];
    if (value === undefined) throw new TemplateError(`template: ${template}: can't evaluate field ${field}`);
    return value;
  });
}
