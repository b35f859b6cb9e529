// A step as the runner needs it, from a workflow's job or a composite action: what the official
// converter gives (id, name, the `if` already wrapped in `success() && (...)`, env, run or uses) plus
// the keys it leaves out, read from the parsed (and schema-validated) token of the same step.

import type { Step } from '@actions/workflow-parser/model/workflow-template';
import type {
  BasicExpressionToken,
  MappingToken,
  ScalarToken,
  SequenceToken,
  TemplateToken,
} from '@actions/workflow-parser/templates/tokens/index';
import { isMapping } from '@actions/workflow-parser';
import { isActionStep, isRunStep } from '@actions/workflow-parser/model/type-guards';

export interface StepPlan {
  /** The step's id; generated ones (no `id:`) start with `__`. */
  id: string;
  name?: ScalarToken;
  if: BasicExpressionToken;
  env?: MappingToken;
  continueOnError?: boolean | ScalarToken;
  run?: ScalarToken;
  uses?: string;
  with?: MappingToken;
  shell?: TemplateToken;
  workingDirectory?: TemplateToken;
  timeoutMinutes?: TemplateToken;
  /** The step's own token, for file:line in messages. */
  token: TemplateToken;
}

/** Pairs the converter's steps with the sequence they came from (both in file order). */
export function stepPlans(steps: Step[], sequence: SequenceToken): StepPlan[] {
  return steps.map((step, index) => {
    const token = sequence.get(index);
    // Background, wait and parallel steps exist only behind the parser's feature flags, left off.
    if (!isRunStep(step) && !isActionStep(step)) throw new Error(`step ${step.id}: not a run or uses step`);
    const raw = (key: string) => (isMapping(token) ? token.find(key) : undefined);
    const withToken = raw('with');
    return {
      id: step.id,
      name: step.name,
      if: step.if,
      env: step.env,
      continueOnError: step['continue-on-error'],
      run: isRunStep(step) ? step.run : undefined,
      uses: isActionStep(step) ? step.uses.value : undefined,
      with: withToken && isMapping(withToken) ? withToken : undefined,
      shell: raw('shell'),
      workingDirectory: raw('working-directory'),
      timeoutMinutes: raw('timeout-minutes'),
      token,
    };
  });
}
