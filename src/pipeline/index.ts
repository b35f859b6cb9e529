// Entry point of the pipeline's check step (bundled to dist/pipeline/index.js; actions/pipeline is a
// composite that runs it first).
import { run } from './main.js';

await run();
