// Entry point of actions/train (bundled to dist/train/index.js).
import { runStep } from '../shared/action/step.js';
import { readTrainInputs } from './inputs.js';
import { train } from './run.js';

await runStep((ctx) => train(ctx, readTrainInputs()));
