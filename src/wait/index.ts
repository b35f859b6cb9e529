// Entry point of actions/wait (bundled to dist/wait/index.js).
import { runStep } from '../shared/action/step.js';
import { readWaitInputs } from './inputs.js';
import { waitFor } from './run.js';

await runStep((ctx) => waitFor(ctx, readWaitInputs()));
