// Entry point of actions/connection (bundled to dist/connection/index.js).
import { runStep } from '../shared/action/step.js';
import { readConnectionInputs } from './inputs.js';
import { connect } from './run.js';

await runStep((ctx) => connect(ctx, readConnectionInputs()));
