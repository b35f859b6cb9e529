// What a job's workspace holds, as on GitHub: a job starts in an empty folder, and only
// actions/checkout puts the repository there. Here the checkout is the local working tree as it is
// (uncommitted changes included, which GitHub would not have: the log says so, once per run), and a
// job without an actions/checkout step gets an empty folder of its own, so a step that reads a file
// of the repository fails here as it would on GitHub instead of passing on files it would not have.

import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ActionCatalog } from './preflight.js';
import type { StepPlan } from './step-plan.js';

/** Whether any of the job's steps is actions/checkout. */
export function checksOut(steps: StepPlan[], catalog: ActionCatalog): boolean {
  return steps.some((step) => step.uses !== undefined && catalog.get(step.uses)?.kind === 'checkout');
}

/** The run's checkout: the working tree, and whether its uncommitted changes were pointed out yet. */
export class Checkout {
  private told = false;

  constructor(readonly workingTree: string) {}

  /** The folder a job works in: the working tree when it checks out, else an empty one in its own folder. */
  workspaceFor(jobDir: string, checksOutRepository: boolean): string {
    if (checksOutRepository) return this.workingTree;
    const empty = join(jobDir, 'workspace');
    mkdirSync(empty, { recursive: true });
    return empty;
  }

  /** What an actions/checkout step says: the working tree is the checkout; its changes, the first time. */
  describe(uses: string): string[] {
    const lines = [`${uses}: the local working tree ${this.workingTree} is the checkout`];
    if (this.told) return lines;
    this.told = true;
    const changes = git(this.workingTree, 'status', '--porcelain');
    const count = changes ? changes.split('\n').filter(Boolean).length : 0;
    if (count > 0) {
      const commit = git(this.workingTree, 'rev-parse', '--short', 'HEAD');
      lines.push(
        `its ${count} uncommitted change${count === 1 ? ' is' : 's are'} used (git status); on GitHub the job gets ${commit ? `commit ${commit}` : 'the ref'} without ${count === 1 ? 'it' : 'them'}`,
      );
    }
    return lines;
  }
}

function git(dir: string, ...args: string[]): string | undefined {
  try {
    return execFileSync('git', ['-C', dir, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}
