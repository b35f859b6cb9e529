// GitHub OIDC for one run: which jobs may ask for a token (permissions.ts), the token service that
// answers them (id-token-service.ts, started only when one may), and the embedded emulator's trust in
// its tokens. By default the emulator trusts each job's subject as the job starts (one federated
// client per subject, as in Keycloak), so a secretless workflow dry-runs without flags; with
// --oidc-subject it trusts those subjects alone, to rehearse a realm's trust before setting it up.

import type { Cluster } from './cluster.js';
import type { JobIdentity } from './github-claims.js';
import { gitHubClaims } from './github-claims.js';
import type { IdTokenGrant } from './id-token-service.js';
import { IdTokenService } from './id-token-service.js';
import { grantsIdToken } from './permissions.js';
import type { SelectedJob, WorkflowFile } from './workflow-file.js';

export interface RunOidc {
  /** For the first lines of the run's log. */
  description: string[];
  /** The job's right to tokens, or undefined when its permissions do not grant id-token: write. */
  grant(job: SelectedJob, identity: JobIdentity): IdTokenGrant | undefined;
  close(): Promise<void>;
}

export async function startRunOidc(
  workflow: WorkflowFile,
  jobs: SelectedJob[],
  cluster: Cluster,
  /** --oidc-subject: the only subjects the embedded emulator trusts; empty: each job's. */
  subjects: string[],
): Promise<RunOidc | undefined> {
  const granted = jobs.filter((job) => grantsIdToken(workflow, job));
  if (granted.length === 0) return undefined;
  const service = await IdTokenService.start();
  const trust = cluster.trustGitHubSubject;
  for (const subject of subjects) trust?.(service.issuer, subject);
  const names = granted.map((job) => job.id).join(', ');
  const trusted = !trust
    ? 'its issuer is on this machine: a cluster elsewhere cannot verify its tokens'
    : subjects.length > 0
      ? `the emulator trusts its tokens with subject ${subjects.join(', ')} (--oidc-subject)`
      : "the emulator trusts its tokens with each job's subject";
  return {
    description: [
      `oidc       GitHub's token service at ${service.issuer} for ${names} (id-token: write); ${trusted}`,
    ],
    grant(job, identity) {
      if (!granted.includes(job)) return undefined;
      const claims = gitHubClaims(identity);
      if (subjects.length === 0) trust?.(service.issuer, claims.sub);
      return service.grant(claims);
    },
    close: () => service.close(),
  };
}
