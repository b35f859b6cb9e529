// Every input of the resume action, parsed and checked in one place before any API call: the Odahu
// settings, the token, and the phases to cancel (the `cancel` input, or the check run's Cancel
// button when the run is for its `check_run` `requested_action` event).

import { readFileSync } from 'node:fs';
import { readSettingsAndVars } from '../shared/action/common-inputs.js';
import { readGitHubRun } from '../shared/action/github-run.js';
import { InputReader } from '../shared/action/inputs.js';
import type { GitHubApiOptions } from '../shared/github/api.js';
import { CANCEL_ACTION } from '../shared/github/check-run.js';
import { PARKED_KINDS } from '../shared/github/parked-store.js';
import type { Repository } from '../shared/github/parked-store.js';
import { markSecret } from '../shared/odahu/secrets.js';
import { actionInputs } from '../shared/odahu/settings.js';
import type { InputSource, OdahuSettings } from '../shared/odahu/settings.js';

export const RESUME_PERMISSIONS = 'checks: write, contents: write, actions: write';

export interface ResumeInputs {
  settings: OdahuSettings;
  api: GitHubApiOptions;
  repository: Repository;
  /** This run's id: what its claims name. */
  runId: string;
  runUrl: string;
  /** Phases to cancel, as `training/wine-2024`. */
  cancel: string[];
}

const KEY = new RegExp(`^(${Object.values(PARKED_KINDS).join('|')})/[a-z0-9][a-z0-9-]*$`);

export function readResumeInputs(source: InputSource = actionInputs): ResumeInputs {
  const reader = new InputReader(source);
  const { settings } = readSettingsAndVars(reader, { withVars: false });
  const { run, problems } = readGitHubRun(source.env, 'resume');
  for (const problem of problems) reader.problem(problem);
  const token = reader.optional('github-token');
  markSecret(token);
  if (!run.repository || !run.runId) {
    reader.problem(
      'resume runs in a GitHub Actions run (GITHUB_REPOSITORY and GITHUB_RUN_ID are not set): the parked phases are records of its repository',
    );
  }
  if (!token)
    reader.problem(
      `input github-token is required: the job's github.token with permissions ${RESUME_PERMISSIONS}`,
    );
  const cancel = (reader.optional('cancel') ?? '').split(/[\s,]+/).filter(Boolean);
  for (const key of cancel) {
    if (!KEY.test(key)) {
      reader.problem(
        `input cancel: "${key}" is not a parked phase; name it as <kind>/<id> (${Object.values(PARKED_KINDS).join(', ')}), e.g. training/wine-2024`,
      );
    }
  }
  const pressed = cancelButton(source.env, run.eventName);
  if (pressed && !cancel.includes(pressed)) cancel.push(pressed);
  reader.finish();
  return {
    settings: settings!,
    api: { token: token!, apiUrl: run.apiUrl },
    repository: run.repository!,
    runId: run.runId!,
    runUrl: run.runUrl ?? '',
    cancel,
  };
}

/** The phase whose check run's Cancel button started this run, if that is what did. */
function cancelButton(
  env: Readonly<Record<string, string | undefined>>,
  eventName: string | undefined,
): string | undefined {
  const path = env.GITHUB_EVENT_PATH;
  if (eventName !== 'check_run' || !path) return undefined;
  try {
    const payload = JSON.parse(readFileSync(path, 'utf8')) as {
      action?: unknown;
      requested_action?: { identifier?: unknown };
      check_run?: { external_id?: unknown };
    };
    const key = payload.check_run?.external_id;
    return payload.action === 'requested_action' &&
      payload.requested_action?.identifier === CANCEL_ACTION &&
      typeof key === 'string' &&
      KEY.test(key)
      ? key
      : undefined;
  } catch {
    return undefined;
  }
}
