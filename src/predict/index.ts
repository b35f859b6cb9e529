// Entry point of actions/predict (bundled to dist/predict/index.js).
import { runStep } from '../shared/action/step.js';
import { readPredictInputs } from './inputs.js';
import { predict } from './run.js';

await runStep((ctx) => predict(ctx, readPredictInputs()));
