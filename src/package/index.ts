// Entry point of actions/package (bundled to dist/package/index.js).
import { runStep } from '../shared/action/step.js';
import { readPackageInputs } from './inputs.js';
import { packageModel } from './run.js';

await runStep((ctx) => packageModel(ctx, readPackageInputs()));
