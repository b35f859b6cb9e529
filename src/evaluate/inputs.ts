// Every input of the evaluate action, parsed and checked in one place before any API call: the two
// models, the evaluation's spec (spec.ts: the dataset, its columns, task, metrics, gates), the
// model's credentials (as predict takes them), the report file and pr-comment.

import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  readModelCredentials,
  readSettingsAndVars,
  withinStepTimeout,
} from '../shared/action/common-inputs.js';
import { InputReader } from '../shared/action/inputs.js';
import { outsideWorkspaceProblem } from '../shared/action/workspace-files.js';
import type { ModelTarget } from '../shared/action/model-query.js';
import { readGitHubReportInputs } from '../shared/github/inputs.js';
import { idProblem } from '../shared/odahu/kinds.js';
import type { GitHubReportInputs } from '../shared/github/inputs.js';
import { actionInputs } from '../shared/odahu/settings.js';
import type { Credentials, InputSource, OdahuSettings } from '../shared/odahu/settings.js';
import { readEvaluationSpec } from '../shared/evaluation/spec.js';
import type { EvaluationSpec } from '../shared/evaluation/spec.js';

export interface EvaluateInputs {
  settings: OdahuSettings;
  modelCredentials: Credentials | undefined;
  candidate: ModelTarget;
  baseline: ModelTarget | undefined;
  spec: EvaluationSpec;
  readyTimeoutMs: number;
  reportFile: string | undefined;
  github: GitHubReportInputs;
}

export function readEvaluateInputs(source: InputSource = actionInputs): EvaluateInputs {
  const reader = new InputReader(source);
  const read = readSettingsAndVars(reader, { withVars: false });
  const candidate = readTarget(reader, 'candidate', true);
  const baseline = readTarget(reader, 'baseline', false);
  const spec = readEvaluationSpec(reader, { withBaseline: baseline !== undefined });
  const readyTimeoutMs = reader.duration('ready-timeout', '60s');
  const reportFile = readReportFile(reader);
  // A call is never retried past the evaluation's own time.
  const settings = withinStepTimeout(read.settings, spec?.timeoutMs ?? Infinity);
  const modelCredentials = readModelCredentials(reader, settings);
  const github = readGitHubReportInputs(reader, 'evaluate', { withEnvironment: false });
  reader.finish();
  return {
    settings: settings!,
    modelCredentials,
    candidate: candidate!,
    baseline,
    spec: spec!,
    readyTimeoutMs,
    reportFile,
    github,
  };
}

/** A deployment id, or a model URL (http(s)://...). */
function readTarget(reader: InputReader, name: string, required: boolean): ModelTarget | undefined {
  const value = required ? reader.required(name, 'a deployment id, or a model URL') : reader.optional(name);
  if (!value) return undefined;
  if (/^https?:\/\//i.test(value)) {
    if (!/^https?:\/\/[^/\s]+/i.test(value) || /\s/.test(value)) {
      reader.problem(`input ${name} is not a URL: "${value}"`);
      return undefined;
    }
    return { url: value.replace(/\/+$/, '') };
  }
  const problem = idProblem('ModelDeployment', value);
  if (problem) {
    reader.problem(`input ${name}: ${problem} (give a deployment id, or a model URL)`);
    return undefined;
  }
  return { deployment: value };
}

/** Where to write the JSON report, resolved now so a missing folder fails before any request. */
function readReportFile(reader: InputReader): string | undefined {
  const value = reader.optional('report-file');
  if (value === undefined) return undefined;
  const path = resolve(reader.source.env.GITHUB_WORKSPACE ?? process.cwd(), value);
  if (!existsSync(dirname(path))) {
    reader.problem(`input report-file: folder ${dirname(value)} does not exist`);
    return path;
  }
  const outside = outsideWorkspaceProblem(path, 'input report-file', { env: reader.source.env });
  if (outside) reader.problem(outside);
  return path;
}
