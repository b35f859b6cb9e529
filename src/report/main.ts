// The report action as a function: what index.ts runs, and what @github/local-action calls.
import { runStep } from '../shared/action/step.js';
import { readReportInputs } from './inputs.js';
import { postSavedSections } from './run.js';

export async function run(): Promise<void> {
  await runStep(() => postSavedSections(readReportInputs()));
}
