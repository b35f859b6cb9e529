// Entry point of actions/pipeline (bundled to dist/pipeline/index.js).
import { run } from './main.js';

await run();
