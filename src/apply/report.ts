// What an apply did to each resource: the `resources` output ({kind, id, action} each, in the order
// done) and the job summary's rows.

import type { SummaryRow } from '../shared/action/summary.js';
import type { KindName } from '../shared/odahu/kinds.js';

/**
 * created, updated, unchanged (already had the manifest's spec), skipped (exists with another spec,
 * if-exists: skip), deleted, absent (nothing to delete).
 */
export type ResourceAction = 'created' | 'updated' | 'unchanged' | 'skipped' | 'deleted' | 'absent';

export interface ResourceResult {
  kind: KindName;
  id: string;
  action: ResourceAction;
}

/** How the log names each kind. */
export const NOUNS: Record<KindName, string> = {
  Connection: 'connection',
  ToolchainIntegration: 'toolchain integration',
  PackagingIntegration: 'packaging integration',
  ModelTraining: 'training',
  ModelPackaging: 'packaging',
  ModelDeployment: 'deployment',
  ModelRoute: 'route',
  InferenceService: 'batch inference service',
  InferenceJob: 'batch inference job',
};

export class ApplyReport {
  readonly results: ResourceResult[] = [];
  /** The summary's rows; phases (trainings...) add theirs when settled, with state and outputs. */
  readonly rows: SummaryRow[] = [];

  done(result: ResourceResult): void {
    this.results.push(result);
  }

  /** A resource without a state of its own (a connection, a route...): its row now. */
  row(result: ResourceResult, started: number, state = ''): void {
    this.rows.push({ ...result, state, durationMs: Date.now() - started, outputs: {} });
  }
}
