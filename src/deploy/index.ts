// Entry point of actions/deploy (bundled to dist/deploy/index.js).
import { runStep } from '../shared/action/step.js';
import { readDeployInputs } from './inputs.js';
import { deploy } from './run.js';

await runStep((ctx) => deploy(ctx, readDeployInputs()));
