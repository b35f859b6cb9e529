// Every input of the predict action, parsed and checked in one place before any API call.

import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  readModelCredentials,
  readRequestInput,
  readSettingsAndVars,
  withinStepTimeout,
} from '../shared/action/common-inputs.js';
import { InputReader } from '../shared/action/inputs.js';
import { readGitHubReportInputs } from '../shared/github/inputs.js';
import type { GitHubReportInputs } from '../shared/github/inputs.js';
import { idProblem } from '../shared/odahu/kinds.js';
import { outsideWorkspaceProblem } from '../shared/action/workspace-files.js';
import { actionInputs } from '../shared/odahu/settings.js';
import type { Credentials, InputSource, OdahuSettings } from '../shared/odahu/settings.js';
import type { PredictionRequest } from '../shared/odahu/types.js';

export interface PredictInputs {
  settings: OdahuSettings;
  /** The model's own credentials (the plugin's model connection); the API's serve when absent. */
  modelCredentials: Credentials | undefined;
  target: { deployment: string } | { url: string };
  /** Absent for info. */
  request: PredictionRequest | undefined;
  info: boolean;
  outputFile: string | undefined;
  readyTimeoutMs: number;
  /** pr-comment. */
  github: GitHubReportInputs;
}

export function readPredictInputs(source: InputSource = actionInputs): PredictInputs {
  const reader = new InputReader(source);
  const read = readSettingsAndVars(reader, { withVars: false });

  const deployment = reader.optional('deployment');
  const url = reader.optional('url');
  if (deployment && url) reader.problem('give either deployment or url, not both');
  if (!deployment && !url) reader.problem('give deployment (a deployment id) or url (a model URL)');
  if (url && !/^https?:\/\/[^/\s]+[^\s]*$/.test(url))
    reader.problem(`input url is not a URL: ${JSON.stringify(url)}`);
  const idRefused = deployment && idProblem('ModelDeployment', deployment);
  if (idRefused) reader.problem(`input deployment: ${idRefused}`);

  const info = reader.boolean('info', false);
  const request = readRequestInput(reader, 'request');
  if (!info && !reader.optional('request')) reader.problem('input request is required unless info is true');

  const outputFile = readOutputFile(reader);
  const readyTimeoutMs = reader.duration('ready-timeout', '60s');
  const settings = withinStepTimeout(read.settings, readyTimeoutMs);

  const modelCredentials = readModelCredentials(reader, settings);
  const github = readGitHubReportInputs(reader, 'predict', { withEnvironment: false });
  reader.finish();
  return {
    settings: settings!,
    modelCredentials,
    target: deployment ? { deployment } : { url: url!.replace(/\/+$/, '') },
    request,
    info,
    outputFile,
    readyTimeoutMs,
    github,
  };
}

/**
 * Where to also write the answer, resolved now so a missing folder, or one outside the workspace,
 * fails before the model is asked.
 */
function readOutputFile(reader: InputReader): string | undefined {
  const value = reader.optional('output-file');
  if (value === undefined) return undefined;
  const path = resolve(reader.source.env.GITHUB_WORKSPACE ?? process.cwd(), value);
  if (!existsSync(dirname(path))) {
    reader.problem(`input output-file: folder ${dirname(value)} does not exist`);
    return path;
  }
  const outside = outsideWorkspaceProblem(path, 'input output-file', { env: reader.source.env });
  if (outside) reader.problem(outside);
  return path;
}
